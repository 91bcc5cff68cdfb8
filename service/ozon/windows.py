"""Ozon's chat windows: when a seller may still write to a buyer.

FBO: within 48 hours of the buyer's last message. FBS and rFBS: until 72 hours after delivery, and after
that within 48 hours of the buyer's last message. An unknown scheme gets the FBO rule, which is never
wider than the FBS one, so otvet never promises a send that Ozon would refuse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BUYER_WINDOW = dt.timedelta(hours=48)
AFTER_DELIVERY = dt.timedelta(hours=72)
SELLER_SCHEMES = frozenset({"fbs", "rfbs"})


@dataclass(frozen=True)
class Window:
    """``closes_at`` is None while the window has no end yet (an FBS order not delivered)."""

    open: bool
    closes_at: dt.datetime | None
    rule: str


def chat_window(
    *,
    scheme: str | None,
    last_buyer_message_at: dt.datetime | None,
    delivered_at: dt.datetime | None,
    now: dt.datetime,
) -> Window:
    buyer_until = last_buyer_message_at + BUYER_WINDOW if last_buyer_message_at else None
    if (scheme or "").lower() in SELLER_SCHEMES:
        if delivered_at is None:
            return Window(open=True, closes_at=None, rule="fbs_until_delivery")
        delivery_until = delivered_at + AFTER_DELIVERY
        closes_at = max(delivery_until, buyer_until) if buyer_until else delivery_until
        rule = "fbs_after_delivery" if closes_at == delivery_until else "buyer_48h"
        return Window(open=now < closes_at, closes_at=closes_at, rule=rule)
    if buyer_until is None:
        return Window(open=False, closes_at=None, rule="no_buyer_message")
    return Window(open=now < buyer_until, closes_at=buyer_until, rule="buyer_48h")
