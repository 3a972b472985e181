"""The same flow on a Dask cluster through prefect-dask (issue 3, point 8).

A ``distributed.LocalCluster`` started here (threads in this process: light)
stands in for a real cluster; the flow gets its scheduler address as a
parameter or from ``$PIPELINE_DASK_ADDRESS``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
from prefect.testing.utilities import prefect_test_harness

from pipeline.flows import DASK_ADDRESS_ENV, clean_corpus
from pipeline.store import Store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with prefect_test_harness(server_startup_timeout=120), LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "raw", tmp_path / "raw")
    return tmp_path / "raw"


def batches_run_on_dask(cluster: LocalCluster) -> int:
    """How many clean-batch tasks the cluster's workers have executed."""
    with Client(cluster.scheduler_address) as client:
        logs = client.run(lambda dask_worker: [key for key, *_ in dask_worker.state.log])
    return sum(1 for keys in logs.values() for key in keys if "clean_batch" in str(key))


def test_flow_runs_its_batches_on_the_dask_cluster_given_by_parameter(
        cluster: LocalCluster, raw: Path, tmp_path: Path) -> None:
    before = batches_run_on_dask(cluster)
    state = clean_corpus(raw_dir=str(raw), clean_dir=str(tmp_path / "clean"), batch_size=2,
                         dask_address=cluster.scheduler_address, return_state=True)
    summary = state.result()
    assert summary["discovered"] == 5 and summary["cleaned"] >= 5 and summary["rejected"] == 0
    assert len(list(Store(tmp_path / "clean").iter_latest())) == summary["cleaned"]
    with get_client(sync_client=True) as client:
        task_runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
            id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    assert len(task_runs) == 3 and all(t.state.is_completed() for t in task_runs)
    assert batches_run_on_dask(cluster) > before


def test_the_scheduler_address_can_come_from_the_environment(
        cluster: LocalCluster, raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DASK_ADDRESS_ENV, cluster.scheduler_address)
    before = batches_run_on_dask(cluster)
    summary = clean_corpus(raw_dir=str(raw), clean_dir=str(tmp_path / "clean"), batch_size=50)
    assert summary["cleaned"] >= 5
    assert batches_run_on_dask(cluster) > before
