"""Reader comment threads: segment, score, strip the toxic ones (issue 4).

Placeholder stage until the thread work lands: the comment section is
already labelled ``comment`` by the boilerplate rules and kept out of the body.
"""

from __future__ import annotations

from pipeline.config import Config
from pipeline.model import Document


def split_comment_threads(doc: Document, config: Config) -> Document:
    return doc
