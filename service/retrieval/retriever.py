"""Dense retrieval with an abstain threshold: no match is better than a confident wrong answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from service.knowledge.models import Entry, KnowledgeBase
from service.retrieval.embedder import Embedder
from service.retrieval.index import VectorIndex, load_or_build
from service.retrieval.translit import looks_transliterated, to_cyrillic

CANDIDATE_DOCS = 64  # enough neighbours to rank every plausible entry by its best question


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    matched_question: str


@dataclass(frozen=True)
class RetrievalResult:
    abstain: bool
    hits: list[Hit]


class Retriever:
    def __init__(self, kb: KnowledgeBase, embedder: Embedder, index_dir: Path, min_score: float) -> None:
        self.kb = kb
        self.embedder = embedder
        self.min_score = min_score
        self.index: VectorIndex = load_or_build(kb, embedder, index_dir)

    def search(self, question: str, k: int = 3) -> RetrievalResult:
        if looks_transliterated(question):
            question = to_cyrillic(question)
        vectors = self.embedder.embed_queries([question])
        scores, ids = self.index.search(vectors, CANDIDATE_DOCS)
        best: dict[str, Hit] = {}
        for score, doc_id in zip(scores[0].tolist(), ids[0].tolist(), strict=True):
            if doc_id < 0:
                continue
            doc = self.index.docs[doc_id]
            if doc.entry_id not in best:  # faiss returns neighbours best first
                best[doc.entry_id] = Hit(self.kb.by_id[doc.entry_id], float(score), doc.text)
        hits = sorted(best.values(), key=lambda hit: hit.score, reverse=True)[:k]
        abstain = not hits or hits[0].score < self.min_score
        return RetrievalResult(abstain=abstain, hits=hits)
