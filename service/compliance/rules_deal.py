"""Phrase rules for payments and deals taken past Ozon."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import VERB_NOT_PAST

_CASH = Slot(words("наличные наличный наличка нал налом налик"))
_PAY_CHANNEL = Slot(lx.PAY_CHANNELS, bad_next=lx.CARD_NOT_PAYMENT)
_FAST_PAYMENTS = Slot(words("платеж"), need_prev=words("быстрый"))  # «система быстрых платежей» is the СБП
_BETWEEN_US = Slot(words("напрямую лично между"), bad_next=words("озон ozon"))
# «карточка» is usually the product page; «на карточку» after a transfer verb is a bank card.
_BANK_CARD_COLLOQUIAL = Slot(words("карточка"), need_prev=words("на"), bad_next=lx.CARD_NOT_PAYMENT | words("этот"))
DEAL_RULES: Final = (
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("перевести переводить перечислить скинуть закинуть кинуть"), not_grams=VERB_NOT_PAST),
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
            Slot(words("оплатить оплачивать"), not_grams=VERB_NOT_PAST),
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
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST, bad_prev=words("быть")), _PAY_CHANNEL),
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
        (Slot(words("напрямую")), Slot(lx.DIRECT_DEAL | lx.REFUND_VERBS)),  # «верну деньги напрямую»
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
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST), _FAST_PAYMENTS),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
        denied_after=True,
        clause_veto=words("озон ozon"),
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST), Slot(words("пластик"), need_prev=words("на ваш"))),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «оплатите по счёту, который мы пришлём»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (
            Slot(words("оплатить оплачивать"), not_grams=VERB_NOT_PAST),
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
            Slot(words("рассчитаться расплатиться"), not_grams=VERB_NOT_PAST),
            Slot(words("место"), need_prev=words("на")),
        ),
        window=2,
        veto=lx.PAY_VETO,
        kind="payment",
    ),
    # «можем встретиться у метро», «встретимся лично»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("встретиться встречаться"), not_grams=VERB_NOT_PAST), Slot(words("метро лично вокзал"))),
        window=4,
    ),
    # «договоримся между собой», «договоримся напрямую»
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(words("договориться договариваться"), not_grams=VERB_NOT_PAST), _BETWEEN_US),
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
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST), Slot(words("банк"), need_prev=words("зеленый желтый"))),
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
            Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST),
            Slot(words("номер"), need_prev=words("по"), need_next=words("телефон")),
        ),
        window=5,
        veto=lx.PAY_VETO,
        kind="payment",
        clause_veto=words("озон ozon"),
    ),
    PhraseRule(
        C.OFF_PLATFORM_DEAL,
        (Slot(lx.PAY_ANCHORS, not_grams=VERB_NOT_PAST), Slot(words("лично"))),
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
