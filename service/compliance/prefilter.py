"""Try big word-list patterns only where a word starts with one of their prefixes.

Python's regex engine tries every alternative of a large alternation at every
word start, which made the profanity, rudeness, blame, marketplace and
messenger patterns most of the cost of a typical draft.  Each pattern's
possible first characters are read from its parsed form once, at import, and a
draft's word starts are looked up in one table; the pattern then runs only at
the few positions that can match.  The result is exactly ``finditer``'s: every
position where a match can begin is still tried, in order, without overlaps.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from .narrowing import narrowing
from .prefixes import PREFIX_CHARS, Unbounded, is_boundary, prefixes, top_branches

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_parse as sp

_MAX_WORDS = 65536
# Runs of the characters the word-start lookbehind excludes: every run start is a word start.
_WORD_START_CLASS = "a-zа-я0-9"
_RUN_RE = re.compile(f"[{_WORD_START_CLASS}]+")
# A letter or digit outside that class («é», «ß», «٣») can hide a word start inside a token.
_ODD_ALNUM = re.compile(f"[^\\W_{_WORD_START_CLASS}]")
_BOUNDARY: Any = sp.parse(f"(?<![{_WORD_START_CLASS}])")[0]
_RUN_CHARS = frozenset(chr(c) for c in range(0x500) if _RUN_RE.fullmatch(chr(c)))


class Word(Protocol):
    """A token: where it starts and its text."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


def has_odd_letters(text: str) -> bool:
    """A letter or digit outside the normalized alphabet, which can hide a word boundary."""
    return _ODD_ALNUM.search(text) is not None


def word_starts(text: str) -> list[int]:
    """Positions where a word (in the normalized alphabet) begins."""
    return [m.start() for m in _RUN_RE.finditer(text)]


class GatedPattern:
    """A compiled pattern plus the prefixes any of its matches must start with."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.word_prefixes: set[str] = set()  # for branches that start at a word start
        self.anywhere: set[str] = set()  # first characters of branches that may start mid-word
        self.ungated = False
        try:
            for branch in top_branches(sp.parse(pattern.pattern, pattern.flags)):
                if branch and is_boundary(branch[0], _BOUNDARY):
                    for prefix in prefixes(branch[1:]):
                        # «-» or «@» after the boundary: not a word start, so look for it anywhere
                        if prefix[:1] in _RUN_CHARS:
                            self.word_prefixes.add(prefix)
                        else:
                            self.anywhere.add(prefix[:1])
                else:
                    self.anywhere |= {prefix[:1] for prefix in prefixes(branch)}
        except Unbounded:
            self.ungated = True
        if any(len(s) < 1 for s in self.anywhere | self.word_prefixes):
            self.ungated = True
        self.narrowing = None if self.ungated else narrowing(pattern)

    def finditer(self, text: str, candidates: Iterable[int]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, trying only ``candidates`` (word starts with a known prefix)."""
        if self.ungated:
            yield from self.pattern.finditer(text)
            return
        positions: Iterable[int] = candidates  # word starts come in order, each once
        if self.anywhere:
            extra = set(candidates)
            for first in self.anywhere:
                at = text.find(first)
                while at >= 0:
                    extra.add(at)
                    at = text.find(first, at + 1)
            positions = sorted(extra)
        done = 0
        match = self.pattern.match
        narrowed = self.narrowing
        for pos in positions:
            if pos < done:
                continue
            m = match(text, pos) if narrowed is None else narrowed.at(text[pos : pos + PREFIX_CHARS]).match(text, pos)
            if m is not None:
                yield m
                done = m.end() if m.end() > pos else pos + 1


class WordStartIndex:
    """One lookup table for several gated patterns: word start → patterns worth trying there."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.gated = [GatedPattern(pattern) for pattern in patterns]
        # Keyed by id: hashing a compiled pattern rehashes its source on every lookup.
        self.slots = {id(gated.pattern): (bit, gated) for bit, gated in enumerate(self.gated)}
        self._tables: list[dict[str, int]] = [{} for _ in range(PREFIX_CHARS)]
        # A short token («вы», «в») may begin a longer prefix that runs past it («вы », «в.б»), but
        # only with a character that cannot continue the token: a word ends before a non-letter.
        self._extended: dict[str, int] = {}
        for index, gated in enumerate(self.gated):
            bit = 1 << index
            for prefix in gated.word_prefixes:
                table = self._tables[len(prefix) - 1]
                table[prefix] = table.get(prefix, 0) | bit
                for cut in range(1, len(prefix)):
                    head, follower = prefix[:cut], prefix[cut]
                    if not (follower.isdecimal() if head.isdecimal() else follower.isalpha()):
                        self._extended[head] = self._extended.get(head, 0) | bit
        self._word_masks: dict[str, int] = {}

    def scan(self, text: str, words: Iterable[Word]) -> Scan:
        """Look up every word start of ``text`` once, for all patterns.

        ``words`` are the tokens of ``text``. When the text has no letters or digits outside
        the normalized alphabet, every word start is a token start, and a token's first
        characters decide (remembered per distinct word); otherwise the text is scanned.
        """
        out: list[list[int]] = [[] for _ in self.gated]
        odd = has_odd_letters(text)
        if not odd:
            masks = self._word_masks
            starts = []
            for word in words:
                mask = masks.get(word.text)
                if mask is None:
                    mask = self._word_mask(word.text)
                if mask:
                    starts.append((word.start, mask))
        else:
            starts = [(pos, self._text_mask(text, pos)) for pos in word_starts(text)]
        for pos, mask in starts:
            bit = 0
            while mask:
                if mask & 1:
                    out[bit].append(pos)
                mask >>= 1
                bit += 1
        return Scan(self, text, out, odd)

    def _text_mask(self, text: str, pos: int) -> int:
        one, two, three = self._tables
        return one.get(text[pos], 0) | two.get(text[pos : pos + 2], 0) | three.get(text[pos : pos + 3], 0)

    def _word_mask(self, word: str) -> int:
        mask = self._text_mask(word, 0)
        if len(word) < PREFIX_CHARS:
            mask |= self._extended.get(word, 0)
        if len(self._word_masks) >= _MAX_WORDS:
            self._word_masks.clear()
        self._word_masks[word] = mask
        return mask


class Scan:
    """The candidate positions of one text, ready to run any of the index's patterns."""

    def __init__(self, index: WordStartIndex, text: str, candidates: list[list[int]], odd_letters: bool) -> None:
        self._index = index
        self.text = text
        self._candidates = candidates
        # Read once here for the detectors that also care whether tokens hold every word start.
        self.odd_letters = odd_letters

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Same matches as ``pattern.finditer(self.text)``."""
        bit, gated = self._index.slots[id(pattern)]
        return gated.finditer(self.text, self._candidates[bit])
