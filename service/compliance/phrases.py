"""The phrase rule table: which word combinations break which Ozon rule."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, RuleSet, Slot
from .lexicon import words
from .models import ViolationCode as C

_VERB_NOT_PAST = words("past")
_PARTICIPLE = words("PRTF PRTS")
_REFUND_VERBS = words("вернуть возвращать")
_CASH = Slot(words("наличные наличный наличка нал налом налик"))
_OUR_MAILBOX = Slot(words("почта email mail емейл имейл мейл"), need_prev=words("наш мой"))

CONTACT_RULES: Final = (
    PhraseRule(C.OFF_PLATFORM_CONTACT, (_OUR_MAILBOX,), kind="email"),
    # «приезжайте в наш магазин: ул. …»: an invitation to the seller's own shop or office off Ozon.
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(lx.VISIT_VERBS), Slot(lx.OWN_PREMISES, need_prev=lx.POSSESSIVE_OURS)),
        window=4,
        request=True,
        veto=words("озон ozon карточка"),
    ),
    # «в нашем шоуруме на Лиговском проспекте», «наш магазин: ул. …, ТЦ …»: the shop's street address.
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(lx.OWN_PREMISES, need_prev=lx.POSSESSIVE_OURS), Slot(lx.STREET_ADDRESS)),
        window=5,
        veto=words("озон ozon пвз"),
    ),
    # «приезжайте к нам: от метро пять минут»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(lx.VISIT_VERBS, not_grams=_VERB_NOT_PAST, need_next=words("мы я")), Slot(lx.STREET_ADDRESS)),
        window=6,
        veto=words("озон ozon пвз"),
    ),
    # «в синем мессенджере с самолётиком», «в соцсети с синим логотипом»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("мессенджер соцсеть")), Slot(lx.ICON_HINTS)),
        window=3,
        veto=lx.PRODUCT_CUES - lx.ICON_HINTS - words("мессенджер"),
        kind="messenger",
    ),
    # «найдите нас в синем приложении с самолётиком»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("приложение"), need_prev=lx.ICON_HINTS), Slot(words("самолетик трубка"))),
        window=3,
        kind="messenger",
    ),
    # «найдите нас в любом мессенджере по нику»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("найти искать")), Slot(words("мессенджер соцсеть"))),
        window=4,
        request=True,
        needs=words("мы"),
        kind="messenger",
    ),
    # «напишите на почтовый ящик …»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("написать писать")), Slot(words("ящик"), need_prev=words("почтовый электронный"))),
        window=4,
        request=True,
        veto=words("озон ozon"),
        kind="email",
    ),
    # «напишите туда, где зелёная трубка»
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("трубка"), need_prev=lx.ICON_HINTS), Slot(words("написать писать"))),
        window=5,
        kind="messenger",
    ),
)

_ASK = Slot(lx.ASK_VERBS)
_CONTACT_OBJECT = Slot(lx.CONTACT_OBJECTS, bad_prev=lx.CONTACT_OBJECT_BAD_PREV, bad_next=lx.CONTACT_OBJECT_BAD_NEXT)
# «снимки с телефона …, нужна только сеть»: next to a need, «с телефона» is the phone as a device.
_NEEDED_CONTACT_OBJECT = Slot(
    lx.CONTACT_OBJECTS, bad_prev=lx.CONTACT_OBJECT_BAD_PREV | words("с"), bad_next=lx.CONTACT_OBJECT_BAD_NEXT
)
_NUMBER = Slot(words("номер"), bad_next=lx.NUMBER_NOT_PHONE, need_prev=lx.POSSESSIVE_YOURS)
_ADDRESS = Slot(words("адрес"), bad_next=lx.ADDRESS_NOT_PERSONAL)
_CARD = Slot(words("карта"), need_prev=lx.CARD_DATA, bad_prev=lx.CARD_NOT_BANK, bad_next=lx.CARD_NOT_PAYMENT)
# «код получения» is Ozon's pickup code, which the buyer names at the pickup point.
_SMS_CODE = Slot(words("код кодик пароль"), need_next=words("смс sms подтверждение cvv"), bad_next=words("получение"))
_SMS_CODE_AFTER = Slot(words("код кодик пароль"), need_prev=words("смс sms"), bad_next=words("получение"))
_YOUR_MESSENGER = Slot(words("<messenger>"), need_prev=lx.POSSESSIVE_YOURS)
_YOUR_MESSENGER_ANY = Slot(words("<messenger> страница профиль аккаунт ник никнейм мессенджер соцсеть"))
_YOURS_BEFORE = Slot(lx.CONTACT_OBJECTS | words("номер"), need_prev=lx.POSSESSIVE_YOURS, bad_next=lx.NUMBER_NOT_PHONE)
_YOURS_AFTER = Slot(lx.CONTACT_OBJECTS | words("номер"), need_next=lx.POSSESSIVE_YOURS, bad_next=lx.NUMBER_NOT_PHONE)
# «последние цифры карточки»: next to card data «карточка» is the bank card, not the product page.
_CARD_COLLOQUIAL = Slot(words("карточка"), need_prev=lx.CARD_DATA, bad_next=lx.CARD_NOT_PAYMENT)
# «продиктуйте цифры с лицевой стороны карты»
_CARD_SIDE = Slot(words("сторона"), need_prev=words("лицевой оборотный обратный"), need_next=words("карта карточка"))
# «черкните свои цифры для связи»
_DIGITS_FOR_CALLS = Slot(words("цифра циферка"), need_next=words("связь звонок"))
_BIRTH_DATE = Slot(words("рождение"), need_prev=words("дата день год"))
# «напишите улицу, дом и квартиру»: the parts of a home address without the word «адрес».
_ADDRESS_PART = Slot(lx.ADDRESS_PARTS)
_PASSPORT_SERIES = Slot(words("серия"), need_next=words("паспорт"))
# «скиньте любой удобный способ связи»
_WAY_TO_REACH = Slot(words("способ"), need_next=words("связь"))
# «три цифры на обороте пластика»
_CARD_BACK = Slot(words("оборот"), need_next=words("карта карточка пластик"))
# «пришлите фото вашей банковской карты»
_BANK_CARD = Slot(words("карта карточка"), need_prev=words("банковский"), bad_next=lx.CARD_NOT_PAYMENT)

CONTACT_REQUEST_RULES: Final = (
    tuple(
        # «напишите последние цифры номера заказа, карта не нужна»: the object turned down right after
        PhraseRule(C.CONTACT_REQUEST, (_ASK, obj), window=5, request=True, denied_after=True)
        for obj in (
            _CONTACT_OBJECT,
            _NUMBER,
            _ADDRESS,
            _CARD,
            _CARD_COLLOQUIAL,
            _CARD_SIDE,
            _SMS_CODE,
            _SMS_CODE_AFTER,
            _DIGITS_FOR_CALLS,
            _YOUR_MESSENGER,
            _BIRTH_DATE,
            _PASSPORT_SERIES,
            _CARD_BACK,
            _BANK_CARD,
        )
    )
    + tuple(
        PhraseRule(C.CONTACT_REQUEST, (Slot(lx.NEED_WORDS), obj), window=5)
        for obj in (_NEEDED_CONTACT_OBJECT, _ADDRESS, _CARD, _BIRTH_DATE, _PASSPORT_SERIES)
    )
    + (
        PhraseRule(
            C.CONTACT_REQUEST, (Slot(words("связаться связываться")), Slot(words("вы")), Slot(words("как"))), window=3
        ),
        # «Можно Ваш номер?», «Можно Ваши контакты, пожалуйста?»: a request with the verb left out
        PhraseRule(C.CONTACT_REQUEST, (Slot(words("можно")), _YOURS_BEFORE), window=3),
        # «Ваш телефон какой?», «Какая у Вас страница ВКонтакте?»
        PhraseRule(C.CONTACT_REQUEST, (Slot(words("какой")), _YOURS_BEFORE), window=4),
        PhraseRule(C.CONTACT_REQUEST, (Slot(words("какой")), _YOURS_AFTER), window=4),
        PhraseRule(
            C.CONTACT_REQUEST,
            (Slot(words("какой")), Slot(words("номер"), need_next=words("телефон мобильный"))),
            window=4,
            needs=words("вы ты"),
        ),
        PhraseRule(C.CONTACT_REQUEST, (Slot(words("какой")), _YOUR_MESSENGER_ANY), window=4, needs=words("вы ты")),
        # «будем признательны, если сообщите контактный номер»: thanks promised for a contact
        PhraseRule(
            C.CONTACT_REQUEST,
            (_ASK, _CONTACT_OBJECT),
            window=5,
            needs=lx.GRATITUDE,
            veto=lx.PLATFORM | words("профиль кабинет"),  # «укажите телефон в профиле Ozon» stays on Ozon
        ),
        # «напишите цифры, по которым вам можно позвонить»
        PhraseRule(
            C.CONTACT_REQUEST,
            (_ASK, Slot(words("цифра циферка")), Slot(words("позвонить звонить перезвонить дозвониться"))),
            window=6,
            request=True,
        ),
        # «мыло» is slang for e-mail only next to «ваш»: nobody asks a buyer for their soap.
        PhraseRule(C.CONTACT_REQUEST, (_ASK, Slot(words("мыло"), need_next=lx.POSSESSIVE_YOURS)), window=5),
        PhraseRule(C.CONTACT_REQUEST, (_ASK, Slot(words("мыло"), need_prev=lx.POSSESSIVE_YOURS)), window=5),
        PhraseRule(
            C.CONTACT_REQUEST, (_ASK, _ADDRESS_PART, Slot(lx.ADDRESS_PARTS | words("дом"))), window=5, request=True
        ),
        # «обменяемся номерами», «давайте обменяемся контактами»
        PhraseRule(
            C.CONTACT_REQUEST,
            (Slot(words("обменяться обмениваться")), Slot(lx.CONTACT_OBJECTS | words("номер"))),
            window=3,
        ),
        # «пришлите скриншот из банковского приложения»: the buyer's bank data
        PhraseRule(
            C.CONTACT_REQUEST,
            (_ASK, Slot(words("скриншот скрин снимок")), Slot(words("банк банковский"))),
            window=5,
            request=True,
        ),
        # «Когда вы родились?»
        PhraseRule(C.CONTACT_REQUEST, (Slot(words("родиться")), Slot(words("когда"))), window=2, needs=words("вы ты")),
        # «У вас есть Телеграм?», «Как вас найти во ВКонтакте?»
        PhraseRule(
            C.CONTACT_REQUEST, (Slot(words("<messenger>")), Slot(words("есть")), Slot(words("вы ты"))), window=3
        ),
        PhraseRule(
            C.CONTACT_REQUEST,
            (Slot(words("найти")), Slot(words("вы ты")), Slot(words("как"))),
            window=2,
            needs=words("<messenger> там"),
        ),
        # «напишите номер, на который зарегистрирован ваш Viber»
        PhraseRule(
            C.CONTACT_REQUEST,
            (_ASK, Slot(words("номер"), bad_next=lx.NUMBER_NOT_PHONE), Slot(words("<messenger>"))),
            window=6,
            request=True,
        ),
        # «подскажите, на какой номер у вас зарегистрирован мессенджер»
        PhraseRule(
            C.CONTACT_REQUEST,
            (_ASK, Slot(words("номер"), bad_prev=words("на"), bad_next=lx.NUMBER_NOT_PHONE), Slot(words("мессенджер"))),
            window=6,
            request=True,
            needs=words("вы ты"),
        ),
        # «есть ли у вас способ связи вне площадки?»
        PhraseRule(
            C.CONTACT_REQUEST,
            (Slot(words("связь контакт связаться")), Slot(words("вне"), need_next=lx.PLATFORM | words("чат"))),
            window=3,
            needs=words("вы ты"),
        ),
    )
)

_PAY_CHANNEL = Slot(lx.PAY_CHANNELS, bad_next=lx.CARD_NOT_PAYMENT)
_FAST_PAYMENTS = Slot(words("платеж"), need_prev=words("быстрый"))  # «система быстрых платежей» is the СБП
_BETWEEN_US = Slot(words("напрямую лично между"), bad_next=words("озон ozon"))
# «карточка» is usually the product page; «на карточку» after a transfer verb is a bank card.
_BANK_CARD_COLLOQUIAL = Slot(words("карточка"), need_prev=words("на"), bad_next=lx.CARD_NOT_PAYMENT | words("этот"))
DEAL_RULES: Final = (
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("перевести переводить перечислить скинуть закинуть кинуть"), not_grams=_VERB_NOT_PAST),
            _BANK_CARD_COLLOQUIAL,
        ),
        window=4,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «оплатить можно на карточку, так дешевле»: paying to a card, not on the product page («на карточке»)
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("оплатить оплачивать"), not_grams=_VERB_NOT_PAST),
            Slot(
                _BANK_CARD_COLLOQUIAL.lemmas, grams=words("accs"), need_prev=words("на"), bad_next=lx.CARD_NOT_PAYMENT
            ),
        ),
        window=4,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # «деньги поступят на карту, с которой была оплата»: the payment already made, a refund
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST, bad_prev=words("быть")), _PAY_CHANNEL),
        window=5,
        veto=lx.PAY_VETO,
        unless=lx.BYPASS_PREPS,
        kind="payment",
        denied_after=True,
        clause_veto=words("озон ozon"),
        refused=lx.PAY_REPORTED,
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("наличные наличный наличка нал"), need_prev=words("за")),),
        veto=lx.PAY_VETO,
        unless=lx.BYPASS_PREPS,
        kind="payment",
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("предоплата доплата"), bad_prev=words("без")),
            Slot(words("перевести скинуть внести оплатить отправить перечислить")),
        ),
        window=3,
        kind="payment",
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # «без Озона», not «через Ozon без доплаты»: the platform follows the preposition
        (Slot(lx.BYPASS_PREPS), Slot(lx.PLATFORM | words("комиссия касса"), need_prev=lx.BYPASS_PREPS)),
        window=2,
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «работаем напрямую с производителем» is about supply, not about the buyer.
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("напрямую")), Slot(lx.DIRECT_DEAL | _REFUND_VERBS)),  # «верну деньги напрямую»
        window=4,
        kind="bypass",
        veto=words("производитель поставщик фабрика завод"),
    ),
    # «промокод для подписчиков нашего магазина»: subscribers follow the shop on Ozon itself.
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.OWN_SHOP, need_prev=lx.POSSESSIVE_OURS),),
        needs=lx.DEAL_CUES,
        veto=words("озон ozon подписчик"),
        kind="own_shop",
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL, (Slot(words("наложенный наложить")), Slot(words("платеж"))), window=1, kind="payment"
    ),
    # «переведите через систему быстрых платежей», «деньги вернём на ваш пластик»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST), _FAST_PAYMENTS),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
        denied_after=True,
        clause_veto=words("озон ozon"),
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST), Slot(words("пластик"), need_prev=words("на ваш"))),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «оплатите по счёту, который мы пришлём»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("оплатить оплачивать"), not_grams=_VERB_NOT_PAST),
            Slot(words("счет")),
            Slot(words("прислать выслать выставить отправить")),
        ),
        window=4,
        kind="payment",
    ),
    # «заберёте сами и рассчитаетесь на месте»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("рассчитаться расплатиться"), not_grams=_VERB_NOT_PAST),
            Slot(words("место"), need_prev=words("на")),
        ),
        window=2,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «можем встретиться у метро», «встретимся лично»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("встретиться встречаться"), not_grams=_VERB_NOT_PAST), Slot(words("метро лично вокзал"))),
        window=4,
    ),
    # «договоримся между собой», «договоримся напрямую»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("договориться договариваться"), not_grams=_VERB_NOT_PAST), _BETWEEN_US),
        window=2,
        kind="bypass",
    ),
    # «вернём деньги без оформления возврата»: a refund outside Ozon's return flow
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("без")), Slot(words("оформление"), need_next=words("возврат"))),
        window=1,
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «оформите не через эту площадку, а у нас»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # but «мы не отправляем, только через Ozon» insists on the platform
        (Slot(words("через"), need_prev=words("не"), bad_prev=words("только лишь")), Slot(lx.PLATFORM)),
        window=2,
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «скиньте на зелёный банк»: banks named by their colour
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST), Slot(words("банк"), need_prev=words("зеленый желтый"))),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (_CASH, Slot(words("курьер отдать передать отдавать"))),
        window=3,
        veto=lx.PAY_VETO,
        kind="payment",
        denied_after=True,  # «наличными курьеру ничего платить не нужно»
    ),
    PhraseRule(C.OFF_PLATFORM_DEAL, (Slot(words("прямой")), Slot(words("договор контракт поставка"))), window=1),
    # «переведите по номеру телефона», «оплатите лично мне»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST),
            Slot(words("номер"), need_prev=words("по"), need_next=words("телефон")),
        ),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
        clause_veto=words("озон ozon"),
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST), Slot(words("лично"))),
        window=3,
        veto=lx.PAY_VETO,
        kind="payment",
        clause_veto=words("озон ozon"),
    ),
    # «вернём без возврата через площадку»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("без")),
            Slot(words("возврат оформление"), need_prev=words("без")),
            Slot(lx.PLATFORM, need_prev=words("через")),
        ),
        window=3,
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «есть вариант переводом, тогда сделаем скидку», «наличными будет дешевле»; but «скидка не зависит
    # от способа оплаты» and Ozon's own payment options are not a deal.
    *(
        PhraseRule(
            C.OFF_PLATFORM_DEAL,
            (payment, Slot(lx.PRICE_CUTS)),
            window=8,
            veto=lx.PAY_VETO | lx.PLATFORM | words("банк любой зависеть нет способ"),
            kind="payment",
        )
        # «переводом» pays; «перевод инструкции» is a translation.
        for payment in (Slot(lx.OFF_PLATFORM_PAYMENTS), Slot(words("перевод"), grams=words("ablt")))
    ),
    # «налом при самовывозе», «наличными при встрече»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (_CASH, Slot(words("самовывоз встреча встретиться"))),
        window=3,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
)

_REVIEW_NOUN = Slot(lx.REVIEW_NOUNS)
_LEGAL = Slot(words("суд полиция юрист прокуратура заявление иск"))
REVIEW_RULES: Final = (
    # «подадим в суд за порочащий отзыв»: the law held over a review is pressure on it
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (_LEGAL, _REVIEW_NOUN),
        window=6,
        needs=words("подать подавать обратиться передать написать"),
        veto=lx.NEGATORS | words("озон ozon"),
    ),
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.REVIEW_EDIT_VERBS), _REVIEW_NOUN), window=5, request=True),
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.RATE_VERBS), Slot(lx.GOOD_RATING)), window=5, request=True),
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.RATE_VERBS | lx.WRITE_REVIEW_VERBS), Slot(lx.BAD_RATING)),
        window=3,
        request=True,
        negation=Negation.REQUIRED,
    ),
    PhraseRule(
        C.REVIEW_MANIPULATION, (Slot(lx.WRITE_REVIEW_VERBS), Slot(lx.POSITIVE), _REVIEW_NOUN), window=3, request=True
    ),
    # «Можно ли изменить оценку на более высокую?»: asking for a better rating is pressure in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS), _REVIEW_NOUN, Slot(lx.GOOD_RATING | words("высоко выше более"))),
        window=4,
    ),
    # «подправьте отзыв — мы будем признательны»: gratitude promised for an edit is pressure in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS, not_grams=_VERB_NOT_PAST), _REVIEW_NOUN),
        window=4,
        needs=lx.GRATITUDE,
    ),
    # «были бы рады, если бы отзыв исчез», «вернём деньги, как только пропадёт отзыв»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("исчезнуть пропасть")), _REVIEW_NOUN),
        window=3,
        needs=words("бы только"),
        veto=words("почему"),
    ),
    # «звёздочку-другую добавить несложно?»: more stars is a better rating in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("добавить накинуть прибавить"), not_grams=_VERB_NOT_PAST), Slot(words("звезда звездочка"))),
        window=3,
    ),
    # «пересмотрите своё мнение о товаре»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.REVIEW_EDIT_VERBS), Slot(words("мнение"))), window=3, request=True),
    # «может, обойдёмся без отзыва?»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(words("обойтись")), Slot(words("без")), _REVIEW_NOUN), window=2),
    # «пересмотр оценки», «корректировка оценки в сторону повышения»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(words("пересмотр корректировка повышение")), _REVIEW_NOUN), window=4),
    # «будем благодарны, если в отзыве появится пятёрка», «как только отзыв станет пятизвёздочным»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_BECOMES), _REVIEW_NOUN, Slot(lx.BETTER_REVIEW)),
        window=4,
        needs=lx.REVIEW_CONDITIONS,
    ),
    # «бонус всем, кто оценил товар на пять»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("оценить оценивать")), Slot(lx.GOOD_RATING)),
        window=3,
        needs=lx.REWARDS,
        veto=lx.REWARD_REFUSALS,
    ),
)

_CANCEL_OBJECT = Slot(lx.CANCEL_OBJECTS)
_FAULTS = words("брак бракованный дефект повреждение поврежденный")
CANCEL_RULES: Final = (
    PhraseRule(C.CANCEL_REQUEST, (Slot(lx.CANCEL_VERBS), _CANCEL_OBJECT), window=5, request=True),
    # «лучше бы отменить его»: the order as a pronoun right after the verb
    PhraseRule(C.CANCEL_REQUEST, (Slot(lx.CANCEL_VERBS), Slot(words("он она"))), window=1, request=True),
    # «если бы заказ был отменён с Вашей стороны»: a wish in the passive
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_VERBS, grams=words("PRTS")), Slot(words("сторона"), need_prev=lx.POSSESSIVE_YOURS)),
        window=4,
        needs=words("бы"),
    ),
    # «предлагаем воспользоваться правом на отмену»
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(words("воспользоваться")), Slot(lx.CANCEL_NOUNS | lx.CANCEL_VERBS)),
        window=6,  # «кнопка отмены есть в карточке заказа — воспользуйтесь ею»
        request=True,
        veto=lx.EXPLANATORY | lx.CONDITIONAL | words("хотеть захотеть желать передумать"),
    ),
    # «заказ можно смело отменять»
    PhraseRule(
        C.CANCEL_REQUEST, (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS), Slot(words("смело"))), window=1, veto=words("если")
    ),
    # «если отмените до вечера — будем признательны»: thanks promised for a cancellation
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS, not_grams=_VERB_NOT_PAST),),
        needs=words("признательный благодарный"),
    ),
    # «если есть брак — откажитесь от него прямо в пункте выдачи»: refusing faulty goods at pickup is
    # the buyer's right and Ozon's own return route; «просим отказаться: на складе нашли брак» still asks.
    PhraseRule(
        C.CANCEL_REQUEST, (Slot(lx.REFUSE_VERBS), Slot(lx.REFUSE_OBJECTS)), window=4, request=True, veto=_FAULTS
    ),
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.REFUSE_VERBS), Slot(lx.REFUSE_OBJECTS)),
        window=4,
        request=True,
        needs=_FAULTS,
        veto=words("если"),
    ),
    PhraseRule(C.CANCEL_REQUEST, (Slot(lx.DO_VERBS), Slot(lx.CANCEL_NOUNS)), window=3, request=True),
    # «Отмену, пожалуйста, с Вашей стороны»; but «отмена с Вашей стороны возможна до отправки» and
    # «если товар не подошёл, отказ с Вашей стороны оформляется в пункте выдачи» explain. A wish
    # («если Вам не принципиально, было бы удобнее, чтобы отмена пришла с Вашей стороны») still asks.
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_NOUNS | words("отменочка")), Slot(words("сторона"), need_prev=lx.POSSESSIVE_YOURS)),
        window=4,
        veto=lx.EXPLANATORY | lx.CONDITIONAL | words("возможный"),
        unless=words("бы удобно удобный просить попросить"),
    ),
    PhraseRule(
        C.CANCEL_REQUEST,
        # «не забирайте посылку», «просим не забирать его»
        (Slot(words("забирать забрать получать получить выкупать выкупить")), Slot(lx.REFUSE_OBJECTS)),
        window=4,
        request=True,
        negation=Negation.REQUIRED,
    ),
    # «Вам стоит самостоятельно отказаться», «разумнее было бы отменить и не ждать»: advice to cancel,
    # with or without the order named; but «если решите отменить, лучше …» explains.
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS, grams=words("INFN"), need_prev=lx.ADVICE_LEADS),),
        veto=lx.CONDITIONAL | words("хотеть захотеть желать решить передумать"),
        clause_veto=words("можно вправе"),
    ),
    # «лучше сразу отменяйте»: advice in the imperative, with no order named
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS, grams=words("impr"), need_prev=lx.ADVICE_LEADS),),
        veto=lx.CONDITIONAL | words("хотеть захотеть желать решить передумать"),
    ),
    # «не выкупайте, пожалуйста»: refusing at the pickup point is a cancellation
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(words("выкупать выкупить"), grams=words("impr")),),
        negation=Negation.REQUIRED,
        veto=lx.CONDITIONAL,
    ),
    # «если отмените сами, с нас скидка»: a reward for cancelling; but «если отмените, промокод вернётся»
    # explains what happens to the buyer's own discount.
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS, grams=words("2per impr")),),
        needs=words("скидка промокод бонус подарок кешбэк купон сертификат"),
        # the discount itself cancelled or returned: «отмените промокод в корзине», «скидка вернётся»
        veto=words("вернуться вернуть возвращаться баланс сгореть корзина применить"),
    ),
    # «я бы на Вашем месте отменил»; but «на Вашем месте я бы не спешил отменять» advises against it.
    PhraseRule(
        C.CANCEL_REQUEST,
        (
            Slot(lx.CANCEL_VERBS, bad_prev=lx.NEGATORS),
            Slot(words("место"), need_prev=lx.POSSESSIVE_YOURS),
        ),
        window=6,
        needs=words("бы"),
        veto=words("стать спешить торопиться"),
        negation=Negation.IGNORED,
    ),
    # «будем признательны, если Вы «освободите» заказ», «передумайте с заказом»
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(lx.CANCEL_EUPHEMISMS), Slot(words("заказ покупка"))),
        window=4,
        request=True,
        veto=lx.CONDITIONAL,
        unless=lx.GRATITUDE,
    ),
    # «нажмите кнопку отмены»; but «если хотите отменить, нажмите …» only explains how.
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(words("нажать нажимать")), Slot(lx.CANCEL_NOUNS | lx.CANCEL_VERBS | words("отменочка"))),
        window=3,
        request=True,
        # «Вы спрашивали, как отменить заказ: … нажмите «Отменить»» answers the buyer's question
        veto=lx.EXPLANATORY | lx.CONDITIONAL | words("хотеть захотеть желать передумать спрашивать спросить"),
    ),
    # «можно Вас попросить нажать кнопку отмены?» asks all the same
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(words("нажать нажимать")), Slot(lx.CANCEL_NOUNS | lx.CANCEL_VERBS | words("отменочка"))),
        window=3,
        request=True,
        needs=words("попросить"),
        veto=lx.CONDITIONAL | words("хотеть захотеть желать передумать"),
    ),
)

BLAME_RULES: Final = (
    # «вы сами виноваты»; but «виноваты перед Вами» is an apology.
    PhraseRule(
        C.BLAME_SHIFTING, (Slot(words("виноватый"), bad_next=words("перед")), Slot(words("сам вы ты"))), window=2
    ),
    # «чините сами», «разбирайтесь, пожалуйста, самостоятельно»
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("разбираться разобраться чинить починить ремонтировать искать"), grams=words("impr")),
            Slot(words("сам самостоятельно")),
        ),
        window=3,
    ),
    # «рекомендуем урегулировать это с перевозчиком самостоятельно»: the problem handed back to the buyer
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("урегулировать решать решить разбираться разобраться")), Slot(words("самостоятельно"))),
        window=4,
        request=True,
        veto=words("какой"),
    ),
    # «с курьером и решайте», «разбирайтесь с доставкой»: sent away to someone else
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("решать разбираться выяснять"), grams=words("impr")),
            Slot(words("курьер перевозчик доставка пвз они служба"), need_prev=words("с")),
        ),
        window=3,
    ),
    # «невнимательность покупателя», «ошибка клиента»: the buyer named as the cause
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.YOUR_FAULT), Slot(words("покупатель клиент"))),
        window=1,
        veto=lx.CONDITIONAL,
    ),
    # «проблема, скорее всего, в эксплуатации»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("проблема дело причина")), Slot(words("эксплуатация"), need_prev=words("в"))),
        window=4,
        veto=lx.CONDITIONAL,
    ),
    # but «Вашей вины здесь нет» takes the blame away from the buyer.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("вина")), Slot(words("ваш твой вы ты"))),
        window=3,
        clause_veto=words("нет"),
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        # «в следующий раз будем внимательнее»: «следующий» is an adjective, not «следовать»
        (Slot(lx.OUGHT, not_grams=words("ADJF PRTF")), Slot(lx.BLAME_STUDY)),
        window=3,
        needs=words("бы быть"),
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.WRONGLY), Slot(words("вы ты"))),
        window=3,
        veto=words("если"),
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.BLAME_SHIFTING,
        # «что Вы сами сломали», but not «если сам товар повреждён» (a participle describes the item).
        (
            Slot(words("сам"), bad_prev=words("мы я")),
            Slot(lx.BUYER_MISTAKES, grams=words("past"), not_grams=_PARTICIPLE),
        ),
        window=2,
        negation=Negation.IGNORED,
    ),
    PhraseRule(C.BLAME_SHIFTING, (Slot(words("ваш твой")), Slot(lx.YOUR_FAULT)), window=2),
    # «раз не проверили при получении, …», «раз его не прочитали»: the buyer's omission as the reason.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.BLAME_STUDY, grams=words("past"), bad_prev=words("мы")), Slot(words("раз"), bad_next=words("в"))),
        window=3,
        negation=Negation.REQUIRED,
        veto=words("мы"),
    ),
)

_HEDGES_ANY = lx.HEDGES | words("скорее")  # «скорее всего»
_THE_BUYER = words("покупатель клиент заказчик получатель")
_HEDGED_BLAME_RULES: Final = (
    # «Зарядку, судя по всему, уронили», «видимо, эксплуатировали по-своему»; but «видимо, коробку
    # повредили при перевозке» is about transit.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.DAMAGE_VERBS, grams=words("plur"), not_grams=words("pres futr impr PRTF PRTS"), need_prev=lx.HEDGES),),
        veto=lx.HANDLERS | lx.CONDITIONAL,
    ),
    # «Инструкция была проигнорирована покупателем», «правила эксплуатации нарушены Вами»
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(lx.BUYER_MISTAKES | lx.BUYER_MISTAKES_PASSIVE | lx.DAMAGE_VERBS, grams=words("PRTS")),
            Slot(words("покупатель клиент вы получатель"), grams=words("ablt")),
        ),
        window=3,
        veto=lx.CONDITIONAL,
    ),
    # «судя по всему, так было и у Вас», «видимо, так и случилось в Вашем случае»: a misuse just described,
    # pinned on the buyer by a guess
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("так"), need_prev=_HEDGES_ANY),
            Slot(words("быть случиться произойти получиться выйти")),
            Slot(words("вы ваш")),
        ),
        window=4,
        veto=lx.HANDLERS,
        clause_veto=lx.CONDITIONAL,  # the misuse itself may be put as «только если наливать выше MAX»
    ),
    # «скорее всего, Вы сушили их на батарее, чего делать нельзя»: a guess at what the buyer did, judged
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("вы"), need_prev=_HEDGES_ANY),
            Slot(words("нельзя запрещено недопустимо"), need_prev=words("делать чего этого")),
        ),
        window=12,
        veto=lx.CONDITIONAL | lx.HANDLERS,
    ),
    # «ошибка в адресе на совести заказчика», «повреждение по вине покупателя»; but «если по вине
    # покупателя …» states a policy.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("совесть вина"), need_prev=words("на по")), Slot(_THE_BUYER | words("ваш твой"))),
        window=2,
        veto=lx.CONDITIONAL,
        clause_veto=words("нет"),
    ),
    # «повреждение получено в процессе эксплуатации покупателем»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("эксплуатация использование обращение")), Slot(_THE_BUYER, grams=words("ablt"))),
        window=1,
        veto=lx.CONDITIONAL | words("правильный гарантия"),
    ),
    # «значит, повредили уже у Вас»: the damage placed with the buyer
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(lx.DAMAGE_VERBS, grams=words("plur"), not_grams=words("pres futr impr PRTF PRTS")),
            Slot(words("вы"), need_prev=words("у")),
        ),
        window=3,
        veto=lx.CONDITIONAL,
        clause_veto=lx.HANDLERS,  # «мы отправили целым, значит, разбили у Вас» still blames
    ),
    # «такое случается, когда кто-то не умеет пользоваться техникой»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("уметь")), Slot(words("кто"), need_next=words("то нибудь"))),
        window=3,
        negation=Negation.REQUIRED,
        veto=lx.CONDITIONAL,
    ),
)

_PAST_OR_PASSIVE = words("past PRTS")
# «таблица размеров не была проверена» is the seller's own slip; reading is what the buyer skips.
_READ_VERBS = words("прочитать прочесть дочитать изучить соблюсти учесть")
_APOLOGY = words("извинение извинить извиниться сожаление простить")
_NOT_BY_US = lx.CONDITIONAL | words("мы я")
_US = words("мы я")


def _misuse(companion: Slot, window: int) -> tuple[PhraseRule, PhraseRule]:
    """A use verb next to a sign of misuse, in the passive («был использован») or an impersonal «they».

    «мы» anywhere in the sentence makes the active form the seller's own act; in the passive only
    «нами» in the verb's own clause does («повлиять на это мы не могли» does not).
    """
    passive = Slot(lx.USE_VERBS, grams=words("PRTS"))
    active = Slot(lx.USE_VERBS, grams=words("past"), not_grams=_PARTICIPLE)
    return (
        PhraseRule(
            C.BLAME_SHIFTING,
            (passive, companion),
            window=window,
            veto=lx.CONDITIONAL,
            clause_veto=_US,
            statement=True,  # «Вы заряжали часы от чужой зарядки?» asks
        ),
        PhraseRule(C.BLAME_SHIFTING, (active, companion), window=window, veto=_NOT_BY_US, statement=True),
    )


# Blame without a named culprit: the passive, an impersonal «they», a rhetorical question, advice «впредь».
_IMPLIED_BLAME_RULES: Final = (
    # «товар был использован не по назначению»; but «гарантия не распространяется на товары,
    # использованные не по назначению» (a full participle) states the policy.
    # «использовалось по назначению» is what an expert report says of honest use.
    *_misuse(Slot(words("назначение"), need_prev=words("не")), 4),  # «использовали не совсем по назначению»
    # «обувь носилась в условиях, для которых она не предназначена»; but «не предназначена для бега» describes it.
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("предназначить"), grams=words("PRTS")),
            Slot(lx.USE_VERBS, grams=words("past"), not_grams=words("PRTF")),
        ),
        window=8,
        negation=Negation.REQUIRED,
        veto=_NOT_BY_US,
    ),
    # «было подключено к неподходящему адаптеру», «заряжали от чужой зарядки»
    *_misuse(Slot(lx.WRONG_PARTS), 4),
    # «упаковку вскрывали ножом»; but the courier or the warehouse may have done it.
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("вскрывать вскрыть резать разрезать"), grams=_PAST_OR_PASSIVE),
            Slot(words("нож ножик ножницы лезвие"), grams=words("ablt")),
        ),
        window=3,
        veto=_NOT_BY_US | (lx.HANDLERS - words("упаковка")),
    ),
    # «Ну а кто же заряжает самокат всю ночь от чужой зарядки?»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("кто"), need_next=words("же ж")), Slot(lx.USE_VERBS, not_grams=words("impr past"))),
        window=3,
        veto=lx.HANDLERS,
    ),
    # «Разве мы могли предположить, что шлангом будут пользоваться на морозе?»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("разве")), Slot(words("мочь")), Slot(words("предположить предвидеть подумать догадаться ожидать"))),
        window=3,
        veto=lx.HANDLERS - _US,  # «разве мы могли …» is the point, but the courier may be the culprit
    ),
    # «условия хранения были нарушены на стороне получателя», «… на Вашей стороне»
    *(
        PhraseRule(
            C.BLAME_SHIFTING,
            (Slot(lx.BUYER_MISTAKES_PASSIVE | lx.DAMAGE_VERBS, grams=words("PRTS")), side),
            window=4,
            veto=lx.CONDITIONAL,
        )
        for side in (
            Slot(words("сторона"), need_next=words("получатель покупатель клиент")),
            Slot(words("сторона"), need_prev=lx.POSSESSIVE_YOURS - words("свой")),
        )
    ),
    # «значит, повреждение возникло уже после получения»; but «если повреждение возникло после получения, …».
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("возникнуть появиться образоваться произойти"), grams=words("past")),
            Slot(words("получение"), need_prev=words("после")),
            Slot(lx.DAMAGE_NOUNS),
        ),
        window=4,
        needs=words("значит следовательно уже видимо очевидно"),
        veto=lx.CONDITIONAL,
    ),
    # «Инструкция, видимо, не была прочитана»; but «сообщение не было прочитано» is about a chat.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(_READ_VERBS, grams=words("PRTS")), Slot(lx.GUIDES)),
        window=8,
        negation=Negation.REQUIRED,
        veto=_NOT_BY_US | _APOLOGY,
    ),
    # «Такое бывает, когда карточку не дочитывают»; but not when the courier does not check.
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(lx.BLAME_STUDY, grams=words("plur"), not_grams=words("impr")),
            Slot(words("бывать случаться происходить")),
        ),
        window=6,
        negation=Negation.REQUIRED,
        needs=words("когда"),
        veto=lx.HANDLERS,
    ),
    # «Рекомендуем впредь бережнее обращаться», «в следующий раз советуем внимательнее смотреть»;
    # but «в следующий раз будем внимательнее» is the seller's own promise.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.CARE_COMPARATIVES, grams=words("COMP")), Slot(lx.FROM_NOW_ON)),
        window=5,
        needs=lx.ADVICE_LEADS | words("просить попросить"),
        veto=words("мы я"),
    ),
    # «постарайтесь впредь бережнее», «будьте впредь внимательнее»; but «постараемся впредь быть
    # внимательнее» is a promise.
    PhraseRule(
        C.BLAME_SHIFTING,
        (
            Slot(words("постараться стараться быть"), grams=words("impr"), not_grams=words("incl")),
            Slot(lx.CARE_COMPARATIVES, grams=words("COMP")),
            Slot(lx.FROM_NOW_ON),
        ),
        window=5,
    ),
    # «Вы уронили телефон, вот стекло и треснуло»; but «Вы роняли телефон?» asks.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(lx.DAMAGE_VERBS, grams=words("past"), not_grams=_PARTICIPLE), Slot(words("вы ты"))),
        window=2,
        veto=lx.CONDITIONAL | lx.HANDLERS,  # «курьер признал, что посылку уронили, вы правы»
        statement=True,
    ),
)

ABUSE_RULES: Final = (
    PhraseRule(C.ABUSE, (Slot(lx.RUDE_IMPERATIVES, grams=words("impr")),), negation=Negation.IGNORED),
    PhraseRule(C.ABUSE, (Slot(lx.STRONG_INSULTS),), negation=Negation.IGNORED),
)

_NEED = Slot(words("нужный нужно необходимый необходимо требоваться понадобиться"))
# «номер», not «телефон»: «какой у Вас телефон — iPhone?» asks about the device.
_YOUR_NUMBER_ASKED = Slot(words("номер ник никнейм почта"), bad_next=lx.NUMBER_NOT_PHONE)
_CALL_CUES = words("<messenger> связаться связь звонить позвонить перезвонить набрать телефон мобильный сотовый")
_REVIEW_BETTER = words("добрый хороший высокий высоко мягкий теплый положительный")

# Indirect phrasings: a need instead of a request, a question instead of an imperative, synonyms.
_INDIRECT_RULES: Final = (
    # «для компенсации нам нужны цифры с лицевой стороны Вашей карточки»
    *(
        PhraseRule(C.CONTACT_REQUEST, (_NEED, card), window=5, veto=words("озон ozon"))
        for card in (_CARD_COLLOQUIAL, _CARD_SIDE, _BANK_CARD)
    ),
    # «чтобы выслать подарок, нам понадобятся улица, дом и квартира»
    PhraseRule(
        C.CONTACT_REQUEST,
        (_NEED, _ADDRESS_PART, Slot(lx.ADDRESS_PARTS | words("дом"))),
        window=5,
        veto=words("озон ozon курьер"),
    ),
    # «шестнадцать цифр с лицевой стороны — и компенсация у Вас сегодня»: card data without the word «карта»
    PhraseRule(
        C.CONTACT_REQUEST,
        (
            Slot(words("цифра циферка"), need_prev=words("16 шестнадцать")),
            Slot(words("сторона"), need_prev=words("лицевой")),
        ),
        window=4,
        veto=lx.NEGATORS | words("никто никому"),
    ),
    # «у нас на сайте цена ниже»: the shop's own site named by «у нас»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("сайт"), need_prev=words("мы")),),
        needs=lx.DEAL_CUES,
        veto=words("озон ozon подписчик производитель бренд официальный"),
        kind="own_shop",
    ),
    # «какой у Вас номер в вайбере?», «по какому номеру с Вами удобнее связаться?»; but «какой у Вас
    # номер заказа?» asks for the order.
    PhraseRule(
        C.CONTACT_REQUEST,
        (_YOUR_NUMBER_ASKED, Slot(words("какой")), Slot(words("вы ваш"))),
        window=3,
        needs=_CALL_CUES,
    ),
    # «почтовый ящик Ваш какой?»
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("ящик"), need_prev=words("почтовый электронный")), Slot(words("какой")), Slot(words("вы ваш"))),
        window=3,
    ),
    # «скиньте, пожалуйста, любой удобный для Вас способ связи»
    PhraseRule(C.CONTACT_REQUEST, (_ASK, _WAY_TO_REACH), window=8, request=True),
    # «пришлите серию и номер документа»: passport data without the word «паспорт»
    PhraseRule(
        C.CONTACT_REQUEST,
        (_ASK, Slot(words("серия"), need_next=words("номер"))),
        window=4,
        request=True,
        veto=lx.NUMBER_NOT_PHONE | words("декларация изделие прибор устройство"),
    ),
    # «назовите последние четыре цифры и срок действия карты»: card data without the word «номер»
    PhraseRule(
        C.CONTACT_REQUEST,
        (_ASK, Slot(words("срок"), need_next=words("действие"))),
        window=8,
        request=True,
        needs=words("карта карточка"),
        veto=lx.CARD_NOT_BANK,
    ),
    PhraseRule(
        C.CONTACT_REQUEST,
        (_ASK, Slot(words("цифра циферка"), need_prev=words("последний первый"))),
        window=4,
        request=True,
        needs=words("карта карточка"),
        veto=words("заказ отправление трек размерный размер артикул"),
    ),
    # «переведите 3 200 ₽ по номеру +7 …»: a transfer by phone number
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=_VERB_NOT_PAST), Slot(words("номер"), need_prev=words("по"))),
        window=5,
        request=True,
        veto=lx.PAY_VETO | lx.NUMBER_NOT_PHONE | words("карта счет договор"),
        clause_veto=words("озон ozon"),
        kind="payment",
    ),
    # «вышлем такой же самокат со скидкой напрямую»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # a sale or a shipment, not «скидка применяется напрямую к цене»
        (Slot(words("напрямую")), Slot(lx.PRICE_CUTS), Slot(lx.DIRECT_DEAL | words("выслать отправить привезти"))),
        window=6,
        veto=lx.PLATFORM | words("приложение корзина производитель поставщик фабрика завод"),
        kind="bypass",
    ),
    # «постоянным клиентам продаём и вне площадки»; but «вне площадки мы ничего не продаём».
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        # «товары, купленные вне площадки» (a participle) is a policy, not an offer
        (Slot(words("вне")), Slot(lx.PLATFORM), Slot(lx.DIRECT_DEAL, not_grams=_PARTICIPLE)),
        window=4,
        clause_veto=lx.NEGATORS,
        kind="bypass",
    ),
    # «отзыв пока не публикуйте», «не пишите отзыв до замены»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("публиковать опубликовать выкладывать выложить") | lx.WRITE_REVIEW_VERBS), _REVIEW_NOUN),
        window=4,
        request=True,
        negation=Negation.REQUIRED,
    ),
    # «подумайте, стоит ли оставлять такую оценку»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("подумать задуматься взвесить")), Slot(lx.RATE_VERBS | lx.WRITE_REVIEW_VERBS), _REVIEW_NOUN),
        window=5,
        request=True,
        needs=words("стоить такой"),  # «подумайте и оставьте честный отзыв» invites one
    ),
    # «будем признательны, если отзыв станет добрее», «если «единица» превратится во что-нибудь повыше»;
    # but «Ваш отзыв поможет товару стать лучше» is thanks.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (
            # «рады, что отзыв стал положительным» thanks for what already happened
            Slot(
                words("стать становиться превратиться измениться"),
                not_grams=_VERB_NOT_PAST,
                need_next=_REVIEW_BETTER,
            ),
            Slot(lx.REVIEW_NOUNS - words("рейтинг"), grams=words("nomn")),  # the shop's rating is not the buyer's
        ),
        window=3,
        veto=words("помочь помогать благодаря"),
    ),
    # «уберите, пожалуйста, фото с пятнами из отзыва»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS), Slot(words("отзыв"), need_prev=words("из"))),
        window=6,
        request=True,
    ),
    # «не могли бы Вы сами снять заказ?»
    PhraseRule(C.CANCEL_REQUEST, (Slot(words("снять снимать")), Slot(words("заказ бронь"))), window=3, request=True),
    # «ответственность за выбор размера лежит на покупателе»
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("ответственность")), Slot(words("покупатель клиент вы"), need_prev=words("на"))),
        window=8,
        clause_veto=lx.NEGATORS | lx.CONDITIONAL,
    ),
    # «проблема в Вашей розетке»; but «если проблема в Вашем заказе …» asks.
    PhraseRule(
        C.BLAME_SHIFTING,
        (Slot(words("проблема причина")), Slot(words("ваш твой"), need_prev=words("в"))),
        window=2,
        veto=lx.CONDITIONAL | lx.NUMBER_NOT_PHONE | words("вопрос сообщение регион город область район случай"),
        negation=Negation.IGNORED,
    ),
    # «таких занудных и скандальных покупателей у нас давно не было»
    PhraseRule(
        C.ABUSE,
        (
            Slot(words("занудный скандальный склочный неадекватный истеричный")),
            Slot(words("покупатель клиент")),
        ),
        window=3,
        negation=Negation.IGNORED,
    ),
    # «умственные способности у Вас явно ограничены»
    PhraseRule(
        C.ABUSE,
        (Slot(words("умственный")), Slot(words("ограниченный ограничить отсталый слабый"))),
        window=10,
        needs=words("вы ваш ты твой"),  # not «развивает умственные способности … с ограниченными возможностями»
        negation=Negation.IGNORED,
    ),
)

_EN_REVIEW = Slot(lx.EN_REVIEW_NOUNS | lx.REVIEW_NOUNS)
# «Please send your phone number», «please remove your review»: English has no imperative mood to read,
# so a clause without another subject, a negation or «can» counts as addressed to the buyer.
ENGLISH_RULES: Final = (
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(lx.EN_ASK_VERBS), Slot(lx.EN_CONTACT_OBJECTS | lx.CONTACT_OBJECTS, need_prev=lx.EN_YOURS)),
        window=4,
        clause_veto=lx.EN_NOT_REQUEST,
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.EN_REVIEW_EDIT_VERBS), _EN_REVIEW),
        window=4,
        clause_veto=lx.EN_NOT_REQUEST,
        negation=Negation.IGNORED,
    ),
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.EN_RATE_VERBS), Slot(lx.EN_GOOD_RATING | lx.GOOD_RATING)),
        window=4,
        clause_veto=lx.EN_NOT_REQUEST,
        negation=Negation.IGNORED,
    ),
    # «pay via PayPal», «transfer to my card»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("pay transfer send invoice bill sell")),
            Slot(words("paypal card cash directly crypto") | lx.PAY_CHANNELS),
        ),
        window=3,
        clause_veto=words("ozon never not don dont"),
        negation=Negation.IGNORED,
        kind="payment",
    ),
    # «… and skip the marketplace fees», «bypass Ozon»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("skip avoid bypass")), Slot(words("marketplace ozon commission"))),
        window=3,
        clause_veto=words("never not don dont"),
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «please cancel the order»; but «if you want, cancel …» leaves the choice to the buyer.
    PhraseRule(
        C.CANCEL_REQUEST,
        (Slot(words("cancel")), Slot(words("order purchase") | lx.CANCEL_OBJECTS)),
        window=3,
        veto=words("want wish if"),
        clause_veto=lx.EN_NOT_REQUEST,
        negation=Negation.IGNORED,
    ),
)

_CALLS = words("звонить позвонить набрать перезвонить созвониться")
_NEED_ANY = Slot(_NEED.lemmas | words("потребоваться"))
# Buying verbs only: «работает через VK Музыку» is a feature, «там можно заказать» a deal.
_BUY = words("заказать купить приобрести оплатить заказывать покупать приобретать оплачивать")
_SEND = words("оставить скинуть кинуть прислать отправить написать дать сбросить")
_PHONE_NUMBER = Slot(words("номер телефон номерок"), bad_next=lx.NUMBER_NOT_PHONE)
# Contacts, personal data and deals asked for or offered in roundabout words.
_ROUNDABOUT_RULES: Final = (
    # «можем созвониться — оставлю номер следующим сообщением»: the seller's own number, promised
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(_SEND, grams=words("1per"), not_grams=words("plur")), _PHONE_NUMBER),
        window=3,
        needs=_CALL_CUES | _CALLS,
        veto=lx.NUMBER_NOT_PHONE,
        kind="phone",
    ),
    # «на какой номер скинуть?», «на какой номер Вам перезвонить?»
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("номер"), need_prev=words("какой"), bad_next=lx.NUMBER_NOT_PHONE), Slot(_SEND | _CALLS)),
        window=3,
        veto=lx.NUMBER_NOT_PHONE,
    ),
    # «переведу деньги на сберкарту, только напишите номер»
    PhraseRule(
        C.CONTACT_REQUEST,
        (_ASK, Slot(words("номер"), bad_next=lx.NUMBER_NOT_PHONE)),
        window=2,
        request=True,
        needs=lx.PAY_CHANNELS,
        veto=lx.PAY_VETO | words("озон ozon заказ отправление трек артикул"),
    ),
    # «отправим Почтой за наш счёт, без оформления на площадке»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("без")), Slot(words("оформление")), Slot(lx.PLATFORM)),
        window=3,
        kind="bypass",
        veto=lx.NEGATORS,  # «без оформления на Ozon мы не отправляем»
    ),
    # «на какие цифры Вам можно набрать?»
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("цифра циферка")), Slot(words("какой"))),
        window=2,
        needs=_CALL_CUES | _CALLS,
        veto=words("заказ артикул трек код"),
    ),
    # «где Вы обычно переписываетесь — в зелёном или в синем мессенджере?»
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("переписываться общаться списываться сидеть")), Slot(words("вы ты")), Slot(words("где какой"))),
        window=4,
        needs=words("мессенджер соцсеть <messenger>"),
    ),
    # «хотим передать подарок лично — куда его можно привезти?»; but «куда привезут, выбирается в приложении Ozon».
    PhraseRule(
        C.CONTACT_REQUEST,
        (Slot(words("куда")), Slot(words("привезти подвезти завезти доставить передать"), not_grams=_VERB_NOT_PAST)),
        window=3,
        needs=words("лично"),
        veto=lx.PLATFORM | words("пвз пункт выдача приложение"),
    ),
    # «потребуется серия и номер документа», «нужен документ, удостоверяющий личность»
    PhraseRule(
        C.CONTACT_REQUEST,
        (_NEED_ANY, Slot(words("серия"), need_next=words("номер"))),
        window=4,
        veto=words("сертификат декларация товар изделие прибор устройство модель"),
    ),
    # but «для получения заказа в пункте выдачи понадобится документ» is Ozon's pickup rule
    PhraseRule(
        C.CONTACT_REQUEST,
        (_NEED_ANY, Slot(words("документ"), need_next=words("удостоверять"))),
        window=4,
        veto=words("пункт выдача получение пвз курьер получить"),
    ),
    # «звоните по ней напрямую», «позвоните нам напрямую»: a call past the chat
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(_CALLS), Slot(words("напрямую визитка"))),
        window=5,
        request=True,
        veto=lx.PLATFORM | words("курьер поддержка банк служба оператор пвз"),  # «позвоните напрямую в банк»
    ),
    # «там ответим быстрее, чем здесь»: somewhere other than this chat is offered as better
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("здесь тут"), need_prev=words("чем")), Slot(words("там туда"))),
        window=8,
        needs=lx.CONTACT_CUES | words("<messenger> ответить"),  # not «в разделе «Возвраты» оформить проще»
        veto=lx.PLATFORM | lx.PRICE_CUTS | words("приложение раздел"),  # «там дешевле, чем здесь» is a deal
    ),
    # «пишите в личку»: there are no private messages on Ozon besides this chat
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(words("написать писать"), not_grams=_VERB_NOT_PAST), Slot(words("личка лс"))),
        window=3,
        request=True,
        veto=lx.PLATFORM | words("чат"),
    ),
    # «продаём по закупочной цене — только не здесь»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.DIRECT_DEAL, not_grams=_VERB_NOT_PAST), Slot(words("здесь тут"), need_prev=words("не"))),
        window=6,
        negation=Negation.IGNORED,
        kind="bypass",
    ),
    # «для оптовых заказов отдельные условия вне площадки»; but «вне площадки цены мы не обсуждаем».
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("вне")), Slot(lx.PLATFORM), Slot(words("условие цена") | lx.PRICE_CUTS)),
        window=4,
        clause_veto=lx.NEGATORS,
        kind="bypass",
    ),
    # «так выходит выгоднее, чем через приложение»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("чем")),
            Slot(lx.PLATFORM | words("приложение"), need_prev=words("через на в")),
            Slot(lx.PRICE_CUTS),
        ),
        window=3,
        kind="bypass",
    ),
    # «можем продать без посредников, так и Вам выгоднее», «обойдёмся без посредника: вы мне аванс …»;
    # but «продаём без посредников, поэтому цены ниже» and «работаем с фабрикой без посредников» describe the shop.
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("без")), Slot(words("посредник")), Slot(words("вы"))),
        window=6,
        negation=Negation.IGNORED,
        needs=lx.PRICE_CUTS | words("обойтись аванс предоплата"),
        veto=words("производитель поставщик фабрика завод закупать закупка производство цех"),
        kind="bypass",
    ),
    # «можем продать их Вам из рук в руки»; but the courier hands parcels over, too.
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("рука"), need_prev=words("из"), need_next=words("в")),
            Slot(lx.DIRECT_DEAL | _REFUND_VERBS | words("передать отдать")),
        ),
        window=5,
        veto=lx.PLATFORM | words("курьер пвз пункт"),
        kind="bypass",
    ),
    # «компенсируем «живыми деньгами» при самовывозе»: cash by another name
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("деньга деньги"), need_prev=words("живой")),
            Slot(words("самовывоз встреча курьер передать отдать")),
        ),
        window=4,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «ведём страничку в Одноклассниках, там можно заказать любой цвет»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("<messenger>"), need_prev=words("в во через")),
            Slot(_BUY, not_grams=_VERB_NOT_PAST, need_prev=words("там")),
        ),
        window=10,
        veto=lx.PLATFORM | lx.PRODUCT_CUES | lx.NEGATORS,
        kind="bypass",
    ),
)

ALL_RULES: Final = RuleSet(
    CONTACT_RULES
    + CONTACT_REQUEST_RULES
    + DEAL_RULES
    + REVIEW_RULES
    + CANCEL_RULES
    + BLAME_RULES
    + _HEDGED_BLAME_RULES
    + _IMPLIED_BLAME_RULES
    + ABUSE_RULES
    + _INDIRECT_RULES
    + ENGLISH_RULES
    + _ROUNDABOUT_RULES
)
