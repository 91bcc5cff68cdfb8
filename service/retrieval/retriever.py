"""Hybrid retrieval: dense e5 similarity blended with BM25 over lemmas, and a calibrated abstain.

Dense similarity understands paraphrase; BM25 with trigrams survives typos and rare words.
An entry's score is its best example-question cosine plus a weighted, per-query-normalized BM25
score. The service abstains when the best entry is not similar enough, or when the message is
closer to the knowledge base's out-of-scope examples than to any entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from service.knowledge.models import Entry, KnowledgeBase
from service.retrieval.embedder import Embedder, Vectors
from service.retrieval.index import OUT_OF_SCOPE, VectorIndex, load_or_build
from service.retrieval.lexical import LexicalIndex, tokenize
from service.retrieval.translit import looks_transliterated, to_cyrillic
from service.retrieval.tuning import Tuning

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
CANDIDATE_DOCS = 256  # neighbours fetched from faiss; entries beyond them get the floor score

# Which topics an order's status makes more likely (Ozon posting statuses).
STATUS_TOPICS: dict[str, frozenset[str]] = {
    "awaiting_payment": frozenset({"unpaid_order", "payment_methods"}),
    "awaiting_packaging": frozenset({"delivery_time", "cancel_order", "address_change"}),
    "awaiting_deliver": frozenset({"delivery_time", "cancel_order", "address_change", "tracking"}),
    "delivering": frozenset({"tracking", "delivery_delay", "pickup_point"}),
    "delivered": frozenset({"return_item", "damaged_item", "wrong_item", "exchange", "warranty", "review"}),
    "cancelled": frozenset({"refund_status", "cancel_order"}),
}


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    matched_question: str


@dataclass(frozen=True)
class RetrievalResult:
    abstain: bool
    hits: list[Hit]
    reason: str | None = None  # "low_score" or "out_of_scope" when abstaining
    confidence: float = 0.0  # best entry's dense cosine: what the abstain threshold compares
    out_of_scope_score: float = 0.0  # best cosine to an out-of-scope example
    coverage: float = 0.0  # share of the message's content words found in the best entry


class Retriever:
    def __init__(self, kb: KnowledgeBase, embedder: Embedder, index_dir: Path, tuning: Tuning | None = None) -> None:
        self.kb = kb
        self.embedder = embedder
        self.tuning = tuning or Tuning()
        self.index: VectorIndex = load_or_build(kb, embedder, index_dir)
        self.lexical = LexicalIndex([" ".join((e.title, *e.questions)) for e in kb.entries])
        self._row = {entry.id: row for row, entry in enumerate(kb.entries)}
        self._topics = np.array([entry.topic for entry in kb.entries])

    @staticmethod
    def prepare(question: str) -> str:
        """What the embedding model sees: transliterated messages go back to Cyrillic."""
        return to_cyrillic(question) if looks_transliterated(question) else question

    def search(
        self, question: str, k: int = 3, order_status: str | None = None, mode: Mode = "hybrid"
    ) -> RetrievalResult:
        vector = self.embedder.embed_queries([self.prepare(question)])
        return self.search_embedded(question, vector, k, order_status, mode)

    def search_embedded(
        self, question: str, vector: Vectors, k: int = 3, order_status: str | None = None, mode: Mode = "hybrid"
    ) -> RetrievalResult:
        """Everything after the query embedding: faiss, BM25, fusion, context and abstain."""
        dense, matched, out_of_scope = self._dense(vector)
        tokens = tokenize(question)
        if mode == "dense":
            scores = dense.copy()
        else:
            lexical = self.lexical.scores(tokens)
            top = float(lexical.max()) if lexical.size else 0.0
            normalized = lexical / top if top > 0 else lexical
            scores = normalized if mode == "lexical" else dense + self.tuning.lexical_weight * normalized
        if order_status and mode != "lexical":
            favoured = STATUS_TOPICS.get(order_status.strip().lower())
            if favoured:
                scores = scores + self.tuning.context_boost * np.isin(self._topics, list(favoured))
        order = np.argsort(-scores)[:k]
        hits = [Hit(self.kb.entries[i], float(scores[i]), matched.get(int(i), "")) for i in order]
        best_dense = float(dense[order[0]]) if hits else 0.0
        coverage = self.lexical.coverage(tokens, int(order[0])) if hits else 0.0
        if mode == "lexical":
            reason = None if hits and hits[0].score > 0 else "low_score"
        else:
            reason = self.abstain_reason(best_dense, out_of_scope, coverage, self.tuning)
        return RetrievalResult(reason is not None or not hits, hits, reason, best_dense, out_of_scope, coverage)

    @staticmethod
    def abstain_reason(confidence: float, out_of_scope: float, coverage: float, tuning: Tuning) -> str | None:
        if confidence < tuning.min_score:
            return "low_score"
        if out_of_scope >= confidence + tuning.out_of_scope_margin:
            return "out_of_scope"
        if coverage < tuning.min_coverage and confidence < tuning.trusted_score:
            return "low_coverage"
        return None

    def _dense(self, vector: Vectors) -> tuple[npt.NDArray[np.float32], dict[int, str], float]:
        """Per-entry best cosine, the question that gave it, and the best out-of-scope cosine."""
        scores, ids = self.index.search(vector, CANDIDATE_DOCS)
        floor = float(scores[0][-1]) if scores.shape[1] else 0.0
        dense = np.full(len(self.kb.entries), floor, dtype=np.float32)
        seen = np.zeros(len(self.kb.entries), dtype=bool)
        matched: dict[int, str] = {}
        out_of_scope = 0.0
        for score, doc_id in zip(scores[0].tolist(), ids[0].tolist(), strict=True):
            if doc_id < 0:
                continue
            doc = self.index.docs[doc_id]
            if doc.entry_id == OUT_OF_SCOPE:
                out_of_scope = max(out_of_scope, score)
                continue
            row = self._row[doc.entry_id]
            if not seen[row]:  # faiss returns neighbours best first
                seen[row] = True
                dense[row] = score
                matched[row] = doc.text
        return dense, matched, out_of_scope
