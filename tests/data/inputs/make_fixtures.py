"""Regenerate the small crawl fixtures in this folder (run by hand, output committed).

    .venv/bin/python tests/data/inputs/make_fixtures.py

mixed.warc.gz: what a crawler writes for a few pages: warcinfo, request,
response (HTML in windows-1252 declared by HTTP, HTML in UTF-8 declared by
<meta>, an image, a redirect, a 404), metadata, revisit, a text/plain
resource. crawl.wet.gz: two conversion records. Record ids, dates and
payloads are fixed so the files (and the ids tests expect) never change.
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
DATE = "2024-03-01T12:00:00Z"
FIELDS = "application/warc-fields"

ARTICLE_1252 = (
    "<html><head><title>Caf\u00e9 owners \u201cwelcome\u201d the new market rules</title></head>"
    "<body>"
    "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
    "<article><h1>Caf\u00e9 owners \u201cwelcome\u201d the new market rules</h1>"
    "<p>The caf\u00e9 owners of the old market square said on Friday that the new rules on "
    "outdoor seating were \u201cfair and overdue\u201d, after two years of arguments with the "
    "council about the width of the pavement and the hours of the evening trade.</p>"
    "<p>Under the rules, terraces may stay open until eleven in the evening from May to "
    "September, and every caf\u00e9 must keep a path of at least two metres clear for "
    "pushchairs and wheelchairs. The council will review the scheme next spring.</p>"
    "</article><footer>\u00a9 2024 Market Gazette</footer></body></html>"
)
ARTICLE_UTF8 = (
    "<html><head><meta charset='utf-8'><title>Night trains return to the northern line</title>"
    "</head><body><article><h1>Night trains return to the northern line</h1>"
    "<p>Sleeper services between the capital and the northern coast will run again from "
    "December, the rail operator said, ending a gap of almost a decade. Tickets go on sale "
    "in October, with cabins for two and a cheaper carriage of reclining seats.</p>"
    "<p>Passenger groups welcomed the news but asked for bicycle spaces, which the first "
    "timetable does not include. The operator said it would \u201clook at it\u201d for the "
    "second year of the service, once it knows how many people travel at night.</p>"
    "</article></body></html>"
)
TEXT_RESOURCE = (
    "Harbour notice\n\nThe harbour will close to small boats on Saturday morning while the "
    "divers inspect the outer wall. Moorings reopen at noon.\n"
)
WET_TEXTS = (
    ("https://example.org/lake", "Lake levels\n\nThe lake rose by forty centimetres in March, "
     "the highest spring level since records began in 1950, the water board said."),
    ("https://example.org/bridge", "Bridge repairs\n\nThe old footbridge will be closed for "
     "repairs from June to August; a ferry will carry pedestrians across the river."),
)


def _id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def _record(writer: WARCWriter, uri: str, rec_type: str, n: int, payload: bytes = b"",
            http: StatusAndHeaders | None = None, content_type: str | None = None) -> None:
    headers = {"WARC-Record-ID": _id(n), "WARC-Date": DATE}
    record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload),
                                       http_headers=http, warc_content_type=content_type,
                                       warc_headers_dict=headers)
    writer.write_record(record)


def _http(status: str, content_type: str) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def make_warc(path: Path) -> None:
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=True)
        _record(w, "", "warcinfo", 1, b"software: fixture\r\n", content_type=FIELDS)
        req = StatusAndHeaders("GET /market HTTP/1.1", [("Host", "gazette.example")],
                               is_http_request=True)
        _record(w, "https://gazette.example/market", "request", 2, http=req)
        _record(w, "https://gazette.example/market", "response", 3, ARTICLE_1252.encode("cp1252"),
                _http("200 OK", "text/html; charset=windows-1252"))
        _record(w, "https://gazette.example/market", "metadata", 4, b"fetchTimeMs: 120\r\n",
                content_type=FIELDS)
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        _record(w, "https://gazette.example/logo.png", "response", 5, png,
                _http("200 OK", "image/png"))
        _record(w, "https://gazette.example/old", "response", 6, b"<html>Moved</html>",
                _http("301 Moved Permanently", "text/html"))
        _record(w, "https://rail.example/night-trains", "response", 7, ARTICLE_UTF8.encode("utf-8"),
                _http("200 OK", "text/html"))
        _record(w, "https://rail.example/missing", "response", 8, b"<html><p>Not found</p></html>",
                _http("404 Not Found", "text/html"))
        _record(w, "https://gazette.example/market", "revisit", 10, b"",
                _http("200 OK", "text/html"))
        _record(w, "https://harbour.example/notice.txt", "resource", 9, TEXT_RESOURCE.encode(),
                content_type="text/plain")


def make_wet(path: Path) -> None:
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=True)
        _record(w, "", "warcinfo", 21, b"software: fixture\r\n", content_type=FIELDS)
        for n, (uri, text) in enumerate(WET_TEXTS, start=22):
            _record(w, uri, "conversion", n, text.encode(), content_type="text/plain")


if __name__ == "__main__":
    make_warc(HERE / "mixed.warc.gz")
    make_wet(HERE / "crawl.wet.gz")
