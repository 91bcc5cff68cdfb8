"""Loading eval sets and writing reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from service.config import ROOT_DIR

EVALS_DIR = ROOT_DIR / "evals"


def load_questions() -> list[dict[str, Any]]:
    data = yaml.safe_load((EVALS_DIR / "retrieval" / "questions.yaml").read_text(encoding="utf-8"))
    questions: list[dict[str, Any]] = data["questions"]
    return questions


def load_compliance_cases() -> list[dict[str, Any]]:
    data = yaml.safe_load((EVALS_DIR / "compliance" / "cases.yaml").read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


def ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 1.0


def write_report(out_dir: Path, name: str, payload: dict[str, Any], markdown: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / f"{name}.md").write_text(markdown, encoding="utf-8")
