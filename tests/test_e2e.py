"""`otvet serve` as a real process: create a draft over HTTP and walk it to approval."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e

API_KEY = "e2e-secret-key"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, index_dir: Path, model_dir: Path) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "OTVET_DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}",
        "OTVET_INDEX_DIR": str(index_dir),
        "OTVET_EMBEDDING_MODEL": str(model_dir),
        "OTVET_API_KEYS": API_KEY,
        "OTVET_LLM_MODEL": "",
    }
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "server.log").read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_draft_from_creation_to_approval_over_http(server: str) -> None:
    with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=30) as http:
        created = http.post("/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "42", "message_id": "7"})
        assert created.status_code == 201
        draft = created.json()
        assert draft["status"] == "pending_review"
        assert draft["sources"][0]["topic"] == "return_item"

        queue = http.get("/v1/drafts", params={"status": "pending_review"}).json()["items"]
        assert [item["id"] for item in queue] == [draft["id"]]

        approved = http.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator"})
        assert approved.status_code == 200
        assert approved.json()["status"] == "approved"
        assert approved.json()["final_text"] == draft["text"]
        assert http.get("/v1/drafts").json()["items"] == []

        anonymous = httpx.get(f"{server}/v1/drafts/{draft['id']}", timeout=5)
        assert anonymous.status_code == 401


def test_notice_stats_and_metrics_over_http(server: str) -> None:
    with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=30) as http:
        reply = http.post("/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "43", "message_id": "1"})
        http.post(f"/v1/drafts/{reply.json()['id']}/approve", json={"reviewer": "operator"})
        notice = http.post(
            "/v1/notices",
            json={"event": "shipped", "posting_number": "12345678-0001-1", "tracking_number": "RA123456789RU"},
        )
        assert notice.status_code == 201
        assert notice.json()["kind"] == "notice"
        assert [item["id"] for item in http.get("/v1/drafts").json()["items"]] == [notice.json()["id"]]

        day = http.get("/v1/stats").json()["windows"]["24h"]
        assert (day["total"], day["answered_in_time"], day["response_rate"], day["acceptance_rate"]) == (1, 1, 1.0, 1.0)

        metrics = http.get("/metrics")
        assert metrics.status_code == 200
        assert 'otvet_response_rate{window="24h"} 1.0' in metrics.text
        assert 'otvet_drafts{kind="notice",status="pending_review"} 1.0' in metrics.text
        assert httpx.get(f"{server}/metrics").status_code == 401
