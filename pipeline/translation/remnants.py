"""Runs of another script left inside an English text (``script_remnant``).

A translator who leaves "Коммерсантъ" or "سپاه" in the English text, or a
machine that mixes a Cyrillic "а" into "Russiа", leaves a run of non-Latin
letters. Runs are reported per script; a single Greek letter (a symbol in
science prose) is not a remnant.

>>> [(a.evidence, a.details["script"]) for a in find_script_remnants(0, "The Коммерсантъ wrote.")]
[('Коммерсантъ', 'cyrillic')]
>>> [a.rule for a in find_script_remnants(0, "Russiа is big")]
['script_remnant.mixed_word']
>>> find_script_remnants(0, "The α-helix and a Δ of 3°C.")
[]
"""

from __future__ import annotations

import re

from pipeline.translation.artifacts import Artifact

SCRIPTS = {
    "cyrillic": "\u0400-\u052f",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "hebrew": "\u0590-\u05ff",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "armenian": "\u0530-\u058f",
    "georgian": "\u10a0-\u10ff",
    "devanagari": "\u0900-\u097f",
    "thai": "\u0e00-\u0e7f",
    "cjk": "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af",
}
# Letters a run needs before it counts. Greek letters are symbols in English
# science text, so a Greek run needs a whole word; CJK characters are words.
MIN_LETTERS = {"greek": 4, "cjk": 1}
DEFAULT_MIN_LETTERS = 2
CONFIDENCE = 0.9
MIXED_WORD_CONFIDENCE = 0.8

_RUNS = {
    name: re.compile(rf"[{chars}]+(?:[\s\-–,.'’\"«»]+[{chars}]+)*")
    for name, chars in SCRIPTS.items()
}
_ANY_FOREIGN = re.compile("[" + "".join(SCRIPTS.values()) + "]")
# A word of three or more letters mixing Latin and Cyrillic look-alikes.
# Greek is left out: "μm" and "β-blocker" are units and names, not remnants.
_MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])[A-Za-z\u0400-\u04ff]{3,}\b")


def find_script_remnants(block: int, text: str) -> list[Artifact]:
    if not _ANY_FOREIGN.search(text):
        return []
    found = []
    mixed_spans = []
    for match in _MIXED.finditer(text):
        mixed_spans.append((match.start(), match.end()))
        found.append(
            Artifact(
                "script_remnant",
                "script_remnant.mixed_word",
                block,
                match.start(),
                match.end(),
                match.group(),
                MIXED_WORD_CONFIDENCE,
                details={"script": "mixed"},
            )
        )
    for script, pattern in _RUNS.items():
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in mixed_spans):
                continue
            letters = sum(ch.isalpha() for ch in match.group())
            if letters < MIN_LETTERS.get(script, DEFAULT_MIN_LETTERS):
                continue
            found.append(
                Artifact(
                    "script_remnant",
                    f"script_remnant.{script}",
                    block,
                    match.start(),
                    match.end(),
                    match.group(),
                    CONFIDENCE,
                    details={"script": script},
                )
            )
    return sorted(found, key=lambda a: a.start)
