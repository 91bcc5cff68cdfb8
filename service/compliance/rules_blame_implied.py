"""Phrase rules for blame on the buyer implied by the passive, an impersonal «they», a question or advice."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import PARTICIPLE

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
    active = Slot(lx.USE_VERBS, grams=words("past"), not_grams=PARTICIPLE)
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
IMPLIED_BLAME_RULES: Final = (
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
        (Slot(lx.DAMAGE_VERBS, grams=words("past"), not_grams=PARTICIPLE), Slot(words("вы ты"))),
        window=2,
        veto=lx.CONDITIONAL | lx.HANDLERS,  # «курьер признал, что посылку уронили, вы правы»
        statement=True,
    ),
)
