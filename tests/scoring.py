"""The seed scorer's word-level F1, re-stated so tests do not import ../shared code."""

from __future__ import annotations

import collections
import re
import unicodedata

FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\xa0": " "})


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").translate(FOLD).lower()


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", normal(text)).strip()


def word_f1(candidate: str, gold: str) -> float:
    c = collections.Counter(re.findall(r"\w+", normal(candidate)))
    g = collections.Counter(re.findall(r"\w+", normal(gold)))
    hit = sum((c & g).values())
    if not hit:
        return 0.0
    p, r = hit / sum(c.values()), hit / sum(g.values())
    return 2 * p * r / (p + r)
