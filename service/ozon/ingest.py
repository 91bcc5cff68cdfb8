"""Buyer messages from push or polling become drafts: stored first, drafted later, each exactly once."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from service.core import DraftInput, Otvet
from service.errors import OzonError
from service.ozon.client import OzonClient
from service.storage.inbox import claim_pending, finish_message, set_order_number
from service.storage.tables import DraftRow

log = logging.getLogger(__name__)

DRAFT_LEASE = dt.timedelta(minutes=10)  # an LLM draft can take a minute; a crashed drafter's claim expires


async def draft_pending(otvet: Otvet, ozon: OzonClient | None, worker: str) -> int:
    """Draft every stored message not yet drafted; returns how many drafts were made."""
    made = 0
    while True:
        rows = await asyncio.to_thread(_claim, otvet, worker)
        if not rows:
            return made
        for row_id, chat_id, message_id, text, order_number, chat_type, created_at in rows:
            if order_number is None and ozon is not None:
                order_number = await _order_number(ozon, chat_id, message_id)
                if order_number:
                    await asyncio.to_thread(_save_order, otvet, chat_id, order_number)
            try:
                draft = await asyncio.to_thread(
                    otvet.create_draft,
                    DraftInput(
                        message=text,
                        chat_id=chat_id,
                        message_id=message_id,
                        received_at=created_at,
                        order={"posting_number": order_number} if order_number else None,
                        channel="ozon",
                        chat_type=chat_type,
                    ),
                )
            except Exception as exc:  # the message stays stored and is tried again by the next pass
                log.exception("drafting message %s failed", message_id)
                await asyncio.to_thread(_finish, otvet, row_id, None, repr(exc))
                continue
            await asyncio.to_thread(_finish, otvet, row_id, draft[0], None)
            made += 1


def _claim(otvet: Otvet, worker: str) -> list[tuple[int, str, str, str, str | None, str, dt.datetime]]:
    with otvet.sessions() as session:
        rows = claim_pending(session, worker, DRAFT_LEASE)
        return [(r.id, r.chat_id, r.message_id, r.text, r.order_number, r.chat_type, r.created_at) for r in rows]


def _finish(otvet: Otvet, row_id: int, draft: DraftRow | None, error: str | None) -> None:
    with otvet.sessions() as session:
        finish_message(session, row_id, draft_id=draft.id if draft else None, error=error)


def _save_order(otvet: Otvet, chat_id: str, order_number: str) -> None:
    with otvet.sessions() as session:
        set_order_number(session, chat_id, order_number)


async def _order_number(ozon: OzonClient, chat_id: str, message_id: str) -> str | None:
    """A push names no order; the message's context in the chat history does. Drafting goes on without it."""
    try:
        history = await ozon.chat_history(chat_id, direction="Backward", limit=50)
    except OzonError as exc:
        log.warning("no order context for chat %s: %s", chat_id, exc.message)
        return None
    fallback = None
    for message in history.messages:
        number = message.context.order_number if message.context else None
        if message.message_id == message_id and number:
            return number
        fallback = fallback or number
    return fallback
