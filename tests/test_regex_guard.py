"""The first-character guards change no match of the toxicity patterns.

pipeline.regex_guard puts a lookahead in front of a pattern; the claim is that
every search, match and substitution finds the same spans as the bare
pattern. Checked on every guarded pattern of the scorer against the
project's comment texts (and HateCheck and ETHOS when ../shared is there).
"""

from __future__ import annotations

import csv
import json
import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from conftest import REPO, SHARED

from pipeline.regex_guard import first_chars, guard
from pipeline.toxicity import model, rules

GUARD = re.compile(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)\(\?:(.*)\)", re.DOTALL)
TOXICITY = SHARED / "datasets" / "toxicity"


def unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    found = GUARD.fullmatch(pattern.pattern)
    assert found, pattern.pattern[:60]
    return re.compile(found.group(1), pattern.flags)


def guarded_patterns() -> list[re.Pattern[str]]:
    found = [rule.pattern for rule in rules.ALL_RULES if isinstance(rule, rules.Rule)]
    found += [rules.COUNTER_SPEECH, rules.HEDGE, rules.REPORTED, rules.JUDGED_HERE, rules.JUDGED_NEAR,
              rules.ENDORSED, model.IDENTITY_TERMS]
    return [p for p in found if p.pattern.startswith("(?=[")]


def texts() -> list[str]:
    found: list[str] = []
    for name in ("toxicity_cases.json", "toxicity_rebuttals.json", "toxicity_rebuttals_blind.json"):
        path = REPO / "tests" / "data" / name
        if path.exists():
            found += [json.dumps(item) for item in json.loads(path.read_text(encoding="utf-8"))]
    synthetic = REPO / "pipeline" / "toxicity" / "data" / "synthetic.jsonl"
    found += [json.loads(line)["text"] for line in synthetic.read_text(encoding="utf-8").splitlines() if line]
    hatecheck = TOXICITY / "hatecheck" / "test_suite_cases.csv"
    if hatecheck.exists():
        with hatecheck.open(encoding="utf-8") as handle:
            found += [row["test_case"] for row in csv.DictReader(handle)]
    ethos = TOXICITY / "ethos" / "Ethos_Dataset_Binary.csv"
    if ethos.exists():
        found += [line.rsplit(";", 1)[0] for line in ethos.read_text(encoding="utf-8").splitlines()[1:]]
    return found


def test_most_toxicity_patterns_are_guarded() -> None:
    assert len(guarded_patterns()) >= 20


@pytest.mark.parametrize("pattern", guarded_patterns(), ids=lambda p: p.pattern[:40])
def test_guard_finds_the_same_spans(pattern: re.Pattern[str]) -> None:
    bare = unguarded(pattern)
    corpus = texts()
    differ = [t[:60] for t in corpus
              if [m.span() for m in pattern.finditer(t)] != [m.span() for m in bare.finditer(t)]]
    assert differ == []


def test_unknown_first_characters_leave_the_pattern_alone() -> None:
    for source in (r"a*b", r"(?=x)y", r"[^a]b", r".b", r"(?i:a)b", r"a|"):
        assert guard(re.compile(source)).pattern == source
    assert first_chars(sre_parse.parse(r"\b(?:ab|c+d|[xy]z)")) == {"a", "c", "x", "y"}


def test_ignorecase_guard_matches_every_case_form() -> None:
    # The guard is compiled with the pattern's flags: the Kelvin sign folds to k.
    pattern = guard(re.compile(r"\bkike\b", re.IGNORECASE))
    assert pattern.pattern.startswith("(?=[k])")
    for text in ("KIKE", "Kike", "\u212aike"):
        assert pattern.search(text) is not None, text
