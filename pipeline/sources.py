"""Find the inputs under ``raw/`` and read them into raw records.

A file is one record (a plain-text page dump) or many (a JSON Lines dump, a
WARC archive). Readers are chosen by file name in :data:`READERS`; each yields
:class:`RawRecord` s, or :class:`~pipeline.model.Reject` s for what cannot be
read, and never raises for a bad input.

Safety: symlinks that point outside ``raw/`` are not followed, and a file's
name never decides where output goes (ids are hashes of the source path).
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Config
from pipeline.model import Reject, sha256_hex


@dataclass(frozen=True)
class RawRecord:
    """One document's raw input, before decoding.

    ``source`` is the path relative to ``raw/``, plus ``#<record>`` for
    records inside a container. ``kind`` is ``text`` or ``html``. ``text`` is
    set instead of ``data`` when the container already holds decoded text.
    """

    source: str
    input_sha256: str
    data: bytes | None = None
    text: str | None = None
    kind: str = "text"
    declared_charset: str | None = None
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return doc_id(self.source)


def doc_id(source: str) -> str:
    """The stable id of a document: a hash of where it came from.

    >>> doc_id("a/b.txt") == doc_id("a/b.txt") != doc_id("a/c.txt")
    True
    """
    return sha256_hex(source)[:20]


Item = RawRecord | Reject
Reader = Callable[[Path, str, Config], Iterator[Item]]

# Transient read errors (NFS hiccups, files being synced) get this many tries.
READ_ATTEMPTS = 3
READ_BACKOFF_SECONDS = 0.2


def read_bytes(path: Path, source: str, config: Config) -> bytes | Reject:
    """The file's bytes, or a reject saying why not (size, vanished, permission...).

    A gzip or zstd file is decompressed (decided by its first bytes), within
    ``max_record_bytes``: a gzip bomb is a ``too_large`` reject.
    """
    from pipeline.readers.compress import read_document_bytes

    for attempt in range(READ_ATTEMPTS):
        try:
            return read_document_bytes(path, source, config)
        except FileNotFoundError:
            return Reject(source, "vanished", "file disappeared before it could be read")
        except PermissionError as err:
            return Reject(source, "unreadable", f"permission denied: {err.strerror}")
        except IsADirectoryError:
            return Reject(source, "unreadable", "is a directory")
        except OSError as err:
            if attempt + 1 == READ_ATTEMPTS:
                return Reject(source, "unreadable", f"{type(err).__name__}: {err}")
            time.sleep(READ_BACKOFF_SECONDS * 2**attempt)
    raise AssertionError("unreachable")


def read_text_file(path: Path, source: str, config: Config) -> Iterator[Item]:
    """A plain-text page dump: one record."""
    data = read_bytes(path, source, config)
    if isinstance(data, Reject):
        yield data
        return
    yield RawRecord(source, sha256_hex(data), data=data, kind="text")


def read_html_file(path: Path, source: str, config: Config) -> Iterator[Item]:
    """An HTML page: one record, extracted later (see pipeline.html).

    The page's own ``<meta charset>`` is its declared charset.
    """
    from pipeline.readers.charset import sniff_charset

    data = read_bytes(path, source, config)
    if isinstance(data, Reject):
        yield data
        return
    yield RawRecord(source, sha256_hex(data), data=data, kind="html",
                    declared_charset=sniff_charset(data))


def read_compressed_file(path: Path, source: str, config: Config) -> Iterator[Item]:
    """``page.html.gz``, ``dump.txt.zst``...: read as the name under the compression suffix says.

    Every reader decompresses by the file's first bytes, so this only chooses the reader.
    """
    reader = reader_for(source.rsplit(".", 1)[0])
    yield from (read_text_file if reader is read_compressed_file else reader)(path, source, config)


def _imported(module: str, name: str) -> Reader:
    """A reader from ``pipeline.readers``, imported on first use (they import this module)."""
    def read(path: Path, source: str, config: Config) -> Iterator[Item]:
        reader: Reader = getattr(importlib.import_module(module), name)
        return reader(path, source, config)

    read.__name__ = read.__qualname__ = name
    return read


read_jsonl = _imported("pipeline.readers.jsonl", "read_jsonl")
read_warc = _imported("pipeline.readers.warc", "read_warc")

# File-name suffix -> reader. Longest suffix wins; anything else is plain text.
# Compression (gzip, zstd) is read from the bytes; ``.gz``/``.zst`` only move
# the choice to the name under it (``page.html.gz`` is HTML).
READERS: dict[str, Reader] = {
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".jsonl": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".jsonl.zst": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".warc.zst": read_warc,
    ".wet": read_warc,
    ".wet.gz": read_warc,
    ".wet.zst": read_warc,
    ".gz": read_compressed_file,
    ".zst": read_compressed_file,
}


def reader_for(name: str) -> Reader:
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return READERS[suffix]
    return read_text_file


def discover(raw_dir: Path) -> Iterator[str]:
    """Every regular file under ``raw_dir`` as a path relative to it, sorted.

    Symlinks are followed only when they resolve inside ``raw_dir``; a link
    that leaves it is yielded (so it ends as a reject, not silently dropped)
    and refused by :func:`read_source`.
    """
    root = raw_dir.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            yield str((Path(dirpath) / name).relative_to(root))


def read_source(raw_dir: Path, source: str, config: Config) -> Iterator[Item]:
    """The records of one discovered file, or the reason it has none."""
    root = raw_dir.resolve()
    path = root / source
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        yield Reject(source, "vanished", "file disappeared before it could be read")
        return
    except OSError as err:
        yield Reject(source, "unreadable", str(err))
        return
    if not resolved.is_relative_to(root):
        yield Reject(source, "outside_raw", "symlink points outside the raw directory")
        return
    if not resolved.is_file():
        yield Reject(source, "unreadable", "not a regular file")
        return
    try:
        yield from reader_for(source)(resolved, source, config)
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the run
        yield Reject(source, "reader_error", f"{type(err).__name__}: {err}")
