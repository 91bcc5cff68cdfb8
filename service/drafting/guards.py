"""Checks on a model's draft before a human sees it: language, grounding and length.

The model may only state facts it was given. Grounding therefore compares every number, date,
amount, duration and percentage, and every promise, with the retrieved entries and the order
data; anything found in neither is flagged for the reviewer rather than silently shipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_BRANDS = re.compile(r"\b(?:ozon|nfc|usb|wi-?fi|bluetooth|iphone|android|sms|qr)\b", re.IGNORECASE)
# A number with its unit or context: «5000 рублей», «5 000 ₽», «14 дней», «10%», «12.12.2026», «9:00».
_NUMBER = re.compile(r"\d+(?:(?:[.,:/-]|[ \u00a0\u202f](?=\d{3}\b))\d+)*")
_PROMISES = {
    "вернём деньги": ("вернем деньги", "вернём деньги", "вернём полную стоимость", "вернем полную стоимость",
                      "вернём стоимость", "вернем стоимость", "возместим"),
    "бесплатно": ("бесплатн",),
    "компенсация": ("компенсир", "компенсаци"),
    "скидка": ("скидк", "промокод"),
    "подарок": ("подар", "бонус"),
    "гарантия": ("гарантируем", "обещаем"),
}  # fmt: skip
MIN_RUSSIAN_SHARE = 0.8


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    excerpt: str
    kind: str  # "number" or "promise"

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "excerpt": self.excerpt, "kind": self.kind}


def is_russian(text: str) -> bool:
    """Most letters Cyrillic, not counting brand names that are written in Latin on purpose."""
    text = _BRANDS.sub("", text)
    cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    return cyrillic > 0 and cyrillic / (cyrillic + latin) >= MIN_RUSSIAN_SHARE


def ungrounded(draft: str, evidence: list[str]) -> list[Flag]:
    """Spans of ``draft`` stating a number or a promise that no piece of evidence contains."""
    corpus = "\n".join(evidence).casefold().replace("ё", "е")
    # Whole numbers («5 000», «12.12.2026») and each digit run in them («12», «2026»).
    known_numbers = {_digits(m.group()) for m in _NUMBER.finditer(corpus)} | set(re.findall(r"\d+", corpus))
    flags = []
    for m in _NUMBER.finditer(draft):
        if _digits(m.group()) in known_numbers:
            continue
        flags.append(Flag(m.start(), m.end(), m.group(), "number"))
    lowered = draft.casefold()
    for stems in _PROMISES.values():
        for stem in stems:
            plain = stem.replace("ё", "е")
            if plain in corpus or stem in corpus:
                continue
            for found in re.finditer(re.escape(stem), lowered):
                end = found.end()
                while end < len(draft) and draft[end].isalpha():
                    end += 1
                flags.append(Flag(found.start(), end, draft[found.start() : end], "promise"))
    return sorted(set(flags), key=lambda flag: (flag.start, flag.end))


def cut_at_sentence(text: str, limit: int) -> str:
    """The longest prefix within ``limit`` that ends a sentence; a hard cut only if there is none."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?…](?=\s|$)", head)]
    return head[: ends[-1]] if ends else head.rstrip()


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)
