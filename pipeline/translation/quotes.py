"""Misplaced quotation marks and foreign quote styles (``quote_anomaly``).

Translated text, machine translation above all, opens a quote where it
should close one (`with closed hands, “he said.`), puts a space before a
closing quote (`trusted. ” He`), or keeps the source language's guillemets
and low-9 quotes. Native English has its own quirks that are not artifacts
and stay quiet: a quote left open at the end of a paragraph (English opens
every paragraph of a long quote and closes only the last), a paragraph that
starts mid-quote, straight and curly quotes mixed, nested double quotes,
"’’" for a closing quote, and "»" as a link arrow.

>>> [a.rule for a in find_quote_anomalies(0, "“We stay, “he said. They said no.")]
['quote_anomaly.reopened']
>>> [a.rule for a in find_quote_anomalies(0, "“They can not be trusted. ” He stressed")]
['quote_anomaly.space_before_close']
>>> [a.rule for a in find_quote_anomalies(0, "The paper «Izvestia» wrote.")]
['quote_anomaly.guillemets']
>>> find_quote_anomalies(0, "“We go,” he said. “And we stay.” A “(“Home”)” tune. “An open")
[]
>>> find_quote_anomalies(0, 'was a “ bird lung. ” But "And I asked?” he said. Find one »')
[]
"""

from __future__ import annotations

import re

from pipeline.translation.artifacts import Artifact, snippet

# How sure each finding is an artifact. The rules were narrowed until the
# 181 native articles gave no finding in English text (scripts/eval_translation.py).
REOPENED_CONFIDENCE = 0.7
SPACE_BEFORE_CLOSE_CONFIDENCE = 0.6
GUILLEMET_CONFIDENCE = 0.7

# Curly double quotes, a straight double quote (either way) and "’’" used as
# a closing quote.
_MARKS = re.compile(r"[“”\"]|’’")
_GUILLEMETS = re.compile(r"[«„]")


def find_quote_anomalies(block: int, text: str) -> list[Artifact]:
    found = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text):
        pos, kind = mark.start(), mark.group()
        opening = kind == "“" or (kind == '"' and open_at is None)
        if opening:
            after = text[pos + 1 : pos + 2]
            if open_at is not None and after.islower():
                found.append(
                    Artifact(
                        "quote_anomaly",
                        "quote_anomaly.reopened",
                        block,
                        pos,
                        pos + 1,
                        snippet(text[max(0, pos - 40) : pos + 20]),
                        REOPENED_CONFIDENCE,
                        details={"problem": "opening quote where the open quote should close"},
                    )
                )
                open_at = None  # it was meant to close the quote
                continue
            open_at = pos
            continue
        if (
            open_at is not None
            and text[pos - 1 : pos] == " "
            and text[pos - 2 : pos - 1] in ".!?,"
            and text[open_at + 1 : open_at + 2] != " "
            and re.match(r"\s+[A-Z]", text[mark.end() :])
        ):
            found.append(
                Artifact(
                    "quote_anomaly",
                    "quote_anomaly.space_before_close",
                    block,
                    pos - 1,
                    pos + 1,
                    snippet(text[max(0, pos - 40) : pos + 20]),
                    SPACE_BEFORE_CLOSE_CONFIDENCE,
                    details={"problem": "space before a closing quote"},
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
                f"{len(marks)} guillemet or low-9 opening quote marks",
                GUILLEMET_CONFIDENCE,
            )
        )
    return sorted(found, key=lambda a: a.start)
