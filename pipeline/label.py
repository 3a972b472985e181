"""Give every block a label and the name of the rule that decided it.

Three passes, each small:

1. :func:`apply_rules` runs the registry over each block in page order and
   keeps track of sections: a comment form heading opens the comment area, a
   "Related" heading the related-articles area, an author promo its short
   tail. Blocks inside a section take its label unless a rule names them.
2. :func:`mark_title` finds the title (the first short block before any
   content) and every later copy of it.
3. :func:`mark_captions` and :func:`inherit_continuations` tidy up what the
   rules cannot see alone.
"""

from __future__ import annotations

import re

from pipeline.config import Config
from pipeline.model import CONTENT, Block
from pipeline.rules import RuleSet

_SENTENCE_END = re.compile(r"[.!?…:;,]['\"”’)\]]*$")
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$|^(al|bin|ibn|de|van|von|der|el|da|di|la|le)-?$")


def apply_rules(blocks: list[Block], rules: RuleSet, config: Config) -> None:
    """Label blocks by the registry, with sections (see module docstring)."""
    section = ""
    section_rule = ""
    seen_content = False
    for block in blocks:
        rule = rules.first_match(block.text, header=not seen_content)
        if rule is not None:
            block.relabel(rule.label, rule.name)
            if rule.scope == "section":
                section, section_rule = rule.section_label, rule.name
            continue
        if section == "promo" and block.words > config.promo_max_words:
            section = ""
        if section:
            block.relabel(section, f"{section_rule}>section")
            continue
        # The header (title, byline, credits) ends at the first block that reads
        # like body text rather than a heading.
        seen_content = seen_content or not looks_like_title(block, config)


def normalise_title(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def looks_like_title(block: Block, config: Config) -> bool:
    return 1 <= block.words <= config.title_max_words and not re.search(r"[.!?]['\"”’)]*$", block.text)


def mark_title(blocks: list[Block], config: Config) -> str | None:
    """Label the title block and its later copies; return the title text.

    The title is the first unlabelled block, when it is short and does not
    end like a sentence. A page often repeats it (HTML <title> and <h1> both
    end up in the dump), so every later block with the same words is a
    ``title`` too (rule ``title.duplicate``).
    """
    title: str | None = None
    for block in blocks:
        if block.label != CONTENT:
            continue
        if looks_like_title(block, config):
            block.relabel("title", "title.first_short_block")
            title = block.text
        break
    if title is None:
        return None
    key = normalise_title(title)
    for block in blocks:
        if block.label == CONTENT and normalise_title(block.text) == key:
            block.relabel("title", "title.duplicate")
    return title


def mark_captions(blocks: list[Block], config: Config) -> None:
    """Label image captions: short name-like lines repeated from a neighbour.

    A picture of a person is captioned with the name the paragraph beside
    it already uses ("Qassem Soleimani"). Section headings ("Protecting
    Syria") are not repeated from the text around them, so they stay.
    """
    content = [b for b in blocks if b.label == CONTENT]
    for i, block in enumerate(content):
        words = block.text.split()
        if not 2 <= len(words) <= config.caption_max_words or _SENTENCE_END.search(block.text):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        neighbours = content[max(0, i - 1):i] + content[i + 1:i + 2]
        if any(block.text in n.text and n.words > 3 * len(words) for n in neighbours):
            block.relabel("caption", "caption.name_repeated_from_neighbour")


def inherit_continuations(blocks: list[Block]) -> None:
    """A wrapped line (same paragraph, starts in lower case) shares its line's fate.

    "Re-publications are welcome, but we kindly ask you,\\nto facilitate ..."
    is one disclaimer over three lines; only the first matches a rule.
    """
    for prev, block in zip(blocks, blocks[1:], strict=False):
        if (
            (block.label == CONTENT or block.rule.endswith(">section"))
            and prev.label != CONTENT
            and not prev.rule.endswith(">section")
            and block.gap_before == 0
            and block.text[:1].islower()
        ):
            block.relabel(prev.label, f"{prev.rule}>continuation")
