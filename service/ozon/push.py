"""Ozon's push-notification contract. An answer always comes at once; drafting happens afterwards.

Answers: ``TYPE_PING`` gets ``{version, name, time}``; a stored or ignored event ``{"result": true}``; a
message already received HTTP 409 with ``ERROR_REQUEST_DUPLICATED``; a payload missing a required value
HTTP 400 with ``ERROR_PARAMETER_VALUE_MISSED``; a failure to store HTTP 500 with ``ERROR_UNKNOWN``, so that
Ozon delivers the push again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from service import __version__
from service.core import Otvet
from service.notices.events import notice_for_posting_event
from service.ozon.models import NewMessagePush, normalize_enum, posting_number
from service.storage.inbox import IncomingMessage, record_message, record_posting

log = logging.getLogger(__name__)

POSTING_EVENTS = frozenset({"type_new_posting", "type_state_changed"})
DELIVERED_STATES = ("posting_delivered", "posting_received", "posting_conditionally_delivered")


@dataclass(frozen=True)
class PushAnswer:
    status: int
    body: dict[str, Any]
    draft_later: bool = False


def ok() -> PushAnswer:
    return PushAnswer(200, {"result": True})


def ozon_error(status: int, code: str, message: str, details: str | None = None) -> PushAnswer:
    return PushAnswer(status, {"error": {"code": code, "message": message, "details": details}})


def ping_answer() -> PushAnswer:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return PushAnswer(200, {"version": __version__, "name": "otvet", "time": now})


async def handle_push(otvet: Otvet, payload: object) -> PushAnswer:
    if not isinstance(payload, dict) or not isinstance(payload.get("message_type"), str):
        return ozon_error(400, "ERROR_PARAMETER_VALUE_MISSED", "message_type is missing")
    kind = normalize_enum(payload["message_type"])
    if kind == "type_ping":
        return ping_answer()
    if kind == "type_new_message":
        return await _new_message(otvet, payload)
    if kind in POSTING_EVENTS:
        if not posting_number(payload):
            return ozon_error(400, "ERROR_PARAMETER_VALUE_MISSED", "posting_number is missing")
        await asyncio.to_thread(handle_posting_event, otvet, payload)
        return ok()
    return ok()  # every other type is acknowledged and ignored


async def _new_message(otvet: Otvet, payload: dict[str, Any]) -> PushAnswer:
    try:
        push = NewMessagePush.model_validate(payload)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})
        return ozon_error(400, "ERROR_PARAMETER_VALUE_MISSED", f"invalid or missing: {', '.join(fields)}")
    if not push.is_buyer_chat or not push.user.is_customer or not push.text:
        return ok()  # support, notifications, the seller's own messages and attachments without text
    message = IncomingMessage(
        message_id=push.message_id,
        chat_id=push.chat_id,
        chat_type=push.chat_type,
        user_type="Customer",
        text=push.text[:4000],
        created_at=push.created_at,
        source="push",
    )

    def store() -> bool:
        with otvet.sessions() as session:
            return record_message(session, message)

    if not await asyncio.to_thread(store):
        return ozon_error(409, "ERROR_REQUEST_DUPLICATED", f"message {push.message_id} was already received")
    return PushAnswer(200, {"result": True}, draft_later=True)


def handle_posting_event(otvet: Otvet, payload: dict[str, Any]) -> None:
    """``TYPE_NEW_POSTING`` and ``TYPE_STATE_CHANGED``: recorded for the chat-window rules (delivery time),
    then turned into a proactive notice for approval where the event calls for one (delivered, delayed).
    """
    log.info(
        "posting event %s for %s: %s", payload.get("message_type"), posting_number(payload), payload.get("new_state")
    )
    with otvet.sessions() as session:
        record_posting(session, payload, DELIVERED_STATES)
    notice_for_posting_event(otvet, payload)
