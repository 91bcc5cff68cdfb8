"""Outbox rows and send attempts. Claims and outcomes are conditional updates, never read-then-write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from service.storage.channel_tables import OutboxRow, SendAttemptRow
from service.storage.drafts import utcnow
from service.storage.tables import DraftEventRow, DraftRow

SEND_STATUSES = ("queued", "sending", "sent", "send_failed")


@dataclass(frozen=True)
class Claim:
    draft_id: str
    chat_id: str
    text: str
    attempt: int
    verify_first: bool
    buyer_message_id: str | None


def requeue(session: Session, draft: DraftRow, text: str) -> OutboxRow:
    """The outbox row for an approval: new, or the failed one queued again with the new text.

    A row that ever had an unanswered attempt keeps ``verify_first``: the chat is checked before sending.
    """
    now = utcnow()
    row = session.get(OutboxRow, draft.id)
    if row is None:
        return OutboxRow(
            draft_id=draft.id,
            chat_id=draft.chat_id or "",
            text=text,
            status="queued",
            attempts=0,
            next_attempt_at=now,
            verify_first=False,
            created_at=now,
            updated_at=now,
        )
    row.text, row.status, row.attempts, row.next_attempt_at = text, "queued", 0, now
    row.lease_until, row.claimed_by, row.last_error, row.updated_at = None, None, None, now
    return row


def _claimable(now: dt.datetime) -> ColumnElement[bool]:
    return or_(
        (OutboxRow.status == "queued") & (OutboxRow.next_attempt_at <= now),
        (OutboxRow.status == "sending") & (OutboxRow.lease_until < now),
    )


def claim_due(session: Session, worker: str, lease: dt.timedelta, limit: int = 10) -> list[Claim]:
    """Claim due rows one by one. A row whose lease ran out belonged to a worker that died mid-send:
    it may have reached Ozon, so it is verified in the chat before any new attempt."""
    now = utcnow()
    due = _claimable(now)
    ids = list(session.scalars(select(OutboxRow.draft_id).where(due).order_by(OutboxRow.next_attempt_at).limit(limit)))
    claims: list[Claim] = []
    for draft_id in ids:
        result = session.execute(
            update(OutboxRow)
            .where(OutboxRow.draft_id == draft_id, due)
            .values(
                status="sending",
                claimed_by=worker,
                lease_until=now + lease,
                attempts=OutboxRow.attempts + 1,
                verify_first=case((OutboxRow.status == "sending", True), else_=OutboxRow.verify_first),
                updated_at=now,
            )
        )
        session.commit()
        if result.rowcount != 1:  # type: ignore[attr-defined]
            continue  # another worker won this row
        row = session.get(OutboxRow, draft_id, populate_existing=True)
        draft = session.get(DraftRow, draft_id)
        if row is not None and draft is not None:
            claims.append(Claim(draft_id, row.chat_id, row.text, row.attempts, row.verify_first, draft.message_id))
    return claims


def start_attempt(session: Session, claim: Claim, worker: str) -> int:
    attempt = SendAttemptRow(
        draft_id=claim.draft_id, attempt=claim.attempt, worker=worker, outcome="sending", started_at=utcnow()
    )
    session.add(attempt)
    session.commit()
    return attempt.id


def finish_attempt(
    session: Session, attempt_id: int | None, outcome: str, http_status: int | None = None, error: str | None = None
) -> None:
    if attempt_id is None:
        return
    session.execute(
        update(SendAttemptRow)
        .where(SendAttemptRow.id == attempt_id)
        .values(outcome=outcome, http_status=http_status, error=error, finished_at=utcnow())
    )
    session.commit()


def _mine(claim: Claim, worker: str) -> ColumnElement[bool]:
    return (
        (OutboxRow.draft_id == claim.draft_id)
        & (OutboxRow.status == "sending")
        & (OutboxRow.claimed_by == worker)
        & (OutboxRow.attempts == claim.attempt)
    )


def mark_sent(session: Session, claim: Claim, worker: str) -> bool:
    now = utcnow()
    result = session.execute(
        update(OutboxRow)
        .where(_mine(claim, worker))
        .values(status="sent", sent_at=now, lease_until=None, last_error=None, updated_at=now)
    )
    session.commit()
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def mark_retry(session: Session, claim: Claim, worker: str, *, delay: float, error: str, ambiguous: bool) -> None:
    now = utcnow()
    session.execute(
        update(OutboxRow)
        .where(_mine(claim, worker))
        .values(
            status="queued",
            next_attempt_at=now + dt.timedelta(seconds=delay),
            lease_until=None,
            last_error=error[:2000],
            verify_first=OutboxRow.verify_first | ambiguous,
            updated_at=now,
        )
    )
    session.commit()


def mark_failed(session: Session, claim: Claim, worker: str, error: str) -> None:
    """Final: the draft itself turns ``send_failed`` so it shows in the review queue with Ozon's error."""
    now = utcnow()
    result = session.execute(
        update(OutboxRow)
        .where(_mine(claim, worker))
        .values(status="send_failed", lease_until=None, last_error=error[:2000], updated_at=now)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        session.execute(
            update(DraftRow).where(DraftRow.id == claim.draft_id).values(status="send_failed", updated_at=now)
        )
        session.add(
            DraftEventRow(
                draft_id=claim.draft_id, status="send_failed", actor="outbox", note=error[:2000], created_at=now
            )
        )
    session.commit()


def mark_read_done(session: Session, draft_id: str) -> None:
    session.execute(update(OutboxRow).where(OutboxRow.draft_id == draft_id).values(read_at=utcnow()))
    session.commit()


def unread_after_send(session: Session, limit: int = 10) -> list[tuple[str, str, str | None]]:
    """Sent replies whose chat is not yet marked read: (draft_id, chat_id, buyer message id)."""
    since = utcnow() - dt.timedelta(days=1)
    query = (
        select(OutboxRow.draft_id, OutboxRow.chat_id, DraftRow.message_id)
        .join(DraftRow, DraftRow.id == OutboxRow.draft_id)
        .where(OutboxRow.status == "sent", OutboxRow.read_at.is_(None), OutboxRow.sent_at > since)
        .where(DraftRow.message_id.is_not(None))
        .limit(limit)
    )
    return [(row[0], row[1], row[2]) for row in session.execute(query)]


def outbox_rows(session: Session, draft_ids: list[str]) -> dict[str, OutboxRow]:
    rows = session.scalars(select(OutboxRow).where(OutboxRow.draft_id.in_(draft_ids)))
    return {row.draft_id: row for row in rows}


def first_attempt_at(session: Session, draft_id: str) -> dt.datetime | None:
    query = select(func.min(SendAttemptRow.started_at)).where(SendAttemptRow.draft_id == draft_id)
    value = session.scalar(query)
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite drops the zone in aggregates
