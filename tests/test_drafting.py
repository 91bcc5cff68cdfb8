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
from service.core import Otvet
from service.drafting.offline import OfflineDrafter
from service.drafting.parts import MAX_REPLY_CHARS, structural_problems
from service.drafting.slots import order_values, setting_values
from service.knowledge import TOPICS, load_knowledge_base
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings

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
