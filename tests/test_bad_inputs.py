"""Bad input gets a reason and never stops the run (issue 2, point 6)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from pipeline import sources
from pipeline.cli import EXIT_REJECTS, main
from pipeline.runner import run_local

GOOD = "A Title\n\nThe body text of a good page is here, and long enough to keep.\n"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "nested" / "also-good.txt").write_text(GOOD.replace("good page", "nested page"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n \n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "nul.txt").write_bytes(b"text with\x00 NUL bytes\x00 inside " * 20)
    (folder / "huge.txt").write_text("word " * 5000)
    (folder / "noise.bin").write_bytes(random.Random(7).randbytes(4000))
    (folder / "only-chrome.txt").write_text("Leave a Reply\n\nConnecting to %s\n")
    outside = folder.parent / "secret.txt"
    outside.write_text(GOOD)
    (folder / "link-out.txt").symlink_to(outside)
    return folder


def rejects_by_source(clean: Path) -> dict[str, str]:
    lines = (clean / "rejects.jsonl").read_text().splitlines()
    return {json.loads(line)["source"]: json.loads(line)["reason"] for line in lines}


def test_every_input_ends_as_a_document_or_a_reject_with_a_reason(raw: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    summary = run_local(raw, clean, {"max_file_bytes": 20_000})
    rejects = rejects_by_source(clean)
    assert rejects == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.png": "binary",
        "nul.txt": "binary",
        "huge.txt": "too_large",
        "noise.bin": rejects.get("noise.bin"),
        "only-chrome.txt": "no_main_text",
        "link-out.txt": "outside_raw",
    }
    assert rejects["noise.bin"] in {"binary", "undecodable"}
    assert summary["cleaned"] == 2
    assert summary["cleaned"] + summary["rejected"] == summary["discovered"] == 10
    assert summary["rejected_by_reason"]["empty"] == 2


def test_a_file_that_vanishes_or_cannot_be_read_is_a_reject(raw: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = Path.open

    def flaky_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "good.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", flaky_open)
    found = list(sources.read_source(raw, "good.txt", sources.Config()))
    assert [(r.source, r.reason) for r in found] == [("good.txt", "unreadable")]  # type: ignore[union-attr]
    assert [r.reason for r in sources.read_source(raw, "gone.txt", sources.Config())] == ["vanished"]  # type: ignore[union-attr]


def test_transient_read_errors_are_retried(raw: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real_open = Path.open

    def once_broken(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "good.txt" and calls["n"] == 0:
            calls["n"] += 1
            raise OSError(5, "Input/output error")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", once_broken)
    monkeypatch.setattr(sources, "READ_BACKOFF_SECONDS", 0.0)
    found = list(sources.read_source(raw, "good.txt", sources.Config()))
    assert isinstance(found[0], sources.RawRecord)


def test_cli_exit_status_says_whether_anything_was_rejected(raw: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["run", "--engine", "local", "--quiet", "--raw", str(raw), "--clean", str(tmp_path / "c")])
    out = capsys.readouterr().out
    assert status == EXIT_REJECTS
    assert "rejected by reason:" in out and "empty 2" in out
    for name in ("empty.txt", "image.png", "huge.txt"):
        os.remove(raw / name)
    for name in ("nul.txt", "noise.bin", "only-chrome.txt", "link-out.txt", "blank.txt"):
        os.remove(raw / name)
    assert main(["run", "--engine", "local", "--quiet", "--raw", str(raw), "--clean", str(tmp_path / "c")]) == 0


def failing_on_boom(real):  # type: ignore[no-untyped-def]
    """``real`` (a function of a page's blocks) that raises on a page with "BOOM" in it."""

    def call(blocks):  # type: ignore[no-untyped-def]
        if any("BOOM" in block.text for block in blocks):
            raise ValueError("a bug this page triggers")
        return real(blocks)

    return call


def test_a_page_that_crashes_a_stage_is_a_reject_and_its_chunk_is_unharmed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages go through the stages in chunks; a bug on one page stays with that page."""
    import pipeline.stages
    from pipeline.clean import clean_record, clean_records
    from pipeline.model import Reject
    from pipeline.sources import RawRecord

    monkeypatch.setattr(pipeline.stages, "find_author", failing_on_boom(pipeline.stages.find_author))
    pages = [GOOD.replace("good page", f"page number {i}") for i in range(5)]
    pages[2] = GOOD.replace("good page", "BOOM page")
    records: list[RawRecord | Reject] = [RawRecord(f"p{i}.txt", str(i), data=page.encode())
                                         for i, page in enumerate(pages)]
    records.insert(1, Reject("unreadable.txt", "unreadable", "permission denied"))
    out = list(clean_records(records, chunk_size=4))
    assert [getattr(o, "source", None) for o in out] == ["p0.txt", "unreadable.txt", "p1.txt", "p2.txt",
                                                         "p3.txt", "p4.txt"]
    crashed = out[3]
    assert isinstance(crashed, Reject)
    assert (crashed.reason, crashed.detail) == ("cleaning_error", "ValueError: a bug this page triggers")
    assert out[1].reason == "unreadable"
    alone = [clean_record(r) for r in records if isinstance(r, RawRecord) and r.source != "p2.txt"]
    together = [o for o in out if not isinstance(o, Reject)]
    assert [(d.body, d.meta) for d in together] == [(d.body, d.meta) for d in alone]


def test_a_page_that_crashes_the_comment_stage_is_a_reject_and_its_chunk_is_unharmed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The comment stage runs over a whole chunk at once (one model call); a page it
    cannot handle is still only that page's reject."""
    import pipeline.comments
    from pipeline.clean import clean_record, clean_records
    from pipeline.model import Reject
    from pipeline.sources import RawRecord

    monkeypatch.setattr(pipeline.comments, "segment_comments",
                        failing_on_boom(pipeline.comments.segment_comments))
    pages = [f"Title {i}\n\nThe body of article {i} is long enough to keep as text.\n\n"
             f"2 thoughts on \u201cTitle {i}\u201d\n\nJane Doe says:\n\nMarch 3, 2024 at 10:00 am\n\n"
             f"A fair and careful piece, thank you, reader {i}.\n\nReply\n\nLeave a Reply" for i in range(4)]
    pages[1] = pages[1].replace("careful piece", "BOOM piece")
    records = [RawRecord(f"p{i}.txt", str(i), data=page.encode()) for i, page in enumerate(pages)]
    out = list(clean_records(records, chunk_size=4))
    assert isinstance(out[1], Reject) and out[1].reason == "cleaning_error"
    alone = [clean_record(records[i]) for i in (0, 2, 3)]
    kept = [out[i] for i in (0, 2, 3)]
    assert [d.meta["comments"] for d in kept] == [d.meta["comments"] for d in alone]  # type: ignore[union-attr]
    assert all(d.meta["comments"]["kept"] == 1 for d in kept)  # type: ignore[union-attr]
