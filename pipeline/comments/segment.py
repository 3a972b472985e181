"""Split a page's comment section into comments: author, date, body, visible replies.

The boilerplate rules already label the comment area (everything after "Leave
a Reply", "Notify of", "N thoughts on …", a Disqus header) ``comment``; this
module reads those blocks in order and decides where one comment ends and the
next begins. What a text dump still shows:

- an author line: a short name-like line followed by text ("Night Hunter"),
  or a header line ("John Smith says:", "Jane Doe | June 3, 2019");
- a date line above or below the text ("June 3, 2019 at 4:12 pm", "3 years ago");
- action links that close a comment ("Reply", "Like", "Reply • Share ›");
- a wider blank gap than the section's usual one between paragraphs (seed 003
  puts two blank lines before an unsigned comment, one between paragraphs);
- a reply relation only where it is printed: "Reply to Name" lines and
  "@Name" at the start of the text. Indentation is lost in text, so nesting
  is otherwise invisible, and :attr:`Comment.reply_to` stays ``None``.

>>> from pipeline.model import Block
>>> lines = ["Jane Doe says:", "June 3, 2019 at 4:12 pm", "Great piece.", "Reply",
...          "Bob", "Reply to Jane Doe", "@Jane Doe not really.", "Reply"]
>>> blocks = [Block(0, "Leave a Reply", "boilerplate:wordpress", "wp.comment_form_start")]
>>> blocks += [Block(i + 1, t, "comment", "wp.comment_form_start>section", 1)
...            for i, t in enumerate(lines)]
>>> for c in segment_comments(blocks):
...     print(c.index, c.author, c.date, c.text, c.reply_to)
0 Jane Doe June 3, 2019 at 4:12 pm Great piece. None
1 Bob None @Jane Doe not really. 0
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from pipeline.blocks import split_blocks
from pipeline.comments.patterns import looks_like_author, match_line
from pipeline.model import Block
from pipeline.rules import ALL_RULES

# Registry rules whose blocks are comment widgets rather than comment text, but
# that carry what the segmenter needs (reply links close a comment, relative
# dates, "Reply to X").
WIDGET_RULES = frozenset({"comments.reply_link"})


@lru_cache(maxsize=1)
def comment_openers() -> frozenset[str]:
    """Names of the registry rules that open a comment section."""
    return frozenset(r.name for r in ALL_RULES
                     if r.scope == "section" and r.section_label == "comment")


@dataclass
class Comment:
    """One reader comment. ``blocks`` maps each of its block indices to the role it plays."""

    index: int
    author: str | None = None
    date: str | None = None
    body: list[str] = field(default_factory=list)
    reply_to: int | None = None
    reply_evidence: str | None = None
    parent_name: str | None = None
    blocks: dict[int, str] = field(default_factory=dict)
    source: str = "text"
    closed: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    @property
    def words(self) -> int:
        return len(self.text.split())


def section_items(blocks: list[Block]) -> list[Block | None]:
    """The blocks of the comment sections, in order; ``None`` where a section opens."""
    openers = comment_openers()
    rules = list(map(attrgetter("rule"), blocks))
    if openers.isdisjoint(rules):  # most pages have none: one pass in C
        return []
    first = next(i for i, rule in enumerate(rules) if rule in openers)
    items: list[Block | None] = []
    for block in blocks[first:]:
        if block.rule in openers:
            items.append(None)
        elif block.label == "comment" and ">" in block.rule or block.rule in WIDGET_RULES:
            items.append(block)
    return items


def wide_gap(items: list[Block | None]) -> int:
    """The blank-line gap that separates comments: one more than the usual gap in the section.

    >>> wide_gap([Block(0, "a", gap_before=1), Block(1, "b", gap_before=1),
    ...           Block(2, "c", gap_before=2)])
    2
    """
    gaps = [b.gap_before for b in items if b is not None]
    return int(statistics.median_low(gaps)) + 1 if gaps else 2


def _next_item(items: list[Block | None], pos: int) -> Block | None:
    return items[pos + 1] if pos + 1 < len(items) else None


def _opens_text(block: Block | None) -> bool:
    """What may follow an author line: a date, a reply line or the comment's text."""
    if block is None:
        return False
    text = block.text
    if match_line("date", text) or match_line("reply_to", text):
        return True
    return block.rule not in WIDGET_RULES and not is_marker(text) and not _starts_comment(block)


def _starts_comment(block: Block | None) -> bool:
    if block is None:
        return True
    text = block.text
    return looks_like_author(text) or _author_header(text) is not None


def is_marker(text: str) -> bool:
    """An action link or list control ("Reply", "Liked by 1 person", "View 3 replies")."""
    return bool(match_line("closing_marker", text) or match_line("list_marker", text))


