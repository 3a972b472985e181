"""Behaviour of the toxicity scorer: rule examples, seed 003 comments, counter-speech, loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import toxicity
from pipeline.toxicity import CATEGORIES, OPERATING_THRESHOLD, ToxicityScore, score_texts
from pipeline.toxicity.model import coarse_grams, load_model, read_model, sentence_flags
from pipeline.toxicity.rules import (
    ALL_RULES,
    QUOTED,
    Rule,
    find_term,
    fire_rules,
    has_counter_speech,
    has_term,
    is_counter_speech,
    load_terms,
    precheck_text,
    split_sentences,
)

CASES = json.loads((Path(__file__).parent / "data" / "toxicity_cases.json").read_text("utf-8"))
MODEL_DATA = Path(__file__).parents[1] / "pipeline" / "toxicity" / "data"


def fired_names(text: str) -> list[str]:
    """Names of the rules that fire on ``text``."""
    return [rule.name for rule in fire_rules(text)]


POSITIVES = [(rule, text) for rule in ALL_RULES for text in rule.positives]
NEGATIVES = [(rule, text) for rule in ALL_RULES for text in rule.negatives]


def rule_id(value: object) -> str:
    """Test ids: the rule name, the example text is in the failure message."""
    return str(getattr(value, "name", ""))


@pytest.mark.parametrize(("rule", "text"), POSITIVES, ids=rule_id)
def test_rule_catches_its_positive_examples(rule: object, text: str) -> None:
    assert rule.name in fired_names(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("rule", "text"), NEGATIVES, ids=rule_id)
def test_rule_leaves_its_negative_examples_alone(rule: object, text: str) -> None:
    assert rule.name not in fired_names(text)  # type: ignore[attr-defined]


def test_every_rule_has_examples_both_ways() -> None:
    for rule in ALL_RULES:
        assert rule.positives and rule.negatives and rule.comment, rule.name
        assert rule.category in CATEGORIES, rule.name


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case_verdict_at_operating_threshold(case: dict[str, object]) -> None:
    (result,) = score_texts([str(case["text"])])
    assert result.toxic is case["toxic"], (case["comment"], result)


def test_seed_toxic_comments_are_filed_as_identity_attacks() -> None:
    seeds = [c["text"] for c in CASES if c["label"].startswith("seed003") and c["toxic"]]
    assert len(seeds) == 3
    for result in score_texts(seeds):
        assert "identity_attack" in result.categories and result.rules


def test_scores_are_probabilities_and_categories_fire_only_when_present() -> None:
    results = score_texts([c["text"] for c in CASES] + ["", "ok"])
    for result in results:
        assert isinstance(result, ToxicityScore)
        assert 0.0 <= result.score <= 1.0
        assert set(result.categories) <= set(CATEGORIES)
        assert all(0.0 < v <= 1.0 for v in result.categories.values())
    assert results[-1].categories == {} and results[-1].rules == ()


def test_threshold_argument_overrides_the_default() -> None:
    text = "You are a moron."
    assert score_texts([text])[0].toxic
    assert not score_texts([text], threshold=0.9)[0].toxic
    assert 0.0 < OPERATING_THRESHOLD < 0.8


def test_profanity_alone_is_not_toxic() -> None:
    (result,) = score_texts(["Fucking hell, what a day."])
    assert not result.toxic and "profanity" in result.categories


def test_model_loads_offline_from_committed_arrays() -> None:
    """No pickle, under the size budget; load time is printed by scripts/eval_toxicity.py."""
    assert not list(MODEL_DATA.glob("*.pkl"))
    model = read_model()
    assert sum(p.stat().st_size for p in MODEL_DATA.iterdir()) < 10_000_000
    assert load_model() is load_model()
    assert model.predict([]).shape == (0,)


def test_mentioning_a_group_does_not_raise_the_model_score() -> None:
    model = load_model()
    plain, jewish = model.predict(["I love my neighbours.", "I love my Jewish neighbours."])
    assert abs(plain - jewish) < 0.05


def test_coarse_block_flags_a_group_with_negative_or_positive_words() -> None:
    assert "ID&NEG2" in sentence_flags(["idterm", "are", "NEG2"])
    assert "ID&POSonly" in sentence_flags(["idterm", "are", "POS2"])
    assert "ID&negation" in sentence_flags(["idterm", "are", "not", "NEG2"])
    assert sentence_flags(["they", "are", "NEG2"]) == []
    assert "are NEG2" in coarse_grams("idterm are disgusting.", 3)
    assert "are POS2" in coarse_grams("idterm are wonderful.", 3)


@pytest.mark.parametrize(("attack", "praise"), [
    ("Honestly, deaf people are useless idiots.", "Honestly, deaf people are great company."),
    ("Hindus are filthy liars.", "Hindus are honest, friendly neighbours."),
    ("Refugees are disgusting criminals who ruin every town.",
     "Refugees are brave people who enrich every town."),
])
def test_model_tells_an_attack_on_a_group_from_praise_of_it(attack: str, praise: str) -> None:
    """Same group, same sentence shape: what is said decides, not who is named."""
    bad, good = load_model().predict([attack, praise])
    assert bad - good > 0.4


EXAMPLE_TEXTS = [text for rule in ALL_RULES for text in rule.positives + rule.negatives] + [
    str(c["text"]) for c in CASES]


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if isinstance(r, Rule)], ids=rule_id)
def test_needs_precheck_never_hides_a_match(rule: Rule) -> None:
    """The pre-check words are a claim about the pattern; every example must bear it out."""
    missed = [t for t in EXAMPLE_TEXTS if rule.pattern.search(t)
              and not all(any(w in t.lower() for w in group) for group in rule.needs)]
    assert missed == []


def test_lexicon_lookup_agrees_with_find_term() -> None:
    for table in ("slurs.txt", "profanity.txt"):
        terms = load_terms(table)
        for text in EXAMPLE_TEXTS + ["Filthy kikes!", "bull-shits", "Scunthorpe"]:
            assert has_term(text, table) == (find_term(text, terms) is not None), text


def test_case_folding_letters_skip_the_precheck() -> None:
    """'ſ' is 's' to re.IGNORECASE but not to str.lower: the pattern must still run."""
    text = "Jews are ſcum."
    assert precheck_text(text) is None
    assert "group_dehumanised" in fired_names(text)


def test_counter_speech_search_over_the_text_matches_the_one_per_sentence() -> None:
    for text in EXAMPLE_TEXTS + ["It is a myth.\nJews control the banks.", "Not\ntrue. Fine."]:
        per_sentence = any(is_counter_speech(s) for s in split_sentences(text))
        assert has_counter_speech(text) == (per_sentence or QUOTED.search(text) is not None), text


def test_repeated_texts_are_scored_from_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Take down the Jew cabal.", "A fair and careful piece, thank you.", "You idiot."]
    toxicity._MODEL_MEMO.clear()
    first = score_texts(texts)
    calls: list[list[str]] = []
    model = load_model()

    class Counting:
        def predict(self, batch: list[str]) -> object:
            calls.append(batch)
            return model.predict(batch)

    monkeypatch.setattr(toxicity, "load_model", lambda: Counting())
    assert score_texts(texts + ["Something new."]) == first + score_texts(["Something new."])
    assert calls == [["Something new."]]


def test_a_batch_larger_than_the_memo_keeps_the_texts_seen_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    toxicity._MODEL_MEMO.clear()
    seen = score_texts(["You idiot."])
    monkeypatch.setattr(toxicity, "MEMO_SIZE", 3)
    batch = ["You idiot.", "one new text", "two new texts", "three new texts", "four new texts"]
    results = score_texts(batch)
    assert results[0] == seen[0] and len(results) == len(batch)
    assert len(toxicity._MODEL_MEMO) <= 3
