"""The run summary as Prefect artifacts, built without a server (issue 3, point 3)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pipeline.artifacts import artifact_key_base, artifact_keys, summary_markdown, summary_table

SUMMARY: dict[str, Any] = {
    "run_id": "abc123", "started": "2026-01-01T02:00:00Z", "finished": "2026-01-01T02:01:00Z",
    "raw_dir": "/data/raw", "clean_dir": "/data/clean", "discovered": 7,
    "cleaned": 4, "unchanged": 1, "rejected": 2,
    "rejected_by_reason": {"empty": 1, "binary_input": 1},
    "removed_by_kind": {"boilerplate:wordpress": 9, "related": 3},
    "languages": {"en": 4, "de": 1}, "flags": {"encoding_loss": 1},
    "documents_in_store": 5, "summary_path": "/data/clean/runs/x.json", "batch_seconds": 1.5,
}


@pytest.mark.parametrize("name", [None, "", "nightly", "Ad Hoc", "ad_hoc/v2", "ÜBER--run", "---"])
def test_keys_are_lowercase_letters_digits_and_dashes(name: str | None) -> None:
    for key in artifact_keys(name).values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key), key


def test_each_deployment_gets_its_own_keys_so_runs_form_a_history() -> None:
    assert artifact_key_base("nightly") != artifact_key_base("ad-hoc")
    assert artifact_keys("nightly") == artifact_keys("nightly")
    assert artifact_key_base(None) == "clean-corpus-local"


def test_table_has_every_count_the_summary_has() -> None:
    rows = {(r["section"], r["name"]): r["count"] for r in summary_table(SUMMARY)}
    assert rows[("documents", "cleaned")] == 4 and rows[("documents", "unchanged")] == 1
    assert rows[("rejected", "empty")] == 1 and rows[("rejected", "binary_input")] == 1
    assert rows[("removed", "boilerplate:wordpress")] == 9
    assert rows[("language", "de")] == 1 and rows[("flag", "encoding_loss")] == 1


def test_markdown_says_what_happened_and_where_the_output_is() -> None:
    text = summary_markdown(SUMMARY)
    assert text.startswith("# clean-corpus: 4 cleaned, 1 unchanged, 2 rejected")
    for expected in ("empty 1, binary_input 1", "boilerplate:wordpress 9", "en 4, de 1",
                     "`/data/clean`", "/data/clean/rejects.jsonl", "pipeline export --clean /data/clean",
                     "/data/clean/runs/x.json"):
        assert expected in text


def test_an_empty_run_still_renders() -> None:
    empty = {"cleaned": 0, "unchanged": 0, "rejected": 0}
    assert [r["count"] for r in summary_table(empty)] == [0, 0, 0]
    assert "rejected by reason: none" in summary_markdown(empty)
