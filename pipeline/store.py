"""The versioned ``clean/`` store, and the reader API downstream projects use.

Layout (documented for users in ``clean/README.md``)::

    clean/
      manifest.json                   latest version of every document, rejects
      docs/<id[:2]>/<id>/v000001.json one immutable file per version
      docs/<id[:2]>/<id>/v000001.comments.json   non-toxic reader comments
      rejects.jsonl                   inputs that could not be cleaned, with reasons
      runs/<started>-<run>.json       one summary per run

Every file appears atomically (written to a temporary name in the same
directory, then renamed), so a reader never sees half a file and a crash
leaves at most an orphan temporary file. The manifest is what publishes a
version: runs save it only after the versions it names are on disk.

Durability is paid once per batch, not per file: inside
:meth:`Store.batch` files are written without an ``fsync`` each, and one
``syncfs`` of the file system at the end of the batch makes them all
durable before the batch reports them (per-file ``fsync`` was half of the
store's time). A crash before that sync can leave a version file that no
manifest names with garbage in it; :meth:`Store.write_version` writes over
such a file instead of reading it as the latest version.

>>> import tempfile, pathlib
>>> store = Store(pathlib.Path(tempfile.mkdtemp()))
>>> rec = {"id": "d1", "source": "a.txt", "text": "Hi.", "metadata": {"input_sha256": "x"}}
>>> store.write_version(rec).status, store.write_version(rec).status
('written', 'unchanged')
>>> [r["version"] for r in store.versions("d1")]
[1]
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import functools
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.model import sha256_hex

MANIFEST = "manifest.json"
REJECTS = "rejects.jsonl"
LOCK = ".lock"
# Fields that change on every write and must not make a new version.
VOLATILE = ("added", "version", "metadata.pipeline_version", "metadata.fingerprint",
            "metadata.processed_at", "metadata.content_sha256", "metadata.config_fingerprint")


class StoreError(RuntimeError):
    """The store cannot be written; the message says what to fix."""


class StoreLocked(StoreError):
    pass


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    ``durable=False`` skips the ``fsync``: the caller syncs later (:func:`sync_filesystem`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@functools.cache
def _syncfs() -> Any:
    """libc's syncfs(2) (Linux), or None where there is none."""
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int]
    return function


def sync_filesystem(path: Path) -> None:
    """Flush every written file on the file system holding ``path`` to disk.

    One syncfs(2) where the C library has it (Linux), else os.sync(). Cheaper
    than an fsync per file: the journal commits once for the whole batch.
    """
    function = _syncfs()
    if function is None:
        os.sync()
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        if function(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(path))
    finally:
        os.close(fd)


