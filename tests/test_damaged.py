"""Seeds broken the ways scrapers break text clean to the same body (issue 2, point 2)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import SEEDS, need_shared
from scoring import word_f1

from pipeline.clean import clean_record
from pipeline.model import Document
from pipeline.sources import RawRecord

MANIFEST: list[dict[str, Any]] = (
    json.loads((SEEDS / "damaged" / "MANIFEST.json").read_text()) if SEEDS.is_dir() else []
)
RECOVERABLE = [m for m in MANIFEST if m["damage"] != "lossy-mojibake"]
LOSSY = [m for m in MANIFEST if m["damage"] == "lossy-mojibake"]


def clean_file(folder: str, name: str) -> Document:
    doc = clean_record(RawRecord(name, "sha", data=(SEEDS / folder / name).read_bytes()))
    assert isinstance(doc, Document), doc
    return doc


def test_all_recoverable_damage_is_covered() -> None:
    need_shared()
    assert len(RECOVERABLE) == 35 and len(LOSSY) == 5


@pytest.mark.parametrize("item", RECOVERABLE, ids=[m["file"] for m in RECOVERABLE])
def test_recoverable_damage_gives_identical_body(item: dict[str, Any]) -> None:
    damaged = clean_file("damaged", item["file"])
    seed = clean_file("raw", item["seed"])
    assert damaged.body == seed.body
    assert damaged.meta["title"] == seed.meta["title"]
    assert "encoding_loss" not in damaged.flags


@pytest.mark.parametrize("item", LOSSY, ids=[m["file"] for m in LOSSY])
def test_lossy_damage_comes_close_and_is_flagged(item: dict[str, Any]) -> None:
    damaged = clean_file("damaged", item["file"])
    seed = clean_file("raw", item["seed"])
    assert "encoding_loss" in damaged.flags
    assert damaged.meta["encoding_repair"]["replacement_chars"] > 0
    assert word_f1(damaged.body, seed.body) >= 0.98
    assert damaged.body == seed.body  # every lost character here was a closing ” (see repair.restore_closing_quotes)
