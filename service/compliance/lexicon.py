"""Lemma sets the phrase rules are built from (normalized: lower case, е for ё).

Kept apart from the rules so reviewers can extend vocab without touching logic.
"""

from __future__ import annotations

from typing import Final


def words(text: str) -> frozenset[str]:
    """Split a whitespace-separated word list into a frozenset."""
    return frozenset(text.split())


# --- grammar helpers -----------------------------------------------------------
NEGATORS: Final = words("не ни никогда нельзя")
# «не могли бы вы…», «не забудьте…» are polite requests, not negations.
POLITE_AFTER_NE: Final = words("мочь хотеть забыть")
CONDITIONAL: Final = words("если пока")
# «… не нужен», «… не требуется» after a phrase denies it.
UNNEEDED: Final = words("нужный нужно надо требоваться обязательный обязательно")
# Words that turn a following infinitive into a request to the buyer.
REQUEST_LEADS: Final = words(
    "просить попросить нужно надо необходимо прийтись рекомендовать советовать "
    "порекомендовать посоветовать лучше давать должный требоваться стоить нажать "
    "кликнуть попробовать постараться предлагать обязательно"
)
# «не могли бы Вы, пожалуйста, если Вам не сложно, …»: asides that may stand between a request lead
# and its verb without counting towards the distance.
POLITE_ASIDES: Final = words("пожалуйста если не сложно трудно затруднить затруднять это возможно вы вас вам и уж")
# Words that make an infinitive explanatory («отменить заказ можно …»).
EXPLANATORY: Final = words("можно возможно вправе")
# Thanks promised for what the buyer does («будем признательны», «были бы рады»).
GRATITUDE: Final = words("признательный благодарный рад")
POSSESSIVE_YOURS: Final = words("ваш свой твой")
POSSESSIVE_OURS: Final = words("наш свой мой мы")
ADDRESSEE: Final = words("вы ты покупатель клиент")

# --- contact requests --------------------------------------------------------
ASK_VERBS: Final = words(
    "прислать присылать скинуть скидывать написать писать отправить отправлять "
    "оставить оставлять сообщить сообщать продиктовать указать указывать дать давать "
    "выслать высылать назвать предоставить предоставлять сказать кинуть подсказать "
    "уточнить ввести продублировать сфотографировать черкнуть"
    " черкнуть черкануть набросать шепнуть поделиться делиться"
)
CONTACT_OBJECTS: Final = words(
    "телефон мобильный мобильник номерок почта email mail емейл имейл мейл емэйл "
    "паспорт паспортный снилс инн реквизиты cvv cvc свв контакт контакты контактный "
    "фио ник никнейм юзернейм"
    " тел циферка электронка электронку электронки электронкой майл сотовый прописка фамилия адресок"
)
CONTACT_OBJECT_BAD_PREV: Final = words("модель марка чехол для экран по на в через курьер")
CONTACT_OBJECT_BAD_NEXT: Final = words("россия курьер ozon озон аккаунт")
NUMBER_NOT_PHONE: Final = words(
    "заказ отправление артикул трек посылка накладная пункт заявка модель партия "
    "сертификат ячейка размер возврат обращение товар отслеживание чек"
)
ADDRESS_NOT_PERSONAL: Final = words("пункт пвз склад магазин доставка сайт выдача")
ADDRESS_PARTS: Final = words("улица квартира подъезд индекс домофон")
# «цифры с лицевой стороны карты», «на чьё имя оформлена карта»
CARD_DATA: Final = words("номер данные реквизиты cvv cvc цифра срок лицевой оборотный имя владелец держатель")
NEED_WORDS: Final = words("нужный необходимый требоваться потребоваться понадобиться")

