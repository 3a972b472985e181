"""JSON Lines dumps (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``): one record per line.

Each line is an object with ``text`` (a plain-text page) or ``html`` (a page
to extract), and optionally ``id``, ``url``, ``date`` and ``metadata``,
which travel on as the record's provenance. The file is streamed line by
line; a broken line is a reject that names its line (``dump.jsonl#L17``)
and the lines after it are still read.

A record's source is ``dump.jsonl#<id>`` when the line has an id and
``dump.jsonl#L<line>`` when it does not, so ids survive re-runs as long as
the dump keeps its ids (or its line order).

>>> import tempfile
>>> from pathlib import Path
>>> from pipeline.config import Config
>>> path = Path(tempfile.mkdtemp()) / "d.jsonl"
>>> _ = path.write_text('{"id": "a1", "text": "Hello."}\\n{"text": oops}\\n')
>>> [(getattr(i, "reason", "record"), i.source) for i in read_jsonl(path, "d.jsonl", Config())]
[('record', 'd.jsonl#a1'), ('bad_json', 'd.jsonl#L2')]
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import Config
from pipeline.model import Reject, sha256_hex
from pipeline.readers.compress import CHUNK_BYTES, CorruptData, LimitExceeded, open_budgeted
from pipeline.sources import Item, RawRecord

# Fields copied from a line into the record's provenance when present.
PROVENANCE_FIELDS = ("id", "url", "date", "metadata")


def read_jsonl(path: Path, source: str, config: Config) -> Iterator[Item]:
    """Every line of a JSON Lines file as a record, or a reject naming the line."""
    seen: dict[str, int] = {}
    lineno = 0
    try:
        with open_budgeted(path, config.max_decompressed_bytes) as raw:
            stream = io.BufferedReader(raw, CHUNK_BYTES)
            for lineno, line, whole in _lines(stream, config.max_record_bytes):
                if not whole:
                    yield Reject(f"{source}#L{lineno}", "too_large", f"line longer than "
                                 f"{config.max_record_bytes} bytes (max_record_bytes)")
                elif line.strip():
                    yield parse_line(line, source, lineno, seen)
    except LimitExceeded:
        yield Reject(source, "too_large",
                     f"stopped after line {lineno}: more than {config.max_decompressed_bytes} "
                     "decompressed bytes (max_decompressed_bytes)")
    except CorruptData as err:
        yield Reject(source, "corrupt", f"after line {lineno}: {err}")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, whole?) for every line; an over-long line is skipped, not held."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line, True
            continue
        while line and not line.endswith(b"\n"):  # drain the rest of the long line
            line = stream.readline(limit + 1)
        yield lineno, b"", False


def parse_line(line: bytes, source: str, lineno: int, seen: dict[str, int]) -> Item:
    """One line into a record; ``seen`` maps ids already used to their line."""
    where = f"{source}#L{lineno}"
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as err:
        return Reject(where, "bad_json", f"line {lineno}: {err}", sha256_hex(line))
    if not isinstance(obj, dict):
        kind_name = type(obj).__name__
        return Reject(where, "bad_record", f"line {lineno}: a JSON {kind_name}, not an object",
                      sha256_hex(line))
    html, text = obj.get("html"), obj.get("text")
    body, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str):
        return Reject(where, "bad_record", f"line {lineno}: no 'text' or 'html' string",
                      sha256_hex(line))
    record_id = obj.get("id")
    if record_id is not None and not isinstance(record_id, str | int):
        return Reject(where, "bad_record", f"line {lineno}: 'id' is a {type(record_id).__name__}",
                      sha256_hex(line))
    if record_id is not None:
        key = str(record_id)
        if key in seen:
            return Reject(where, "duplicate_id", f"id {key!r} was already used on line {seen[key]}",
                          sha256_hex(line))
        seen[key] = lineno
        where = f"{source}#{key}"
    return RawRecord(where, sha256_hex(line), text=body, kind=kind,
                     provenance=provenance_of(obj, lineno))


def provenance_of(obj: dict[str, Any], lineno: int) -> dict[str, Any]:
    """What the line says about where the page came from."""
    provenance: dict[str, Any] = {"format": "jsonl", "line": lineno}
    provenance.update({k: obj[k] for k in PROVENANCE_FIELDS if obj.get(k) is not None})
    return provenance
