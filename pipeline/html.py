"""HTML pages to documents: trafilatura for the main text, its comments kept apart.

What :func:`extract_document` produces, for the text stages that run after it:

- ``doc.text``: the main text trafilatura found (``include_comments=False``:
  on the 181 scrapinghub pages its body is better that way, F1 0.959 against
  0.956 with comments on), one paragraph per trafilatura element, paragraphs
  separated by a blank line; lines inside a list or a ``<br>``-broken
  paragraph stay single lines. When trafilatura knows the page's title, it
  is the first paragraph, so the title stage labels it ``title`` instead of
  taking the first short line of the article (a subheading) for it.
- ``doc.extra["html_comments"]``: the reader comments, one string per comment
  (author and date lines first), for the comment-thread stage
  (:mod:`pipeline.comments`). They never enter ``doc.text``.
- ``doc.meta``: ``title``, ``author``, ``published`` (ISO date), ``publisher``
  (the site name), ``url``, ``extraction`` (``trafilatura`` or
  ``fallback_plain_text`` with ``extraction_reason``) and ``html`` (everything
  trafilatura said about the page).

Extraction has a per-page time limit (``Config.html_timeout_seconds``): a
page that takes longer falls back to the plain-text rendering, which lxml
produces in linear time. Nothing here parses XML: pages, XHTML included, go
through lxml's HTML parser, which expands no entities and loads nothing.
"""

from __future__ import annotations

import ctypes
import re
import signal
import threading
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, TypeVar

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from pipeline.config import Config
from pipeline.label import looks_like_title
from pipeline.model import Block, Document, Reject
from pipeline.sources import RawRecord

T = TypeVar("T")

# Elements whose text is never page text.
SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
             "embed", "canvas", "select", "button", "input", "textarea", "meta", "link")
# Elements that start a new paragraph in the plain-text rendering.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "title", "tr", "ul",
})
# One reader comment in the page's own markup: WordPress ("comment-body" inside
# li.comment, replies in a sibling ol.children), and the generic class token
# "comment" on a list item or article. Checked on WordPress themes'
# default markup (twentytwelve to twentytwentyfour) and the test fixtures.
COMMENT_BODY_XPATH = etree.XPath(
    '//*[contains(concat(" ", normalize-space(@class), " "), " comment-body ")]')
COMMENT_ITEM_XPATH = etree.XPath(
    '//*[self::li or self::article]'
    '[contains(concat(" ", normalize-space(@class), " "), " comment ")]')
# htmldate settings for the page's date. Its "extensive search" falls back to
# dates anywhere in the page, a copyright footer's year included ("© 2024"
# becomes 2024-01-01); the publication-metadata stage never takes a date from
# a footer either. Off, it reads only markup that states a date (meta tags,
# JSON-LD, <time>, the URL): 179 of the 181 scrapinghub pages still get one.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
# Lines of a comment that are the widget's, not the reader's.
COMMENT_CHROME = re.compile(r"^(reply|report|like|share|flag|permalink|edit)$", re.IGNORECASE)


class ExtractionTimeout(BaseException):  # noqa: N818 - reads as what happened
    """The time limit ran out. A BaseException so no ``except Exception`` inside
    trafilatura or its dependencies can swallow it."""


@dataclass
class Extraction:
    """What trafilatura found on a page."""

    paragraphs: list[str]
    comments: list[str]
    metadata: dict[str, Any] = field(default_factory=dict)


def extract_document(record: RawRecord, text: str, config: Config) -> Document | Reject:
    """An HTML record as a Document ready for the text stages (see the module docstring)."""
    tree = parse_html(text)
    url = record.provenance.get("url")
    doc = Document(id=record.id, source=record.source, text="")
    outcome = run_extraction(tree, url, config)
    if isinstance(outcome, Extraction):
        doc.meta.update(meta_from(outcome.metadata, url))
        doc.text = "\n\n".join(with_title(outcome.paragraphs, doc.meta.get("title"), config))
        doc.meta["extraction"] = "trafilatura"
        if outcome.comments:
            doc.extra["html_comments"] = outcome.comments
        return doc
    if outcome.startswith("timeout"):
        doc.flag("html_extraction_timeout")
    doc.text = plain_text(tree) if tree is not None else text
    doc.meta.update(extraction="fallback_plain_text", extraction_reason=outcome)
    if url:
        doc.meta["url"] = url
    if not doc.text.strip():
        return Reject(record.source, "no_main_text", f"HTML page without text ({outcome})",
                      record.input_sha256)
    return doc


