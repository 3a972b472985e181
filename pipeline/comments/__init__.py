"""Reader comment threads: segment, score, strip the toxic ones, keep the rest apart (issue 4).

The boilerplate rules have already kept the comment section out of the body
(label ``comment``). This stage splits it into comments
(:mod:`pipeline.comments.segment`), scores every comment in one batch with
:func:`pipeline.toxicity.score_texts`, applies the thread policy
(:mod:`pipeline.comments.policy`) and then:

- relabels the blocks: kept comment text ``comment`` / ``comments.kept``, author,
  date and reply lines ``comment`` / ``comments.author`` (``.date``, ``.reply_to``),
  removed comments ``comment:toxic`` / ``comments.toxic:<categories>`` (or
  ``comment:toxic_thread`` / ``comments.reply_to_toxic``, ``comments.section_toxic``,
  ``comments.quotes_toxic``);
- puts the non-toxic comments in ``doc.extra["comments"]``, which the store writes
  beside the version as ``v000001.comments.json``;
- puts a summary in ``doc.meta["comments"]``: counts, and for each removed
  comment only its score, categories and hashes. Toxic text, and the names of
  those who wrote it, never reach a file.

Comments the HTML extractor found (``doc.extra["html_comments"]``, one string per
comment) go through the same scoring and policy; the raw list is taken out of
``extra`` so that it is never written as it came.

>>> from pipeline.model import Block, Document
>>> doc = Document("d", "d.txt", "")
>>> opener, inside = "wp.comment_form_start", "wp.comment_form_start>section"
>>> doc.blocks = [Block(0, "Body.", "content"),
...               Block(1, "Leave a Reply", "boilerplate:wordpress", opener),
...               Block(2, "Jane Doe", "comment", inside, 1),
...               Block(3, "A fair and careful piece, thank you.", "comment", inside, 1)]
>>> doc = split_comment_threads(doc, Config())
>>> [c["author"] for c in doc.extra["comments"]["comments"]], doc.meta["comments"]["kept"]
(['Jane Doe'], 1)
>>> [(b.label, b.rule) for b in doc.blocks[2:]]
[('comment', 'comments.author'), ('comment', 'comments.kept')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from pipeline.comments.policy import ThreadPolicy, decide_removals
from pipeline.comments.segment import Comment, comment_from_text, renumber, segment_comments
from pipeline.config import Config
from pipeline.model import Block, Document, sha256_hex

HASH_CHARS = 16


def find_comments(doc: Document) -> list[Comment]:
    """The page's comments: those in its text, then those the HTML extractor found."""
    comments = segment_comments(doc.blocks)
    html = [t for t in doc.extra.get("html_comments") or [] if isinstance(t, str) and t.strip()]
    comments += [comment_from_text(t, len(comments) + i) for i, t in enumerate(html)]
    return renumber(comments)


def split_comment_threads(doc: Document, config: Config) -> Document:
    """The stage: find, score and sort the page's comments (see the module docstring)."""
    comments = find_comments(doc)
    return sort_comments(doc, comments, score_texts_of(scoring_texts(comments), config), config)


def split_comment_threads_many(docs: Sequence[Document], config: Config) -> list[Document | Exception]:
    """The stage on many pages, their comments scored in one call.

    The model's cost per call is mostly fixed (numpy set-up: ~0.9 ms for one
    comment, ~0.3 ms each for 75 at once), and a page has a few comments at
    most. A text's score does not depend on the others in the call, so each
    page gets what :func:`split_comment_threads` gives it alone. Each position
    holds the page or the error that stopped it; if scoring the chunk fails,
    every page is tried alone, so one bad page stays one reject.
    """
    found: list[list[Comment] | Exception] = []
    for doc in docs:
        try:
            found.append(find_comments(doc))
        except Exception as err:  # noqa: BLE001 - one bad page never stops a chunk
            found.append(err)
    texts = [scoring_texts(c) if isinstance(c, list) else [] for c in found]
    try:
        scores = iter(score_texts_of([t for page in texts for t in page], config))
    except Exception:  # noqa: BLE001 - let each page meet its own error
        return [_stage_or_error(doc, config) for doc in docs]
    done: list[Document | Exception] = []
    for doc, comments, page_texts in zip(docs, found, texts, strict=True):
        page_scores = [next(scores) for _ in page_texts]
        if isinstance(comments, Exception):
            done.append(comments)
            continue
        try:
            done.append(sort_comments(doc, comments, page_scores, config))
        except Exception as err:  # noqa: BLE001 - one bad page never stops a chunk
            done.append(err)
    return done


