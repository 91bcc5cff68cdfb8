"""Holiday mode: a new chat's first message gets a holiday reply with the date the store is back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.compliance import check
from service.core import Otvet
from service.notices.compose import holiday_active
from service.notices.requests import MOSCOW
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings

MSK = dt.timedelta(hours=3)


@pytest.mark.parametrize(
    ("until", "now_utc", "active"),
    [
        (None, dt.datetime(2026, 11, 27, 12, 0), False),
        (dt.date(2026, 12, 1), dt.datetime(2026, 11, 27, 12, 0), True),
        (dt.date(2026, 12, 1), dt.datetime(2026, 11, 30, 20, 59), True),  # 23:59 in Moscow, still before
        (dt.date(2026, 12, 1), dt.datetime(2026, 11, 30, 21, 0), False),  # midnight in Moscow: back at work
        (dt.date(2026, 12, 1), dt.datetime(2026, 12, 5, 12, 0), False),
    ],
)
def test_holiday_follows_the_moscow_calendar(until: dt.date | None, now_utc: dt.datetime, active: bool) -> None:
    assert holiday_active(until, now_utc.replace(tzinfo=dt.UTC)) is active


def _client(tmp_path: Path, index_dir: Path, embedder: Embedder, until: dt.date) -> Iterator[TestClient]:
    service = Otvet(make_settings(tmp_path, index_dir, holiday_until=until), embedder=embedder)
    with TestClient(create_app(otvet=service)) as test_client:
        yield test_client
    service.close()


@pytest.fixture
def holiday_client(tmp_path: Path, index_dir: Path, embedder: Embedder) -> Iterator[TestClient]:
    yield from _client(tmp_path, index_dir, embedder, dt.date(2099, 1, 9))


def test_first_message_in_a_new_chat_gets_the_holiday_reply(holiday_client: TestClient) -> None:
    first = holiday_client.post(
        "/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "c1", "message_id": "1"}
    )
    assert first.status_code == 201
    draft = first.json()
    assert draft["status"] == "pending_review"  # still needs a human's approval
    assert draft["reason"] == "holiday_mode"
    assert draft["drafter"] == "holiday"
    assert draft["kind"] == "reply"
    assert "9 января" in draft["text"]
    assert draft["text"].startswith("Здравствуйте")
    assert check(draft["text"]).allowed

    second = holiday_client.post(
        "/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "c1", "message_id": "2"}
    )
    assert second.json()["reason"] != "holiday_mode"
    assert second.json()["sources"][0]["topic"] == "return_item"

    again = holiday_client.post(
        "/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "c1", "message_id": "1"}
    )
    assert again.status_code == 200 and again.json()["id"] == draft["id"]

    other_chat = holiday_client.post("/v1/drafts", json={"message": "Где заказ?", "chat_id": "c2", "message_id": "1"})
    assert other_chat.json()["reason"] == "holiday_mode"

    approved = holiday_client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna"})
    assert approved.json()["status"] == "approved"


def test_message_without_a_chat_is_drafted_as_usual(holiday_client: TestClient) -> None:
    draft = holiday_client.post("/v1/drafts", json={"message": "Как вернуть товар?"}).json()
    assert draft["drafter"] == "offline"


def test_no_holiday_reply_once_the_store_is_back(tmp_path: Path, index_dir: Path, embedder: Embedder) -> None:
    today = dt.datetime.now(MOSCOW).date()
    for client in _client(tmp_path, index_dir, embedder, today):
        draft = client.post("/v1/drafts", json={"message": "Как вернуть товар?", "chat_id": "c1", "message_id": "1"})
        assert draft.json()["drafter"] == "offline"


def test_blank_holiday_setting_means_off(tmp_path: Path, index_dir: Path) -> None:
    assert make_settings(tmp_path, index_dir, holiday_until="").holiday_until is None
    assert make_settings(tmp_path, index_dir, holiday_until="2026-12-01").holiday_until == dt.date(2026, 12, 1)
