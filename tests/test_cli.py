"""The ``otvet`` command line."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from service.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("serve", "model", "index", "kb", "eval"):
        assert command in out


def test_serve_refuses_public_bind_without_api_keys() -> None:
    result = run("serve", "--host", "0.0.0.0", "--port", "8999", env={"OTVET_API_KEYS": ""})
    assert result.returncode == 2
    assert "OTVET_API_KEYS" in result.stderr


def test_kb_check_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        textwrap.dedent("""\
            entries:
              - id: one
                topic: no_such_topic
                title: Раз
                questions: [а, б, в, г]
                answer: {acknowledgement: "Здравствуйте!", solution: "Решение.", support: "Поможем."}
              - id: two
                topic: review
                title: Два
                questions: [а, б, в, г]
                answer:
                  acknowledgement: "Здравствуйте!"
                  solution: "Удалите отзыв, и мы вернём деньги."
                  support: "Ваш заказ {order_id}."
            """),
        encoding="utf-8",
    )
    result = run("kb", "check", env={"OTVET_KNOWLEDGE_DIR": str(tmp_path)})
    assert result.returncode == 1
    out = result.stdout
    assert f"{tmp_path / 'bad.yaml'}:3: unknown topic 'no_such_topic'" in out
    assert "drafter cannot fill ['order_id']" in out


def test_kb_check_passes_on_shipped_knowledge() -> None:
    result = run("kb", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "knowledge base OK" in result.stdout
