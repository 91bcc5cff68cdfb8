"""Joined drafts: do dev cases keep their verdicts inside a real-length, multi-sentence draft?

A real draft is about 300 characters: greeting, acknowledgement, solution, support information.
Each dev case is joined with allowed dev cases of its own batch, placed before or after it at
random (seeded), until the draft is at least ``--length`` characters. Two counts come out:

- false blocks that only joining causes: drafts whose parts all pass alone, blocked together;
- lost findings: blocked cases whose expected codes are found alone but not once joined.

Parts that are blocked alone are left out of the padding, so one known false block does not
turn up again in every draft it pads. Dev cases only; the test split is never read.

Run: `.venv/bin/python evals/compliance_joined.py [--seeds 10] [--length 300]`. A report, no gate.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from service.compliance import check, native
from service.evaluation.common import load_compliance_cases


def _codes(text: str) -> frozenset[str]:
    return frozenset(v.code.value for v in check(text).violations)


def _join(case: dict[str, Any], pool: list[dict[str, Any]], length: int, seed: int) -> str:
    rng = random.Random(f"{seed}:{case['id']}")
    others = [other for other in pool if other["id"] != case["id"]]
    rng.shuffle(others)
    parts = [case["text"]]
    for other in others:
        if sum(len(part) + 1 for part in parts) > length:
            break
        if rng.random() < 0.5:
            parts.append(other["text"])
        else:
            parts.insert(0, other["text"])
    return " ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="random joins per case")
    parser.add_argument("--length", type=int, default=300, help="minimum characters of a joined draft")
    args = parser.parse_args(argv)

    dev = [case for case in load_compliance_cases() if case["split"] == "dev"]
    alone = {case["id"]: _codes(case["text"]) for case in dev}
    padding: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in dev:
        if not case["expected"] and not alone[case["id"]]:
            padding[case["id"][0]].append(case)

    joined_false_blocks: list[str] = []
    lost: list[str] = []
    allowed_drafts = blocked_drafts = 0
    for seed in range(args.seeds):
        for case in dev:
            pool = padding[case["id"][0]]
            expected = frozenset(case["expected"])
            if not expected and not alone[case["id"]]:
                allowed_drafts += 1
                if _codes(_join(case, pool, args.length, seed)):
                    joined_false_blocks.append(case["id"])
            elif expected and expected <= alone[case["id"]]:
                blocked_drafts += 1
                if not expected <= _codes(_join(case, pool, args.length, seed)):
                    lost.append(case["id"])

    print(f"filter: {native.status()}; {args.seeds} seeds, drafts of at least {args.length} characters")
    print(f"allowed drafts whose parts all pass alone: {allowed_drafts}, blocked joined: {len(joined_false_blocks)}")
    print(f"blocked drafts caught alone with every expected code: {blocked_drafts}, a code lost joined: {len(lost)}")
    for name, ids in (("blocked when joined", joined_false_blocks), ("lost when joined", lost)):
        if ids:
            print(f"{name}: {', '.join(sorted(set(ids)))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
