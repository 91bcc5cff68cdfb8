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
