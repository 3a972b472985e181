"""Where the pipeline keeps what it can rebuild: decompressed models, parsed rule patterns.

``$PIPELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/pipeline`` (``~/.cache/pipeline``); an empty
``PIPELINE_CACHE_DIR`` turns every cache off. A cache that cannot be written or read is
skipped, never an error: each file is named by a hash of what it was made from, so a stale
one is never read. Writing a file removes the copies earlier versions left of the same kind
once they have not been written for :data:`STALE_AFTER` (a py3langid copy is 68 MB).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    chosen = os.environ.get("PIPELINE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pipeline"


STALE_AFTER = 7 * 24 * 3600
"""Seconds after which another version's file of the same kind is removed (see
:func:`write_quietly`). A version still in use that loses its file writes it again once."""


def write_quietly(path: Path, data: bytes, kind: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file, then a rename); on any
    OS error leave nothing behind and say nothing.

    ``kind``: a glob of the files ``path`` replaces (``"regex-reads-*.json"``); those in
    the same folder not written for :data:`STALE_AFTER` seconds are removed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):  # the folder may not even exist
            temporary.unlink()
        return
    if kind is not None:
        remove_stale(path, kind)


def remove_stale(path: Path, kind: str) -> None:
    """Remove the files of ``kind`` beside ``path`` (not itself) older than STALE_AFTER."""
    now = time.time()
    for other in path.parent.glob(kind):
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            if other != path and now - other.stat().st_mtime > STALE_AFTER:
                other.unlink()
