"""Approved Ozon replies go out exactly once, on SQLite and PostgreSQL, against the fake Ozon over HTTP."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from service.core import Otvet
from service.errors import Conflict
from service.outbox import store
from service.retrieval.embedder import Embedder
from service.storage.channel_tables import ChatRow, SendAttemptRow
from tests.fake_ozon import FakeOzon, Fault
from tests.ozon_helpers import send_pass, send_until_settled

SEND = "/v1/chat/send/message"
READ = "/v2/chat/read"


def ozon_draft(app: TestClient, ozon: FakeOzon, chat_id: str = "chat-1") -> dict:
    push = ozon.buyer_writes(chat_id, "Как вернуть товар?")
    assert app.post("/ozon/push", json=push).status_code == 200
    drafts = [d for d in app.get("/v1/drafts").json()["items"] if d["message_id"] == push["message_id"]]
    return drafts[0]


def approve(app: TestClient, draft_id: str, **body: object) -> dict:
    response = app.post(f"/v1/drafts/{draft_id}/approve", json={"reviewer": "operator", **body})
    assert response.status_code == 200, response.text
    return response.json()


def test_approved_reply_is_sent_once_and_the_chat_marked_read(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    approved = approve(app, draft["id"])
    assert approved["send_status"] == "queued"
    assert send_pass(ozon_otvet) == 1
    assert send_pass(ozon_otvet) == 0
    assert ozon.seller_texts("chat-1") == [draft["text"]]
    assert [c.body for c in ozon.calls_to(READ)] == [{"chat_id": "chat-1", "from_message_id": draft["message_id"]}]
    out = app.get(f"/v1/drafts/{draft['id']}").json()
    assert (out["status"], out["send_status"], out["send_attempts"]) == ("approved", "sent", 1)
    assert out["sent_at"] and out["read_at"] and out["send_error"] is None


def test_inbox_tool_drafts_never_reach_the_outbox(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    created = app.post("/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "chat-1", "message_id": "1"})
    approved = approve(app, created.json()["id"])
    assert (approved["channel"], approved["send_status"], approved["sendable"]) == ("api", None, None)
    assert send_pass(ozon_otvet) == 0
    assert fake[0].calls_to(SEND) == []


@pytest.mark.parametrize(
    "faults",
    [
        [Fault(status=429, retry_after="1")],
        [Fault(status=500), Fault(status=503)],
        [Fault(delay=1.5)],  # timeout; Ozon never got it
    ],
    ids=["429", "500-503", "timeout"],
)
def test_transient_failures_are_retried_until_sent(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet, faults: list[Fault]
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    ozon.fail(SEND, *faults)
    assert send_until_settled(ozon_otvet, draft["id"]) == "sent"
    assert ozon.seller_texts("chat-1") == [draft["text"]]
    with ozon_otvet.sessions() as session:
        attempts = session.query(SendAttemptRow).filter_by(draft_id=draft["id"]).order_by(SendAttemptRow.id).all()
        outcomes = [a.outcome for a in attempts]
    assert outcomes[-1] == "sent" and len(outcomes) == len(faults) + 1
    assert app.get(f"/v1/drafts/{draft['id']}").json()["send_attempts"] >= len(faults) + 1


def test_timeout_after_ozon_delivered_is_not_sent_twice(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    ozon.fail(SEND, Fault(delay=1.5, applied=True))  # delivered, but the answer comes after the timeout
    assert send_until_settled(ozon_otvet, draft["id"]) == "sent"
    assert ozon.seller_texts("chat-1") == [draft["text"]]
    assert len(ozon.calls_to(SEND)) == 1  # the retry found the message in the chat history instead
    with ozon_otvet.sessions() as session:
        outcomes = [a.outcome for a in session.query(SendAttemptRow).order_by(SendAttemptRow.id)]
    assert outcomes == ["unknown", "found_in_chat"]


def test_final_failure_is_send_failed_in_the_queue_with_ozons_error(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    del ozon.chats["chat-1"]  # Ozon no longer knows the chat: a 4xx, not worth retrying
    assert send_until_settled(ozon_otvet, draft["id"]) == "send_failed"
    queue = app.get("/v1/drafts").json()["items"]
    assert [d["id"] for d in queue] == [draft["id"]]
    failed = queue[0]
    assert failed["status"] == "send_failed" and failed["send_status"] == "send_failed"
    assert "chat not found" in failed["send_error"] and "404" in failed["send_error"]
    assert failed["history"][-1]["status"] == "send_failed"
    assert app.get("/v1/drafts", params={"status": "send_failed"}).json()["items"][0]["id"] == draft["id"]


def test_retries_are_bounded(app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet) -> None:
    ozon, _ = fake
    ozon_otvet.settings.ozon_send_max_attempts = 3
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    ozon.fail(SEND, *[Fault(status=500)] * 3)
    assert send_until_settled(ozon_otvet, draft["id"]) == "send_failed"
    out = app.get(f"/v1/drafts/{draft['id']}").json()
    assert out["send_attempts"] == 3 and "500" in out["send_error"]
    assert ozon.seller_texts("chat-1") == []


def test_failed_reply_can_be_edited_and_approved_again(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    ozon_otvet.settings.ozon_send_max_attempts = 1
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    ozon.fail(SEND, Fault(status=500))
    assert send_until_settled(ozon_otvet, draft["id"]) == "send_failed"
    text = "Здравствуйте! Спасибо за вопрос. Оформите возврат в разделе «Мои заказы»."
    again = approve(app, draft["id"], text=text)
    assert (again["status"], again["send_status"]) == ("approved", "queued")
    assert send_until_settled(ozon_otvet, draft["id"]) == "sent"
    assert ozon.seller_texts("chat-1") == [text]


def test_closed_chat_window_is_flagged_and_refused(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(hours=49)
    with ozon_otvet.sessions() as session:
        session.execute(update(ChatRow).where(ChatRow.chat_id == "chat-1").values(last_buyer_message_at=old))
        session.commit()
    flagged = app.get(f"/v1/drafts/{draft['id']}").json()
    assert flagged["sendable"] is False and flagged["window_rule"] == "buyer_48h"
    assert dt.datetime.fromisoformat(flagged["window_closes_at"]) < dt.datetime.now(dt.UTC)
    refused = app.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "chat_window_closed"
    assert app.get(f"/v1/drafts/{draft['id']}").json()["status"] == "pending_review"


def test_window_closing_after_approval_fails_without_calling_ozon(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    draft = ozon_draft(app, ozon)
    approve(app, draft["id"])
    with ozon_otvet.sessions() as session:
        old = dt.datetime.now(dt.UTC) - dt.timedelta(hours=49)
        session.execute(update(ChatRow).where(ChatRow.chat_id == "chat-1").values(last_buyer_message_at=old))
        session.commit()
    assert send_until_settled(ozon_otvet, draft["id"]) == "send_failed"
    assert "chat_window_closed" in app.get(f"/v1/drafts/{draft['id']}").json()["send_error"]
    assert ozon.calls_to(SEND) == []


def test_text_over_ozons_limit_is_refused_at_approval(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    draft = ozon_draft(app, fake[0])
    with ozon_otvet.sessions() as session:
        from service.storage.tables import DraftRow

        session.execute(update(DraftRow).where(DraftRow.id == draft["id"]).values(text="Здравствуйте! " + "а" * 1000))
        session.commit()
    refused = app.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "operator"})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "text_too_long"
    assert app.get(f"/v1/drafts/{draft['id']}").json()["send_status"] is None


def test_two_workers_approving_and_sending_at_once_send_once(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet, embedder: Embedder
) -> None:
    """Each worker has its own engine and connection pool, as separate processes would."""
    ozon, _ = fake
    drafts = [ozon_draft(app, ozon, f"chat-{n}") for n in range(3)]
    workers = [Otvet(ozon_otvet.settings, embedder=embedder) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def work(otvet: Otvet, name: str) -> None:
        barrier.wait()
        for draft in drafts:
            try:
                otvet.approve(draft["id"], name, None)
                outcomes.append("approved")
            except Conflict:
                outcomes.append("conflict")
        barrier.wait()
        for _ in range(3):
            send_pass(otvet, name)

    threads = [threading.Thread(target=work, args=(w, f"worker-{i}")) for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for worker in workers:
        worker.close()
    assert sorted(outcomes) == ["approved"] * 3 + ["conflict"] * 3
    for n, draft in enumerate(drafts):
        assert ozon.seller_texts(f"chat-{n}") == [draft["text"]]
    assert len(ozon.calls_to(SEND)) == 3


def test_concurrent_claims_take_each_row_once(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet, embedder: Embedder
) -> None:
    """Four claimers on their own engines race for the same due rows: every row goes to exactly one."""
    ozon, _ = fake
    drafts = [ozon_draft(app, ozon, f"chat-{n}") for n in range(4)]
    for draft in drafts:
        approve(app, draft["id"])
    engines = [Otvet(ozon_otvet.settings, embedder=embedder) for _ in range(4)]
    barrier = threading.Barrier(len(engines))
    claimed: list[str] = []

    def claim(otvet: Otvet, name: str) -> None:
        barrier.wait()
        with otvet.sessions() as session:
            claimed.extend(c.draft_id for c in store.claim_due(session, name, dt.timedelta(minutes=1)))

    threads = [threading.Thread(target=claim, args=(o, f"w{i}")) for i, o in enumerate(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for engine in engines:
        engine.close()
    assert sorted(claimed) == sorted(d["id"] for d in drafts)
