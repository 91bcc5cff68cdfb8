"""Phone numbers (digits, spaced digits or Russian number words) and bank card numbers.

Runs of digit groups are cut into candidate windows along group boundaries and
validated with ``phonenumbers``.  Shapes are restricted to Russian numbers
(+7/8 and a 10-digit 9xx mobile) or explicit «+» international ones, so
posting numbers (12345678-0001-1), tracking codes, prices, dates and times
never qualify.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import final

import phonenumbers

from .hit import Hit
from .lexicon import words
from .models import ViolationCode

_UNITS = {
    "ноль": 0, "нуль": 0, "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19,
}  # fmt: skip
_TENS = {
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
}  # fmt: skip
_HUNDREDS = {
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}  # fmt: skip
NUMBER_WORDS = {**_UNITS, **_TEENS, **_TENS, **_HUNDREDS}
# Letters typed instead of digits inside a number («+7 (912) З45-67-89»).
_DIGIT_LOOKALIKES = {"о": "0", "o": "0", "з": "3", "l": "1", "i": "1", "б": "6"}
# «9I6», «Зо5»: a word of up to three look-alike letters glued to a digit stands for digits; such
# words are rewritten as digits (same length) before numbers are read, so «9о9о…» is one group.
_LOOKALIKE_CLASS = "[" + "".join(_DIGIT_LOOKALIKES) + "]"
_GLUED_WORD_RE = re.compile(
    rf"(?<=\d){_LOOKALIKE_CLASS}{{1,3}}(?![a-zа-я])|(?<![a-zа-я]){_LOOKALIKE_CLASS}{{1,3}}(?=\d)"
)
_AS_DIGITS = str.maketrans(_DIGIT_LOOKALIKES)
_LOOKALIKES = frozenset(_DIGIT_LOOKALIKES)
_PIECE_RE = re.compile(r"\d+|[a-zа-я]+")
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")
_PLUS_WORDS = frozenset({"плюс", "plus"})
_SPOKEN_RE = re.compile(
    r"(?<![a-zа-я])(?:" + "|".join(sorted({*NUMBER_WORDS, *_PLUS_WORDS}, key=len, reverse=True)) + r")(?![a-zа-я])"
)
_GAP_RE = re.compile(r"[\s\-().+/]{0,4}")
# Ten digits, each pair at most a gap apart: every run worth reading contains this.
_TEN_DIGITS = re.compile(r"\d(?:[\s\-().+/]{0,4}\d){9}")
_NOT_PHONE_CONTEXT = words(
    "заказ заказа отправление отправления артикул арт sku трек накладная накладной штрихкод "
    "инн огрн кпп бик код партия модель серийный imei ean счет счета"
)
# A sentence end before a word; a dot alone may shorten «арт.», «тел.», so it needs a space after it.
_SENTENCE_END = re.compile(r"[!?…\n]|\.\s")
_MAX_GROUPS = 40
# First digits of the numbers read without «+»: 7/8 and 9xx phones, cards from 2 to 6.
_LEADING_DIGITS = frozenset("23456789")
_VALIDATION_BUDGET = 40  # phonenumbers calls per draft; keeps digit floods cheap


@final
class _Group:
    """Digits of one group and where they sit; floods of digits make thousands, so it stays small."""

    __slots__ = ("digits", "end", "plus", "start")

    def __init__(self, digits: str, start: int, end: int, plus: bool = False) -> None:
        self.digits = digits
        self.start = start
        self.end = end
        self.plus = plus


def find_numbers(text: str, words: Sequence[str] | None = None) -> Iterator[Hit]:
    """Phone numbers as OFF_PLATFORM_CONTACT and card numbers as OFF_PLATFORM_DEAL.

    ``words``, the text's tokens, make finding number words a set lookup per word instead of
    a scan. Pass them only for a text without letters outside the normalized alphabet
    (``Scan.odd_letters``): such a letter can hide a word boundary, so that text is scanned.
    """
    budget = [_VALIDATION_BUDGET]
    if _ROMAN_RUN_RE.search(text) is not None:
        for groups in _roman_runs(text):
            yield from _scan_run(groups, budget)
    spoken = _spoken_words(text, words)
    digits = 0
    glued = False
    for m in _DIGITS_RE.finditer(text):
        start, end = m.span()
        digits += end - start
        glued = glued or (start > 0 and text[start - 1] in _LOOKALIKES) or text[end : end + 1] in _LOOKALIKES
    numbers = text
    if glued:  # a look-alike letter touches a digit
        numbers = _GLUED_WORD_RE.sub(lambda m: m.group().translate(_AS_DIGITS), text)
        if digits < 10:
            digits = len(_DIGIT_RE.findall(numbers))  # «9I6»: look-alike letters now count as digits
    if digits + 3 * sum(1 for word in spoken if word in NUMBER_WORDS) < 10:
        return  # too few digits for a phone or card number
    runs: list[list[_Group]] | None = None  # read once, for split numbers and whole ones alike
    if _SPLIT_CONTEXT.search(text) is not None:
        runs = list(_runs(numbers, bool(spoken)))
        for hit in _split_numbers(text, numbers, runs, budget):
            yield _with_plus(text, hit)
    if not spoken and _TEN_DIGITS.search(numbers) is None:
        return  # without number words, ten digits must stand together, joined by short separators only
    for run in runs if runs is not None else _runs(numbers, bool(spoken)):
        for hit in _scan_run(run, budget):
            yield _with_plus(text, hit)


def _with_plus(text: str, hit: Hit) -> Hit:
    """The excerpt starts at the «+» of «+7», so the reviewer sees the whole number."""
    if hit.start > 0 and text[hit.start - 1] == "+":
        return Hit(hit.code, hit.start - 1, hit.end, hit.kind)
    return hit


# «VIII IX XVI CCCXXI XLV LXVII»: a phone number in Roman numerals (after folding, «х», «с» and «м»
# may stand in Cyrillic). Three numerals in a row at least; each must be written the canonical way.
_ROMAN_NUMERAL = r"[ivxlcdmхсм]+"
# Led by the numeral's class (the lookbehind follows its first letter), so the engine skips other text in C.
_ROMAN_RUN_RE = re.compile(
    rf"[ivxlcdmхсм](?<![a-zа-я0-9][ivxlcdmхсм])[ivxlcdmхсм]*(?:[\s\-().,/]{{1,4}}{_ROMAN_NUMERAL}(?![a-zа-я0-9])){{2,}}(?![a-zа-я0-9])"
)
_ROMAN_PIECE_RE = re.compile(_ROMAN_NUMERAL)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_AS_LATIN = str.maketrans({"х": "x", "с": "c", "м": "m"})
_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman_value(token: str) -> int:
    """The value of a canonically written Roman numeral, or -1 («iiii», «vx» and words are not numerals)."""
    latin = token.translate(_AS_LATIN)
    if len(latin) > 15:
        return -1
    value = sum(_ROMAN_VALUES[c] for c in latin)
    for a, b in pairwise(latin):
        if _ROMAN_VALUES[a] < _ROMAN_VALUES[b]:
            value -= 2 * _ROMAN_VALUES[a]
    if not 0 < value < 4000:
        return -1
    rest, spelled = value, []
    for amount, letters in _ROMAN_DIGITS:
        while rest >= amount:
            spelled.append(letters)
            rest -= amount
    return value if "".join(spelled) == latin else -1


def _roman_runs(text: str) -> Iterator[list[_Group]]:
    """Runs of Roman numerals read as digit groups."""
    for m in _ROMAN_RUN_RE.finditer(text):
        groups: list[_Group] = []
        for piece in _ROMAN_PIECE_RE.finditer(m.group()):
            value = _roman_value(piece.group())
            if value < 0:
                groups = []
                break
            groups.append(_Group(str(value), m.start() + piece.start(), m.start() + piece.end()))
        if groups:
            yield groups


# «Первые цифры номера — 8 925. Остальные: 741 22 08»: a number given in two parts, a few words apart,
# when the draft speaks of a phone number.
_SPLIT_CONTEXT = re.compile(r"номер|телефон|звон|цифр|мобильн|сотов")
_SPLIT_GAP = 40
_SPLIT_PART = 7  # digits of one part at most; a whole number in one run is read as usual
_SPLIT_MAX_PARTS = 4


def _split_numbers(text: str, numbers: str, runs: list[list[_Group]], budget: list[int]) -> Iterator[Hit]:
    """Phone numbers whose parts (up to four: «8-926, потом 44, потом 71-03») stand in neighbouring
    sentences or clauses."""
    parts = [run for run in runs if sum(len(g.digits) for g in run) <= _SPLIT_PART]
    for k, first in enumerate(parts):
        chain = list(first)
        for following in parts[k + 1 : k + _SPLIT_MAX_PARTS]:
            gap = numbers[chain[-1].end : following[0].start]
            if len(gap) > _SPLIT_GAP or _DIGIT_RE.search(gap) is not None:
                break
            chain += following
            # The cue may come before the number or after it («… 12-09 — звоните в любое время»).
            context_end = min(len(text), following[-1].end + _SPLIT_GAP)
            if _SPLIT_CONTEXT.search(text, max(0, first[0].start - _SPLIT_GAP), context_end) is None:
                continue
            found = [
                hit for hit in _scan_run(chain, budget) if hit.start == first[0].start and hit.end == chain[-1].end
            ]
            yield from found
            if found:
                break


def _spoken_words(text: str, words: Sequence[str] | None) -> list[str]:
    """Number words and «плюс»: they add digits and join digit groups across commas and words."""
    if words is None:
        return _SPOKEN_RE.findall(text)
    return [word for word in words if word in NUMBER_WORDS or word in _PLUS_WORDS]


_LETTERS_RE = re.compile(r"[a-zа-я]+")


def _pieces(text: str, spoken: bool) -> Iterator[re.Match[str]]:
    """The pieces ``_runs`` reads: every word and number, or, when no number words are about, each
    number with only the two words before it, the most the context check looks back."""
    if spoken:
        yield from _PIECE_RE.finditer(text)
        return
    last_end = 0
    for m in _DIGITS_RE.finditer(text):
        if m.start() > last_end:
            yield from _last_words(text, last_end, m.start())
        yield m
        last_end = m.end()
    following = _LETTERS_RE.search(text, last_end)  # a word after the last number ends its run
    if following is not None:
        yield following


_TAIL = 48


def _last_words(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The last two words of ``text[start:end]``, read from a short tail when it holds them."""
    tail = max(start, end - _TAIL)
    found = list(_LETTERS_RE.finditer(text, tail, end))
    if tail > start and len(found) < 3:  # the tail's first word may be cut; read the whole stretch
        found = list(_LETTERS_RE.finditer(text, start, end))
    return found[-2:]


