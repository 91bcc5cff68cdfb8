"""The lexical arm: BM25 over Russian lemmas plus character trigrams.

Lemmas let «вернуть», «верну» and «возврата» meet their entry; trigrams catch the typos
(«вазврат», «разм сетка») that neither lemmas nor the embedding model recover.
"""

from __future__ import annotations

import re
from functools import lru_cache

import bm25s
import numpy as np
import numpy.typing as npt
import pymorphy3

from service.retrieval.translit import KEEP_LATIN, to_cyrillic

_WORD = re.compile(r"[а-яёa-z0-9]+")
_LATIN_WORD = re.compile(r"^[a-z']+$")
_MORPH = pymorphy3.MorphAnalyzer()

# Function words and chat filler that say nothing about the topic.
STOP_WORDS = frozenset(
    """
    а без более бы был была были было быть в вам вас ваш ваша ваше ваши весь вот все всё вы где да даже
    для до его ее её если есть еще ещё же за здесь и из или им их к как ко когда кто ли либо мне мной
    мой моя мое моё мои мы на над нам нас наш не него нее неё нет ни них но ну о об однако он она они
    оно от очень по под при с со так также такой там то тоже только тот ты у уже хотя чего чей чем что
    чтобы чье эта эти это этот я здравствуйте привет добрый день вечер утро пожалуйста спасибо подскажите
    скажите можно нужно почему зачем который свой сам самый мочь хотеть тут вообще просто ок плз пж блин
    короче типа вроде
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    return str(_MORPH.parse(word)[0].normal_form).replace("ё", "е")


def _word_forms(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(text.casefold()):
        if _LATIN_WORD.match(word) and word not in KEEP_LATIN:
            word = to_cyrillic(word)
        words.append(word.replace("ё", "е"))
    return words


def tokenize(text: str) -> list[str]:
    """Lemmas (``w:``) and in-word trigrams (``g:``) of the content words."""
    tokens: list[str] = []
    for word in _word_forms(text):
        base = lemma(word)
        if base in STOP_WORDS or word in STOP_WORDS:
            continue
        tokens.append(f"w:{base}")
        padded = f"#{word}#"
        tokens.extend(f"g:{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return tokens


def content_lemmas(tokens: list[str]) -> set[str]:
    return {token for token in tokens if token.startswith("w:")}


class LexicalIndex:
    def __init__(self, texts: list[str]) -> None:
        corpus = [tokenize(t) or ["w:<empty>"] for t in texts]
        self._size = len(texts)
        self.vocabularies = [content_lemmas(tokens) for tokens in corpus]
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        self._bm25.index(corpus, show_progress=False)

    def scores(self, tokens: list[str]) -> npt.NDArray[np.float32]:
        if not tokens:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def coverage(self, tokens: list[str], row: int) -> float:
        """Share of the message's content words that the entry's own examples use."""
        lemmas = content_lemmas(tokens)
        if not lemmas:
            return 0.0
        return len(lemmas & self.vocabularies[row]) / len(lemmas)
