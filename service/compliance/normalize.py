"""Build a matching-friendly copy of a draft that still maps back to the original.

Every detector runs on the normalized string, but violations must quote the
original text exactly, so each normalized character remembers the original
range ``[starts[i], ends[i])`` it came from.  Evasion tricks (zero-width
characters, homoglyphs, spaced-out letters, leetspeak) are undone here once,
so the rules themselves stay simple.  Plain drafts take regex fast paths.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as p
from .confusables import LATIN_TO_CYRILLIC, fold_word_scripts, is_cyrillic
from .morph import is_known_word
from .phones import NUMBER_WORDS
from .spaced import collapse_spaced

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_STARS = frozenset("\u2605\u2606\u2b50\u2b51\u272a\u272b\u272c\u272d\u272e\u272f\u2730\u2729")
# Characters that need no folding beyond the one-to-one table below.
_NEEDS_FOLDING = re.compile(
    r"[^\n\r\x20-\x7e\u0410-\u044f\u0401\u0451«»„“”‘’…№₽°×•·\u00a0\u2009\u202f\t" + _DASHES + "]"
)
_SIMPLE_MAP = {"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "} | dict.fromkeys(_DASHES, "-")
_SIMPLE_RE = re.compile("[" + "".join(_SIMPLE_MAP) + "]")
# Letters outside the Russian alphabet (ё and Ё are in it) and digits, which may be glued to a letter («0зон»).
# One character class, so the engine skips plain Russian text in C.
_SUSPICIOUS = re.compile(r"[a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400\u0402-\u040f\u0450\u0452-\u052f\d]+")
_CONFUSABLE_ASCII = frozenset(LATIN_TO_CYRILLIC)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_AT_IN_WORD = re.compile(r"(?<=[а-яёА-ЯЁ])@(?=[а-яёА-ЯЁ])")
# Letters without a look-alike in the other script decide which script a text is in.
_PLAIN_CYRILLIC = re.compile(r"[бгдёжзийлпфцчшщъыьэюяБГДЁЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯвтнмВ]")
_PLAIN_LATIN = re.compile(r"[bdfghijlmnqrstuvwzDFGIJLNQRSUVWZ]")
# Letters a digit may stand for, in Cyrillic and in Latin words; the first is the usual reading.
_LEET_READINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "0": (("о", "у"), ("o",)),
    "3": (("з", "е"), ("e",)),
    "1": (("и", "л"), ("i", "l")),
    "6": (("б",), ("b",)),
    "4": (("ч", "а"), ("a",)),
    "9": (("я",), ("9",)),  # «н4пр9мую»
}


# Per-word work (de-obfuscation, transliteration, messenger context) is capped at this many
# words per draft: Ozon's 1,000-character limit allows at most 500, so every sendable draft is
# checked in full, and a 4,000-character flood of look-alike words cannot cost time per word.
WORD_BUDGET = 500


@dataclass(frozen=True, slots=True)
class MappedText:
    """Normalized text plus, per character, the original span it stands for."""

    text: str
    starts: list[int]
    ends: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty normalized slice to the original offsets it covers."""
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> MappedText:
    """Return the casefolded, de-obfuscated text with an index map into ``text``."""
    folded, starts, ends = _fold(text)
    folded = _deobfuscate_words(folded)
    lowered = folded.casefold()
    if len(lowered) != len(folded):  # rare: casefold expands (ß -> ss)
        lowered, starts, ends = _expand_casefold(folded, starts, ends)
    lowered = lowered.replace("ё", "е")
    out, starts, ends = collapse_spaced(lowered, starts, ends)
    out, starts, ends = _join_hyphenated(out, starts, ends)
    return MappedText(out, starts, ends)


# «отз-\nыв», «от-ме-ни-те», «ин-ста»: word pieces glued by hyphens or line breaks.
# What a hyphenated word needs, led by a character class so plain text is skipped in C.
_LETTER_BREAK_LETTER = re.compile(r"[а-я](?:-\n?|\n)[а-я]")
_HYPHENATED = re.compile(r"(?<![а-я])[а-я]++(?:-\n?[а-я]++|\n[а-я]++)++")  # possessive: linear


