"""Batches on local processes, and which errors are worth retrying. No Prefect here.

The flow's ``clean-batch`` tasks run in threads of the flow process (one API
client, cheap bookkeeping) and hand the CPU work to a pool of processes made
here. The pool's processes fork from a forkserver that has already imported
:mod:`pipeline.batch` and nothing of Prefect, so they start in milliseconds
and stay small.

Exceptions lose their ``__cause__`` on the way back from a process; a
``StoreError`` raised from an EIO would look permanent. So the worker side
classifies the error first (:func:`is_transient`) and sends a transient one
back as :class:`TransientIOError`, which keeps its errno.
"""

from __future__ import annotations

import errno
import io
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from pipeline.batch import process_batch
from pipeline.store import StoreLocked

# errno values that say "try again later", not "this will never work"
# (a permission error or a full disk will not fix itself in seconds).
TRANSIENT_ERRNOS = frozenset({
    errno.EIO, errno.EAGAIN, errno.EBUSY, errno.EINTR, errno.ETIMEDOUT, errno.ESTALE,
    errno.ENETDOWN, errno.ENETUNREACH, errno.ENETRESET, errno.ECONNRESET, errno.ECONNABORTED,
    errno.EHOSTUNREACH, errno.ENOLCK,
})
# Imported once by the forkserver; every pool process forks with it loaded.
PRELOAD = ["pipeline.parallel", "pipeline.warmup"]


T = TypeVar("T")


try:  # Not on Windows, which has no forkserver.
    from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
    from multiprocessing.context import ForkServerContext, ForkServerProcess, set_spawning_popen
except ImportError:  # pragma: no cover
    LeanForkServerContext: type[BaseContext] | None = None
else:

    class LeanPopen(popen_forkserver.Popen):
        """Start a forkserver process without re-running the parent's ``__main__`` in it.

        multiprocessing runs the parent's main module again in every new process,
        in case the work it is given was defined there. Ours never is (it is
        :func:`process_batch_in_worker`), and under a Prefect process worker the
        flow process's main module is ``prefect.engine``: every pool process
        imported all of Prefect, ~2 s before its first batch. This is
        ``popen_forkserver.Popen._launch`` of CPython 3.11 and 3.12 with the two
        main-module entries left out; tests/test_parallel.py checks the result.
        """

        def _launch(self, process_obj: Any) -> None:
            prep_data = spawn.get_preparation_data(process_obj._name)
            prep_data.pop("init_main_from_name", None)
            prep_data.pop("init_main_from_path", None)
            buf = io.BytesIO()
            set_spawning_popen(self)
            try:
                reduction.dump(prep_data, buf)
                reduction.dump(process_obj, buf)
            finally:
                set_spawning_popen(None)
            self.sentinel, w = forkserver.connect_to_new_process(self._fds)  # type: ignore[attr-defined]
            parent_w = os.dup(w)  # the child's sentinel of this process, as in the original
            self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))  # type: ignore[attr-defined]
            with open(w, "wb", closefd=True) as f:
                f.write(buf.getbuffer())
            self.pid = forkserver.read_signed(self.sentinel)

    class LeanForkServerProcess(ForkServerProcess):
        @staticmethod
        def _Popen(process_obj: Any) -> LeanPopen:  # noqa: N802 - the name multiprocessing calls
            return LeanPopen(process_obj)

    class LeanForkServerContext(ForkServerContext):  # type: ignore[no-redef]
        """The forkserver context with :class:`LeanPopen`."""

        Process = LeanForkServerProcess


class TransientIOError(OSError):
    """A transient I/O error from a pool process, errno kept so the retry condition sees it."""


class WorkerLost(RuntimeError):
    """A pool process died under a batch (a crash in C code, the OOM killer); worth one retry."""


def is_transient(exc: BaseException | None) -> bool:
    """Whether an error (or one it was raised from) is worth retrying.

    >>> is_transient(OSError(errno.ESTALE, "Stale file handle"))
    True
    >>> is_transient(PermissionError(errno.EACCES, "Permission denied"))
    False
    >>> is_transient(ValueError("bad page"))
    False
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, StoreLocked):
            return False
        if isinstance(exc, TimeoutError | ConnectionError | WorkerLost):
            return True
        if isinstance(exc, OSError) and exc.errno in TRANSIENT_ERRNOS:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def process_batch_in_worker(sources: list[str], raw_dir: str, clean_dir: str,
                            overrides: dict[str, Any] | None,
                            known: dict[str, Any] | None = None) -> dict[str, Any]:
    """:func:`~pipeline.batch.process_batch` in a pool process, transient errors made recognisable."""
    try:
        return process_batch(sources, raw_dir, clean_dir, overrides, known)
    except Exception as exc:
        if is_transient(exc):
            raise TransientIOError(errno.EIO, f"{type(exc).__name__}: {exc}") from None
        raise


def pool_context() -> BaseContext:
    """forkserver where the platform has one (Linux, macOS), else spawn.

    Never plain fork: the flow process runs Prefect's threads, and forking a
    threaded process can deadlock the child.
    """
    if LeanForkServerContext is not None and "forkserver" in multiprocessing.get_all_start_methods():
        context = LeanForkServerContext()
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def start_forkserver() -> None:
    """Start the pool's forkserver now, if the platform has one; later calls do nothing.

    The forkserver imports :data:`PRELOAD` before it forks the first pool process:
    ~0.7 s on one core (the language and toxicity models, the rule patterns). Started
    before the flow, that overlaps Prefect's own start (a temporary server, the flow
    run's set-up) instead of delaying the first batch by it. Only with more than one
    worker: otherwise no pool runs. A run that turns out to be one batch (a few inputs,
    or nothing changed) has then loaded the models for nothing, on the other core.
    """
    if LeanForkServerContext is not None and isinstance(pool_context(), LeanForkServerContext):
        forkserver.ensure_running()


def open_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes for :func:`process_batch_in_worker`."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=pool_context())


class RenewablePool:
    """A process pool that replaces itself when one of its processes dies.

    A dead process breaks a ``ProcessPoolExecutor`` for good; without this,
    one crashing page would fail every batch after it. Here the batches that
    were running get :class:`WorkerLost` (retried by the flow) and later ones
    run on a fresh pool.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._pool = open_pool(workers)

    def run(self, fn: Callable[..., T], *args: Any) -> T:
        pool = self._pool
        try:
            return pool.submit(fn, *args).result()
        except BrokenProcessPool as err:
            self._renew(pool)
            raise WorkerLost(f"a worker process died while cleaning this batch ({err})") from None

    def _renew(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = open_pool(self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
