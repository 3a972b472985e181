"""Shared fixtures: where ../shared is, and the seed gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


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
