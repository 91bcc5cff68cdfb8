"""The running service: knowledge, retriever, drafters and storage wired together once.

The API and the CLI both go through this object, so an HTTP call and a script do the same thing.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from service.compliance import check
from service.config import Settings
from service.drafting.llm import LLMDrafter
from service.drafting.pipeline import ComposedDraft, compose_draft
from service.drafting.slots import order_values, setting_values
from service.errors import Conflict, KnowledgeError, PolicyBlocked
from service.knowledge import KnowledgeBase, load_knowledge_base
from service.knowledge.check import check_knowledge
from service.notices.compose import compose_holiday, compose_notice, holiday_active
from service.notices.requests import NoticeRequest
from service.notices.templates import NoticeTemplates, load_notice_templates
from service.outbox.store import requeue
from service.ozon.client import check_text
from service.ozon.queue import SendInfo, send_infos
from service.retrieval.embedder import Embedder
from service.retrieval.retriever import RetrievalResult, Retriever
from service.storage.database import make_engine, make_session_factory, migrate
from service.storage.drafts import REVIEWABLE_STATUSES, DraftStore, NewDraft, utcnow
from service.storage.tables import DraftRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftInput:
    message: str
    chat_id: str | None = None
    message_id: str | None = None
    received_at: dt.datetime | None = None
    order: dict[str, Any] | None = None
    channel: str = "api"  # "ozon": approved replies go out through the outbox
    chat_type: str | None = None


class Otvet:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.engine: Engine = make_engine(settings.database_url)
        migrate(self.engine)
        self.sessions = make_session_factory(self.engine)
        self.embedder = embedder or Embedder(settings.embedding_model, settings.embedding_backend)
        self._reload_lock = threading.Lock()
        self.retriever = self._build_retriever(load_knowledge_base(settings.knowledge_dir))
        self.notice_templates: NoticeTemplates = load_notice_templates(settings.knowledge_dir)
        self.llm = LLMDrafter(settings) if settings.llm_enabled else None

    def _build_retriever(self, kb: KnowledgeBase) -> Retriever:
        return Retriever(kb, self.embedder, self.settings.index_dir, self.settings.retrieval_tuning())

    @property
    def knowledge(self) -> KnowledgeBase:
        return self.retriever.kb

    def retrieve(self, question: str, k: int | None = None, order_status: str | None = None) -> RetrievalResult:
        return self.retriever.search(question, k or self.settings.retrieval_top_k, order_status)

    def reload_knowledge(self) -> KnowledgeBase:
        """Rebuild from ``knowledge/`` and swap atomically; on any problem the old index keeps serving.

        Requests in flight hold a reference to the old retriever and finish on it.
        """
        with self._reload_lock:  # one reload at a time; readers never wait
            problems, _ = check_knowledge(self.settings)
            if problems:
                raise KnowledgeError(
                    f"knowledge base has {len(problems)} problem(s); the previous version keeps serving",
                    details=[{"file": p.file, "line": p.line, "message": p.message} for p in problems],
                )
            retriever = self._build_retriever(load_knowledge_base(self.settings.knowledge_dir))
            notice_templates = load_notice_templates(self.settings.knowledge_dir)
            self.retriever = retriever  # a single reference swap: atomic for concurrent readers
            self.notice_templates = notice_templates
        log.info("knowledge reloaded: %d entries, index %s", len(retriever.kb), retriever.index.key)
        return retriever.kb

    def create_draft(self, request: DraftInput) -> tuple[DraftRow, bool]:
        """Returns (draft, created); a repeated chat message gets its first draft back."""
        with self.sessions() as session:
            store = DraftStore(session)
            existing = store.find_by_message(request.chat_id, request.message_id)
            if existing is not None:
                return existing, False
            now = utcnow()
            holiday = self._holiday_for(store, request.chat_id, now)
            composed = self._holiday_draft(holiday) if holiday else self._compose(request)
            received = request.received_at or now
            row, created = store.add(
                NewDraft(
                    chat_id=request.chat_id,
                    message_id=request.message_id,
                    message=request.message,
                    order_data=_jsonable(request.order or {}),
                    status=composed.status,
                    reason=composed.reason,
                    text=composed.text,
                    parts=composed.parts.model_dump(),
                    sources=composed.sources,
                    compliance=composed.compliance.model_dump(mode="json"),
                    drafter=composed.drafter,
                    meta=composed.meta,
                    received_at=received,
                    due_at=received + dt.timedelta(hours=self.settings.response_deadline_hours),
                    channel=request.channel,
                    chat_type=request.chat_type,
                )
            )
            return row, created

    def _compose(self, request: DraftInput) -> ComposedDraft:
        order = {k: v for k, v in (request.order or {}).items() if k != "status"}
        buyer_facts = order_values(order)
        values = {**setting_values(self.settings), **buyer_facts}
        status = (request.order or {}).get("status")
        retrieval = self.retrieve(request.message, order_status=str(status) if status else None)
        return compose_draft(request.message, retrieval, values, buyer_facts, self.llm)

    def _holiday_for(self, store: DraftStore, chat_id: str | None, now: dt.datetime) -> dt.date | None:
        """The resume date when this message opens a chat during a holiday, else None."""
        until = self.settings.holiday_until
        if until is None or not holiday_active(until, now) or chat_id is None:
            return None
        return None if store.chat_has_drafts(chat_id) else until

    def _holiday_draft(self, until: dt.date) -> ComposedDraft:
        """The first message of a new chat during a holiday: the date the store is back, still for approval."""
        text = compose_holiday(self.notice_templates, until, setting_values(self.settings))
        reason = "holiday_mode" if text.compliance.allowed else "policy_violation"
        meta = {"holiday_until": until.isoformat()}
        return ComposedDraft(text.status, reason, text.parts, text.compliance, "holiday", [], meta)

    def create_notice(self, request: NoticeRequest, now: dt.datetime | None = None) -> tuple[DraftRow, bool]:
        """Returns (draft, created); the same event for the same posting returns the first notice."""
        now = now or utcnow()
        with self.sessions() as session:
            store = DraftStore(session)
            existing = store.find_by_notice_key(request.key)
            if existing is not None:
                return existing, False
            request.validate(now)
            text = compose_notice(self.notice_templates, request, setting_values(self.settings))
            order = {
                "posting_number": request.posting_number,
                "tracking_number": request.tracking_number,
                "delivery_date": request.new_date,
                "product_name": request.product_name,
            }
            row, created = store.add(
                NewDraft(
                    chat_id=request.chat_id,
                    message_id=None,
                    message="",
                    order_data=_jsonable(order),
                    status=text.status,
                    reason=text.reason,
                    text=text.parts.text(),
                    parts=text.parts.model_dump(),
                    sources=[],
                    compliance=text.compliance.model_dump(mode="json"),
                    drafter="notice",
                    meta={"notice": request.describe()},
                    received_at=now,
                    due_at=now + dt.timedelta(hours=self.settings.response_deadline_hours),
                    kind="notice",
                    notice_key=request.key,
                )
            )
        if created and self.settings.auto_approve_notices and row.status == "pending_review":
            with self.sessions() as session:  # a fresh session loads the new history in full
                row = DraftStore(session).decide(
                    row.id, status="approved", actor="otvet", final_text=row.text, note="auto_approved_notice"
                )
        return row, created

    def approve(self, draft_id: str, reviewer: str, text: str | None) -> DraftRow:
        with self.sessions() as session:
            store = DraftStore(session)
            draft = store.get(draft_id)
            if draft.status not in REVIEWABLE_STATUSES:
                raise Conflict(f"draft {draft_id} is already {draft.status}", code="draft_already_decided")
            edited = text is not None and text.strip() != draft.text.strip()
            final_text = text.strip() if text is not None and edited else draft.text
            if edited:
                verdict = check(final_text)
                if not verdict.allowed:
                    raise PolicyBlocked(
                        "the edited text breaks Ozon's communication rules",
                        code="edit_blocked",
                        details=verdict.model_dump(mode="json")["violations"],
                    )
            elif draft.status == "blocked":
                raise PolicyBlocked(
                    "a blocked draft cannot be approved as it stands; edit the text first",
                    code="draft_blocked",
                    details=draft.compliance.get("violations", []),
                )
            final_text = check_text(final_text)  # Ozon's 1-1000 characters, before anything is queued
            outbox = []
            if draft.channel == "ozon":
                window = send_infos(session, [draft])[draft.id].window
                if window is not None and not window.open:
                    raise Conflict(
                        "Ozon's chat window has closed; this reply can no longer be sent",
                        code="chat_window_closed",
                        details={"window_closed_at": window.closes_at.isoformat() if window.closes_at else None},
                    )
                outbox.append(requeue(session, draft, final_text))
            return store.decide(
                draft_id,
                status="approved",
                actor=reviewer,
                final_text=final_text,
                note="edited" if edited else None,
                allowed_from=REVIEWABLE_STATUSES,
                with_rows=outbox,
            )

    def reject(self, draft_id: str, reviewer: str, reason: str) -> DraftRow:
        with self.sessions() as session:
            return DraftStore(session).decide(
                draft_id,
                status="rejected",
                actor=reviewer,
                final_text=None,
                note=reason,
                allowed_from=REVIEWABLE_STATUSES,
            )

    def get_draft(self, draft_id: str) -> DraftRow:
        with self.sessions() as session:
            return DraftStore(session).get(draft_id)

    def list_drafts(self, statuses: tuple[str, ...], limit: int, offset: int) -> list[DraftRow]:
        with self.sessions() as session:
            return DraftStore(session).list(statuses, limit, offset)

    def send_infos(self, rows: list[DraftRow]) -> dict[str, SendInfo]:
        with self.sessions() as session:
            return send_infos(session, rows)

    def close(self) -> None:
        self.engine.dispose()


def _jsonable(order: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in order.items() if v is not None}