def _join_hyphenated(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Drop hyphens and line breaks inside a word when only the joined form is a real word."""
    if _LETTER_BREAK_LETTER.search(text) is None:
        return text, starts, ends
    keep: list[int] | None = None
    for m in _HYPHENATED.finditer(text):
        piece = m.group()
        joined = piece.replace("-", "").replace("\n", "")
        if is_known_word(piece) or not (is_known_word(joined) or joined in _JOINABLE):
            continue  # «кто-то», «интернет-магазин» stay as they are
        if keep is None:
            keep = list(range(len(text)))
        for i in range(m.start(), m.end()):
            if text[i] in "-\n":
                keep[i] = -1
    if keep is None:
        return text, starts, ends
    kept = [i for i in keep if i >= 0]
    return "".join(text[i] for i in kept), [starts[i] for i in kept], [ends[i] for i in kept]


# Joined forms the dictionary lacks but the detectors know.
_JOINABLE = frozenset(
    {"инста", "вотсап", "ватсап", "телега", "озона", "озон", "озону", "вайбер", "тбанк", "налом", "налик", "наликом"}
)


def _fold(text: str) -> tuple[str, list[int], list[int]]:
    """Stage 1: NFKD-fold characters, strip marks and invisible characters.

    Plain stretches are copied in bulk; only characters that need folding are
    handled one by one.
    """
    n = len(text)
    if _NEEDS_FOLDING.search(text) is None:
        return _simple(text), list(range(n)), list(range(1, n + 1))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    combining = unicodedata.combining
    fold_char = _fold_char
    for m in _NEEDS_FOLDING.finditer(text):
        i = m.start()
        if i < done:
            continue  # already consumed as a combining mark of the previous cluster
        if i > done and combining(text[i]):
            i -= 1  # keep a combining mark with its base: «и» + breve is «й»
        if i > done:
            parts.append(_simple(text[done:i]))
            starts.extend(range(done, i))
            ends.extend(range(done + 1, i + 1))
        j = i + 1
        if text[i] in _STARS:  # «★★★★★» is one rating, not five words
            while j < n and (text[j] in _STARS or combining(text[j])):
                j += 1
            folded = fold_char(text[i])
        else:
            while j < n and combining(text[j]):
                j += 1
            folded = fold_char(text[i]) if j - i == 1 else _fold_cluster(text[i:j])
        if folded:  # zero-width and format characters leave nothing behind
            parts.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([j] * len(folded))
        done = j
    parts.append(_simple(text[done:]))
    starts.extend(range(done, n))
    ends.extend(range(done + 1, n + 1))
    return "".join(parts), starts, ends


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    """A base character with its combining marks («и» + breve), composed first, then folded."""
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", cluster))


def _simple(text: str) -> str:
    """One-to-one replacements (dashes, exotic spaces) that keep offsets unchanged."""
    if _SIMPLE_RE.search(text) is None:
        return text
    return _SIMPLE_RE.sub(lambda m: _SIMPLE_MAP[m.group()], text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """NFKD plus mark stripping for one character; drops format characters (Cf)."""
    if ch in _DASHES:
        return "-"
    if ch in _STARS:
        return " звезда "
    cat = unicodedata.category(ch)
    if cat == "Cf" or ch == "\u00ad":
        return ""
    if cat == "Zs" or ch == "\t":
        return " "
    if ch in "йЙёЁ":
        return ch
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.category(part).startswith("M"):
            if part == "\u0306" and out and out[-1] in "иИ":
                out[-1] = "й" if out[-1] == "и" else "Й"
            continue
        out.append(part)
    folded = "".join(out)
    if folded == ch and not ch.isascii():
        # «❽❾❶», «➑➒➀»: circled digits without a compatibility form are digits all the same.
        digit = unicodedata.digit(ch, -1)
        if digit >= 0:
            return str(digit)
    return folded


def _deobfuscate_words(text: str) -> str:
    """Stage 2 (length-preserving): mixed-script words, leet digits, '@' inside words.

    At most WORD_BUDGET mixed words are rewritten, which covers every draft Ozon accepts
    (1,000 characters hold at most 500 words); past that a flood of look-alike words stays
    as written instead of costing time per word.
    """
    if "@" in text:
        text = _AT_IN_WORD.sub("а", text)
    chars: list[str] | None = None
    cyrillic_text: bool | None = None
    n = len(text)
    word_end = -1
    budget = WORD_BUDGET
    for m in _SUSPICIOUS.finditer(text):
        if m.start() < word_end:
            continue  # this word was already handled
        start = m.start()
        if m.group().isdigit() and not (
            (start > 0 and text[start - 1].isalpha()) or (m.end() < n and text[m.end()].isalpha())
        ):
            continue  # a plain number
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        word_end = m.end()
        while word_end < n and text[word_end].isalnum():
            word_end += 1
        original = text[start:word_end]
        plain_latin = original.isascii() and original.isalpha()
        if plain_latin and (len(original) < 4 or not _CONFUSABLE_ASCII.issuperset(original)):
            continue  # plain Latin word such as «Ozon» or «app»
        if budget <= 0:
            break
        budget -= 1
        if cyrillic_text is None:
            cyrillic_text = _at_least(_PLAIN_CYRILLIC, text, len(_PLAIN_LATIN.findall(text)))
        before = text[start - 1] if start else " "
        after = text[word_end] if word_end < n else " "
        url_like = before in "./@:" or after in "./@"
        folded = _fold_word(original, cyrillic_text and not url_like)
        if folded != original:
            chars = chars if chars is not None else list(text)
            chars[start:word_end] = list(folded)
    return text if chars is None else "".join(chars)


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Does ``pattern`` match at least ``count`` times? Stops counting there: Russian drafts
    have hundreds of Cyrillic letters and a handful of Latin ones."""
    if count <= 0:
        return True
    return any(seen >= count for seen, _ in enumerate(pattern.finditer(text), 1))


@lru_cache(maxsize=16384)
def _fold_word(original: str, prefer_cyrillic: bool) -> str:
    """One word in one script, digits read as letters; remembered, as drafts repeat their words."""
    word = original if original.isalpha() else _unleet(original)
    return fold_word_scripts(word, prefer_cyrillic=prefer_cyrillic, is_known=is_known_word)


def _unleet(word: str) -> str:
    """Turn digits into the letters they stand for inside words («0зон», «иди0т», «т3л3гр4м»).

    The usual reading (0→о, 3→з, 1→и, 6→б) is kept for ordinary words; where it gives no
    real word, other readings (3→е, 4→а/ч, 1→л) are tried and kept only if they spell a
    dictionary word or a messenger name. Short or digit-heavy words need such a reading.
    """
    digits = [c for c in word if c.isdigit()]
    letters = [c for c in word if c.isalpha()]
    if any(run in NUMBER_WORDS for run in _LETTER_RUN.findall(word.lower())):
        return word  # «1два3», «6семь»: digits mixed with number words spell a phone number
    if len(digits) > min(4, len(letters)) or any(d not in _LEET_READINGS for d in digits):
        return word
    cyr = any(is_cyrillic(c) for c in letters)
    readings = [_LEET_READINGS[c][0 if cyr else 1] if c.isdigit() else (c,) for c in word]
    usual = "".join(r[0] for r in readings)
    if _spells_something(usual):
        return usual
    for candidate in itertools.islice(itertools.product(*readings), 1, 16):
        joined = "".join(candidate)
        if _spells_something(joined):
            return joined
    loose = len(letters) < 3 or len(digits) > max(2, len(letters) // 2)
    return word if loose else usual


def _spells_something(candidate: str) -> bool:
    lowered = candidate.lower()
    if len(lowered) < 3:
        return False
    return lowered in _JOINABLE or is_known_word(lowered) or p.COMPACT_MESSENGERS.search(lowered) is not None


def _expand_casefold(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    chars: list[str] = []
    new_s: list[int] = []
    new_e: list[int] = []
    for c, s, e in zip(text, starts, ends, strict=True):
        for lc in c.casefold():
            chars.append(lc)
            new_s.append(s)
            new_e.append(e)
    return "".join(chars), new_s, new_e
