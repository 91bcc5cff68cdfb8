"""Buyers often type Russian in Latin letters («vernut tovar»); map it back before matching.

The embedding model reads Cyrillic far better than ad-hoc transliteration, so a mostly-Latin
message is converted with the common informal scheme (zh, kh, ch, sh, shch, ya, yu...).
"""

from __future__ import annotations

import re

_MULTI = (
    ("tsya", "тся"), ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("ju", "ю"), ("ja", "я"), ("jo", "ё"),
    ("iy", "ий"), ("yy", "ый"), ("ey", "ей"), ("ay", "ай"), ("oy", "ой"), ("uy", "уй"),
)  # fmt: skip
_SINGLE = str.maketrans(
    {
        "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "j": "й",
        "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т",
        "u": "у", "f": "ф", "h": "х", "c": "ц", "y": "ы", "w": "в", "x": "кс", "q": "к", "'": "ь",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z']+")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Brand and platform names a Russian buyer writes in Latin letters on purpose.
KEEP_LATIN = frozenset({"ozon", "ozone", "wb", "iphone", "samsung", "xiaomi", "apple", "android", "ok", "sms", "qr"})


def looks_transliterated(text: str) -> bool:
    latin = len(_LATIN.findall(text))
    return latin >= 4 and latin > 2 * len(_CYRILLIC.findall(text))


_WORDS = {"est": "есть", "dengi": "деньги", "skolko": "сколько", "tolko": "только", "pochemu": "почему"}
# Buyers drop the soft sign: «vernut», «oformit», «sdat» are infinitives far more often than not.
_INFINITIVE = re.compile(r"(?<=.{3})(ат|ит|ят|ут)$")


def word_to_cyrillic(word: str) -> str:
    lower = word.lower()
    if lower in KEEP_LATIN:
        return word
    if lower in _WORDS:
        return _WORDS[lower]
    for latin, cyrillic in _MULTI:
        lower = lower.replace(latin, cyrillic)
    return _INFINITIVE.sub(r"\1ь", lower.translate(_SINGLE))


def to_cyrillic(text: str) -> str:
    return _WORD.sub(lambda match: word_to_cyrillic(match.group(0)), text)
