"""Translation artifacts, provenance and publication metadata (issue 5).

Two stages, run after the comment split and before language detection:

- :func:`detect_translation_artifacts` reads credit lines into
  ``doc.meta["translation"]``, cuts injected related-links out of paragraphs
  and reports what a hasty or machine translation leaves behind, with spans,
  evidence and confidence (see :mod:`pipeline.translation.detectors`);
- :func:`extract_publication_metadata` records the publisher and dates the
  page states (:mod:`pipeline.translation.pubmeta`) and turns a complete
  article pasted under a "Related" heading into its own document
  (:mod:`pipeline.translation.appended`).

>>> from pipeline.model import Block
>>> doc = Document(id="d", source="d.txt", text="")
>>> doc.blocks = [Block(0, "The talks in Geneva failed again on Monday, the ministry said."),
...               Block(1, "Translated from Russian by J.Hawk", "credit", "credit.translation")]
>>> record = detect_translation_artifacts(doc, Config()).meta["translation"]
>>> record["credited"], record["source_language"], record["translator"], record["likely_translated"]
(True, 'ru', 'J.Hawk', True)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pipeline.config import Config
from pipeline.model import Document
from pipeline.translation.artifacts import Artifact
from pipeline.translation.detectors import is_english, read_credits, remove_injections, scan_blocks
from pipeline.translation.score import likely_translated


def body_offsets(doc: Document) -> dict[int, int]:
    """Where each content block starts in ``doc.body`` (blocks joined by one blank line)."""
    offsets, position = {}, 0
    for block in doc.content:
        offsets[block.index] = position
        position += len(block.text) + 2
    return offsets


def detect_translation_artifacts(doc: Document, config: Config) -> Document:
    """Fill ``doc.meta["translation"]``; cut injected links out of the body."""
    detectors = config.translation_detectors
    remove = config.remove_inline_injections
    credit, artifacts = (
        read_credits(doc, remove) if "translation_credit" in detectors else (None, [])
    )
    artifacts += remove_injections(doc, detectors, remove)
    english = is_english(doc)
    artifacts += scan_blocks(doc, detectors, english)
    artifacts.sort(key=lambda a: (a.block, a.start))
    counts = Counter(a.kind for a in artifacts)
    score, reasons = likely_translated(dict(counts), credit)
    doc.meta["translation"] = {
        "likely_translated": score >= config.likely_translated_threshold,
        "score": score,
        "reasons": reasons,
        "credited": bool(credit and credit.explicit),
        "source_language": credit.source_language if credit else None,
        "translator": credit.translator if credit else None,
        "original_publisher": credit.original_publisher if credit else None,
        "checked_as_english": english,
        "artifact_counts": dict(sorted(counts.items())),
        "artifacts": _records(doc, artifacts),
    }
    if score >= config.likely_translated_threshold:
        doc.flag("likely_translated")
    return doc


def _records(doc: Document, artifacts: list[Artifact]) -> list[dict[str, Any]]:
    offsets = body_offsets(doc)
    return [a.as_dict(offsets.get(a.block)) for a in artifacts]


def extract_publication_metadata(doc: Document, config: Config) -> Document:
    """Publisher, dates and appended articles (see module docstring)."""
    from pipeline.translation.appended import emit_appended_articles
    from pipeline.translation.pubmeta import record_publication

    record_publication(doc)
    if config.emit_appended_articles and "appended_to" not in doc.meta:
        emit_appended_articles(doc, config)
    return doc
