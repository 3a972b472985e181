"""Comment threads (issue 4): segmentation, the thread policy, what reaches clean/, the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, SEEDS, need_shared

from pipeline.clean import clean_record
from pipeline.cli import main
from pipeline.comments import split_comment_threads
from pipeline.comments.jsonl import score_json_lines
from pipeline.comments.patterns import LINE_PATTERNS, looks_like_author, match_line
from pipeline.comments.policy import ThreadPolicy, decide_removals
from pipeline.comments.segment import Comment, comment_from_text, renumber
from pipeline.config import Config
from pipeline.model import Document
from pipeline.sources import RawRecord

DATA = REPO / "tests" / "data" / "comments"
SEED_003 = "003_1e088acd9b881b64.txt"


def load(name: str) -> list[dict[str, Any]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def clean_text(name: str, text: str | bytes, config: Config | None = None) -> Document:
    data = text.encode() if isinstance(text, str) else text
    doc = clean_record(RawRecord(name, "sha", data=data), config)
    assert isinstance(doc, Document), doc
    return doc


def kept(doc: Document) -> list[dict[str, Any]]:
    return doc.extra.get("comments", {}).get("comments", [])


@pytest.fixture(scope="module")
def seed_003() -> Document:
    need_shared()
    return clean_text(SEED_003, (SEEDS / "raw" / SEED_003).read_bytes())


@pytest.fixture(scope="module")
def gold_003() -> dict[str, Any]:
    need_shared()
    return json.loads((SEEDS / "gold" / SEED_003.replace(".txt", ".json")).read_text(encoding="utf-8"))


# --- line patterns ------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", LINE_PATTERNS, ids=[p.name for p in LINE_PATTERNS])
def test_line_pattern_examples(pattern: Any) -> None:
    assert [s for s in pattern.positive if not match_line(pattern.name, s)] == []
    assert [s for s in pattern.negative if match_line(pattern.name, s)] == []


@pytest.mark.parametrize("line", ["Night Hunter", "Real Anti-Racist Action", "General Surena",
                                  "Solomon Krupacek", "jdoe_88", "Anna K", "Jean de la Fontaine"])
def test_names_look_like_authors(line: str) -> None:
    assert looks_like_author(line)


@pytest.mark.parametrize("line", ["SCO, Belt and road", "great article", "Thanks!", "Reply",
                                  "3 years ago", "Well, I never.", "Liked by 1 person",
                                  "This is a much longer line than any display name would be"])
def test_comment_lines_do_not_look_like_authors(line: str) -> None:
    assert not looks_like_author(line)


# --- segmentation -----------------------------------------------------------------------------

@pytest.mark.parametrize("case", load("segmentation.json"), ids=lambda c: c["label"])
def test_segmentation_cases(case: dict[str, Any]) -> None:
    doc = clean_text(case["label"] + ".txt", case["page"])
    got = [{k: c[k] for k in ("author", "date", "text", "reply_to")} for c in kept(doc)]
    assert got == case["expected"]
    assert [c["text"] for c in case["expected"] if c["text"] in doc.body] == []


def test_seed_003_has_the_gold_authors_in_order(seed_003: Document, gold_003: dict[str, Any]) -> None:
    summary = seed_003.meta["comments"]
    assert summary["count"] == gold_003["comments"]["count"] == 7
    authors = {c["index"]: c["author"] for c in kept(seed_003)}
    hashes = {r["index"]: r["author_sha256"] for r in summary["removed_toxic"]}
    from pipeline.model import sha256_hex

    for index, name in enumerate(gold_003["comments"]["authors_in_order"]):
        if index in authors:
            assert authors[index] == name
        else:
            assert hashes[index] == (sha256_hex(name)[:16] if name else None)


def test_seed_003_removes_the_toxic_comments_and_keeps_the_rest(seed_003: Document) -> None:
    summary = seed_003.meta["comments"]
    reasons = {r["index"]: r["reason"] for r in summary["removed_toxic"]}
    # Real Anti-Racist Action, the unnamed three-paragraph comment, Nigel Maund: toxic.
    assert {i for i, r in reasons.items() if r == "toxic"} == {2, 5, 6}
    # Solomon Krupacek's "boy, where do you ..." answers the toxic comment right above it
    # and leaves with it (policy: inferred reply; see README).
    assert reasons[3] == "reply_to_toxic"
    assert [c["author"] for c in kept(seed_003)] == [None, "Night Hunter", "General Surena"]
    assert kept(seed_003)[0]["text"] == "SCO, Belt and road"
    assert summary["policy"]["section_removed"] is False


def test_seed_003_block_labels_say_why(seed_003: Document) -> None:
    rules = {b.text[:20]: (b.label, b.rule) for b in seed_003.blocks}
    assert rules["Night Hunter"] == ("comment", "comments.author")
    assert rules["SCO, Belt and road"] == ("comment", "comments.kept")
    assert rules["Real Anti-Racist Act"][0] == "comment:toxic"
    assert rules["Real Anti-Racist Act"][1].startswith("comments.toxic:")
    assert rules["boy, wgere you go to"] == ("comment:toxic_thread", "comments.reply_to_toxic")
    assert not [b for b in seed_003.blocks if b.label == "comment" and b.rule.endswith(">section")]


def test_inference_off_keeps_the_borderline_reply() -> None:
    need_shared()
    config = Config().with_overrides({"comment_infer_replies": False})
    doc = clean_text(SEED_003, (SEEDS / "raw" / SEED_003).read_bytes(), config)
    assert "Solomon Krupacek" in [c["author"] for c in kept(doc)]


def test_no_toxic_text_in_metadata_or_extras(seed_003: Document, gold_003: dict[str, Any]) -> None:
    written = json.dumps([seed_003.meta, seed_003.extra, seed_003.body], ensure_ascii=False).casefold()
    leaks = [s for s in gold_003["comments"]["toxic_text_must_not_appear_anywhere_in_clean"]
             if s.casefold() in written]
    assert leaks == []


# --- policy (pure: the verdicts are given, no scorer) ------------------------------------------

def _comments(spec: list[dict[str, Any]]) -> list[Comment]:
    comments = [Comment(i, author=c["author"], body=[c["text"]], parent_name=c.get("parent"),
                        reply_evidence="reply_to_line" if c.get("parent") else None)
                for i, c in enumerate(spec)]
    return renumber(comments)


@pytest.mark.parametrize("case", load("policy.json"), ids=lambda c: c["label"])
def test_policy_cases(case: dict[str, Any]) -> None:
    comments = _comments(case["comments"])
    toxic = [c["text"].startswith("TOXIC") for c in case["comments"]]
    policy = ThreadPolicy.from_config(Config().with_overrides(case["config"]))
    assert decide_removals(comments, toxic, policy) == case["expected"]


# --- comments found by the HTML extractor ---------------------------------------------------

def test_html_comments_are_scored_and_the_raw_list_is_not_kept() -> None:
    doc = Document("h", "h.html", "A Title\n\nThe article body is long enough to be the text of the page.")
    doc.extra["html_comments"] = ["Jane Doe\n3 years ago\nA fair and careful article.",
                                  "What needs to be done is to take down the criminal Jew cabal.",
                                  "", "Thanks"]
    from pipeline.stages import run_stages

    doc = run_stages(doc, Config())
    assert "html_comments" not in doc.extra
    assert doc.meta["comments"]["from_html"] == 3
    assert [(c["author"], c["date"], c["text"]) for c in kept(doc)] == [
        ("Jane Doe", "3 years ago", "A fair and careful article."), (None, None, "Thanks")]
    assert "cabal" not in json.dumps([doc.meta, doc.extra])


def test_comment_from_text_without_header_is_all_text() -> None:
    comment = comment_from_text("John Smith\n\nJohn Smith")
    assert (comment.author, comment.text) == ("John Smith", "John Smith")
    assert comment_from_text("Jane Doe says:\nGood.").author == "Jane Doe"


def test_page_without_comments_is_left_alone() -> None:
    doc = Document("p", "p.txt", "A Title\n\nA body.")
    doc = split_comment_threads(doc, Config())
    assert doc.meta["comments"]["count"] == 0 and "comments" not in doc.extra


def test_toxic_author_name_is_withheld() -> None:
    page = ("A Title\n\nThe article body is long enough to be the main text, with several words in it.\n\n"
            "Leave a Reply\n\nKill All Jews\n\nNice weather in the photos.")
    doc = clean_text("t.txt", page)
    assert doc.meta["comments"]["authors_withheld"] == 1
    assert "Jews" not in json.dumps(doc.extra)


# --- end to end: nothing toxic under clean/ ----------------------------------------------------

def test_no_toxic_string_in_any_file_under_clean(tmp_path: Path, gold_003: dict[str, Any]) -> None:
    from pipeline.runner import run_local

    clean = tmp_path / "clean"
    run_local(SEEDS / "raw", clean)
    banned = [s.casefold() for s in gold_003["comments"]["toxic_text_must_not_appear_anywhere_in_clean"]]
    files = [p for p in clean.rglob("*") if p.is_file()]
    leaks = [(p.name, s) for p in files for s in banned
             if s in p.read_text(encoding="utf-8", errors="replace").casefold()]
    assert leaks == []
    from pipeline.store import Store

    store = Store(clean)
    doc = store.get(SEED_003)
    record = store.extra(doc["id"], doc["version"], "comments")
    assert [c["author"] for c in record["comments"]] == [None, "Night Hunter", "General Surena"]
    assert record["policy"]["name"] == "remove_toxic_threads"


# --- pipeline toxicity ----------------------------------------------------------------------

def test_toxicity_command_scores_in_order_and_reports_broken_lines(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['{"id": 1, "text": "Thanks, a clear and fair article."}\n',
             "{broken\n",
             '{"id": 2, "text": "Take down the criminal Jew cabal."}\n',
             '{"id": 3}\n', "\n", '["text"]\n']
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(lines)))
    assert main(["toxicity"]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["id"], r["toxic"]) for r in out] == [(1, False), (2, True)]
    assert out[1]["categories"] and 0 <= out[0]["score"] <= 1
    errors = [json.loads(line) for line in captured.err.splitlines()]
    assert [e["line"] for e in errors] == [2, 4, 6]


def test_toxicity_threshold_option_and_batches() -> None:
    texts = [json.dumps({"text": t}) for t in ["A fair point.", "You are an idiot."] * 3]
    strict, loose = io.StringIO(), io.StringIO()
    assert score_json_lines(texts, strict, io.StringIO(), threshold=0.99, batch_lines=4) == 0
    assert score_json_lines(texts, loose, io.StringIO(), threshold=0.0, batch_lines=4) == 0
    assert [json.loads(x)["toxic"] for x in strict.getvalue().splitlines()] == [False] * 6
    assert [json.loads(x)["toxic"] for x in loose.getvalue().splitlines()] == [True] * 6

