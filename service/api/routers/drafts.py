"""The review queue: create drafts, list them by urgency, approve, edit or reject."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from service.api.deps import OtvetDep
from service.api.schemas import (
    ApproveBody,
    DraftCreate,
    DraftList,
    DraftOut,
    ErrorBody,
    HistoryEvent,
    OrderContext,
    RejectBody,
)
from service.core import DraftInput, Otvet
from service.errors import InputError
from service.ozon.queue import SendInfo
from service.storage.drafts import ALL_STATUSES, OPEN_STATUSES, REVIEWABLE_STATUSES, utcnow
from service.storage.tables import DraftRow

router = APIRouter(prefix="/v1/drafts", tags=["drafts"])

ERRORS: dict[int | str, dict[str, object]] = {code: {"model": ErrorBody} for code in (400, 401, 404, 409, 422)}


def to_out(row: DraftRow, info: SendInfo | None = None) -> DraftOut:
    window = info.window if info else None
    return DraftOut.model_validate(
        {
            "id": row.id,
            "status": row.status,
            "reason": row.reason,
            "text": row.text,
            "parts": row.parts,
            "sources": row.sources,
            "compliance": row.compliance,
            "drafter": row.drafter,
            "message": row.message,
            "chat_id": row.chat_id,
            "message_id": row.message_id,
            "order": OrderContext.model_validate(row.order_data) if row.order_data else None,
            "created_at": row.created_at,
            "received_at": row.received_at,
            "due_at": row.due_at,
            "decided_at": row.decided_at,
            "decided_by": row.decided_by,
            "final_text": row.final_text,
            "history": [
                HistoryEvent(status=e.status, actor=e.actor, text=e.text, note=e.note, at=e.created_at)
                for e in row.events
            ],
            "prompt": row.meta.get("prompt"),
            "usage": row.meta.get("usage"),
            "grounding": row.meta.get("grounding", []),
            "steps": row.meta.get("steps", []),
            "kind": row.kind,
            "overdue": row.status in OPEN_STATUSES and row.due_at < utcnow(),
            "notice": row.meta.get("notice"),
            "channel": row.channel,
            "chat_type": row.chat_type,
            "send_status": info.send_status if info else None,
            "send_error": info.send_error if info else None,
            "send_attempts": info.send_attempts if info else 0,
            "sent_at": info.sent_at if info else None,
            "read_at": info.read_at if info else None,
            "sendable": window.open if window else None,
            "window_closes_at": window.closes_at if window else None,
            "window_rule": window.rule if window else None,
        }
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses={200: {"model": DraftOut}, **ERRORS})
def create_draft(body: DraftCreate, otvet: OtvetDep, response: Response) -> DraftOut:
    """Draft a reply. The same ``chat_id`` + ``message_id`` again returns the first draft (200)."""
    order = body.order.model_dump(exclude_none=True) if body.order else None
    row, created = otvet.create_draft(
        DraftInput(
            message=body.message,
            chat_id=body.chat_id,
            message_id=body.message_id,
            received_at=body.received_at,
            order=order,
        )
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return _out(otvet, row)


@router.get("", responses=ERRORS)
def list_drafts(
    otvet: OtvetDep,
    status_filter: Annotated[
        list[str] | None,
        Query(alias="status", description="Repeat or comma-separate; default: every open status"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DraftList:
    """The queue, most urgent ``due_at`` first; by default every status that needs a human, ``send_failed`` too;
    ``overdue`` marks open drafts past their ``due_at``."""
    wanted = tuple(s.strip() for raw in status_filter or [] for s in raw.split(",") if s.strip())
    unknown = sorted(set(wanted) - set(ALL_STATUSES))
    if unknown:
        raise InputError(
            f"unknown status {', '.join(unknown)}; expected one of {', '.join(ALL_STATUSES)}",
            code="invalid_status",
        )
    rows = otvet.list_drafts(wanted or REVIEWABLE_STATUSES, limit, offset)
    infos = otvet.send_infos(rows)
    return DraftList(items=[to_out(row, infos.get(row.id)) for row in rows], limit=limit, offset=offset)


@router.get("/{draft_id}", responses=ERRORS)
def get_draft(draft_id: str, otvet: OtvetDep) -> DraftOut:
    return _out(otvet, otvet.get_draft(draft_id))


@router.post("/{draft_id}/approve", responses=ERRORS)
def approve_draft(draft_id: str, body: ApproveBody, otvet: OtvetDep) -> DraftOut:
    """Approve as drafted, or with ``text`` edited; an edit is checked against the rules again."""
    return _out(otvet, otvet.approve(draft_id, body.reviewer, body.text))


@router.post("/{draft_id}/reject", responses=ERRORS)
def reject_draft(draft_id: str, body: RejectBody, otvet: OtvetDep) -> DraftOut:
    return _out(otvet, otvet.reject(draft_id, body.reviewer, body.reason))


def _out(otvet: Otvet, row: DraftRow) -> DraftOut:
    return to_out(row, otvet.send_infos([row]).get(row.id))
