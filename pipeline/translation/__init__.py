"""Translation artifacts, provenance and publication metadata (issue 5).

Placeholder stages until the detectors land.
"""

from __future__ import annotations

from pipeline.config import Config
from pipeline.model import Document


def detect_translation_artifacts(doc: Document, config: Config) -> Document:
    return doc


def extract_publication_metadata(doc: Document, config: Config) -> Document:
    return doc
