"""Russian slot values and personal-data masking."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from service.config import Settings
from service.drafting.slots import fill_first, format_date_ru, order_values, plural_ru, setting_values
from service.logs import PersonalDataFilter, mask_personal_data


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "день"),
        (2, "дня"),
        (4, "дня"),
        (5, "дней"),
        (11, "дней"),
        (14, "дней"),
        (21, "день"),
        (22, "дня"),
        (111, "дней"),
        (101, "день"),
    ],
)
def test_plural_ru(number: int, expected: str) -> None:
    assert plural_ru(number, "день", "дня", "дней") == expected


@pytest.mark.parametrize(("days", "phrase"), [(7, "7 дней"), (14, "14 дней"), (21, "21 дня"), (3, "3 дней")])
def test_return_window_reads_after_v_techenie(days: int, phrase: str) -> None:
    settings = Settings(_env_file=None, return_window_days=days)  # type: ignore[call-arg]
    assert setting_values(settings)["return_window"] == phrase


def test_warranty_period_forms() -> None:
    values = [setting_values(Settings(_env_file=None, warranty_months=m))["warranty_period"] for m in (1, 3, 12)]  # type: ignore[call-arg]
    assert values == ["1 месяц", "3 месяца", "12 месяцев"]


def test_dates_and_blanks() -> None:
    assert format_date_ru(dt.date(2026, 3, 8)) == "8 марта"
    values = order_values({"posting_number": " ", "tracking_number": None, "delivery_date": dt.date(2026, 12, 1)})
    assert values == {"delivery_date": "1 декабря"}


def test_fill_first_skips_alternatives_with_missing_slots() -> None:
    alternatives = ("Трек-номер: {tracking_number}.", "Трек-номер появится в карточке заказа.")
    assert fill_first(alternatives, {}) == "Трек-номер появится в карточке заказа."
    assert fill_first(alternatives, {"tracking_number": "RA1RU"}) == "Трек-номер: RA1RU."
    assert fill_first(("{x}",), {}) is None


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("звоните +7 (912) 345-67-89", "звоните [phone]"),
        ("тел 89123456789.", "тел [phone]."),
        ("почта ivan.petrov@mail.ru!", "почта [email]!"),
        ("заказ 12345678-0001-1 и трек RA123456789RU", "заказ 12345678-0001-1 и трек RA123456789RU"),
    ],
)
def test_mask_personal_data(raw: str, masked: str) -> None:
    assert mask_personal_data(raw) == masked


def test_log_records_are_masked() -> None:
    record = logging.LogRecord("x", logging.INFO, "f", 1, "buyer wrote %s", ("мой номер 8 912 345 67 89",), None)
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "buyer wrote мой номер [phone]"
