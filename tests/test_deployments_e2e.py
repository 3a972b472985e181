"""The README's "Run on a schedule", for real: server, pool, deploy, worker, run (issue 3, point 7).

A real ``prefect server start`` on 127.0.0.1 (free port, temporary PREFECT_HOME,
SQLite), the ``cleaning-pool`` process pool, ``prefect deploy --all`` from the
repository's prefect.yaml, a real process worker started *outside* the
repository (so the pull step has to put the run in the repo), then
``prefect deployment run ... --param ...`` and checks on the clean documents,
the artifacts and the scheduled deployment through the API.

Every process is started in its own process group and stopped in a
``finally`` (SIGINT, then SIGKILL for the group and any descendant), also
when the test fails. Takes about a minute; runs in the default
``python -m pytest -q``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import httpx
import psutil
import pytest

from pipeline.store import Store

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect") if (BIN / "prefect").exists() else str(REPO / ".venv/bin/prefect")
PIPELINE = str(BIN / "pipeline") if (BIN / "pipeline").exists() else str(REPO / ".venv/bin/pipeline")
SERVER_START_SECONDS = 120
RUN_TIMEOUT_SECONDS = 150
STOP_GRACE_SECONDS = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Processes:
    """Long-running processes of one test, each in its own process group; stop() ends them all."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[tuple[subprocess.Popen[bytes], TextIO]] = []

    def start(self, name: str, args: list[str], env: dict[str, str],
              cwd: Path) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("w")
        proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.started.append((proc, log))
        return proc

    def stop(self) -> None:
        for proc, log in reversed(self.started):
            try:
                family = [proc, *psutil.Process(proc.pid).children(recursive=True)]
            except psutil.Error:
                family = [proc]
            with contextlib.suppress(OSError, psutil.Error):
                os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError, psutil.Error):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=STOP_GRACE_SECONDS)
            for member in family[1:]:  # descendants that left the group (flow-run processes)
                with contextlib.suppress(OSError, psutil.Error):
                    member.kill()
            log.close()

    def log_tail(self, name: str, chars: int = 3000) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""


