"""POST /v1/notices: validation per event, templates, idempotency, auto-approval and its limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.compliance import check
from service.core import Otvet
from service.drafting.slots import format_date_ru
from service.knowledge.models import AnswerTemplate
from service.notices.compose import compose_notice
from service.notices.requests import MOSCOW, NoticeRequest
from service.notices.templates import NoticeTemplates
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings

POSTING = "12345678-0001-1"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@pytest.fixture
def auto_client(tmp_path: Path, index_dir: Path, embedder: Embedder) -> Iterator[TestClient]:
    service = Otvet(make_settings(tmp_path, index_dir, auto_approve_notices=True), embedder=embedder)
    with TestClient(create_app(otvet=service)) as test_client:
        yield test_client
    service.close()


def test_shipped_notice_is_queued_for_approval(client: TestClient) -> None:
    response = client.post(
        "/v1/notices",
        json={"event": "shipped", "posting_number": POSTING, "tracking_number": "RA123456789RU", "chat_id": "c-9"},
    )
    assert response.status_code == 201
    notice = response.json()
    assert notice["kind"] == "notice"
    assert notice["status"] == "pending_review"
    assert notice["drafter"] == "notice"
    assert notice["chat_id"] == "c-9"
    assert notice["notice"]["event"] == "shipped"
    assert notice["notice"]["source"] == "api"
    assert notice["text"].startswith("Здравствуйте")
    assert POSTING in notice["text"] and "RA123456789RU" in notice["text"]
    assert notice["compliance"] == {"allowed": True, "violations": []}
    assert check(notice["text"]).allowed
    queue = client.get("/v1/drafts").json()["items"]
    assert [item["id"] for item in queue] == [notice["id"]]


def test_same_event_for_the_same_posting_makes_one_notice(client: TestClient) -> None:
    body = {"event": "delivered", "posting_number": POSTING}
    first = client.post("/v1/notices", json=body)
    again = client.post("/v1/notices", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert len(client.get("/v1/drafts").json()["items"]) == 1
    other = client.post("/v1/notices", json={"event": "delivered", "posting_number": "12345678-0002-1"})
    assert other.status_code == 201


def test_delivered_notice_thanks_and_guides(client: TestClient) -> None:
    notice = client.post("/v1/notices", json={"event": "delivered", "order_number": "12345678-0001"}).json()
    assert "12345678-0001" in notice["text"]
    assert "спасибо" in notice["text"].lower()
    assert "возврат" in notice["text"]
    assert "отзыв" not in notice["text"].lower()  # no review pressure, not even a gentle one


def test_delayed_notice_names_the_new_date_in_russian(client: TestClient) -> None:
    new_date = _now().astimezone(MOSCOW).date() + dt.timedelta(days=10)
    body = {"event": "delayed", "posting_number": POSTING, "new_date": new_date.isoformat()}
    notice = client.post("/v1/notices", json=body).json()
    assert format_date_ru(new_date) in notice["text"]
    assert notice["order"]["delivery_date"] == new_date.isoformat()
    later = {**body, "new_date": (new_date + dt.timedelta(days=3)).isoformat()}
    assert client.post("/v1/notices", json=later).status_code == 201  # a second delay is news
    assert client.post("/v1/notices", json=body).status_code == 200


def test_unpaid_reminder_within_48_hours_of_the_order(client: TestClient) -> None:
    created = (_now() - dt.timedelta(hours=47)).isoformat()
    body = {"event": "unpaid_reminder", "posting_number": POSTING, "order_created_at": created}
    notice = client.post("/v1/notices", json={**body, "product_name": "Кроссовки беговые"})
    assert notice.status_code == 201
    assert "ожидает оплаты" in notice.json()["text"]
    assert "«Кроссовки беговые»" in notice.json()["text"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"event": "shipped", "posting_number": POSTING}, 422, "tracking_number_required"),
        ({"event": "delayed", "posting_number": POSTING}, 422, "new_date_required"),
        ({"event": "delayed", "posting_number": POSTING, "new_date": "2020-01-10"}, 422, "new_date_in_past"),
        ({"event": "unpaid_reminder", "posting_number": POSTING}, 422, "order_created_at_required"),
        ({"event": "unpaid_reminder", "posting_number": POSTING, "order_created_at": "OLD"}, 422, "validation_error"),
        (
            {"event": "unpaid_reminder", "posting_number": POSTING, "order_created_at": "HOURS:49"},
            409,
            "unpaid_reminder_too_late",
        ),
        (
            {"event": "unpaid_reminder", "posting_number": POSTING, "order_created_at": "HOURS:-3"},
            422,
            "order_created_at_in_future",
        ),
        ({"event": "delivered"}, 422, "posting_number_required"),
        ({"event": "returned", "posting_number": POSTING}, 422, "validation_error"),
        ({"posting_number": POSTING}, 422, "validation_error"),
        ({"event": "shipped", "posting_number": POSTING, "tracking_number": ""}, 422, "validation_error"),
    ],
)
def test_bad_notice_gets_a_clear_error_and_stores_nothing(
    client: TestClient, body: dict[str, str], status: int, code: str
) -> None:
    created = body.get("order_created_at", "")
    if created.startswith("HOURS:"):
        body = {**body, "order_created_at": (_now() - dt.timedelta(hours=int(created[6:]))).isoformat()}
    response = client.post("/v1/notices", json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert client.get("/v1/drafts").json()["items"] == []


def test_auto_approved_notice_is_still_checked(auto_client: TestClient) -> None:
    body = {"event": "shipped", "posting_number": POSTING, "tracking_number": "RA123456789RU"}
    notice = auto_client.post("/v1/notices", json=body).json()
    assert notice["status"] == "approved"
    assert notice["final_text"] == notice["text"]
    assert [event["status"] for event in notice["history"]] == ["pending_review", "approved"]
    assert notice["history"][-1]["note"] == "auto_approved_notice"

    # A value that smuggles a contact in makes the notice break the rules: it waits for a human.
    smuggled = {**body, "posting_number": "12345678-0002-1", "tracking_number": "t.me/shop_help"}
    blocked = auto_client.post("/v1/notices", json=smuggled).json()
    assert blocked["status"] == "blocked"
    assert blocked["decided_at"] is None
    assert blocked["compliance"]["violations"][0]["code"] == "OFF_PLATFORM_CONTACT"
    assert auto_client.post(f"/v1/drafts/{blocked['id']}/approve", json={"reviewer": "anna"}).status_code == 422


def test_notice_can_be_approved_like_a_reply(client: TestClient) -> None:
    notice = client.post("/v1/notices", json={"event": "delivered", "posting_number": POSTING}).json()
    approved = client.post(f"/v1/drafts/{notice['id']}/approve", json={"reviewer": "anna"})
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert approved.json()["kind"] == "notice"


def test_long_product_name_falls_back_to_the_shorter_alternative() -> None:
    """kb check measures templates with a short sample name; a real one may be 300 characters."""
    templates = NoticeTemplates(
        {
            "shipped": AnswerTemplate(
                acknowledgement=("Здравствуйте! " + "Спасибо за заказ. " * 40,),
                solution=("Товар «{product_name}» передан в доставку.", "Заказ {posting_number} передан в доставку."),
                support=("Трек-номер — {tracking_number}.",),
            )
        }
    )
    request = NoticeRequest(event="shipped", posting_number=POSTING, tracking_number="RA1", product_name="Куртка")
    assert "«Куртка»" in compose_notice(templates, request, {}).parts.text()
    long_name = NoticeRequest(**{**request.__dict__, "product_name": "Куртка демисезонная " * 15})
    text = compose_notice(templates, long_name, {}).parts.text()
    assert len(text) <= 1000
    assert POSTING in text and "Куртка" not in text
