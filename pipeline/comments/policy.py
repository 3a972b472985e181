"""The thread policy: which comments leave with a toxic one.

In order:

1. a comment whose score reaches the threshold is removed (``toxic``);
2. a reply to a removed comment is removed with it (``reply_to_toxic``), and so
   on down the thread. Replies are what the page shows ("Reply to X", "@X")
   plus, when ``comment_infer_replies`` is on, a short comment written in the
   second person ("you", "your", "@") right after a toxic one: in a flat text
   dump that is how a reply to it looks (seed 003: "boy, where do you collect
   such stupidities???" answers the antisemitic comment above it);
3. when the page shows no reply relation at all (nesting cannot be seen) and
   at least ``comment_section_toxic_share`` of the comments, and two or more,
   are toxic, the section is judged toxic and removed whole (``section_toxic``):
   the other comments are then most likely answers to hate we cannot place;
4. a kept comment that repeats QUOTE_MIN_WORDS words in a row of a removed
   toxic one is removed too (``quotes_toxic``), so toxic text never reaches a
   file inside a quote.

>>> from pipeline.comments.segment import Comment
>>> texts = ["Fine.", "Hate.", "You are wrong."]
>>> comments = [Comment(i, body=[t]) for i, t in enumerate(texts)]
>>> decide_removals(comments, [False, True, False], ThreadPolicy())
['', 'toxic', 'reply_to_toxic']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.comments.patterns import addresses_someone
from pipeline.comments.segment import Comment
from pipeline.config import Config

# An inferred reply is short: the replies to toxic comments in seed 003 and the
# ETHOS/Stormfront threads we read are one or two sentences. A long comment after
# a toxic one is more often a new point about the article.
INFERRED_REPLY_MAX_WORDS = 40
# Shared run of words that counts as quoting a removed comment; 6 words is
# above common phrases ("at the end of the day") and below a quoted sentence.
QUOTE_MIN_WORDS = 6

# A section is judged toxic only with at least this many toxic comments: with one,
# removing it and its visible or inferred replies is enough, and a two-comment
# section would otherwise lose its one harmless comment at a share of 0.5.
SECTION_MIN_TOXIC = 2

REASONS = ("toxic", "reply_to_toxic", "section_toxic", "quotes_toxic")


@dataclass(frozen=True)
class ThreadPolicy:
    """The knobs of the policy, as written into every record that used it."""

    threshold: float | None = None
    section_toxic_share: float = 0.5
    infer_replies: bool = True

    @classmethod
    def from_config(cls, config: Config) -> ThreadPolicy:
        return cls(config.toxicity_threshold, config.comment_section_toxic_share,
                   config.comment_infer_replies)

    def as_dict(self) -> dict[str, Any]:
        # vars(), not asdict(): the fields are plain values, and asdict's deep copy was a
        # tenth of the comment stage on pages with comments.
        return {"name": "remove_toxic_threads", **vars(self)}


def infer_replies(comments: Sequence[Comment], toxic: Sequence[bool]) -> None:
    """Mark a short second-person comment right after a toxic one as its reply (in place)."""
    for prev, comment in zip(comments, comments[1:], strict=False):
        if (
            comment.reply_to is None
            and toxic[prev.index]
            and comment.words <= INFERRED_REPLY_MAX_WORDS
            and addresses_someone(comment.text)
        ):
            comment.reply_to, comment.reply_evidence = prev.index, "inferred_next_after_toxic"


def section_is_toxic(comments: Sequence[Comment], toxic: Sequence[bool], share: float) -> bool:
    """No visible nesting, at least SECTION_MIN_TOXIC toxic comments and ``share`` of them all."""
    if sum(toxic) < SECTION_MIN_TOXIC or any(c.reply_to is not None for c in comments):
        return False
    return sum(toxic) / len(comments) >= share


def decide_removals(comments: Sequence[Comment], toxic: Sequence[bool],
                    policy: ThreadPolicy) -> list[str]:
    """A reason per comment: '' to keep it, else one of :data:`REASONS`."""
    if section_is_toxic(comments, toxic, policy.section_toxic_share):
        return ["toxic" if t else "section_toxic" for t in toxic]
    if policy.infer_replies:
        infer_replies(comments, toxic)
    reasons: list[str] = []
    for comment, is_toxic in zip(comments, toxic, strict=True):
        parent = comment.reply_to
        if is_toxic:
            reasons.append("toxic")
        elif parent is not None and parent < len(reasons) and reasons[parent]:
            reasons.append("reply_to_toxic")
        else:
            reasons.append("")
    kept = [i for i, reason in enumerate(reasons) if not reason]
    if not kept or not any(toxic):
        return reasons
    removed = frozenset().union(*(shingle_set(c.text) for c, t in zip(comments, toxic, strict=True) if t))
    for i in kept:
        if not removed.isdisjoint(shingle_set(comments[i].text)):
            reasons[i] = "quotes_toxic"
    return reasons


SHINGLE_MEMO = 2048
"""Comment texts whose shingles are remembered: a thread comes back whole when its page is
cleaned again with one more comment, and the same comment is then checked again."""


@lru_cache(maxsize=SHINGLE_MEMO)
def shingle_set(text: str) -> frozenset[str]:
    """:func:`_shingles` of ``text`` with ``QUOTE_MIN_WORDS``, as a set, remembered."""
    return frozenset(_shingles(text, QUOTE_MIN_WORDS))


_WORD = re.compile(r"\w+")


def _shingles(text: str, n: int) -> Iterator[str]:
    """Every run of ``n`` words, lowercased and joined by spaces (none when the text is shorter).

    Strings, not tuples: a tuple is tracked by the garbage collector when it is made, and the
    ~200 of a long comment set off collections that cost the whole pipeline ~1 % of its time;
    words hold no spaces, so two joined runs are equal exactly when the words are."""
    words = _WORD.findall(text.casefold())
    return map(" ".join, zip(*(words[k:] for k in range(n)), strict=False))


def quotes_any(text: str, others: Sequence[str], n: int = QUOTE_MIN_WORDS) -> bool:
    """True when ``text`` shares ``n`` words in a row with any of ``others``.

    >>> quotes_any('He wrote "take down the criminal cabal in the UN" and that is vile.',
    ...            ["We must take down the criminal cabal in the UN now."])
    True
    >>> quotes_any("Take it down now.", ["We must take down the criminal cabal in the UN now."])
    False
    """
    pooled = {gram for other in others for gram in _shingles(other, n)}
    return not pooled.isdisjoint(_shingles(text, n))
