"""Compliance eval: blocked against allowed on labelled seller drafts, per split and per tier."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from service.evaluation.common import load_compliance_cases, ratio, write_report

# Targets the issue sets for the held-out test split, all tiers together.
TARGET = {"block_recall": 0.98, "false_block_rate": 0.02}
# What `make test` enforces today: the measured level, so a regression fails CI while the
# filter works towards TARGET. Raise these as the test-split numbers rise; never lower them.
GATE = {"block_recall": 0.95, "false_block_rate": 0.02}
TIERS = ("basic", "obfuscated", "lookalike")


def evaluate_compliance(cases: list[dict[str, Any]], split: str, tiers: set[str] | None = None) -> dict[str, Any]:
    from service.compliance import check

    chosen = [c for c in cases if (split == "all" or c["split"] == split) and (not tiers or c["tier"] in tiers)]
    blocked_total = blocked_caught = allowed_total = false_blocks = 0
    per_code: Counter[str] = Counter()
    per_code_caught: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    wrong_blocks: list[dict[str, Any]] = []
    for case in chosen:
        expected = set(case["expected"])
        found = {v.code.value for v in check(case["text"]).violations}
        record = {"id": case["id"], "tier": case["tier"], "text": case["text"], "expected": sorted(expected),
                  "found": sorted(found)}  # fmt: skip
        if expected:
            blocked_total += 1
            blocked_caught += bool(found)
            for code in expected:
                per_code[code] += 1
                per_code_caught[code] += code in found
            if not found or not expected <= found:
                misses.append(record)
        else:
            allowed_total += 1
            false_blocks += bool(found)
            if found:
                wrong_blocks.append(record)
    precision = ratio(blocked_caught, blocked_caught + false_blocks)
    recall = ratio(blocked_caught, blocked_total)
    return {
        "split": split,
        "tiers": sorted(tiers) if tiers else "all",
        "cases": len(chosen),
        "blocked": blocked_total,
        "allowed": allowed_total,
        "precision": precision,
        "block_recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "false_block_rate": round(false_blocks / allowed_total, 4) if allowed_total else 0.0,
        "per_code_recall": {code: ratio(per_code_caught[code], n) for code, n in sorted(per_code.items())},
        "misses": misses,  # blocked drafts let through, or caught under the wrong code only
        "false_blocks": wrong_blocks,
    }


def run(*, gate: bool, out_dir: Path) -> bool:
    cases = load_compliance_cases()
    results = [
        evaluate_compliance(cases, split, tiers)
        for split in ("dev", "test")
        for tiers in (None, *({tier} for tier in TIERS))
    ]
    test = next(r for r in results if r["split"] == "test" and r["tiers"] == "all")
    lines = [
        "# Compliance eval",
        "",
        "| split | tiers | cases | precision | block recall | F1 | false blocks |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        tiers = ",".join(r["tiers"]) if isinstance(r["tiers"], list) else r["tiers"]
        scores = (
            f"{r['precision']:.4f} | {r['block_recall']:.4f} | {r['f1']:.4f}" if r["blocked"] else "— | — | —"
        )  # a lookalike-only slice has nothing to catch
        lines.append(f"| {r['split']} | {tiers} | {r['cases']} | {scores} | {r['false_block_rate']:.4f} |")
    lines += ["", "Per-code recall on the test split:", "", "| code | recall |", "|---|---:|"]
    lines += [f"| {code} | {value:.4f} |" for code, value in test["per_code_recall"].items()]
    lines += [
        "",
        f"Targets on the test split: block recall ≥ {TARGET['block_recall']}, false blocks ≤ "
        f"{TARGET['false_block_rate']}; the CI gate today: {GATE['block_recall']} and {GATE['false_block_rate']}.",
    ]
    print("\n".join(lines))
    for r in results:
        if r["tiers"] != "all":
            continue
        lines += ["", f"## Misses on {r['split']} ({len(r['misses'])})", ""]
        lines += [
            f"- `{m['id']}` {m['tier']}, expected {m['expected']}, found {m['found']}: {m['text']}" for m in r["misses"]
        ]
        lines += ["", f"## False blocks on {r['split']} ({len(r['false_blocks'])})", ""]
        lines += [f"- `{m['id']}` {m['tier']}, found {m['found']}: {m['text']}" for m in r["false_blocks"]]
    write_report(out_dir, "compliance", {"target": TARGET, "gate": GATE, "results": results}, "\n".join(lines) + "\n")
    failed = []
    if test["block_recall"] < GATE["block_recall"]:
        failed.append(f"block recall {test['block_recall']} < {GATE['block_recall']}")
    if test["false_block_rate"] > GATE["false_block_rate"]:
        failed.append(f"false blocks {test['false_block_rate']} > {GATE['false_block_rate']}")
    for failure in failed:
        print(f"GATE FAILED: compliance {failure}")
    return not (gate and failed)
