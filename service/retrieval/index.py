"""A faiss index over the knowledge base's example questions, cached on disk by content hash.

Embedding the knowledge base is the slow part of start-up; an unchanged knowledge base and
model reuse the vectors from ``var/index/<hash>/`` instead.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from service.knowledge.models import KnowledgeBase
from service.retrieval.embedder import Embedder

log = logging.getLogger(__name__)

# One query at a time gains nothing from threads, and faiss's OpenMP pool fights torch's for
# the same cores: measured 16 ms per 10k-vector search with both pools, 0.7 ms with one thread.
SEARCH_THREADS = 1
faiss.omp_set_num_threads(SEARCH_THREADS)

INDEX_SCHEME = "questions-v3"  # bump when what gets embedded, or how it is indexed, changes
# An exact flat search costs ~0.9 ms at 10k vectors and ~10 ms at 100k on one core; HNSW answers in
# ~0.3 ms at either size with the same nearest neighbour (README, "How retrieval works"). Small
# knowledge bases, the usual case, stay exact.
HNSW_MIN_VECTORS = 5_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256
OUT_OF_SCOPE = "__out_of_scope__"  # entry id of the out-of-scope examples


@dataclass(frozen=True)
class IndexedDoc:
    entry_id: str
    text: str


@dataclass
class VectorIndex:
    key: str
    docs: list[IndexedDoc]
    faiss_index: faiss.Index
    built: bool  # False when loaded from the on-disk cache

    def search(self, query_vectors: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
        if faiss.omp_get_max_threads() != SEARCH_THREADS:  # importing torch resets the shared OpenMP pool
            faiss.omp_set_num_threads(SEARCH_THREADS)
        limit = min(limit, len(self.docs))
        if isinstance(self.faiss_index, faiss.IndexHNSWFlat):
            self.faiss_index.hnsw.efSearch = max(HNSW_EF_SEARCH, limit)
        scores, ids = self.faiss_index.search(query_vectors, limit)
        return scores, ids


def documents(kb: KnowledgeBase) -> list[IndexedDoc]:
    """Example questions and titles (buyers' messages look like questions, not answers), plus
    the out-of-scope examples that let retrieval recognise a message it should not answer."""
    docs: list[IndexedDoc] = []
    for entry in kb.entries:
        docs.append(IndexedDoc(entry.id, entry.title))
        docs.extend(IndexedDoc(entry.id, question) for question in entry.questions)
    docs.extend(IndexedDoc(OUT_OF_SCOPE, example) for example in kb.out_of_scope)
    return docs


def index_key(kb: KnowledgeBase, embedder: Embedder) -> str:
    raw = f"{INDEX_SCHEME}|{kb.content_hash}|{embedder.fingerprint}".encode()
    return hashlib.sha256(raw).hexdigest()[:24]


def is_fresh(index_dir: Path, key: str) -> bool:
    return (index_dir / key / "docs.json").is_file() and (index_dir / key / "vectors.faiss").is_file()


def load_or_build(kb: KnowledgeBase, embedder: Embedder, index_dir: Path) -> VectorIndex:
    key = index_key(kb, embedder)
    docs = documents(kb)
    target = index_dir / key
    if is_fresh(index_dir, key):
        stored = json.loads((target / "docs.json").read_text(encoding="utf-8"))
        if stored == [[d.entry_id, d.text] for d in docs]:
            return VectorIndex(key, docs, faiss.read_index(str(target / "vectors.faiss")), built=False)
        log.warning("index %s does not match the knowledge base; rebuilding", key)
    vectors = embedder.embed_queries([d.text for d in docs])
    index = new_index(embedder.dimension, len(docs))
    index.add(vectors)
    _persist(index_dir, key, docs, index)
    return VectorIndex(key, docs, index, built=True)


def new_index(dimension: int, count: int) -> faiss.Index:
    """Inner product on unit vectors is cosine; exact below HNSW_MIN_VECTORS, HNSW above."""
    if count < HNSW_MIN_VECTORS:
        return faiss.IndexFlatIP(dimension)
    index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    return index


def _persist(index_dir: Path, key: str, docs: list[IndexedDoc], index: faiss.Index) -> None:
    """Write to a temp dir and rename, so a concurrent start never reads half an index."""
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=index_dir))
    try:
        faiss.write_index(index, str(tmp / "vectors.faiss"))
        payload = json.dumps([[d.entry_id, d.text] for d in docs], ensure_ascii=False)
        (tmp / "docs.json").write_text(payload, encoding="utf-8")
        target = index_dir / key
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
