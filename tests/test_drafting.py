"""Drafting stages: the offline drafter over the whole knowledge base, blocked drafts, the LLM path."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.compliance import check
from service.config import ROOT_DIR, Settings
from service.core import DraftInput, Otvet
from service.drafting.offline import OfflineDrafter
from service.drafting.parts import MAX_REPLY_CHARS, structural_problems
from service.drafting.slots import order_values, setting_values
from service.knowledge import TOPICS, load_knowledge_base
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings
from tests.fake_llm import FakeLLM, ServerThread

KB = load_knowledge_base(ROOT_DIR / "knowledge")
FULL_ORDER = {
    "posting_number": "12345678-0001-1",
    "tracking_number": "RA123456789RU",
    "delivery_date": "2026-12-01",
    "product_name": "Кроссовки беговые",
}


def test_every_required_topic_has_an_entry() -> None:
    assert {entry.topic for entry in KB.entries} == set(TOPICS)


@pytest.mark.parametrize("order", [{}, FULL_ORDER, {"posting_number": "12345678-0001-1"}], ids=["none", "full", "some"])
@pytest.mark.parametrize("entry", KB.entries, ids=lambda e: e.id)
def test_offline_draft_of_every_entry_is_shippable(entry, order) -> None:
    import datetime as dt

    facts = order_values({k: dt.date.fromisoformat(v) if k == "delivery_date" else v for k, v in order.items()})
    parts = OfflineDrafter().draft(entry, {**setting_values(Settings(_env_file=None)), **facts})  # type: ignore[call-arg]
    text = parts.text()
    assert structural_problems(parts) == []
    assert len(text) <= MAX_REPLY_CHARS
    assert not re.search(r"[{}]|None|\s[,.]", text), text
    assert check(text).allowed, check(text).violations


def test_missing_order_data_picks_the_slot_free_alternative() -> None:
    entry = next(e for e in KB.entries if any("{tracking_number}" in a for a in e.answer.solution))
    values = setting_values(Settings(_env_file=None))  # type: ignore[call-arg]
    without = OfflineDrafter().draft(entry, values).text()
    order = {**values, **order_values(FULL_ORDER), "tracking_number": "RA987654321RU"}
    with_number = OfflineDrafter().draft(entry, order).text()
    assert "RA987654321RU" in with_number
    assert "{" not in without and "RA987654321RU" not in without


def _write_kb(directory: Path, solution: str) -> Path:
    directory.mkdir()
    (directory / "faq.yaml").write_text(
        textwrap.dedent(f"""\
            entries:
              - id: return_simple
                topic: return_item
                title: Возврат товара
                questions: ["Как вернуть товар?", "хочу вернуть покупку", "возврат как сделать", "можно сдать назад?"]
                answer:
                  acknowledgement: "Здравствуйте! Понимаем Ваш вопрос."
                  solution: "{solution}"
                  support: "Если что-то останется неясным, напишите нам здесь, в чате."
            """),
        encoding="utf-8",
    )
    return directory


def test_blocked_draft_cannot_be_approved_as_it_stands(tmp_path: Path, index_dir: Path, embedder: Embedder) -> None:
    kb_dir = _write_kb(tmp_path / "kb", "Пишите нам в WhatsApp, там оформим возврат быстрее.")
    service = Otvet(make_settings(tmp_path, index_dir, knowledge_dir=kb_dir), embedder=embedder)
    with TestClient(create_app(otvet=service)) as client:
        draft = client.post("/v1/drafts", json={"message": "Как вернуть товар?"}).json()
        assert draft["status"] == "blocked"
        assert draft["compliance"]["violations"][0]["code"] == "OFF_PLATFORM_CONTACT"
        as_is = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna"})
        assert as_is.status_code == 422
        assert as_is.json()["error"]["code"] == "draft_blocked"
        fixed = draft["text"].replace(
            "Пишите нам в WhatsApp, там оформим возврат быстрее.", "Оформите возврат в «Моих заказах»."
        )
        ok = client.post(f"/v1/drafts/{draft['id']}/approve", json={"reviewer": "anna", "text": fixed})
        assert ok.status_code == 200
        assert ok.json()["final_text"] == fixed
    service.close()


GOOD_LLM_REPLY = {
    "acknowledgement": "Здравствуйте! Жаль, что товар не подошёл.",
    "solution": "Оформите возврат в личном кабинете Ozon: «Мои заказы» → товар → «Вернуть».",
    "support": "Если появятся вопросы, напишите нам здесь, в чате.",
}


@pytest.fixture
def fake_llm():
    fake = FakeLLM()
    with ServerThread(fake.app()) as base_url:
        yield fake, base_url


def _llm_service(tmp_path: Path, index_dir: Path, embedder: Embedder, base_url: str) -> Otvet:
    settings = make_settings(
        tmp_path,
        index_dir,
        llm_model="openai/test-model",
        llm_api_base=f"{base_url}/v1",
        llm_api_key="sk-test",
        llm_timeout_seconds=5,
    )
    return Otvet(settings, embedder=embedder)


def test_llm_draft_goes_through_litellm_over_http(fake_llm, tmp_path, index_dir, embedder) -> None:
    fake, base_url = fake_llm
    fake.enqueue("```json\n" + __import__("json").dumps(GOOD_LLM_REPLY, ensure_ascii=False) + "\n```")
    service = _llm_service(tmp_path, index_dir, embedder, base_url)
    row, created = service.create_draft(DraftInput(message="Как вернуть товар?"))
    service.close()
    assert created and row.drafter == "llm" and row.status == "pending_review"
    assert row.parts == GOOD_LLM_REPLY
    assert row.meta["prompt"]["version"] == (ROOT_DIR / "prompts" / "VERSION").read_text().strip()
    request = fake.requests[0]
    assert request["model"] == "test-model"
    assert request["messages"][0]["role"] == "system"
    assert "Как вернуть товар?" in request["messages"][1]["content"]


@pytest.mark.parametrize(
    ("reply", "status", "reason"),
    [
        ("Конечно, вот ответ без JSON.", 200, "llm_invalid_output"),
        ('{"acknowledgement": "Hello!", "solution": "x", "support": "y"}', 200, "llm_invalid_output"),
        ("upstream exploded", 500, "llm_unavailable"),
    ],
    ids=["no-json", "no-greeting", "server-error"],
)
def test_llm_failure_falls_back_to_offline(fake_llm, tmp_path, index_dir, embedder, reply, status, reason) -> None:
    fake, base_url = fake_llm
    for _ in range(4):  # litellm may retry a 5xx on its own
        fake.enqueue(reply, status=status)
    service = _llm_service(tmp_path, index_dir, embedder, base_url)
    row, _ = service.create_draft(DraftInput(message="Как вернуть товар?"))
    service.close()
    assert row.drafter == "offline"
    assert row.reason == reason
    assert row.status == "pending_review"
    assert row.sources[0]["topic"] == "return_item"


def test_llm_draft_with_contact_falls_back_to_offline(fake_llm, tmp_path, index_dir, embedder) -> None:
    fake, base_url = fake_llm
    fake.enqueue({**GOOD_LLM_REPLY, "solution": "Напишите нам в WhatsApp +7 912 345-67-89."})
    service = _llm_service(tmp_path, index_dir, embedder, base_url)
    row, _ = service.create_draft(DraftInput(message="Как вернуть товар?"))
    service.close()
    assert (row.drafter, row.reason, row.status) == ("offline", "llm_draft_blocked", "pending_review")
    assert "WhatsApp" not in row.text
