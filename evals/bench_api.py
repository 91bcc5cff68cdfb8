"""Benchmark: server start-up (cold and warm index) and the latency of one POST /v1/drafts.

Runs `otvet serve` as a real process on loopback, exactly as `make run` does, and reports
medians. Run by hand: `.venv/bin/python evals/bench_api.py [--requests 50]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

QUESTIONS = [
    "Как вернуть товар?",
    "Где мой заказ? Уже неделю жду",
    "Какой размер выбрать при росте 180?",
    "Пришла разбитая кружка, что делать?",
    "Можно поменять адрес доставки?",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(workdir: Path, index_dir: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    env = {
        **os.environ,
        "OTVET_DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
        "OTVET_INDEX_DIR": str(index_dir),
        "OTVET_API_KEYS": "",
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base, time.perf_counter() - started
        except httpx.TransportError:
            time.sleep(0.05)
        if process.poll() is not None:
            raise SystemExit("server exited during start-up")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="otvet-bench-"))
    index_dir = workdir / "index"
    report: dict[str, object] = {}
    try:
        for label in ("cold_index", "warm_index"):
            process, base, seconds = start(workdir, index_dir)
            report[f"start_seconds_{label}"] = round(seconds, 2)
            if label == "warm_index":
                latencies = []
                with httpx.Client(base_url=base, timeout=30) as client:
                    client.post("/v1/drafts", json={"message": "прогрев"})
                    for i in range(args.requests):
                        began = time.perf_counter()
                        response = client.post("/v1/drafts", json={"message": QUESTIONS[i % len(QUESTIONS)]})
                        latencies.append((time.perf_counter() - began) * 1000)
                        response.raise_for_status()
                latencies.sort()
                report["post_drafts_ms_p50"] = round(statistics.median(latencies), 1)
                report["post_drafts_ms_p95"] = round(latencies[int(len(latencies) * 0.95) - 1], 1)
                report["requests"] = args.requests
            process.terminate()
            process.wait(timeout=20)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
