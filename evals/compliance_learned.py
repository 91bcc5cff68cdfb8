"""Would a learned second stage catch what the compliance rules miss? A report, no gate.

The rules catch nearly every plain violation, but each new blind batch shows indirect and
obfuscated ones they miss. This report trains a small text classifier (character and word
n-grams, TF-IDF, logistic regression; scikit-learn comes with sentence-transformers) on the
dev drafts, holding out whole blind batches, and scores each held-out batch and the test split
with the rules alone, the classifier alone, and the two together (a draft is blocked when
either blocks it). Holding out a batch keeps its authors' wording out of training, which is
what a draft nobody has seen looks like to the classifier.

The classifier works on the normalized text the rules read, so homoglyphs and spacing are
already undone. It is an experiment: nothing in the service uses it.

Run: `.venv/bin/python evals/compliance_learned.py [--held-out z b] [--thresholds 0.7 0.8 0.9]`.
Writes `var/reports/compliance_learned.md`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from service.compliance import check, native
from service.compliance.normalize import normalize
from service.config import ROOT_DIR
from service.evaluation.common import load_compliance_cases

Case = dict[str, Any]


@dataclass(frozen=True)
class Score:
    caught: int
    blocked: int
    false_blocks: int
    allowed: int

    def row(self, name: str) -> str:
        recall = self.caught / self.blocked if self.blocked else 0.0
        fb = self.false_blocks / self.allowed if self.allowed else 0.0
        return (
            f"| {name} | {recall:.3f} ({self.caught}/{self.blocked}) | {fb:.3f} ({self.false_blocks}/{self.allowed}) |"
        )


def _classifier() -> Pipeline:
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    )
    return make_pipeline(features, LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced"))


def _score(cases: Sequence[Case], blocked: Sequence[bool]) -> Score:
    truth = [bool(case["expected"]) for case in cases]
    return Score(
        caught=sum(1 for t, b in zip(truth, blocked, strict=True) if t and b),
        blocked=sum(truth),
        false_blocks=sum(1 for t, b in zip(truth, blocked, strict=True) if not t and b),
        allowed=len(truth) - sum(truth),
    )


def _evaluate(name: str, train: list[Case], held: list[Case], thresholds: Sequence[float]) -> list[str]:
    model = _classifier().fit([normalize(c["text"]).text for c in train], [bool(c["expected"]) for c in train])
    probability = model.predict_proba([normalize(c["text"]).text for c in held])[:, 1]
    rules = [bool(check(c["text"]).violations) for c in held]
    lines = [
        f"### {name} ({len(held)} drafts; trained on {len(train)} dev drafts)",
        "",
        "| system | block recall | false blocks |",
        "|---|---:|---:|",
        _score(held, rules).row("rules"),
    ]
    for threshold in thresholds:
        learned = [p >= threshold for p in probability]
        lines.append(_score(held, learned).row(f"classifier ≥ {threshold}"))
        lines.append(
            _score(held, [r or s for r, s in zip(rules, learned, strict=True)]).row(
                f"rules or classifier ≥ {threshold}"
            )
        )
    return [*lines, ""]


def _latency_ms(cases: Sequence[Case], repeats: int = 200) -> float:
    model = _classifier().fit([normalize(c["text"]).text for c in cases], [bool(c["expected"]) for c in cases])
    texts = [normalize(c["text"]).text for c in cases[:repeats]]
    times = []
    for text in texts:
        start = time.perf_counter()
        model.predict_proba([text])
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--held-out", nargs="+", default=["z", "b"], help="id prefixes of blind batches to hold out")
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.7, 0.8, 0.9])
    parser.add_argument("--out", type=Path, default=ROOT_DIR / "var" / "reports")
    args = parser.parse_args(argv)

    cases = load_compliance_cases()
    dev = [c for c in cases if c["split"] == "dev"]
    test = [c for c in cases if c["split"] == "test"]
    lines = [
        "# Compliance: rules and a learned second stage",
        "",
        f"Filter: {native.status()}. Held-out batches are left out of training one at a time;",
        "the test split is scored by a classifier trained on every dev draft outside the held-out batches.",
        "",
    ]
    for prefix in args.held_out:
        held = [c for c in dev if c["id"].startswith(prefix)]
        train = [c for c in dev if not c["id"].startswith(prefix)]
        lines += _evaluate(f"held-out batch {prefix}-cases", train, held, args.thresholds)
    train = [c for c in dev if not c["id"].startswith(tuple(args.held_out))]
    lines += _evaluate("test split", train, test, args.thresholds)
    lines += [f"Median time to score one draft with scikit-learn: {_latency_ms(train):.2f} ms.", ""]
    report = "\n".join(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "compliance_learned.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
