"""knowledge/notices.yaml: `otvet kb check` and reload catch what would make a notice go out wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from service.config import ROOT_DIR
from service.errors import KnowledgeError
from service.knowledge.check import check_knowledge
from service.notices.templates import NOTICE_EVENTS, SHIPPED_NOTICES, load_notice_templates, notices_path
from tests.conftest import make_settings

SHIPPED = yaml.safe_load(SHIPPED_NOTICES.read_text(encoding="utf-8"))


def _knowledge_with(tmp_path: Path, notices: dict[str, object] | str) -> Path:
    kb_dir = tmp_path / "kb"
    shutil.copytree(ROOT_DIR / "knowledge", kb_dir)
    text = notices if isinstance(notices, str) else yaml.safe_dump({"notices": notices}, allow_unicode=True)
    (kb_dir / "notices.yaml").write_text(text, encoding="utf-8")
    return kb_dir


def _with(event: str, **parts: object) -> dict[str, object]:
    notices = {name: dict(template) for name, template in SHIPPED["notices"].items()}
    notices[event].update(parts)
    return notices


def test_shipped_templates_cover_every_event() -> None:
    templates = load_notice_templates(ROOT_DIR / "knowledge")
    assert set(NOTICE_EVENTS) | {"holiday"} == set(templates.templates)


@pytest.mark.parametrize(
    ("notices", "fragment"),
    [
        ({k: v for k, v in SHIPPED["notices"].items() if k != "delayed"}, "missing template for notice 'delayed'"),
        (_with("shipped", support="Пишите, заказ {order_id}."), "shipped: support uses unknown slot(s) ['order_id']"),
        (_with("delivered", solution="Дата: {new_date}."), "delivered: solution uses unknown slot(s) ['new_date']"),
        (_with("delivered", solution=["Товар «{product_name}»."]), "last alternative must not need {product_name}"),
        (_with("delayed", support="Напишите нам в WhatsApp."), "delayed: support fails compliance (OFF_PLATFORM"),
        (_with("unpaid_reminder", support="Оставьте, пожалуйста, отзыв с пятью звёздами."), "fails compliance"),
        (_with("holiday", solution="Мы вернёмся {resume_date}. " + "Спасибо! " * 120), "over the 1000-character limit"),
        (_with("shipped", acknowledgement="Добрый день!"), "acknowledgement must start with «Здравствуйте»"),
        (_with("shipped", solution=""), "notice shipped: solution must be a non-empty string or list"),
        ({**SHIPPED["notices"], "returned": SHIPPED["notices"]["delivered"]}, "unknown notice 'returned'"),
        ("notices: [unclosed\n", "malformed YAML"),
        ("something: else\n", "must be a mapping with a 'notices' mapping"),
    ],
    ids=["missing", "unknown-slot", "other-event-slot", "fallback", "contact", "review", "length", "greeting",
         "empty", "unknown-event", "yaml", "shape"],
)  # fmt: skip
def test_kb_check_reports_notice_problems(
    tmp_path: Path, index_dir: Path, notices: dict[str, object] | str, fragment: str
) -> None:
    kb_dir = _knowledge_with(tmp_path, notices)
    problems, _ = check_knowledge(make_settings(tmp_path, index_dir, knowledge_dir=kb_dir))
    messages = [str(problem) for problem in problems]
    assert any(fragment in message for message in messages), messages
    assert all(message.startswith(str(kb_dir / "notices.yaml")) for message in messages)


def test_kb_check_passes_and_a_directory_without_notices_uses_the_shipped_ones(tmp_path: Path, index_dir: Path) -> None:
    assert check_knowledge(make_settings(tmp_path, index_dir))[0] == []
    (tmp_path / "faq.yaml").write_text((ROOT_DIR / "knowledge" / "store.yaml").read_text(encoding="utf-8"))
    assert notices_path(tmp_path) == SHIPPED_NOTICES
    assert check_knowledge(make_settings(tmp_path, index_dir, knowledge_dir=tmp_path))[0] == []


def test_broken_templates_refuse_to_load(tmp_path: Path) -> None:
    kb_dir = _knowledge_with(tmp_path, _with("shipped", support="Трек {order_id}."))
    with pytest.raises(KnowledgeError) as caught:
        load_notice_templates(kb_dir)
    assert "order_id" in str(caught.value.details)
