"""What a notice is about, and the rules an event must meet before anything is drafted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from service.errors import Conflict, InputError

NoticeEvent = Literal["shipped", "delivered", "delayed", "unpaid_reminder"]

MOSCOW = dt.timezone(dt.timedelta(hours=3), "MSK")  # no daylight saving since 2014, so no tz database needed
UNPAID_REMINDER_WINDOW = dt.timedelta(hours=48)
CLOCK_SKEW = dt.timedelta(minutes=5)


def moscow_today(now: dt.datetime) -> dt.date:
    return now.astimezone(MOSCOW).date()


@dataclass(frozen=True)
class NoticeRequest:
    event: NoticeEvent
    posting_number: str
    chat_id: str | None = None
    order_number: str | None = None
    order_created_at: dt.datetime | None = None
    tracking_number: str | None = None
    new_date: dt.date | None = None
    product_name: str | None = None
    source: str = "api"

    def validate(self, now: dt.datetime) -> None:
        """Each event needs its own fact; an unpaid reminder is only polite shortly after the order."""
        if self.event == "shipped" and not self.tracking_number:
            raise InputError("a shipped notice needs tracking_number", code="tracking_number_required")
        if self.event == "delayed":
            if self.new_date is None:
                raise InputError("a delayed notice needs new_date", code="new_date_required")
            if self.new_date < moscow_today(now):
                raise InputError(f"new_date {self.new_date.isoformat()} is in the past", code="new_date_in_past")
        if self.event == "unpaid_reminder":
            created = self.order_created_at
            if created is None:
                raise InputError("an unpaid reminder needs order_created_at", code="order_created_at_required")
            if created > now + CLOCK_SKEW:
                raise InputError("order_created_at is in the future", code="order_created_at_in_future")
            if now - created > UNPAID_REMINDER_WINDOW:
                raise Conflict(
                    "an unpaid reminder is allowed only within 48 hours of the order's creation",
                    code="unpaid_reminder_too_late",
                    details={
                        "order_created_at": created.isoformat(),
                        "deadline": (created + UNPAID_REMINDER_WINDOW).isoformat(),
                    },
                )

    @property
    def key(self) -> str:
        """Same event for the same posting, same notice; a later new date is news, so it is part of the key."""
        parts = [self.event, self.posting_number]
        if self.event == "delayed" and self.new_date is not None:
            parts.append(self.new_date.isoformat())
        return ":".join(parts)

    def describe(self) -> dict[str, Any]:
        """Stored with the draft so a reviewer sees what the notice announces."""
        fields = {
            "event": self.event,
            "posting_number": self.posting_number,
            "order_number": self.order_number,
            "order_created_at": self.order_created_at.isoformat() if self.order_created_at else None,
            "tracking_number": self.tracking_number,
            "new_date": self.new_date.isoformat() if self.new_date else None,
            "product_name": self.product_name,
            "source": self.source,
        }
        return {name: value for name, value in fields.items() if value is not None}
