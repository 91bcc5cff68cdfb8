"""Eval suites over ``evals/``: retrieval quality, compliance accuracy and drafts end to end, with CI gates.

The eval questions are written apart from the knowledge base's own examples, so a score here
says how the service does on messages it has never seen.
"""

from __future__ import annotations

from pathlib import Path

from service.evaluation.common import load_compliance_cases, load_questions

__all__ = ["load_compliance_cases", "load_questions", "run_eval"]


def run_eval(suite: str, *, gate: bool, out_dir: Path, tune: bool = False, limit: int | None = None) -> int:
    from service.evaluation import compliance, drafts, retrieval

    ok = True
    if suite in ("retrieval", "all"):
        ok &= retrieval.run(gate=gate, out_dir=out_dir, tune_first=tune)
    if suite in ("compliance", "all"):
        ok &= compliance.run(gate=gate, out_dir=out_dir)
    if suite in ("drafts", "all"):
        ok &= drafts.run(gate=gate, out_dir=out_dir, limit=limit)
    return 0 if ok else 1
