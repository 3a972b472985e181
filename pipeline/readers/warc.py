"""WARC and WET archives (``.warc``, ``.warc.gz``, ``.wet``, ``.wet.gz``, zstd too), via warcio.

Which records become documents:

- ``response`` (and ``resource``) records whose Content-Type is HTML become
  ``html`` records (extracted by :mod:`pipeline.html`); ``text/plain`` ones
  become ``text`` records. The HTTP ``charset=`` is the declared charset,
  else the page's own ``<meta>``.
- ``conversion`` records (the text of a WET file) become ``text`` records.
- Everything else is *skipped, and counted*, not rejected: ``request``,
  ``metadata``, ``warcinfo`` and ``revisit`` records, responses that are not
  pages (images, scripts, PDFs: ``not_a_page:image/jpeg``) and non-2xx
  responses (``http_3xx``: redirects, ``http_4xx``: error pages). A crawl
  is full of these, and none of them is a page a user lost. Each document's
  provenance says what was skipped since the document before it
  (``warc_skipped_before``), and the last one also what came after it
  (``warc_skipped_after``), so the counts of a file add up from its documents.
  A file with no page at all is one ``no_documents`` reject.

A record's source is ``<file>#<WARC-Record-ID>`` (the record id is part of
the archive, so document ids are the same on every run); URL, WARC-Date
and record id are kept in the provenance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from pipeline.config import Config
from pipeline.model import Reject, sha256_hex
from pipeline.readers.charset import charset_from_content_type, sniff_charset
from pipeline.readers.compress import CorruptData, LimitExceeded, open_budgeted
from pipeline.sources import Item, RawRecord

# Media types that are pages, and the kind of record they become.
PAGE_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
# Record types that can hold a page; every other type is skipped by name.
PAGE_RECORD_TYPES = ("response", "resource", "conversion")


def read_warc(path: Path, source: str, config: Config) -> Iterator[Item]:
    """Every page in a WARC/WET file as a record; see the module docstring for the rest."""
    skipped: Counter[str] = Counter()
    held: RawRecord | None = None
    records = documents = 0
    failure: Reject | None = None
    try:
        with open_budgeted(path, config.max_decompressed_bytes) as stream:
            for records, record in enumerate(ArchiveIterator(stream), start=1):
                item = record_item(record, source, records, config)
                if isinstance(item, str):
                    skipped[item] += 1
                    continue
                if isinstance(item, RawRecord):
                    documents += 1
                    item.provenance["warc_skipped_before"] = dict(skipped)
                    skipped.clear()
                    if held is not None:
                        yield held
                    held = item
                    continue
                yield item
    except LimitExceeded:
        failure = Reject(source, "too_large", f"stopped after record {records}: more than "
                         f"{config.max_decompressed_bytes} decompressed bytes "
                         "(max_decompressed_bytes)")
    except (ArchiveLoadFailed, CorruptData) as err:
        failure = Reject(source, "corrupt", f"after record {records}: {type(err).__name__}: {err}")
    if held is not None:
        held.provenance["warc_skipped_after"] = dict(skipped)
        yield held
    if failure is not None:
        yield failure
    elif records and not documents:
        yield Reject(source, "no_documents",
                     f"{records} records, none of them a page: {dict(sorted(skipped.items()))}")


def record_item(record: ArcWarcRecord, source: str, index: int, config: Config) -> Item | str:
    """One WARC record as a raw record, a reject, or the reason it is skipped."""
    rec_type = record.rec_type
    if rec_type not in PAGE_RECORD_TYPES:
        return rec_type or "untyped"
    content_type = record_content_type(record)
    status = record.http_headers.get_statuscode() if record.http_headers is not None else None
    if status and not status.startswith("2"):
        return f"http_{status[:1]}xx"
    media = content_type.split(";", 1)[0].strip().lower()
    kind = "text" if rec_type == "conversion" else PAGE_TYPES.get(media)
    if kind is None:
        return f"not_a_page:{media or 'unknown'}"
    where = f"{source}#{record_key(record, index)}"
    data = record.content_stream().read(config.max_record_bytes + 1)
    if len(data) > config.max_record_bytes:
        return Reject(where, "too_large", f"record larger than {config.max_record_bytes} bytes "
                      "(max_record_bytes)")
    declared = charset_from_content_type(content_type)
    if declared is None and rec_type == "conversion":
        declared = "utf-8"  # WET text is written as UTF-8
    if declared is None and kind == "html":
        declared = sniff_charset(data)
    return RawRecord(where, sha256_hex(data), data=data, kind=kind, declared_charset=declared,
                     provenance=provenance_of(record, content_type, status))


def record_content_type(record: ArcWarcRecord) -> str:
    """The payload's media type: the HTTP header for responses, the WARC header otherwise."""
    if record.rec_type == "response" and record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def record_key(record: ArcWarcRecord, index: int) -> str:
    """What names a record inside its file: its WARC-Record-ID, else its URL, else its position."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ")
    if record_id:
        return record_id
    return record.rec_headers.get_header("WARC-Target-URI") or f"R{index}"


def provenance_of(record: ArcWarcRecord, content_type: str, status: str | None) -> dict[str, Any]:
    headers = record.rec_headers
    provenance: dict[str, Any] = {
        "format": "warc",
        "warc_type": record.rec_type,
        "url": headers.get_header("WARC-Target-URI"),
        "warc_date": headers.get_header("WARC-Date"),
        "warc_record_id": headers.get_header("WARC-Record-ID"),
        "warc_refers_to": headers.get_header("WARC-Refers-To"),
        "content_type": content_type or None,
        "http_status": int(status) if status and status.isdigit() else None,
    }
    return {k: v for k, v in provenance.items() if v is not None}
