"""Request and response bodies of the v1 API."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.compliance import Violation

MAX_MESSAGE_CHARS = 4000

DraftStatus = Literal["pending_review", "needs_human", "blocked", "approved", "rejected", "send_failed"]
SendStatus = Literal["queued", "sending", "sent", "send_failed"]


class StrictBody(BaseModel):
    """Unknown fields are ignored (forward compatibility), but wrong types are rejected."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class OrderContext(StrictBody):
    posting_number: str | None = Field(default=None, max_length=64)
    status: str | None = Field(default=None, max_length=64)
    tracking_number: str | None = Field(default=None, max_length=64)
    delivery_date: dt.date | None = None
    product_name: str | None = Field(default=None, max_length=300)


class DraftCreate(StrictBody):
    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    chat_id: str | None = Field(default=None, min_length=1, max_length=128)
    message_id: str | None = Field(default=None, min_length=1, max_length=128)
    received_at: dt.datetime | None = None
    order: OrderContext | None = None

    @field_validator("received_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        """A time without a zone is taken as UTC, the only unambiguous reading."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


class Parts(BaseModel):
    acknowledgement: str
    solution: str
    support: str


class Source(BaseModel):
    entry_id: str
    topic: str
    score: float


class Compliance(BaseModel):
    allowed: bool
    violations: list[Violation]


class Usage(BaseModel):
    """Model calls one draft needed (repairs and retries included); cost is 0 for unpriced models."""

    calls: int
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cost_usd: float
    latency_ms: float
    models: list[str]


class GroundingFlag(BaseModel):
    """A number or promise in the draft that neither the knowledge base nor the order supports."""

    start: int
    end: int
    excerpt: str
    kind: Literal["number", "promise"]


class PromptInfo(BaseModel):
    version: str
    sha256: str


class HistoryEvent(BaseModel):
    status: str
    actor: str
    text: str | None
    note: str | None
    at: dt.datetime


class DraftOut(BaseModel):
    id: str
    status: DraftStatus
    reason: str | None
    text: str
    parts: Parts
    sources: list[Source]
    compliance: Compliance
    drafter: str
    message: str
    chat_id: str | None
    message_id: str | None
    order: OrderContext | None
    created_at: dt.datetime
    received_at: dt.datetime
    due_at: dt.datetime
    decided_at: dt.datetime | None
    decided_by: str | None
    final_text: str | None
    history: list[HistoryEvent]
    prompt: PromptInfo | None = None
    usage: Usage | None = None
    grounding: list[GroundingFlag] = []
    steps: list[str] = Field(default=[], description="fixes the model's reply needed, e.g. repair_json, retry_russian")
    kind: Literal["reply", "notice"] = Field(default="reply", description="notice: a proactive message about an order")
    overdue: bool = Field(default=False, description="still open and past due_at")
    notice: NoticeInfo | None = Field(default=None, description="what a notice announces; null for replies")
    channel: Literal["api", "ozon"] = Field(default="api", description="ozon: came from an Ozon chat, sent back there")
    chat_type: str | None = Field(default=None, description="Ozon's chat type, e.g. Buyer_Seller")
    send_status: SendStatus | None = Field(default=None, description="outbox state of an approved Ozon reply")
    send_error: str | None = Field(default=None, description="Ozon's last error while sending")
    send_attempts: int = 0
    sent_at: dt.datetime | None = None
    read_at: dt.datetime | None = Field(default=None, description="when the chat was marked read after sending")
    sendable: bool | None = Field(default=None, description="false once Ozon's chat window has closed; null off Ozon")
    window_closes_at: dt.datetime | None = Field(default=None, description="null while the window has no end yet")
    window_rule: str | None = Field(default=None, description="buyer_48h, fbs_until_delivery or fbs_after_delivery")


class NoticeInfo(BaseModel):
    event: str
    posting_number: str
    order_number: str | None = None
    order_created_at: dt.datetime | None = None
    tracking_number: str | None = None
    new_date: dt.date | None = None
    product_name: str | None = None
    source: str = "api"


class DraftList(BaseModel):
    items: list[DraftOut]
    limit: int
    offset: int


class ApproveBody(StrictBody):
    reviewer: str = Field(min_length=1, max_length=128)
    text: str | None = Field(default=None, min_length=1, max_length=1000)


class RejectBody(StrictBody):
    reviewer: str = Field(min_length=1, max_length=128)
    reason: str = Field(min_length=1, max_length=1000)


def _as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A time without a zone is taken as UTC, the only unambiguous reading."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


class NoticeCreate(StrictBody):
    event: Literal["shipped", "delivered", "delayed", "unpaid_reminder"]
    posting_number: str | None = Field(default=None, min_length=1, max_length=64)
    order_number: str | None = Field(default=None, min_length=1, max_length=64, description="when no posting_number")
    chat_id: str | None = Field(default=None, min_length=1, max_length=128)
    order_created_at: dt.datetime | None = Field(default=None, description="unpaid_reminder: within 48 h of this")
    tracking_number: str | None = Field(default=None, min_length=1, max_length=64, description="shipped: required")
    new_date: dt.date | None = Field(default=None, description="delayed: the new delivery date, required")
    product_name: str | None = Field(default=None, min_length=1, max_length=300)

    @field_validator("order_created_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        return _as_utc(value)


class Quantiles(BaseModel):
    p50: float | None
    p90: float | None


class EntryRates(BaseModel):
    decided: int
    approved: int
    edited: int
    acceptance_rate: float | None = Field(description="approved / decided")
    edit_rate: float | None = Field(description="approved with an edited text / approved")


class WindowStatsOut(BaseModel):
    first_response_seconds: Quantiles
    response_rate: float | None = Field(description="answered within the deadline / messages whose outcome is known")
    total: int = Field(description="buyer messages received in the window")
    answered: int
    answered_in_time: int
    pending: int = Field(description="open and still within the deadline: not counted in response_rate")
    overdue: int = Field(description="open and past the deadline")
    acceptance_rate: float | None
    edit_rate: float | None
    decided: int
    by_entry: dict[str, EntryRates] = Field(description="keyed by the draft's top knowledge entry id")


class StatsOut(BaseModel):
    generated_at: dt.datetime
    deadline_hours: float
    windows: dict[str, WindowStatsOut]


class RetrieveBody(StrictBody):
    question: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    k: int = Field(default=3, ge=1, le=20)
    order_status: str | None = Field(default=None, max_length=64, description="e.g. awaiting_payment, delivered")


class RetrievedEntry(BaseModel):
    entry_id: str
    topic: str
    score: float
    question: str
    answer: str


class RetrieveOut(BaseModel):
    abstain: bool
    reason: str | None = Field(description="low_score or out_of_scope when abstaining")
    confidence: float = Field(description="best entry's similarity, compared with the abstain threshold")
    results: list[RetrievedEntry]


class ReloadOut(BaseModel):
    entries: int
    content_hash: str
    index: str


class ComplianceBody(StrictBody):
    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)


class KnowledgeEntryOut(BaseModel):
    id: str
    topic: str
    title: str
    questions: list[str]
    answer: Parts


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: object | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail
