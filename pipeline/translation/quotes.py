"""Unbalanced or misplaced quotation marks (``quote_anomaly``).

Translated text, machine translation above all, opens a quote where it should
close one (`with closed hands, “he said.`), puts a space before a closing
quote (`trusted. ” He`), or keeps the source language's guillemets and
low-9 quotes. Only curly double quotes are checked for balance: straight
quotes are also inch marks. A quote left open at the end of a paragraph is
not an anomaly: English opens every paragraph of a long quote and closes
only the last.

>>> [a.rule for a in find_quote_anomalies(0, "We will be there, “he said. They said: “no.”")]
['quote_anomaly.reopened']
>>> [a.rule for a in find_quote_anomalies(0, "They can not be trusted. ” He stressed")]
['quote_anomaly.space_before_close']
>>> [a.rule for a in find_quote_anomalies(0, "The paper «Izvestia» wrote.")]
['quote_anomaly.guillemets']
>>> find_quote_anomalies(0, "“We go,” he said. “And we stay.” The paper wrote “no” twice. “An open")
[]
"""

from __future__ import annotations

import re

from pipeline.translation.artifacts import Artifact

# How sure each finding is an artifact (tuned on the seeds and the 181 native
# articles with scripts/eval_translation.py).
REOPENED_CONFIDENCE = 0.6
STRAY_CLOSE_CONFIDENCE = 0.5
SPACE_BEFORE_CLOSE_CONFIDENCE = 0.6
GUILLEMET_CONFIDENCE = 0.7

_MARKS = re.compile(r"[“”]")
_SPACE_BEFORE_CLOSE = re.compile(r"[.!?,]\s+”(?=\s+[A-Z])")
_GUILLEMETS = re.compile(r"[«»„]")


def find_quote_anomalies(block: int, text: str) -> list[Artifact]:
    found = []
    spaced = {m.end() - 1 for m in _SPACE_BEFORE_CLOSE.finditer(text)}
    open_at: int | None = None
    for mark in _MARKS.finditer(text):
        pos = mark.start()
        if mark.group() == "“":
            if open_at is not None:
                found.append(
                    Artifact(
                        "quote_anomaly",
                        "quote_anomaly.reopened",
                        block,
                        pos,
                        pos + 1,
                        f"second opening quote at {pos}; the one at {open_at} never closed",
                        REOPENED_CONFIDENCE,
                    )
                )
            open_at = pos
            continue
        if pos in spaced:
            found.append(
                Artifact(
                    "quote_anomaly",
                    "quote_anomaly.space_before_close",
                    block,
                    pos - 1,
                    pos + 1,
                    "space before a closing quote",
                    SPACE_BEFORE_CLOSE_CONFIDENCE,
                )
            )
        elif open_at is None and text[:pos].strip():
            found.append(
                Artifact(
                    "quote_anomaly",
                    "quote_anomaly.stray_close",
                    block,
                    pos,
                    pos + 1,
                    "closing quote with no opening quote before it",
                    STRAY_CLOSE_CONFIDENCE,
                )
            )
        open_at = None
    marks = list(_GUILLEMETS.finditer(text))
    if marks:
        found.append(
            Artifact(
                "quote_anomaly",
                "quote_anomaly.guillemets",
                block,
                marks[0].start(),
                marks[-1].end(),
                f"{len(marks)} guillemet or low-9 quote marks",
                GUILLEMET_CONFIDENCE,
            )
        )
    return sorted(found, key=lambda a: a.start)
