"""The compiled compliance filter: same verdicts as the Python sources, and never used once stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.compliance import native
from service.config import ROOT_DIR

VERDICTS = """
import json, sys, yaml
sys.path.insert(0, "evals")
from bench_compliance import adversarial_inputs
from service.compliance import check, native
cases = yaml.safe_load(open("evals/compliance/cases.yaml", encoding="utf-8"))["cases"]
texts = [case["text"] for case in cases] + list(adversarial_inputs().values())
verdicts = [[(v.code.value, v.start, v.end, v.excerpt) for v in check(t).violations] for t in texts]
print(json.dumps({"active": native.active(), "verdicts": verdicts}))
"""

built = pytest.mark.skipif(not native.extensions(), reason="no compiled build: run `make native`")


def _run(code: str, cwd: Path, **env: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        # the switch the outer run may carry must not decide which build the child loads
        env={**{k: v for k, v in os.environ.items() if k != native.SWITCH}, "PYTHONPATH": str(cwd), **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@built
def test_compiled_filter_gives_the_interpreted_verdicts() -> None:
    compiled = _run(VERDICTS, ROOT_DIR)
    interpreted = _run(VERDICTS, ROOT_DIR, OTVET_COMPLIANCE_NATIVE="0")
    assert (compiled["active"], interpreted["active"]) == (True, False)
    assert compiled["verdicts"] == interpreted["verdicts"]
    assert sum(1 for found in compiled["verdicts"] if found) > 1000  # type: ignore[attr-defined]


@built
def test_a_source_edited_after_the_build_is_loaded_from_source(tmp_path: Path) -> None:
    shutil.copytree(ROOT_DIR / "service", tmp_path / "service", ignore=shutil.ignore_patterns("__pycache__"))
    probe = (
        "import json; from service.compliance import check, native; import service.compliance.hit as hit; "
        "print(json.dumps({'active': native.active(), 'hit': hit.__file__, "
        "'blocked': bool(check('Напишите нам в вотсап').violations)}))"
    )
    assert _run(probe, tmp_path)["active"] is True
    with (tmp_path / "service" / "compliance" / "hit.py").open("a", encoding="utf-8") as source:
        source.write("\nEDITED = True\n")
    after = _run(probe, tmp_path)
    assert after["active"] is False and str(after["hit"]).endswith("hit.py") and after["blocked"] is True


def test_a_build_is_trusted_only_while_it_matches_the_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.SWITCH, raising=False)
    manifest = tmp_path / "_native.json"
    monkeypatch.setattr(native, "MANIFEST", manifest)
    assert native.unusable_reason() == "no build manifest"
    names = native.module_names()
    manifest.write_text(json.dumps({"modules": names, "sources_sha256": native.sources_digest(names)}))
    assert native.unusable_reason() is None
    manifest.write_text(json.dumps({"modules": names, "sources_sha256": "0" * 64}))
    assert "changed" in (native.unusable_reason() or "")
    manifest.write_text(json.dumps({"modules": names[1:], "sources_sha256": native.sources_digest(names[1:])}))
    assert "changed" in (native.unusable_reason() or "")
    manifest.write_text("{not json")
    assert native.unusable_reason() == "no build manifest"


@pytest.mark.parametrize("value", ["0", "false", "OFF", " no "])
def test_the_switch_turns_the_build_off(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(native.SWITCH, value)
    assert "switched off" in (native.unusable_reason() or "")


def test_compiled_modules_exclude_pydantic_models_and_the_loader() -> None:
    names = native.module_names()
    assert {"checker", "normalize", "phones", "phrases"} <= set(names)
    assert not {"__init__", "models", "native"} & set(names)
