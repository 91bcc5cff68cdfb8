"""Compliance eval: block recall and false blocks on labelled seller drafts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from service.evaluation.common import load_compliance_cases, ratio, write_report

# Floors the CI gate enforces on the test split (basic tier).
COMPLIANCE_GATE = {"block_recall": 0.95, "false_block_rate": 0.05}


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
        "block_recall": ratio(blocked_caught, blocked_total),
        "false_block_rate": round(false_blocks / allowed_total, 4) if allowed_total else 0.0,
        "per_code_recall": {code: ratio(per_code_caught[code], n) for code, n in sorted(per_code.items())},
        "misses": misses,
    }


def run(*, gate: bool, out_dir: Path) -> bool:
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
    write_report(out_dir, "compliance", {"results": results}, "\n".join(lines) + "\n")
    gated = results[2]  # test split, basic tier
    failed = []
    if gated["block_recall"] < COMPLIANCE_GATE["block_recall"]:
        failed.append(f"block recall {gated['block_recall']} < {COMPLIANCE_GATE['block_recall']}")
    if gated["false_block_rate"] > COMPLIANCE_GATE["false_block_rate"]:
        failed.append(f"false blocks {gated['false_block_rate']} > {COMPLIANCE_GATE['false_block_rate']}")
    for failure in failed:
        print(f"GATE FAILED: compliance {failure}")
    return not (gate and failed)
