"""Ozon posting pushes as notice events, for the push endpoint to call.

Payloads as Ozon sends them (message types and states are matched case-insensitively):

- ``TYPE_STATE_CHANGED``: ``posting_number``, ``new_state``, ``changed_state_date``, ``warehouse_id``.
  ``posting_delivered`` (and ``posting_conditionally_delivered``) becomes ``delivered``; a hand-over
  to delivery (``posting_delivering``, ``posting_transferring_to_delivery``, ``posting_driver_pick_up``,
  ``posting_in_carriage``) becomes ``shipped`` only when the payload carries a ``tracking_number``,
  which Ozon's push does not: the caller adds it from the posting (``/v3/posting/fbs/get``) when known.
- ``TYPE_DELIVERY_DATE_CHANGED``: ``new_delivery_date_end`` later than ``old_delivery_date_end`` becomes
  ``delayed`` with the new date.
- ``TYPE_NEW_POSTING``: ``posting_number``, ``products``, ``in_process_at``. A new posting is already
  paid, so there is nothing to tell the buyer yet: no notice.

Everything else, and any payload missing what its event needs, makes no notice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from service.errors import Conflict, InputError
from service.notices.requests import MOSCOW, NoticeRequest
from service.ozon.models import parse_time

if TYPE_CHECKING:
    from service.core import Otvet
    from service.storage.tables import DraftRow

log = logging.getLogger(__name__)

DELIVERED_STATES = frozenset({"posting_delivered", "posting_conditionally_delivered"})
SHIPPED_STATES = frozenset(
    {"posting_delivering", "posting_transferring_to_delivery", "posting_driver_pick_up", "posting_in_carriage"}
)


def _text(payload: dict[str, Any], name: str) -> str | None:
    value = payload.get(name)
    if isinstance(value, int | str) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def posting_event_to_notice(payload: dict[str, Any]) -> NoticeRequest | None:
    """The notice a posting push calls for, or None; never raises on a strange payload."""
    kind = (_text(payload, "message_type") or "").upper()
    posting = _text(payload, "posting_number")
    if posting is None:
        return None
    if kind == "TYPE_STATE_CHANGED":
        state = (_text(payload, "new_state") or "").lower()
        if state in DELIVERED_STATES:
            return NoticeRequest(event="delivered", posting_number=posting, source="push")
        tracking = _text(payload, "tracking_number")
        if state in SHIPPED_STATES and tracking:
            return NoticeRequest(event="shipped", posting_number=posting, tracking_number=tracking, source="push")
        return None
    if kind == "TYPE_DELIVERY_DATE_CHANGED":
        new_end = parse_time(payload.get("new_delivery_date_end"))
        old_end = parse_time(payload.get("old_delivery_date_end"))
        if new_end is None or (old_end is not None and new_end <= old_end):
            return None
        new_date = new_end.astimezone(MOSCOW).date()
        return NoticeRequest(event="delayed", posting_number=posting, new_date=new_date, source="push")
    return None


def notice_for_posting_event(otvet: Otvet, payload: dict[str, Any]) -> tuple[DraftRow, bool] | None:
    """(notice draft, created) for a posting push, or None when it calls for no notice.

    A duplicate push returns the first notice with created=False. An event the notice rules refuse
    (say, a delivery date already past) is logged and dropped: Ozon must still get its 200.
    """
    request = posting_event_to_notice(payload)
    if request is None:
        return None
    try:
        return otvet.create_notice(request)
    except (InputError, Conflict) as exc:
        log.warning("no %s notice for posting %s: %s", request.event, request.posting_number, exc.code)
        return None
