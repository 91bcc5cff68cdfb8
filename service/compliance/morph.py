"""Tokens with cached Russian lemmas, so phrase rules can match any inflection.

pymorphy3 parses cost ~0.1 ms each; seller drafts reuse a small vocabulary,
so an LRU cache makes repeated words nearly free.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pymorphy3

from .lexicon import words

_MORPH = pymorphy3.MorphAnalyzer()
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
# Sentence and clause boundaries between two tokens.
_SENTENCE_BREAK = re.compile(r"[.!?…\n]")
_CLAUSE_BREAK = re.compile(r"[,;:()«»\"—–]|\s-\s")


class Token(NamedTuple):
    """A word or digit group of the normalized text with its grammatical readings."""

    text: str
    start: int
    end: int
    idx: int
    sentence: int
    clause: int
    lemmas: frozenset[str]
    grams: frozenset[str]


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """Dictionary check (ё-aware) used to re-split spaced-out letters into words.

    The strict DAWG lookup is several times faster than pymorphy's fuzzy one;
    the only fuzziness needed is е/ё, because normalized text has no ё.
    """
    known = _MORPH.dictionary.word_is_known
    if known(word):
        return True
    return any(known(f"{word[:i]}ё{word[i + 1 :]}") for i, c in enumerate(word) if c == "е")


@lru_cache(maxsize=65536)
def analyze(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """All plausible lemmas and grammemes of a lower-case word."""
    if not all("а" <= c <= "я" or c == "ё" for c in word):
        return frozenset((word,)), frozenset()  # Latin and digits match by surface form
    lemmas = {word}
    grams: set[str] = set()
    for parse in _MORPH.parse(word)[:4]:
        if parse.score < 0.05:
            continue
        lemmas.add(parse.normal_form.replace("ё", "е"))
        grams.update(str(parse.tag).replace(" ", ",").split(","))
    return frozenset(lemmas), frozenset(grams)


def _classify_gap(gap: str) -> int:
    """2 for a sentence break, 1 for a clause break, 0 for plain spacing."""
    if _SENTENCE_BREAK.search(gap):
        return 2
    return 1 if _CLAUSE_BREAK.search(gap) else 0


_gap_kind = lru_cache(maxsize=1024)(_classify_gap)


# Abbreviations whose dot does not end a sentence («тел. Ваш — какой?», «ул. Ленина»).
_ABBREVIATIONS = words("тел моб ул д кв стр шт руб коп см мм кг гр мин сек напр др пр т г")


def tokenize(text: str) -> list[Token]:
    """Split normalized text into tokens tagged with sentence and clause numbers."""
    tokens: list[Token] = []
    sentence = clause = 0
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        if tokens and (start - prev_end != 1 or text[prev_end] != " "):
            gap = text[prev_end:start]
            kind = _gap_kind(gap) if len(gap) < 12 else _classify_gap(gap)
            # A dot between digits, inside «т.е.» or after «тел.» is not a sentence end.
            if kind == 2 and not (
                gap.startswith(".")
                and gap.strip(". ") == ""
                and (m.group().isdigit() or len(m.group()) == 1 or tokens[-1].text in _ABBREVIATIONS)
            ):
                sentence += 1
                clause += 1
            elif kind:
                clause += 1
        word = m.group()
        lemmas, grams = analyze(word)
        tokens.append(Token(word, start, m.end(), len(tokens), sentence, clause, lemmas, grams))
        prev_end = m.end()
    return tokens
