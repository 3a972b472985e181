"""Every rule in the registry behaves as its examples say; prose that looks like chrome stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_RULE_KINDS, Config
from pipeline.rules import ALL_RULES, Rule, RuleSet
from pipeline.stages import ruleset_for

NEGATIVES = json.loads((Path(__file__).parent / "data" / "boilerplate_negatives.json").read_text())


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.name for r in ALL_RULES])
def test_rule_examples(rule: Rule) -> None:
    assert [p for p in rule.positive if not rule.matches(p)] == []
    assert [n for n in rule.negative if rule.matches(n)] == []


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["comment"] for c in NEGATIVES])
def test_prose_that_looks_like_boilerplate_is_kept(case: dict[str, str]) -> None:
    rules = ruleset_for(Config().rule_kinds)
    assert rules.first_match(case["text"], header=True) is None


def test_every_rule_has_a_comment_and_a_known_kind() -> None:
    for rule in ALL_RULES:
        assert rule.comment.strip(), rule.name
        assert rule.kind in DEFAULT_RULE_KINDS, rule.name


def test_combined_lookup_agrees_with_rule_by_rule() -> None:
    rules = RuleSet.of(ALL_RULES)
    for rule in ALL_RULES:
        for text in rule.positive:
            first = rules.first_match(text, header=True)
            assert first is not None
            expected = next(r for r in ALL_RULES if r.matches(text))
            assert first.name == expected.name


def test_disabling_a_kind_keeps_its_blocks() -> None:
    kinds = tuple(k for k in DEFAULT_RULE_KINDS if k != "donation")
    assert ruleset_for(kinds).first_match("Support SouthFront") is None
    assert ruleset_for(DEFAULT_RULE_KINDS).first_match("Support SouthFront") is not None


def test_a_rule_without_examples_is_refused() -> None:
    with pytest.raises(ValueError, match="positive and a negative"):
        Rule("x", "share", "boilerplate:share", "^x$", "why", (), ("y",))


def old_first_match(rules: RuleSet, text: str, header: bool) -> Rule | None:
    """RuleSet.first_match before dispatch: every anchored rule in one alternation, then every rule in order."""
    from pipeline.rules.registry import RULE_WINDOW

    window = text[:RULE_WINDOW]
    if rules._anchored.match(window) is None and not any(r.regex.search(window) for r in rules._floating):
        return None
    return next((r for r in rules.rules if (r.scope != "header" or header) and r.matches(text)), None)


def test_dispatch_by_first_character_and_length_finds_what_every_rule_finds() -> None:
    from conftest import SEEDS, SHARED

    lines = [example for rule in ALL_RULES for example in (*rule.positive, *rule.negative)]
    lines += [json.dumps(item) for item in NEGATIVES]
    lines += ["", " x", "©2020 All rights reserved", "\u212a", "ſource: x", "İstanbul"]
    # Positives padded to their rule's max_words and one word past it.
    lines += [" ".join([example] + ["on"] * (rule.max_words - len(example.split()) + extra))
              for rule in ALL_RULES if rule.max_words for example in rule.positive for extra in (0, 1)]
    folders = [SEEDS / "raw", SEEDS / "damaged"]
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                lines += path.read_bytes().decode("utf-8", errors="replace").splitlines()
    articles = SHARED / "datasets" / "articles" / "scrapinghub" / "ground-truth.json"
    if articles.is_file():
        for article in json.loads(articles.read_text(encoding="utf-8")).values():
            lines += article["articleBody"].splitlines()
    for kinds in (DEFAULT_RULE_KINDS, tuple({rule.kind for rule in ALL_RULES})):
        rules = ruleset_for(tuple(kinds))
        hits = 0
        for line in lines:
            text = line.strip()
            for header in (True, False):
                expected = old_first_match(rules, text, header)
                assert rules.first_match(text, header) == expected, (header, text[:60])
                assert rules.first_match(text, header, len(text.split())) == expected, (header, text[:60])
                hits += expected is not None
        assert hits > 100
