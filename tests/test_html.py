"""HTML pages: main text through trafilatura, comments kept apart, limits, fallbacks, quality."""

from __future__ import annotations

import gzip
import json
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import trafilatura
from scoring import word_f1

import pipeline.html as html_module
from pipeline.clean import clean_record, to_document
from pipeline.config import Config
from pipeline.html import ExtractionTimeout, call_with_time_limit, comment_items, parse_html
from pipeline.model import Document
from pipeline.readers.charset import sniff_charset
from pipeline.sources import RawRecord

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "articles" / "scrapinghub"
WORDPRESS = (INPUTS / "wordpress_comments.html").read_bytes()
COMMENT_WORDS = ("grandmother", "drains backed up", "deserve a medal", "Leave a Reply",
                 "Your email address", "Post Comment")

PARAGRAPH = ("The committee met on Thursday to discuss the new budget for the public library, which has "
             "been closed on Mondays since the spring. Members agreed that opening hours matter more "
             "than new furniture, and asked the director for a plan by the end of the month. ")


def record(data: bytes, name: str = "page.html", **provenance: Any) -> RawRecord:
    return RawRecord(name, "sha", data=data, kind="html", declared_charset=sniff_charset(data),
                     provenance=provenance)


def extracted(data: bytes, config: Config | None = None, **provenance: Any) -> Document:
    doc = to_document(record(data, **provenance), config or Config())
    assert isinstance(doc, Document), doc
    return doc


def page(body: str, head: str = "<title>Library hours</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


# --- comments stay out of the body -------------------------------------------------------


def test_wordpress_comments_leave_the_body_and_arrive_one_per_comment() -> None:
    doc = extracted(WORDPRESS)
    assert not [w for w in COMMENT_WORDS if w in doc.text]
    assert "Support independent local journalism" not in doc.text
    comments = doc.extra["html_comments"]
    assert [c.split("\n")[0] for c in comments] == [
        "Harold Pike says:", "Reply to Harold Pike", "Tom Ashby says:"]
    assert "April 12, 2021 at 10:02 am" in comments[0] and "1947" in comments[0]
    assert "Same in our street" not in comments[0]  # the reply is its own comment
    assert not any(line == "Reply" for c in comments for line in c.split("\n"))


def test_wordpress_page_cleans_to_the_article_with_its_metadata() -> None:
    doc = clean_record(record(WORDPRESS))
    assert isinstance(doc, Document)
    assert doc.body.startswith("When the river rose above the old stone bridge")
    assert doc.body.endswith("before the school holidays begin.")
    assert "A slow recovery" in doc.body  # a subheading is not taken for the title
    assert not [w for w in COMMENT_WORDS if w in doc.body]
    assert doc.meta["title"] == "River towns count the cost of the spring floods"
    assert doc.meta["author"] == "Maria Lindqvist"
    assert doc.meta["published"] == "2021-04-12"
    assert doc.meta["publisher"] == "Valley Courier"
    assert doc.meta["url"] == "https://valleycourier.example/2021/04/12/river-towns-floods/"
    assert doc.meta["extraction"] == "trafilatura"
    kept = doc.extra["comments"]["comments"]
    assert [(c["author"], c["reply_to"]) for c in kept] == [
        ("Harold Pike", None), ("Jenny Moss", 0), ("Tom Ashby", None)]


def test_trafilatura_default_would_have_put_the_comments_in_the_text() -> None:
    """Why the body pass runs with include_comments=False: the default appends them."""
    assert "grandmother" in (trafilatura.extract(WORDPRESS.decode()) or "")


COMMENT_SECTIONS = {
    "disqus-like": '<div id="disqus_thread"><div class="post-message"><p>{c}</p></div></div>',
    "comments section": '<section class="comments"><h3>Comments</h3><div class="comment">'
                        '<span class="author">Ann</span><p>{c}</p></div></section>',
    "comment list": '<div id="comments"><ol class="commentlist"><li class="comment">'
                    '<div class="comment-author">Bob</div><p>{c}</p></li></ol></div>',
}


@pytest.mark.parametrize("markup", COMMENT_SECTIONS.values(), ids=COMMENT_SECTIONS.keys())
def test_comment_sections_do_not_leak_into_the_body(markup: str) -> None:
    comment = "Completely disagree with this, the library should open on Sundays instead of Mondays."
    body = f"<article><h1>Library hours</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>"
    doc = extracted(page(body + markup.format(c=comment)))
    assert "Sundays" not in doc.text
    assert "committee met" in doc.text


# --- fallbacks and time limits -----------------------------------------------------------


def test_page_without_main_text_falls_back_to_plain_text_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "extract_with_trafilatura", lambda tree, url: None)
    doc = extracted(page(f"<div><h2>Notice</h2><div>{PARAGRAPH}</div></div><script>var x = 1;</script>"))
    assert doc.meta["extraction"] == "fallback_plain_text"
    assert doc.meta["extraction_reason"] == "trafilatura found no main text"
    assert doc.text.split("\n\n")[:2] == ["Library hours", "Notice"]
    assert "var x" not in doc.text


def slow_extraction(tree: Any, url: str | None) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # a pathological page: Python work that never ends
        pass


def test_slow_extraction_is_cut_off_and_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "extract_with_trafilatura", slow_extraction)
    started = time.monotonic()
    doc = extracted(page(f"<p>{PARAGRAPH}</p>"), Config(html_timeout_seconds=0.2))
    assert time.monotonic() - started < 5
    assert doc.meta["extraction"] == "fallback_plain_text"
    assert doc.meta["extraction_reason"].startswith("timeout after 0.2")
    assert "html_extraction_timeout" in doc.flags
    assert "committee met" in doc.text


