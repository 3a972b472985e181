"""Sending only some lines to ftfy changes nothing (issue 3: skip work that cannot change the result).

ftfy runs at about 1 MB/s, so pipeline.repair gives it only the lines that
:func:`~pipeline.repair.needs_ftfy` says it could change. The claim is
checked here the only way it can be: repairing with the pre-check and with
every line sent to ftfy must give the same text, on the seeds, their
damaged copies, the 181 article bodies and hand-made damage.
"""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, SHARED

from pipeline import repair
from pipeline.decode import decode_bytes

ARTICLES = SHARED / "datasets" / "articles" / "scrapinghub" / "ground-truth.json"

HAND_MADE = [
    "Itâ€™s a â€œtestâ€\u009d of Ã©tÃ©",   # UTF-8 read as cp1252 / latin-1
    "Ã\xa0 la carte and Â\xa0price",   # mojibake whose second byte was 0xA0
    "price\xa0list, 10\xa0km\xa0away",       # honest no-break spaces
    "R&amp;D at AT&amp;T &#8220;quoted&#8221; &nbsp;and R&D, Q & A, a&b;",
    "eﬁcient ﬂow\x85next \x80 euro",
    "Ð\u009fÑ\u0080Ð¸Ð²ÐµÑ\u0082 Ð¼Ð¸Ñ\u0080",  # Russian as UTF-8 read as latin-1
    "ÐŸÑ€Ð¸Ð²ÐµÑ‚",                          # Russian as UTF-8 read as cp1252
    "e\u0301te\u0301, Ｆｕｌｌ width and a\u200bzero width",
    "C:\\Users\\x and \\\"quoted\\\" and “\\Why",
]


def corpus() -> list[str]:
    texts = list(HAND_MADE)
    if SEEDS.is_dir():
        for folder in ("raw", "damaged"):
            texts += [decode_bytes(p.read_bytes()).text for p in sorted((SEEDS / folder).glob("*.txt"))]
    if ARTICLES.is_file():
        texts += [a["articleBody"] for a in json.loads(ARTICLES.read_text(encoding="utf-8")).values()]
    return texts


def repair_every_line(text: str) -> str:
    original = repair.needs_ftfy
    repair.needs_ftfy = lambda line: True
    try:
        return repair.repair_text(text).text
    finally:
        repair.needs_ftfy = original


def test_the_shared_corpus_is_used_when_present() -> None:
    if not ARTICLES.is_file():
        pytest.skip("../shared is not beside the repository")
    assert len(corpus()) > 200


def test_skipping_lines_changes_nothing() -> None:
    differ = [text[:60] for text in corpus() if repair.repair_text(text).text != repair_every_line(text)]
    assert differ == []


def test_the_precheck_skips_ordinary_lines() -> None:
    # Without this the test above would pass with a pre-check that sends everything to ftfy.
    assert not repair.needs_ftfy("It’s “fine” — really… 10\xa0km for R&D, Q & A")
    assert repair.needs_ftfy("Itâ€™s") and repair.needs_ftfy("AT&amp;T") and repair.needs_ftfy("Ã\xa0")


def tidy_every_line(line: str) -> str:
    """tidy_line without its shortcuts: every substitution on every line."""
    line = repair._ZERO_WIDTH.sub("", line)
    line = repair._ODD_SPACES.sub(" ", line)
    line = repair._ESCAPED_QUOTE.sub(r"\1", line)
    line = repair._STRAY_ESCAPE.sub("", line)
    line = repair._MULTI_SPACE.sub(" ", line)
    return line.strip()


def test_tidy_line_shortcuts_change_nothing() -> None:
    lines = [line for text in corpus() for line in text.replace("\r", "\n").split("\n")]
    lines += ["a\tb  c", "a\u00a0\u200bb", "x \\\"y\\\" z", "  lead and trail  ", "é\t\u2009x"]
    differ = [line[:60] for line in lines if repair.tidy_line(line) != tidy_every_line(line)]
    assert differ == []
