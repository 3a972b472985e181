"""The comment stage's shortcuts find exactly what the plain code finds.

Each shortcut has a switch that turns it off (the definition); these tests run
both on the seed pages (raw and damaged), every pattern example and made-up
edge lines, and compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import SEEDS

import pipeline.comments.patterns as P
from pipeline.regex_guard import last_char_guard


def _seed_lines() -> Iterator[str]:
    if not SEEDS.is_dir():
        return
    for path in sorted(SEEDS.rglob("*.txt")):
        yield from path.read_text(encoding="utf-8", errors="replace").splitlines()


EDGE_LINES = (
    "", " ", "John says:", "Anonymous said...", "Jane said…", "Jane Doe | June 3, 2019",
    "Jane • 3 years ago", "Bob on 3 June 2019 at 4:12 p.m.", "Bob 4:12 PM", "Bob 4:12 pm.",
    "yesterday", "Kelvin \u212a 5 \u212aGO", "\u0661\u0662/\u0660\u0663/\u0662\u0660\u0661\u0669",
    "3 YEARS AGO", "Reply", "REPLY \u2022 SHARE \u203a", "+3 votes", "View 3 replies",
    "Older Comments \u00bb", "June 3, 2019 (edited)", "x" * 300 + " says:", "a.m.", "…",
)


def _all_lines() -> list[str]:
    examples = [t for p in P.LINE_PATTERNS for t in (*p.positive, *p.negative)]
    return list(dict.fromkeys([*EDGE_LINES, *examples, *_seed_lines()]))


def _spans(name: str, line: str) -> tuple[object, ...] | None:
    m = P.match_line(name, line)
    return None if m is None else (m.span(), m.groupdict())


@pytest.mark.parametrize("name", list(P.PATTERNS))
def test_tail_check_keeps_every_line_match(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _all_lines()
    fast = [_spans(name, line) for line in lines]
    monkeypatch.setattr(P, "CHECK_TAILS", False)
    assert fast == [_spans(name, line) for line in lines]
    assert any(fast)  # the lines hold matches: the comparison can fail


def test_tail_check_refuses_long_comment_lines() -> None:
    line = "Did the author really read what the ministry wrote about it?"
    assert P.PATTERNS["author_date"].tail is not None
    assert all(P.PATTERNS[n].tail.match(line, len(line) - 1) is None  # type: ignore[union-attr]
               for n in ("author_says", "author_date"))


def test_last_char_guard_follows_optional_endings() -> None:
    tail = last_char_guard(re.compile(r"^(?:ab(?:cd)?e*)$"))
    assert tail is not None and tail.pattern == "[edb]"
    assert last_char_guard(re.compile(r"(?:ab)?")) is None  # may be empty
    assert last_char_guard(re.compile(r"a.")) is None