def cli(args: list[str], env: dict[str, str], cwd: Path = REPO, timeout: float = 120) -> str:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, (
        f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def wait_healthy(api: str, server: subprocess.Popen[bytes], procs: Processes) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "prefect server exited:\n" + procs.log_tail("server")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError("prefect server did not become healthy:\n" + procs.log_tail("server"))


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Server + pool + deployments + worker, as the README sets them up."""
    base = tmp_path_factory.mktemp("e2e")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(base / "prefect-home"), PREFECT_API_URL=api,
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_UI_ENABLED="false",
               PREFECT_WORKER_QUERY_SECONDS="2")
    env.pop("PREFECT_API_KEY", None)
    env.pop("PIPELINE_DASK_ADDRESS", None)  # runs here use local processes
    procs = Processes(base)
    yaml_before = (REPO / "prefect.yaml").read_bytes()
    try:
        server = procs.start("server", [PREFECT, "server", "start", "--host", "127.0.0.1",
                                        "--port", str(port)], env, base)
        wait_healthy(api, server, procs)
        cli([PREFECT, "work-pool", "create", "cleaning-pool", "--type", "process"], env)
        cli([PREFECT, "--no-prompt", "deploy", "--all"], env, cwd=REPO)
        worker_dir = base / "elsewhere"  # not the repo: the pull step must take the run there
        worker_dir.mkdir()
        procs.start("worker", [PREFECT, "worker", "start", "--pool", "cleaning-pool"], env,
                    worker_dir)
        yield {"api": api, "env": env, "base": base, "procs": procs}
    finally:
        procs.stop()
        assert (REPO / "prefect.yaml").read_bytes() == yaml_before, "the test changed prefect.yaml"


RETRY_STATUSES = (429, 503)
"""What Prefect's own client retries: a SQLite server answers 503 while another writer (its
scheduler loop, the worker) holds the database."""


def api_call(method: str, api: str, path: str, body: dict[str, Any] | None = None,
             attempts: int = 5) -> Any:
    for attempt in range(attempts):
        response = httpx.request(method, f"{api}{path}", json=body, timeout=10)
        if response.status_code not in RETRY_STATUSES or attempt == attempts - 1:
            break
        time.sleep(0.5 * 2 ** attempt)
    response.raise_for_status()
    return response.json()


def api_post(api: str, path: str, body: dict[str, Any]) -> Any:
    return api_call("POST", api, path, body)


def test_ad_hoc_deployment_run_with_params_cleans_and_publishes_artifacts(
        stack: dict[str, Any]) -> None:
    api, env, base = stack["api"], stack["env"], stack["base"]
    raw, clean = base / "data" / "raw", base / "data" / "clean"
    raw.mkdir(parents=True)
    for page in (REPO / "raw").iterdir():
        (raw / page.name).write_bytes(page.read_bytes())
    (raw / "empty.txt").write_bytes(b"")  # a bad document: a reject, never a failed run

    try:
        # Two batches on two processes: the pool path, under the process worker's
        # `python -m prefect.engine`, is what a real corpus takes.
        out = cli([PREFECT, "deployment", "run", "clean-corpus/ad-hoc", "--param", f"raw_dir={raw}",
                   "--param", f"clean_dir={clean}", "--param", "batch_size=3", "--param", "workers=2",
                   "--watch",
                   "--watch-timeout", str(RUN_TIMEOUT_SECONDS)],
                  env, cwd=base, timeout=RUN_TIMEOUT_SECONDS + 30)
    except AssertionError as failure:
        raise AssertionError(f"{failure}\nworker log:\n{stack['procs'].log_tail('worker')}") from None
    assert "Completed" in out

    runs = api_post(api, "/flow_runs/filter", {"deployments": {"name": {"any_": ["ad-hoc"]}}})
    assert [run["state_type"] for run in runs] == ["COMPLETED"]
    assert runs[0]["parameters"] == {"raw_dir": str(raw), "clean_dir": str(clean), "batch_size": 3, "workers": 2}
    logs = api_post(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": [runs[0]["id"]]}}})
    assert any("to clean in 2 batches" in log["message"] for log in logs), "\n".join(log["message"] for log in logs)

    docs = list(Store(clean).iter_latest())
    sources = {doc["source"].partition("#")[0] for doc in docs}
    assert sources == {p.name for p in (REPO / "raw").iterdir()}
    assert [r["reason"] for r in Store(clean).rejects()] == ["empty"]
    exported = cli([PIPELINE, "export", "--clean", str(clean)], env, cwd=base)
    assert len(exported.splitlines()) == len(docs)

    keys = ["clean-corpus-ad-hoc-counts", "clean-corpus-ad-hoc-summary"]
    artifacts = api_post(api, "/artifacts/filter", {"artifacts": {"key": {"any_": keys}}})
    by_key = {a["key"]: a for a in artifacts}
    assert set(by_key) == set(keys)
    assert {a["flow_run_id"] for a in artifacts} == {runs[0]["id"]}
    table = by_key["clean-corpus-ad-hoc-counts"]["data"]
    rows = json.loads(table) if isinstance(table, str) else table
    assert {"section": "documents", "name": "cleaned", "count": len(docs)} in rows
    assert {"section": "rejected", "name": "empty", "count": 1} in rows
    assert str(clean) in by_key["clean-corpus-ad-hoc-summary"]["data"]


def test_scheduled_deployment_carries_its_schedule_and_runs_in_the_repo(
        stack: dict[str, Any]) -> None:
    api = stack["api"]
    nightly = api_call("GET", api, "/deployments/name/clean-corpus/nightly")
    [schedule] = nightly["schedules"]
    assert schedule["active"] and schedule["schedule"]["cron"] == "0 2 * * *"
    assert nightly["work_pool_name"] == "cleaning-pool"
    assert nightly["global_concurrency_limit"]["limit"] == 1
    assert (nightly["parameters"]["raw_dir"], nightly["parameters"]["clean_dir"]) == ("raw", "clean")
    step = nightly["pull_steps"][0]["prefect.deployments.steps.set_working_directory"]
    assert Path(step["directory"]) == REPO
    # What the server's scheduler loop does every minute, asked for now: the
    # upcoming runs fall at 02:00 UTC and carry the default parameters.
    api_post(api, f"/deployments/{nightly['id']}/schedule", {"min_runs": 2, "max_runs": 2})
    scheduled = api_post(api, "/flow_runs/filter", {
        "deployments": {"name": {"any_": ["nightly"]}},
        "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}})
    assert len(scheduled) >= 2
    for run in scheduled:
        assert run["expected_start_time"][11:19] == "02:00:00", run["expected_start_time"]
        assert run["parameters"]["raw_dir"] == "raw"
