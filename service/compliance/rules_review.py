"""Phrase rules for pressure on the buyer's review or rating."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C
from .rules_common import REVIEW_NOUN, VERB_NOT_PAST

_LEGAL = Slot(words("суд полиция юрист прокуратура заявление иск"))
REVIEW_RULES: Final = (
    # «подадим в суд за порочащий отзыв»: the law held over a review is pressure on it
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (_LEGAL, REVIEW_NOUN),
        window=6,
        needs=words("подать подавать обратиться передать написать"),
        veto=lx.NEGATORS | words("озон ozon"),
    ),
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.REVIEW_EDIT_VERBS), REVIEW_NOUN), window=5, request=True),
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.RATE_VERBS), Slot(lx.GOOD_RATING)), window=5, request=True),
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.RATE_VERBS | lx.WRITE_REVIEW_VERBS), Slot(lx.BAD_RATING)),
        window=3,
        request=True,
        negation=Negation.REQUIRED,
    ),
    PhraseRule(
        C.REVIEW_MANIPULATION, (Slot(lx.WRITE_REVIEW_VERBS), Slot(lx.POSITIVE), REVIEW_NOUN), window=3, request=True
    ),
    # «Можно ли изменить оценку на более высокую?»: asking for a better rating is pressure in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS), REVIEW_NOUN, Slot(lx.GOOD_RATING | words("высоко выше более"))),
        window=4,
    ),
    # «подправьте отзыв — мы будем признательны»: gratitude promised for an edit is pressure in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_EDIT_VERBS, not_grams=VERB_NOT_PAST), REVIEW_NOUN),
        window=4,
        needs=lx.GRATITUDE,
    ),
    # «были бы рады, если бы отзыв исчез», «вернём деньги, как только пропадёт отзыв»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("исчезнуть пропасть")), REVIEW_NOUN),
        window=3,
        needs=words("бы только"),
        veto=words("почему"),
    ),
    # «звёздочку-другую добавить несложно?»: more stars is a better rating in any mood.
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(words("добавить накинуть прибавить"), not_grams=VERB_NOT_PAST), Slot(words("звезда звездочка"))),
        window=3,
    ),
    # «пересмотрите своё мнение о товаре»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(lx.REVIEW_EDIT_VERBS), Slot(words("мнение"))), window=3, request=True),
    # «может, обойдёмся без отзыва?»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(words("обойтись")), Slot(words("без")), REVIEW_NOUN), window=2),
    # «пересмотр оценки», «корректировка оценки в сторону повышения»
    PhraseRule(C.REVIEW_MANIPULATION, (Slot(words("пересмотр корректировка повышение")), REVIEW_NOUN), window=4),
    # «будем благодарны, если в отзыве появится пятёрка», «как только отзыв станет пятизвёздочным»
    PhraseRule(
        C.REVIEW_MANIPULATION,
        (Slot(lx.REVIEW_BECOMES), REVIEW_NOUN, Slot(lx.BETTER_REVIEW)),
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
