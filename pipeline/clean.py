"""From one raw record to a clean document (or a reject): the pure core.

>>> from pipeline.sources import RawRecord
>>> rec = RawRecord("a.txt", "0", data=b"A Title\\n\\nThe body text is here, long enough.\\n\\nLeave a Reply")
>>> clean_record(rec).body
'The body text is here, long enough.'
>>> clean_record(RawRecord("b.txt", "0", data=b"")).reason
'empty'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.config import Config
from pipeline.decode import decode_bytes
from pipeline.model import Document, Reject
from pipeline.sources import RawRecord
from pipeline.stages import run_stages


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


def clean_record(record: RawRecord, config: Config | None = None) -> Document | Reject:
    """Clean one record; every failure becomes a Reject with a reason."""
    config = config or Config()
    doc = to_document(record, config)
    if isinstance(doc, Reject):
        return doc
    try:
        doc = run_stages(doc, config)
    except Exception as err:  # noqa: BLE001 - one bad page never stops a run
        return Reject(record.source, "cleaning_error", f"{type(err).__name__}: {err}", record.input_sha256)
    if not doc.body.strip():
        return Reject(record.source, "no_main_text", "nothing left after removing boilerplate",
                      record.input_sha256)
    return doc


def clean_records(records: Iterable[RawRecord | Reject], config: Config | None = None) -> Iterator[Document | Reject]:
    """The batch entry point without any storage: records in, documents out."""
    config = config or Config()
    for record in records:
        yield record if isinstance(record, Reject) else clean_record(record, config)
