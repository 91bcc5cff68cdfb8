"""Pictograms that stand for words: «напишите ваш 📞», «не забирайте 📦», «отзыв = 🎁».

Tokens are letter and digit runs, so an emoji is invisible to the lemma rules. Here each
pictogram that stands for a word becomes a token of its own with that word's lemma, so the
ordinary rules read «ваш 📞» as «ваш телефон». A phone or an envelope is a contact only when
it is the buyer's («ваш 📞», «свой ✉️»): next to «пишите нам» it only decorates the chat.
"""

from __future__ import annotations

import re
from typing import Final

from .lexicon import POSSESSIVE_YOURS, words
from .morph import SENTENCE_BREAK, Token

_PHONE: Final = words("телефон")
_MAIL: Final = words("почта")
_WORDS: Final[dict[str, frozenset[str]]] = {
    "\U0001f4de": _PHONE,  # telephone receiver
    "\u260e": _PHONE,  # black telephone
    "\U0001f4f1": _PHONE,  # mobile phone
    "\U0001f4f2": _PHONE,  # mobile phone with arrow
    "\u2709": _MAIL,  # envelope
    "\U0001f4e7": _MAIL,  # e-mail
    "\U0001f4e9": _MAIL,  # envelope with arrow
    "\U0001f4e8": _MAIL,  # incoming envelope
    "\U0001f381": words("подарок"),  # wrapped gift
    "\U0001f4e6": words("посылка"),  # package
}
_OWNED_ONLY: Final = frozenset(c for c, lemmas in _WORDS.items() if lemmas in (_PHONE, _MAIL))
# Finds the pictograms once a substring check has seen one; most drafts have none.
PICTOGRAMS: Final = re.compile("[" + "".join(_WORDS) + "]")
_NO_GRAMS: Final[frozenset[str]] = frozenset()


def with_pictograms(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` with a token for every pictogram that stands for a word, renumbered in order."""
    if not any(char in text for char in _WORDS):  # ten substring checks beat one class scan
        return tokens
    starts = [t.start for t in tokens]
    added: list[Token] = []
    k = 0
    for m in PICTOGRAMS.finditer(text):
        pos = m.start()
        while k < len(starts) and starts[k] < pos:
            k += 1
        prev = tokens[k - 1] if k else None
        nxt = tokens[k] if k < len(tokens) else None
        if prev is not None and (nxt is None or SENTENCE_BREAK.search(text, prev.end, pos) is None):
            sentence, clause = prev.sentence, prev.clause  # «ваш 📞, перезвоним»
        elif nxt is not None:
            sentence, clause = nxt.sentence, nxt.clause  # «Спасибо! 📞 Ждём звонка»
        else:
            continue
        char = m.group()
        if char in _OWNED_ONLY and (
            prev is None or prev.sentence != sentence or POSSESSIVE_YOURS.isdisjoint(prev.lemmas)
        ):
            continue
        added.append(Token(char, pos, m.end(), 0, sentence, clause, _WORDS[char], _NO_GRAMS))
    if not added:
        return tokens
    merged = sorted([*tokens, *added], key=lambda t: t.start)
    return [Token(t.text, t.start, t.end, i, t.sentence, t.clause, t.lemmas, t.grams) for i, t in enumerate(merged)]
