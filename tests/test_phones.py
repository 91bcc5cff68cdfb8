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


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # «+» leads a phone number whatever word stands before it; no order or article number has one
        ("Код: +7 916 204 55 31, пишите в любое время.", "+7 916 204 55 31"),
        ("Звоните, код страны плюс семь, дальше 926 118 40 07.", "926 118 40 07"),
        # the cue that it is a phone may come after the pieces
        ("Здравствуйте! +7, 985, 301, 22-14 — звоните после шести.", "+7, 985, 301, 22-14"),
        ("Сначала 8-917, затем 640, в конце 18-52 — это мой мобильный.", "8-917, затем 640, в конце 18-52"),
        # digits after a hundreds word belong to it: «девятьсот 25» is 925
        ("Звоните: 8, девятьсот 25, шестьсот 13, 44, ноль девять.", "8, девятьсот 25, шестьсот 13, 44, ноль девять"),
    ],
)
def test_numbers_in_pieces_or_after_a_misleading_word_are_phones(text: str, excerpt: str) -> None:
    found = [v.excerpt for v in check(text).violations if v.code is ViolationCode.OFF_PLATFORM_CONTACT]
    assert found == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "Код заказа 8916204 5531 указан в личном кабинете Ozon.",
        "Код товара 9162045531, звоните в поддержку Ozon, если не найдёте его.",
        "Заказ 12345678-0001-1, размер 46, рост 176 — номер отправления придёт в чат Ozon.",
        "Доставка +7 дней к сроку, цена 903 рубля, скидка 15 % — номер заказа тот же.",
        "Сначала 8 пакетов, затем 640 граммов, в конце 18-52 — это номер партии.",
        "Цена девятьсот 25 рублей, вес шестьсот 13 граммов, звоните в поддержку Ozon.",
    ],
)
def test_numbers_that_are_not_phones_stay_allowed(text: str) -> None:
    assert not [v for v in check(text).violations if v.code is ViolationCode.OFF_PLATFORM_CONTACT]
