"""Draft persistence. Status changes are conditional updates, so two reviewers can't both win."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from service.errors import Conflict, NotFound
from service.storage.tables import DraftEventRow, DraftRow

OPEN_STATUSES = ("pending_review", "needs_human", "blocked")
# A reply Ozon finally refused goes back to a human, who may edit and approve it again, or reject it.
REVIEWABLE_STATUSES = (*OPEN_STATUSES, "send_failed")
ALL_STATUSES = (*OPEN_STATUSES, "approved", "rejected", "send_failed")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class NewDraft:
    chat_id: str | None
    message_id: str | None
    message: str
    order_data: dict[str, Any]
    status: str
    reason: str | None
    text: str
    parts: dict[str, Any]
    sources: list[Any]
    compliance: dict[str, Any]
    drafter: str
    meta: dict[str, Any]
    received_at: dt.datetime
    due_at: dt.datetime
    kind: str = "reply"
    notice_key: str | None = None
    channel: str = "api"
    chat_type: str | None = None


class DraftStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find_by_message(self, chat_id: str | None, message_id: str | None) -> DraftRow | None:
        if chat_id is None or message_id is None:
            return None
        query = select(DraftRow).where(DraftRow.chat_id == chat_id, DraftRow.message_id == message_id)
        return self.session.scalars(query.options(selectinload(DraftRow.events))).first()

    def find_by_notice_key(self, notice_key: str) -> DraftRow | None:
        query = select(DraftRow).where(DraftRow.notice_key == notice_key)
        return self.session.scalars(query.options(selectinload(DraftRow.events))).first()

    def chat_has_drafts(self, chat_id: str) -> bool:
        """Whether otvet has seen this chat before: a buyer message in it was drafted already."""
        query = select(DraftRow.id).where(DraftRow.chat_id == chat_id, DraftRow.kind == "reply").limit(1)
        return self.session.scalars(query).first() is not None

    def add(self, new: NewDraft) -> tuple[DraftRow, bool]:
        """Insert, or return the existing draft for the same chat message or notice (created=False)."""
        now = utcnow()
        row = DraftRow(id=str(uuid.uuid4()), created_at=now, updated_at=now, **new.__dict__)
        row.events.append(
            DraftEventRow(status=new.status, actor="otvet", text=new.text, note=new.reason, created_at=now)
        )
        self.session.add(row)
        try:
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            existing = (
                self.find_by_notice_key(new.notice_key)
                if new.notice_key is not None
                else self.find_by_message(new.chat_id, new.message_id)
            )
            if existing is None:
                raise
            return existing, False
        return row, True

    def get(self, draft_id: str) -> DraftRow:
        row = self.session.get(DraftRow, draft_id, options=[selectinload(DraftRow.events)])
        if row is None:
            raise NotFound(f"draft {draft_id} not found", code="draft_not_found")
        return row

    def list(self, statuses: Sequence[str], limit: int, offset: int) -> list[DraftRow]:
        query = (
            select(DraftRow)
            .where(DraftRow.status.in_(statuses))
            .order_by(DraftRow.due_at, DraftRow.created_at)
            .limit(limit)
            .offset(offset)
        )
        return list(self.session.scalars(query.options(selectinload(DraftRow.events))))

    def decide(
        self,
        draft_id: str,
        *,
        status: str,
        actor: str,
        final_text: str | None,
        note: str | None,
        allowed_from: Sequence[str] = OPEN_STATUSES,
        with_rows: Sequence[object] = (),
    ) -> DraftRow:
        """``with_rows`` are written in the same transaction, so an approval and its outbox row stand together."""
        now = utcnow()
        result = self.session.execute(
            update(DraftRow)
            .where(DraftRow.id == draft_id, DraftRow.status.in_(allowed_from))
            .values(status=status, decided_at=now, decided_by=actor, final_text=final_text, updated_at=now)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            self.session.rollback()
            current = self.get(draft_id)  # raises NotFound for unknown ids
            raise Conflict(f"draft {draft_id} is already {current.status}", code="draft_already_decided")
        self.session.add(
            DraftEventRow(draft_id=draft_id, status=status, actor=actor, text=final_text, note=note, created_at=now)
        )
        for row in with_rows:
            self.session.merge(row)
        self.session.commit()
        self.session.expire_all()
        return self.get(draft_id)
