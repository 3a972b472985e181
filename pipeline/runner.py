"""Plan a run, merge what the batches did, summarise: shared by the CLI and the flow.

Nothing here knows about Prefect. A run is: discover sources, cut them into
batches, run :func:`pipeline.batch.process_batch` on each (in this process,
a process pool, a Prefect task runner or Dask), then :func:`merge_results`
into the manifest under the store lock.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from pipeline.batch import process_batch
from pipeline.sources import discover
from pipeline.store import Store, now_iso

DEFAULT_BATCH_SIZE: int | None = None
"""Documents per batch when the caller does not say: see :func:`guided_sizes`."""
GUIDED_SHARE = 2
MIN_BATCH_SIZE, MAX_BATCH_SIZE = 20, 500


def guided_sizes(documents: int, workers: int) -> list[int]:
    """Batch sizes when none is given: each takes 1/(2 x workers) of what is left, 20-500 documents.

    Guided self-scheduling. A batch is one Prefect task run and one unit of
    parallel work, and each task run costs the Prefect server ~45 ms of CPU
    (states, events, logs) on the same cores as the workers; so batches should
    be few. But a run ends when its last batch does, so the last ones should
    be small. Big batches first and small ones last give both: 2,000 pages on
    2 cores make 15 batches that shrink from 500 to 20, and the workers finish
    within one small batch of each other (fixed batches of 125: within one of
    125). A remainder under 20 joins the batch before it.

    >>> guided_sizes(2000, 2)
    [500, 375, 282, 211, 158, 119, 89, 67, 50, 38, 28, 21, 20, 20, 22]
    >>> guided_sizes(30, 2), guided_sizes(0, 2), len(guided_sizes(100_000, 8))
    ([30], [], 249)
    """
    sizes: list[int] = []
    left = documents
    while left > 0:
        size = min(MAX_BATCH_SIZE, max(MIN_BATCH_SIZE, -(-left // (GUIDED_SHARE * max(1, workers)))))
        size = left if left - size < MIN_BATCH_SIZE else size
        sizes.append(size)
        left -= size
    return sizes


def cut_batches(sources: Sequence[str], batch_size: int | None, workers: int = 1) -> list[list[str]]:
    """Consecutive slices of ``sources``: ``batch_size`` each, or :func:`guided_sizes` when None.

    >>> cut_batches(["a", "b", "c"], 2)
    [['a', 'b'], ['c']]
    """
    sizes = [batch_size] * -(-len(sources) // batch_size) if batch_size else guided_sizes(len(sources), workers)
    batches, start = [], 0
    for size in sizes:
        batches.append(list(sources[start:start + size]))
        start += size
    return batches


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def plan_batches(raw_dir: Path, batch_size: int | None = DEFAULT_BATCH_SIZE,
                 workers: int = 1) -> list[list[str]]:
    """Source paths under ``raw_dir`` cut into batches of ``batch_size`` (None: automatic)."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw directory {raw_dir} does not exist")
    return cut_batches(list(discover(raw_dir)), batch_size, workers)


def new_run(raw_dir: Path, clean_dir: Path, overrides: dict[str, Any] | None) -> dict[str, Any]:
    return {"run_id": uuid.uuid4().hex[:12], "started": now_iso(), "raw_dir": str(raw_dir),
            "clean_dir": str(clean_dir), "overrides": overrides or {}}


def merge_results(store: Store, run: dict[str, Any], results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Fold batch results into the manifest and write the run summary.

    Call under :meth:`Store.lock`. Rejects are replaced wholesale: every input
    is looked at on every run, so the current list is exactly this run's.
    """
    manifest = store.load_manifest()
    documents = manifest["documents"]
    rejects: dict[str, Any] = {}
    written = unchanged = 0
    removed: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    seconds = 0.0
    for result in results:
        for entry in result["written"]:
            documents[entry["id"]] = entry
        for entry in result["unchanged"]:
            documents[entry["id"]] = entry
        written += len(result["written"])
        unchanged += len(result["unchanged"])
        for reject in result["rejects"]:
            rejects[reject["source"]] = reject
            reasons[reject["reason"]] += 1
        removed.update(result["removed_by_kind"])
        languages.update(result["languages"])
        flags.update(result["flags"])
        seconds += result["seconds"]
    manifest["rejects"] = rejects
    store.save_manifest(manifest)
    summary = dict(
        run,
        finished=now_iso(),
        cleaned=written,
        unchanged=unchanged,
        rejected=sum(reasons.values()),
        rejected_by_reason=dict(reasons.most_common()),
        removed_by_kind=dict(removed.most_common()),
        languages=dict(languages.most_common()),
        flags=dict(flags.most_common()),
        batch_seconds=round(seconds, 3),
        documents_in_store=len(documents),
    )
    summary["summary_path"] = str(store.write_run_summary(summary))
    return summary


def run_batches_locally(
    batches: Sequence[Sequence[str]],
    raw_dir: Path,
    clean_dir: Path,
    overrides: dict[str, Any] | None,
    workers: int,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Run batches in this process (workers=1) or a process pool, yielding results as they finish."""
    known = Store(clean_dir).load_manifest()
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            result = process_batch(batch, raw_dir, clean_dir, overrides, known)
            if on_done:
                on_done(result)
            yield result
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(process_batch, batch, str(raw_dir), str(clean_dir), overrides) for batch in batches]
        for future in as_completed(futures):
            result = future.result()
            if on_done:
                on_done(result)
            yield result


def run_local(
    raw_dir: Path,
    clean_dir: Path,
    overrides: dict[str, Any] | None = None,
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """A whole run without Prefect (used by tests, benchmarks and ``--engine local``)."""
    store = Store(clean_dir)
    with store.lock():
        run = new_run(raw_dir, clean_dir, overrides)
        batches = plan_batches(raw_dir, batch_size, workers)
        run["discovered"] = sum(len(b) for b in batches)
        results = list(run_batches_locally(batches, raw_dir, clean_dir, overrides, workers, on_done))
        return merge_results(store, run, results)
