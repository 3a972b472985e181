"""Local process pool of the flow: a dying worker costs one retry, not the run (issue 3, point 4)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pipeline.parallel import RenewablePool, TransientIOError, WorkerLost, is_transient
from pipeline.store import StoreError, StoreLocked


def die_once(marker: str) -> int:
    """Kill this worker process the first time (as a segfault or the OOM killer would)."""
    if not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return os.getpid()


def test_a_pool_whose_worker_died_reports_it_and_keeps_working(tmp_path: Path) -> None:
    pool = RenewablePool(1)
    try:
        with pytest.raises(WorkerLost, match="worker process died"):
            pool.run(die_once, str(tmp_path / "marker"))
        assert pool.run(die_once, str(tmp_path / "marker")) != os.getpid()
    finally:
        pool.close()


def test_store_errors_are_transient_only_when_caused_by_a_transient_errno() -> None:
    try:
        try:
            raise OSError(errno.EIO, "Input/output error")
        except OSError as err:
            raise StoreError("cannot write clean/docs") from err
    except StoreError as wrapped:
        assert is_transient(wrapped)
    assert not is_transient(StoreError("cannot write: No space left on device"))
    assert not is_transient(StoreLocked("another pipeline run is writing"))
    assert is_transient(TransientIOError(errno.EIO, "from a worker"))
    assert is_transient(WorkerLost("a worker process died"))


FLOW_PROCESS_MAIN = '''
import os, sys
from pathlib import Path
Path(sys.argv[1]).open("a").write(f"{os.getpid()}\\n")  # every process that runs this module
if __name__ == "__main__":
    from pipeline.parallel import RenewablePool
    pool = RenewablePool(2)
    try:
        print(pool.run(os.getpid))
    finally:
        pool.close()
'''


@pytest.mark.parametrize("how", ["module", "script"])
def test_pool_processes_do_not_rerun_the_flow_processs_main_module(tmp_path: Path, how: str) -> None:
    """Under a Prefect process worker the flow process's main module is prefect.engine
    (``python -m``); multiprocessing would run it again in every pool process."""
    import subprocess
    import sys

    (tmp_path / "flow_process_main.py").write_text(FLOW_PROCESS_MAIN)
    runs = tmp_path / "runs.txt"
    target = ["-m", "flow_process_main"] if how == "module" else [str(tmp_path / "flow_process_main.py")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    done = subprocess.run([sys.executable, *target, str(runs)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120, check=True)
    worker = int(done.stdout.split()[-1])
    ran_main = [int(pid) for pid in runs.read_text().split()]
    assert len(ran_main) == 1  # the flow process itself
    assert worker not in ran_main


EARLY_START = '''
import os
from multiprocessing import forkserver
from pipeline.parallel import RenewablePool, start_forkserver
start_forkserver()
first = forkserver._forkserver._forkserver_pid
start_forkserver()
pool = RenewablePool(2)
try:
    print(first, forkserver._forkserver._forkserver_pid, pool.run(os.getppid))
finally:
    pool.close()
'''


def test_a_forkserver_started_early_is_the_one_the_pool_forks_from(tmp_path: Path) -> None:
    """``pipeline run`` starts the forkserver before the flow, so that its model loading
    overlaps Prefect's start; the pool must then use that server, not start another."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", EARLY_START], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, check=True)
    first, again, parent_of_worker = map(int, done.stdout.split())
    assert first == again == parent_of_worker
