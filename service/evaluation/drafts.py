"""End-to-end drafting eval: buyer messages with order context through the configured drafter.

It runs the real service (retrieval, drafter, guards, compliance) against a throw-away SQLite
file, so the numbers describe what a reviewer would see in the queue.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from service.config import Settings, get_settings
from service.drafting.guards import is_russian
from service.drafting.parts import GREETING, MAX_REPLY_CHARS
from service.drafting.slots import order_values
from service.evaluation.common import EVALS_DIR, write_report

# Floors for `make test`: every draft the service ships must be well-formed, Russian and compliant.
GATE = {"structure_ok": 1.0, "russian": 1.0, "compliance_pass": 1.0}


def load_messages() -> list[dict[str, Any]]:
    data = yaml.safe_load((EVALS_DIR / "drafts" / "messages.yaml").read_text(encoding="utf-8"))
    messages: list[dict[str, Any]] = data["messages"]
    return messages


def evaluate_drafts(settings: Settings, messages: list[dict[str, Any]], embedder: Any = None) -> dict[str, Any]:
    from service.core import DraftInput, Otvet

    with tempfile.TemporaryDirectory(prefix="otvet-eval-") as tmp:
        isolated = settings.model_copy(update={"database_url": f"sqlite:///{Path(tmp) / 'eval.db'}"})
        service = Otvet(isolated, embedder=embedder)
        rows = []
        try:
            for message in messages:
                started = time.perf_counter()
                row, _ = service.create_draft(DraftInput(message=message["text"], order=message.get("order") or None))
                rows.append((message, row, (time.perf_counter() - started) * 1000))
        finally:
            service.close()
    return _score(rows, drafter="llm" if settings.llm_enabled else "offline", model=settings.llm_model or None)


def _score(rows: list[tuple[dict[str, Any], Any, float]], *, drafter: str, model: str | None) -> dict[str, Any]:
    answered = [(m, r, ms) for m, r, ms in rows if r.reason != "no_match"]
    per_message = []
    slots_expected = slots_used = 0
    for message, row, ms in rows:
        text = row.text
        structure = (
            all(str(row.parts.get(part, "")).strip() for part in ("acknowledgement", "solution", "support"))
            and text.startswith(GREETING)
            and len(text) <= MAX_REPLY_CHARS
        )
        formatted = order_values(message.get("order") or {})
        expected = [field for field in message.get("expects_order_data") or [] if field in formatted]
        used = [field for field in expected if formatted[field] in text]
        if row.reason != "no_match":
            slots_expected += len(expected)
            slots_used += len(used)
        usage = row.meta.get("usage") or {}
        per_message.append(
            {
                "id": message["id"],
                "status": row.status,
                "reason": row.reason,
                "drafter": row.drafter,
                "topic": row.sources[0]["topic"] if row.sources else None,
                "topic_ok": bool(row.sources) and row.sources[0]["topic"] in message.get("topics", []),
                "structure_ok": structure,
                "russian": is_russian(text),
                "compliance_pass": bool(row.compliance.get("allowed")),
                "grounding_flags": len(row.meta.get("grounding") or []),
                "order_fields_expected": expected,
                "order_fields_used": used,
                "latency_ms": round(ms, 1),
                "tokens": usage.get("total_tokens", 0),
                "cost_usd": usage.get("cost_usd", 0.0),
                "steps": row.meta.get("steps", []),
                "text": text,
            }
        )
    latencies = [ms for _, _, ms in rows]
    share = _share(per_message)
    return {
        "drafter": drafter,
        "model": model,
        "messages": len(rows),
        "answered": len(answered),
        "structure_ok": share("structure_ok"),
        "russian": share("russian"),
        "compliance_pass": share("compliance_pass"),
        "topic_ok": share("topic_ok"),
        "grounding_flagged": round(sum(m["grounding_flags"] > 0 for m in per_message) / len(per_message), 4),
        "fell_back_to_offline": round(sum(m["drafter"] == "offline" for m in per_message) / len(per_message), 4)
        if drafter == "llm"
        else 0.0,
        "order_data_used": round(slots_used / slots_expected, 4) if slots_expected else 1.0,
        "latency_ms_p50": round(statistics.median(latencies), 1),
        "latency_ms_p95": round(_percentile(latencies, 95), 1),
        "tokens_total": sum(m["tokens"] for m in per_message),
        "cost_usd_total": round(sum(m["cost_usd"] for m in per_message), 6),
        "per_message": per_message,
    }


def _share(rows: list[dict[str, Any]]) -> Any:
    return lambda key: round(sum(bool(row[key]) for row in rows) / len(rows), 4) if rows else 1.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


METRICS = (
    "messages", "answered", "structure_ok", "russian", "compliance_pass", "topic_ok", "grounding_flagged",
    "fell_back_to_offline", "order_data_used", "latency_ms_p50", "latency_ms_p95", "tokens_total", "cost_usd_total",
)  # fmt: skip


def run(*, gate: bool, out_dir: Path, limit: int | None = None) -> bool:
    settings = get_settings()
    report = evaluate_drafts(settings, load_messages()[:limit])
    title = f"{report['drafter']}" + (f" ({report['model']})" if report["model"] else "")
    lines = [f"# Drafting eval: {title}", "", "| metric | value |", "|---|---:|"]
    lines += [f"| {name} | {report[name]} |" for name in METRICS]
    print("\n".join(lines))
    lines += ["", "## Drafts", ""]
    for row in report["per_message"]:
        marks = [] if row["structure_ok"] and row["russian"] and row["compliance_pass"] else ["**check**"]
        lines.append(f"- `{row['id']}` {row['status']} {row['reason'] or ''} {' '.join(marks)}: "
                     + row["text"].replace("\n\n", " ⏎ "))  # fmt: skip
    write_report(out_dir, f"drafts-{report['drafter']}", report, "\n".join(lines) + "\n")
    failed = [f"{name} {report[name]} < {floor}" for name, floor in GATE.items() if report[name] < floor]
    for failure in failed:
        print(f"GATE FAILED: drafts {failure}")
    return not (gate and failed)
