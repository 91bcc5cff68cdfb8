"""The query embedder, on onnxruntime by default and on sentence-transformers with torch on request.

Both runtimes read the same prepared model directory and never touch the network. The ONNX path
skips importing torch and transformers altogether, which is most of a cold start, and embeds a
short question about four times faster on two cores. ``onnx-int8`` is the dynamically quantized
graph; it is faster still but moves vectors slightly (see README, "How retrieval works").
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

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
Backend = Literal["onnx", "onnx-int8", "torch"]
BACKENDS: tuple[Backend, ...] = ("onnx", "onnx-int8", "torch")
ONNX_FILES: dict[Backend, str] = {"onnx": "onnx/model.onnx", "onnx-int8": "onnx/model_qint8.onnx"}
MAX_TOKENS = 512
BATCH_SIZE = 32


class Embedder:
    def __init__(self, model_name_or_path: str, backend: Backend = "onnx") -> None:
        if backend not in BACKENDS:
            raise ModelError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}")
        self.name = model_name_or_path
        self.backend = backend
        try:
            if backend == "torch":
                self._encode, self.dimension, prompts = _load_torch(model_name_or_path)
            else:
                self._encode, self.dimension, prompts = _load_onnx(Path(model_name_or_path), ONNX_FILES[backend])
        except ModelError:
            raise
        except Exception as exc:  # any loader failure means the same thing to an operator
            raise ModelError(
                f"cannot load embedding model {model_name_or_path!r} ({backend}): {exc}. "
                "Run `otvet model prepare`, or point OTVET_EMBEDDING_MODEL at a prepared model "
                "(OTVET_EMBEDDING_BACKEND=torch accepts any sentence-transformers model).",
                code="embedding_model_unavailable",
            ) from exc
        self._query_prefix = prompts.get("query", "")
        self.fingerprint = _fingerprint(model_name_or_path, backend, prompts)

    def embed_queries(self, texts: list[str]) -> Vectors:
        """Buyer messages and example questions are both questions: e5 wants ``query:`` for both."""
        vectors = self._encode([self._query_prefix + text for text in texts])
        return np.ascontiguousarray(vectors, dtype=np.float32)


Encoder = Callable[[list[str]], Vectors]


def _load_torch(name: str) -> tuple[Encoder, int, dict[str, str]]:
    from sentence_transformers import SentenceTransformer

    model: Any = SentenceTransformer(name, device="cpu")
    prompts: dict[str, str] = dict(getattr(model, "prompts", {}) or {})
    get_dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    dimension = get_dimension()
    if not dimension:
        raise ModelError(f"model {name!r} does not report its embedding size", code="embedding_model_invalid")

    def encode(texts: list[str]) -> Vectors:
        # The prefix is already on the texts, so no prompt_name here.
        return model.encode(  # type: ignore[no-any-return]
            texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=BATCH_SIZE, show_progress_bar=False
        )

    return encode, int(dimension), prompts


def _load_onnx(model_dir: Path, graph_file: str) -> tuple[Encoder, int, dict[str, str]]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    graph = model_dir / graph_file
    if not graph.is_file():
        raise ModelError(
            f"{graph} is missing: run `otvet model prepare --force`, or set OTVET_EMBEDDING_BACKEND=torch",
            code="embedding_model_unavailable",
        )
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    pad = "<pad>"
    pad_id = tokenizer.token_to_id(pad)
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0, pad_token=pad)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
    wanted = {item.name for item in session.get_inputs()}
    dimension = int(json.loads((model_dir / "config.json").read_text(encoding="utf-8"))["hidden_size"])

    def encode(texts: list[str]) -> Vectors:
        chunks = [_encode_batch(texts[i : i + BATCH_SIZE]) for i in range(0, len(texts), BATCH_SIZE)]
        return np.concatenate(chunks) if chunks else np.zeros((0, dimension), dtype=np.float32)

    def _encode_batch(texts: list[str]) -> Vectors:
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([item.ids for item in encodings], dtype=np.int64)
        mask = np.array([item.attention_mask for item in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, {name: value for name, value in feed.items() if name in wanted})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Vectors = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit

    return encode, dimension, _read_prompts(model_dir)


def _read_prompts(model_dir: Path) -> dict[str, str]:
    try:
        config = json.loads((model_dir / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    prompts = config.get("prompts") or {}
    return {str(key): str(value) for key, value in prompts.items()}


def _fingerprint(name: str, backend: str, prompts: dict[str, str]) -> str:
    """Identifies the weights and runtime cheaply, so a swapped model invalidates cached indexes."""
    digest = hashlib.sha256(name.encode())
    digest.update(backend.encode())
    digest.update(repr(sorted(prompts.items())).encode())
    path = Path(name)
    if path.is_dir():
        for item in sorted(path.rglob("*")):
            if item.is_file():
                stat = item.stat()
                digest.update(f"{item.relative_to(path)}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]
