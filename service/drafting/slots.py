"""Fills ``{slots}`` from order data and seller settings without ever leaking a blank.

A template whose order slot has no value is skipped in favour of the next alternative,
so a buyer never sees ``{tracking_number}``, ``None`` or an empty gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from service.config import Settings
from service.knowledge.models import template_slots

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def plural_ru(number: int, one: str, few: str, many: str) -> str:
    """Russian plural form for a count: 1 день, 2 дня, 5 дней, 11 дней, 21 день."""
    tens, units = number % 100, number % 10
    if 11 <= tens <= 14:
        return many
    if units == 1:
        return one
    if 2 <= units <= 4:
        return few
    return many


def format_date_ru(value: dt.date) -> str:
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]}"


def setting_values(settings: Settings) -> dict[str, str]:
    """Seller facts as ready-made phrases.

    ``return_window`` is in the genitive because templates say «в течение {return_window}».
    """
    days = settings.return_window_days
    months = settings.warranty_months
    return {
        "return_window": f"{days} {plural_ru(days, 'дня', 'дней', 'дней')}",
        "warranty_period": f"{months} {plural_ru(months, 'месяц', 'месяца', 'месяцев')}",
        "support_hours": settings.support_hours,
    }


def order_values(order: Mapping[str, object] | None) -> dict[str, str]:
    """Only values a buyer should see: blanks and ``None`` are dropped here, once."""
    values: dict[str, str] = {}
    for key, value in (order or {}).items():
        if value is None:
            continue
        text = format_date_ru(value) if isinstance(value, dt.date) else str(value).strip()
        if text:
            values[key] = text
    return values


def fill_first(alternatives: tuple[str, ...], values: Mapping[str, str]) -> str | None:
    """The first alternative whose slots are all known, filled; None if none qualifies."""
    for template in alternatives:
        if template_slots(template) <= values.keys():
            return template.format_map(values)
    return None
