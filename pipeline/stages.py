"""The pipeline, as one ordered list of stages.

Every stage has the signature ``(Document, Config) -> Document`` and is a
plain function that a test can call alone. Read :data:`STAGES` to know what
happens to a page, in order.

>>> page = "A Title\\n\\nby Jane Doe\\n\\nThe body of the piece is here.\\n\\nLeave a Reply"
>>> doc = Document(id="x", source="x.txt", text=page)
>>> doc = run_stages(doc, Config())
>>> doc.meta["title"], doc.meta["author"], doc.body
('A Title', 'Jane Doe', 'The body of the piece is here.')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from pipeline.blocks import split_blocks
from pipeline.comments import split_comment_threads, split_comment_threads_many
from pipeline.config import Config
from pipeline.label import label_blocks, mark_captions
from pipeline.language import detect_language
from pipeline.metadata import find_author
from pipeline.model import Document, sha256_hex
from pipeline.repair import repair_text
from pipeline.rules import ALL_RULES, RuleSet
from pipeline.translation import detect_translation_artifacts, extract_publication_metadata

Stage = Callable[[Document, Config], Document]
ChunkStage = Callable[[Sequence[Document], Config], list[Document | Exception]]


@lru_cache(maxsize=16)
def ruleset_for(kinds: tuple[str, ...]) -> RuleSet:
    return RuleSet.of(ALL_RULES, kinds)


def repair_encoding(doc: Document, config: Config) -> Document:
    """Mojibake, entities, line ends, odd spaces, stray escapes (see pipeline.repair)."""
    repaired = repair_text(doc.text, config)
    doc.text = repaired.text
    doc.meta["encoding_repair"] = {
        "lines_fixed_by_ftfy": repaired.changed_by_ftfy,
        "replacement_chars": repaired.replacement_chars,
    }
    for flag in repaired.flags:
        doc.flag(flag)
    return doc


def segment_blocks(doc: Document, config: Config) -> Document:
    doc.blocks = split_blocks(doc.text)
    return doc


def strip_boilerplate(doc: Document, config: Config) -> Document:
    """Label page chrome by the rule registry; nothing is deleted, only labelled."""
    extracted = doc.meta.get("extraction") == "trafilatura"
    title = label_blocks(doc.blocks, ruleset_for(config.rule_kinds), config, main_text_known=extracted)
    if not doc.meta.get("title"):
        doc.meta["title"] = title
    return doc


def extract_author(doc: Document, config: Config) -> Document:
    if not doc.meta.get("author"):
        doc.meta["author"] = find_author(doc.blocks)
    return doc


def strip_captions(doc: Document, config: Config) -> Document:
    mark_captions(doc.blocks, config)
    return doc


def detect_document_language(doc: Document, config: Config) -> Document:
    lang, prob = detect_language(doc.body, config.language_sample_chars, config.language_seed,
                                 config.language_trials)
    doc.meta["language"] = lang
    doc.meta["language_probability"] = prob
    return doc


def summarise(doc: Document, config: Config) -> Document:
    """Counts and the record of what was removed (a hash, never the text).

    Whole blocks go to ``removed``; pieces cut out of a paragraph by a later
    stage are already in ``inline_removals`` and are counted as ``inline:<kind>``.
    """
    content = doc.content
    body = "\n\n".join(b.text for b in content)  # doc.body
    removed = [
        {
            "block": b.index,
            "kind": b.label,
            "rule": b.rule,
            "words": b.words,
            "sha256": sha256_hex(b.text)[:16],
        }
        for b in doc.removed
    ]
    doc.meta.update(
        # len(body.split()): the blank lines between blocks only separate words.
        words=sum(b.words for b in content),
        blocks=len(doc.blocks),
        content_blocks=len(content),
        removed=removed,
        removed_by_kind=dict(
            Counter(b.label for b in doc.removed)
            + Counter(f"inline:{r['kind']}" for r in doc.meta.get("inline_removals", []))
        ),
        output_sha256=sha256_hex(body),
    )
    return doc


STAGES: tuple[Stage, ...] = (
    repair_encoding,
    segment_blocks,
    strip_boilerplate,
    extract_author,
    strip_captions,
    split_comment_threads,
    detect_translation_artifacts,
    extract_publication_metadata,
    detect_document_language,
    summarise,
)


CHUNK_STAGES: dict[Stage, ChunkStage] = {split_comment_threads: split_comment_threads_many}
"""Stages that are cheaper on many documents at once, with the version that takes a chunk:
the comment scorer's model call costs about the same for one comment as for thirty. A
chunk version gives each document what the stage gives it alone, or the error."""


def run_stages(doc: Document, config: Config, stages: tuple[Stage, ...] | None = None) -> Document:
    for stage in STAGES if stages is None else stages:
        doc = stage(doc, config)
    return doc


def run_stages_many(docs: Sequence[Document], config: Config,
                    stages: tuple[Stage, ...] | None = None) -> list[Document | Exception]:
    """:func:`run_stages` on each document, one stage at a time over all of them.

    Each position holds the finished document, or the error that stopped it:
    one failing page never stops the others.
    """
    done: list[Document | Exception] = list(docs)
    for stage in STAGES if stages is None else stages:
        live = {i: doc for i, doc in enumerate(done) if isinstance(doc, Document)}
        chunk_stage = CHUNK_STAGES.get(stage)
        if chunk_stage is not None and len(live) > 1:
            for i, result in zip(live, chunk_stage(list(live.values()), config), strict=True):
                done[i] = result
            continue
        for i, doc in live.items():
            try:
                done[i] = stage(doc, config)
            except Exception as err:  # noqa: BLE001 - one bad page never stops a chunk
                done[i] = err
    return done