# --- off-platform deals ------------------------------------------------------
PAY_ANCHORS: Final = words(
    "перевести переводить перечислить перечислять скинуть закинуть кинуть оплатить "
    "оплачивать заплатить платить внести вернуть оплата предоплата доплата расчет "
    "рассчитаться перевод"
)
PAY_CHANNELS: Final = words(
    "карта сбер сбербанк тинькофф тиньков втб альфабанк qiwi киви юmoney юмани yoomoney "
    "кошелек сбп перевод наличные наличный наличка нал налом налик реквизиты"
    " т-банк тбанк райффайзен газпромбанк совкомбанк сберкарта paypal пейпал"
    " крипта криптовалюта биткоин bitcoin btc usdt usdc"
)
CARD_NOT_PAYMENT: Final = words("память лояльность мир звездный товар продукт")
# «гарантийная карта», «дисконтная карта»: cards that hold no money.
CARD_NOT_BANK: Final = words("гарантийный дисконтный клубный скидочный накопительный")
PAY_VETO: Final = words("получение выдача пвз nfc бесконтактный терминал оформление приложение")
# «мы не просим оплату …», «если кто-то требует перевод …»: a payment request reported, not made.
PAY_REPORTED: Final = words("просить попросить требовать потребовать принимать предлагать")
# «переводом — со скидкой», «наличными выйдет дешевле»: a price cut for paying off Ozon.
OFF_PLATFORM_PAYMENTS: Final = words("наличные наличный наличка нал налом налик")
PRICE_CUTS: Final = words("скидка скидочка дешевый дешевле выгодный выгоднее уступить")
BYPASS_PREPS: Final = words("без мимо миновать минуя")
PLATFORM: Final = words("озон ozon маркетплейс площадка")
DIRECT_DEAL: Final = words(
    "заказать купить оформить продать работать заказ оплатить приобрести закупить оплата брать взять"
    " заказывать покупать оформлять продавать оплачивать приобретать"
)
OWN_SHOP: Final = words("сайт магазин интернет-магазин")
VISIT_VERBS: Final = words("приехать приезжать прийти приходить подъехать подъезжать заехать заезжать заглянуть")
OWN_PREMISES: Final = words("магазин офис шоурум салон склад мастерская точка")
# Parts of a street address: «ул. Профсоюзная, ТЦ …, 2 этаж», «от метро пять минут».
STREET_ADDRESS: Final = words("улица ул проспект переулок шоссе бульвар набережная метро тц павильон этаж")
# Messengers named by their icon: «синий мессенджер с самолётиком», «соцсеть с синим логотипом».
ICON_HINTS: Final = words("синий зеленый фиолетовый голубой самолетик логотип иконка")
DEAL_CUES: Final = words(
    "заказать купить оформить приобрести оплатить дешевый выгодный скидка акция "
    "распродажа цена бесплатный промокод кешбэк заказывать покупать низкий оформлять"
)

# --- reviews -----------------------------------------------------------------
REVIEW_EDIT_VERBS: Final = words(
    "удалить удалять убрать убирать стереть стирать изменить изменять исправить "
    "исправлять поменять менять переписать переделать снять снимать отредактировать "
    "редактировать скорректировать поправить повысить поднять пересмотреть подправить подкорректировать"
    " передумать сменить скрыть скрывать обновить обновлять дополнить дополнять"
)
REVIEW_NOUNS: Final = words(
    "отзыв оценка комментарий звезда единица единичка двойка тройка отзывчик пятерка пятерочка оценочка рейтинг"
    " звездочка негатив впечатление"
)
RATE_VERBS: Final = words("поставить ставить оценить оставить")
GOOD_RATING: Final = words(
    "5 пять пятерка пятерочка звезда высокий хороший отличный максимальный положительный наивысший позитивный"
    " звездочка побольше высший five максимально"
)
# «как только отзыв станет пятизвёздочным», «если в отзыве появится пятёрка»: the review's better rating
# set as a condition.
BETTER_REVIEW: Final = (GOOD_RATING - words("звезда звездочка")) | words(
    "положительный позитивный хвалебный пятизвездочный четверка"
)
REVIEW_BECOMES: Final = words("стать становиться появиться оказаться измениться")
REVIEW_CONDITIONS: Final = words("если только бы когда условие")
# «… Давайте Вы её скроете»: the review named in the sentence before.
REVIEW_PRONOUNS: Final = words("он она его ее их они")
# Edits that mean the review even when it is named only in the sentence before: «… Может, поправите?»
CARRIED_REVIEW_EDITS: Final = words(
    "удалить удалять убрать убирать стереть исправить поправить подправить переписать пересмотреть"
    " отредактировать скорректировать подкорректировать скрыть поднять повысить"
)
REWARD_REFUSALS: Final = words("запрещать запретить запрещенный запрет нельзя правило")
# «… за отзывы мы не предлагаем»: a negated offer is a refusal too.
REWARD_OFFERS: Final = words("предлагать предложить давать дать дарить начислять практиковать платить")
BAD_RATING: Final = words("плохой низкий негативный отрицательный единица 1 двойка кол")
WRITE_REVIEW_VERBS: Final = words("оставить оставлять написать писать")
POSITIVE: Final = words("положительный хороший отличный позитивный хвалебный пятизвездочный")
REWARDS: Final = words(
    "кешбэк кэшбэк cashback промокод купон подарок бонус скидка компенсировать "
    "компенсация балл вознаграждение рубль вернуть подарить дарить бесплатно начислить"
    " сертификат долг сюрприз кешбек кэшбек бесплатный gift bonus cashback coupon"  # «а мы в долгу не останемся»
)

