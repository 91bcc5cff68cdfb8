"""A Cyrillic reading of Russian typed in Latin letters («sami vinovaty», «otmenite zakaz»).

Sellers who want to slip past a filter write whole phrases in transliteration. The lemma rules
only know Cyrillic, so they run a second time on this view; every view character remembers the
normalized span of the word it came from, so findings still quote the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from service.retrieval.translit import KEEP_LATIN, word_to_cyrillic

from .morph import SENTENCE_BREAK, is_known_word
from .normalize import WORD_BUDGET

_LATIN_WORD = re.compile(r"[a-z][a-z']+")
# Two Latin words in a row: a lone «WhatsApp» or «Samsung» is a name, «sami vinovaty» is Russian.
# Anchored at a word start and possessive, so a 4,000-letter word is one linear scan; it opens with its
# letter class (the word-start check follows the first letter), so the engine skips Cyrillic text in C.
_LATIN_RUN = re.compile(r"[a-z](?<![a-z'][a-z])[a-z']++(?:[\s,.!?:;()-]++[a-z][a-z']++)++")
# Latin words the detectors already know by their Latin spelling.
_KEEP = KEEP_LATIN | {"email", "mail", "cvv", "cvc", "whatsapp", "telegram", "viber", "instagram", "skype", "discord"}
_VOWEL = re.compile(r"[aeiouy]")  # «nfc», «usb», «sms» are abbreviations, not Russian words
# What every run needs: a Latin letter, separators, a Latin letter. Led by a character class, so
# the engine skips Cyrillic text in C, unlike the run pattern's lookbehind.
_TWO_LATIN_WORDS = re.compile(r"[a-z'][\s,.!?:;()-]+[a-z]")


def latin_as_cyrillic(text: str) -> tuple[str, list[int], list[int]] | None:
    """The view and, per character, its ``[start, end)`` in ``text``; None when nothing is Latin.

    The view holds only the sentences with transliterated words and one sentence on each side,
    joined by line breaks: the rest of the text reads the same in both, and the detectors have
    already seen it.
    """
    if _TWO_LATIN_WORDS.search(text) is None:
        return None
    changes: list[tuple[int, int, str]] = []
    budget = WORD_BUDGET  # see normalize.WORD_BUDGET
    for run in _LATIN_RUN.finditer(text):
        for match in _LATIN_WORD.finditer(text, run.start(), run.end()):
            budget -= 1
            if budget < 0:
                break
            word = match.group()
            if word in _KEEP or not _VOWEL.search(word):
                continue
            changes.append((match.start(), match.end(), _reading(word)))
        if budget < 0:
            break
    if not changes:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending = iter(changes)
    change = next(pending, None)
    for lo, hi in _windows(text, changes):
        if parts:  # a line break keeps two windows from reading as one sentence
            parts.append("\n")
            starts.append(lo)
            ends.append(lo)
        done = lo
        while change is not None and change[0] < hi:
            begin, finish, cyrillic = change
            parts.append(text[done:begin])
            starts.extend(range(done, begin))
            ends.extend(range(done + 1, begin + 1))
            parts.append(cyrillic)
            starts.extend([begin] * len(cyrillic))
            ends.extend([finish] * len(cyrillic))
            done = finish
            change = next(pending, None)
        parts.append(text[done:hi])
        starts.extend(range(done, hi))
        ends.extend(range(done + 1, hi + 1))
    return "".join(parts), starts, ends


@lru_cache(maxsize=8192)
def _reading(word: str) -> str:
    """A Latin word read in Cyrillic; remembered, as drafts repeat their words."""
    return _with_signs(word_to_cyrillic(word))


_SIGNS = ("ь", "ъ")
_MAX_SIGNED = 16  # longer words are left as read


def _with_signs(word: str) -> str:
    """«оставте» -> «оставьте», «обясним» -> «объясним»: the soft or hard sign people drop in Latin.

    Only an unknown word is changed, and only to a dictionary word with one sign put back.
    """
    if len(word) > _MAX_SIGNED or not word.isalpha() or is_known_word(word):
        return word
    for i in range(len(word) - 1, 0, -1):
        if word[i - 1] in "аеиоуыэюяьъ":
            continue  # a sign only follows a consonant
        for sign in _SIGNS:
            candidate = f"{word[:i]}{sign}{word[i:]}"
            if is_known_word(candidate):
                return candidate
    return word


_CONTEXT_SENTENCES = 2  # sentence breaks on each side: the word's sentence and one neighbour


def _windows(text: str, changes: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Merged ``[lo, hi)`` spans: each changed word's sentence and one sentence on either side."""
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    windows: list[tuple[int, int]] = []
    for begin, finish, _ in changes:
        before = bisect_left(breaks, begin)
        lo = breaks[before - _CONTEXT_SENTENCES] + 1 if before >= _CONTEXT_SENTENCES else 0
        after = bisect_left(breaks, finish) + _CONTEXT_SENTENCES - 1
        hi = breaks[after] + 1 if after < len(breaks) else len(text)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows
