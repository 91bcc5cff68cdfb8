"""Ozon's chat windows as a table: scheme, buyer's last message, delivery, now → open and closing time."""

from __future__ import annotations

import datetime as dt

import pytest

from service.ozon.windows import chat_window

T0 = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


def h(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


CASES = [
    # scheme, buyer's last message, delivered, now, open, closes_at, rule
    ("fbo", h(0), None, h(47.9), True, h(48), "buyer_48h"),
    ("fbo", h(0), None, h(48), False, h(48), "buyer_48h"),
    ("fbo", h(0), h(-100), h(60), False, h(48), "buyer_48h"),  # delivery does not matter for FBO
    ("FBO", h(10), None, h(57), True, h(58), "buyer_48h"),
    (None, h(0), None, h(49), False, h(48), "buyer_48h"),  # unknown scheme: the narrower FBO rule
    (None, None, None, h(1), False, None, "no_buyer_message"),
    ("fbs", h(0), None, h(500), True, None, "fbs_until_delivery"),  # not delivered: no end yet
    ("fbs", h(0), h(10), h(81.9), True, h(82), "fbs_after_delivery"),
    ("fbs", h(0), h(10), h(82), False, h(82), "fbs_after_delivery"),
    ("rfbs", h(100), h(10), h(120), True, h(148), "buyer_48h"),  # after 72 h, a new buyer message reopens 48 h
    ("rfbs", h(100), h(10), h(148), False, h(148), "buyer_48h"),
    ("fbs", None, h(0), h(71), True, h(72), "fbs_after_delivery"),
]


@pytest.mark.parametrize(("scheme", "buyer", "delivered", "now", "is_open", "closes", "rule"), CASES)
def test_chat_window(
    scheme: str | None,
    buyer: dt.datetime | None,
    delivered: dt.datetime | None,
    now: dt.datetime,
    is_open: bool,
    closes: dt.datetime | None,
    rule: str,
) -> None:
    window = chat_window(scheme=scheme, last_buyer_message_at=buyer, delivered_at=delivered, now=now)
    assert (window.open, window.closes_at, window.rule) == (is_open, closes, rule)
