"""Phrase rules for contacts offered off Ozon and for requests for the buyer's contacts and personal data."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import ADDRESS_PART, ASK, BANK_CARD, CARD_COLLOQUIAL, CARD_SIDE, VERB_NOT_PAST

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
        (Slot(lx.VISIT_VERBS, not_grams=VERB_NOT_PAST, need_next=words("мы я")), Slot(lx.STREET_ADDRESS)),
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
# «черкните свои цифры для связи»
_DIGITS_FOR_CALLS = Slot(words("цифра циферка"), need_next=words("связь звонок"))
_BIRTH_DATE = Slot(words("рождение"), need_prev=words("дата день год"))
_PASSPORT_SERIES = Slot(words("серия"), need_next=words("паспорт"))
# «три цифры на обороте пластика»
_CARD_BACK = Slot(words("оборот"), need_next=words("карта карточка пластик"))

CONTACT_REQUEST_RULES: Final = (
    tuple(
        # «напишите последние цифры номера заказа, карта не нужна»: the object turned down right after
        PhraseRule(C.CONTACT_REQUEST, (ASK, obj), window=5, request=True, denied_after=True)
        for obj in (
            _CONTACT_OBJECT,
            _NUMBER,
            _ADDRESS,
            _CARD,
            CARD_COLLOQUIAL,
            CARD_SIDE,
            _SMS_CODE,
            _SMS_CODE_AFTER,
            _DIGITS_FOR_CALLS,
            _YOUR_MESSENGER,
            _BIRTH_DATE,
            _PASSPORT_SERIES,
            _CARD_BACK,
            BANK_CARD,
        )
    )
    + tuple(
        # «нужны Ваш телефон и почта»; but «включить нужные приложения» only describes them
        PhraseRule(C.CONTACT_REQUEST, (Slot(lx.NEED_WORDS, not_grams=words("ADJF")), obj), window=5)
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
            (ASK, _CONTACT_OBJECT),
            window=5,
            needs=lx.GRATITUDE,
            veto=lx.PLATFORM | words("профиль кабинет"),  # «укажите телефон в профиле Ozon» stays on Ozon
        ),
        # «напишите цифры, по которым вам можно позвонить»
        PhraseRule(
            C.CONTACT_REQUEST,
            (ASK, Slot(words("цифра циферка")), Slot(words("позвонить звонить перезвонить дозвониться"))),
            window=6,
            request=True,
        ),
        # «продиктуйте код, который сейчас придёт Вам в СМС»: the SMS named after a relative clause
        PhraseRule(
            C.CONTACT_REQUEST,
            (ASK, Slot(words("код кодик пароль"), bad_next=words("получение")), Slot(words("смс sms"))),
            window=7,
            request=True,
            veto=words("получение пвз выдача"),
        ),
        # «мыло» is slang for e-mail only next to «ваш»: nobody asks a buyer for their soap.
        PhraseRule(C.CONTACT_REQUEST, (ASK, Slot(words("мыло"), need_next=lx.POSSESSIVE_YOURS)), window=5),
        PhraseRule(C.CONTACT_REQUEST, (ASK, Slot(words("мыло"), need_prev=lx.POSSESSIVE_YOURS)), window=5),
        PhraseRule(
            C.CONTACT_REQUEST, (ASK, ADDRESS_PART, Slot(lx.ADDRESS_PARTS | words("дом"))), window=5, request=True
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
            (ASK, Slot(words("скриншот скрин снимок")), Slot(words("банк банковский"))),
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
            (ASK, Slot(words("номер"), bad_next=lx.NUMBER_NOT_PHONE), Slot(words("<messenger>"))),
            window=6,
            request=True,
        ),
        # «подскажите, на какой номер у вас зарегистрирован мессенджер»
        PhraseRule(
            C.CONTACT_REQUEST,
            (ASK, Slot(words("номер"), bad_prev=words("на"), bad_next=lx.NUMBER_NOT_PHONE), Slot(words("мессенджер"))),
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
