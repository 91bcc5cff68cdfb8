"""Latin/Cyrillic (and Greek) homoglyph folding at word level.

Sellers hide «вотсап» as «вoтсaп» (Latin o, a) or «WhatsApp» as «WhаtsАpp»
(Cyrillic а, А).  Folding every character to one script would break real
Latin words (domains, e-mails) or real Russian ones, so each word is moved to
the single script it can be fully written in, decided per word.  Case is still
preserved here because uppercase pairs (В/B, Н/H, Т/T, М/M) only look alike in
uppercase.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

_PAIRS: Final = "aа cс eе oо pр xх yу kк AА BВ CС EЕ HН KК MМ OО PР TТ XХ YУ"
LATIN_TO_CYRILLIC: Final[dict[str, str]] = {p[0]: p[1] for p in _PAIRS.split()}
CYRILLIC_TO_LATIN: Final[dict[str, str]] = {p[1]: p[0] for p in _PAIRS.split()}
# Non-Russian Cyrillic and Greek letters only ever appear in Russian seller
# chats as disguises for Latin letters.
CYRILLIC_TO_LATIN.update({"і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l"})
_GREEK_TO_LATIN: Final[dict[str, str]] = {
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I",
    "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y",
}  # fmt: skip
_NON_RUSSIAN_CYRILLIC: Final = frozenset("іјѕһԁԛԝӏ")
# In a mostly Cyrillic word, a Latin «i» stands for «и» as in Ukrainian-style spellings («однокласснiки»),
# and «u», «n», «m» for the handwritten «и», «п», «т» («дeбuл», «тyn0й»).
_LOOSE_TO_CYRILLIC: Final[dict[str, str]] = {**LATIN_TO_CYRILLIC, "i": "и", "I": "И", "u": "и", "n": "п", "m": "т"}


def is_cyrillic(ch: str) -> bool:
    """True for letters of the basic Cyrillic block (incl. ё)."""
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def fold_word_scripts(word: str, *, prefer_cyrillic: bool, is_known: Callable[[str], bool]) -> str:
    """Rewrite a word into one script when its letters allow it; same length out.

    ``prefer_cyrillic`` decides words made only of look-alike letters (e.g. a
    Latin «KAPTA» inside Russian text); such a word is converted only when the
    result is a dictionary word per ``is_known``.
    """
    if any(c in _GREEK_TO_LATIN for c in word):
        word = "".join(_GREEK_TO_LATIN.get(c, c) for c in word)
    lat = [c for c in word if is_latin(c)]
    cyr = [c for c in word if is_cyrillic(c)]
    if lat and cyr:
        to_cyr_ok = all(c in LATIN_TO_CYRILLIC for c in lat) and not any(c in _NON_RUSSIAN_CYRILLIC for c in cyr)
        to_lat_ok = all(c in CYRILLIC_TO_LATIN for c in cyr)
        if to_cyr_ok and to_lat_ok:
            # Decide by the letters that are unambiguous, then by the text's script.
            strong_lat = sum(1 for c in lat if c not in LATIN_TO_CYRILLIC)
            strong_cyr = sum(1 for c in cyr if c not in CYRILLIC_TO_LATIN)
            to_lat_ok = strong_lat > strong_cyr or (strong_lat == strong_cyr and not prefer_cyrillic)
            to_cyr_ok = not to_lat_ok
        if to_cyr_ok:
            return "".join(LATIN_TO_CYRILLIC.get(c, c) for c in word)
        if to_lat_ok:
            return "".join(CYRILLIC_TO_LATIN.get(c, c) for c in word)
        if len(cyr) >= len(lat):
            return "".join(_LOOSE_TO_CYRILLIC.get(c, c) for c in word)
        return "".join(CYRILLIC_TO_LATIN.get(c, c) for c in word)
    if cyr and not lat and any(c in _NON_RUSSIAN_CYRILLIC for c in cyr) and all(c in CYRILLIC_TO_LATIN for c in cyr):
        # «W і l d b e r r і e s»: a Ukrainian «і» standing alone is a Latin «i» in disguise.
        return "".join(CYRILLIC_TO_LATIN.get(c, c) for c in word)
    if lat and prefer_cyrillic and len(lat) >= 4 and all(c in LATIN_TO_CYRILLIC for c in lat):
        # A Latin-only look-alike word («KAPTA») in Russian text; «app» or «OK» stay Latin.
        converted = "".join(LATIN_TO_CYRILLIC.get(c, c) for c in word)
        if is_known(converted.lower()):
            return converted
    return word
