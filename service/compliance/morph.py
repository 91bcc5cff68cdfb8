"""Tokens with cached Russian lemmas, so phrase rules can match any inflection.

pymorphy3 parses cost ~0.1 ms each; seller drafts reuse a small vocabulary,
so an LRU cache makes repeated words nearly free.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import final

import pymorphy3

from .lexicon import words

_MORPH = pymorphy3.MorphAnalyzer()
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
# Sentence and clause boundaries between two tokens.
SENTENCE_BREAK = re.compile(r"[.!?…\n]")
_CLAUSE_BREAK = re.compile(r"[,;:()«»\"—–]|\s-\s")
# Chat drafts close sentences with a smiley or a pictograph as often as with a dot: «… на бирке 😉 Заказ уже …»,
# «… всегда поможем 🌿 Почтой мы не отправляем …».
_SMILEY = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff]|:-?\\)|\\){2,}")


@final
class Token:
    """A word or digit group of the normalized text with its grammatical readings.

    A plain class, not a tuple: compiled, its fields are read straight from the object.
    """

    __slots__ = ("clause", "end", "grams", "idx", "lemmas", "sentence", "start", "text")

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        idx: int,
        sentence: int,
        clause: int,
        lemmas: frozenset[str],
        grams: frozenset[str],
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.idx = idx
        self.sentence = sentence
        self.clause = clause
        self.lemmas = lemmas
        self.grams = grams

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, sentence={self.sentence}, clause={self.clause})"


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


_ANALYSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
_MAX_ANALYSES = 65536


def analyze(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """All plausible lemmas and grammemes of a lower-case word (remembered: drafts reuse few words)."""
    found = _ANALYSES.get(word)
    if found is None:
        found = _analyze(word)
        if len(_ANALYSES) >= _MAX_ANALYSES:
            _ANALYSES.clear()  # a flood of distinct words must not grow memory without bound
        _ANALYSES[word] = found
    return found


def _analyze(word: str) -> tuple[frozenset[str], frozenset[str]]:
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


def with_lemmas(tok: Token, lemmas: frozenset[str]) -> Token:
    """A copy of ``tok`` with other lemmas."""
    return Token(tok.text, tok.start, tok.end, tok.idx, tok.sentence, tok.clause, lemmas, tok.grams)


def _classify_gap(gap: str) -> int:
    """2 for a sentence break, 1 for a clause break, 0 for plain spacing; plus 4 for a smiley."""
    if SENTENCE_BREAK.search(gap):
        return 2
    kind = 1 if _CLAUSE_BREAK.search(gap) else 0
    return kind + 4 if _SMILEY.search(gap) else kind


# Gaps between words repeat endlessly («, », «. », «! »), so their kinds are kept; long gaps are rare.
_GAP_KINDS: dict[str, int] = {" ": 0}
_MAX_CACHED_GAP = 12
_MAX_CACHED_GAPS = 4096
# Abbreviations whose dot does not end a sentence («тел. Ваш — какой?», «ул. Ленина»).
_ABBREVIATIONS = words("тел моб ул д кв стр шт руб коп см мм кг гр мин сек напр др пр т г")
# Units close a sentence as often as not: «40×30×15 см. Надо …» ends one, «5 шт. в упаковке» does not,
# and only the capital letter of the original draft tells them apart.
_UNITS = words("шт руб коп см мм кг гр мин сек")
# Splitting keeps the words: the result alternates gap, word, gap, ..., gap, all cut in C.
_SPLIT_RE = re.compile(r"([^\W\d_]+|\d+)")


def tokenize(text: str, original: str = "", starts: list[int] | None = None) -> list[Token]:
    """Split normalized text into tokens tagged with sentence and clause numbers.

    ``original`` and ``starts`` (each normalized character's offset in it) give back the case the
    normalized text has lost, so a capital after a unit's dot can start a new sentence.
    """
    parts = _SPLIT_RE.split(text)
    tokens: list[Token] = []
    append = tokens.append
    kinds = _GAP_KINDS
    analyses = _ANALYSES
    sentence = clause = 0
    pos = len(parts[0])
    prev = ""
    for k in range(1, len(parts), 2):
        word = parts[k]
        if k > 1:
            gap = parts[k - 1]
            kind = kinds.get(gap)
            if kind is None:
                kind = _classify_gap(gap)
                if len(gap) < _MAX_CACHED_GAP and len(kinds) < _MAX_CACHED_GAPS:
                    kinds[gap] = kind
            # A dot between digits, inside «т.е.» or spelled-out letters («в.о.т.с.а.п») or after «тел.»
            # is not a sentence end; before a one-letter word («… в срок. В пятницу …») it is.
            if kind == 2 and not (
                gap[0] == "." and gap.strip(". ") == "" and _abbreviated(prev, word, pos, original, starts)
            ):
                sentence += 1
                clause += 1
            elif kind >= 4 and starts is not None and _capitalized(pos, original, starts):
                sentence += 1  # a smiley, then a capital letter: a new sentence
                clause += 1
            elif kind == 2 or kind & 1:
                clause += 1
        end = pos + len(word)
        found = analyses.get(word)
        lemmas, grams = found if found is not None else analyze(word)
        append(Token(word, pos, end, len(tokens), sentence, clause, lemmas, grams))
        pos = end + len(parts[k + 1])
        prev = word
    return tokens


def _abbreviated(prev: str, word: str, pos: int, original: str, starts: list[int] | None) -> bool:
    """Does the dot between ``prev`` and ``word`` (which starts at ``pos``) shorten a word?"""
    if word.isdigit() or (len(word) == 1 and len(prev) == 1):
        return True
    if prev not in _ABBREVIATIONS:
        return False
    if prev in _UNITS and starts is not None:
        return not _capitalized(pos, original, starts)
    return True


def _capitalized(pos: int, original: str, starts: list[int]) -> bool:
    """Is the normalized character at ``pos`` an upper-case letter in the original draft?"""
    return pos < len(starts) and starts[pos] < len(original) and original[starts[pos]].isupper()
