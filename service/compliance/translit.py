"""A Cyrillic reading of Russian typed in Latin letters («sami vinovaty», «otmenite zakaz»).

Sellers who want to slip past a filter write whole phrases in transliteration. The lemma rules
only know Cyrillic, so they run a second time on this view; every view character remembers the
normalized span of the word it came from, so findings still quote the original text.
"""

from __future__ import annotations

import re

from service.retrieval.translit import KEEP_LATIN, word_to_cyrillic

from .normalize import WORD_BUDGET

_LATIN_WORD = re.compile(r"[a-z][a-z']+")
# Two Latin words in a row: a lone «WhatsApp» or «Samsung» is a name, «sami vinovaty» is Russian.
# Anchored at a word start and possessive, so a 4,000-letter word is one linear scan.
_LATIN_RUN = re.compile(r"(?<![a-z'])[a-z][a-z']++(?:[\s,.!?:;()-]++[a-z][a-z']++)++")
# Latin words the detectors already know by their Latin spelling.
_KEEP = KEEP_LATIN | {"email", "mail", "cvv", "cvc", "whatsapp", "telegram", "viber", "instagram", "skype", "discord"}
_VOWEL = re.compile(r"[aeiouy]")  # «nfc», «usb», «sms» are abbreviations, not Russian words
# What every run needs: a Latin letter, separators, a Latin letter. Led by a character class, so
# the engine skips Cyrillic text in C, unlike the run pattern's lookbehind.
_TWO_LATIN_WORDS = re.compile(r"[a-z'][\s,.!?:;()-]+[a-z]")


def latin_as_cyrillic(text: str) -> tuple[str, list[int], list[int]] | None:
    """The view and, per character, its ``[start, end)`` in ``text``; None when nothing is Latin."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    if _TWO_LATIN_WORDS.search(text) is None:
        return None
    budget = WORD_BUDGET  # see normalize.WORD_BUDGET
    for run in _LATIN_RUN.finditer(text):
        for match in _LATIN_WORD.finditer(text, run.start(), run.end()):
            budget -= 1
            if budget < 0:
                break
            word = match.group()
            if word in _KEEP or not _VOWEL.search(word):
                continue
            cyrillic = word_to_cyrillic(word)
            begin, finish = match.span()
            parts.append(text[done:begin])
            starts.extend(range(done, begin))
            ends.extend(range(done + 1, begin + 1))
            parts.append(cyrillic)
            starts.extend([begin] * len(cyrillic))
            ends.extend([finish] * len(cyrillic))
            done = finish
        if budget < 0:
            break
    if not parts:
        return None
    parts.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return "".join(parts), starts, ends
