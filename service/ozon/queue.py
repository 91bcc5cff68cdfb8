"""What the review queue shows about sending: outbox state and whether Ozon's chat window is still open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from service.outbox import store
from service.ozon.windows import Window, chat_window
from service.storage.drafts import utcnow
from service.storage.inbox import chat_facts
from service.storage.tables import DraftRow


@dataclass(frozen=True)
class SendInfo:
    send_status: str | None
    send_error: str | None
    send_attempts: int
    sent_at: dt.datetime | None
    read_at: dt.datetime | None
    window: Window | None


def send_infos(session: Session, rows: Sequence[DraftRow]) -> dict[str, SendInfo]:
    """One query per table for a whole page; drafts from an inbox tool (channel ``api``) get nothing."""
    ozon = [row for row in rows if row.channel == "ozon"]
    if not ozon:
        return {}
    outbox = store.outbox_rows(session, [row.id for row in ozon])
    facts = chat_facts(session, [row.chat_id for row in ozon if row.chat_id])
    now = utcnow()
    infos: dict[str, SendInfo] = {}
    for row in ozon:
        box = outbox.get(row.id)
        infos[row.id] = SendInfo(
            send_status=box.status if box else None,
            send_error=box.last_error if box else None,
            send_attempts=box.attempts if box else 0,
            sent_at=box.sent_at if box else None,
            read_at=box.read_at if box else None,
            window=window_for(facts.get(row.chat_id or ""), row, now),
        )
    return infos


def window_for(facts: object, row: DraftRow, now: dt.datetime) -> Window:
    chat, posting = facts if isinstance(facts, tuple) else (None, None)
    return chat_window(
        scheme=posting.scheme if posting else None,
        last_buyer_message_at=chat.last_buyer_message_at if chat else row.received_at,
        delivered_at=posting.delivered_at if posting else None,
        now=now,
    )
