"""The cache folder: files written atomically, other versions' stale copies removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from pipeline.cachedir import STALE_AFTER, write_quietly


def aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"old")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_writing_a_cache_file_removes_only_stale_copies_of_its_kind(tmp_path: Path) -> None:
    stale = aged(tmp_path / "regex-reads-0000.json", STALE_AFTER + 60)
    recent = aged(tmp_path / "regex-reads-1111.json", 3600)  # another version, still in use
    other_kind = aged(tmp_path / "py3langid-2222.npz", STALE_AFTER + 60)
    current = tmp_path / "regex-reads-3333.json"
    write_quietly(current, b"[]", kind="regex-reads-*.json")
    assert current.read_bytes() == b"[]"
    assert not stale.exists()
    assert recent.exists() and other_kind.exists()


def test_a_cache_file_that_cannot_be_written_removes_nothing(tmp_path: Path) -> None:
    stale = aged(tmp_path / "regex-reads-0000.json", STALE_AFTER + 60)
    blocked = tmp_path / "regex-reads-3333.json"
    blocked.mkdir()  # a folder where the file should go: the rename fails
    write_quietly(blocked, b"[]", kind="regex-reads-*.json")
    assert stale.exists() and blocked.is_dir()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
