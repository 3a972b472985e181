"""Where the pipeline keeps what it can rebuild: decompressed models, parsed rule patterns.

``$PIPELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/pipeline`` (``~/.cache/pipeline``); an empty
``PIPELINE_CACHE_DIR`` turns every cache off. A cache that cannot be written or read is
skipped, never an error: each file is named by a hash of what it was made from, so a stale
one is never read.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    chosen = os.environ.get("PIPELINE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pipeline"


def write_quietly(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file, then a rename); on any
    OS error leave nothing behind and say nothing."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):  # the folder may not even exist
            temporary.unlink()
