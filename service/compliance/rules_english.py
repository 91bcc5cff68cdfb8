"""Phrase rules for drafts written in English."""

from __future__ import annotations

from typing import Final

from . import lexicon as lx
from .engine import Negation, PhraseRule, Slot
from .lexicon import words
from .models import ViolationCode as C

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
