"""Ozon posting pushes mapped to notices, with payloads shaped as Ozon sends them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service.core import Otvet
from service.notices.events import notice_for_posting_event, posting_event_to_notice

POSTING = "0123456789-0001-1"


def _state_changed(new_state: str, **extra: Any) -> dict[str, Any]:
    return {
        "message_type": "TYPE_STATE_CHANGED",
        "posting_number": POSTING,
        "new_state": new_state,
        "changed_state_date": "2026-11-27T10:12:31.402Z",
        "warehouse_id": 1020000901600000,
        "seller_id": 2140000,
        **extra,
    }


NEW_POSTING = {
    "message_type": "TYPE_NEW_POSTING",
    "seller_id": 2140000,
    "posting_number": POSTING,
    "products": [{"sku": 147451959, "quantity": 2}],
    "in_process_at": "2026-11-27T08:30:00Z",
    "warehouse_id": 1020000901600000,
}

DATE_CHANGED = {
    "message_type": "TYPE_DELIVERY_DATE_CHANGED",
    "seller_id": 2140000,
    "posting_number": POSTING,
    "new_delivery_date_begin": "2099-12-04T10:00:00Z",
    "new_delivery_date_end": "2099-12-04T22:00:00Z",
    "old_delivery_date_begin": "2099-12-01T10:00:00Z",
    "old_delivery_date_end": "2099-12-01T22:00:00Z",
    "warehouse_id": 1020000901600000,
}


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (_state_changed("posting_delivered"), ("delivered", None, None)),
        (_state_changed("POSTING_DELIVERED"), ("delivered", None, None)),
        ({**_state_changed("posting_delivered"), "message_type": "type_state_changed"}, ("delivered", None, None)),
        (_state_changed("posting_conditionally_delivered"), ("delivered", None, None)),
        (_state_changed("posting_delivering", tracking_number="RA123456789RU"), ("shipped", "RA123456789RU", None)),
        (
            _state_changed("posting_driver_pick_up", tracking_number="80012345678901"),
            ("shipped", "80012345678901", None),
        ),
        (_state_changed("posting_delivering"), None),  # Ozon's push carries no tracking number
        (_state_changed("posting_cancelled"), None),
        (_state_changed("posting_awaiting_deliver"), None),
        (_state_changed(""), None),
        ({**_state_changed("posting_delivered"), "posting_number": ""}, None),
        ({**_state_changed("posting_delivered"), "posting_number": None}, None),
        (NEW_POSTING, None),
        (DATE_CHANGED, ("delayed", None, dt.date(2099, 12, 5))),  # 22:00 UTC is the next day in Moscow
        ({**DATE_CHANGED, "new_delivery_date_end": "2099-11-30T22:00:00Z"}, None),  # earlier: not a delay
        ({**DATE_CHANGED, "new_delivery_date_end": "not a date"}, None),
        ({"message_type": "TYPE_PING", "time": "2026-11-27T10:00:00Z"}, None),
        ({"message_type": "TYPE_NEW_MESSAGE", "chat_id": "b1", "posting_number": POSTING}, None),
        ({}, None),
    ],
)
def test_posting_push_maps_to_notice(payload: dict[str, Any], expected: tuple[str, Any, Any] | None) -> None:
    request = posting_event_to_notice(payload)
    if expected is None:
        assert request is None
        return
    assert request is not None
    assert (request.event, request.tracking_number, request.new_date) == expected
    assert request.posting_number == POSTING
    assert request.source == "push"


def test_delivered_push_creates_one_notice_even_when_pushed_twice(otvet: Otvet) -> None:
    created = notice_for_posting_event(otvet, _state_changed("posting_delivered"))
    assert created is not None
    row, is_new = created
    assert is_new and row.kind == "notice" and row.status == "pending_review"
    assert POSTING in row.text
    assert row.meta["notice"] == {"event": "delivered", "posting_number": POSTING, "source": "push"}

    again = notice_for_posting_event(otvet, _state_changed("posting_delivered"))
    assert again is not None and again[0].id == row.id and again[1] is False
    assert [d.id for d in otvet.list_drafts(("pending_review",), 10, 0)] == [row.id]


def test_push_the_rules_refuse_makes_no_notice(otvet: Otvet) -> None:
    past = {**DATE_CHANGED, "new_delivery_date_end": "2021-12-04T10:00:00Z", "old_delivery_date_end": None}
    assert notice_for_posting_event(otvet, past) is None
    assert notice_for_posting_event(otvet, NEW_POSTING) is None
    assert otvet.list_drafts(("pending_review", "blocked"), 10, 0) == []


def test_delay_push_drafts_a_delayed_notice(otvet: Otvet) -> None:
    created = notice_for_posting_event(otvet, DATE_CHANGED)
    assert created is not None
    assert "5 декабря" in created[0].text