def run_extraction(tree: lxml.html.HtmlElement | None, url: str | None,
                   config: Config) -> Extraction | str:
    """trafilatura's result within the time limit, or why the plain-text fallback is needed."""
    if tree is None:
        return "not_html"
    try:
        result = call_with_time_limit(lambda: extract_with_trafilatura(tree, url),
                                      config.html_timeout_seconds)
    except ExtractionTimeout:
        return f"timeout after {config.html_timeout_seconds} s"
    except Exception as err:  # noqa: BLE001 - an extractor bug costs one page its extraction
        return f"trafilatura error: {type(err).__name__}: {err}"
    if result is None or not result.paragraphs:
        return "trafilatura found no main text"
    return result


def with_title(paragraphs: list[str], title: str | None, config: Config) -> list[str]:
    """The paragraphs with the page title in front, shaped so the title stage takes it.

    trafilatura leaves the headline out of the main text; without it in
    front, the title stage (:func:`pipeline.label.mark_title`) takes the
    first short line of the article, often a subheading, for the title. A
    title ending in "?" or "!" would not look like one to that stage, so
    the copy put in front loses its final punctuation (``doc.meta["title"]``
    keeps it). On the scrapinghub pages this is worth +0.001 mean F1 and
    turns 19 pages lost to trafilatura into 15 (scripts/eval_html.py).

    >>> with_title(["Body text here."], "Is it true?", Config())
    ['Is it true', 'Body text here.']
    >>> with_title(["Is it true?", "Body text here."], "Is it true?", Config())
    ['Is it true', 'Body text here.']
    """
    if not title or not paragraphs:
        return paragraphs
    heading = re.sub(r"[.!?…]+(['\"”’)]*)$", r"\1", title.strip())
    if not looks_like_title(Block(0, heading), config):
        return paragraphs
    kept_headline = paragraphs[0].strip() == title.strip()  # trafilatura kept the <h1>
    return [heading, *paragraphs[kept_headline:]]


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree (lxml's HTML parser: no entity expansion, no network), or None."""
    try:
        return load_html(text)
    except (ValueError, TypeError, etree.ParserError):
        return None


def extract_with_trafilatura(tree: lxml.html.HtmlElement, url: str | None) -> Extraction | None:
    """Main text, metadata and comments; None when trafilatura finds no article.

    Two passes: the body with comments off (trafilatura then prunes comment
    sections before it looks for the article), and, only when the page has
    something called a comment, a fast pass for the comments themselves.
    """
    found = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=True,
                                        date_extraction_params=dict(DATE_PARAMS))
    if not isinstance(found, TrafilaturaDocument) or found.body is None:
        return None
    paragraphs = [p.strip() for p in (xmltotxt(child, False) for child in found.body) if p.strip()]
    metadata = {k: getattr(found, k, None) for k in (
        "title", "author", "date", "sitename", "hostname", "url", "description", "categories",
        "tags", "license", "language", "pagetype")}
    return Extraction(paragraphs, comments_of(tree, url), metadata)


def comments_of(tree: lxml.html.HtmlElement, url: str | None) -> list[str]:
    """The reader comments on a page, one string per comment.

    The page's own comment markup gives one string per comment; without it,
    trafilatura's comment extraction gives one string per comment paragraph.
    """
    items = comment_items(tree)
    if items:
        return items
    if not tree.xpath('//*[contains(@id, "comment") or contains(@class, "comment")]'):
        return []
    found = trafilatura.bare_extraction(tree, url=url, include_comments=True, fast=True)
    if not isinstance(found, TrafilaturaDocument) or found.commentsbody is None:
        return []
    return [t.strip() for t in (xmltotxt(c, False) for c in found.commentsbody) if t.strip()]


