"""Publisher and dates, when the page states them, with the evidence.

Only what the page says in the places a publisher or date is stated:

- a source tag opening the first paragraph: "(Strategic-Culture) ~ …",
  "(Sputnik News, 28/9/2015) ~ …";
- a source line right after the article ("Sputnik News", "Source: TASS");
- "Submitted by …" lines;
- dates after a cue ("Published on", "Posted", "Updated", "Date:"), or alone
  on a short line in the page header.

Never from a copyright footer, a comment, or a sentence in the body ("on
February 1, 2015" in a paragraph is an event, not the publication date).
Numeric dates that read both ways (03/04/2015) are kept as evidence with
both readings and never become ``published``. Each piece of evidence in
``doc.meta["dates"]`` has the keys the HTML path uses (``value``, the ISO
date or None, and ``source``, the rule) plus ``role``, ``block`` and ``text``.

>>> parse_date("28/9/2015"), parse_date("September 28, 2015"), parse_date("2015-09-28")
('2015-09-28', '2015-09-28', '2015-09-28')
>>> parse_date("3/4/2015") is None, sorted(read_dates("3/4/2015"))
(True, ['2015-03-04', '2015-04-03'])
>>> source_tag("(Sputnik News, 28/9/2015) ~ The Iraqi government said")
('Sputnik News', '28/9/2015')
>>> source_tag("(Strategic-Culture) ~ A lot of negative words"), source_tag("(AP) — They said")
(('Strategic-Culture', None), ('AP', None))
>>> source_tag("(This is an aside) and then text") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pipeline.model import CONTENT, Block, Document
from pipeline.translation.artifacts import snippet

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [
    (
        "mdy",
        re.compile(
            rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+"
            rf"(?P<year>\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b")),
]
# Dates outside this range are typos or not publication dates.
MIN_YEAR, MAX_YEAR = 1990, 2100

_SOURCE_TAG = re.compile(
    r"^\((?P<pub>[A-Z][\w.&'’ -]{0,48}[\w.])(?:,\s*(?P<date>[^()]{4,40}))?\)\s*[~–—-]+\s"
)
_CUE = re.compile(
    r"^(?:(?P<updated>(?:last\s+)?updated|modified)|published|posted|first published|"
    r"date(?:d)?|released)(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.IGNORECASE)
_SUBMITTED = re.compile(
    r"^submitted by\s+(?P<name>[\w.@'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})", re.IGNORECASE
)
_SOURCE_CUE = re.compile(
    r"^(?:source|via|courtesy of)\s*:?\s+(?P<name>[^\s].{1,60}?)\.?$", re.IGNORECASE
)
_OUTLET = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){0,3}(?:News|Agency|Press|Times|Post|TV|Today|Network|Herald|Gazette|"
    r"Journal|Tribune|Daily|Magazine|Review|Monitor|Observer|Chronicle|Telegraph|Insider|Wire|Radio)$|"
    r"^(?:Reuters|AFP|AP|Associated Press|TASS|RIA Novosti|Sputnik|RT|Xinhua|IRNA|Interfax|BBC|CNN|"
    r"Al Jazeera|Al Arabiya|Anadolu|Fars|Tasnim|Mehr)$|"
    r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|ru|ir|ua|news)$"
)
# A header date line or source line is short.
HEADER_DATE_MAX_WORDS = 12
SOURCE_LINE_MAX_WORDS = 4
# The paragraph before a source line must be real text, not another short line.
SOURCE_LINE_MIN_WORDS_BEFORE = 20
NOT_PAGE_TEXT = ("comment",)


def _valid(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def read_dates(text: str) -> list[str]:
    """Every reading of the first date in ``text`` (two for 03/04/2015)."""
    best: tuple[int, list[str]] | None = None
    for shape, pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match or (best and best[0] <= match.start()):
            continue
        year = int(match.group("year"))
        if shape == "numeric":
            a, b = int(match.group("a")), int(match.group("b"))
            readings = {_valid(year, b, a), _valid(year, a, b)} - {None}
        else:
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower()]
            readings = {_valid(year, number, int(match.group("day")))} - {None}
        if readings:
            best = (match.start(), sorted(r for r in readings if r))
    return best[1] if best else []


def parse_date(text: str) -> str | None:
    """The ISO date in ``text`` when it has exactly one reading."""
    readings = read_dates(text)
    return readings[0] if len(readings) == 1 else None


def source_tag(text: str) -> tuple[str, str | None] | None:
    """(publisher, date text) from a "(Publisher, date) ~" paragraph opening."""
    match = _SOURCE_TAG.match(text)
    if not match or len(match.group("pub").split()) > 5:
        return None
    return match.group("pub").strip(), match.group("date")


def _date_record(readings: list[str], block: Block, rule: str, role: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "value": readings[0] if len(readings) == 1 else None,
        "source": rule,
        "role": role,
        "block": block.index,
        "text": snippet(block.text, 120),
    }
    if len(readings) > 1:
        record["readings"] = readings
    return record


def find_dates(blocks: list[Block]) -> list[dict[str, Any]]:
    """Date evidence: source tags, cue lines, short header lines."""
    found = []
    first_content = next((b.index for b in blocks if b.label == CONTENT), len(blocks))
    for block in blocks:
        if block.kind in NOT_PAGE_TEXT:
            continue
        # A copyright line is never a date line. The search is slow, so it is
        # only run on a block that would give a date.
        tag = source_tag(block.text) if block.label == CONTENT else None
        if tag and tag[1] and read_dates(tag[1]):
            if _COPYRIGHT.search(block.text):
                continue
            found.append(_date_record(read_dates(tag[1]), block, "pubmeta.source_tag", "published"))
            continue
        cue = _CUE.match(block.text)
        if cue and block.words <= HEADER_DATE_MAX_WORDS * 2 and read_dates(block.text[cue.end() :]):
            if _COPYRIGHT.search(block.text):
                continue
            role = "updated" if cue.group("updated") else "published"
            found.append(
                _date_record(read_dates(block.text[cue.end() :]), block, "pubmeta.cue", role)
            )
            continue
        in_header = block.index < first_content or (
            block.index == first_content and block.words <= 6
        )
        if in_header and block.words <= HEADER_DATE_MAX_WORDS and read_dates(block.text):
            if _COPYRIGHT.search(block.text):
                continue
            found.append(
                _date_record(read_dates(block.text), block, "pubmeta.header_date", "published")
            )
    return found


def _publisher(name: str, block: Block, rule: str) -> dict[str, Any]:
    return {"name": name, "rule": rule, "block": block.index, "text": snippet(block.text, 120)}


def mark_source_line(blocks: list[Block]) -> Block | None:
    """Relabel a bare outlet name closing the article ("Sputnik News") as a credit."""
    content = [b for b in blocks if b.label == CONTENT]
    if len(content) < 2:
        return None
    last, before = content[-1], content[-2]
    if (
        last.words <= SOURCE_LINE_MAX_WORDS
        and before.words >= SOURCE_LINE_MIN_WORDS_BEFORE
        and _OUTLET.match(last.text.strip())
    ):
        last.relabel("credit", "pubmeta.source_line")
        return last
    return None


def find_publishers(blocks: list[Block]) -> list[dict[str, Any]]:
    """Publisher evidence, best first: source tag, source line, "Source:", "Submitted by"."""
    found: list[dict[str, Any]] = []
    content = [b for b in blocks if b.label == CONTENT]
    for block in content[:3]:
        tag = source_tag(block.text)
        if tag:
            found.append(_publisher(tag[0], block, "pubmeta.source_tag"))
            break
    line = mark_source_line(blocks)
    if line is not None:
        found.append(_publisher(line.text.strip(), line, "pubmeta.source_line"))
    for block in blocks:
        if block.kind in NOT_PAGE_TEXT or block.words > 12:
            continue
        cue = _SOURCE_CUE.match(block.text.strip())
        if cue:
            found.append(_publisher(cue.group("name"), block, "pubmeta.source_cue"))
        submitted = _SUBMITTED.match(block.text.strip())
        if submitted:
            found.append(_publisher(submitted.group("name"), block, "pubmeta.submitted_by"))
    return found


def record_publication(doc: Document) -> Document:
    """Set publisher, published and the evidence; never overwrite what is set."""
    publishers = find_publishers(doc.blocks)
    dates = find_dates(doc.blocks)
    if publishers:
        doc.meta.setdefault("publisher", None)
        doc.meta["publisher"] = doc.meta["publisher"] or publishers[0]["name"]
        doc.meta["publisher_evidence"] = publishers
        submitted = [p["name"] for p in publishers if p["rule"] == "pubmeta.submitted_by"]
        if submitted:
            doc.meta["submitted_by"] = submitted[0]
    if dates:
        # Beside what the HTML path found ({"value", "source": "html.trafilatura"}).
        doc.meta["dates"] = list(doc.meta.get("dates") or []) + dates
        stated = [d["value"] for d in dates if d["role"] == "published" and d["value"]]
        published = stated[0] if stated else None
        if published and not doc.meta.get("published"):
            doc.meta["published"] = published
    return doc