def _runs(text: str, spoken: bool = True) -> Iterator[list[_Group]]:
    """Maximal runs of digit groups / number words joined by short separators."""
    run: list[_Group] = []
    pending: list[tuple[str, int, int, bool]] = []  # number words awaiting composition
    allowed = True
    plus = False
    recent: list[str] = []  # words seen since the previous run, for context
    last_end = 0
    last_numeric = False
    for m in _pieces(text, spoken):
        piece = m.group()
        start, end = m.span()
        is_word = piece in NUMBER_WORDS
        gap = text[last_end:start]
        last_end = end
        if not (piece.isdigit() or is_word or piece in _PLUS_WORDS):
            if run or pending:
                run.extend(_compose(pending))
                if allowed:
                    yield run
                run, pending, recent = [], [], []
            if gap != " " and _SENTENCE_END.search(gap):
                recent = []  # «… номер заказа. Звоните: 8 …»: context words stay in their sentence
            recent.append(piece)
            last_numeric = False
            continue
        joined = last_numeric and (_joins(gap) or (gap.strip() == "," and is_word))
        if not joined or len(run) > _MAX_GROUPS:
            if run or pending:
                run.extend(_compose(pending))
                if allowed:
                    yield run
                run, pending = [], []
            # «Код +7 …»: no order, article or tax number starts with «+», whatever word stands before it.
            allowed = "№" not in gap and (
                _NOT_PHONE_CONTEXT.isdisjoint(recent[-2:]) or "+" in gap or piece in _PLUS_WORDS
            )
            recent = []
        last_numeric = True
        plus = plus or "+" in gap
        if piece in _PLUS_WORDS:
            plus = True
        elif is_word:
            pending.append((piece, start, end, plus))
            plus = False
        elif pending and pending[-1][0] in _HUNDREDS and len(piece) <= 2 and not _joins_apart(gap):
            pending.append((piece, start, end, plus))  # «девятьсот 25» is 925
            plus = False
        else:
            if pending:
                run.extend(_compose(pending))
                pending = []
            run.append(_Group(piece, start, end, plus))
            plus = False
    run.extend(_compose(pending))
    if run and allowed:
        yield run