def comment_items(tree: lxml.html.HtmlElement) -> list[str]:
    """One string per comment from WordPress-style markup, nested replies apart.

    A reply (an item nested in another) starts with "Reply to <author>", the
    line the comment-thread stage reads to link it to its parent.
    """
    nodes = COMMENT_BODY_XPATH(tree) or COMMENT_ITEM_XPATH(tree)
    items = set(COMMENT_ITEM_XPATH(tree))
    texts = []
    for node in nodes:
        parent = _parent_author(node, items)
        own = deepcopy(node)
        for nested in [*COMMENT_ITEM_XPATH(own), *own.xpath(".//ol | .//ul")]:
            if nested is not own and nested.getparent() is not None:
                nested.getparent().remove(nested)  # replies are their own items
        lines = [line for line in plain_text(own).split("\n")
                 if line.strip() and not COMMENT_CHROME.match(line.strip())]
        if lines:
            texts.append("\n".join(([f"Reply to {parent}"] if parent else []) + lines))
    return texts


def _parent_author(node: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> str | None:
    """The author of the comment ``node`` answers, when it sits inside another comment."""
    own = node if node in items else next((a for a in node.iterancestors() if a in items), None)
    if own is None:
        return None
    parent = next((a for a in own.iterancestors() if a in items), None)
    if parent is None:
        return None
    names = parent.xpath('.//*[contains(@class, "fn") or contains(@class, "comment-author")]')
    name = re.sub(r"\s+says:?$", "", names[0].text_content().strip()) if names else ""
    return name or None


def plain_text(tree: lxml.html.HtmlElement) -> str:
    """The page's text with a blank line between block elements: the fallback rendering.

    >>> page = "<div><h1>Title</h1><p>One<br>two</p><script>x</script></div>"
    >>> plain_text(lxml.html.fromstring(page))
    'Title\\n\\nOne\\ntwo'
    """
    tree = deepcopy(tree)
    etree.strip_elements(tree, *SKIP_TAGS, etree.Comment, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            parts.append(element.text or "")
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n\n")
            if element is not tree:
                parts.append(element.tail or "")
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def meta_from(found: dict[str, Any], url: str | None) -> dict[str, Any]:
    """trafilatura's metadata under the names the rest of the pipeline reads."""
    meta: dict[str, Any] = {"html": {k: v for k, v in found.items() if v not in (None, "", [])}}
    for ours, theirs in (("title", "title"), ("author", "author"), ("published", "date"),
                         ("publisher", "sitename")):
        if found.get(theirs):
            meta[ours] = found[theirs]
    if found.get("date"):
        meta["dates"] = [{"value": found["date"], "source": "html.trafilatura", "role": "published"}]
    meta["url"] = url or found.get("url")
    if not meta["url"]:
        del meta["url"]
    return meta


# --- time limit ---------------------------------------------------------------------


def call_with_time_limit(fn: Callable[[], T], seconds: float) -> T:
    """``fn()``, or :class:`ExtractionTimeout` once ``seconds`` have passed.

    In the main thread of a process (the CLI, process-pool workers) a
    SIGALRM timer interrupts ``fn``; anywhere else (Prefect's and Dask's
    worker threads) a watchdog timer raises the exception inside the calling
    thread. Both interrupt Python code only: a single long call into C (one
    lxml parse) finishes first, which the record size limits keep short.
    Overhead per call, measured: 13 µs (signal), 0.1-0.9 ms (watchdog: a
    timer thread per call), against 40 ms for the extraction itself.

    >>> call_with_time_limit(lambda: 42, 1.0)
    42
    """
    if seconds is None or seconds <= 0:
        return fn()
    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)):
        return _with_alarm(fn, seconds)
    return _with_watchdog(fn, seconds)


def _with_alarm(fn: Callable[[], T], seconds: float) -> T:
    def on_alarm(signum: int, frame: Any) -> None:
        raise ExtractionTimeout(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _with_watchdog(fn: Callable[[], T], seconds: float) -> T:
    """Raise ExtractionTimeout in this thread from a timer thread when time runs out.

    ``PyThreadState_SetAsyncExc`` delivers the exception at the thread's next
    bytecode. The lock makes "finished" and "timed out" exclusive, and a
    timeout that was sent but not yet delivered when ``fn`` returned is
    cleared, so it can never surface later in unrelated code.
    """
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False}

    timeout = ctypes.py_object(ExtractionTimeout)

    def expire() -> None:
        with lock:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, timeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        return fn()
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)

