"""A sentence-transformers embedder that never touches the network.

The prepared local model and a production model such as ``intfloat/multilingual-e5-small``
take the same path: both load through ``SentenceTransformer`` with the hub switched off.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from service.errors import ModelError

# Set before sentence-transformers imports huggingface_hub, which reads them once.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

Vectors = npt.NDArray[np.float32]


class Embedder:
    def __init__(self, model_name_or_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = model_name_or_path
        try:
            self._model: Any = SentenceTransformer(model_name_or_path, device="cpu")
        except Exception as exc:  # any loader failure means the same thing to an operator
            raise ModelError(
                f"cannot load embedding model {model_name_or_path!r}: {exc}. "
                "Run `otvet model prepare` or point OTVET_EMBEDDING_MODEL at a local model.",
                code="embedding_model_unavailable",
            ) from exc
        prompts: dict[str, str] = getattr(self._model, "prompts", {}) or {}
        self._query_prompt = "query" if "query" in prompts else None
        get_dimension = (
            getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        )
        dimension = get_dimension()
        if not dimension:
            raise ModelError(
                f"model {model_name_or_path!r} does not report its embedding size", code="embedding_model_invalid"
            )
        self.dimension = int(dimension)
        self.fingerprint = _fingerprint(model_name_or_path, prompts)

    def embed_queries(self, texts: list[str]) -> Vectors:
        """Buyer messages and example questions are both questions: e5 wants ``query:`` for both."""
        vectors = self._model.encode(
            texts,
            prompt_name=self._query_prompt,
            normalize_embeddings=True,
            convert_to_numpy=True,
            batch_size=32,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _fingerprint(name: str, prompts: dict[str, str]) -> str:
    """Identifies the model's weights cheaply, so a swapped model invalidates cached indexes."""
    digest = hashlib.sha256(name.encode())
    digest.update(repr(sorted(prompts.items())).encode())
    path = Path(name)
    if path.is_dir():
        for item in sorted(path.rglob("*")):
            if item.is_file():
                stat = item.stat()
                digest.update(f"{item.relative_to(path)}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]
