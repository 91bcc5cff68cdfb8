"""Eval suites over ``evals/``: retrieval quality and compliance accuracy, with CI gates.

The eval questions are written apart from the knowledge base's own examples, so a score here
says how the service does on messages it has never seen.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from service.config import ROOT_DIR, get_settings

if TYPE_CHECKING:
    from service.retrieval.retriever import Retriever

EVALS_DIR = ROOT_DIR / "evals"

# Floors the CI gate enforces on the test split.
RETRIEVAL_GATE = {"recall@1": 0.70, "recall@3": 0.85}
COMPLIANCE_GATE = {"block_recall": 0.95, "false_block_rate": 0.05}


@dataclass
class RetrievalReport:
    split: str
    questions: int
    in_scope: int
    off_topic: int
    metrics: dict[str, float]
    misses: list[dict[str, Any]] = field(default_factory=list)


def load_questions() -> list[dict[str, Any]]:
    data = yaml.safe_load((EVALS_DIR / "retrieval" / "questions.yaml").read_text(encoding="utf-8"))
    questions: list[dict[str, Any]] = data["questions"]
    return questions


def load_compliance_cases() -> list[dict[str, Any]]:
    data = yaml.safe_load((EVALS_DIR / "compliance" / "cases.yaml").read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 1.0


def make_retriever() -> Retriever:
    from service.knowledge import load_knowledge_base
    from service.retrieval.embedder import Embedder
    from service.retrieval.retriever import Retriever

    settings = get_settings()
    return Retriever(
        load_knowledge_base(settings.knowledge_dir),
        Embedder(settings.embedding_model),
        settings.index_dir,
        settings.retrieval_min_score,
    )


def evaluate_retrieval(retriever: Retriever, questions: list[dict[str, Any]], split: str) -> RetrievalReport:
    chosen = [q for q in questions if split == "all" or q["split"] == split]
    hit1 = hit3 = reciprocal = abstained_in = abstained_off = off_topic = 0
    misses: list[dict[str, Any]] = []
    latencies: list[float] = []
    for question in chosen:
        started = time.perf_counter()
        result = retriever.search(question["text"], k=3)
        latencies.append(time.perf_counter() - started)
        expected = set(question["topics"])
        ranked = [hit.entry.topic for hit in result.hits]
        top = {"top": ranked[:3], "scores": [round(h.score, 3) for h in result.hits]}
        if not expected:
            off_topic += 1
            abstained_off += result.abstain
            if not result.abstain:
                misses.append({"id": question["id"], "text": question["text"], "expected": [], **top})
            continue
        if result.abstain:
            abstained_in += 1
            misses.append(
                {"id": question["id"], "text": question["text"], "expected": sorted(expected), "abstained": True, **top}
            )
            continue
        rank = next((i for i, topic in enumerate(ranked) if topic in expected), None)
        hit1 += rank == 0
        hit3 += rank is not None and rank < 3
        reciprocal_rank = 1 / (rank + 1) if rank is not None else 0.0
        reciprocal += reciprocal_rank  # type: ignore[assignment]
        if rank != 0:
            misses.append({"id": question["id"], "text": question["text"], "expected": sorted(expected), **top})
    in_scope = len(chosen) - off_topic
    abstained = abstained_in + abstained_off
    latencies.sort()
    metrics = {
        "recall@1": _ratio(hit1, in_scope),
        "recall@3": _ratio(hit3, in_scope),
        "mrr": round(reciprocal / in_scope, 4) if in_scope else 1.0,
        "abstain_precision": _ratio(abstained_off, abstained),
        "abstain_recall": _ratio(abstained_off, off_topic),
        "false_abstain_rate": _ratio(abstained_in, in_scope),
        "latency_p50_ms": round(latencies[len(latencies) // 2] * 1000, 1) if latencies else 0.0,
    }
    return RetrievalReport(split, len(chosen), in_scope, off_topic, metrics, misses)


def evaluate_compliance(cases: list[dict[str, Any]], split: str, tiers: set[str] | None = None) -> dict[str, Any]:
    from service.compliance import check

    chosen = [c for c in cases if (split == "all" or c["split"] == split) and (not tiers or c["tier"] in tiers)]
    blocked_total = blocked_caught = allowed_total = false_blocks = 0
    per_code: Counter[str] = Counter()
    per_code_caught: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for case in chosen:
        expected = set(case["expected"])
        found = {v.code.value for v in check(case["text"]).violations}
        if expected:
            blocked_total += 1
            blocked_caught += bool(found)
            for code in expected:
                per_code[code] += 1
                per_code_caught[code] += code in found
            if not found or not expected <= found:
                misses.append(
                    {"id": case["id"], "text": case["text"], "expected": sorted(expected), "found": sorted(found)}
                )
        else:
            allowed_total += 1
            false_blocks += bool(found)
            if found:
                misses.append({"id": case["id"], "text": case["text"], "expected": [], "found": sorted(found)})
    return {
        "split": split,
        "tiers": sorted(tiers) if tiers else "all",
        "cases": len(chosen),
        "block_recall": _ratio(blocked_caught, blocked_total),
        "false_block_rate": round(false_blocks / allowed_total, 4) if allowed_total else 0.0,
        "per_code_recall": {code: _ratio(per_code_caught[code], n) for code, n in sorted(per_code.items())},
        "misses": misses,
    }


def _write(out_dir: Path, name: str, payload: dict[str, Any], markdown: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / f"{name}.md").write_text(markdown, encoding="utf-8")


def _retrieval(gate: bool, out_dir: Path) -> bool:
    questions = load_questions()
    retriever = make_retriever()
    reports = [evaluate_retrieval(retriever, questions, split) for split in ("dev", "test")]
    lines = [
        "# Retrieval eval",
        "",
        "| split | questions | " + " | ".join(reports[0].metrics) + " |",
        "|---|---|" + "---|" * len(reports[0].metrics),
    ]
    for report in reports:
        lines.append(f"| {report.split} | {report.questions} | " + " | ".join(map(str, report.metrics.values())) + " |")
    lines += ["", "## Misses (test split)", ""]
    lines += [f"- {m['id']}: «{m['text']}» expected {m['expected']} got {m['top']}" for m in reports[1].misses]
    markdown = "\n".join(lines) + "\n"
    print("\n".join(lines[: 4 + len(reports)]))
    _write(out_dir, "retrieval", {"reports": [asdict(r) for r in reports]}, markdown)
    test = reports[1].metrics
    failed = [f"{name} {test[name]} < {floor}" for name, floor in RETRIEVAL_GATE.items() if test[name] < floor]
    for failure in failed:
        print(f"GATE FAILED: retrieval {failure}")
    return not (gate and failed)


def _compliance(gate: bool, out_dir: Path) -> bool:
    cases = load_compliance_cases()
    results = [
        evaluate_compliance(cases, split, tiers)
        for split in ("dev", "test")
        for tiers in ({"basic"}, {"basic", "obfuscated", "lookalike"})
    ]
    lines = [
        "# Compliance eval",
        "",
        "| split | tiers | cases | block recall | false blocks |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        tiers = ",".join(r["tiers"]) if isinstance(r["tiers"], list) else r["tiers"]
        lines.append(f"| {r['split']} | {tiers} | {r['cases']} | {r['block_recall']} | {r['false_block_rate']} |")
    print("\n".join(lines))
    _write(out_dir, "compliance", {"results": results}, "\n".join(lines) + "\n")
    gated = results[2]  # test split, basic tier
    failed = []
    if gated["block_recall"] < COMPLIANCE_GATE["block_recall"]:
        failed.append(f"block recall {gated['block_recall']} < {COMPLIANCE_GATE['block_recall']}")
    if gated["false_block_rate"] > COMPLIANCE_GATE["false_block_rate"]:
        failed.append(f"false blocks {gated['false_block_rate']} > {COMPLIANCE_GATE['false_block_rate']}")
    for failure in failed:
        print(f"GATE FAILED: compliance {failure}")
    return not (gate and failed)


def run_eval(suite: str, *, gate: bool, out_dir: Path) -> int:
    ok = True
    if suite in ("retrieval", "all"):
        ok &= _retrieval(gate, out_dir)
    if suite in ("compliance", "all"):
        ok &= _compliance(gate, out_dir)
    return 0 if ok else 1
