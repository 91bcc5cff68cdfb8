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
from service.retrieval.index import VectorIndex, load_or_build
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
        row_of = {entry.id: row for row, entry in enumerate(kb.entries)}
        # Entry row of every indexed document; -1 marks an out-of-scope example.
        self._doc_rows = np.array([row_of.get(doc.entry_id, -1) for doc in self.index.docs], dtype=np.int64)
        topics = np.array([entry.topic for entry in kb.entries])
        self._status_masks = {
            status: np.isin(topics, list(favoured)).astype(np.float32) for status, favoured in STATUS_TOPICS.items()
        }

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
        dense, best_doc, out_of_scope = self._dense(vector)
        tokens = tokenize(question)
        if mode == "dense":
            scores = dense.copy()
        else:
            lexical = self.lexical.scores(tokens)
            top = float(lexical.max()) if lexical.size else 0.0
            normalized = lexical / top if top > 0 else lexical
            scores = normalized if mode == "lexical" else dense + self.tuning.lexical_weight * normalized
        if order_status and mode != "lexical" and self.tuning.context_boost:
            favoured = self._status_masks.get(order_status.strip().lower())
            if favoured is not None:
                scores = scores + self.tuning.context_boost * favoured
        order = np.argsort(-scores)[:k]
        hits = [Hit(self.kb.entries[i], float(scores[i]), self._question(int(best_doc[i]))) for i in order]
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

    def _dense(self, vector: Vectors) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], float]:
        """Per-entry best cosine, the document that gave it (-1 if none), and the best out-of-scope cosine."""
        scores, ids = self.index.search(vector, CANDIDATE_DOCS)
        found = ids[0] >= 0
        doc_scores, doc_ids = scores[0][found], ids[0][found]
        floor = float(doc_scores[-1]) if doc_scores.size else 0.0
        dense = np.full(len(self.kb.entries), floor, dtype=np.float32)
        best_doc = np.full(len(self.kb.entries), -1, dtype=np.int64)
        rows = self._doc_rows[doc_ids]
        outside = rows < 0
        out_of_scope = float(doc_scores[outside].max()) if outside.any() else 0.0
        inside_rows, inside_scores, inside_ids = rows[~outside], doc_scores[~outside], doc_ids[~outside]
        # faiss returns neighbours best first, so an entry's first occurrence is its best match.
        unique_rows, first = np.unique(inside_rows, return_index=True)
        dense[unique_rows] = inside_scores[first]
        best_doc[unique_rows] = inside_ids[first]
        return dense, best_doc, out_of_scope

    def _question(self, doc_id: int) -> str:
        return self.index.docs[doc_id].text if doc_id >= 0 else ""