def _stage_or_error(doc: Document, config: Config) -> Document | Exception:
    try:
        return split_comment_threads(doc, config)
    except Exception as err:  # noqa: BLE001 - one bad page never stops a chunk
        return err


def scoring_texts(comments: Sequence[Comment]) -> list[str]:
    """What is scored for a page: every comment's text, then every author name once.

    An author name that is toxic itself (a slur as a display name) is withheld
    from the kept record.
    """
    return [c.text for c in comments] + comment_authors(comments)


def comment_authors(comments: Sequence[Comment]) -> list[str]:
    return sorted({c.author for c in comments if c.author})


def score_texts_of(texts: Sequence[str], config: Config) -> list[Any]:
    if not texts:
        return []
    from pipeline.toxicity import score_texts  # loads numpy and the model: only pages with comments pay

    return score_texts(texts, config.toxicity_threshold)


def sort_comments(doc: Document, comments: Sequence[Comment], scored: Sequence[Any],
                  config: Config) -> Document:
    """Apply the thread policy to scored comments (``scored`` as :func:`scoring_texts` lists them)."""
    doc.extra.pop("html_comments", None)
    policy = ThreadPolicy.from_config(config)
    if not comments:
        doc.meta["comments"] = summarise_comments([], [], [], policy, False)
        return doc
    scores = scored[:len(comments)]
    withheld = {a for a, s in zip(comment_authors(comments), scored[len(comments):], strict=True) if s.toxic}
    reasons = decide_removals(comments, [s.toxic for s in scores], policy)
    relabel_blocks(doc.blocks, comments, reasons, scores)
    summary = summarise_comments(comments, scores, reasons, policy, "section_toxic" in reasons,
                                 withheld)
    doc.meta["comments"] = summary
    kept = [kept_record(c, s, c.author not in withheld)
            for c, s, r in zip(comments, scores, reasons, strict=True) if not r]
    if config.keep_clean_comments and kept:
        doc.extra["comments"] = {"policy": summary["policy"], "comments": kept}
    return doc


def relabel_blocks(blocks: list[Block], comments: Sequence[Comment], reasons: Sequence[str],
                   scores: Sequence[Any]) -> None:
    """Give every block of a comment the label and rule that say what became of it."""
    by_index = {b.index: b for b in blocks}
    for comment, reason, score in zip(comments, reasons, scores, strict=True):
        for index, role in comment.blocks.items():
            block = by_index.get(index)
            if block is None:
                continue
            if role == "comments.marker":
                block.relabel("boilerplate:comment_widget", role)
            elif not reason:
                block.relabel("comment", "comments.kept" if role == "comments.body" else role)
            elif reason == "toxic":
                categories = "+".join(sorted(score.categories)) or "score"
                block.relabel("comment:toxic", f"comments.toxic:{categories}")
            else:
                block.relabel("comment:toxic_thread", f"comments.{reason}")


def kept_record(comment: Comment, score: Any, show_author: bool) -> dict[str, Any]:
    """What downstream users get for a kept comment."""
    return {
        "index": comment.index,
        "author": comment.author if show_author else None,
        "date": comment.date,
        "text": comment.text,
        "score": score.score,
        "categories": dict(score.categories),
        "reply_to": comment.reply_to,
        "reply_evidence": comment.reply_evidence if comment.reply_to is not None else None,
        "source": comment.source,
    }


def _hash(text: str | None) -> str | None:
    return sha256_hex(text)[:HASH_CHARS] if text else None


def summarise_comments(comments: Sequence[Comment], scores: Sequence[Any], reasons: Sequence[str],
                       policy: ThreadPolicy, section_removed: bool,
                       withheld: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """Counts and, for removed comments, hashes only: this goes into the document's metadata."""
    removed = [
        {
            "index": c.index,
            "reason": r,
            "author_sha256": _hash(c.author),
            "score": s.score,
            "categories": dict(s.categories),
            "words": c.words,
            "sha256": _hash(c.text),
        }
        for c, s, r in zip(comments, scores, reasons, strict=True) if r
    ]
    policy_used = dict(policy.as_dict(), section_removed=section_removed)
    if comments and policy.threshold is None:
        from pipeline.toxicity import OPERATING_THRESHOLD

        policy_used["threshold"] = OPERATING_THRESHOLD
    return {
        "count": len(comments),
        "kept": len(comments) - len(removed),
        "removed": len(removed),
        "removed_by_reason": dict(Counter(r for r in reasons if r)),
        "removed_toxic": removed,
        "authors_withheld": len(withheld),
        "from_html": sum(c.source == "html" for c in comments),
        "policy": policy_used,
    }


__all__ = ["Comment", "find_comments", "segment_comments", "split_comment_threads",
           "split_comment_threads_many"]
