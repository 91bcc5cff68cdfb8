"""The vector index: exact for small knowledge bases, HNSW for large ones, same nearest neighbour."""

from __future__ import annotations

import faiss
import numpy as np

from service.retrieval.index import HNSW_MIN_VECTORS, IndexedDoc, VectorIndex, new_index


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_small_knowledge_bases_get_exact_search() -> None:
    assert isinstance(new_index(384, HNSW_MIN_VECTORS - 1), faiss.IndexFlatIP)
    assert isinstance(new_index(384, HNSW_MIN_VECTORS), faiss.IndexHNSWFlat)


def test_hnsw_finds_the_exact_nearest_question() -> None:
    rng = np.random.default_rng(7)
    centres = rng.standard_normal((HNSW_MIN_VECTORS // 10, 64))
    vectors = _unit(np.repeat(centres, 10, axis=0) + 0.3 * rng.standard_normal((HNSW_MIN_VECTORS, 64)))
    queries = _unit(vectors[rng.integers(0, len(vectors), 40)] + 0.2 * rng.standard_normal((40, 64)))
    exact = faiss.IndexFlatIP(64)
    exact.add(vectors)
    hnsw = new_index(64, len(vectors))
    hnsw.add(vectors)
    docs = [IndexedDoc("entry", str(i)) for i in range(len(vectors))]
    live = VectorIndex("key", docs, hnsw, built=True)

    _, truth = exact.search(queries, 1)
    scores, found = live.search(queries, 256)

    assert found.shape == (40, 256)
    assert (found[:, 0] == truth[:, 0]).mean() >= 0.95
    assert np.all(np.diff(scores, axis=1) <= 1e-6)  # best first, as the retriever relies on
