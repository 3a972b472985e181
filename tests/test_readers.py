"""Crawl inputs: JSON Lines, WARC/WET, gzip/zstd, and the limits that keep them safe.

Fixtures in tests/data/inputs/ (made by make_fixtures.py there); compressed
variants and the gzip bomb are made in a temporary raw/ at test time.
"""

from __future__ import annotations

import gzip
import io
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
import zstandard

from pipeline.batch import process_batch
from pipeline.clean import clean_record
from pipeline.config import Config
from pipeline.model import Document, Reject
from pipeline.readers.charset import charset_from_content_type, sniff_charset
from pipeline.sources import RawRecord, read_source, reader_for

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
WARC_ID = "urn:uuid:00000000-0000-4000-8000-{:012d}"


def read(raw: Path, name: str, config: Config | None = None) -> list[RawRecord | Reject]:
    return list(read_source(raw, name, config or Config()))


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """A raw/ holding the fixtures, plain and compressed."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("dump.jsonl", "mixed.warc.gz", "crawl.wet.gz", "wordpress_comments.html"):
        shutil.copy(INPUTS / name, raw / name)
    dump = (INPUTS / "dump.jsonl").read_bytes()
    (raw / "dump2.jsonl.gz").write_bytes(gzip.compress(dump))
    (raw / "dump3.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(dump))
    warc = gzip.decompress((INPUTS / "mixed.warc.gz").read_bytes())
    (raw / "mixed.warc").write_bytes(warc)
    (raw / "mixed.warc.zst").write_bytes(zstandard.ZstdCompressor().compress(warc))
    return raw


# --- JSON Lines ----------------------------------------------------------------------


def test_jsonl_broken_lines_are_rejects_with_line_numbers_and_the_rest_is_read(raw: Path) -> None:
    items = read(raw, "dump.jsonl")
    records = {i.source: i for i in items if isinstance(i, RawRecord)}
    rejects = {i.source: i.reason for i in items if isinstance(i, Reject)}
    assert list(records) == ["dump.jsonl#doc-1", "dump.jsonl#doc-2", "dump.jsonl#L4",
                             "dump.jsonl#doc-6"]
    assert rejects == {"dump.jsonl#L3": "bad_json", "dump.jsonl#L6": "bad_record",
                       "dump.jsonl#L7": "bad_record", "dump.jsonl#L8": "duplicate_id"}


def test_jsonl_carries_id_url_date_metadata_and_routes_html(raw: Path) -> None:
    records = {i.source: i for i in read(raw, "dump.jsonl") if isinstance(i, RawRecord)}
    first = records["dump.jsonl#doc-1"]
    assert first.kind == "text" and first.text is not None and first.text.startswith("Town hall")
    assert first.provenance == {
        "format": "jsonl", "line": 1, "id": "doc-1", "url": "https://news.example/a",
        "date": "2023-05-01", "metadata": {"crawl": "2023-18", "lang_hint": "en"}}
    assert records["dump.jsonl#doc-2"].kind == "html"
    doc = clean_record(records["dump.jsonl#doc-2"])
    assert isinstance(doc, Document)
    assert doc.body.startswith("Pupils at the primary school") and "<p>" not in doc.body
    assert doc.meta["url"] == "https://news.example/b"
    assert doc.meta["title"] == "School garden wins prize"


@pytest.mark.parametrize("name", ["dump2.jsonl.gz", "dump3.jsonl.zst"])
def test_compressed_jsonl_reads_like_plain(raw: Path, name: str) -> None:
    def shape(items: list[RawRecord | Reject]) -> list[tuple[str, str]]:
        return [(i.source.split("#")[1], getattr(i, "reason", i.input_sha256)) for i in items]

    assert shape(read(raw, name)) == shape(read(raw, "dump.jsonl"))


def test_jsonl_line_over_the_record_limit_is_a_reject_and_the_next_is_read(tmp_path: Path) -> None:
    (tmp_path / "big.jsonl").write_text(
        '{"id": "a", "text": "' + "x" * 5000 + '"}\n{"id": "b", "text": "small"}\n')
    items = read(tmp_path, "big.jsonl", Config(max_record_bytes=1000))
    assert [(i.source, getattr(i, "reason", "ok")) for i in items] == [
        ("big.jsonl#L1", "too_large"), ("big.jsonl#b", "ok")]


# --- WARC / WET ----------------------------------------------------------------------


def test_warc_yields_pages_only_and_counts_what_it_skipped(raw: Path) -> None:
    items = read(raw, "mixed.warc.gz")
    assert all(isinstance(i, RawRecord) for i in items)
    assert [(i.source, i.kind) for i in items] == [
        (f"mixed.warc.gz#{WARC_ID.format(3)}", "html"),
        (f"mixed.warc.gz#{WARC_ID.format(7)}", "html"),
        (f"mixed.warc.gz#{WARC_ID.format(9)}", "text"),
    ]
    skipped: Counter[str] = Counter()
    for item in items:
        skipped.update(item.provenance.get("warc_skipped_before", {}))
        skipped.update(item.provenance.get("warc_skipped_after", {}))
    assert skipped == {"warcinfo": 1, "request": 1, "metadata": 1, "not_a_page:image/png": 1,
                       "http_3xx": 1, "http_4xx": 1, "revisit": 1}


def test_warc_provenance_charset_and_stable_ids(raw: Path) -> None:
    first, second, _ = read(raw, "mixed.warc.gz")
    assert isinstance(first, RawRecord) and isinstance(second, RawRecord)
    assert first.provenance["url"] == "https://gazette.example/market"
    assert first.provenance["warc_date"] == "2024-03-01T12:00:00Z"
    assert first.provenance["warc_record_id"] == f"<{WARC_ID.format(3)}>"
    assert first.declared_charset == "windows-1252"  # from the HTTP header
    assert second.declared_charset == "utf-8"  # from the page's <meta>
    again = read(raw, "mixed.warc.gz")
    assert [i.id for i in again] == [i.id for i in read(raw, "mixed.warc.gz")]
    for other in ("mixed.warc", "mixed.warc.zst"):
        assert [i.source.split("#")[1] for i in read(raw, other)] == [i.source.split("#")[1] for i in again]


def test_warc_page_in_windows_1252_comes_out_right(raw: Path) -> None:
    page = read(raw, "mixed.warc.gz")[0]
    assert isinstance(page, RawRecord)
    doc = clean_record(page)
    assert isinstance(doc, Document)
    assert "The café owners" in doc.body and "“fair and overdue”" in doc.body
    assert "Home | News" not in doc.body and "Market Gazette" not in doc.body
    assert doc.meta["provenance"]["warc_record_id"] == f"<{WARC_ID.format(3)}>"


def test_wet_conversion_records_are_text(raw: Path) -> None:
    items = read(raw, "crawl.wet.gz")
    assert [(i.provenance["url"], i.kind) for i in items if isinstance(i, RawRecord)] == [
        ("https://example.org/lake", "text"), ("https://example.org/bridge", "text")]


def test_warc_without_pages_is_one_reject(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (tmp_path / "images.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(3):
            http = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://x.example/{n}.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff"),
                http_headers=http))
    [reject] = read(tmp_path, "images.warc.gz")
    assert isinstance(reject, Reject) and reject.reason == "no_documents"
    assert "not_a_page:image/jpeg': 3" in reject.detail


def test_truncated_warc_keeps_the_records_before_the_damage(raw: Path, tmp_path: Path) -> None:
    data = (INPUTS / "mixed.warc.gz").read_bytes()
    (raw / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    items = read(raw, "cut.warc.gz")
    assert isinstance(items[0], RawRecord)
    assert any(isinstance(i, Reject) and i.reason == "corrupt" for i in items)


# --- compression and limits -------------------------------------------------------------


def test_compressed_single_pages_are_read_as_the_inner_name_says(tmp_path: Path) -> None:
    html = (INPUTS / "wordpress_comments.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html))
    zstd = zstandard.ZstdCompressor()
    (tmp_path / "page.txt.zst").write_bytes(zstd.compress(b"Plain text page.\n"))
    (tmp_path / "really-gzip.txt").write_bytes(gzip.compress(b"Hidden gzip text.\n"))
    [page] = read(tmp_path, "page.html.gz")
    assert isinstance(page, RawRecord) and page.kind == "html" and page.data == html
    assert page.declared_charset == "utf-8"
    [text] = read(tmp_path, "page.txt.zst")
    assert isinstance(text, RawRecord) and (text.kind, text.data) == ("text", b"Plain text page.\n")
    [hidden] = read(tmp_path, "really-gzip.txt")
    assert isinstance(hidden, RawRecord) and hidden.data == b"Hidden gzip text.\n"


def test_gzip_bomb_is_a_reject_not_an_out_of_memory(tmp_path: Path) -> None:
    compressor = gzip.GzipFile(tmp_path / "bomb.txt.gz", "wb", compresslevel=9)
    chunk = b"\0" * (1 << 20)
    for _ in range(64):  # 64 MB of zeros in about 64 KB
        compressor.write(chunk)
    compressor.close()
    assert (tmp_path / "bomb.txt.gz").stat().st_size < 200_000
    started = time.perf_counter()
    [reject] = read(tmp_path, "bomb.txt.gz", Config(max_record_bytes=2_000_000))
    assert isinstance(reject, Reject) and reject.reason == "too_large"
    assert time.perf_counter() - started < 2.0  # stopped at the limit, not after 64 MB


def test_container_stops_at_the_decompressed_file_limit(tmp_path: Path) -> None:
    lines = b"".join(b'{"text": "line %d of a long dump"}\n' % n for n in range(5000))
    (tmp_path / "long.jsonl.gz").write_bytes(gzip.compress(lines))
    items = read(tmp_path, "long.jsonl.gz", Config(max_decompressed_bytes=10_000))
    assert isinstance(items[0], RawRecord)
    assert isinstance(items[-1], Reject) and items[-1].reason == "too_large"
    assert len(items) < 500


def test_corrupt_gzip_is_a_reject(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(b"some text " * 100)[:-10])
    [reject] = read(tmp_path, "bad.txt.gz")
    assert isinstance(reject, Reject) and reject.reason == "corrupt"


def test_symlinked_archive_outside_raw_is_refused(raw: Path, tmp_path: Path) -> None:
    (raw / "link.warc.gz").symlink_to(INPUTS / "mixed.warc.gz")
    [reject] = read(raw, "link.warc.gz")
    assert isinstance(reject, Reject) and reject.reason == "outside_raw"


@pytest.mark.parametrize("name, reader", [
    ("a.jsonl", "read_jsonl"), ("a.JSONL.GZ", "read_jsonl"), ("a.jsonl.zst", "read_jsonl"),
    ("a.warc.gz", "read_warc"), ("a.wet", "read_warc"), ("a.wet.gz", "read_warc"),
    ("a.html.gz", "read_compressed_file"), ("a.txt", "read_text_file"), ("a.htm", "read_html_file"),
])
def test_reader_is_chosen_by_the_longest_suffix(name: str, reader: str) -> None:
    assert reader_for(name).__name__ == reader


# --- charsets ------------------------------------------------------------------------------


@pytest.mark.parametrize("head, expected", [
    (b'<meta charset="windows-1251">', "windows-1251"),
    (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>", "shift_jis"),
    (b"<meta charset=utf-8>", "utf-8"),
    (b'<meta name="description" content="charset talk">', None),
    (b"x" * 3000 + b'<meta charset="koi8-r">', None),  # too far in to be a declaration
])
def test_meta_charset_is_sniffed_from_the_first_bytes(head: bytes, expected: str | None) -> None:
    assert sniff_charset(head) == expected


def test_charset_from_content_type_ignores_unknown_names() -> None:
    assert charset_from_content_type("text/html; charset=x-no-such") is None
    assert charset_from_content_type("text/html;charset=ISO-8859-1") == "iso-8859-1"


def test_html_file_declared_charset_decodes_cp1251(tmp_path: Path) -> None:
    body = "Москва сегодня. " * 30
    page = (f'<html><head><meta charset="windows-1251"><title>Новости</title></head><body>'
            f"<article><p>{body}</p><p>{body}</p></article></body></html>")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    [record] = read(tmp_path, "ru.html")
    assert isinstance(record, RawRecord) and record.declared_charset == "windows-1251"
    doc = clean_record(record)
    assert isinstance(doc, Document) and "Москва сегодня" in doc.body


# --- end to end -----------------------------------------------------------------------------


def test_batch_over_a_crawl_writes_documents_and_counts_rejects(raw: Path, tmp_path: Path) -> None:
    sources = ["crawl.wet.gz", "dump.jsonl", "mixed.warc.gz", "wordpress_comments.html"]
    result = process_batch(sources, raw, tmp_path / "clean")
    written = sorted(w["source"] for w in result["written"])
    assert len(written) == 2 + 4 + 3 + 1
    assert "mixed.warc.gz#" + WARC_ID.format(7) in written
    reasons = Counter(r["reason"] for r in result["rejects"])
    assert reasons == {"bad_json": 1, "bad_record": 2, "duplicate_id": 1}