def test_slow_extraction_is_cut_off_in_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prefect and Dask run tasks in threads, where SIGALRM cannot be used."""
    monkeypatch.setattr(html_module, "extract_with_trafilatura", slow_extraction)
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.append(
        extracted(page(f"<p>{PARAGRAPH}</p>"), Config(html_timeout_seconds=0.2))))
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert results[0].meta["extraction"] == "fallback_plain_text"


@pytest.mark.parametrize("in_thread", [False, True], ids=["main thread", "worker thread"])
def test_time_limit_interrupts_and_never_fires_late(in_thread: bool) -> None:
    outcome: list[str] = []

    def run() -> None:
        try:
            call_with_time_limit(lambda: slow_extraction(None, None), 0.1)
            outcome.append("finished")
        except ExtractionTimeout:
            outcome.append("timeout")
        for _ in range(50):  # quick calls: a timer that fired late would raise here
            call_with_time_limit(lambda: sum(range(1000)), 0.05)
        time.sleep(0.2)
        outcome.append("no late timeout")

    if in_thread:
        worker = threading.Thread(target=run)
        worker.start()
        worker.join(10)
    else:
        run()
    assert outcome == ["timeout", "no late timeout"]


# --- safety and charsets --------------------------------------------------------------------


def test_xhtml_entities_are_not_expanded_and_nothing_is_loaded() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    data = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">' + laughs
            + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            + f"<html><body><article><p>{PARAGRAPH}</p><p>&l8; &xxe;</p></article></body></html>").encode()
    started = time.monotonic()
    doc = extracted(data)
    assert time.monotonic() - started < 5
    assert "lollol" not in doc.text and "root:" not in doc.text
    assert len(doc.text) < 5 * len(PARAGRAPH)


def test_declared_legacy_charset_is_used() -> None:
    text = "Le café « crème » coûte deux euros à la gare, a déclaré le propriétaire. " * 6
    data = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            f"<title>Café</title></head><body><article><p>{text}</p></article></body></html>").encode("latin-1")
    doc = clean_record(record(data))
    assert isinstance(doc, Document)
    assert "Le café « crème » coûte" in doc.body
    assert doc.meta["input_encoding"] == "iso8859-1"


def test_no_publication_date_from_a_copyright_footer() -> None:
    body = f"<article><h1>Library hours</h1><p>{PARAGRAPH}</p></article><footer>© 2019 The Gazette</footer>"
    doc = extracted(page(body))
    assert "published" not in doc.meta and "dates" not in doc.meta


def test_comment_items_skip_nested_replies() -> None:
    tree = parse_html(WORDPRESS.decode())
    assert tree is not None
    assert len(comment_items(tree)) == 3


def test_title_is_put_in_front_so_the_first_short_line_is_not_taken_for_it() -> None:
    body = (f"<article><h1>Is the library open?</h1><h2>What changes</h2><p>{PARAGRAPH}</p>"
            f"<p>{PARAGRAPH.replace('committee', 'council')}</p></article>")
    doc = clean_record(record(page(body, "<title>Is the library open?</title>")))
    assert isinstance(doc, Document)
    labels = {b.text: (b.label, b.rule) for b in doc.blocks}
    assert labels["Is the library open"] == ("title", "title.first_short_block")
    assert labels["What changes"][0] != "title"
    assert doc.meta["title"] == "Is the library open?"


# --- quality on real article pages -------------------------------------------------------------

# Pages of ../shared/datasets/articles/scrapinghub scored here (the first N by name):
# a third of the set keeps the test under 15 s. scripts/eval_html.py scores all 181.
GATE_PAGES = 60
# Floor for the pipeline's mean word F1 on those pages: measured 0.9645 there
# (trafilatura include_comments=False: 0.9607; on all 181 pages 0.962 against
# 0.959). Raise it after an improvement, never lower it.
PIPELINE_FLOOR = 0.96


@pytest.fixture(scope="module")
def article_scores() -> dict[str, list[float]]:
    if not ARTICLES.is_dir():
        pytest.skip("../shared/datasets/articles/scrapinghub is not beside the repository")
    truth = json.loads((ARTICLES / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, list[float]] = {"pipeline": [], "trafilatura": []}
    for path in sorted((ARTICLES / "html").glob("*.html.gz"))[:GATE_PAGES]:
        data = gzip.decompress(path.read_bytes())
        gold = truth[path.name.split(".")[0]]["articleBody"]
        doc = clean_record(record(data, path.name.replace(".gz", "")))
        scores["pipeline"].append(word_f1(doc.body if isinstance(doc, Document) else "", gold))
        theirs = trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False)
        scores["trafilatura"].append(word_f1(theirs or "", gold))
    return scores


def test_article_pages_stay_above_the_floor(article_scores: dict[str, list[float]]) -> None:
    assert statistics.mean(article_scores["pipeline"]) >= PIPELINE_FLOOR


def test_article_pages_at_least_as_good_as_trafilatura(article_scores: dict[str, list[float]]) -> None:
    ours, theirs = article_scores["pipeline"], article_scores["trafilatura"]
    assert statistics.mean(ours) >= statistics.mean(theirs)
    assert sum(a > b for a, b in zip(ours, theirs, strict=True)) > sum(
        b > a for a, b in zip(ours, theirs, strict=True))
