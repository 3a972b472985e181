"""Score comments given as JSON Lines: what ``pipeline toxicity`` runs.

Each input line is a JSON object with a ``text`` field; it comes back with
``score`` (0-1), ``toxic`` (at the threshold) and ``categories`` added, in input
order. A line that is not such an object becomes an error record on the error
stream (its line number and what is wrong) and the rest still run. Records are
scored in batches of BATCH_LINES, so memory stays flat on a large file.

>>> import io, json
>>> out, err = io.StringIO(), io.StringIO()
>>> lines = ['{"id": 1, "text": "Thanks for the clear write-up."}', "not json"]
>>> score_json_lines(lines, out, err)
1
>>> json.loads(out.getvalue())["toxic"], json.loads(err.getvalue())["line"]
(False, 2)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

# Records scored per call of the scorer: large enough that the model's
# vectorised pass dominates, small enough to keep memory flat (~1 MB of text).
BATCH_LINES = 512


def parse_line(line: str) -> tuple[dict[str, Any] | None, str]:
    """The record on a line, or None and what is wrong with it.

    >>> parse_line('{"text": 3}')
    (None, 'field "text" must be a string')
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return None, f"invalid JSON: {err.msg} at column {err.colno}"
    if not isinstance(record, dict):
        return None, "a line must be a JSON object"
    if "text" not in record:
        return None, 'missing field "text"'
    if not isinstance(record["text"], str):
        return None, 'field "text" must be a string'
    return record, ""


def _flush(batch: list[dict[str, Any]], out: TextIO, threshold: float | None) -> None:
    from pipeline.toxicity import score_texts

    if not batch:
        return
    for record, score in zip(batch, score_texts([r["text"] for r in batch], threshold), strict=True):
        record.update(score=score.score, toxic=score.toxic, categories=dict(score.categories))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    batch.clear()


def score_json_lines(lines: Iterable[str], out: TextIO, err: TextIO,
                     threshold: float | None = None, batch_lines: int = BATCH_LINES) -> int:
    """Score every record; return 0, or 1 when any line was broken (after doing the rest)."""
    batch: list[dict[str, Any]] = []
    status = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record, problem = parse_line(line)
        if record is None:
            err.write(json.dumps({"line": number, "error": problem}) + "\n")
            status = 1
            continue
        batch.append(record)
        if len(batch) >= batch_lines:
            _flush(batch, out, threshold)
    _flush(batch, out, threshold)
    return status
