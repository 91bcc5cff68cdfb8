"""Proactive notices about an order: drafted from templates and queued with the replies."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from service.api.deps import OtvetDep
from service.api.routers.drafts import ERRORS, to_out
from service.api.schemas import DraftOut, NoticeCreate
from service.errors import InputError
from service.notices.requests import NoticeRequest

router = APIRouter(prefix="/v1/notices", tags=["notices"])


@router.post("", status_code=status.HTTP_201_CREATED, responses={200: {"model": DraftOut}, **ERRORS})
def create_notice(body: NoticeCreate, otvet: OtvetDep, response: Response) -> DraftOut:
    """Draft a notice for approval (or approve it, with ``OTVET_AUTO_APPROVE_NOTICES``).

    The same event for the same posting again returns the first notice (200).
    """
    posting = body.posting_number or body.order_number
    if posting is None:
        raise InputError("a notice needs posting_number or order_number", code="posting_number_required")
    row, created = otvet.create_notice(
        NoticeRequest(
            event=body.event,
            posting_number=posting,
            chat_id=body.chat_id,
            order_number=body.order_number,
            order_created_at=body.order_created_at,
            tracking_number=body.tracking_number,
            new_date=body.new_date,
            product_name=body.product_name,
        )
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return to_out(row)
