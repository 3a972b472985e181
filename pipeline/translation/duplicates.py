"""The same sentence rendered twice in a row (``duplicate_rendering``).

A related-article link scraped with both its anchor text and its title
attribute, or a machine translation that kept two candidate renderings,
leaves two sentences that say the same thing back to back (seed 002: "What
position does Russia and the EU have in the US-Iran conflict? What is the
position of Russia and the EU in the US-Iran conflict?").

Two neighbouring sentences are renderings of one when their content words
(lower-cased, function words dropped) overlap almost completely. When both
are short and hold no quotation, they are a headline injected twice and both
leave the body; otherwise the second copy is flagged and, when it repeats the
first word for word, removed.

>>> text = ("They concern the region. What position does Russia and the EU have in the US-Iran "
...         "conflict? What is the position of Russia and the EU in the US-Iran conflict? "
...         "“We do not sell allies.”")
>>> [(d.action, text[slice(*d.cut)]) for d in find_duplicate_renderings(text)]  # doctest: +ELLIPSIS
[('remove_both', 'What position does ... What is the position of ... US-Iran conflict? ')]
>>> find_duplicate_renderings("Russia said no. The talks failed. Russia said no to the talks.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.translation.artifacts import ENGLISH_FUNCTION_WORDS, sentences, words_of

# Content-word Jaccard overlap at or above which two sentences are one
# rendered twice. The seed-002 pair scores 1.0; the closest native pair in the
# 181 articles and seeds 000/001 scores under 0.6 (eval_translation.py).
MIN_OVERLAP = 0.8
# Both sentences need this many content words: "He said no. He said no."
# is too little to go on.
MIN_CONTENT_WORDS = 4
# A pair of sentences at most this long, with no quotation marks, is an
# injected headline: both copies go.
HEADLINE_MAX_WORDS = 20
EXTRA_FUNCTION_WORDS = frozenset({"a", "an", "in", "on", "as", "so", "do", "no", "will", "me", "i"})

_QUOTES = re.compile(r"[\"“”«»]")


@dataclass(frozen=True)
class Duplicate:
    """Two renderings: where each is, what to cut from the block, and how sure."""

    first: tuple[int, int]
    second: tuple[int, int]
    overlap: float
    action: str  # "remove_both", "remove_second" or "flag"
    cut: tuple[int, int]


_NOT_CONTENT = ENGLISH_FUNCTION_WORDS | EXTRA_FUNCTION_WORDS


def content_words(sentence: str) -> set[str]:
    return {w for w in map(str.lower, words_of(sentence)) if w not in _NOT_CONTENT}


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words of two sentences (0 when too few).

    >>> overlap("What position does Russia and the EU have in the conflict?",
    ...         "What is the position of Russia and the EU in the conflict?")
    1.0
    """
    return _jaccard(content_words(a), content_words(b))


def _jaccard(wa: set[str], wb: set[str]) -> float:
    if min(len(wa), len(wb)) < MIN_CONTENT_WORDS:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _is_headline(sentence: str) -> bool:
    return len(sentence.split()) <= HEADLINE_MAX_WORDS and not _QUOTES.search(sentence)


def _end_with_space(text: str, end: int) -> int:
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def find_duplicate_renderings(text: str) -> list[Duplicate]:
    read = sentences(text)
    if len(read) < 2:
        return []
    spans = [(s.start, s.end) for s in read]
    words = [set(s.lowered).difference(_NOT_CONTENT) for s in read]
    found = []
    n = 0
    while n + 1 < len(spans):
        (a0, a1), (b0, b1) = spans[n], spans[n + 1]
        first, second = text[a0:a1], text[b0:b1]
        score = _jaccard(words[n], words[n + 1])
        if score < MIN_OVERLAP:
            n += 1
            continue
        if _is_headline(first) and _is_headline(second):
            action, cut = "remove_both", (a0, _end_with_space(text, b1))
        elif first.strip() == second.strip():
            action, cut = "remove_second", (a1, b1)
        else:
            action, cut = "flag", (b0, b1)
        found.append(Duplicate((a0, a1), (b0, b1), round(score, 3), action, cut))
        n += 2
    return found
