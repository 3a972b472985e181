"""How a run is cut into batches (issue 3, point 1): one task per batch, never one per document."""

from __future__ import annotations

import pytest

from pipeline.runner import MAX_BATCH_SIZE, MIN_BATCH_SIZE, cut_batches


@pytest.mark.parametrize("documents", [1, 19, 20, 41, 333, 2000, 10_000])
@pytest.mark.parametrize("workers", [1, 2, 8])
def test_automatic_batches_take_every_source_once_and_shrink_to_the_end(documents: int, workers: int) -> None:
    sources = [f"page_{i:05}.txt" for i in range(documents)]
    batches = cut_batches(sources, None, workers)
    assert [s for batch in batches for s in batch] == sources
    sizes = [len(batch) for batch in batches]
    assert all(MIN_BATCH_SIZE <= size <= MAX_BATCH_SIZE for size in sizes[:-1])
    assert sizes[-1] <= MAX_BATCH_SIZE and (sizes[-1] >= MIN_BATCH_SIZE or len(sizes) == 1)
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)
    if documents >= 2000 and workers > 1:  # big first, small last: the workers end close together
        assert sizes[0] >= 5 * sizes[-2] and max(sizes[-3:]) < 2 * MIN_BATCH_SIZE
