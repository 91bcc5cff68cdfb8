"""Phrase rules for pushing the buyer to cancel or refuse an order."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import VERB_NOT_PAST

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
        (Slot(lx.CANCEL_VERBS | lx.REFUSE_VERBS, not_grams=VERB_NOT_PAST),),
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
