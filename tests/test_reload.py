"""Live knowledge reload: new entries appear without a restart, broken ones never replace the old."""

from __future__ import annotations

import textwrap
import threading
from pathlib import Path

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.core import Otvet
from service.retrieval.embedder import Embedder
from tests.conftest import make_settings

ENTRY = """\
  - id: {id}
    topic: {topic}
    title: {title}
    questions: [{questions}]
    answer:
      acknowledgement: "Здравствуйте! Спасибо за вопрос."
      solution: "{solution}"
      support: "Если останутся вопросы, напишите нам здесь, в чате."
"""

RETURNS = ENTRY.format(
    id="return_basic", topic="return_item", title="Возврат товара",
    questions='"Как вернуть товар?", "хочу сдать покупку обратно", "оформить возврат", "вернуть вещь"',
    solution="Оформите возврат в разделе «Мои заказы» личного кабинета Ozon.",
)  # fmt: skip
SIZES = ENTRY.format(
    id="size_basic", topic="size_chart", title="Размерная сетка",
    questions='"Какой размер выбрать?", "таблица размеров", "подскажите размер", "маломерит или нет?"',
    solution="Размерная сетка есть в карточке товара, в разделе «Характеристики».",
)  # fmt: skip


def test_reload_swaps_in_new_entries_and_refuses_broken_ones(
    tmp_path: Path, index_dir: Path, embedder: Embedder
) -> None:
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    (kb_dir / "faq.yaml").write_text("entries:\n" + RETURNS, encoding="utf-8")
    service = Otvet(make_settings(tmp_path, index_dir, knowledge_dir=kb_dir), embedder=embedder)
    with TestClient(create_app(otvet=service)) as client:
        assert [e["id"] for e in client.get("/v1/knowledge").json()] == ["return_basic"]

        (kb_dir / "faq.yaml").write_text("entries:\n" + RETURNS + SIZES, encoding="utf-8")
        reloaded = client.post("/v1/knowledge/reload")
        assert reloaded.status_code == 200
        assert reloaded.json()["entries"] == 2
        hit = client.post("/v1/retrieve", json={"question": "какой размер мне взять?"}).json()
        assert hit["results"][0]["entry_id"] == "size_basic"

        (kb_dir / "broken.yaml").write_text(
            textwrap.dedent("""\
                entries:
                  - id: bad
                    topic: weather
            """),
            encoding="utf-8",
        )
        refused = client.post("/v1/knowledge/reload")
        assert refused.status_code == 422
        error = refused.json()["error"]
        assert error["code"] == "knowledge_invalid"
        assert any(d["file"].endswith("broken.yaml") and d["line"] == 2 for d in error["details"])
        assert [e["id"] for e in client.get("/v1/knowledge").json()] == ["return_basic", "size_basic"]
        still = client.post("/v1/drafts", json={"message": "Как вернуть товар?"}).json()
        assert still["sources"][0]["entry_id"] == "return_basic"
    service.close()


def test_requests_keep_working_during_reload(tmp_path: Path, index_dir: Path, embedder: Embedder) -> None:
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    (kb_dir / "faq.yaml").write_text("entries:\n" + RETURNS + SIZES, encoding="utf-8")
    service = Otvet(make_settings(tmp_path, index_dir, knowledge_dir=kb_dir), embedder=embedder)
    statuses: list[int] = []
    with TestClient(create_app(otvet=service)) as client:

        def ask() -> None:
            for _ in range(15):
                response = client.post("/v1/retrieve", json={"question": "Как вернуть товар?"})
                statuses.append(response.status_code)

        worker = threading.Thread(target=ask)
        worker.start()
        for variant in range(3):  # a changed file forces a real rebuild each time
            body = "entries:\n" + RETURNS + SIZES + f"# revision {variant}\n"
            (kb_dir / "faq.yaml").write_text(body, encoding="utf-8")
            assert client.post("/v1/knowledge/reload").status_code == 200
        worker.join()
    service.close()
    assert statuses == [200] * 15