# Money paid out to the buyer, and the card it would go to: asked for together, a deal off Ozon.
PAYOUTS: Final = words(
    "возврат вернуть зачисление зачислить компенсация компенсировать перевести перечислить выплата выплатить"
)
BANK_CARDS: Final = words("карта карточка пластик cvv cvc")
# «верну деньги напрямую», «из рук в руки»: a refund paid by the seller itself.
REFUND_VERBS: Final = words("вернуть возвращать")

# --- cancellations -----------------------------------------------------------
CANCEL_VERBS: Final = words("отменить отменять аннулировать расторгнуть")
CANCEL_OBJECTS: Final = words("заказ покупка бронь заявка посылка отправление доставка товар")
REFUSE_VERBS: Final = words("отказаться отказываться")
REFUSE_OBJECTS: Final = words("заказ посылка товар покупка получение он она они")
DO_VERBS: Final = words("оформить оформлять сделать делать инициировать")
CANCEL_NOUNS: Final = words("отмена отказ аннулирование")
# «освободите заказ», «передумайте с заказом»: a cancellation asked for in other words.
CANCEL_EUPHEMISMS: Final = words("освободить передумать")
# «Кнопка отмены — в разделе «Заказы». Воспользуйтесь ею»: a request whose object is the previous sentence.
CARRY_VERBS: Final = words("сделать воспользоваться нажать")
ANAPHORS: Final = words("это так он она оно ее его")
# «если передумаете — отмените в приложении» explains how, it does not ask.
CANCEL_CHOICE: Final = words("если хотеть захотеть желать передумать решить")
# What makes the two-sentence cancellation check worth running: a verb that may ask, and the order
# or a cancellation named somewhere in the draft.
CARRIED_CANCEL_CUES: Final = CARRY_VERBS | CANCEL_VERBS | REFUSE_VERBS
# «Отменить можно в приложении. Сделайте это»: the verb names the cancellation as well as the nouns do.
CANCEL_MENTIONS: Final = CANCEL_OBJECTS | CANCEL_NOUNS | CANCEL_VERBS | REFUSE_VERBS
# «Вам стоит отказаться», «разумнее было бы отменить»: advice that stands for a request.
ADVICE_LEADS: Final = words(
    "стоить лучше проще легче разумный правильный советовать посоветовать рекомендовать порекомендовать"
)

