"""Phone reading: the shortcut that skips words far from any number must read the same runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.compliance import ViolationCode, check
from service.compliance.phones import _runs

# Digits, separators, sentence ends and the context words that decide whether a run is a phone.
_PIECES = [
    "8", "912", "345", "67", "89", "+7", "(912)", "12345678-0001-1", "№", "№5", "x1", "1x",
    "заказ", "заказа", "арт", "артикул", "трек", "номер", "звоните", "да", "вот", "ab",
    " ", "  ", ". ", ".", ", ", "!", "\n", "-", "(", ")", "/", "+", "…", "?",
]  # fmt: skip


def _read(text: str, spoken: bool) -> list[list[tuple[str, int, int, bool]]]:
    return [[(g.digits, g.start, g.end, g.plus) for g in run] for run in _runs(text, spoken)]


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=80))
def test_numbers_read_without_number_words_match_a_full_read(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _read(text, spoken=False) == _read(text, spoken=True)


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("В прошлом сообщении Вы спрашивали про чехол для телефона, вот его артикул: 9123456789.", False),
        ("Артикул:" + " " * 60 + "9123456789", False),  # the word is further back than the usual tail
        ("Вот наш телефон для связи, звоните в любое время:" + " " * 60 + "9123456789", True),
        ("Номер заказа 12345678-0001-1 уже у курьера. Звоните: 8 912 345-67-89.", True),
    ],
)
def test_the_words_before_a_number_decide_however_far_back_they_are(text: str, blocked: bool) -> None:
    found = [v for v in check(text).violations if v.code is ViolationCode.OFF_PLATFORM_CONTACT]
    assert bool(found) is blocked, found