def _joins_apart(gap: str) -> bool:
    """A comma or dash between «девятьсот» and «25» makes them two groups of the number."""
    return any(c in ",-" for c in gap)


@lru_cache(maxsize=1024)
def _joins(gap: str) -> bool:
    """Does this gap («-», « (», «) ») join two digit groups of one number?"""
    return _GAP_RE.fullmatch(gap) is not None


def _compose(pending: list[tuple[str, int, int, bool]]) -> list[_Group]:
    """«девятьсот двенадцать» -> 912: hundreds take tens/teens/units, tens take units."""
    groups: list[_Group] = []
    value = -1
    open_for = ""  # kinds the current number can still absorb
    start = end = 0
    lead_plus = False
    for word, s, e, plus in pending:
        if word.isdigit():  # digits after a hundreds word: «девятьсот 25», «шестьсот 7»
            kind = "n" if len(word) == 2 else "u"
            amount = int(word)
        else:
            kind = "h" if word in _HUNDREDS else "t" if word in _TENS else "n" if word in _TEENS else "u"
            amount = NUMBER_WORDS[word]
        if value >= 0 and kind in open_for:
            value += amount
            end = e
            open_for = "u" if kind == "t" else ""
            continue
        if value >= 0:
            groups.append(_Group(str(value), start, end, lead_plus))
        value, start, end, lead_plus = amount, s, e, plus
        open_for = "tnu" if kind == "h" else "u" if kind == "t" else ""
    if value >= 0:
        groups.append(_Group(str(value), start, end, lead_plus))
    return groups


