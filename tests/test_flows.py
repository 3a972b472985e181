"""The clean-corpus flow under a real (temporary) Prefect API: batching, incremental
re-runs, failure behaviour, artifacts (issue 3, points 1-4)."""

from __future__ import annotations

import errno
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    FlowRunFilter,
    FlowRunFilterId,
)
from prefect.states import Completed, Failed
from prefect.testing.utilities import prefect_test_harness

import pipeline.batch
import pipeline.flows as flows
from pipeline.batch import split_unchanged
from pipeline.cli import main
from pipeline.flows import clean_corpus, retry_on_transient_io
from pipeline.store import Store, StoreError

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "raw"  # the five sample pages shipped with the repository


@pytest.fixture(scope="module", autouse=True)
def prefect_api() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(SAMPLE, folder)
    return folder


def run(raw: Path, clean: Path, **params: Any) -> tuple[Any, dict[str, Any] | None]:
    """Run the flow; its final state and (when it completed) its summary."""
    state = clean_corpus(raw_dir=str(raw), clean_dir=str(clean), return_state=True, **params)
    return state, state.result() if state.is_completed() else None


def task_runs_of(state: Any) -> list[Any]:
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        return client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))


def artifacts_of(state: Any) -> dict[str, Any]:
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {artifact.key: artifact for artifact in found}


def test_flow_cleans_in_one_task_per_batch_on_processes_and_publishes_artifacts(
        raw: Path, tmp_path: Path) -> None:
    state, summary = run(raw, tmp_path / "clean", batch_size=2, workers=2)
    assert state.is_completed() and summary is not None
    assert summary["discovered"] == 5 and summary["cleaned"] >= 5 and summary["rejected"] == 0
    names = {doc["source"].partition("#")[0] for doc in Store(tmp_path / "clean").iter_latest()}
    assert names == {p.name for p in SAMPLE.iterdir()}
    batch_runs = [t for t in task_runs_of(state) if t.name.startswith("clean-batch")]
    assert len(batch_runs) == 3  # 5 inputs in batches of 2: one task per batch, never per document
    assert all(t.state.is_completed() for t in batch_runs)
    artifacts = artifacts_of(state)
    assert set(artifacts) == {"clean-corpus-local-counts", "clean-corpus-local-summary"}
    rows = artifacts["clean-corpus-local-counts"].data
    rows = rows if isinstance(rows, list) else json.loads(rows)
    assert {"section": "documents", "name": "cleaned", "count": summary["cleaned"]} in rows
    assert any(row["section"] == "removed" and row["name"] == "boilerplate:wordpress" for row in rows)
    assert str(tmp_path / "clean") in artifacts["clean-corpus-local-summary"].data


def test_rerun_over_unchanged_raw_starts_no_batch(raw: Path, tmp_path: Path) -> None:
    _, first = run(raw, tmp_path / "clean", batch_size=2, workers=1)
    state, second = run(raw, tmp_path / "clean", batch_size=2, workers=1)
    assert first is not None and second is not None
    assert (second["cleaned"], second["unchanged"]) == (0, first["cleaned"])
    assert task_runs_of(state) == []
    (raw / "001_a2e18076bf17c9c8.txt").write_text("A New Title\n\nA changed page, with a body.\n")
    state, third = run(raw, tmp_path / "clean", batch_size=2, workers=1)
    assert third is not None and third["cleaned"] == 1
    assert len(task_runs_of(state)) == 1  # only the batch holding the changed file


