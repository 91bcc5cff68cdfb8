"""POST /ozon/push through the real app and database: Ozon's contract, de-duplication, background drafting."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.core import Otvet
from tests.fake_ozon import FakeOzon
from tests.ozon_helpers import poll_pass


def test_ping_gets_version_name_and_utc_time(app: TestClient) -> None:
    response = app.post("/ozon/push", json={"message_type": "TYPE_PING", "time": "2026-11-27T10:00:00Z"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"version", "name", "time"} and body["name"] == "otvet"
    sent = dt.datetime.fromisoformat(body["time"].replace("Z", "+00:00"))
    assert body["time"].endswith("Z") and abs(dt.datetime.now(dt.UTC) - sent) < dt.timedelta(minutes=1)


def test_buyer_message_becomes_a_draft_with_order_and_a_duplicate_does_not(
    app: TestClient, fake: tuple[FakeOzon, str]
) -> None:
    ozon, _ = fake
    push = ozon.buyer_writes("chat-1", "Как вернуть товар?", order_number="12345678-0001-1")
    first = app.post("/ozon/push", json=push)
    assert (first.status_code, first.json()) == (200, {"result": True})
    again = app.post("/ozon/push", json=push)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "ERROR_REQUEST_DUPLICATED"
    drafts = app.get("/v1/drafts").json()["items"]
    assert len(drafts) == 1
    draft = drafts[0]
    assert (draft["chat_id"], draft["message_id"]) == ("chat-1", push["message_id"])
    assert draft["channel"] == "ozon" and draft["chat_type"] == "Buyer_Seller"
    assert draft["order"]["posting_number"] == "12345678-0001-1"
    assert draft["sources"][0]["topic"] == "return_item"
    assert draft["sendable"] is True and draft["send_status"] is None
    received = dt.datetime.fromisoformat(push["created_at"].replace("Z", "+00:00"))
    assert dt.datetime.fromisoformat(draft["due_at"]) == received + dt.timedelta(hours=4)


@pytest.mark.parametrize(
    "change",
    [
        {"chat_type": "Seller_Support"},
        {"chat_type": "Seller_Notification"},
        {"user": {"id": "7", "type": "Seller"}},
        {"user": {"id": "1", "type": "Support"}},
        {"data": []},
    ],
)
def test_other_messages_are_acknowledged_and_ignored(
    app: TestClient, fake: tuple[FakeOzon, str], change: dict[str, object]
) -> None:
    push = {**fake[0].buyer_writes("chat-1", "Здравствуйте"), **change}
    response = app.post("/ozon/push", json=push)
    assert (response.status_code, response.json()) == (200, {"result": True})
    assert app.get("/v1/drafts").json()["items"] == []


def test_select_chat_and_uppercase_types_are_buyer_chats(app: TestClient, fake: tuple[FakeOzon, str]) -> None:
    push = fake[0].buyer_writes("chat-2", "Как вернуть товар?", chat_type="Buyer_Seller_Select")
    push = {**push, "message_type": "type_new_message", "user": {"id": "1", "type": "CUSTOMER"}}
    assert app.post("/ozon/push", json=push).json() == {"result": True}
    assert [d["chat_type"] for d in app.get("/v1/drafts").json()["items"]] == ["Buyer_Seller_Select"]


@pytest.mark.parametrize("kind", ["TYPE_CHAT_CLOSED", "TYPE_STOCKS_CHANGED", "TYPE_SOMETHING_NEW"])
def test_other_types_are_acknowledged(app: TestClient, kind: str) -> None:
    response = app.post("/ozon/push", json={"message_type": kind, "seller_id": 7})
    assert (response.status_code, response.json()) == (200, {"result": True})


def test_posting_events_are_recorded_for_the_window_rules(app: TestClient, ozon_otvet: Otvet) -> None:
    from service.storage.channel_tables import PostingRow

    new = {"message_type": "TYPE_NEW_POSTING", "posting_number": "1-1-1", "in_process_at": "2026-11-20T10:00:00Z"}
    delivered = {
        "message_type": "TYPE_STATE_CHANGED",
        "posting_number": "1-1-1",
        "new_state": "posting_delivered",
        "changed_state_date": "2026-11-25T10:00:00Z",
        "seller_id": 15,
    }
    for payload in (new, delivered):
        assert app.post("/ozon/push", json=payload).json() == {"result": True}
    with ozon_otvet.sessions() as session:
        posting = session.get(PostingRow, "1-1-1")
        assert posting is not None and posting.scheme == "fbs" and posting.state == "posting_delivered"
        assert posting.delivered_at == dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)
    # Delivery also queues a thank-you notice for approval, once however often Ozon repeats the push.
    assert app.post("/ozon/push", json=delivered).json() == {"result": True}
    notices = [d for d in app.get("/v1/drafts").json()["items"] if d["kind"] == "notice"]
    assert len(notices) == 1
    assert notices[0]["notice"]["event"] == "delivered" and notices[0]["notice"]["posting_number"] == "1-1-1"
    assert notices[0]["status"] == "pending_review" and "1-1-1" in notices[0]["text"]


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", b'{"time": "x"}', b'{"message_type": "TYPE_NEW_MESSAGE", "chat_id": "c"}'],
)
def test_malformed_pushes_get_ozons_error_format(app: TestClient, body: bytes) -> None:
    response = app.post("/ozon/push", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "ERROR_PARAMETER_VALUE_MISSED" and error["message"] and "details" in error


def test_source_allowlist(ozon_otvet: Otvet) -> None:
    ozon_otvet.settings.ozon_push_allow_ips = ["195.34.21.0/24", "185.73.192.0/22", "91.223.93.0/24"]
    with TestClient(create_app(otvet=ozon_otvet)) as test_client:
        response = test_client.post("/ozon/push", json={"message_type": "TYPE_PING"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "ERROR_UNKNOWN"


def test_polling_stores_unread_buyer_messages_once(
    app: TestClient, fake: tuple[FakeOzon, str], ozon_otvet: Otvet
) -> None:
    ozon, _ = fake
    first = ozon.buyer_writes("chat-1", "Как вернуть товар?")
    ozon.buyer_writes("chat-2", "Где мой заказ?", order_number="22222222-0002-1")
    assert poll_pass(ozon_otvet) == 2
    assert poll_pass(ozon_otvet) == 0  # still unread at Ozon, already stored here
    assert app.post("/ozon/push", json=first).status_code == 409  # push and poll share de-duplication
    import asyncio

    from service.ozon.ingest import draft_pending

    assert asyncio.run(draft_pending(ozon_otvet, None, "test")) == 2
    orders = {d["chat_id"]: d["order"]["posting_number"] for d in app.get("/v1/drafts").json()["items"]}
    assert orders == {"chat-1": "87654321-0012-1", "chat-2": "22222222-0002-1"}


def test_polling_pages_through_a_long_unread_history(fake: tuple[FakeOzon, str], ozon_otvet: Otvet) -> None:
    ozon, _ = fake
    for n in range(130):
        ozon.buyer_writes("chat-busy", f"Вопрос номер {n}")
    assert poll_pass(ozon_otvet) == 130
    histories = ozon.calls_to("/v3/chat/history")
    assert len(histories) == 2 and histories[1].body["from_message_id"] != histories[0].body["from_message_id"]
