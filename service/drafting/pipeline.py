"""Retrieval result → reply parts → guards → compliance verdict → the status a human sees first.

With a model configured, every draft goes through the same ladder: one repair of invalid JSON,
one retry when the reply is not Russian, one shortening when it is too long, one regeneration
when it breaks a rule. Whatever still fails falls back to the offline draft, with the reason
stored, because a plain knowledge-base reply serves a seller better than no draft at all.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from service.compliance import ComplianceResult, check
from service.drafting.guards import cut_at_sentence, is_russian, ungrounded
from service.drafting.llm import LLMDrafter, Usage, parse_parts
from service.drafting.offline import OfflineDrafter
from service.drafting.parts import GREETING, HOLDING_REPLY, MAX_REPLY_CHARS, ReplyParts
from service.errors import ModelError
from service.retrieval.retriever import RetrievalResult

log = logging.getLogger(__name__)

UNGROUNDED = "UNGROUNDED"


@dataclass(frozen=True)
class ComposedDraft:
    status: str
    reason: str | None
    parts: ReplyParts
    compliance: ComplianceResult
    drafter: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

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
        return _verdict(HOLDING_REPLY, "holding", "no_match", sources, {})

    offline_drafter = OfflineDrafter()
    offline = offline_drafter.draft(retrieval.hits[0].entry, values)
    if llm is None:
        return _verdict(offline, OfflineDrafter.name, None, sources, {})

    # The model sees each entry as the offline drafter would send it: slots filled, so it can quote them.
    filled = {hit.entry.id: offline_drafter.draft(hit.entry, values).text() for hit in retrieval.hits}
    prompt = llm.render(message, retrieval.hits, order_values, filled)
    usage = Usage()
    steps: list[str] = []
    meta: dict[str, Any] = {"prompt": {"version": prompt.version, "sha256": prompt.sha256}, "steps": steps}
    try:
        parts, checked = _generate(llm, prompt.messages, usage, steps)
    except ModelError as exc:
        log.warning("LLM draft failed (%s); using the offline draft", exc.code)
        return _verdict(offline, OfflineDrafter.name, exc.code, sources, meta)
    finally:  # runs before either return completes, and meta is shared with the verdict
        meta["usage"] = usage.as_dict()

    evidence = [*filled.values(), *order_values.values(), *values.values()]
    flags = ungrounded(parts.text(), evidence)
    meta["grounding"] = [flag.as_dict() for flag in flags]
    composed = _verdict(parts, LLMDrafter.name, UNGROUNDED if flags else None, sources, meta, checked)
    if composed.status == "blocked":
        fallback = _verdict(offline, OfflineDrafter.name, "llm_draft_blocked", sources, {**meta, "grounding": []})
        if fallback.status != "blocked":
            return fallback
    return composed


def _generate(
    llm: LLMDrafter, messages: list[dict[str, str]], usage: Usage, steps: list[str]
) -> tuple[ReplyParts, ComplianceResult | None]:
    """The ladder of at-most-once fixes; raises ModelError with the reason when it runs out.

    Also returns the compliance verdict on the final text when it already has one, so a draft
    is checked once unless it was regenerated.
    """
    content = llm.complete(messages, usage)
    parts = _parsed(content)
    if isinstance(parts, ModelError):
        steps.append("repair_json")
        parts = _parsed(_follow_up(llm, messages, content, _REPAIR.format(problem=parts), usage))
        if isinstance(parts, ModelError):
            raise parts
    if not is_russian(parts.text()):
        steps.append("retry_russian")
        parts = _parsed(_follow_up(llm, messages, _dump(parts), _RUSSIAN, usage))
        if isinstance(parts, ModelError):
            raise parts
        if not is_russian(parts.text()):
            raise ModelError("the model answered in another language twice", code="llm_not_russian")
    if len(parts.text()) > MAX_REPLY_CHARS:
        steps.append("shorten")
        shorter = _attempt(llm, messages, _dump(parts), _SHORTEN.format(limit=MAX_REPLY_CHARS), usage)
        parts = shorter if isinstance(shorter, ReplyParts) else parts
        if len(parts.text()) > MAX_REPLY_CHARS:
            steps.append("cut")
            parts = _cut(parts)
    verdict = check(parts.text())
    if not verdict.allowed:
        steps.append("regenerate_compliance")
        named = "; ".join(f"«{v.excerpt}»: {v.message}" for v in verdict.violations)
        again = _attempt(llm, messages, _dump(parts), _COMPLIANCE.format(violations=named), usage)
        if isinstance(again, ReplyParts) and is_russian(again.text()) and len(again.text()) <= MAX_REPLY_CHARS:
            return again, None
    return parts, verdict


def _follow_up(llm: LLMDrafter, messages: list[dict[str, str]], previous: str, ask: str, usage: Usage) -> str:
    return llm.complete(
        [*messages, {"role": "assistant", "content": previous}, {"role": "user", "content": ask}], usage
    )


def _attempt(
    llm: LLMDrafter, messages: list[dict[str, str]], previous: str, ask: str, usage: Usage
) -> ReplyParts | ModelError:
    """An optional improvement: when the call itself fails, the caller keeps what it has."""
    try:
        return _parsed(_follow_up(llm, messages, previous, ask, usage))
    except ModelError as exc:
        return exc


def _parsed(content: str) -> ReplyParts | ModelError:
    try:
        parts = parse_parts(content)
    except ModelError as exc:
        return exc
    if not parts.acknowledgement.lstrip().startswith(GREETING):
        return ModelError(f"the reply must start with «{GREETING}»", code="llm_invalid_output")
    return parts


def _dump(parts: ReplyParts) -> str:
    return parts.model_dump_json()


def _cut(parts: ReplyParts) -> ReplyParts:
    """Keep the greeting and the support line whole; the solution gives way, at a sentence end."""
    room = MAX_REPLY_CHARS - len(parts.acknowledgement.strip()) - len(parts.support.strip()) - 4
    solution = cut_at_sentence(parts.solution.strip(), max(room, 0))
    if solution:
        return parts.model_copy(update={"solution": solution})
    return ReplyParts.model_validate(  # a support line that long is cut instead
        {**parts.model_dump(), "support": cut_at_sentence(parts.support.strip(), MAX_REPLY_CHARS // 4) or "—"}
    )


_REPAIR = (
    "Ответ не удалось разобрать: {problem}. Верните только JSON-объект с тремя строковыми полями "
    '"acknowledgement", "solution" и "support", без пояснений; acknowledgement начинается со слова «Здравствуйте».'
)
_RUSSIAN = "Ответ должен быть на русском языке. Перепишите все три части по-русски и верните тот же JSON-объект."
_SHORTEN = "Ответ длиннее {limit} символов. Сократите его, сохранив суть и три части, и верните тот же JSON-объект."
_COMPLIANCE = (
    "Ответ нарушает правила общения на Ozon: {violations}. Перепишите его без этих фрагментов: всё общение — "
    "только в чате Ozon. Верните тот же JSON-объект."
)


def _verdict(
    parts: ReplyParts,
    drafter: str,
    reason: str | None,
    sources: list[dict[str, Any]],
    meta: dict[str, Any],
    compliance: ComplianceResult | None = None,
) -> ComposedDraft:
    compliance = compliance if compliance is not None else check(parts.text())
    if not compliance.allowed:
        status, reason = "blocked", (reason if reason and reason != UNGROUNDED else "policy_violation")
    elif reason in {"no_match", UNGROUNDED}:
        status = "needs_human"
    else:
        status = "pending_review"
    return ComposedDraft(status, reason, parts, compliance, drafter, sources, meta)