# --- blame -------------------------------------------------------------------
BLAME_STUDY: Final = words(
    "читать прочитать прочесть смотреть посмотреть думать подумать мерить померить "
    "примерить проверять проверить выбирать изучить уточнить спрашивать спросить "
    "внимательно внимательный дочитать дочитывать"
)
OUGHT: Final = words("надо нужно следовать стоить")
BUYER_MISTAKES: Final = words(
    "сломать заказать перепутать указать выбрать напутать разобраться испортить повредить "
    "порвать уронить залить постирать стирать подключить установить собрать купить нажать "
    "забыть проверить прочитать оформить ошибиться"
)
# «Видимо, уронили», «судя по всему, залили»: a guess that the item was mishandled, with no one named.
DAMAGE_VERBS: Final = words(
    "уронить сломать залить разбить погнуть порвать испортить повредить эксплуатировать перегреть "
    "намочить постирать перегрузить поцарапать ронять ломать заливать"
)
HEDGES: Final = words("видимо видимость судить похоже очевидно вероятно видно")
# Who else may have handled the item: then the guess is about transit, not about the buyer.
HANDLERS: Final = words(
    "мы доставка перевозка транспортировка путь курьер склад пвз сортировка перевозчик служба логистика "
    "отправка пересылка дорога производство завод фабрика сборка упаковка пошив"
)
# «была проигнорирована покупателем», «нарушены Вами»: the buyer as the agent of a passive.
BUYER_MISTAKES_PASSIVE: Final = words("проигнорировать игнорировать нарушить нарушать")
# How an item is used: «был использован не по назначению», «носилась в условиях, для которых …».
USE_VERBS: Final = words(
    "использовать использоваться эксплуатировать эксплуатироваться применять применяться носить носиться "
    "пользоваться заряжать зарядить подключить подключать хранить храниться стирать сушить мыть гладить"
)
# «подключено к неподходящему адаптеру», «заряжали от чужой зарядки»: the wrong accessory.
WRONG_PARTS: Final = words("неподходящий несовместимый неоригинальный чужой")
# «рекомендуем впредь бережнее»: care asked for from now on implies it was missing.
CARE_COMPARATIVES: Final = words("бережный внимательный аккуратный осторожный")
FROM_NOW_ON: Final = words("впредь следующий")
# Documents the buyer is said to have skipped.
GUIDES: Final = words(
    "инструкция описание карточка характеристика рекомендация таблица сетка памятка руководство правило"
)
DAMAGE_NOUNS: Final = words("повреждение поломка дефект трещина скол царапина вмятина неисправность")
WRONGLY: Final = words("неправильно невнимательно неверно криво")
YOUR_FAULT: Final = words(
    "ошибка косяк недосмотр ответственность небрежный небрежность неаккуратный неаккуратность невнимательность"
)

# --- abuse -------------------------------------------------------------------
STRONG_INSULTS: Final = words(
    "идиот дебил кретин придурок имбецил олигофрен мразь тварь ублюдок быдло урод "
    "недоумок дегенерат чмо ушлепок сволочь скотина тупица бестолочь идиотка дебилка "
    "идиотский дебильный кретинский тупорылый болван хабалка"
)
WEAK_INSULTS: Final = words(
    "дурак дура тупой баран овца козел клоун жлоб лох лошара свинья осел неадекватный "
    "неадекват ненормальный истеричка хам хамка нищеброд псих психованный жмот зануда чудик чудак"
    " криворукий безрукий дорогуша умник позорище тупость гений"
)
# «Ну Вы, конечно, гений»: praise that insults only when said with irony.
MOCK_PRAISE: Final = words("гений")
IRONY_WORDS: Final = words("конечно ну раз браво прям видимо")
IRONY_EMOJI: Final = "🙃🙄👏🤦😏"
RUDE_IMPERATIVES: Final = words("заткнуться отвалить отстать отвязаться проваливать проспаться засунуть")