def test_split_unchanged_reads_nothing_on_a_first_run(raw: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    sources = sorted(p.name for p in raw.iterdir())

    def no_reading(*args: Any) -> Any:
        raise AssertionError("a source the manifest has never seen was read")

    monkeypatch.setattr(pipeline.batch, "read_source", no_reading)
    skipped, todo = split_unchanged(sources, raw, None, Store(tmp_path / "clean").load_manifest())
    assert todo == sources and skipped["unchanged"] == [] and skipped["rejects"] == []


def test_a_bad_document_is_a_reject_and_the_flow_completes(raw: Path, tmp_path: Path) -> None:
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 40)
    state, summary = run(raw, tmp_path / "clean")
    assert state.is_completed() and summary is not None
    assert summary["rejected"] == 2 and summary["cleaned"] >= 5
    reasons = {r["source"]: r["reason"] for r in Store(tmp_path / "clean").rejects()}
    assert set(reasons) == {"empty.txt", "binary.txt"} and all(reasons.values())


def test_an_unwritable_store_fails_the_flow_saying_what_to_fix(raw: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the clean directory should be")
    state, _ = run(raw, blocker / "clean")
    assert state.is_failed()
    assert "cannot create the clean directory" in state.message
    with pytest.raises(StoreError, match="pass another --clean"):
        state.result()


def test_a_second_run_on_a_locked_store_fails_instead_of_interleaving(raw: Path,
                                                                     tmp_path: Path) -> None:
    with Store(tmp_path / "clean").lock():
        state, _ = run(raw, tmp_path / "clean")
    assert state.is_failed() and "another pipeline run is writing" in state.message
    assert not (tmp_path / "clean" / "manifest.json").exists()


def test_a_transient_io_error_is_retried(raw: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = flows.process_batch

    def flaky(*args: Any) -> dict[str, Any]:
        calls.append(1)
        if len(calls) == 1:
            raise OSError(errno.ESTALE, "Stale file handle")
        return real(*args)

    monkeypatch.setattr(flows, "process_batch", flaky)
    monkeypatch.setattr(flows, "clean_batch", flows.clean_batch.with_options(retry_delay_seconds=0))
    state, summary = run(raw, tmp_path / "clean", workers=1)
    assert summary is not None and summary["cleaned"] >= 5 and len(calls) == 2


def test_a_deterministic_batch_error_is_not_retried_and_becomes_rejects(
        raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def broken(*args: Any) -> dict[str, Any]:
        calls.append(1)
        raise ValueError("a bug in a stage")

    monkeypatch.setattr(flows, "process_batch", broken)
    monkeypatch.setattr(flows, "clean_batch", flows.clean_batch.with_options(retry_delay_seconds=0))
    state, summary = run(raw, tmp_path / "clean", workers=1)
    assert state.is_completed() and summary is not None and len(calls) == 1
    assert summary["rejected_by_reason"] == {"batch_failed": 5}
    assert "ValueError: a bug in a stage" in Store(tmp_path / "clean").rejects()[0]["detail"]


@pytest.mark.parametrize(("error", "retried"), [
    (OSError(errno.EIO, "Input/output error"), True),
    (TimeoutError("read timed out"), True),
    (PermissionError(errno.EACCES, "Permission denied"), False),
    (OSError(errno.ENOSPC, "No space left on device"), False),
    (ValueError("bad page"), False),
])
def test_retry_condition_retries_transient_io_only(error: Exception, retried: bool) -> None:
    assert retry_on_transient_io(None, None, Failed(data=error)) is retried
    assert retry_on_transient_io(None, None, Completed(data=1)) is False


def test_cli_run_uses_the_flow_with_a_progress_bar_and_summary(
        raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--raw", str(raw), "--clean", str(tmp_path / "clean")]) == 0
    captured = capsys.readouterr()
    assert "5 inputs ->" in captured.out and "output: " in captured.out
    shown = re.findall(r"cleaning: (\d+)doc", captured.err)  # the progress bar, per batch
    assert shown and int(shown[-1]) >= 5


def test_in_process_runs_send_no_heartbeats_and_deployment_runs_keep_them() -> None:
    from prefect.settings import get_current_settings

    from pipeline.flows import in_process_run

    default = get_current_settings().flows.heartbeat_frequency
    with in_process_run():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == default is not None
