"""Clean a batch of inputs into the store: the unit of work a Prefect task wraps.

Small in, small out: a batch gets source paths and settings and returns
counts plus manifest entries, never documents, so it can run in another
process (or on a Dask worker) and its arguments stay far under Prefect's
parameter limits. Documents whose input hash and pipeline fingerprint are
already in the manifest are skipped before any cleaning work.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pipeline
from pipeline.clean import clean_records
from pipeline.config import Config
from pipeline.model import Document, Reject, sha256_hex
from pipeline.sources import RawRecord, read_source
from pipeline.store import Store, now_iso
from pipeline.translation.langid import load_identifier_in_background

PACKAGE_DIR = Path(pipeline.__file__).parent


CODE_SUFFIXES = {".py", ".json", ".txt", ".npz", ".tsv"}
# Modules that decide where and when cleaning runs, never what a record says:
# an edit to the command line or the Prefect shell must not re-clean a corpus.
ORCHESTRATION = frozenset({"cli.py", "flows.py", "artifacts.py", "parallel.py", "runner.py", "warmup.py"})


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of the code and data that make a record: a change there re-cleans everything."""
    digest = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if (path.is_file() and path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts
                and str(relative) not in ORCHESTRATION):
            digest.append(f"{relative}:{sha256_hex(path.read_bytes())}")
    return sha256_hex("\n".join(digest))[:16]


def pipeline_fingerprint(config: Config) -> str:
    """What must be equal for an earlier result to stand: version, code, configuration."""
    return sha256_hex(f"{pipeline.__version__}|{code_digest()}|{config.fingerprint}")[:16]


def build_record(doc: Document, config: Config) -> dict[str, Any]:
    """The stored record: the field names large-corpus tools use (id, text, source, added, created, metadata)."""
    meta = dict(doc.meta)
    title = meta.pop("title", None)
    author = meta.pop("author", None)
    language = meta.pop("language", "und")
    created = meta.get("published") or meta.get("provenance", {}).get("date")
    meta.update(
        pipeline_version=pipeline.__version__,
        fingerprint=pipeline_fingerprint(config),
        config_fingerprint=config.fingerprint,
        source_path=doc.source,
        flags=list(doc.flags),
        processed_at=now_iso(),
    )
    return {
        "id": doc.id,
        "source": doc.source,
        "version": None,
        "added": None,
        "created": created,
        "title": title,
        "author": author,
        "language": language,
        "text": doc.body,
        "metadata": meta,
    }


@dataclass
class BatchResult:
    """What a batch did; JSON-able and small (no document text)."""

    written: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    removed_by_kind: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "unchanged": self.unchanged,
            "rejects": self.rejects,
            "removed_by_kind": dict(self.removed_by_kind),
            "languages": dict(self.languages),
            "flags": dict(self.flags),
            "seconds": self.seconds,
        }


def _reject_entry(reject: Reject, fingerprint: str) -> dict[str, Any]:
    return {"source": reject.source, "reason": reject.reason, "detail": reject.detail,
            "input_sha256": reject.input_sha256, "fingerprint": fingerprint, "seen": now_iso()}


def documents_of(doc: Document) -> Iterable[Document]:
    """The document and any it carried out of its page (appended articles)."""
    yield doc
    yield from doc.extra.get("documents", [])


def process_batch(
    sources: Sequence[str],
    raw_dir: str | Path,
    clean_dir: str | Path,
    overrides: dict[str, Any] | None = None,
    known: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Read, clean and store ``sources`` (paths relative to ``raw_dir``).

    ``known`` is the manifest (or the part of it covering these sources);
    when None it is read from ``clean_dir``. Returns :meth:`BatchResult.as_dict`.
    """
    started = time.perf_counter()
    config = Config().with_overrides(overrides)
    if "foreign_sentence" in config.translation_detectors:
        load_identifier_in_background()
    fingerprint = pipeline_fingerprint(config)
    store = Store(Path(clean_dir))
    manifest = known if known is not None else store.load_manifest()
    docs_known = manifest.get("documents", {})
    rejects_known = manifest.get("rejects", {})
    result = BatchResult()

    def to_clean() -> Iterator[RawRecord | Reject]:
        """The batch's records that need cleaning, and the readers' rejects; unchanged ones are answered."""
        for source in sources:
            for item in read_source(Path(raw_dir), source, config):
                if isinstance(item, Reject) or not _unchanged(item, fingerprint, docs_known,
                                                              rejects_known, result):
                    yield item

    with store.batch():
        for outcome in clean_records(to_clean(), config):
            if isinstance(outcome, Reject):
                result.rejects.append(_reject_entry(outcome, fingerprint))
                continue
            for doc in documents_of(outcome):
                _store_document(store, doc, config, result)
    result.seconds = round(time.perf_counter() - started, 4)
    return result.as_dict()


def split_unchanged(
    sources: Sequence[str],
    raw_dir: str | Path,
    overrides: dict[str, Any] | None = None,
    known: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Answer from the manifest alone for sources whose every record is unchanged.

    Returns a :meth:`BatchResult.as_dict` for those and the sources still to
    clean. A source the manifest has never seen is not even read, so a first
    run costs nothing here; a re-run reads and hashes each file once and
    starts no workers when nothing changed. Conservative: one changed record
    sends the whole file to :func:`process_batch`, which skips the rest.
    """
    config = Config().with_overrides(overrides)
    fingerprint = pipeline_fingerprint(config)
    manifest = known or {}
    docs, rejects = manifest.get("documents", {}), manifest.get("rejects", {})
    seen = {str(entry.get("source", "")).partition("#")[0] for entry in docs.values()}
    seen.update(source.partition("#")[0] for source in rejects)
    result, todo = BatchResult(), []
    for source in sources:
        if source not in seen:
            todo.append(source)
            continue
        part = BatchResult()
        for item in read_source(Path(raw_dir), source, config):
            if isinstance(item, Reject):
                part.rejects.append(_reject_entry(item, fingerprint))
            elif not _unchanged(item, fingerprint, docs, rejects, part):
                todo.append(source)
                break
        else:
            result.unchanged += part.unchanged
            result.rejects += part.rejects
    return result.as_dict(), todo


def _unchanged(record: RawRecord, fingerprint: str, docs: dict[str, Any], rejects: dict[str, Any],
               result: BatchResult) -> bool:
    entry = docs.get(record.id)
    if entry and entry.get("input_sha256") == record.input_sha256 and entry.get("fingerprint") == fingerprint:
        result.unchanged.append(entry)
        for child in entry.get("derived", []):
            if child in docs:
                result.unchanged.append(docs[child])
        return True
    old = rejects.get(record.source)
    if old and old.get("input_sha256") == record.input_sha256 and old.get("fingerprint") == fingerprint:
        result.rejects.append(old)
        return True
    return False


def _store_document(store: Store, doc: Document, config: Config, result: BatchResult) -> None:
    record = build_record(doc, config)
    extras = {name: value for name, value in doc.extra.items() if name != "documents"}
    written = store.write_version(record, extras or None)
    entry = dict(written.entry, input_sha256=record["metadata"].get("input_sha256"),
                 fingerprint=record["metadata"]["fingerprint"])
    derived = [child.id for child in doc.extra.get("documents", [])]
    if derived:
        entry["derived"] = derived
    (result.written if written.status == "written" else result.unchanged).append(entry)
    result.removed_by_kind.update(record["metadata"].get("removed_by_kind", {}))
    result.languages[record["language"]] += 1
    result.flags.update(record["metadata"].get("flags", []))
