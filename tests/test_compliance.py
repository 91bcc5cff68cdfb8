"""Tests for service.compliance: adversarial tables, offsets and evasion properties.

The tables are independent of evals/compliance/cases.yaml; the eval set is
measured separately.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.compliance import ComplianceResult, Violation, ViolationCode, check

C = ViolationCode

BLOCKED: list[tuple[str, ViolationCode]] = [
    # pulling the buyer off Ozon
    ("Каталог лежит тут: www.mebelgrad-shop.ru/catalog", C.OFF_PLATFORM_CONTACT),
    ("Пишите на почту manager.olga@yandex.ru, ответим сегодня.", C.OFF_PLATFORM_CONTACT),
    ("Фото образцов выложили в инстаграме, ищите @shtory_elit", C.OFF_PLATFORM_CONTACT),
    ("Наш телеграм-канал с акциями: t.me/skidki_shtory", C.OFF_PLATFORM_CONTACT),
    ("Номер мастера +7 (926) 555-01-23, позвоните ему.", C.OFF_PLATFORM_CONTACT),
    ("Звоните: восемь девятьсот двадцать пять ноль ноль ноль один два три четыре.", C.OFF_PLATFORM_CONTACT),
    ("Можно написать нам в вайбере, ссылка в профиле.", C.OFF_PLATFORM_CONTACT),
    ("Пишите в телегу, ник kovry_msk.", C.OFF_PLATFORM_CONTACT),
    ("Адрес для писем: opt.sklad собака gmail точка com", C.OFF_PLATFORM_CONTACT),
    ("Все фото тут — vk.com/club12345", C.OFF_PLATFORM_CONTACT),
    ("Свяжитесь по skype: shop.nails, покажем на камеру.", C.OFF_PLATFORM_CONTACT),
    ("Дополнительные фото на сайте igrushki-detyam.рф", C.OFF_PLATFORM_CONTACT),
    ("Звоните: 8 9I5 2o1 33 4l, это мастер.", C.OFF_PLATFORM_CONTACT),
    ("Наш вк: kovry_spb, там все расцветки.", C.OFF_PLATFORM_CONTACT),
    ("Ищите нас в однокласснiках, группа «Ковры».", C.OFF_PLATFORM_CONTACT),
    ("Переведите, пожалуйста, остаток на Т-банк по номеру.", C.OFF_PLATFORM_DEAL),
    ("Скиньте деньги на карточку, так быстрее.", C.OFF_PLATFORM_DEAL),
    ("Поднимите, пожалуйста, рейтинг — а мы начислим бонус.", C.REVIEW_MANIPULATION),
    ("Исправьте оценку на четыре хотя бы. Взамен пришлём подарок.", C.REVIEW_MANIPULATION),
    ("За пятизвёздочный отзыв дарим купон.", C.REVIEW_MANIPULATION),
    ("А можно поменять оценку на более высокую?", C.REVIEW_MANIPULATION),
    ("Отмену оформите, пожалуйста, с Вашей стороны.", C.CANCEL_REQUEST),
    ("Вы что, читать не умеете? Всё указано.", C.ABUSE),
    ("Подадим на вас в суд, если не удалите это.", C.ABUSE),
    ("Это уже ваши проблемы.", C.BLAME_SHIFTING),
    ("0з0н снова всё завалил с доставкой.", C.DISPARAGEMENT),
    ("Поддержка Ozon — толку никакого.", C.DISPARAGEMENT),
    ("Не берите в «Ромашке» — там сплошные подделки.", C.DISPARAGEMENT),
    ("Звоните: 8 9ноль5 1два3 4пять 67, это склад.", C.OFF_PLATFORM_CONTACT),
    ("Пишите в т3л3гр4м, ник sklad_msk.", C.OFF_PLATFORM_CONTACT),
    ("Скажите к0д из смс, пожалуйста.", C.CONTACT_REQUEST),
    ("Смените оценку на пятёрку, пожалуйста. Мы же всё исправили, а за это будет промокод.", C.REVIEW_MANIPULATION),
    ("Напишите в whats app на номер из описания магазина.", C.OFF_PLATFORM_CONTACT),
    ("Пишите в W.h.a.t.s.A.p.p, так быстрее.", C.OFF_PLATFORM_CONTACT),
    ("Наш ТЕЛЕГРАМ: @rem_bytov", C.OFF_PLATFORM_CONTACT),
    ("Тел: 8 (9О5) 123-45-67, звоните.", C.OFF_PLATFORM_CONTACT),
    ("Пишите в В А Й Б Е Р, ответим.", C.OFF_PLATFORM_CONTACT),
    ("Напишите в вот\u200dсап, пришлём фото.", C.OFF_PLATFORM_CONTACT),
    ("Ссылка: xn--d1acufc.xn--p1ai/sale", C.OFF_PLATFORM_CONTACT),
    # asking for contacts or personal data
    ("Оставьте, пожалуйста, ваш номер, мы наберём вас завтра.", C.CONTACT_REQUEST),
    ("Пришлите ваш e-mail, отправим акт.", C.CONTACT_REQUEST),
    ("Нужна фотография вашего паспорта для оформления возврата.", C.CONTACT_REQUEST),
    ("Назовите номер вашей карты, чтобы мы перевели компенсацию.", C.CONTACT_REQUEST),
    ("Напишите свой адрес и индекс, вышлем посылку почтой.", C.CONTACT_REQUEST),
    ("Скиньте ваш телеграм, пришлю видео.", C.CONTACT_REQUEST),
    ("Продиктуйте код из смс, который сейчас придёт.", C.CONTACT_REQUEST),
    # deals outside Ozon
    ("Переведите 1200 рублей на Сбер по номеру телефона, и мы отправим сразу.", C.OFF_PLATFORM_DEAL),
    ("Дешевле будет, если закажете на нашем сайте.", C.OFF_PLATFORM_DEAL),
    ("Мы есть на Вайлдберриз, там цена ниже.", C.OFF_PLATFORM_DEAL),
    ("Можно купить у нас напрямую без наценки маркетплейса.", C.OFF_PLATFORM_DEAL),
    ("Оплату примем наличными, приезжайте на склад.", C.OFF_PLATFORM_DEAL),
    ("Давайте оформим сделку без Ozon, так выгоднее обоим.", C.OFF_PLATFORM_DEAL),
    ("Предоплату скиньте на карту, остальное при получении.", C.OFF_PLATFORM_DEAL),
    ("Карта для оплаты: 4276 3800 1234 5679.", C.OFF_PLATFORM_DEAL),
    ("Вернём деньги переводом на карту, без оформления возврата в Озоне.", C.OFF_PLATFORM_DEAL),
    # review pressure
    ("Пожалуйста, удалите свой отзыв, мы вернём часть денег.", C.REVIEW_MANIPULATION),
    ("Оставьте пятёрку — и получите скидку 20% на следующий заказ.", C.REVIEW_MANIPULATION),
    ("Измените, пожалуйста, оценку — мы уже отправили замену.", C.REVIEW_MANIPULATION),
    ("Не оставляйте негативный отзыв, давайте решим всё в чате.", C.REVIEW_MANIPULATION),
    ("За фотоотзыв с пятью звёздами начислим 300 баллов.", C.REVIEW_MANIPULATION),
    ("Отредактируйте, пожалуйста, свой отзыв — проблема решена.", C.REVIEW_MANIPULATION),
    # cancellation requests
    ("Отмените, пожалуйста, заказ — товар закончился на складе.", C.CANCEL_REQUEST),
    ("Попросим вас отменить покупку, мы не успеваем.", C.CANCEL_REQUEST),
    ("Вы не могли бы сами отменить заказ в приложении?", C.CANCEL_REQUEST),
    ("Оформите отмену заказа, пожалуйста.", C.CANCEL_REQUEST),
    ("Откажитесь от получения посылки, мы вернём деньги.", C.CANCEL_REQUEST),
    # abuse
    ("Вы вообще читать умеете, идиот?", C.ABUSE),
    ("Заткнись и не пиши сюда.", C.ABUSE),
    ("Мне плевать на вашу жалобу.", C.ABUSE),
    ("Ну ты и придурок, конечно.", C.ABUSE),
    ("Пошли вон со своими претензиями.", C.ABUSE),
    ("Что за херня с вашими претензиями?", C.ABUSE),
    ("Ещё раз такое напишешь — пожалеешь.", C.ABUSE),
    ("Бл*дь, опять брак нашли?", C.ABUSE),
    ("Да вы издеваетесь? Идиотский вопрос.", C.ABUSE),
    # blame
    ("Вы сами виноваты, нужно было проверить размер.", C.BLAME_SHIFTING),
    ("Это исключительно ваша вина.", C.BLAME_SHIFTING),
    ("Внимательнее надо было читать характеристики.", C.BLAME_SHIFTING),
    ("Ваши проблемы, что курьер не дозвонился.", C.BLAME_SHIFTING),
    ("Вы неправильно собрали шкаф, поэтому он шатается.", C.BLAME_SHIFTING),
    ("Мы тут ни при чём, обращайтесь к перевозчику.", C.BLAME_SHIFTING),
    # disparagement
    ("Курьеры Озона вечно всё бьют.", C.DISPARAGEMENT),
    ("У других продавцов сплошной контрафакт.", C.DISPARAGEMENT),
    ("На Яндекс Маркете продают подделки, берите у нас.", C.DISPARAGEMENT),
    ("Ozon постоянно теряет посылки, мы тут бессильны.", C.DISPARAGEMENT),
    ("Конкуренты торгуют барахлом.", C.DISPARAGEMENT),
    # transliterated Russian, hyphenated words, English digit words, spaced shorteners
    ("Sami vinovaty — nado bylo chitat' opisanie.", C.BLAME_SHIFTING),
    ("Otmenite, pozhalujsta, zakaz — tovar zakonchilsya.", C.CANCEL_REQUEST),
    ("Napishite mne v telegu, tam bystree otvechu.", C.OFF_PLATFORM_CONTACT),
    ("Отз-\nыв удал-\nите, пожалуйста, вопрос ведь решён.", C.REVIEW_MANIPULATION),
    ("Ад-рес про-жи-ва-ния напишите, отправим замену.", C.CONTACT_REQUEST),
    ("Call me: plus seven nine one six three three three two two one one.", C.OFF_PLATFORM_CONTACT),
    ("Распаковка тут: bit . ly / 3kF9zQp", C.OFF_PLATFORM_CONTACT),
    ("Контактный тел. Ваш — какой? Перезвоним.", C.CONTACT_REQUEST),
    ("Было бы здорово, если бы Вы исправили отзыв — проблема же решена.", C.REVIEW_MANIPULATION),
    ("Не забирайте заказ из пункта выдачи, пусть вернётся к нам.", C.CANCEL_REQUEST),
    ("Ещё одна жалоба — и мы найдём, где Вы живёте.", C.ABUSE),
    # slang, euphemisms and idioms
    ("Черкните циферки, перезвоним после обеда.", C.CONTACT_REQUEST),
    ("Укажите улицу и номер квартиры, курьер магазина завезёт образцы.", C.CONTACT_REQUEST),
    ("Подскажите дату рождения, пришлём открытку.", C.CONTACT_REQUEST),
    ("Сфотографируйте оборотную сторону карты, так сверим платёж.", C.CONTACT_REQUEST),
    ("Давайте обменяемся контактами, так удобнее.", C.CONTACT_REQUEST),
    ("Подъезжайте к нам в офис, покажем всю коллекцию вживую.", C.OFF_PLATFORM_CONTACT),
    ("Мы есть во ВК, сообщество «Пряжа», там схемы.", C.OFF_PLATFORM_CONTACT),
    ("Перекиньте оплату на жёлтый банк, и отправим сегодня.", C.OFF_PLATFORM_DEAL),
    ("На малиновой площадке этот чайник у нас дешевле.", C.OFF_PLATFORM_DEAL),
    ("Если отредактируете отзыв, будем очень благодарны.", C.REVIEW_MANIPULATION),
    ("Нажмите кнопку отмены, мы не успеем собрать шкаф.", C.CANCEL_REQUEST),
    ("Вы нас всех уже утомили, идите со своими вопросами куда подальше.", C.ABUSE),
    ("Раз не посмотрели таблицу размеров, обмен не положен.", C.BLAME_SHIFTING),
    ("Дело точно не в нас, за работу почты мы не отвечаем.", C.BLAME_SHIFTING),
    ("Поломка теперь на вашей совести.", C.BLAME_SHIFTING),
    ("Пункты выдачи Ozon — это, мягко говоря, не эталон.", C.DISPARAGEMENT),
    ("У соседей по витрине одни просроченные батарейки.", C.DISPARAGEMENT),
    ("Наш склад-магазин на Садовой улице, 12 — заходите за примеркой.", C.OFF_PLATFORM_CONTACT),
    ("Пишите в зелёный мессенджер, там пришлю фото.", C.OFF_PLATFORM_CONTACT),
    ("Каталог лежит в группе: tkani_optom, вступайте.", C.OFF_PLATFORM_CONTACT),
    ("Для гарантии нужны серия и номер паспорта владельца.", C.CONTACT_REQUEST),
    ("У вас есть Вайбер? Скину туда схему.", C.CONTACT_REQUEST),
    ("Оплатить можно в USDT, реквизиты пришлю.", C.OFF_PLATFORM_DEAL),
    ("Скиньте сумму через систему быстрых платежей, так быстрее.", C.OFF_PLATFORM_DEAL),
    ("Давайте договоримся напрямую, без лишних процентов.", C.OFF_PLATFORM_DEAL),
    ("Можем вернуть деньги без оформления возврата, сразу на счёт.", C.OFF_PLATFORM_DEAL),
    ("Накиньте нам пару звёздочек, пожалуйста.", C.REVIEW_MANIPULATION),
    ("Рассчитываем на пересмотр Вашей оценки после замены.", C.REVIEW_MANIPULATION),
    ("Ваш отзыв нас огорчил. Может, исправите? А мы в ответ пришлём подарок.", C.REVIEW_MANIPULATION),
    ("Лучше отменить его сейчас, поставщик подвёл.", C.CANCEL_REQUEST),
    ("Отменяйте смело, товара на складе нет.", C.CANCEL_REQUEST),
    ("Закройте рот и дождитесь курьера.", C.ABUSE),
    ("Для особо сообразительных: шнур вставляется до щелчка.", C.ABUSE),
    ("Разбирайтесь с настройкой сами, мы только продаём.", C.BLAME_SHIFTING),
    ("Посылку мы сдали целой, дальше уже не наша зона.", C.BLAME_SHIFTING),
    ("Поддержка Ozon — сплошная лотерея, как повезёт.", C.DISPARAGEMENT),
    ("Склад Озона постоянно глючит с отгрузками, поэтому и задержка.", C.DISPARAGEMENT),
    ("Пункт выдачи у вокзала — настоящий хаос, там всё теряют.", C.DISPARAGEMENT),
    ("У соседних продавцов «фирменные» кроссовки шьют в гараже.", C.DISPARAGEMENT),
    ("Площадка берёт грабительскую комиссию, отсюда и цена.", C.DISPARAGEMENT),
    ("Товар мы отгрузили, а дальше это уже ваши трудности.", C.BLAME_SHIFTING),
    ("Царапины после доставки нас, увы, не касаются.", C.BLAME_SHIFTING),
    ("Вопрос по гарантии не к продавцу, звоните в сервис.", C.BLAME_SHIFTING),
    ("Рекомендуем решить это самостоятельно с перевозчиком.", C.BLAME_SHIFTING),
    ("Будем признательны, если оставите свой телефон для связи.", C.CONTACT_REQUEST),
    ("Оплатить можно лично мне, так выйдет дешевле.", C.OFF_PLATFORM_DEAL),
    ("Пожалуйста, смените оценку на более высокую.", C.REVIEW_MANIPULATION),
    ("Пересмотрите, пожалуйста, своё мнение о покупке.", C.REVIEW_MANIPULATION),
    # several sentences: a violation inside one sentence is found whatever sentences stand around it
    (
        "Здравствуйте! Подскажите, пожалуйста, номер заказа. "
        "Звоните: восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь.",
        C.OFF_PLATFORM_CONTACT,
    ),
    (
        "Рады помочь с настройкой. Видео могу скинуть в вотсап 😉 Заказ уже передан в доставку, "
        "поэтому адрес можно поменять только через поддержку Ozon.",
        C.OFF_PLATFORM_CONTACT,
    ),
    (
        "Оформить возврат можно в приложении, если понадобится. "
        "Не ставьте, пожалуйста, плохую оценку, мы всё исправим.",
        C.REVIEW_MANIPULATION,
    ),
    (
        "Спасибо за покупку. К сожалению, так бывает. За отзыв с оценкой 5 дарим скидку на следующий заказ.",
        C.REVIEW_MANIPULATION,
    ),
    ("Спасибо за оценку 😊 Поставьте пять звёзд, и мы пришлём подарок.", C.REVIEW_MANIPULATION),
    ("Длина ремешка 22 см. Вы сами виноваты, что не посмотрели таблицу размеров.", C.BLAME_SHIFTING),
    ("Номер заказа мы нашли. Менеджер на связи по номеру +7 916 123-45-67, звоните.", C.OFF_PLATFORM_CONTACT),
    # a word written one letter per line
    ("Уточните, пожалуйста, свой\nт\nе\nл\nе\nф\nо\nн\nдля доставки.", C.CONTACT_REQUEST),
    ("Мы в\nт\nе\nл\nе\nг\nр\nа\nм\nе: kovrik_shop", C.OFF_PLATFORM_CONTACT),
    # phone digits as Roman numerals or circled digits
    ("Наш телефон: VIII IX XXIII CDLVI XXXIV XII, звоните днём.", C.OFF_PLATFORM_CONTACT),
    ("Звоните: VIII-IX-XXIII-CDLVI-XXXIV-XII.", C.OFF_PLATFORM_CONTACT),
    ("Номер для связи ❽❾❷❸ 456 34 12, спросите Олега.", C.OFF_PLATFORM_CONTACT),
    # a phone number given in two parts
    ("Начало нашего номера 8 923. Продолжение — 456 34 12, звоните вечером.", C.OFF_PLATFORM_CONTACT),
    ("Телефон мастера: сначала 8 923 456, а потом 34 12.", C.OFF_PLATFORM_CONTACT),
    # cancellation asked for as advice or in other words
    ("Поставщик подвёл, так что правильнее будет просто отменить.", C.CANCEL_REQUEST),
    ("Думаем, Вам лучше самой отказаться, ждать придётся долго.", C.CANCEL_REQUEST),
    ("Я бы на Вашем месте уже отменил, сроки поставки неизвестны.", C.CANCEL_REQUEST),
    ("Пожалуйста, «освободите» покупку в приложении, товар закончился.", C.CANCEL_REQUEST),
    ("Будем благодарны, если Вы передумаете насчёт заказа, отгрузить его не сможем.", C.CANCEL_REQUEST),
    # hedged disparagement: intent, idioms, irony in quotes, rivals named by what they sell
    ("Площадка нарочно тормозит выплаты, чтобы крутить наши деньги.", C.DISPARAGEMENT),
    ("Склад Озона снова напортачил с маркировкой, как обычно.", C.DISPARAGEMENT),
    ("Пункт выдачи работает спустя рукава, посылки там лежат где попало.", C.DISPARAGEMENT),
    ("Маркетплейс в своём репертуаре: статус не обновлялся три дня.", C.DISPARAGEMENT),
    ("Поддержка площадки опять пришлёт отписку, можете не тратить время.", C.DISPARAGEMENT),
    ("Ozon, как всегда, «бережно» упаковал вашу вазу.", C.DISPARAGEMENT),
    ("Наша «хвалёная» площадка снова всё перепутала.", C.DISPARAGEMENT),
    ("С такой площадкой удивительно, что хоть что-то приезжает целым.", C.DISPARAGEMENT),
    ("У магазинов с аналогичными кроссовками на складе сплошная подделка.", C.DISPARAGEMENT),
    # blame put politely: a hedged guess, a passive with the buyer as agent, «кто-то не умеет»
    ("Планшет, судя по сколу, роняли. Это не гарантийный случай.", C.BLAME_SHIFTING),
    ("Вероятно, куртку постирали в горячей воде, отсюда и усадка.", C.BLAME_SHIFTING),
    ("Правила хранения были нарушены покупателем, гарантия не действует.", C.BLAME_SHIFTING),
    ("Ткань повреждена Вами при глажке, поэтому в возврате отказано.", C.BLAME_SHIFTING),
    ("Такие поломки бывают, когда кто-нибудь не умеет обращаться с блендером.", C.BLAME_SHIFTING),
    ("Ну а что поделать, если у кого-то руки не из того места растут.", C.ABUSE),
    # a price cut for paying off Ozon; digits asked for calls; rude idioms
    ("Можно и переводом, тогда уступим пятьсот рублей.", C.OFF_PLATFORM_DEAL),
    ("Наличкой нашему водителю выйдет выгоднее, чем картой.", C.OFF_PLATFORM_DEAL),
    ("Оставьте свои цифры для звонка, мастер перезвонит.", C.CONTACT_REQUEST),
    ("Идите-ка ты лесом со своими вопросами.", C.ABUSE),
    ("Прекратите писать всякую херню, товар исправен.", C.ABUSE),
    ("Такой покупатель, как вы, просто позорище.", C.ABUSE),
    # transliteration without soft signs; spaced-out brand names read whole
    ("Dobryy den! Ostavte svoy nomer telefona, perezvonim.", C.CONTACT_REQUEST),
    ("Zdravstvuyte! Udalite pozhaluysta otzyv, a my vernyom den'gi.", C.REVIEW_MANIPULATION),
    ("Берите у нас на А.в.и.т.о, там дешевле.", C.OFF_PLATFORM_DEAL),
    ("Найдите нас в в а й б е р е по названию магазина.", C.OFF_PLATFORM_CONTACT),
    # spaced links and names: the domain's dot, «t . me», a preposition before a spaced name
    ("Каталог смотрите тут: l-a-m-p-y-s-v-e-t . c-o-m", C.OFF_PLATFORM_CONTACT),
    ("Видео сборки в канале: t . me / sborka_mebeli", C.OFF_PLATFORM_CONTACT),
    ("Пишите нам в в/а/т/с/а/п, ответим сразу.", C.OFF_PLATFORM_CONTACT),
    ("Заходите к нам в и н с т у, там обзоры.", C.OFF_PLATFORM_CONTACT),
    # digits for letters: «0» for «у», «9» for «я», cash slang; a polite ask to press cancel
    ("Пр0дикт0йте, пожалуйста, свой телеф0н.", C.CONTACT_REQUEST),
    ("Можем н4пр9мую, без площадки, так дешевле.", C.OFF_PLATFORM_DEAL),
    ("Отдайте н4ликом нашему курьеру, и всё.", C.OFF_PLATFORM_DEAL),
    ("Можно попросить Вас нажать кнопку отмены? Товар закончился.", C.CANCEL_REQUEST),
    # rhetorical blame: «точно не мы», «вопросы к тому, кто …», «вопрос риторический»
    ("А кто ставил стиральную машину на ковёр? Уж точно не мы.", C.BLAME_SHIFTING),
    ("Мы отправили исправный насос, а претензии к тем, кто его так подключил.", C.BLAME_SHIFTING),
    ("Таблицу размеров кто-нибудь смотрел? Вопрос, конечно, риторический.", C.BLAME_SHIFTING),
    # a word or two per line: the newlines only separate words
    ("Добрый день!\nСкиньте\nсвой\nномер\nтелефона,\nперезвоним.", C.CONTACT_REQUEST),
    ("Оплатите\nпереводом\nна\nкарту\nСбербанка.", C.OFF_PLATFORM_DEAL),
    ("Пожалуйста,\nудалите\nэтот\nотзыв.\nСпасибо!", C.REVIEW_MANIPULATION),
    # requests written in English
    ("Good afternoon! Please send us your phone number, the manager will call.", C.CONTACT_REQUEST),
    ("Здравствуйте! Just leave your e-mail, и мы пришлём каталог.", C.CONTACT_REQUEST),
    ("Kindly remove your review, the replacement is already on its way.", C.REVIEW_MANIPULATION),
    ("Please give us five stars, it really helps our small shop.", C.REVIEW_MANIPULATION),
    ("Please cancel the order, the item is out of stock.", C.CANCEL_REQUEST),
    # pictograms for words: the buyer's phone or mail, a parcel, a gift traded for a review
    ("Добрый день! Продиктуйте, пожалуйста, свой 📱, мастер перезвонит.", C.CONTACT_REQUEST),
    ("Оставьте Ваш ✉️, пришлём инструкцию файлом.", C.CONTACT_REQUEST),
    ("Лучше просто не забирайте 📦 из пункта выдачи, так проще всем.", C.CANCEL_REQUEST),
    ("Здравствуйте! Отзыв на пять звёзд = 🎁 в следующем заказе.", C.REVIEW_MANIPULATION),
    # a cancellation asked for across two sentences
    ("Заказ Вам, наверное, уже не нужен? Тогда отмените сами, так быстрее.", C.CANCEL_REQUEST),
    ("Ваш заказ мы отправить не сможем. Пожалуйста, отмените в приложении.", C.CANCEL_REQUEST),
    ("Отмена доступна в разделе «Мои заказы». Сделайте это, пожалуйста, до вечера.", C.CANCEL_REQUEST),
    ("Отказаться от покупки можно прямо в приложении. Очень просим Вас так и сделать.", C.CANCEL_REQUEST),
    # a review edit asked for in the sentence after the review
    ("Из-за одной единицы магазин может закрыться. Может, поправите хотя бы на четвёрку?", C.REVIEW_MANIPULATION),
    ("Ваш отзыв про размер справедлив. Удалите его, пожалуйста, замену мы уже прислали.", C.REVIEW_MANIPULATION),
    # a request lead far from its verb, with polite asides between them
    ("Не могли бы Вы, пожалуйста, если Вам не сложно, удалить отзыв?", C.REVIEW_MANIPULATION),
    ("Просим Вас, если это возможно и не затруднит, отменить заказ со своей стороны.", C.CANCEL_REQUEST),
    ("Не могли бы Вы, пожалуйста, если это не трудно, прислать номер телефона?", C.CONTACT_REQUEST),
    # stacked lines inside an ordinary draft
    (
        "Здравствуйте! Спасибо, что написали нам, разберёмся.\nПродиктуйте\nсвой\nномер\nтелефона,\nперезвоним.",
        C.CONTACT_REQUEST,
    ),
    # a reward and the review it pays for in neighbouring sentences
    (
        "Для Вас припасён промокод на 500 ₽. Он заработает, как только отзыв станет положительным.",
        C.REVIEW_MANIPULATION,
    ),
    ("Одна звезда — это обидно. Может, Вы её уберёте, а мы вернём часть денег?", C.REVIEW_MANIPULATION),
    ("Будем признательны, если в отзыве появится четвёрка или пятёрка.", C.REVIEW_MANIPULATION),
    # a rival marketplace or seller judged by a flaw
    ("На Wildberries такие же кружки продают втридорога и в мятых коробках.", C.DISPARAGEMENT),
    ("У других продавцов эти часы часто приходят битыми, у нас — в жёсткой упаковке.", C.DISPARAGEMENT),
    ("На AliExpress этот крем продают с истёкшим сроком, будьте внимательны.", C.DISPARAGEMENT),
    ("Philips давно скатился по качеству, наш утюг гладит не хуже.", C.DISPARAGEMENT),
    ("Dyson — переоценённый бренд, Вы платите за название.", C.DISPARAGEMENT),
    ("Такие же кроссовки есть у других продавцов. Только у них сплошной контрафакт.", C.DISPARAGEMENT),
    ("Берёте такое на «Ягодках»? Там одни подделки, увы.", C.DISPARAGEMENT),
    ("Пишите в телеграм-синий чат магазина, там ответим быстрее.", C.OFF_PLATFORM_CONTACT),
]

ALLOWED: list[str] = [
    "Добрый день! Заказ уже в пути, ориентировочная дата доставки — 14 июня.",
    "Спасибо за вопрос! Да, размер соответствует российскому.",
    "Пришлите, пожалуйста, фото бирки сюда, в чат Ozon.",
    "Номер вашего заказа 34567812-0045-1, статус можно посмотреть в приложении.",
    "Отменить заказ вы можете сами в разделе «Заказы», если он ещё не передан в доставку.",
    "Ваш отзыв помогает нам становиться лучше.",
    "Мы сами оплатим обратную доставку.",
    "Телефон поддерживает WhatsApp и Telegram.",
    "Приставка работает с YouTube и другими приложениями.",
    "Поводок подходит для собаки среднего размера.",
    "Курьер позвонит вам за час до доставки.",
    "Мы работаем по будням с 10:00 до 19:00, ответим здесь.",
    "Трек-номер 80082345678912 появится в заказе.",
    "Вес 1,5 кг; размер 30 × 20 × 10 см; цена 2 490 ₽.",
    "Извините, это наша ошибка при упаковке.",
    "Не переживайте, вы ни в чём не виноваты.",
    "Оплата проходит только через Ozon, это безопасно.",
    "Если хотите, можете отказаться от заказа до его отправки.",
    "Подарочная упаковка в форме телеграммы — бесплатно.",
    "Оттенок «вотсап-зелёный» на экране кажется ярче, чем вживую.",
    "Карта Москвы в масштабе 1:25000.",
    "Наш магазин на Ozon работает с 2019 года.",
    "Поддержка Ozon поможет оформить компенсацию.",
    "Оценку меняет только сам покупатель — мы на это не влияем.",
    "Переведите режим работы в «Авто», и кондиционер сам подберёт температуру.",
    "Сигнализация подаёт сигнал при открытии двери.",
    "Наличие на складе обновляется каждый час.",
    "Смотрите видеообзор в карточке товара на Ozon.",
    "Это не ваша ошибка, так бывает, мы всё исправим.",
    "Вы не пожалеете о покупке!",
    "Нож не тупой, ему просто нужна заточка.",
    "Костюм клоуна подойдёт для утренника.",
    "Бляха ремня из нержавеющей стали.",
    "Команда «Отменить» сбрасывает настройки.",
    "Вы можете поставить оценку после получения товара.",
    "Мы не просим ставить нам пять звёзд — честный отзыв важнее.",
    "Вот сапоги, о которых вы спрашивали, они в наличии.",
    "Мы в контакте с курьерской службой и держим вас в курсе.",
    "Напишите нам здесь, в чате, если что-то пойдёт не так.",
    "Почта, указанная в аккаунте Ozon, используется для чеков.",
    "Сап-борд выдерживает до 120 кг.",
    "Мы сами отменим заказ, если не успеем его собрать, и сразу предупредим вас.",
    "Оплатить заказ можно картой или через СБП при оформлении на Ozon.",
    "Если бы Вы отменили заказ раньше, деньги уже вернулись бы: напишите нам здесь, проверим.",
    "Планшет идёт с Android 13, из Google Play можно установить любые мессенджеры, в том числе Viber.",
    "Посылку отправят заново без доплаты с Вашей стороны.",
    "Если сам товар повреждён, оформите возврат с причиной «Брак».",
    "Кто-то из курьеров перепутал адрес, поэтому интернет-магазин отправит заказ повторно.",
    "Чехол подойдёт для телефона с поддержкой NFC для оплаты картой.",
    "Наша телега садовая выдерживает 100 кг.",
    "Смарт-часы показывают сообщения из Telegram, ответить можно голосом.",
    "Книга «Маркетинг в Telegram», 280 страниц, мягкая обложка.",
    "Все характеристики указаны на карточке товара.",
    "Отмена с Вашей стороны возможна, пока заказ не передан в доставку.",
    "Ваши проблемы с доставкой мы уже передали в поддержку Ozon.",
    "Рейтинг товара складывается из оценок покупателей.",
    "Артикул 9о5 — это модель в сером цвете.",
    "Перевод на карту не нужен: заказ уже оплачен на Ozon.",
    "Мы не можем дарить подарки за отзывы — это запрещено правилами площадки.",
    "Кружка с надписью «Админ телеграм-канала», 350 мл.",
    "Мы в «Ромашке» упаковываем каждый заказ вручную.",
    "Мы никогда не просим покупателей удалять или исправлять оценки.",
    "Номер карты не нужен, оплата проходит на Ozon.",
    "Если хотите отменить заказ, нажмите кнопку отмены в приложении.",
    "Мы есть только на Ozon, других магазинов нет.",
    "Спасибо, что изменили отзыв, мы рады, что всё решилось.",
    "У других покупателей такой проблемы не было, но мы пришлём замену.",
    "Заглядывайте в наш магазин на Ozon: новинки каждую неделю.",
    "Простите, мы очень виноваты перед Вами и уже отправили замену.",
    "Подарков за отзывы мы не даём, но всегда поможем с заменой.",
    "Если передумали, откройте заказ и нажмите «Отменить».",
    "Браслет показывает уведомления из мессенджеров, корпус синий.",
    "Группа товаров: садовый инвентарь, артикул указан в карточке.",
    "Скидка действует без оформления подписки.",
    "Ваш заказ отменён с нашей стороны, деньги вернутся в течение трёх дней.",
    "Вашей вины тут нет, коробку повредили при перевозке.",
    "Мы никогда не просим перевод на карту — платите только через Ozon.",
    "Закупаем ткань напрямую у фабрики, поэтому цена ниже.",
    "Если кто-то требует предоплату на карту от нашего имени — не платите, это мошенники.",
    "Нас очень волнует, чтобы заказ пришёл вовремя.",
    "Пункт выдачи сегодня работает до восьми вечера.",
    "Решите сами, какой оттенок вам ближе, оба есть в наличии.",
    # several sentences: cues of one sentence must not reach into the next
    "Отправили посылку сегодня, она уже в пути. В подарочный набор входит открытка-телеграмма в стиле ретро.",
    "Спасибо за честную оценку и подробный отзыв. К сожалению, дополнительную скидку на этот товар сделать не можем.",
    "Благодарим за отзыв и оценку. С понедельника цены на всю серию снижены, скидка применится автоматически.",
    "Спасибо за оценку. У нас сейчас действует скидка на весь ассортимент, она уже учтена в цене.",
    "Размер коробки 40×30×15 см. Надо было нам сразу предупредить вас о габаритах, просим прощения.",
    "Спасибо за отзыв и высокую оценку 😊 Скидка на эту модель действует до конца месяца, она уже учтена в цене.",
    "Артикул 8912345670 указан в карточке товара. Спасибо, что выбрали нас!",
    "В наличии размеры:\nS\nM\nL\nПодскажите, какой вам нужен.",
    "Глава XIV инструкции, раздел III, пункт IV: как почистить фильтр.",
    "Набор рассчитан на детей от III до VI лет, подходит для XX и XXI веков истории.",
    "Шаги сборки обозначены цифрами ❶ ❷ ❸ на вкладыше.",
    "Номер заказа 8 923. Посылка весит 456 граммов, в ней 12 деталей.",
    "Звоните в поддержку Ozon с 9 до 18. Доставка займёт 8 дней, стоимость 923 рубля.",
    "Номер модели фильтра 8 923, совместимые насосы — серии 456 и 34.",
    "Если решите отменить, лучше сделать это до передачи заказа в доставку.",
    "Советуем не отменять: посылка уже в пути и приедет завтра.",
    "Отменить заказ проще всего можно в разделе «Мои заказы».",
    "На Вашем месте мы бы тоже расстроились, но замена уже едет.",
    "Я бы на Вашем месте не спешил отменять, поставка ожидается в пятницу.",
    "Если передумаете с заказом, напишите нам, подскажем, как оформить возврат.",
    "В приложении Ozon выберите способ «Самая быстрая доставка», и посылка придёт завтра.",
    "Пункт выдачи Ozon у метро обычно работает до девяти, там бережно хранят посылки.",
    "Площадка специально напоминает о сроке хранения, чтобы заказ не уехал обратно.",
    "Ozon обычно присылает уведомление, когда заказ прибыл в пункт выдачи.",
    "Товар участвует в акции «Лучшая цена» на Ozon до конца недели.",
    "У продавцов с похожими товарами тоже бывает оригинальная продукция, сравнивайте описание.",
    "Поддержка Ozon ответит в чате, обычно в течение часа.",
    "Судя по фото, коробку уронили при перевозке, мы уже оформили замену.",
    "Видимо, ножку повредили ещё на складе, пришлём новую бесплатно.",
    "Похоже, шов разошёлся из-за брака на производстве, вернём деньги.",
    "Посылка была повреждена курьером, мы уже написали в службу доставки.",
    "Если кто-то из семьи не умеет настраивать таймер, пришлём видеоинструкцию.",
    "Не переживайте, если не умеете пользоваться приложением: подскажем по шагам.",
    "Скидка не зависит от способа оплаты: картой, наличными при получении или в рассрочку.",
    "В комплекте есть перевод инструкции на русский, а на следующий заказ действует скидка 5 %.",
    "При оплате картой Ozon Банка цена будет выгоднее, это видно в корзине.",
    "Последние цифры номера курьера для связи появятся в приложении Ozon.",
    "Позорище ли это для бренда — судить не нам, а эта модель работает отлично.",
    "Spasibo za zakaz! Dostavka zavtra, kurer pozvonit cherez prilozhenie Ozon.",
    "Товар пришёл в о з о н о в с к о й коробке, так и должно быть.",
    "Маркировка на коробке: A . B . C — это партии, т. е. ничего страшного.",
    "Цвета в наличии: к-р-а-с-н-ы-й и с-и-н-и-й, выбирайте в карточке товара на Ozon.",
    "Инструкция в и н с т р у к ц и и на странице 3, т. е. в разделе «Сборка».",
    "Модель X9 и модель 9S отличаются мощностью, обе есть в наличии.",
    "Если захотите, можно попросить курьера подождать, пока нажмёте кнопку отмены в приложении.",
    "Код 4К-0Н на упаковке означает партию, это не брак.",
    "Кто вам звонил от имени магазина? Точно не мы — мы не звоним покупателям, будьте осторожны.",
    "Упаковывали посылку точно не мы, её собирал склад Ozon, но замену мы вышлем сами.",
    "Отличный вопрос! Разберём его по шагам в инструкции.",
    "Здравствуйте!\nНапишите,\nпожалуйста,\nномер\nзаказа\nсюда,\nв чат.",
    "Здравствуйте!\nОтменить\nзаказ\nможно\nв личном кабинете.",
    "Телефон\nподдерживает\nWhatsApp\nи Telegram.",
    "Здравствуйте!\nРазмеры:\nS\nM\nL\nXL\nВсе есть в наличии.",
    "We never ask for your phone number, please keep it private.",
    "Thank you for your review! We will change the packaging for the next batch.",
    "You can edit your review in your Ozon account at any time.",
    "If you change your mind, cancel the order in the app before it ships.",
    "Please do not cancel the order, it arrives tomorrow.",
    "Please send the order number and a photo of the label here, in the Ozon chat.",
    "Здравствуйте! Ваш 📦 уже ждёт Вас в пункте выдачи.",
    "Спасибо за заказ! Мы уже упаковали его 📦 и положили маленький 🎁 от магазина.",
    "Если остались вопросы, пишите нам ✉️ здесь, в чате Ozon.",
    "📞 Курьер позвонит Вам за час до доставки.",
    "Спасибо за отзыв! Цена = 990 ₽, скидка действует до пятницы.",
    "Заказ пока не передан в доставку. Если передумаете, отмените в приложении — деньги вернутся сами.",
    "Кнопка отмены находится в разделе «Мои заказы». Воспользуйтесь ею, если передумаете.",
    "Ваш заказ отменён автоматически. Не переживайте, сделайте это снова, когда товар появится.",
    "Заказ уже в пути. Пожалуйста, не отменяйте, он приедет завтра.",
    "Заказ собран. Сделайте, пожалуйста, фото товара при получении.",
    "Спасибо за отзыв! Исправьте, пожалуйста, адрес доставки в профиле.",
    "Спасибо за отзыв! Уберите, пожалуйста, плёнку с экрана перед использованием.",
    "Мы прочитали Ваш отзыв. Исправим упаковку в следующей партии.",
    "Отзыв — Ваше право. Удалять ничего не нужно.",
    "Мы никогда не просим, если честно, удалять или менять отзывы.",
    "Удалить отзыв, если это возможно, можно только через поддержку Ozon.",
    "Если Вам не сложно, могли бы Вы прислать фото бирки сюда, в чат?",
    "Мы не можем, к сожалению, даже если очень захотим, удалить Ваш отзыв.",
    "Заказ уже в пути. Отмените предыдущие настройки кнопкой Reset и перезапустите роутер.",
    "Ваш заказ доставлен. Откажитесь от рассылки в профиле, если письма мешают.",
    "Спасибо за отзыв про упаковку. Мы её поменяли, а в посылку теперь кладём небольшой подарок.",
    "Если у Вас остались вопросы по отзыву, напишите нам. Промокод на следующую покупку уже в посылке.",
    "Когда отзыв появится на карточке, он поможет другим покупателям. Скидка 10 % действует до конца месяца.",
    "Рады, что отзыв стал положительным после замены! Спасибо, что дали нам шанс.",
    "Посылка пришла мятой? Пришлите фото сюда, мы оформим замену.",
    "Если товар пришёл битым, оформите возврат через Ozon — деньги вернутся полностью.",
    "Этот крем с истёкшим сроком годности мы не продаём: все партии свежие.",
    "Наш чехол совсем не хлипкий: поликарбонат толщиной 2 мм.",
    "Адаптер Xiaomi ненадёжный? Нет, он прослужит годами, это оригинал.",
    "Зарядка поддерживает протокол Quick Charge, ненадёжных соединений нет.",
    "Это оригинальный Samsung, а не некачественная копия: серийный номер есть на коробке.",
    "Наш фен работает тише, чем Dyson, и стоит дешевле.",
    "Другие продавцы этой модели есть. Мы не комментируем их товар, но у нас подделок нет.",
    "Подделки на «Озоне» мы не продаём, у нас только оригинал с сертификатом.",
]


def codes(text: str) -> set[ViolationCode]:
    return {v.code for v in check(text).violations}


def _ids(cases: list[tuple[str, ViolationCode]]) -> list[str]:
    return [f"{k}-{code.name}" for k, (_, code) in enumerate(cases)]


@pytest.mark.parametrize(("text", "code"), BLOCKED, ids=_ids(BLOCKED))
def test_blocked(text: str, code: ViolationCode) -> None:
    result = check(text)
    assert not result.allowed
    assert code in {v.code for v in result.violations}, result.violations


@pytest.mark.parametrize("text", ALLOWED, ids=[f"allowed-{k}" for k in range(len(ALLOWED))])
def test_allowed(text: str) -> None:
    result = check(text)
    assert result.allowed, result.violations
    assert result.violations == []


def _assert_well_formed(text: str, result: ComplianceResult) -> None:
    assert result.allowed == (not result.violations)
    previous: dict[ViolationCode, Violation] = {}
    starts = [v.start for v in result.violations]
    assert starts == sorted(starts)
    for v in result.violations:
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.excerpt
        assert v.excerpt.strip()
        assert v.message
        last = previous.get(v.code)
        assert last is None or last.end <= v.start, "overlapping same-code hits must be merged"
        previous[v.code] = v


@pytest.mark.parametrize(("text", "code"), BLOCKED, ids=_ids(BLOCKED))
def test_offsets_slice_the_original(text: str, code: ViolationCode) -> None:
    _assert_well_formed(text, check(text))


def test_offsets_survive_invisible_and_spaced_characters() -> None:
    text = "Привет!\u200b\u200b Пишите в т е л е г\u00adр а м: @shop_x, и на w\u200bа.me/79161234567"
    result = check(text)
    _assert_well_formed(text, result)
    excerpts = " ".join(v.excerpt for v in result.violations)
    assert "т е л е г\u00adр а м" in excerpts
    assert "@shop_x" in excerpts


def test_public_api_shapes() -> None:
    assert [c.value for c in ViolationCode] == [c.name for c in ViolationCode]
    result = check("Удалите отзыв, пожалуйста.")
    v = result.violations[0]
    assert (v.code, v.excerpt) == (C.REVIEW_MANIPULATION, "Удалите отзыв")
    assert v.suggestion
    assert ComplianceResult.model_validate(result.model_dump()) == result


def test_empty_and_whitespace() -> None:
    assert check("").allowed
    assert check("   \n\t").allowed


# --- evasion properties --------------------------------------------------------

# Examples whose detection rests on words (not digits), used for the properties.
_PROPERTY_CASES = [
    ("Напишите нам в вотсап, ответим быстрее.", C.OFF_PLATFORM_CONTACT),
    ("Удалите, пожалуйста, отзыв, мы всё вернули.", C.REVIEW_MANIPULATION),
    ("Отмените заказ, пожалуйста, товара нет.", C.CANCEL_REQUEST),
    ("Сами виноваты, надо было читать описание.", C.BLAME_SHIFTING),
    ("Пришлите свой номер телефона, мы перезвоним.", C.CONTACT_REQUEST),
    ("Переведите деньги на карту, так дешевле.", C.OFF_PLATFORM_DEAL),
    ("Озон вечно всё теряет.", C.DISPARAGEMENT),
    ("Вы идиот, товар исправен.", C.ABUSE),
    ("Поставьте пять звёзд, вернём 200 рублей.", C.REVIEW_MANIPULATION),
    ("Это не наши проблемы, пишите перевозчику.", C.BLAME_SHIFTING),
]
_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
_HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X",
}  # fmt: skip
_settings = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(case=st.sampled_from(_PROPERTY_CASES), data=st.data())
def test_zero_width_insertions_never_unblock(case: tuple[str, ViolationCode], data: st.DataObject) -> None:
    text, code = case
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(chars)))
        chars.insert(pos, data.draw(st.sampled_from(_INVISIBLE)))
    mutated = "".join(chars)
    assert code in codes(mutated), mutated
    _assert_well_formed(mutated, check(mutated))


@_settings
@given(case=st.sampled_from(_PROPERTY_CASES), flips=st.lists(st.booleans(), min_size=60, max_size=60))
def test_case_changes_never_unblock(case: tuple[str, ViolationCode], flips: list[bool]) -> None:
    text, code = case
    mutated = "".join(c.swapcase() if flips[i % len(flips)] else c for i, c in enumerate(text))
    assert code in codes(mutated), mutated


@_settings
@given(case=st.sampled_from(_PROPERTY_CASES), swaps=st.lists(st.booleans(), min_size=60, max_size=60))
def test_homoglyph_swaps_never_unblock(case: tuple[str, ViolationCode], swaps: list[bool]) -> None:
    text, code = case
    mutated = "".join(_HOMOGLYPHS.get(c, c) if swaps[i % len(swaps)] else c for i, c in enumerate(text))
    assert code in codes(mutated), mutated


@_settings
@given(
    case=st.sampled_from(_PROPERTY_CASES),
    word_index=st.integers(0, 20),
    sep=st.sampled_from([" ", ".", "-", "_", " . "]),
)
def test_spacing_out_a_word_never_unblocks(case: tuple[str, ViolationCode], word_index: int, sep: str) -> None:
    text, code = case
    words = text.split(" ")
    k = word_index % len(words)
    head, tail = words[k], ""
    while head and not head[-1].isalnum():
        head, tail = head[:-1], head[-1] + tail
    words[k] = sep.join(head) + tail
    mutated = " ".join(words)
    assert code in codes(mutated), mutated


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(max_size=300))
def test_arbitrary_text_is_well_formed(text: str) -> None:
    _assert_well_formed(text, check(text))


# --- performance -----------------------------------------------------------------

_ADVERSARIAL = [
    "a" * 4000,
    "а " * 2000,
    "a." * 2000,
    "a@" * 2000,
    "at" * 2000,
    "8 9" * 1333,
    "8 9 1 2 " * 500,
    "в о т с а п " * 333,
    "@" * 4000,
    "x" + "-" * 3998 + "y",
    "х*й " * 1000,
    "восемь девятьсот " * 235,
    "отмените заказ " * 266,
    ("Пишите в вотсап 8 912 345-67-89, сайт shop.ru, почта a@b.ru. " * 70)[:4000],
]


@pytest.mark.parametrize("text", _ADVERSARIAL, ids=range(len(_ADVERSARIAL)))
def test_adversarial_input_gets_a_consistent_verdict(text: str) -> None:
    """Pathological shapes finish and give the same answer twice (speed lives in the benchmark)."""
    first = check(text)
    assert check(text) == first
    assert all(text[v.start : v.end] == v.excerpt for v in first.violations)


# Per-word work is capped per draft; the cap must still cover the longest draft Ozon accepts.
_LONGEST_SENDABLE = 1000
_FLOOD_THEN_VIOLATION = [
    ("аa " * 320, "Пишите нам в в0тсап.", ViolationCode.OFF_PLATFORM_CONTACT),
    ("ab " * 320, "sami vinovaty.", ViolationCode.BLAME_SHIFTING),
    ("тг " * 320, "Мой тг для связи.", ViolationCode.OFF_PLATFORM_CONTACT),
    ("a.a " * 240, "Пишите в в о т с а п.", ViolationCode.OFF_PLATFORM_CONTACT),
    ("a a a a  " * 108, "Пишите в в о т с а п.", ViolationCode.OFF_PLATFORM_CONTACT),
]


@pytest.mark.parametrize(
    ("flood", "tail", "code"),
    _FLOOD_THEN_VIOLATION,
    ids=["leet", "translit", "weak-name", "spaced-pairs", "spaced-words"],
)
def test_a_violation_after_a_flood_of_tricky_words_is_still_found(flood: str, tail: str, code: ViolationCode) -> None:
    text = flood + tail
    assert len(text) <= _LONGEST_SENDABLE
    found = [v for v in check(text).violations if v.code is code]
    assert any(v.start >= len(flood) for v in found)


# Fewer than ten real digits: the number is only long enough once the look-alike letters count.
@pytest.mark.parametrize(
    "text",
    [
        "Звоните: +7 (9o5) 1б2-3o-4o, подскажем.",  # Latin «o», Cyrillic «б»
        "Наш номер 8 9l6 o4б 2з 1o.",
    ],
)
def test_phone_digits_written_as_look_alike_letters(text: str) -> None:
    found = [v for v in check(text).violations if v.code is ViolationCode.OFF_PLATFORM_CONTACT]
    assert found and all(any(c.isdigit() for c in v.excerpt) for v in found)
