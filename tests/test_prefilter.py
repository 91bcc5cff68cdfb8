"""The word-start prefilter must find exactly what a full regex scan finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from service.compliance import patterns as p
from service.compliance.morph import tokenize
from service.compliance.narrowing import narrowing
from service.compliance.normalize import normalize
from service.compliance.prefilter import GatedPattern, WordStartIndex, word_starts
from service.compliance.prefixes import PREFIX_CHARS

GATED = (p.PROFANITY, p.RUDE_PHRASES, p.BLAME_PHRASES, p.MARKETPLACES, p.STRONG_MESSENGERS, p.WEAK_MESSENGERS)
# Pieces that start matches, plus the characters around word starts that the gate must get right.
PIECES = [
    "вы тупой",
    "не наша проблема",
    "- ваша проблема.",
    "это ваши проблемы",
    "wb",
    "в.б.",
    "вотсап",
    "тг",
    "微信",
    "х*й",
    "иди в баню",
    "нам плевать",
    "если бы вы прочитали",
    "яндекс маркет",
    "telegram",
    "t.me",
    "макс",
    " ",
    "-",
    ".",
    "\n",
    "\u00a0",
    "1",
    "а",
    "z",
    "λ",
    "٣",
    "ß",
    "5",
]


def _full(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _gated(text: str) -> list[list[tuple[int, int]]]:
    scan = p.WORD_PATTERNS.scan(text, tokenize(text))
    return [[m.span() for m in scan.finditer(pattern)] for pattern in GATED]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_gated_scan_equals_full_scan_on_glued_pieces(text: str) -> None:
    assert _gated(text) == [_full(pattern, text) for pattern in GATED]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абвгдеёжзиклмнопрстухцшыэюя abtgw-.,!*\n0123456789微信", max_size=60))
def test_gated_scan_equals_full_scan_on_random_text(text: str) -> None:
    text = normalize(text).text
    assert _gated(text) == [_full(pattern, text) for pattern in GATED]


@pytest.mark.parametrize("pattern", GATED, ids=lambda rx: str(len(rx.pattern)))
def test_every_gated_pattern_is_indexed(pattern: re.Pattern[str]) -> None:
    gated = GatedPattern(pattern)
    assert not gated.ungated
    assert gated.word_prefixes


def test_a_pattern_that_can_start_anywhere_is_scanned_in_full() -> None:
    index = WordStartIndex([re.compile(r"\w+@")])
    assert index.gated[0].ungated
    text = "ab@ cd@"
    assert [m.span() for m in index.scan(text, tokenize(text)).finditer(re.compile(r"\w+@"))] == [(0, 3), (4, 7)]


# --- narrowing: only the alternatives that can start at a position are tried ----------------

NARROWED = (p.PROFANITY, p.RUDE_PHRASES, p.BLAME_PHRASES)
_EVAL_TEXTS = [
    normalize(case["text"]).text
    for case in yaml.safe_load((Path(__file__).parent.parent / "evals/compliance/cases.yaml").read_text())["cases"]
]


@pytest.mark.parametrize("pattern", NARROWED, ids=["profanity", "rude", "blame"])
def test_narrowed_word_list_matches_like_the_whole_list_at_every_word_start(pattern: re.Pattern[str]) -> None:
    narrowed = narrowing(pattern)
    assert narrowed is not None
    checked = 0
    for text in _EVAL_TEXTS:
        for pos in word_starts(text):
            whole = pattern.match(text, pos)
            part = narrowed.at(text[pos : pos + PREFIX_CHARS]).match(text, pos)
            assert (whole and whole.span()) == (part and part.span()), (text, pos)
            checked += whole is not None
    assert checked > 10  # the texts do reach these word lists


def test_patterns_of_another_shape_are_not_narrowed() -> None:
    assert narrowing(re.compile(r"(?<![a-zа-я0-9])(?:ab|cd)(?![a-z])")) is None
    assert narrowing(re.compile(r"(?<![a-zа-я0-9])(?:(a)\1|b)")) is None
    assert narrowing(re.compile(r"ab|cd")) is None