def _scan_run(run: list[_Group], budget: list[int]) -> Iterator[Hit]:
    """Try windows of consecutive groups holding 10-16 digits, left to right, greedily."""
    ends = list(accumulate([len(g.digits) for g in run]))
    if ends[-1] < 10:
        return  # too short for any phone or card number
    all_digits = "".join([g.digits for g in run])  # a window's digits are one slice of this
    i = 0
    while i < len(run):
        before = ends[i - 1] if i else 0
        if not run[i].plus and all_digits[before] not in _LEADING_DIGITS:
            i += 1  # no Russian phone or payment card starts with this digit
            continue
        lo = bisect_left(ends, before + 10, i)
        hi = bisect_right(ends, before + 16, i)
        found = 0
        for j in range(lo, hi):
            digits = all_digits[before : ends[j]]
            if _is_phone(digits, run[i].plus, budget):
                kind, code = "phone", ViolationCode.OFF_PLATFORM_CONTACT
            elif len(digits) == 16 and _is_card(digits):
                kind, code = "card", ViolationCode.OFF_PLATFORM_DEAL
            else:
                continue
            yield Hit(code, run[i].start, run[j].end, kind)
            found = j + 1
            break
        i = found or i + 1


def _is_phone(digits: str, plus: bool, budget: list[int]) -> bool:
    n = len(digits)
    if plus and 10 <= n <= 15:
        return _check(digits if not digits.startswith("8") else "7" + digits[1:], True, budget)
    if n == 11 and digits[0] in "78" and digits[1] in "3489":
        return _check("7" + digits[1:], True, budget)
    if n == 10 and digits[0] == "9":
        return _check(digits, False, budget)
    return False


def _check(digits: str, international: bool, budget: list[int]) -> bool:
    """Validate with phonenumbers; past the budget a phone-shaped number counts as one."""
    if budget[0] <= 0:
        return True
    budget[0] -= 1
    return _valid(digits, international)


@lru_cache(maxsize=8192)
def _valid(digits: str, international: bool) -> bool:
    try:
        number = phonenumbers.parse("+" + digits if international else digits, None if international else "RU")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _is_card(digits: str) -> bool:
    """Luhn-valid 16-digit number with a payment-system first digit."""
    if digits[0] not in "23456":
        return False
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch)
        if k % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0
