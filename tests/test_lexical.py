"""The lexical arm's text handling: transliteration, lemmas, stop words and typo trigrams."""

from __future__ import annotations

import pytest

from service.retrieval.lexical import LexicalIndex, tokenize
from service.retrieval.translit import looks_transliterated, to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("vernut tovar", "вернуть товар"),
        ("gde moy zakaz", "где мой заказ"),
        ("kogda pridet posylka", "когда придет посылка"),
        ("razmer ne podoshel hochu obmen", "размер не подошел хочу обмен"),
        ("skolko dney hranitsya v pvz", "сколько дней хранится в пвз"),
    ],
)
def test_transliteration_back_to_cyrillic(latin: str, cyrillic: str) -> None:
    assert looks_transliterated(latin)
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("text", ["Как вернуть товар?", "заказ RA123456789RU где", "ok", "iPhone 15 пришёл битый"])
def test_cyrillic_and_mixed_text_is_not_transliterated(text: str) -> None:
    assert not looks_transliterated(text)


def test_tokens_are_lemmas_without_stop_words() -> None:
    lemmas = {t for t in tokenize("Здравствуйте, подскажите пожалуйста, как вернуть куртки?") if t.startswith("w:")}
    assert lemmas == {"w:вернуть", "w:куртка"}


def test_inflections_and_translit_meet_the_same_entry() -> None:
    index = LexicalIndex(["Возврат товара: как вернуть покупку", "Размерная сетка и таблица размеров"])
    for query in ("вернула товары", "vernut tovar", "вазврат товара"):
        scores = index.scores(tokenize(query))
        assert scores[0] > scores[1], query


def test_typo_still_matches_through_trigrams() -> None:
    index = LexicalIndex(["размерная сетка обуви", "где трек-номер посылки"])
    scores = index.scores(tokenize("разм сетка"))
    assert scores[0] > scores[1]
    assert index.coverage(tokenize("сетки для обуви"), 0) == 1.0
    assert index.coverage(tokenize("погода в Москве"), 0) == 0.0