def dumps(obj: Any) -> bytes:
    """Compact JSON: with ``indent`` the json module falls back to its pure-Python
    encoder, which was a quarter of the store's write time (`pipeline show` and
    `jq` are the ways to read a record)."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def content_hash(record: dict[str, Any], extras: dict[str, Any] | None = None) -> str:
    """Hash of what a version says, without the fields that change on every run.

    Only the dictionaries on the path to a volatile field are copied (a JSON
    round trip of the whole record did the same at three times the cost); the
    serialisation, and so the hash, is the same.
    """
    clean = dict(record)
    for dotted in VOLATILE:
        holder = clean
        *parents, leaf = dotted.split(".")
        for key in parents:
            child = holder.get(key)
            if not isinstance(child, dict):
                break
            holder[key] = holder = dict(child)
        else:
            holder.pop(leaf, None)
    payload = json.dumps([clean, extras or {}], sort_keys=True, ensure_ascii=False)
    return sha256_hex(payload)


@dataclass(frozen=True)
class WriteResult:
    status: str  # "written" or "unchanged"
    entry: dict[str, Any]


class Store:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._durable = True

    @contextlib.contextmanager
    def batch(self) -> Iterator[Store]:
        """Write versions without a per-file fsync; one file-system sync when the batch ends.

        Nothing written inside is named by a manifest before the sync, so a
        crash loses at most unpublished work, which the next run redoes.
        """
        self._durable = False
        try:
            yield self
        finally:
            self._durable = True
        try:
            if self.root.is_dir():
                sync_filesystem(self.root)
        except OSError as err:
            raise StoreError(f"cannot sync {self.root} to disk: {err.strerror}. "
                             "Check the disk and the file system of the clean directory.") from err

    # -- paths ---------------------------------------------------------------
    def doc_dir(self, doc_id: str) -> Path:
        return self.root / "docs" / doc_id[:2] / doc_id

    def version_path(self, doc_id: str, version: int) -> Path:
        return self.doc_dir(doc_id) / f"v{version:06d}.json"

    def extra_path(self, doc_id: str, version: int, name: str) -> Path:
        return self.doc_dir(doc_id) / f"v{version:06d}.{name}.json"

    # -- locking ---------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Exclusive lock on the store for one run; concurrent runs would interleave manifests."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle = (self.root / LOCK).open("a+")
        except OSError as err:
            raise StoreError(f"cannot create the clean directory {self.root}: {err.strerror}. "
                             "Check that the path is writable or pass another --clean.") from err
        try:
            deadline = time.monotonic() + wait_seconds
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreLocked(
                            f"another pipeline run is writing to {self.root} (lock {self.root / LOCK}); "
                            "wait for it to finish, or use another --clean directory") from None
                    time.sleep(0.5)
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()} {now_iso()}\n")
            handle.flush()
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    # -- versions ----------------------------------------------------------------
    def version_numbers(self, doc_id: str) -> list[int]:
        folder = self.doc_dir(doc_id)
        if not folder.is_dir():
            return []
        numbers = []
        for path in folder.glob("v*.json"):
            stem = path.name[1:].split(".", 1)[0]
            if path.name.count(".") == 1 and stem.isdigit():
                numbers.append(int(stem))
        return sorted(numbers)

    def read_version(self, doc_id: str, version: int) -> dict[str, Any]:
        return json.loads(self.version_path(doc_id, version).read_text(encoding="utf-8"))

    def write_version(self, record: dict[str, Any], extras: dict[str, Any] | None = None) -> WriteResult:
        """Write ``record`` as the next version of its document unless nothing changed.

        ``extras`` are files written beside the version (``{"comments": [...]}``)
        before it, so a version file never appears without them.
        """
        doc_id = record["id"]
        digest = content_hash(record, extras)
        numbers = self.version_numbers(doc_id)
        if numbers:
            try:
                latest = self.read_version(doc_id, numbers[-1])
            except ValueError:  # torn by a crash before its batch was synced; never published
                latest = None
                numbers.pop()
            if latest is not None and latest.get("metadata", {}).get("content_sha256") == digest:
                return WriteResult("unchanged", self._entry(latest, numbers[-1]))
        version = (numbers[-1] if numbers else 0) + 1
        record = dict(record, version=version, added=now_iso())
        record["metadata"] = dict(record.get("metadata", {}), content_sha256=digest)
        try:
            for name, payload in (extras or {}).items():
                atomic_write(self.extra_path(doc_id, version, name), dumps(payload), self._durable)
            atomic_write(self.version_path(doc_id, version), dumps(record), self._durable)
        except OSError as err:
            raise StoreError(f"cannot write {self.doc_dir(doc_id)}: {err.strerror}. "
                             "Free disk space or fix permissions on the clean directory.") from err
        return WriteResult("written", self._entry(record, version))

    def _entry(self, record: dict[str, Any], version: int) -> dict[str, Any]:
        meta = record.get("metadata", {})
        return {
            "id": record["id"],
            "source": record.get("source"),
            "version": version,
            "path": str(self.version_path(record["id"], version).relative_to(self.root)),
            "input_sha256": meta.get("input_sha256"),
            "fingerprint": meta.get("fingerprint"),
            "title": record.get("title"),
            "language": record.get("language"),
            "added": record.get("added"),
        }

    # -- manifest ------------------------------------------------------------------
    def load_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.exists():
            return {"documents": {}, "rejects": {}}
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest.setdefault("documents", {})
        manifest.setdefault("rejects", {})
        return manifest

    def save_manifest(self, manifest: dict[str, Any]) -> None:
        manifest["updated"] = now_iso()
        try:
            atomic_write(self.root / MANIFEST, dumps(manifest))
            rejects = sorted(manifest.get("rejects", {}).values(), key=lambda r: r["source"])
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rejects)
            atomic_write(self.root / REJECTS, lines.encode("utf-8"))
        except OSError as err:
            raise StoreError(f"cannot write the manifest in {self.root}: {err.strerror}. "
                             "Free disk space or fix permissions on the clean directory.") from err

    def write_run_summary(self, summary: dict[str, Any]) -> Path:
        path = self.root / "runs" / f"{summary['started'].replace(':', '')}-{summary['run_id']}.json"
        atomic_write(path, dumps(summary))
        return path

    # -- reader API ----------------------------------------------------------------
    def iter_latest(self) -> Iterator[dict[str, Any]]:
        """The latest version of every document, in id order."""
        for doc_id, entry in sorted(self.load_manifest()["documents"].items()):
            yield self.read_version(doc_id, entry["version"])

    def get(self, doc_id: str, version: int | None = None) -> dict[str, Any]:
        """One document by id (or by its source path), latest version unless given."""
        doc_id = self.resolve_id(doc_id)
        numbers = self.version_numbers(doc_id)
        if not numbers:
            raise KeyError(doc_id)
        return self.read_version(doc_id, version or numbers[-1])

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Every version of a document, oldest first."""
        doc_id = self.resolve_id(doc_id)
        return [self.read_version(doc_id, n) for n in self.version_numbers(doc_id)]

    def extra(self, doc_id: str, version: int, name: str) -> Any:
        path = self.extra_path(doc_id, version, name)
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def resolve_id(self, key: str) -> str:
        if self.doc_dir(key).is_dir() if len(key) >= 2 else False:
            return key
        for doc_id, entry in self.load_manifest()["documents"].items():
            if entry.get("source") == key or doc_id.startswith(key) and len(key) >= 6:
                return doc_id
        return key

    def rejects(self) -> list[dict[str, Any]]:
        return sorted(self.load_manifest()["rejects"].values(), key=lambda r: r["source"])


def iter_latest(clean_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Downstream entry point: ``for doc in pipeline.store.iter_latest("clean"): ...``"""
    return Store(Path(clean_dir)).iter_latest()


def get(clean_dir: str | Path, doc_id: str, version: int | None = None) -> dict[str, Any]:
    return Store(Path(clean_dir)).get(doc_id, version)


def versions(clean_dir: str | Path, doc_id: str) -> list[dict[str, Any]]:
    return Store(Path(clean_dir)).versions(doc_id)
