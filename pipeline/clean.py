"""From one raw record to a clean document (or a reject): the pure core.

>>> from pipeline.sources import RawRecord
>>> rec = RawRecord("a.txt", "0", data=b"A Title\\n\\nThe body text is here, long enough.\\n\\nLeave a Reply")
>>> clean_record(rec).body
'The body text is here, long enough.'
>>> clean_record(RawRecord("b.txt", "0", data=b"")).reason
'empty'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pipeline.config import Config
from pipeline.decode import decode_bytes
from pipeline.model import Document, Reject
from pipeline.sources import RawRecord
from pipeline.stages import run_stages_many


def _extract_html(record: RawRecord, text: str, config: Config) -> Document | Reject:
    """Imported on first use: plain-text runs never pay for importing trafilatura."""
    from pipeline.html import extract_document

    return extract_document(record, text, config)


def to_document(record: RawRecord, config: Config) -> Document | Reject:
    """Decode a record into a Document that has not been through the stages yet."""
    if record.text is not None:
        text, encoding = record.text, "unicode"
        if not text.strip():
            return Reject(record.source, "empty", "record has no text", record.input_sha256)
    else:
        decoded = decode_bytes(record.data or b"", record.declared_charset)
        if not decoded.ok:
            return Reject(record.source, decoded.reason, decoded.detail, record.input_sha256)
        text, encoding = decoded.text, decoded.encoding
    if record.kind == "html":
        result = _extract_html(record, text, config)
        if isinstance(result, Reject):
            return result
        doc = result
    else:
        doc = Document(id=record.id, source=record.source, text=text)
    doc.meta["input_encoding"] = encoding
    doc.meta["input_sha256"] = record.input_sha256
    doc.meta["input_kind"] = record.kind
    if record.provenance:
        doc.meta["provenance"] = dict(record.provenance)
    return doc


CHUNK_SIZE = 32
"""Records that go through the stages together (see :data:`pipeline.stages.CHUNK_STAGES`):
enough that the comment model's fixed cost per call is shared, few enough that a
chunk's documents (~30 KB each with their blocks) stay small in memory."""


def clean_record(record: RawRecord, config: Config | None = None) -> Document | Reject:
    """Clean one record; every failure becomes a Reject with a reason."""
    return clean_chunk([record], config or Config())[0]


def clean_records(records: Iterable[RawRecord | Reject], config: Config | None = None,
                  chunk_size: int = CHUNK_SIZE) -> Iterator[Document | Reject]:
    """The batch entry point without any storage: records in, documents out, in order.

    A reader's rejects pass through. Records are read and cleaned ``chunk_size``
    at a time, so a stream of any length is never held in memory.
    """
    config = config or Config()
    chunk: list[RawRecord | Reject] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= chunk_size:
            yield from clean_chunk(chunk, config)
            chunk = []
    yield from clean_chunk(chunk, config)


def clean_chunk(records: Sequence[RawRecord | Reject], config: Config) -> list[Document | Reject]:
    """:func:`clean_record` on each record, the stages run over all of them together."""
    started = [record if isinstance(record, Reject) else _to_document_or_reject(record, config)
               for record in records]
    docs = [doc for doc in started if isinstance(doc, Document)]
    finished = iter(run_stages_many(docs, config))
    return [_outcome(record, next(finished)) if isinstance(doc, Document) else doc
            for record, doc in zip(records, started, strict=True)]


def _to_document_or_reject(record: RawRecord, config: Config) -> Document | Reject:
    try:
        return to_document(record, config)
    except Exception as err:  # noqa: BLE001 - a bug on one page must not lose the batch
        return _cleaning_error(record, err)


def _outcome(record: RawRecord | Reject, doc: Document | Exception) -> Document | Reject:
    if isinstance(doc, Exception):
        return _cleaning_error(record, doc)
    if not doc.body.strip():
        return Reject(record.source, "no_main_text", "nothing left after removing boilerplate",
                      record.input_sha256)
    return doc


def _cleaning_error(record: RawRecord | Reject, err: Exception) -> Reject:
    return Reject(record.source, "cleaning_error", f"{type(err).__name__}: {err}", record.input_sha256)
