"""End to end over real HTTP: fake Ozon and otvet each under real uvicorn, the worker in its own thread.

A push creates a draft, a human approves it through /v1, and exactly one send carries the approved text,
even with a duplicate push and a worker killed in the middle of the send and started again.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from service.api.app import create_app
from service.core import Otvet
from service.retrieval.embedder import Embedder
from service.worker import Worker
from tests.fake_ozon import API_KEY, CLIENT_ID, FakeOzon, Fault, running_fake, serve
from tests.ozon_helpers import ozon_settings

pytestmark = pytest.mark.e2e

SEND = "/v1/chat/send/message"


class WorkerThread:
    """``otvet worker`` in a thread with its own event loop; ``kill`` cancels it wherever it is."""

    def __init__(self, otvet: Otvet) -> None:
        self.loop = asyncio.new_event_loop()
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.thread = threading.Thread(target=self._run, args=(otvet,), daemon=True)
        self.thread.start()

    def _run(self, otvet: Otvet) -> None:
        asyncio.set_event_loop(self.loop)
        self.task = self.loop.create_task(Worker(otvet).run(self.stop))
        try:
            self.loop.run_until_complete(self.task)
        except asyncio.CancelledError:
            pass
        finally:
            self.loop.close()

    def kill(self) -> None:
        """Like a crash: no clean-up in the outbox, the row keeps its lease."""
        while self.task is None:
            time.sleep(0.01)
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.thread.join(timeout=30)


def wait_for(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.1)


@pytest.fixture
def stack(tmp_path: Path, index_dir: Path, embedder: Embedder) -> Iterator[tuple[FakeOzon, str, Otvet]]:
    with running_fake() as (fake, fake_url):
        settings = ozon_settings(
            tmp_path,
            index_dir,
            f"sqlite:///{tmp_path / 'e2e.db'}",
            fake_url,
            api_keys=["e2e-key"],
            ozon_push_allow_ips=["127.0.0.0/8"],
            ozon_send_lease_seconds=3.0,
            worker_interval_seconds=0.2,
            ozon_poll_interval_seconds=3600.0,
        )
        otvet = Otvet(settings, embedder=embedder)
        try:
            with serve(create_app(otvet=otvet)) as otvet_url:
                yield fake, otvet_url, otvet
        finally:
            otvet.close()


def test_push_approve_send_exactly_once_across_worker_restart_and_duplicate_push(
    stack: tuple[FakeOzon, str, Otvet],
) -> None:
    fake, url, otvet = stack
    http = httpx.Client(base_url=url, headers={"Authorization": "Bearer e2e-key"}, timeout=30)

    push = fake.buyer_writes("chat-e2e", "Как вернуть товар?", order_number="12345678-0001-1")
    started = time.monotonic()
    answers = fake.push(url, push, copies=2)  # a duplicate delivered at the same moment
    assert time.monotonic() - started < 5  # Ozon's limit; drafting happens after the answer
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert {"result": True} in [a.json() for a in answers]
    wait_for(lambda: bool(http.get("/v1/drafts").json()["items"]))
    draft = http.get("/v1/drafts").json()["items"][0]
    assert draft["order"]["posting_number"] == "12345678-0001-1" and draft["channel"] == "ozon"

    edited = draft["text"].replace("Здравствуйте!", "Здравствуйте, спасибо за вопрос!", 1)
    approved = http.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator", "text": edited})
    assert approved.status_code == 200 and approved.json()["send_status"] == "queued"

    # The first worker dies while Ozon is still answering the send, which Ozon has already delivered.
    fake.fail(SEND, Fault(delay=4, applied=True))
    first = WorkerThread(otvet)
    wait_for(lambda: len(fake.calls_to(SEND)) == 1)
    first.kill()
    assert fake.seller_texts("chat-e2e") == [edited]

    (duplicate,) = fake.push(url, push)
    assert duplicate.status_code == 409 and duplicate.json()["error"]["code"] == "ERROR_REQUEST_DUPLICATED"

    second = WorkerThread(otvet)  # the restart: takes the row over once the lease has run out
    try:
        wait_for(lambda: http.get(f"/v1/drafts/{draft['id']}").json()["send_status"] == "sent")
        wait_for(lambda: bool(fake.calls_to("/v2/chat/read")))
    finally:
        second.loop.call_soon_threadsafe(second.stop.set)
        second.thread.join(timeout=30)

    assert len(fake.calls_to(SEND)) == 1
    assert fake.seller_texts("chat-e2e") == [edited]
    assert len(http.get("/v1/drafts", params={"status": "approved"}).json()["items"]) == 1
    assert len(http.get("/v1/drafts").json()["items"]) == 0  # one draft for the message, no second one
    read = fake.calls_to("/v2/chat/read")[0].body
    assert read == {"chat_id": "chat-e2e", "from_message_id": push["message_id"]}
    final = http.get(f"/v1/drafts/{draft['id']}").json()
    assert final["final_text"] == edited and final["read_at"] is not None


def test_final_send_failure_is_visible_through_the_api(stack: tuple[FakeOzon, str, Otvet]) -> None:
    fake, url, otvet = stack
    otvet.settings.ozon_send_max_attempts = 2
    http = httpx.Client(base_url=url, headers={"Authorization": "Bearer e2e-key"}, timeout=30)
    assert fake.push(url, fake.buyer_writes("chat-x", "Как вернуть товар?"))[0].status_code == 200
    wait_for(lambda: bool(http.get("/v1/drafts").json()["items"]))
    draft = http.get("/v1/drafts").json()["items"][0]
    fake.fail(SEND, Fault(status=500), Fault(status=502))
    http.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator"}).raise_for_status()
    worker = WorkerThread(otvet)
    try:
        wait_for(lambda: http.get(f"/v1/drafts/{draft['id']}").json()["status"] == "send_failed")
    finally:
        worker.loop.call_soon_threadsafe(worker.stop.set)
        worker.thread.join(timeout=30)
    failed = http.get("/v1/drafts").json()["items"][0]
    assert failed["send_status"] == "send_failed" and "502" in failed["send_error"]
    assert fake.seller_texts("chat-x") == []


def _approved_draft(fake: FakeOzon, url: str, http: httpx.Client, chat_id: str) -> dict:
    assert fake.push(url, fake.buyer_writes(chat_id, "Как вернуть товар?"))[0].status_code == 200
    wait_for(lambda: any(d["chat_id"] == chat_id for d in http.get("/v1/drafts").json()["items"]))
    draft = next(d for d in http.get("/v1/drafts").json()["items"] if d["chat_id"] == chat_id)
    http.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator"}).raise_for_status()
    return draft


def test_serve_runs_the_worker_in_process(stack: tuple[FakeOzon, str, Otvet]) -> None:
    fake, _, otvet = stack
    with serve(create_app(otvet=otvet, run_worker=True)) as url:
        http = httpx.Client(base_url=url, headers={"Authorization": "Bearer e2e-key"}, timeout=30)
        draft = _approved_draft(fake, url, http, "chat-serve")
        wait_for(lambda: http.get(f"/v1/drafts/{draft['id']}").json()["send_status"] == "sent")
    assert fake.seller_texts("chat-serve") == [draft["text"]]


def test_otvet_worker_command_sends_the_outbox(
    stack: tuple[FakeOzon, str, Otvet], tmp_path: Path, index_dir: Path, model_dir: Path
) -> None:
    fake, url, otvet = stack
    http = httpx.Client(base_url=url, headers={"Authorization": "Bearer e2e-key"}, timeout=30)
    draft = _approved_draft(fake, url, http, "chat-cli")
    settings = otvet.settings
    env = {
        **os.environ,
        "OTVET_DATABASE_URL": settings.database_url,
        "OTVET_INDEX_DIR": str(index_dir),
        "OTVET_EMBEDDING_MODEL": str(model_dir),
        "OTVET_LLM_MODEL": "",
        "OTVET_OZON_API_BASE": settings.ozon_api_base,
        "OTVET_OZON_CLIENT_ID": CLIENT_ID,
        "OTVET_OZON_API_KEY": API_KEY,
    }
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "worker", "--once"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert API_KEY not in done.stderr + done.stdout
    assert fake.seller_texts("chat-cli") == [draft["text"]]
    assert http.get(f"/v1/drafts/{draft['id']}").json()["send_status"] == "sent"
