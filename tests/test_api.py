"""The v1 contract through the real app, a real SQLite file and the real embedding model."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.core import Otvet
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings

RETURN_QUESTION = "Как вернуть товар?"


def create(client: TestClient, **body: object) -> dict:
    response = client.post("/v1/drafts", json={"message": RETURN_QUESTION, **body})
    assert response.status_code in (200, 201), response.text
    return response.json()


def test_return_question_gets_three_part_russian_draft(client: TestClient) -> None:
    response = client.post("/v1/drafts", json={"message": RETURN_QUESTION})
    assert response.status_code == 201
    draft = response.json()
    assert draft["status"] == "pending_review"
    assert draft["sources"][0]["topic"] == "return_item"
    assert draft["text"].startswith("Здравствуйте")
    assert all(draft["parts"][p].strip() for p in ("acknowledgement", "solution", "support"))
    assert draft["compliance"] == {"allowed": True, "violations": []}
    assert draft["drafter"] == "offline"
    assert len(draft["text"]) <= 1000
    assert "{" not in draft["text"] and "None" not in draft["text"]


def test_order_data_fills_slots(client: TestClient) -> None:
    draft = create(
        client,
        message="Где мой заказ? Какой трек-номер?",
        order={"posting_number": "87654321-0012-1", "tracking_number": "RA123456789RU", "status": "delivering"},
    )
    assert draft["sources"][0]["topic"] == "tracking"
    assert "RA123456789RU" in draft["text"]
    assert draft["order"]["tracking_number"] == "RA123456789RU"


def test_due_at_is_four_hours_after_receipt(client: TestClient) -> None:
    draft = create(client, received_at="2026-11-27T10:00:00+03:00")
    assert dt.datetime.fromisoformat(draft["due_at"]) == dt.datetime(2026, 11, 27, 11, 0, tzinfo=dt.UTC)
    naive = create(client, received_at="2026-11-27T10:00:00")
    assert dt.datetime.fromisoformat(naive["due_at"]) == dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)


def test_same_chat_message_returns_first_draft(client: TestClient) -> None:
    first = client.post("/v1/drafts", json={"message": RETURN_QUESTION, "chat_id": "c1", "message_id": "m1"})
    again = client.post("/v1/drafts", json={"message": "другой текст", "chat_id": "c1", "message_id": "m1"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["message"] == RETURN_QUESTION
    other = client.post("/v1/drafts", json={"message": RETURN_QUESTION, "chat_id": "c1", "message_id": "m2"})
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_off_topic_message_needs_human_with_holding_reply(client: TestClient) -> None:
    draft = create(client, message="Какая погода будет завтра в Казани?")
    assert draft["status"] == "needs_human"
    assert draft["reason"] == "no_match"
    assert draft["text"].startswith("Здравствуйте! Спасибо за обращение.")
    assert draft["compliance"]["allowed"] is True


def test_queue_is_sorted_by_due_at_and_filtered_by_status(client: TestClient) -> None:
    late = create(client, received_at="2026-11-27T12:00:00Z")
    early = create(client, received_at="2026-11-27T08:00:00Z")
    off = create(client, message="Какая погода завтра в Казани?", received_at="2026-11-27T09:00:00Z")
    queue = client.get("/v1/drafts").json()["items"]
    assert [d["id"] for d in queue] == [early["id"], off["id"], late["id"]]
    needs_human = client.get("/v1/drafts", params={"status": "needs_human"}).json()["items"]
    assert [d["id"] for d in needs_human] == [off["id"]]
    both = client.get("/v1/drafts?status=needs_human,pending_review").json()["items"]
    assert len(both) == 3


def test_approve_as_drafted_then_conflict(client: TestClient) -> None:
    draft = create(client)
    approved = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna"})
    assert approved.status_code == 200
    body = approved.json()
    assert body["status"] == "approved"
    assert body["final_text"] == draft["text"]
    assert body["decided_by"] == "anna"
    assert [e["status"] for e in body["history"]] == ["pending_review", "approved"]
    again = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "boris"})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "draft_already_decided"
    rejected = client.post(f"/v1/drafts/{draft['id']}/reject", json={"reviewer": "boris", "reason": "дубль"})
    assert rejected.status_code == 409


def test_edited_approval_is_checked_again(client: TestClient) -> None:
    draft = create(client)
    bad = "Здравствуйте! Напишите нам в WhatsApp +7 999 123-45-67, там быстрее оформим возврат."
    blocked = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna", "text": bad})
    assert blocked.status_code == 422
    error = blocked.json()["error"]
    assert error["code"] == "edit_blocked"
    assert {v["code"] for v in error["details"]} == {"OFF_PLATFORM_CONTACT"}
    assert client.get(f"/v1/drafts/{draft['id']}").json()["status"] == "pending_review"

    good = "Здравствуйте! Оформите возврат в личном кабинете Ozon в разделе «Мои заказы». Мы на связи здесь, в чате."
    approved = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna", "text": good})
    assert approved.status_code == 200
    assert approved.json()["final_text"] == good
    assert approved.json()["history"][-1]["note"] == "edited"


def test_reject_records_reason(client: TestClient) -> None:
    draft = create(client)
    response = client.post(f"/v1/drafts/{draft['id']}/reject", json={"reviewer": "anna", "reason": "не по теме"})
    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["history"][-1] == {
        "status": "rejected",
        "actor": "anna",
        "text": None,
        "note": "не по теме",
        "at": response.json()["decided_at"],
    }
    assert client.get("/v1/drafts", params={"status": "rejected"}).json()["items"][0]["id"] == draft["id"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("post", "/v1/drafts", {"message": ""}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": "   "}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": "я" * 4001}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": 42}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": "ok", "order": "12345"}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": "ok", "order": {"delivery_date": "завтра"}}, 422, "validation_error"),
        ("post", "/v1/drafts", {"message": "ok", "received_at": "вчера"}, 422, "validation_error"),
        ("post", "/v1/drafts", {}, 422, "validation_error"),
        ("post", "/v1/drafts", [], 422, "validation_error"),
        ("get", "/v1/drafts/00000000-0000-0000-0000-000000000000", None, 404, "draft_not_found"),
        ("post", "/v1/drafts/nope/approve", {"reviewer": "anna"}, 404, "draft_not_found"),
        ("post", "/v1/drafts/nope/reject", {"reviewer": "anna", "reason": "x"}, 404, "draft_not_found"),
        ("get", "/v1/drafts?status=lost", None, 422, "invalid_status"),
        ("get", "/v1/drafts?limit=0", None, 422, "validation_error"),
        ("post", "/v1/retrieve", {"question": "ok", "k": 0}, 422, "validation_error"),
        ("post", "/v1/compliance/check", {"text": ""}, 422, "validation_error"),
        ("get", "/v1/knowledge/no_such_entry", None, 404, "entry_not_found"),
        ("get", "/v1/nothing-here", None, 404, "not_found"),
        ("delete", "/v1/drafts", None, 405, "method_not_allowed"),
    ],
)
def test_bad_input_gets_json_error(
    client: TestClient, method: str, path: str, body: object, status: int, code: str
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_invalid_json_is_400(client: TestClient) -> None:
    response = client.post("/v1/drafts", content=b'{"message": "oops"', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


def test_approval_body_errors_leave_draft_untouched(client: TestClient) -> None:
    draft = create(client)
    for body in ({}, {"reviewer": ""}, {"reviewer": "anna", "text": "x" * 1001}, {"reviewer": 5}):
        response = client.post(f"/v1/drafts/{draft['id']}/approve", json=body)
        assert response.status_code == 422, body
    assert client.get(f"/v1/drafts/{draft['id']}").json()["status"] == "pending_review"


def test_retrieve_and_compliance_endpoints(client: TestClient) -> None:
    result = client.post("/v1/retrieve", json={"question": "Какой размер выбрать?", "k": 2}).json()
    assert result["abstain"] is False
    assert result["reason"] is None
    assert result["confidence"] > 0.9
    assert len(result["results"]) == 2
    assert result["results"][0]["topic"] == "size_chart"
    assert result["results"][0]["answer"].startswith("Здравствуйте")
    verdict = client.post("/v1/compliance/check", json={"text": "Пишите в телеграм @shop_help"}).json()
    assert verdict["allowed"] is False
    assert verdict["violations"][0]["code"] == "OFF_PLATFORM_CONTACT"


def test_retrieve_abstains_off_topic(client: TestClient) -> None:
    weather = client.post("/v1/retrieve", json={"question": "Какая погода будет завтра в Казани?"}).json()
    assert weather["abstain"] is True
    assert weather["reason"] in ("low_score", "out_of_scope", "low_coverage")


def test_order_status_favours_its_topics(tmp_path, index_dir, embedder: Embedder) -> None:
    service = Otvet(make_settings(tmp_path, index_dir, retrieval_context_boost=0.05), embedder=embedder)
    client = TestClient(create_app(otvet=service))
    question = {"question": "что с заказом?", "k": 5}
    unpaid = client.post("/v1/retrieve", json={**question, "order_status": "awaiting_payment"}).json()
    plain = client.post("/v1/retrieve", json=question).json()
    unpaid_topics = [r["topic"] for r in unpaid["results"]]
    plain_topics = [r["topic"] for r in plain["results"]]
    rank = {t: unpaid_topics.index(t) for t in ("unpaid_order", "payment_methods") if t in unpaid_topics}
    assert rank, unpaid_topics
    for topic, position in rank.items():
        assert topic not in plain_topics or position <= plain_topics.index(topic)
    service.close()


def test_knowledge_listing(client: TestClient) -> None:
    entries = client.get("/v1/knowledge").json()
    assert len(entries) >= 21
    one = client.get(f"/v1/knowledge/{entries[0]['id']}").json()
    assert one == entries[0]


def test_healthz(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["drafter"] == "offline"
    assert body["knowledge_entries"] >= 21


def test_api_keys_required_when_configured(tmp_path, index_dir, embedder: Embedder) -> None:
    settings = make_settings(tmp_path, index_dir, api_keys=["first-key", "second-key"])
    service = Otvet(settings, embedder=embedder)
    with TestClient(create_app(otvet=service)) as client:
        assert client.post("/v1/drafts", json={"message": RETURN_QUESTION}).status_code == 401
        wrong = client.get("/v1/drafts", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.json()["error"]["code"] == "unauthorized"
        for key in ("first-key", "second-key"):
            ok = client.get("/v1/drafts", headers={"Authorization": f"Bearer {key}"})
            assert ok.status_code == 200
        assert client.get("/healthz").status_code == 200
    service.close()


def test_drafts_and_history_survive_restart(tmp_path, index_dir, embedder: Embedder) -> None:
    settings = make_settings(tmp_path, index_dir)
    first = Otvet(settings, embedder=embedder)
    with TestClient(create_app(otvet=first)) as client:
        draft = create(client)
        client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna"})
    first.close()
    second = Otvet(settings, embedder=embedder)
    with TestClient(create_app(otvet=second)) as client:
        restored = client.get(f"/v1/drafts/{draft['id']}").json()
    second.close()
    assert restored["status"] == "approved"
    assert restored["final_text"] == draft["text"]
    assert [e["status"] for e in restored["history"]] == ["pending_review", "approved"]
