"""Turns a notice request, or the holiday reply, into checked three-part text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from service.compliance import ComplianceResult, check
from service.drafting.parts import MAX_REPLY_CHARS, ReplyParts
from service.drafting.slots import fill_first, format_date_ru
from service.knowledge.models import PART_NAMES, AnswerTemplate
from service.notices.requests import NoticeRequest, moscow_today
from service.notices.templates import HOLIDAY, NoticeTemplates


@dataclass(frozen=True)
class ComposedText:
    parts: ReplyParts
    compliance: ComplianceResult

    @property
    def status(self) -> str:
        return "pending_review" if self.compliance.allowed else "blocked"

    @property
    def reason(self) -> str | None:
        return None if self.compliance.allowed else "policy_violation"


def _fill(template: AnswerTemplate, values: Mapping[str, str]) -> ComposedText:
    filled: dict[str, str] = {}
    for part in PART_NAMES:
        text = fill_first(template.parts()[part], values)
        if text is None:  # the template check guarantees an alternative needing only required slots
            raise ValueError(f"no alternative for {part} can be filled")
        filled[part] = text
    parts = ReplyParts(**filled)
    return ComposedText(parts, check(parts.text()))


def compose_notice(templates: NoticeTemplates, request: NoticeRequest, settings: Mapping[str, str]) -> ComposedText:
    """Slot values come from the caller, so the result is checked like any reply: a bad value blocks it."""
    facts = {
        "posting_number": request.posting_number,
        "tracking_number": request.tracking_number,
        "new_date": format_date_ru(request.new_date) if request.new_date else None,
        "product_name": request.product_name,
    }
    values = {**settings, **{name: value.strip() for name, value in facts.items() if value and value.strip()}}
    composed = _fill(templates[request.event], values)
    if len(composed.parts.text()) > MAX_REPLY_CHARS and "product_name" in values:
        # A long product name must not cost the notice its place in one Ozon message.
        composed = _fill(templates[request.event], {k: v for k, v in values.items() if k != "product_name"})
    return composed


def holiday_active(until: dt.date | None, now: dt.datetime) -> bool:
    return until is not None and moscow_today(now) < until


def compose_holiday(templates: NoticeTemplates, until: dt.date, settings: Mapping[str, str]) -> ComposedText:
    return _fill(templates[HOLIDAY], {**settings, "resume_date": format_date_ru(until)})
