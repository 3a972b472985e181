"""Run the artifact detectors over a document's blocks.

Order matters for the offsets: first the credit lines (relabelled, or cut
from the end of a paragraph), then the injected links and doubled headlines
(cut out of their paragraphs), and only then the detectors that only report,
so their offsets point into the text as it will be stored.

Every cut is recorded twice: as an artifact with ``removed: true`` (kind,
rule, block, offsets into the block before the cut, size and hash) and in
``doc.meta["inline_removals"]``, which the summary reads beside the removed
blocks. The removed text itself is never kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pipeline.model import CONTENT, Block, Document
from pipeline.translation.artifacts import Artifact, removal_evidence, sentences, share, snippet
from pipeline.translation.credits import (
    INLINE_CREDIT,
    Credit,
    is_credit_line,
    is_translation,
    parse_credit,
)
from pipeline.translation.duplicates import find_duplicate_renderings
from pipeline.translation.injection import CONFIDENCE as INJECTION_CONFIDENCE
from pipeline.translation.injection import find_link_injections
from pipeline.translation.langid import find_foreign_sentences
from pipeline.translation.quotes import find_quote_anomalies
from pipeline.translation.remnants import find_script_remnants
from pipeline.translation.transliteration import find_transliterations

ALL_DETECTORS = (
    "translation_credit",
    "script_remnant",
    "foreign_sentence",
    "duplicate_rendering",
    "inline_link_injection",
    "transliteration",
    "quote_anomaly",
)

# A body whose words are at least this share English function words is read as
# English and gets the English-only detectors (foreign sentences, exonyms,
# quotes). English prose scores 0.25-0.45; other Latin-script prose under 0.05.
DOC_ENGLISH_SHARE = 0.15
EXPLICIT_CREDIT_CONFIDENCE = 0.95
INFERRED_CREDIT_CONFIDENCE = 0.6
DUPLICATE_CONFIDENCE = {"remove_both": 0.85, "remove_second": 0.9, "flag": 0.6}

BlockDetector = Callable[[int, str], list[Artifact]]
REPORTING: dict[str, BlockDetector] = {
    "script_remnant": find_script_remnants,
    "foreign_sentence": find_foreign_sentences,
    "transliteration": find_transliterations,
    "quote_anomaly": find_quote_anomalies,
}
# Detectors that only make sense in an English text.
ENGLISH_ONLY = {"foreign_sentence", "transliteration", "quote_anomaly", "script_remnant"}


def is_english(doc: Document) -> bool:
    """``english_share(doc.body)`` at least DOC_ENGLISH_SHARE, from the sentences already read.

    A word never spans two sentences or two blocks, so the counts are those of the body.
    """
    total = function_words = 0
    for block in doc.content:
        for sentence in sentences(block.text):
            total += len(sentence.words)
            function_words += sentence.function_words
    return share(function_words, total) >= DOC_ENGLISH_SHARE


def merge_credits(credits: Iterable[Credit]) -> Credit | None:
    """One credit from several lines: the first value found for each field."""
    merged: Credit | None = None
    for credit in credits:
        if merged is None:
            merged = credit
            continue
        merged = Credit(
            merged.source_language or credit.source_language,
            merged.translator or credit.translator,
            merged.original_publisher or credit.original_publisher,
            merged.explicit or credit.explicit,
        )
    return merged


def _credit_artifact(
    block: Block, start: int, end: int, credit: Credit, rule: str, removed: bool = False
) -> Artifact:
    confidence = EXPLICIT_CREDIT_CONFIDENCE if credit.explicit else INFERRED_CREDIT_CONFIDENCE
    evidence = snippet(block.text[start:end].strip())
    return Artifact(
        "translation_credit", rule, block.index, start, end, evidence, confidence, removed=removed
    )


Cut = tuple[int, int, str, str, float]
"""(start, end, kind, rule, confidence) of a span to take out of a block."""


def cut_spans(doc: Document, block: Block, cuts: list[Cut]) -> list[Artifact]:
    """Cut spans out of one block, recording each (offsets are into the uncut text)."""
    artifacts = []
    text = block.text
    for start, end, kind, rule, confidence in sorted(cuts, reverse=True):
        removed = block.text[start:end]
        record = {"block": block.index, "kind": kind, "rule": rule, **removal_evidence(removed)}
        doc.meta.setdefault("inline_removals", []).append(record)
        artifacts.append(
            Artifact(
                kind,
                rule,
                block.index,
                start,
                end,
                f"removed {len(removed)} chars",
                confidence,
                removed=True,
                details=removal_evidence(removed),
            )
        )
        text = text[:start] + " " + text[end:]
    block.text = re.sub(r" {2,}", " ", text).strip()
    return sorted(artifacts, key=lambda a: a.start)


def read_credits(doc: Document, remove: bool) -> tuple[Credit | None, list[Artifact]]:
    """Credits from credit-labelled blocks, stray credit lines and glued credits."""
    credits, artifacts = [], []
    for block in doc.blocks:
        if block.label == CONTENT and is_credit_line(block.text):
            block.relabel("credit", "translation.credit_line")
        if block.label == "credit":
            credit = parse_credit(block.text)
            if credit is not None and is_translation(credit):
                credits.append(credit)
                artifacts.append(_credit_artifact(block, 0, len(block.text), credit, block.rule))
            continue
        if block.label != CONTENT:
            continue
        # INLINE_CREDIT ends with a bracket and spaces; most paragraphs do not.
        glued = INLINE_CREDIT.search(block.text) if block.text.rstrip().endswith((")", "]")) else None
        credit = parse_credit(glued.group()) if glued else None
        if glued and credit is not None and credit.explicit:
            credits.append(credit)
            if remove:
                confidence = EXPLICIT_CREDIT_CONFIDENCE
                artifacts += cut_spans(
                    doc,
                    block,
                    [
                        (
                            glued.start(),
                            glued.end(),
                            "translation_credit",
                            "translation.credit_inline",
                            confidence,
                        )
                    ],
                )
            else:
                artifacts.append(
                    _credit_artifact(
                        block, glued.start(), glued.end(), credit, "translation.credit_inline"
                    )
                )
    return merge_credits(credits), artifacts


def _overlaps(span: tuple[int, int], taken: list[Cut]) -> bool:
    return any(span[0] < cut[1] and cut[0] < span[1] for cut in taken)


def find_cuts(text: str, detectors: tuple[str, ...]) -> tuple[list[Cut], bool]:
    """Glued links and doubled headlines in one paragraph, as spans to cut.

    The flag says whether near-duplicates that are only reported remain.
    """
    cuts: list[Cut] = []
    flagged = False
    if "inline_link_injection" in detectors:
        cuts += [
            (a, b, "inline_link_injection", f"inline_link_injection.{shape}", INJECTION_CONFIDENCE)
            for a, b, shape in find_link_injections(text)
        ]
    if "duplicate_rendering" in detectors:
        for dup in find_duplicate_renderings(text):
            flagged = flagged or dup.action == "flag"
            if dup.action != "flag" and not _overlaps(dup.cut, cuts):
                confidence = DUPLICATE_CONFIDENCE[dup.action]
                rule = f"duplicate_rendering.{dup.action}"
                cuts.append((*dup.cut, "duplicate_rendering", rule, confidence))
    return cuts, flagged


def _covers(text: str, cuts: list[Cut]) -> bool:
    """True when the cuts leave nothing but spaces and punctuation."""
    kept, position = [], 0
    for start, end in sorted((c[0], c[1]) for c in cuts):
        if start > position:
            kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    return not any(ch.isalnum() for ch in "".join(kept))


def remove_injections(doc: Document, detectors: tuple[str, ...], remove: bool) -> list[Artifact]:
    """Find glued links and doubled headlines; cut them out when ``remove``.

    Near-duplicates that are not clearly injected are only reported, with
    offsets into the paragraph as it is after the cuts. A paragraph that is
    nothing but a link ("Related: The 15 Weirdest Galaxies") is relabelled
    ``related`` instead of being cut to nothing.
    """
    artifacts: list[Artifact] = []
    for block in doc.content:
        cuts, flagged = find_cuts(block.text, detectors)
        if cuts and remove and _covers(block.text, cuts):
            kind, rule, confidence = cuts[0][2], cuts[0][3], cuts[0][4]
            block.relabel("related", f"{rule}.block")
            artifacts.append(
                Artifact(
                    kind,
                    f"{rule}.block",
                    block.index,
                    0,
                    len(block.text),
                    snippet(block.text),
                    confidence,
                    removed=True,
                )
            )
            continue
        if cuts and remove:
            artifacts += cut_spans(doc, block, cuts)
        else:
            artifacts += [
                Artifact(kind, rule, block.index, a, b, snippet(block.text[a:b]), confidence)
                for a, b, kind, rule, confidence in cuts
            ]
        if not flagged:
            continue
        for dup in find_duplicate_renderings(block.text):
            if dup.action == "flag":
                artifacts.append(
                    Artifact(
                        "duplicate_rendering",
                        "duplicate_rendering.flag",
                        block.index,
                        dup.first[0],
                        dup.second[1],
                        f"overlap {dup.overlap}: {snippet(block.text[slice(*dup.second)], 120)}",
                        DUPLICATE_CONFIDENCE["flag"],
                    )
                )
    return artifacts


def scan_blocks(doc: Document, detectors: tuple[str, ...], english: bool) -> list[Artifact]:
    """Run the reporting detectors over every content block."""
    active = [
        (name, REPORTING[name])
        for name in REPORTING
        if name in detectors and (english or name not in ENGLISH_ONLY)
    ]
    found: list[Artifact] = []
    for block in doc.content:
        for _, detect in active:
            found += detect(block.index, block.text)
    return found
