"""Split a page into blocks: one block per non-empty line.

Plain-text scrapes put a blank line between paragraphs and a single newline
between the items of a widget ("0 $\\n2,500 $\\n5,000 $") or the lines of a
footer, so each line is a block. ``gap_before`` keeps how many blank lines
stood in front of it (comment threads separate comments with wider gaps),
``paragraph`` which blank-line-separated paragraph it belongs to.

>>> [(b.text, b.gap_before, b.paragraph) for b in split_blocks("Title\\n\\nA\\nB\\n\\n\\nC")]
[('Title', 0, 0), ('A', 1, 1), ('B', 0, 1), ('C', 2, 2)]
"""

from __future__ import annotations

from pipeline.model import Block


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    gap = 0
    paragraph = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            gap += 1
            continue
        if blocks and gap:
            paragraph += 1
        blocks.append(Block(len(blocks), line, gap_before=gap if blocks else 0, paragraph=paragraph))
        gap = 0
    return blocks
