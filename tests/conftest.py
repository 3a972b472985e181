"""Shared fixtures: where ../shared is, and the seed gold files.

The tests never write into the user's cache folder (``~/.cache/pipeline``): unless
``PIPELINE_CACHE_DIR`` is set, the session gets a fresh one, removed at exit, which the
pipeline processes the tests start inherit."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"

if "PIPELINE_CACHE_DIR" not in os.environ:
    _session_cache = tempfile.mkdtemp(prefix="pipeline-test-cache-")
    os.environ["PIPELINE_CACHE_DIR"] = _session_cache
    atexit.register(shutil.rmtree, _session_cache, True)


def need_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")


def load_gold() -> list[dict[str, Any]]:
    if not SEEDS.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((SEEDS / "gold").glob("*.json"))]


@pytest.fixture(scope="session")
def gold() -> list[dict[str, Any]]:
    need_shared()
    return load_gold()
