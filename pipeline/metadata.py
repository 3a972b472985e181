"""Read title and author off the labelled blocks.

>>> author_from_byline("by Stephen Lendman (stephenlendman.org – Home – Stephen Lendman")
'Stephen Lendman'
>>> author_from_byline("By Jane Doe and John Roe, Reuters")
'Jane Doe and John Roe'
"""

from __future__ import annotations

import re

from pipeline.model import Block

_BYLINE = re.compile(
    r"^(?:by|written by|posted by|author:?)\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&)){0,6})",
    re.IGNORECASE,
)


def author_from_byline(text: str) -> str | None:
    match = _BYLINE.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    return re.sub(r"\s+(and|&)$", "", name)


def find_author(blocks: list[Block]) -> str | None:
    for block in blocks:
        if block.label == "byline":
            name = author_from_byline(block.text)
            if name:
                return name
    return None
