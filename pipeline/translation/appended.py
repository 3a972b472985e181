"""A complete second article pasted under a "Related" heading becomes its own document.

Syndication sites paste a whole other article below the one they carry
(seed 004: "R E L A T E D :", then a Sputnik News piece with its title and
eighteen paragraphs). The boilerplate rules already keep it out of the main
body (label ``related``); here it is cleaned as a page of its own, with a
link back: ``source`` is the parent's plus ``#appended-N``, ``meta
["appended_to"]`` the parent's id.

Only a complete article qualifies: a title line, then several long
paragraphs, with few short lines among them. A box of related headlines,
each with a one-line teaser, is not an article and stays where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.config import Config
from pipeline.model import Block, Document
from pipeline.sources import doc_id

# A long paragraph has at least this many words; an appended article needs at
# least APPENDED_MIN_LONG_PARAGRAPHS of them and APPENDED_MIN_WORDS in all
# (seed 004's has 17 and 760; a related-links box with teasers has short
# lines between every paragraph, which SHORT_LINES_PER_PARAGRAPH rules out).
LONG_PARAGRAPH_WORDS = 25
APPENDED_MIN_LONG_PARAGRAPHS = 3
APPENDED_MIN_WORDS = 150
# At most one short line (sub-heading, caption) per this many long paragraphs.
SHORT_LINES_PER_PARAGRAPH = 3

_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")


@dataclass(frozen=True)
class Appended:
    """Where an appended article sits in its parent's blocks."""

    heading: int
    blocks: tuple[int, ...]


def _is_title_line(block: Block, config: Config) -> bool:
    return 1 <= block.words <= config.title_max_words and not _SENTENCE_END.search(
        block.text.strip()
    )


def _section_after(blocks: list[Block], heading: int) -> list[Block]:
    section = []
    for block in blocks[heading + 1 :]:
        if block.label != "related" or ">section" not in block.rule:
            break
        section.append(block)
    return section


def is_complete_article(section: list[Block], config: Config) -> bool:
    """A title line, then enough long paragraphs and few short lines."""
    if len(section) < 2 or not _is_title_line(section[0], config):
        return False
    rest = section[1:]
    long_paragraphs = [b for b in rest if b.words >= LONG_PARAGRAPH_WORDS]
    short_lines = [b for b in rest if _is_title_line(b, config)]
    return (
        len(long_paragraphs) >= APPENDED_MIN_LONG_PARAGRAPHS
        and sum(b.words for b in rest) >= APPENDED_MIN_WORDS
        and len(short_lines) <= len(long_paragraphs) // SHORT_LINES_PER_PARAGRAPH
    )


def find_appended(blocks: list[Block], config: Config) -> list[Appended]:
    """Every complete article under a related heading, with the page chrome after it."""
    found = []
    for block in blocks:
        if block.label != "related" or ">section" in block.rule:
            continue
        section = _section_after(blocks, block.index)
        if not is_complete_article(section, config):
            continue
        tail = []
        for after in blocks[section[-1].index + 1 :]:
            if after.label == "content" or (
                after.label == "related" and ">section" not in after.rule
            ):
                break
            tail.append(after.index)
        found.append(Appended(block.index, tuple(b.index for b in section) + tuple(tail)))
    return found


def build_appended(parent: Document, found: Appended, number: int, config: Config) -> Document:
    """Clean the appended article as a page of its own, linked to its parent."""
    from pipeline.stages import run_stages

    source = f"{parent.source}#appended-{number}"
    text = "\n\n".join(parent.blocks[i].text for i in found.blocks)
    child = Document(id=doc_id(source), source=source, text=text)
    child.meta["appended_to"] = parent.id
    for key in ("input_sha256", "input_kind", "input_encoding", "provenance"):
        if key in parent.meta:
            child.meta[key] = parent.meta[key]
    child.meta["appended_from"] = {
        "heading_block": found.heading,
        "blocks": [found.blocks[0], found.blocks[-1]],
    }
    return run_stages(child, config)


def emit_appended_articles(doc: Document, config: Config) -> Document:
    """Put each appended article in ``doc.extra["documents"]`` and note it in the parent."""
    children = []
    for number, found in enumerate(find_appended(doc.blocks, config), start=1):
        child = build_appended(doc, found, number, config)
        if child.body.strip():
            children.append(child)
    if children:
        doc.extra.setdefault("documents", []).extend(children)
        doc.meta["appended_documents"] = [
            {"id": c.id, "source": c.source, "title": c.meta.get("title")} for c in children
        ]
    return doc
