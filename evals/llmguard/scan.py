"""llm-guard side of the compliance benchmark: BanSubstrings and Regex output scanners over the test drafts.

Runs in its own venv, `.venv-llmguard`, because llm-guard 0.3.16 pins transformers 4.51.3 while the service
needs 5.x. So it never imports `service`: `evals/bench_compliance.py` exports the drafts, our word lists and
our regular expressions to a JSON file, and this script writes verdicts and timings back to another one.

Usage: .venv-llmguard/bin/python evals/llmguard/scan.py IN.json OUT.json
"""

from __future__ import annotations

import json
import os
import platform
import socket
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

# Both scanners are pure string matching and need no model; stay offline even if something tries to download.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class OutputScanner(Protocol):
    """The part of llm-guard's output scanner interface the benchmark uses."""

    def scan(self, prompt: str, output: str) -> tuple[str, bool, float]: ...


def _refuse_network(*args: object, **kwargs: object) -> Any:
    raise RuntimeError("the llm-guard benchmark runs offline; a network call was attempted")


def block_network() -> None:
    """Make any connection attempt fail loudly, so a hidden download cannot skew timings or leak data."""
    socket.socket.connect = _refuse_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse_network  # type: ignore[method-assign]
    socket.create_connection = _refuse_network
    socket.getaddrinfo = _refuse_network


def build_scanners(ban: Sequence[str], patterns: Sequence[str], match_type: str) -> list[OutputScanner]:
    """BanSubstrings and Regex configured as llm-guard documents them; redaction is off, only verdicts count."""
    from llm_guard.output_scanners import BanSubstrings, Regex

    scanners: list[OutputScanner] = []
    if ban:
        scanners.append(
            BanSubstrings(list(ban), match_type=match_type, case_sensitive=False, contains_all=False, redact=False)
        )
    if patterns:
        scanners.append(Regex(list(patterns), is_blocked=True, match_type="search", redact=False))
    return scanners


def blocked_by(scanners: Sequence[OutputScanner], text: str) -> bool:
    """Run every scanner (as a pipeline would) and block if any of them marks the output invalid."""
    valid = [scanner.scan("", text)[1] for scanner in scanners]
    return not all(valid)


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Time the combined scanners per draft; attribute codes with per-code scanners outside the timing."""
    from llm_guard.util import configure_logger

    # Every blocked draft logs a warning; logging is not scanning, so keep it out of the timings.
    configure_logger(log_level="ERROR", stream=sys.stderr)
    ban_by_code: dict[str, list[str]] = request["ban_substrings"]["by_code"]
    regex_by_code: dict[str, list[str]] = request["regex"]["by_code"]
    match_type: str = request["ban_substrings"]["match_type"]
    combined = build_scanners(
        [w for words in ban_by_code.values() for w in words],
        [p for patterns in regex_by_code.values() for p in patterns],
        match_type,
    )
    per_code = {
        code: build_scanners(ban_by_code.get(code, []), regex_by_code.get(code, []), match_type)
        for code in sorted(set(ban_by_code) | set(regex_by_code))
    }
    texts = [case["text"] for case in request["cases"]]
    for _ in range(int(request["warmup"])):
        for text in texts:
            blocked_by(combined, text)
    times: list[list[float]] = [[] for _ in texts]
    verdicts: list[bool] = [False] * len(texts)
    for _ in range(int(request["repeats"])):
        for i, text in enumerate(texts):
            started = time.perf_counter_ns()
            verdicts[i] = blocked_by(combined, text)
            times[i].append((time.perf_counter_ns() - started) / 1e6)
    results = []
    for case, blocked, samples in zip(request["cases"], verdicts, times, strict=True):
        codes = [code for code, scanners in per_code.items() if scanners and blocked_by(scanners, case["text"])]
        results.append({"id": case["id"], "blocked": blocked, "codes": codes, "times_ms": samples})
    return {"results": results}


def main(argv: Sequence[str]) -> int:
    """Read the request, scan, write the answer; timings of the import are reported, not hidden."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    block_network()
    request = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    started = time.perf_counter()
    import llm_guard.output_scanners  # noqa: F401  (the import cost is part of the report)

    import_s = time.perf_counter() - started
    answer = run(request)
    answer["environment"] = {
        "llm_guard": version("llm-guard"),
        "transformers": version("transformers"),
        "python": platform.python_version(),
        "import_s": round(import_s, 2),
    }
    Path(argv[1]).write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
