"""The commands a user types: run (as a Prefect flow), show, export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEEDS, load_gold, need_shared
from scoring import word_f1

from pipeline.cli import main


@pytest.fixture(scope="module")
def seeded_clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared()
    clean = tmp_path_factory.mktemp("clean")
    assert main(["run", "--engine", "local", "--quiet", "--raw", str(SEEDS / "raw"), "--clean", str(clean)]) == 0
    return clean


def test_export_writes_one_record_per_document(seeded_clean: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--clean", str(seeded_clean)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) >= 5
    gold = {g["raw"]: g for g in load_gold()}
    for record in records:
        assert {"id", "source", "version", "title", "author", "language", "text", "metadata"} <= set(record)
        if record["source"] in gold:
            assert word_f1(record["text"], gold[record["source"]]["body"]) >= 0.97


def test_show_prints_text_and_why_blocks_were_removed(seeded_clean: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "000_56e6a5e0eb7adcfe.txt", "--clean", str(seeded_clean)]) == 0
    out = capsys.readouterr().out
    assert "title:    Russia Considers Iran an Ally" in out
    assert "wp.comment_form_start" in out and "boilerplate:wordpress" in out
    assert "Leave a Reply" not in out  # removed blocks are shown by rule, not by text
    assert main(["show", "no-such-doc", "--clean", str(seeded_clean)]) == 1


@pytest.mark.parametrize("command", ["run", "show", "export"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: pipeline " + command in capsys.readouterr().out


def test_export_into_a_reader_that_stops_early_is_quiet(seeded_clean: Path) -> None:
    """`pipeline export | head -c 400`, as the README does: no traceback when head exits."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first record is written
    try:
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "export", "--clean", str(seeded_clean)],
                              cwd=REPO, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 141


def test_main_command_runs_as_a_prefect_flow_in_embedded_mode(tmp_path: Path) -> None:
    """What the README's first command does, in a fresh PREFECT_HOME (no server configured)."""
    need_shared()
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(SEEDS / "raw"), "--clean", str(tmp_path / "clean")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "5 inputs -> 6 cleaned" in done.stdout  # 004 carries an appended article (issue 5)
    assert "clean-corpus" in done.stderr  # Prefect's flow-run log lines
    assert len(list((tmp_path / "clean" / "docs").rglob("v000001.json"))) >= 5


@pytest.mark.parametrize(("workers", "started"), [("1", 0), ("2", 1)])
def test_run_starts_the_forkserver_first_only_when_a_pool_will_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str, started: int) -> None:
    """With more than one worker the forkserver's model loading overlaps the runner's start;
    with one there is no pool, and a forkserver would load the models for nothing."""
    import pipeline.parallel

    calls: list[None] = []
    monkeypatch.setattr(pipeline.parallel, "start_forkserver", lambda: calls.append(None))
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "page.txt").write_text("A short page.\n\nIt has two paragraphs of text in it.\n")
    assert main(["run", "--engine", "local", "--quiet", "--workers", workers,
                 "--raw", str(tmp_path / "raw"), "--clean", str(tmp_path / "clean")]) == 0
    assert len(calls) == started
