"""Incoming Ozon messages, chats and postings. Every write is idempotent: pushes and polls overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.ozon.models import parse_time
from service.storage.channel_tables import ChatRow, InboxRow, PostingRow
from service.storage.drafts import utcnow

MAX_DRAFT_ATTEMPTS = 5


@dataclass(frozen=True)
class IncomingMessage:
    message_id: str
    chat_id: str
    chat_type: str
    user_type: str
    text: str
    created_at: dt.datetime
    source: str
    order_number: str | None = None


def record_message(session: Session, message: IncomingMessage) -> bool:
    """Store a buyer message once; False when this ``message_id`` was already stored."""
    for _ in range(2):  # a second try only when another message created the same chat row concurrently
        session.add(InboxRow(**message.__dict__, status="pending", attempts=0, received_at=utcnow()))
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            return False
        touch_chat(session, message.chat_id, message.chat_type, message.created_at, message.order_number)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            continue
        return True
    raise RuntimeError(f"could not store message {message.message_id}")


def touch_chat(
    session: Session, chat_id: str, chat_type: str, buyer_at: dt.datetime | None, order_number: str | None
) -> None:
    """Keep the buyer's latest message time, which the chat-window rules count from."""
    chat = session.get(ChatRow, chat_id, with_for_update=True)
    now = utcnow()
    if chat is None:
        session.add(
            ChatRow(
                chat_id=chat_id,
                chat_type=chat_type,
                order_number=order_number,
                last_buyer_message_at=buyer_at,
                updated_at=now,
            )
        )
        return
    if buyer_at and (chat.last_buyer_message_at is None or buyer_at > chat.last_buyer_message_at):
        chat.last_buyer_message_at = buyer_at
    chat.order_number = order_number or chat.order_number
    chat.updated_at = now


def claim_pending(session: Session, worker: str, lease: dt.timedelta, limit: int = 10) -> list[InboxRow]:
    """Take messages to draft; a conditional update per row, so two workers never take the same one."""
    now = utcnow()
    due = or_(InboxRow.status == "pending", (InboxRow.status == "drafting") & (InboxRow.lease_until < now))
    ids = list(session.scalars(select(InboxRow.id).where(due).order_by(InboxRow.id).limit(limit)))
    claimed: list[int] = []
    for row_id in ids:
        result = session.execute(
            update(InboxRow)
            .where(InboxRow.id == row_id, due)
            .values(status="drafting", lease_until=now + lease, attempts=InboxRow.attempts + 1)
        )
        session.commit()
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(row_id)
    if not claimed:
        return []
    return list(session.scalars(select(InboxRow).where(InboxRow.id.in_(claimed)).order_by(InboxRow.id)))


def finish_message(session: Session, row_id: int, *, draft_id: str | None, error: str | None = None) -> None:
    row = session.get(InboxRow, row_id)
    if row is None:
        return
    if draft_id is not None:
        row.status, row.draft_id, row.error = "drafted", draft_id, None
    else:
        row.status = "failed" if row.attempts >= MAX_DRAFT_ATTEMPTS else "pending"
        row.error = (error or "")[:2000]
    row.lease_until = None
    session.commit()


def set_order_number(session: Session, chat_id: str, order_number: str) -> None:
    session.execute(update(ChatRow).where(ChatRow.chat_id == chat_id).values(order_number=order_number))
    session.commit()


def record_posting(session: Session, payload: dict[str, Any], delivered_states: Iterable[str]) -> None:
    number = str(payload["posting_number"])
    state = payload.get("new_state")
    changed = parse_time(payload.get("changed_state_date")) or utcnow()
    row = session.get(PostingRow, number, with_for_update=True)
    if row is None:
        row = PostingRow(posting_number=number, scheme="fbs", last_event={}, updated_at=utcnow())
        session.add(row)
    if state:
        row.state = str(state)
        if state in set(delivered_states) and row.delivered_at is None:
            row.delivered_at = changed
    row.last_event = payload
    row.updated_at = utcnow()
    try:
        session.commit()
    except IntegrityError:  # the same posting arrived twice at once; the other write holds the same facts
        session.rollback()


def chat_facts(session: Session, chat_ids: Iterable[str]) -> dict[str, tuple[ChatRow, PostingRow | None]]:
    """Chats with the posting behind each, for the window rules; one query each, for a whole queue page."""
    chats = list(session.scalars(select(ChatRow).where(ChatRow.chat_id.in_(set(chat_ids)))))
    numbers = {chat.order_number for chat in chats if chat.order_number}
    postings = {
        row.posting_number: row
        for row in session.scalars(select(PostingRow).where(PostingRow.posting_number.in_(numbers)))
    }
    return {chat.chat_id: (chat, postings.get(chat.order_number or "")) for chat in chats}
