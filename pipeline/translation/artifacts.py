"""What a detector reports, and the small text helpers the detectors share.

An :class:`Artifact` points at a span of one block's text (``start``/``end``
are character offsets into ``Block.text``); the stage adds the offsets into
the clean body once every edit is done. A span that was cut out of the body
keeps its offsets into the block as it was, and a hash instead of its text.

>>> [text[a:b] for text in ["He came. She left! Did they?"] for a, b in sentence_spans(text)]
['He came.', 'She left!', 'Did they?']
>>> english_share("the cat sat on the mat"), english_share("der Hund sitzt auf der Matte")
(0.3333, 0.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from pipeline.model import sha256_hex


@dataclass
class Artifact:
    """One thing a detector found: where, what kind, why, and how sure."""

    kind: str
    rule: str
    block: int
    start: int
    end: int
    evidence: str
    confidence: float
    removed: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self, body_offset: int | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {
            "kind": self.kind,
            "rule": self.rule,
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
        }
        if self.removed:
            record["removed"] = True
        elif body_offset is not None:
            record["body_start"] = body_offset + self.start
            record["body_end"] = body_offset + self.end
        record.update(self.details)
        return record


def removal_evidence(text: str) -> dict[str, Any]:
    """What we keep of a removed span: its size and a hash, never the text."""
    return {"chars": len(text), "sha256": sha256_hex(text)[:16]}


# A sentence ends at . ! ? or … (plus closing quotes/brackets) before a space
# and an upper-case letter, digit or opening quote. Abbreviations ("Mr. Smith")
# split too; every detector that uses sentences tolerates that.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(«\[]?[A-Z0-9А-ЯЁ])")

# Letters only: "Russia’s" is "Russia" and "s". Four times faster than a
# pattern that keeps apostrophes and hyphens inside words.
WORD = re.compile(r"[^\W\d_]+")

# Common English function words that are not also common words in the other
# Latin-script languages of the web ("a", "in", "no", "do", "so", "will", "an",
# "on", "me", "as" and "die" are left out for that reason). Their share of a
# text's words tells English from other Latin-script languages without a
# model: 0.25-0.45 in English prose, under 0.05 in the hand-written French,
# German, Spanish, Portuguese, Italian, Dutch, Turkish, Polish, Swedish and
# Indonesian test sentences (scripts/eval_translation.py).
_FUNCTION_WORDS = """
about after against all also and any are at be because been before being between both but by
can could did does during each for from had has have he her here him his how if into is it its
just may more most my nor not of once only or other our out over own same she should some such
than that the their them then there these they this those through to too under until up very
was we were what when where which while who whom why with would you your
"""
ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``.

    A block is split by the duplicate finder and again by the foreign-sentence
    finder; the split is cached, and each caller gets its own list.
    """
    return list(_sentence_spans(text))


# Blocks of the document in hand, with room for an appended article's.
SPAN_CACHE_SIZE = 512


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return tuple((a, b) for a, b in spans if b > a)


EVIDENCE_CHARS = 200


def snippet(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """``text`` cut to ``limit`` characters for an evidence field."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Sentence(NamedTuple):
    """One sentence of a block with its words, read once for every detector."""

    start: int
    end: int
    words: tuple[str, ...]
    lowered: tuple[str, ...]
    function_words: int


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` (as :func:`sentence_spans`) with their words.

    The duplicate finder, the document language test and the foreign-sentence
    finder all read the same blocks; this does the splitting once.

    >>> [(s.words, s.function_words) for s in sentences("He came. Die Katze!")]
    [(('He', 'came'), 1), (('Die', 'Katze'), 0)]
    """
    found = []
    for start, end in _sentence_spans(text):
        words = tuple(WORD.findall(text, start, end))
        lowered = tuple(map(str.lower, words))
        count = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, lowered))
        found.append(Sentence(start, end, words, lowered, count))
    return tuple(found)


def share(count: int, total: int) -> float:
    """``count / total`` rounded as :func:`english_share` rounds it (0 for no words)."""
    return round(count / total, 4) if total else 0.0


def words_of(text: str) -> list[str]:
    """The words of ``text``; a sentence read by two detectors is split once."""
    return list(_words(text))


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def english_share(text: str, words: list[str] | None = None) -> float:
    """Share of the words of ``text`` that are common English function words."""
    words = words_of(text) if words is None else words
    if not words:
        return 0.0
    return share(function_word_count(words), len(words))


def function_word_count(words: list[str]) -> int:
    """How many of ``words`` are English function words (any case).

    >>> function_word_count(["The", "cat", "IS", "here"])
    3
    """
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words)))
