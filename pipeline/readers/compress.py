"""Open a file whatever its compression, and never read more than a budget.

Compression is decided by the file's first bytes, not its name: a ``.txt``
that is really gzip is read as text, and a ``.gz`` that is not compressed
is read as it is. Every decompressed byte is counted, so a gzip bomb (a few
kilobytes that expand to gigabytes) ends as a ``too_large`` reject after
``Config.max_decompressed_bytes`` bytes, not as an out-of-memory.

>>> import gzip, io
>>> stream = decompressing(io.BytesIO(gzip.compress(b"hello " * 1000)))
>>> read_at_most(stream, 6000) is not None, read_at_most(decompressing(
...     io.BytesIO(gzip.compress(b"x" * 10_000))), 6000) is None
(True, True)
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, cast

import zstandard

from pipeline.config import Config
from pipeline.model import Reject

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"

# Decompressed bytes are read in pieces this large: big enough that the
# per-call overhead vanishes, small enough that overshooting a limit by one
# chunk costs nothing.
CHUNK_BYTES = 1 << 16

# What a damaged compressed stream raises (truncated gzip, bad CRC, bad zstd frame).
CORRUPT_ERRORS: tuple[type[Exception], ...] = (
    gzip.BadGzipFile, EOFError, zlib.error, zstandard.ZstdError,
)


class LimitExceeded(Exception):
    """More bytes than the budget were decompressed."""


class CorruptData(Exception):
    """The compressed data is damaged or cut short.

    Raised instead of the decompressor's own ``EOFError``, which warcio takes
    for the normal end of an archive: a truncated ``.warc.gz`` would otherwise
    end early without a word.
    """


class BudgetedStream(io.RawIOBase):
    """A readable stream that gives ``limit`` bytes, then raises :class:`LimitExceeded`.

    Every byte up to the limit is delivered (the records in it are read);
    the exception comes on the read that would go past it. Reads are small
    (``read1``) so that what was decompressed before damaged data is
    delivered before :class:`CorruptData` is raised.

    >>> s = BudgetedStream(io.BytesIO(b"abcdef"), 4)
    >>> s.read(10)
    b'abcd'
    >>> s.read(1)
    Traceback (most recent call last):
    ...
    pipeline.readers.compress.LimitExceeded: more than 4 bytes
    """

    def __init__(self, inner: BinaryIO, limit: int) -> None:
        self.inner, self.limit, self.used = inner, limit, 0
        self._read = getattr(inner, "read1", inner.read)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        want = min(len(buffer), self.limit - self.used + 1)
        try:
            data = self._read(want)
        except CORRUPT_ERRORS as err:
            raise CorruptData(f"{type(err).__name__}: {err}") from err
        if self.used + len(data) > self.limit:
            data = data[: self.limit - self.used]
            if not data:
                raise LimitExceeded(f"more than {self.limit} bytes")
        self.used += len(data)
        buffer[: len(data)] = data
        return len(data)


def compression_of(head: bytes) -> str | None:
    """``gzip``, ``zstd`` or None, from a file's first bytes.

    >>> compression_of(b"\\x1f\\x8b\\x08"), compression_of(b"<html>")
    ('gzip', None)
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def decompressing(raw: BinaryIO) -> BinaryIO:
    """``raw`` unchanged, or wrapped in the decompressor its first bytes call for.

    ``raw`` must be able to show its first bytes again: a file opened ``rb``
    (it peeks) or any seekable stream.
    """
    kind = compression_of(_peek(raw, 4))
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))  # reads every member
    if kind == "zstd":
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        return io.BufferedReader(reader, CHUNK_BYTES)
    return raw


def _peek(raw: BinaryIO, size: int) -> bytes:
    if isinstance(raw, io.BufferedReader):
        return raw.peek(size)[:size]
    position = raw.tell()
    head = raw.read(size)
    raw.seek(position)
    return head


@contextmanager
def open_budgeted(path: Path, limit: int) -> Iterator[BudgetedStream]:
    """The file's decompressed bytes as an unbuffered stream that stops at ``limit``.

    Unbuffered, so a reader that asks for a block gets what was decompressed
    before damaged data; wrap it in ``io.BufferedReader`` to read lines.
    """
    with path.open("rb") as handle:
        yield BudgetedStream(decompressing(handle), limit)


def read_at_most(stream: BinaryIO, limit: int) -> bytes | None:
    """All of ``stream``, or None when it holds more than ``limit`` bytes."""
    pieces, total = [], 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
        if total > limit:
            return None
        pieces.append(chunk)
    return b"".join(pieces)


def read_document_bytes(path: Path, source: str, config: Config) -> bytes | Reject:
    """A one-document file's bytes, decompressed when compressed, within the limits.

    A plain file may be up to ``max_file_bytes``; a compressed one is bounded
    by what it decompresses to (``max_record_bytes``, one document).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            kind = compression_of(head)
            if kind is None:
                size = path.stat().st_size
                if size > config.max_file_bytes:
                    return Reject(source, "too_large",
                                  f"{size} bytes > limit {config.max_file_bytes}")
                return head + handle.read(config.max_file_bytes + 1)
            handle.seek(0)
            limit = min(config.max_record_bytes, config.max_decompressed_bytes)
            data = read_at_most(decompressing(handle), limit)
    except CORRUPT_ERRORS as err:
        return Reject(source, "corrupt", f"damaged compressed data: {type(err).__name__}: {err}")
    if data is None:
        return Reject(source, "too_large",
                      f"{kind} data decompresses to more than {limit} bytes (max_record_bytes)")
    return data