# --- disparagement -----------------------------------------------------------
# «пункт выдачи», «площадка», «поддержка»: Ozon's own services, named without the brand.
OZON_TARGETS: Final = words("озон ozon озоновский маркетплейс пвз озонька озонище выдача площадка поддержка")
OZON_INSULTS: Final = words(
    "вечно ужасный отвратительный отвратительно кошмар кошмарный бардак помойка отстой "
    "ужас воровать украсть обманывать обмануть мошенник жулик некомпетентный бестолковый "
    "криворукий безрукий дерьмо хлам шарага шарашка косячить бездарный убогий позорный позор"
    " бесполезный безответственный жуткий тупой худший издевательство разгильдяй сборище швырять"
    " ленивый лень хамство хамский ненадежный"
    " худший худшая худшее худшие лотерея наплевать плевать боль идиотский"
    " глючный грабительский абсурдный криво кривой халтура халтурно халтурный грязный хаос цирк халатность"
    " халатный побор поборы непомерный неэффективность драть"
    " наплевательски наплевательский пофигистичный шаблонный отписка"
    " дурацкий нелепый пинать кидать"
)
ACCUSATIONS: Final = words("мошенник жулик обманывать обмануть воровать украсть")
HABITUAL: Final = words(
    "вечно постоянно опять снова всегда обычно вечный очередной часто нередко регулярно"
    " специально нарочно намеренно умышленно"  # «Ozon специально задерживает посылки»
    " славиться"  # «сортировочные центры площадки славятся тем, что теряют …»
)
MISHAPS: Final = words(
    "терять потерять ломать сломать задерживать задержать путать перепутать тянуть портить "
    "испортить опаздывать опоздать косячить воровать обманывать мять помять разбить бить завалить провалить"
    " накосячить напутать задирать глючить тормозить вскрывать вскрыть подменить подменять"
    " налажать облажаться напортачить"
)
# «Склад Озона, как обычно, отличился», «курьеры опять постарались»: praise for a mishap, said with «как всегда».
SARCASTIC_FEATS: Final = words("отличиться постараться учудить отжечь удружить")
# «Ozon, как обычно, «оптимизировал» логистику», «наш «любимый» маркетплейс»: praise in scare quotes is irony.
IRONIC_PRAISE: Final = words(
    "быстрый бережно бережный стабильный высший класс любимый оптимизировать отличный надежный "
    "идеальный аккуратно аккуратный качественный замечательный лучший хваленый самый чудесный пунктуальный"
    " быстро молниеносный молниеносно гениальный профессионал профессиональный оперативный оперативно шустрый"
)
# With one of these in the sentence a quoted compliment reads as mockery, not as a button or tariff name.
IRONY_MARKERS: Final = HABITUAL | words("известно известный умудриться")
# «как всегда медленно» mocks; «в праздники обычно идёт медленно» states a fact.
MOCKING_MARKERS: Final = words("всегда известно известный умудриться")
# «Озон доставляет медленно и неаккуратно, это известная проблема»: poor service, stated as the rule.
POOR_SERVICE: Final = words("медленно неаккуратно небрежно")
# Who else may be mocked with scare-quoted praise: Ozon's couriers and logistics, named without the brand.
SERVICE_TARGETS: Final = words("курьер логистика")
COMPETITORS: Final = words("конкурент перекупщик перекуп сосед")
# «китайский аналог развалится через месяц»: a rival's product stands for the rival.
OTHER_SELLERS: Final = words("продавец селлер магазин площадка коллега аналог")
# «там же «оригинальные» часы»: a quality claim in scare quotes is a judgement that it is false.
QUOTED_CLAIMS: Final = words("оригинал оригинальный подлинный настоящий фирменный премиум брендовый")
# not «многий»: «как и многие продавцы, мы …» counts the seller among them
OTHER_MARKERS: Final = words("другой остальной соседний чужой некоторый китайский иной прочий")
# «горе-продавцы», «псевдомагазины через дефис»: a prefix that both names and runs down a rival.
PEJORATIVE_PREFIXES: Final = words("горе лже псевдо")
# «дешёвая пластмасса»: cheap material as a verdict on another brand's product.
CHEAP_STUFF: Final = words("пластмасса пластик")
# «у продавцов с похожими карточками», «магазины с такими же товарами»: rivals named by what they sell.
OTHER_MARKERS_AFTER: Final = words("похожий аналогичный такой")
# «группа plity_kaminy», «логин shop_name»: a page or account named by a Latin handle.
HANDLE_NOUNS: Final = words("группа канал логин ник никнейм аккаунт профиль паблик сообщество юзернейм")
FAKES: Final = words(
    "подделка поддельный паль паленый паленка фуфло фейк фальшивка копия брак мусор "
    "барахло хлам обманывать обмануть мошенник жулик развод некачественный дешевка "
    "ерунда мошенничество кидала контрафакт контрафактный"
    " аферист ворованный ненастоящий бракованный восстановленный восстановить"
    " браковать просрочить самопал перемаркированный перекрашенный просроченный разваливаться развалиться"
    " помойка подвал подвальный кустарный накрутить накрученный"
    " поделка просрочка шлак токсичный вонять линять рассыпаться перешив перешитый"
    " впарить впаривать залежалый лежалый переоцененный переоценить ширпотреб китайщина"
)
# «боремся с подделками», «защита от подделок», «как отличить подделку»
AGAINST_FAKES: Final = words("бороться борьба защита защищать защитить против отличить отличать распознать")
# «на Яндекс Маркете продают втридорога», «там приходит в мятом пакете»: flaws that judge a rival
# marketplace or seller, but say nothing about Ozon («товар пришёл мятым» is a plain complaint).
RIVAL_FLAWS: Final = words(
    "втридорога истекший несерьезный битый мятый помятый переоцененный скатиться сомнительный хлипкий"
)
# «… Только у них «оригинал» шьют в подвале», «… Там сплошной самопал»: rivals named in the sentence before.
POINTERS_BACK: Final = words("они там")
# «Samsung давно скатился», «Kärcher — переоценённый бренд»: a maker named in Latin letters, judged.
BRAND_FLAWS: Final = words("переоцененный скатиться ненадежный поделка некачественный")
# What makes the disparagement detector worth running on a draft.
DISPARAGEMENT_CUES: Final = (
    FAKES
    | OZON_TARGETS
    | OZON_INSULTS
    | RIVAL_FLAWS
    | BRAND_FLAWS
    | PEJORATIVE_PREFIXES
    | CHEAP_STUFF
    | SERVICE_TARGETS
    | words("синий")  # «у «синих»», «синяя доставка»: Ozon by its colour
)

