"""The five seed pages clean as their gold files say (issue 2's acceptance)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import SEEDS, load_gold, need_shared
from scoring import squash, word_f1

from pipeline.clean import clean_record
from pipeline.model import Document
from pipeline.sources import RawRecord

GOLD = load_gold()
IDS = [g["raw"][:3] for g in GOLD]


def clean_seed(gold: dict[str, Any]) -> Document:
    data = (SEEDS / "raw" / gold["raw"]).read_bytes()
    doc = clean_record(RawRecord(gold["raw"], "sha", data=data))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_body_matches_gold(gold: dict[str, Any]) -> None:
    doc = clean_seed(gold)
    assert word_f1(doc.body, gold["body"]) >= 0.97


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_must_include_and_exclude(gold: dict[str, Any]) -> None:
    body = squash(clean_seed(gold).body)
    assert [s for s in gold["must_include"] if squash(s) not in body] == []
    assert [s for s in gold["must_exclude"] if squash(s) in body] == []


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_title_author_language(gold: dict[str, Any]) -> None:
    doc = clean_seed(gold)
    assert (doc.meta["title"], doc.meta["author"]) == (gold["title"], gold["author"])
    assert doc.meta["language"] == gold["language"]
    assert doc.meta["language_probability"] > 0.9


@pytest.mark.parametrize("gold", GOLD, ids=IDS)
def test_every_removed_block_says_why(gold: dict[str, Any]) -> None:
    doc = clean_seed(gold)
    assert doc.removed, "every seed carries some boilerplate"
    assert all(b.rule for b in doc.removed)
    recorded = doc.meta["removed"]
    assert len(recorded) == len(doc.removed)
    assert all(set(r) == {"block", "kind", "rule", "words", "sha256"} for r in recorded)


def test_caption_and_byline_are_not_body() -> None:
    need_shared()
    by_name = {g["raw"][:3]: g for g in GOLD}
    doc = clean_seed(by_name["004"])
    assert [b.text for b in doc.blocks if b.label == "caption"] == ["Qassem Soleimani"]
    lendman = clean_seed(by_name["000"])
    assert not lendman.body.startswith("by Stephen Lendman")
    assert "Iranian and Russian Cooperation" in doc.body  # a heading, not a caption
