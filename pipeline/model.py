"""The one document model every stage reads and returns.

A page is never edited by deleting lines. It is split into :class:`Block` s, and
each block carries a label and the name of the rule that decided it, so the
question "why did this paragraph disappear?" always has an answer in the
metadata. The clean text is derived: the content blocks, joined.

>>> doc = Document(id="d1", source="a.txt", text="Hello.")
>>> doc.blocks = [Block(0, "Hello."), Block(1, "Leave a Reply", "boilerplate:wordpress", "wp.reply")]
>>> doc.body
'Hello.'
>>> [b.text for b in doc.removed]
['Leave a Reply']
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

CONTENT = "content"
"""The label of a block that belongs to the article body."""


@dataclass
class Block:
    """One paragraph or line of a page, with the verdict on it.

    ``label`` is ``content`` or the kind of thing the block is instead:
    ``title``, ``byline``, ``credit``, ``caption``, ``comment``, ``related``,
    ``disclaimer``, ``promo`` or ``boilerplate:<kind>``. ``rule`` names the rule
    or model that decided it. ``gap_before`` counts the blank lines in front
    of it in the source: comment threads use wider gaps between comments.
    """

    index: int
    text: str
    label: str = CONTENT
    rule: str = ""
    gap_before: int = 0
    paragraph: int = 0
    _counted: str | None = field(default=None, repr=False, compare=False)
    _word_count: int = field(default=0, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """The label without its sub-kind: ``boilerplate:wordpress`` -> ``boilerplate``."""
        return self.label.split(":", 1)[0]

    @property
    def words(self) -> int:
        """Whitespace-separated words; counted once per text (labelling asks often)."""
        if self._counted is not self.text:
            self._word_count, self._counted = len(self.text.split()), self.text
        return self._word_count

    def relabel(self, label: str, rule: str) -> None:
        self.label, self.rule = label, rule


@dataclass
class Document:
    """A page on its way through the stages.

    ``text`` is the decoded, repaired page; ``blocks`` its labelled pieces;
    ``meta`` what the stages found out (title, author, language, flags...).
    ``extra`` holds records that travel beside the document and are written
    next to it (comment threads, appended articles).
    """

    id: str
    source: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content(self) -> list[Block]:
        return [b for b in self.blocks if b.label == CONTENT]

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if b.label != CONTENT]

    @property
    def body(self) -> str:
        """The clean main text: content blocks joined with one blank line."""
        return "\n\n".join(b.text for b in self.content)

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)


@dataclass(frozen=True)
class Reject:
    """An input that could not become a document, and why.

    ``reason`` is a short stable token that is counted in run summaries
    (``empty``, ``binary``, ``too_large``, ``undecodable``, ``unreadable``,
    ``no_main_text``...); ``detail`` is for people.
    """

    source: str
    reason: str
    detail: str = ""
    input_sha256: str = ""


def sha256_hex(data: bytes | str) -> str:
    """Hex sha256 of bytes, or of text encoded as UTF-8.

    >>> sha256_hex("abc")[:12]
    'ba7816bf8f01'
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