@lru_cache(maxsize=1024)
def _author_header(text: str) -> tuple[str, str | None] | None:
    """(author, date) from a header line, when the name part looks like a name.

    Remembered: each block is asked once as the line read and once as the line after an
    author line, and on a long comment the two header patterns were most of segmenting."""
    for name in ("author_says", "author_date"):
        m = match_line(name, text)
        if m and looks_like_author(m.group("author").strip(" |•·,–—-")):
            return m.group("author").strip(" |•·,–—-"), m.group("date")
    return None


def segment_comments(blocks: list[Block]) -> list[Comment]:
    """Comments in page order; a comment with no text (an orphan author line) is dropped."""
    items = section_items(blocks)
    if not items:
        return []
    wide = wide_gap(items)
    comments: list[Comment] = []
    cur: Comment | None = None

    def start() -> Comment:
        nonlocal cur
        cur = Comment(len(comments))
        comments.append(cur)
        return cur

    for pos, block in enumerate(items):
        if block is None:
            cur = None
            continue
        text, nxt = block.text, _next_item(items, pos)
        reply = match_line("reply_to", text)
        date = match_line("date", text)
        header = None if date else _author_header(text)
        if reply and looks_like_author(reply.group("parent")):
            c = cur if cur is not None and not cur.body and cur.parent_name is None else start()
            c.parent_name, c.reply_evidence = reply.group("parent").strip(), "reply_to_line"
            c.blocks[block.index] = "comments.reply_to"
        elif date:
            # above the text (wpDiscuz, Disqus) or below it (Blogger), else a new comment's
            same = cur is not None and not cur.date and (not cur.body or not _opens_text(nxt))
            c = cur if same and cur is not None else start()
            c.date = date.group("date")
            c.blocks[block.index] = "comments.date"
            c.closed = c.closed or bool(c.body)
        elif header is not None:
            c = start()
            c.author, c.date = header
            c.blocks[block.index] = "comments.author"
        elif block.rule in WIDGET_RULES or is_marker(text):
            if cur is not None and cur.body:
                cur.closed = True
            if block.rule not in WIDGET_RULES:
                (cur or start()).blocks[block.index] = "comments.marker"
        elif looks_like_author(text) and _opens_text(nxt):
            c = start()
            c.author = text
            c.blocks[block.index] = "comments.author"
        else:
            c = cur if cur is not None else start()
            if c.closed or (c.body and block.gap_before >= wide):
                c = start()
            c.body.append(text)
            c.blocks[block.index] = "comments.body"
    return renumber([c for c in comments if c.body])


def renumber(comments: list[Comment]) -> list[Comment]:
    """Give comments their final positions and resolve the reply relations that can be seen."""
    for i, c in enumerate(comments):
        c.index = i
    for c in comments:
        resolve_reply(c, comments[:c.index])
    return comments


_MENTION = re.compile(r"^@([\w.'’-]+(?:[ _][\w.'’-]+){0,3})")


def _norm(name: str) -> str:
    return re.sub(r"[\s_.]+", " ", name).strip().casefold()


def resolve_reply(comment: Comment, earlier: list[Comment]) -> None:
    """Point ``reply_to`` at the latest earlier comment by the named parent ("Reply to X", "@X")."""
    name, evidence = comment.parent_name, comment.reply_evidence
    if name is None:
        m = _MENTION.match(comment.text)
        if not m:
            return
        name, evidence = m.group(1), "mention"
    wanted = _norm(name)
    for other in reversed(earlier):
        author = _norm(other.author or "")
        if author and (author == wanted or wanted.startswith(author + " ")
                       or author.startswith(wanted)):
            comment.reply_to, comment.reply_evidence = other.index, evidence
            return


def comment_from_text(text: str, index: int = 0) -> Comment:
    """One comment from a string the HTML extractor found (one comment per string).

    Leading header lines are read as on a page (author, "says:", date, "Reply
    to X"); the last line is always text, so a lone name stays a comment.

    >>> c = comment_from_text("Jane Doe\\n3 years ago\\nI disagree with the author.")
    >>> c.author, c.date, c.text
    ('Jane Doe', '3 years ago', 'I disagree with the author.')
    >>> comment_from_text("Short and sweet").author is None
    True
    """
    lines = [b.text for b in split_blocks(text)]
    comment = Comment(index, source="html")
    pos = 0
    while pos < len(lines) - 1 and pos < 3:
        line = lines[pos]
        header = _author_header(line)
        if (m := match_line("date", line)) and comment.date is None:
            comment.date = m.group("date")
        elif (m := match_line("reply_to", line)) and comment.parent_name is None:
            comment.parent_name, comment.reply_evidence = m.group("parent").strip(), "reply_to_line"
        elif header is not None and comment.author is None:
            comment.author, comment.date = header[0], comment.date or header[1]
        elif looks_like_author(line) and comment.author is None:
            comment.author = line
        else:
            break
        pos += 1
    comment.body = lines[pos:]  # the loop leaves at least one line
    return comment
