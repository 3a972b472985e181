"""The Prefect shell: the ``clean-corpus`` flow around :mod:`pipeline.runner`.

The flow reads like the plan: lock the store, find the inputs, answer the
unchanged ones from the manifest, cut the rest into batches, clean each batch
as one task, merge, publish the summary as artifacts. All logic lives in
plain functions; this file only decides what runs where and what a failure
means:

- a bad document is a reject inside its batch and never fails anything;
- a batch that hits a transient I/O error (EIO, ESTALE, a timeout) is
  retried with backoff; any other batch failure turns its inputs into
  ``batch_failed`` rejects, so the run still finishes and says why;
- only a :class:`~pipeline.store.StoreError` (the store cannot be written,
  or another run holds its lock) fails the flow, with a message saying what
  to fix.

Where batches run: ``clean-batch`` task runs live in threads of the flow
process and send their CPU work to a pool of local processes
(:mod:`pipeline.parallel`), or, given a Dask scheduler address, run on the
Dask cluster through prefect-dask's ``DaskTaskRunner``. (Prefect's own
``ProcessPoolTaskRunner`` was measured and not used: it spawns interpreters
that import all of Prefect, and in embedded mode each of them boots its own
temporary API server, 6-8 s apiece, whose task runs the caller never sees.)
Scripts that call the flow need the usual ``if __name__ == "__main__":``
guard, as with any process pool.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner  # noqa: E402
from prefect.tasks import exponential_backoff  # noqa: E402

from pipeline.artifacts import current_deployment_name, publish_artifacts  # noqa: E402
from pipeline.batch import process_batch, split_unchanged  # noqa: E402
from pipeline.parallel import RenewablePool, is_transient, process_batch_in_worker  # noqa: E402
from pipeline.runner import (  # noqa: E402
    DEFAULT_BATCH_SIZE,
    cut_batches,
    default_workers,
    merge_results,
    new_run,
)
from pipeline.sources import discover  # noqa: E402
from pipeline.store import Store, StoreError, now_iso  # noqa: E402

# Environment variable naming a Dask scheduler (tcp://host:8786) for runs that
# do not pass ``dask_address``: how a worker's deployments are sent to a
# cluster without changing their parameters.
DASK_ADDRESS_ENV = "PIPELINE_DASK_ADDRESS"
# Retries of one batch on a transient I/O error, first delay 1 s then doubling
# (1, 2, 4 s, +-50 % jitter): enough for an NFS server failing over or a share
# being remounted, short enough that a dead disk fails the run within seconds.
BATCH_RETRIES = 3
BATCH_RETRY_BACKOFF_SECONDS = 1.0
# Task threads per pool process (see task_runner_for).
THREADS_PER_PROCESS = 2

BatchCallback = Callable[[dict[str, Any]], None]
# Called with every batch result as it arrives (the CLI's progress bar). A
# context variable, not a parameter: flow parameters must stay JSON-able.
# Only module functions touch it, never the flow body: Prefect pickles the
# flow function by value for remote task runners, and a ContextVar cannot be
# pickled.
_on_batch_done: contextvars.ContextVar[BatchCallback | None] = contextvars.ContextVar(
    "on_batch_done", default=None)
# The process pool of the current local run; None on a Dask worker or in a
# one-worker run, where a batch runs in the task's own thread.
_local_pool: RenewablePool | None = None


def retry_on_transient_io(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect ``retry_condition_fn``: retry a failed batch only for transient I/O errors."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - the failure we are asked about
        return is_transient(exc)
    return False


@task(
    name="clean-batch",
    retries=BATCH_RETRIES,
    retry_delay_seconds=exponential_backoff(BATCH_RETRY_BACKOFF_SECONDS),
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_on_transient_io,
    # Inputs are file names, not contents: a cache keyed on them would return
    # stale results after raw/ changes. Results travel back in memory.
    cache_policy=NO_CACHE,
    persist_result=False,
)
def clean_batch(sources: list[str], raw_dir: str, clean_dir: str,
                overrides: dict[str, Any] | None,
                known: dict[str, Any] | None = None) -> dict[str, Any]:
    """Clean one batch of inputs into the store (see :func:`pipeline.batch.process_batch`).

    ``known`` is the part of the manifest about these sources, so a batch does
    not re-read the whole manifest (megabytes, for a large corpus).
    """
    pool = _local_pool
    if pool is None:
        return process_batch(sources, raw_dir, clean_dir, overrides, known)
    return pool.run(process_batch_in_worker, sources, raw_dir, clean_dir, overrides, known)


def source_file(source: str) -> str:
    """The raw file a source came from (records inside a container carry ``#n``).

    >>> source_file("dump.jsonl#17"), source_file("page.txt")
    ('dump.jsonl', 'page.txt')
    """
    return source.partition("#")[0]


def manifest_by_file(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The manifest cut by raw file, so each batch gets only the entries about its files.

    >>> sliced = manifest_by_file({"documents": {"d1": {"source": "a.txt"}, "d2": {"source": "a.txt#1"}},
    ...                            "rejects": {"b.txt": {"reason": "empty"}}})
    >>> sorted(sliced["a.txt"]["documents"]), sorted(sliced["b.txt"]["rejects"])
    (['d1', 'd2'], ['b.txt'])
    """
    index: dict[str, dict[str, Any]] = {}
    for doc_id, entry in manifest.get("documents", {}).items():
        part = index.setdefault(source_file(str(entry.get("source", ""))), {"documents": {}, "rejects": {}})
        part["documents"][doc_id] = entry
    for source, entry in manifest.get("rejects", {}).items():
        part = index.setdefault(source_file(source), {"documents": {}, "rejects": {}})
        part["rejects"][source] = entry
    return index


def manifest_for(batch: Sequence[str], index: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The manifest entries about the files of ``batch`` (documents, derived ones, rejects)."""
    known: dict[str, Any] = {"documents": {}, "rejects": {}}
    for name in batch:
        part = index.get(name)
        if part:
            known["documents"].update(part["documents"])
            known["rejects"].update(part["rejects"])
    return known


def failed_batch_result(sources: Sequence[str], err: BaseException) -> dict[str, Any]:
    """A batch that failed for good, as rejects that say why (the run still finishes).

    >>> failed_batch_result(["a.txt"], ValueError("boom"))["rejects"][0]["detail"]
    'ValueError: boom'
    """
    detail = f"{type(err).__name__}: {err}"[:500]
    rejects = [{"source": source, "reason": "batch_failed", "detail": detail,
                "input_sha256": None, "fingerprint": None, "seen": now_iso()}
               for source in sources]
    return {"written": [], "unchanged": [], "rejects": rejects, "removed_by_kind": {},
            "languages": {}, "flags": {}, "seconds": 0.0}


@contextlib.contextmanager
def local_processes(workers: int) -> Iterator[None]:
    """A pool of ``workers`` processes that ``clean-batch`` tasks send their work to."""
    global _local_pool
    if workers <= 1:
        yield
        return
    _local_pool = RenewablePool(workers)
    try:
        yield
    finally:
        _local_pool.close()
        _local_pool = None


def task_runner_for(workers: int, dask_address: str | None) -> TaskRunner[Any]:
    """A Dask cluster's runner when an address is given, else local threads.

    Two threads per process: while one task thread does Prefect's bookkeeping
    for a finished batch (report the state, create the next task run: tens of
    milliseconds on the API), the next batch is already queued in the
    process pool, so no process waits for the API between batches.
    """
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    threads = 1 if workers <= 1 else THREADS_PER_PROCESS * workers
    return ThreadPoolTaskRunner(max_workers=threads)


def run_batches(batches: list[list[str]], raw_dir: str, clean_dir: str,
                overrides: dict[str, Any] | None, workers: int,
                dask_address: str | None,
                manifest: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Submit one ``clean-batch`` task per batch and yield results as they finish.

    A one-batch run starts no process: that would cost more than it saves.
    """
    if not batches:
        return
    workers = min(workers, len(batches))
    index = manifest_by_file(manifest)
    processes = contextlib.nullcontext() if dask_address else local_processes(workers)
    with processes, task_runner_for(workers, dask_address) as runner:
        futures = {}
        for batch in batches:
            parameters = {"sources": batch, "raw_dir": raw_dir, "clean_dir": clean_dir,
                          "overrides": overrides, "known": manifest_for(batch, index)}
            futures[runner.submit(clean_batch, parameters)] = batch
        for future in as_completed(list(futures)):
            try:
                yield future.result()
            except StoreError:
                raise
            except Exception as err:  # noqa: BLE001 - a broken batch becomes rejects, not a failed run
                yield failed_batch_result(futures[future], err)


@contextlib.contextmanager
def in_process_run() -> Iterator[None]:
    """Settings for calling the flow in this process (``pipeline run``, scripts): no heartbeats.

    Prefect's flow-run heartbeats exist so that a server can mark a deployment
    run whose worker died as crashed. A flow called in-process has no worker,
    and in embedded mode its server dies with it, so they watch nothing; and
    Prefect 3.8 joins the heartbeat thread at the end of every run while it
    sleeps in one-second steps, which adds up to a second to each run (most of
    a re-run with nothing to do). Deployment runs keep Prefect's default.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@contextlib.contextmanager
def reporting_progress(callback: BatchCallback) -> Iterator[None]:
    """Call ``callback`` with each batch result of flows run inside this block (in this process)."""
    token = _on_batch_done.set(callback)
    try:
        yield
    finally:
        _on_batch_done.reset(token)


def report_progress(result: dict[str, Any]) -> None:
    callback = _on_batch_done.get()
    if callback is not None:
        callback(result)


@flow(name="clean-corpus", log_prints=True, persist_result=False)
def clean_corpus(
    raw_dir: str = "raw",
    clean_dir: str = "clean",
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    overrides: dict[str, Any] | None = None,
    dask_address: str | None = None,
) -> dict[str, Any]:
    """Clean every input under ``raw_dir`` into the versioned store at ``clean_dir``.

    Relative paths resolve against the working directory (the repository, for
    the deployments in ``prefect.yaml``). ``workers`` defaults to all cores;
    ``batch_size`` to batches that shrink as the run goes (``guided_sizes``);
    ``dask_address`` (or ``$PIPELINE_DASK_ADDRESS``) sends the batches to a
    Dask scheduler instead, whose workers must see both directories at the
    same paths. ``overrides`` are Config settings (``{"rule_kinds": [...]}``).
    """
    raw, clean = Path(raw_dir).resolve(), Path(clean_dir).resolve()
    if not raw.is_dir():
        raise FileNotFoundError(f"raw directory {raw} does not exist; pass raw_dir=<inputs>")
    dask_address = dask_address or os.environ.get(DASK_ADDRESS_ENV) or None
    store = Store(clean)
    with store.lock():
        run = new_run(raw, clean, overrides)
        sources = list(discover(raw))
        run["discovered"] = len(sources)
        manifest = store.load_manifest()
        skipped, todo = split_unchanged(sources, raw, overrides, manifest)
        workers = workers or default_workers()
        batches = cut_batches(todo, batch_size, workers)
        print(f"{len(sources)} inputs: {len(sources) - len(todo)} unchanged (answered from the "
              f"manifest), {len(todo)} to clean in {len(batches)} batches")
        results = [skipped]
        report_progress(skipped)
        for result in run_batches(batches, str(raw), str(clean), overrides,
                                  workers, dask_address, manifest):
            results.append(result)
            report_progress(result)
        summary = merge_results(store, run, results)
    keys = publish_artifacts(summary, current_deployment_name())
    print(f"cleaned {summary['cleaned']}, unchanged {summary['unchanged']}, "
          f"rejected {summary['rejected']}; output in {clean}; "
          f"artifacts {keys['table']}, {keys['markdown']}")
    return summary