# --- requests written in English --------------------------------------------
# Latin words keep their surface form as the lemma, so each form is listed.
EN_ASK_VERBS: Final = words("send drop give share leave text write tell provide type dm message")
EN_CONTACT_OBJECTS: Final = words("phone telephone mobile cell mail email contact contacts whatsapp telegram address")
EN_YOURS: Final = words("your yours ur")
EN_REVIEW_EDIT_VERBS: Final = words("remove delete change edit update raise fix withdraw hide correct improve")
EN_REVIEW_NOUNS: Final = words("review reviews rating feedback comment stars")
EN_RATE_VERBS: Final = words("give leave put rate")
EN_GOOD_RATING: Final = words("five 5 stars")
# A subject other than the buyer, a negation or «can» makes an English clause a statement, not a request.
EN_NOT_REQUEST: Final = words("we i they he she it never not don dont won wont didn can")

# --- messenger context -------------------------------------------------------
CONTACT_CUES: Final = words(
    "писать написать связаться связь добавиться добавляться добавить подписаться "
    "подписываться найти искать заходить зайти перейти переходить канал группа ник "
    "никнейм контакт личка лс аккаунт профиль страница паблик сообщество звонить "
    "позвонить созвониться созваниваться скинуть прислать присылать отправить ответить "
    "отвечать ждать вступить вступать списаться связываться туда логин"
)
PRODUCT_CUES: Final = words(
    "поддерживать поддержка совместимый совместимость уведомление синхронизация "
    "синхронизировать функция встроенный предустановленный предустановить приложение "
    "звонок видеозвонок видеосвязь смартфон часы браслет устройство роутер камера "
    "веб-камера модель книга история основатель прошивка интеграция принимать показывать"
    " дублировать дублирование"
    " установить устанавливать мессенджер съемка ролик издание обложка планшет штатив держатель"
    " принт надпись наклейка иконка логотип кружка футболка значок"
    " чехол наушники гарнитура колонка микрофон ноутбук компьютер телевизор приставка bluetooth zoom подключаться"
)
