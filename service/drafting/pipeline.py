"""Retrieval result → reply parts → compliance verdict → the status a human sees first."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from service.compliance import ComplianceResult, check
from service.drafting.llm import LLMDrafter
from service.drafting.offline import OfflineDrafter
from service.drafting.parts import HOLDING_REPLY, ReplyParts
from service.errors import ModelError
from service.retrieval.retriever import RetrievalResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ComposedDraft:
    status: str
    reason: str | None
    parts: ReplyParts
    compliance: ComplianceResult
    drafter: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    prompt: dict[str, str] | None = None

    @property
    def text(self) -> str:
        return self.parts.text()


def compose_draft(
    message: str,
    retrieval: RetrievalResult,
    values: Mapping[str, str],
    order_values: Mapping[str, str],
    llm: LLMDrafter | None,
) -> ComposedDraft:
    sources = [
        {"entry_id": hit.entry.id, "topic": hit.entry.topic, "score": round(hit.score, 4)} for hit in retrieval.hits
    ]
    if retrieval.abstain:
        # A confident wrong answer costs more than a short wait for a human.
        return _verdict(HOLDING_REPLY, "holding", "no_match", sources, None)

    top = retrieval.hits[0].entry
    offline = OfflineDrafter().draft(top, values)
    if llm is None:
        return _verdict(offline, OfflineDrafter.name, None, sources, None)

    prompt = llm.render(message, retrieval.hits, order_values)
    prompt_info = {"version": prompt.version, "sha256": prompt.sha256}
    try:
        parts = llm.draft(prompt)
    except ModelError as exc:
        log.warning("LLM draft failed (%s); using the offline draft", exc.code)
        return _verdict(offline, OfflineDrafter.name, exc.code, sources, prompt_info)
    composed = _verdict(parts, LLMDrafter.name, None, sources, prompt_info)
    if composed.status == "blocked":
        fallback = _verdict(offline, OfflineDrafter.name, "llm_draft_blocked", sources, prompt_info)
        if fallback.status != "blocked":
            return fallback
    return composed


def _verdict(
    parts: ReplyParts,
    drafter: str,
    reason: str | None,
    sources: list[dict[str, Any]],
    prompt: dict[str, str] | None,
) -> ComposedDraft:
    compliance = check(parts.text())
    if not compliance.allowed:
        status, reason = "blocked", reason or "policy_violation"
    elif reason == "no_match":
        status = "needs_human"
    else:
        status = "pending_review"
    return ComposedDraft(status, reason, parts, compliance, drafter, sources, prompt)
