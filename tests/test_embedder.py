"""The ONNX runtimes embed like sentence-transformers on torch, and fail clearly when they cannot."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from service.errors import ModelError
from service.retrieval.embedder import Embedder

TEXTS = [
    "Где мой заказ?",
    "vernut tovar",
    "как аформить возрат в прилажении",
    "Здравствуйте! Заказывала куртку неделю назад, в приложении написано, что доставлено в пункт выдачи, "
    "но там говорят, что посылки нет. Что мне делать и когда вернут деньги?",
    "😩😩 кроссы не подошли",
    "<s> служебные токены </s> в тексте <pad>",
    "слово " * 700,  # longer than 512 tokens: truncated the same way on both runtimes
    "",
]


@pytest.fixture(scope="module")
def torch_vectors(model_dir: Path) -> np.ndarray:
    return Embedder(str(model_dir), "torch").embed_queries(TEXTS)


def test_onnx_matches_torch(embedder: Embedder, torch_vectors: np.ndarray) -> None:
    assert embedder.backend == "onnx"
    vectors = embedder.embed_queries(TEXTS)
    assert vectors.shape == (len(TEXTS), embedder.dimension) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * torch_vectors).sum(axis=1).min()) > 0.9999


def test_int8_stays_close_to_torch(model_dir: Path, torch_vectors: np.ndarray) -> None:
    vectors = Embedder(str(model_dir), "onnx-int8").embed_queries(TEXTS)
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert float(cosines[:-2].min()) > 0.95  # the truncated and the empty text are the outliers
    assert float(cosines.mean()) > 0.95


def test_batches_and_single_texts_agree(embedder: Embedder) -> None:
    texts = TEXTS * 5  # more than one internal batch, padded to different lengths
    together = embedder.embed_queries(texts)
    alone = np.vstack([embedder.embed_queries([text]) for text in TEXTS])
    np.testing.assert_allclose(together[: len(TEXTS)], alone, atol=1e-4)
    assert embedder.embed_queries([]).shape == (0, embedder.dimension)


def test_runtimes_get_separate_index_caches(model_dir: Path, embedder: Embedder) -> None:
    assert Embedder(str(model_dir), "onnx-int8").fingerprint != embedder.fingerprint


def test_missing_onnx_graph_names_the_fix(model_dir: Path, tmp_path: Path) -> None:
    partial = tmp_path / "model"
    shutil.copytree(model_dir, partial, ignore=shutil.ignore_patterns("*.onnx", "*.safetensors"))
    with pytest.raises(ModelError) as caught:
        Embedder(str(partial), "onnx")
    assert caught.value.code == "embedding_model_unavailable"
    assert "otvet model prepare" in str(caught.value)


def test_unknown_backend_is_refused(model_dir: Path) -> None:
    with pytest.raises(ModelError, match="unknown embedding backend"):
        Embedder(str(model_dir), "tensorflow")  # type: ignore[arg-type]
