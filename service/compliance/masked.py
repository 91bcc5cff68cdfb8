"""Strong insults with one letter masked («д*бил», «иди@т»).

The mask hides the word from the lemmatizer, not from the buyer, who reads it at once. Each
masked word is tried with every Russian letter in the gap; only a strong insult counts, so a
Cyrillic handle or an e-mail with «@» between words never becomes one by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import lexicon as lx
from .hit import Hit
from .models import ViolationCode
from .morph import analyze
from .patterns import MASK_CLASS

_MASKED_WORD = re.compile(rf"(?<![^\W\d_])([а-яё]{{1,12}}){MASK_CLASS}([а-яё]{{1,12}})(?![^\W\d_])")
_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


def find_masked_insults(text: str) -> Iterator[Hit]:
    for match in _MASKED_WORD.finditer(text):
        if _unmasks_to_insult(match.group(1), match.group(2)):
            yield Hit(ViolationCode.ABUSE, match.start(), match.end(), "insult")


@lru_cache(maxsize=4096)
def _unmasks_to_insult(head: str, tail: str) -> bool:
    return any(not lx.STRONG_INSULTS.isdisjoint(analyze(head + letter + tail)[0]) for letter in _LETTERS)
