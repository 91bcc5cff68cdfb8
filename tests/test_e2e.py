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
