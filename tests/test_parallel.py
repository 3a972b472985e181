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
