"""How likely a document is a translation, and why.

Each kind of evidence has a weight, the chance on its own that the page is a
translation; independent pieces combine as 1 - prod(1 - weight). A credit
line settles it; a foreign-language quotation or a glued link, which native
pages have too, counts for little.

>>> likely_translated({"transliteration": 1, "quote_anomaly": 3, "duplicate_rendering": 1}, None)
(0.721, ['duplicate_rendering x1', 'quote_anomaly x3', 'transliteration x1'])
>>> likely_translated({"translation_credit": 1}, Credit("ru", "J.Hawk", "inosmi.ru", True))
(1.0, ['credited translation from ru'])
"""

from __future__ import annotations

from pipeline.translation.credits import Credit

# Weight per artifact and how many of each count. Set by hand from the seeds
# (002, an uncredited machine translation, must score over 0.5; 004, a native
# English piece with one misspelt place name, must stay under it) and checked
# against the 181 native articles with scripts/eval_translation.py.
WEIGHTS = {
    "translation_credit": (1.0, 1),
    "transliteration": (0.35, 2),
    "duplicate_rendering": (0.3, 1),
    "quote_anomaly": (0.15, 3),
    "script_remnant": (0.2, 1),
    "foreign_sentence": (0.1, 1),
    "inline_link_injection": (0.1, 1),
}
# A foreign outlet credited as the source ("Source: Kommersant") without the
# word "translation".
INFERRED_SOURCE_WEIGHT = 0.6


def likely_translated(counts: dict[str, int], credit: Credit | None) -> tuple[float, list[str]]:
    """(score in 0..1, the reasons) from artifact counts and the merged credit."""
    keep = 1.0
    reasons = []
    if credit is not None and credit.explicit:
        keep = 0.0
        reasons.append(
            f"credited translation from {credit.source_language or 'an unnamed language'}"
        )
    elif credit is not None and credit.source_language:
        keep *= 1 - INFERRED_SOURCE_WEIGHT
        reasons.append(f"source credited to a {credit.source_language}-language outlet")
    for kind in sorted(counts):
        if kind == "translation_credit" or not counts[kind]:
            continue
        weight, cap = WEIGHTS.get(kind, (0.0, 0))
        keep *= (1 - weight) ** min(counts[kind], cap)
        reasons.append(f"{kind} x{counts[kind]}")
    return round(1 - keep, 3), reasons
