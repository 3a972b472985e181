"""The Prefect shell: the ``clean-corpus`` flow around :mod:`pipeline.runner`.

The flow reads like the plan: lock the store, cut the inputs into batches,
clean each batch as one task, merge, publish a summary. All logic lives in
plain functions; this file only decides what runs where.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, task  # noqa: E402

from pipeline.batch import process_batch  # noqa: E402
from pipeline.runner import DEFAULT_BATCH_SIZE, merge_results, new_run, plan_batches  # noqa: E402
from pipeline.store import Store  # noqa: E402


@task(name="clean-batch", retries=2, retry_delay_seconds=[1, 5])
def clean_batch(sources: list[str], raw_dir: str, clean_dir: str, overrides: dict[str, Any] | None) -> dict[str, Any]:
    return process_batch(sources, raw_dir, clean_dir, overrides)


@flow(name="clean-corpus", log_prints=True)
def clean_corpus(
    raw_dir: str = "raw",
    clean_dir: str = "clean",
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    raw, clean = Path(raw_dir).resolve(), Path(clean_dir).resolve()
    store = Store(clean)
    with store.lock():
        run = new_run(raw, clean, overrides)
        batches = plan_batches(raw, batch_size)
        run["discovered"] = sum(len(b) for b in batches)
        futures = [clean_batch.submit(b, str(raw), str(clean), overrides) for b in batches]
        results = [f.result() for f in futures]
        summary = merge_results(store, run, results)
    print(f"cleaned {summary['cleaned']}, unchanged {summary['unchanged']}, rejected {summary['rejected']}")
    return summary
