"""Phrase rules for contacts, personal data and deals hinted at rather than named: «личка», «из рук в руки»."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import ASK, CALL_CUES, NEED, VERB_NOT_PAST

_CALLS = words("звонить позвонить набрать перезвонить созвониться")
_NEED_ANY = Slot(NEED.lemmas | words("потребоваться"))
# Buying verbs only: «работает через VK Музыку» is a feature, «там можно заказать» a deal.
_BUY = words("заказать купить приобрести оплатить заказывать покупать приобретать оплачивать")
_SEND = words("оставить скинуть кинуть прислать отправить написать дать сбросить")
_PHONE_NUMBER = Slot(words("номер телефон номерок"), bad_next=lx.NUMBER_NOT_PHONE)
# Contacts, personal data and deals asked for or offered in roundabout words.
ROUNDABOUT_RULES: Final = (
    # «можем созвониться — оставлю номер следующим сообщением»: the seller's own number, promised
    PhraseRule(
        C.OFF_PLATFORM_CONTACT,
        (Slot(_SEND, grams=words("1per"), not_grams=words("plur")), _PHONE_NUMBER),
        window=3,
        needs=CALL_CUES | _CALLS,
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
        (ASK, Slot(words("номер"), bad_next=lx.NUMBER_NOT_PHONE)),
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
        needs=CALL_CUES | _CALLS,
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
        (Slot(words("куда")), Slot(words("привезти подвезти завезти доставить передать"), not_grams=VERB_NOT_PAST)),
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
        (Slot(words("написать писать"), not_grams=VERB_NOT_PAST), Slot(words("личка лс"))),
        window=3,
        request=True,
        veto=lx.PLATFORM | words("чат"),
    ),
    # «продаём по закупочной цене — только не здесь»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.DIRECT_DEAL, not_grams=VERB_NOT_PAST), Slot(words("здесь тут"), need_prev=words("не"))),
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
            Slot(lx.DIRECT_DEAL | lx.REFUND_VERBS | words("передать отдать")),
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
            Slot(_BUY, not_grams=VERB_NOT_PAST, need_prev=words("там")),
        ),
        window=10,
        veto=lx.PLATFORM | lx.PRODUCT_CUES | lx.NEGATORS,
        kind="bypass",
    ),
)
