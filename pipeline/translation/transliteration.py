"""Place names in non-standard romanizations, from the curated table data/exonyms.tsv.

A translator working from Russian writes "Khaleb" (Халеб) where English says
Aleppo. The table lists such variants with the English exonym; a match is
reported, never replaced: the reader decides.

>>> [(a.evidence, a.confidence) for a in find_transliterations(0, "We liberated Khaleb.")]
[('Khaleb -> Aleppo (via ru)', 0.95)]
>>> find_transliterations(0, "Aleppo and Homs were liberated; Khalebs is no word.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.translation.artifacts import Artifact

TABLE = Path(__file__).parent / "data" / "exonyms.tsv"


@dataclass(frozen=True)
class Exonym:
    variant: str
    english: str
    kind: str
    route: str
    confidence: float
    note: str = ""


def read_table(path: Path = TABLE) -> list[Exonym]:
    """The rows of the exonym table (comment lines start with '#')."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        variant, english, kind, route, confidence = cells[:5]
        rows.append(
            Exonym(
                variant, english, kind, route, float(confidence), cells[5] if len(cells) > 5 else ""
            )
        )
    return rows


def _variant_pattern(variant: str) -> str:
    return re.escape(variant).replace("'", "['’]").replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, Exonym]]:
    rows = read_table()
    by_key = {row.variant.replace("’", "'").casefold(): row for row in rows}
    variants = sorted((row.variant for row in rows), key=len, reverse=True)
    alternation = "|".join(_variant_pattern(v) for v in variants)
    # Every variant starts with one of these characters. Testing that first
    # skips most positions cheaply (half the search time on a seed page); the
    # matches are the same.
    first = {v[0] for v in variants} | ({"’"} if any(v[0] == "'" for v in variants) else set())
    starts = re.escape("".join(sorted(first)))
    return re.compile(rf"(?=[{starts}])(?<![\w'’-])(?:{alternation})(?![\w'’-])"), by_key


def find_transliterations(block: int, text: str) -> list[Artifact]:
    """Every table variant in ``text`` as a ``transliteration`` artifact."""
    pattern, rows = _matcher()
    found = []
    for match in pattern.finditer(text):
        key = re.sub(r"\s+", " ", match.group()).replace("’", "'").casefold()
        row = rows[key]
        found.append(
            Artifact(
                "transliteration",
                "transliteration.exonym_table",
                block,
                match.start(),
                match.end(),
                f"{match.group()} -> {row.english} (via {row.route})",
                row.confidence,
                details={"variant": match.group(), "english": row.english},
            )
        )
    return found
