"""Behaviour of the toxicity scorer: rule examples, seed 003 comments, counter-speech, loading."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline import toxicity
from pipeline.toxicity import (
    CATEGORIES,
    OPERATING_THRESHOLD,
    ToxicityScore,
    asserted_scores,
    combine,
    score_texts,
)
from pipeline.toxicity.counter_speech import (
    QUOTED,
    asserted_text,
    blank_quotes,
    counter_flags,
    has_counter_speech,
    precheck_text,
    split_sentences,
    strip_hedges,
    unguarded_tail,
)
from pipeline.toxicity.lexicon import find_term, has_term, load_terms
from pipeline.toxicity.model import coarse_grams, load_model, read_model, sentence_flags
from pipeline.toxicity.rules import ALL_RULES, Rule, fire_rules, needed_words_in

TEST_DATA = Path(__file__).parent / "data"
CASES = json.loads((TEST_DATA / "toxicity_cases.json").read_text("utf-8"))
REBUTTALS = json.loads((TEST_DATA / "toxicity_rebuttals.json").read_text("utf-8"))
"""Hand-written rebuttals of antisemitic and other hate, ordinary heated comments, and the
hateful originals; written before the counter-speech work of round four, then tuned on."""
REBUTTAL_KNOWN_MISSES = {
    "late_adv_the_media_says_the_holocaust": "denial split over two sentences; no rule sees it",
    "late_adv_people_say_jews_don_t": "'that's a lie' about a denial reads as a rebuttal",
    "late_adv_everyone_who_says_the_jews": "missed: model 0.58 under round seventeen's threshold 0.62",
}
"""Check-set lines the scorer gets wrong, kept as strict xfails so a fix shows up."""
BLIND = json.loads((TEST_DATA / "toxicity_rebuttals_blind.json").read_text("utf-8"))
"""A second hand-written set, written before the round-four work and first scored at its end."""
BLIND_KNOWN_MISSES = {
}
"""Blind-set lines the scorer got wrong when first scored; left as found so the set stays
blind. Fixing one turns its xfail green loudly; then move it out of this table."""
BLIND5 = json.loads((TEST_DATA / "toxicity_blind_round5.json").read_text("utf-8"))
"""A third blind set (16 hateful, 16 rebuttals, 16 ordinary), committed before it was first
scored; nothing has been tuned on it. First scoring: 9 of 16 hateful caught, 1 of 16
rebuttals and 0 of 16 ordinary comments flagged."""
BLIND5_KNOWN_MISSES = {
    "b5_rebut_soros": "names the trope ('Jewish puppet master') to rebut it with 'just the old "
                      "story', which is no cue",
}
"""Left as first scored, so the set stays blind; a fix turns its xfail green loudly. The
coded-antisemitism rules of round eight (same last names, Israel-firsters, happy merchant,
kosher tax, 'six million is a made-up number') took five lines out; those misses were named
in the brief for that work, so for these tropes the set is no longer blind."""
BLIND6 = json.loads((TEST_DATA / "toxicity_blind_round6.json").read_text("utf-8"))
"""A fourth blind set (20 hateful, 15 of them coded antisemitism; 20 rebuttals that name the
same dog whistles; 20 ordinary lines), committed alone before it was scored. Scored before
the coded-antisemitism rules: 4 of 20 hateful caught, 0 of 20 rebuttals and 0 of 20 ordinary
flagged; after them (first scoring, nothing tuned on it): 18/20, 3/20, 0/20. Written by the
same person who wrote those rules, from the same list of tropes: the hateful figure is
optimistic for comments written by others."""
BLIND6_KNOWN_MISSES = {
    "b6_hate_same_names_central_banks": "the power noun is in the sentence before 'Same names, "
                                        "every single time'; model 0.16",
    "b6_rebut_early_life": "'if someone tells you to check the early life section' has no cue",
    "b6_rebut_kosher_tax_hoax": "'the kosher tax story is a hoax': 'hoax' is no cue and the "
                                "rule only spares 'the kosher tax is a hoax'",
}
"""Left as first scored after the round-eight rules; a fix turns its xfail green loudly. One
has turned green since: b6_rebut_gorillion_grandfather ('People who write '6 gorillion' are
mocking murdered children'), by the 'mocking the victims' cue, which was written for a
rebuttal probe (tests/data/toxicity_coded_probes.json) after this miss had been seen: that
line no longer counts as blind."""
CODED_PROBES = json.loads((TEST_DATA / "toxicity_coded_probes.json").read_text("utf-8"))
"""Probes written after the round-eight rules to attack them, and tuned on (not blind): neutral
uses of the coded words ('the same surname', 'paid in shekels' as a wage, a child missing
near a synagogue) that the first version flagged (9 of 25), coded hate in other words, and
rebuttals that name the dog whistles (8 of 20 flagged before the naming-a-code cues, 2 after)."""
CODED_PROBE_KNOWN_MISSES = {
    "coded_hate_six_million_the_number_is": "denial by arithmetic; no predicate a rule knows",
    "coded_rebut_whenever_someone_says_to_check_the": "a report ('someone says to check the early "
                                                  "life section') with no judgement word",
    "coded_rebut_anyone_who_says_hitler_was_right": "'was right' in the reported claim reads as "
                                              "agreement (ENDORSED), so 'banned' does not count",
    "coded_ok_funny_how_they_always_give": "ordinary flagged by the model (0.65) since round "
                                           "sixteen's training comments",
}
PROBES9 = json.loads((TEST_DATA / "toxicity_probes_round9.json").read_text("utf-8"))
"""Round nine: 42 lines (r9_*: obfuscated slurs, threats to one person, Holocaust mockery,
group exclusion, and their lookalikes and rebuttals) written before the rules and tuned on
(not blind: before 6/20 hateful caught, 0/22 others flagged; after 20/20, 0/22), and 30 lines
(r9late_*) written after the rules and committed before their first scoring (hateful 5/15
caught before the rules, 9/15 after; 0/15 others flagged both times)."""
PROBES9_KNOWN_MISSES = {
    "r9late_hate_keep_it_up_sweetheart_and": "'see what happens to you' is not 'find out what "
                                             "happens to traitors'; model 0.18",
    "r9late_hate_a_few_more_articles_like": "'pay you a visit' (as b5_hate_threat_journalist); model 0.15",
    "r9late_hate_shame_they_didn_t_finish": "approval of the Holocaust without a name; no rule",
}
"""Left as first scored, so the late lines keep telling something."""
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


WORD_VECTORS = Path(__file__).parents[1] / "scripts" / "data" / "word_vectors.npz"


def test_per_word_values_reproduce_the_mean_vector_block() -> None:
    """Training sees the mean of a text's word vectors; scoring adds the mean of one value
    per word. For any block weights the two must agree, or the shipped model is not the
    trained one."""
    import numpy as np

    from pipeline.toxicity.model import mask_identities, mean_vectors, mean_word_values

    with np.load(WORD_VECTORS) as saved:
        words = saved["words"].tolist()
        vectors = saved["vectors"].astype(np.float32)
    index = {w: i for i, w in enumerate(words)}
    weights = np.random.default_rng(0).normal(size=vectors.shape[1]).astype(np.float32)
    per_word = vectors @ weights
    values = {w: float(per_word[i]) for w, i in index.items()}
    texts = [*EDGE_TEXTS, "Jews are cockroaches.", "idterm idterm", "zzqx qqzv", "",
             "I can't stand the rain, it's awful!", "Roaches, pests and vermin: all of them."]
    masked = [mask_identities(t) for t in texts]
    expected = mean_vectors(masked, index, vectors) @ weights
    assert np.allclose(mean_word_values(masked, values), expected, atol=1e-5)
    assert mean_word_values(["idterm zzqx"], values)[0] == 0.0


def test_shipped_word_values_cover_the_vector_vocabulary() -> None:
    """Every word with a vector has a value in the model, and words the data rarely name
    with a group still lean the way their meaning does."""
    import numpy as np

    with np.load(WORD_VECTORS) as saved:
        words = set(saved["words"].tolist())
    values = load_model().word_values
    assert set(values) == words
    vile = np.mean([values[w] for w in ("vermin", "parasites", "cockroaches", "subhuman")])
    kind = np.mean([values[w] for w in ("neighbours", "friends", "welcome", "kind")])
    assert vile > kind + 0.5


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


def test_one_scan_finds_every_needs_word_a_substring_search_finds() -> None:
    """Overlapping words ("jewish" holds "jew", "banking elite" holds "elite") are all found."""
    words = {word for rule in ALL_RULES if isinstance(rule, Rule) for group in rule.needs for word in group}
    texts = EXAMPLE_TEXTS + [t for cases, _ in CHECK_SETS for t in (str(c["text"]) for c in cases)]
    texts += ["jewishjewish", "the zionists' banking elite", "f*cker herders the only good one"]
    wrong = [t[:60] for t in texts
             if (low := t.lower()) and needed_words_in(low) != {w for w in words if w in low}]
    assert wrong == []


OBFUSCATED = ["you f*ggots", "K*KES!", "n1gg3rs", "a n i g g e r", "k.i.k.e", "sand n*ggers",
              "f***ing", "f*cking", "d*ke", "n*****", "*igger", "covid19 2019 4x4", "u s a",
              "sp#cs and r3t@rds", "f@g!", "the n-word"]


def test_lexicon_lookup_agrees_with_find_term() -> None:
    for table in ("slurs.txt", "profanity.txt"):
        terms = load_terms(table)
        for text in EXAMPLE_TEXTS + OBFUSCATED + ["Filthy kikes!", "bull-shits", "Scunthorpe"]:
            for decode in (False, True):
                assert has_term(text, table, decode) == (find_term(text, terms, decode) is not None), (
                    text, decode)


@pytest.mark.parametrize(("text", "slur"), [
    ("you f*ggots", True), ("K*KES!", True), ("n1gg3rs", True), ("a n i g g e r", True),
    ("k.i.k.e", True), ("sand n*ggers", True), ("sp#cs and r3t@rds", True),
    ("f***ing", False), ("f*cking", False), ("d*ke", False), ("n*****", False), ("*igger", False),
    ("covid19 2019 4x4", False), ("u s a", False), ("the n-word", False)])
def test_masked_and_digit_spelt_slurs_are_decoded_but_profanity_is_not(text: str, slur: bool) -> None:
    """A mask stands for one letter; too few visible letters, a first-letter mask, a fit with a
    swear word ("f***ing": "fucking", not "fagging") or a dropped homonym ("d*ke") decode to nothing."""
    assert has_term(text, "slurs.txt", decode=True) is slur
    # The table itself spells a few with digits ("n1gg3r", "r3t@rd"); a mask it never has.
    assert has_term(text, "slurs.txt") is (text in {"n1gg3rs", "sp#cs and r3t@rds"})


@pytest.mark.parametrize(("masked", "plain"), [
    ("The J3WS control the banks.", "The Jews control the banks."),
    ("G*psies are thieves.", "Gypsies are thieves."),
    ("Mu$lims should all be deported.", "Muslims should all be deported."),
    ("Imm1grants should all be locked up in cages.", "Immigrants should all be locked up in cages.")])
def test_a_masked_group_noun_fires_the_rules_the_word_would(masked: str, plain: str) -> None:
    assert fired_names(plain) and fired_names(masked) == fired_names(plain)


@pytest.mark.parametrize("text", [
    "Top 3 j**s for grads: nursing, plumbing.",  # two visible letters: could be anything
    "The f*cking blacks of the new kit look great.",  # the mask is in a swear word, not a group
    "Our 4x4 club drives to the c0ast in 2024.",
    "I love the J3WS of the book club."])
def test_unmasking_leaves_other_words_and_kind_sentences_alone(text: str) -> None:
    assert not any(r.category == "identity_attack" for r in fire_rules(text)), text


def test_case_folding_letters_skip_the_precheck() -> None:
    """'ſ' is 's' to re.IGNORECASE but not to str.lower: the pattern must still run."""
    text = "Jews are ſcum."
    assert precheck_text(text) is None
    assert "group_dehumanised" in fired_names(text)


def test_counter_speech_search_over_the_text_matches_the_one_per_sentence() -> None:
    texts = EXAMPLE_TEXTS + [str(c["text"]) for c in REBUTTALS + BLIND + BLIND5 + BLIND6
                             + CODED_PROBES + PROBES9] + [
        "It is a myth.\nJews control the banks.", "Not\ntrue. Fine.",
        "He said Jews are rats.\nVile.", "He said Jews are rats. He is right. Vile."]
    for text in texts:
        per_sentence = any(counter_flags(split_sentences(text)))
        assert has_counter_speech(text) == (per_sentence or QUOTED.search(text) is not None), text


BLIND7 = json.loads((TEST_DATA / "toxicity_blind_round7.json").read_text("utf-8"))
"""Written by someone who saw neither the rules nor the other sets (25 hateful, 25 rebuttals,
25 ordinary), committed before it was first scored. First scoring: 12 of 25
hateful caught, 2 of 25 rebuttals and 0 of 25 ordinary comments flagged. Its misses then shaped
the brief for the round-nine rules, so it is no longer blind."""
BLIND7_KNOWN_MISSES = {
    "b7_hateful_dual_loyalty_register": "missed: model 0.625 under round eighteen's threshold 0.63",
    "b7_hateful_oven_joke": "missed: score 0.19, no rule fired",
    "b7_rebuttal_holocaust_education": "rebuttal flagged by holocaust_denial",
    "b7_ordinary_fing_government": "ordinary flagged by the model (0.62) since round twelve's training comments",
    "b7_hateful_blood_libel_gaza": "missed: model 0.596 under round seventeen's threshold 0.62",
}

BLIND8 = json.loads((TEST_DATA / "toxicity_blind_round8.json").read_text("utf-8"))
"""Written like round seven by someone who saw nothing of the project (30 hateful, 30 rebuttals,
30 ordinary), committed before the round-nine rules were merged. Scored once before them (17 of 30
hateful caught, 4 of 30 rebuttals and 0 of 30 ordinary comments flagged) and once after (19/30,
4/30, 0/30). Afterwards the insult rule learnt intensifiers ('you absolute moron') and
self_harm_incitement was added, after b8_hateful_kys_commenter had been seen missed: that line is no
longer blind, and 19/30 stays the set's figure. Round ten's retrained model: 21/30, 5/30, 0/30;
its code-word cues: 21/30, 3/30, 0/30."""
BLIND8_KNOWN_MISSES = {
    "b8_hateful_hitler_right": "missed: score 0.18, no rule fired",
    "b8_hateful_diversity_sarcasm": "missed: score 0.12, no rule fired",
    "b8_hateful_woman_journalist_slap": "missed: score 0.36, no rule fired",
    "b8_rebuttal_cabal_sarcasm": "rebuttal flagged by group_conspiracy_noun, group_controls",
}

BLIND9 = json.loads((TEST_DATA / "toxicity_blind_round9.json").read_text("utf-8"))
"""Written like rounds seven and eight by someone who saw nothing of the project (30 hateful, 12
of them antisemitic; 30 rebuttals; 30 ordinary), committed before it was first scored. Scored
once with the scorer of that moment (15 of 30 hateful caught, 4 of 30 rebuttals and 0 of 30
ordinary comments flagged) and once after the model was retrained with round ten's training
comments, which were written before and apart from it (18/30, 4/30, 0/30). Its misses were
then read, and four general kinds among them got a fix: plural slurs in -ies ("trannies"),
"I'll show up at your door", "go back to your country/cave" and the "13% ... 50% of the
crime" slogan; then a slur named in quotes ("called my mom a 'ch*nk'", "'k*kes' is still the
slur") stopped counting as its use. 22/30, 2/30, 0/30; 23/30 since round ten's rule for
threats to a place of worship. These figures are no longer blind."""
BLIND9_KNOWN_MISSES = {
    "b9_rebuttal_globalist_codeword": "rebuttal flagged by replacement_conspiracy",
    "b9_rebuttal_happy_merchant_explain": "rebuttal flagged by happy_merchant",
}


BLIND10 = json.loads((TEST_DATA / "toxicity_blind_round10.json").read_text("utf-8"))
"""Written like rounds seven to nine by someone who saw nothing of the project (40 hateful, 16 of
them antisemitic; 40 rebuttals, 18 about antisemitism; 40 ordinary), committed before it was first
scored, after the session's other changes. First scoring: 18 of 40 hateful caught, 8 of 40
rebuttals and 0 of 40 ordinary comments flagged. (Before that scoring, a diff tool of mine printed
which rules fire on its lines; nothing was changed between that and the scoring.) Six of the eight
flagged rebuttals explained a code word or quoted slurs, and the cues for that were then widened
("ZOG stands for", "a neo-Nazi marker", "got called a 'p*ki'", lists of quoted words): 18/40,
1/40, 0/40; then four of its missed kinds got rules (threats to a mosque or synagogue, "check
the surnames of every network CEO", "the same tribe that engineered", "their first loyalty is
to Tel Aviv"): 22/40, 1/40, 0/40 since. Neither is a blind figure."""
BLIND10_KNOWN_MISSES = {
    "b10_hateful_holocaust_numbers": "missed: score 0.11, no rule fired",
    "b10_hateful_monkey_insult": "missed: score 0.36, no rule fired",
    "b10_hateful_retard_insult": "missed: score 0.32, no rule fired",
    "b10_rebuttal_noticing_rebut": "rebuttal flagged by group_controls",
    "b10_hateful_asian_driving": "missed: score 0.57 (threshold 0.60), no rule fired",
}

def verdict_cases(cases: list[dict[str, object]], known_misses: dict[str, str]) -> list[object]:
    """The cases as test parameters, the known misses as strict expected failures."""
    return [pytest.param(c, id=str(c["label"]),
                         marks=[pytest.mark.xfail(strict=True, reason=known_misses[str(c["label"])])]
                         if c["label"] in known_misses else [])
            for c in cases]


def test_a_reported_claim_is_counter_speech_only_when_someone_judges_it() -> None:
    assert counter_flags(["You wrote that Jews are parasites.", "That is disgusting."]) == [
        True, False]
    assert counter_flags(["You wrote that Jews are parasites.", "Exactly right."]) == [
        False, False]
    # The claim's own words are no judgement of it.
    assert counter_flags(["They say Jews are disgusting."]) == [False]
    assert counter_flags(["Someone wrote that Jews are disgusting, report it."]) == [True]
    # Only the neighbouring sentences count, not the whole comment.
    assert counter_flags(["He said Jews are rats.", "Fine.", "It's raining.", "Vile."])[0] is False


def test_a_report_next_to_a_rebuttal_or_a_flat_denial_is_counter_speech() -> None:
    """Session 12, from rebuttals in the training comments that the rules flagged."""
    assert counter_flags(["Someone above says Jews control the banks.", "No, they don't.",
                          "That trope is centuries old."]) == [True, False, True]
    assert fired_names("The term ZOG means 'Zionist Occupied Government'. It's a neo-Nazi term.") == []
    assert fired_names("Someone asked what ZOG means. It stands for a neo-Nazi conspiracy theory.") == []
    # A neighbour that agrees, or says nothing about the claim, leaves the report a claim.
    assert "zog" in fired_names("Someone asked what ZOG means. It's real and it runs Washington.")
    assert "group_controls" in fired_names("Someone above says Jews control the banks. They do, look it up.")


def test_a_theory_s_claim_judged_next_to_it_is_a_report() -> None:
    """Session 13: "the theory claims ..." reports like "he said ..."; unjudged it is a claim."""
    assert counter_flags(["The theory goes that Jews control the banks.", "It's an old lie."]) == [True, False]
    assert "group_controls" in fired_names("The theory claims Jews control the banks, and it's true.")


def test_asking_others_to_stop_using_a_story_to_hint_is_counter_speech() -> None:
    """Session 13: "stop using it to hint that Jews did 9/11" rebuts the trope it names."""
    assert counter_flags(["Stop using it to hint that Jews did 9/11."]) == [True]
    assert "nine_eleven_jews" in fired_names("Jews did 9/11, stop pretending otherwise.")


@pytest.mark.parametrize(("text", "rule"), [
    ("'Jewish Bolshevism' was a Nazi slogan.", None),
    ("Jewish Bolshevism isn't a Nazi slogan, it's history.", "jewish_bolshevism"),
    ("The '6 gorillion' meme is Holocaust denial disguised as a joke.", None),
    ("6 gorillion lol, the numbers never add up.", "holocaust_mockery"),
    ("'Muslims breed like rabbits' is just the Great Replacement conspiracy with a fresh coat of paint.", None),
    ("Why is the Great Replacement theory banned from discussion? The Jews are replacing us.",
     "replacement_conspiracy"),
    ("The echo symbol (((like this))) started on a far-right podcast to tag Jewish names.", None),
    ("Chinks in the armour showed in the second half.", None),
    ("Too many chinks in this town now.", "slur_lexicon")])
def test_naming_a_code_for_what_it_is_spares_the_explanation_not_the_denial(text: str, rule: str | None) -> None:
    """Session 12: 'a Nazi slogan', 'is Holocaust denial', 'is just the Great Replacement
    conspiracy', 'started on a far-right podcast' are cues; 'isn't a Nazi slogan' is a hedge;
    'a chink in the armour' is an idiom, not the slur."""
    names = fired_names(text)
    assert (rule in names) if rule else names == []


def test_identity_rules_are_damped_in_a_rebuttal_the_model_scores_low() -> None:
    """REBUTTAL_MODEL_CEILING: a text that rebuts somewhere and that the model scores low keeps
    its rule firing on record but not its verdict; hate that hedges with a rebuttal word and a
    threat beside a rebuttal are not spared."""
    text = ("The so-called Kalergi plan takes a 1920s pan-European writer wildly out of context. "
            "There is no plan, just a conspiracy theory recycled on far-right forums.")
    (result,) = score_texts([text])
    assert "replacement_conspiracy" in result.rules and not result.toxic
    hedged = "They call it a conspiracy theory, but the Kalergi plan is real and it is replacing us."
    assert score_texts([hedged])[0].toxic
    threat = "Gas the Jews. That's what the myth-busters won't tell you."
    assert score_texts([threat])[0].toxic


def test_the_model_is_not_damped_where_a_rebuttal_word_only_leads_into_a_claim() -> None:
    """counter_speech.rebuts: "they call it a myth, yet ..." hedges; a rebuttal followed by
    'but' that judges again still rebuts."""
    hedged = combine("They say it is a myth, yet Jews run the banks.", 0.7, [], 0.63)
    rebuttal = combine("The claim that Jews run the banks is a myth.", 0.7, [], 0.63)
    judged_twice = combine("Some say it, but the claim that Jews run the banks is a myth.", 0.7, [], 0.63)
    assert hedged.toxic and not rebuttal.toxic and not judged_twice.toxic
    assert "group_controls" in fired_names("They say it is a myth, yet Jews control the banks.")


def test_the_damping_fades_where_the_model_is_sure() -> None:
    """DAMPING_FADE: a rebuttal word does not pull down a text the model is sure of ("not
    racist, just statistics"), while a rebuttal the model half believes is still damped."""
    text = "The claim that they are all thieves is a myth."
    assert combine(text, 0.9, [], 0.63).toxic
    assert not combine(text, 0.8, [], 0.63).toxic
    assert combine(text, 0.8, [], 0.63).score < combine(text, 0.81, [], 0.63).score


def test_a_rebuttal_s_words_do_not_hide_the_hate_asserted_beside_them() -> None:
    """ASSERTED_GATE: a text that rebuts is scored no lower than the part it asserts besides its
    rebuttals and quotes, when that part alone is confident; a rebuttal whose other sentences
    score under the gate is still damped."""
    text = "Spare me the 'not all of them' line. They are vermin and should be driven out."
    assert asserted_text(text) == "Spare me the quoted line. They are vermin and should be driven out."
    assert not combine(text, 0.75, [], 0.63).toxic
    assert combine(text, 0.75, [], 0.63, asserted_score=0.8).toxic
    assert not combine(text, 0.75, [], 0.63, asserted_score=0.65).toxic
    rebuttal = "The claim that they are all thieves is a myth."
    assert asserted_text(rebuttal) == ""
    assert asserted_scores([rebuttal, text], [0.9, 0.4]) == [0.0, 0.0]  # under ASSERTED_FLOOR
    (part,) = asserted_scores([text], [0.75], lambda parts: [0.8 if "vermin" in p else 0.0 for p in parts])
    assert part == 0.8


def test_a_slur_in_a_text_the_model_scores_low_is_damped() -> None:
    """SLUR_MODEL_CEILING: people who quote a slur to condemn it write what the model scores low;
    the slur stays on record, and the verdict is the model's, unless another rule fires."""
    text = "Hearing that the word n*gger was chanted at our own players made me sick."
    fired = fire_rules(text)
    assert [rule.name for rule in fired] == ["slur_lexicon"]
    assert combine(text, 0.9, fired, 0.63).toxic
    assert combine(text, 0.3, fired, 0.63).toxic
    low = combine(text, 0.1, fired, 0.63)
    assert not low.toxic and low.rules == ("slur_lexicon",)
    threat = "I'm going to kill the next Jew I see, the filthy k*ke."
    assert combine(threat, 0.1, fire_rules(threat), 0.63).toxic


@pytest.mark.parametrize(("text", "fires"), [
    ("lol gonna stab a Muslim tonight", True),
    ("They're gonna stab a Muslim, the police warned.", False),
    ("He's going to kill the next Jew he sees, his mother told police.", False),
    ("The man was going to stab a Muslim, police said.", False)])
def test_a_subjectless_gonna_is_the_writer_s_intent_a_third_person_s_is_not(text: str, fires: bool) -> None:
    """The intent prefix (vocabulary.INTENT) reads "gonna"/"going to" without a subject as the
    writer's own, anywhere in a sentence, but not after "they're", "he's", "was" ..."""
    assert ("threat_member" in fired_names(text)) is fires


def test_agreeing_with_a_report_outweighs_a_judgement_word() -> None:
    assert counter_flags(["He said Jews run the banks and got banned for telling the truth."]) == [
        False]
    assert counter_flags(["He said Jews run the banks.", "He got banned, but he is right."]) == [
        False, False]
    assert counter_flags(["He said Jews run the banks and got banned."]) == [True]
    # A cue is not overridden: "that's not true" is no agreement.
    assert counter_flags(["He said Jews run the banks, and that's not true."]) == [True]


def test_cue_patterns_keep_their_first_character_guard() -> None:
    """An alternative that may start with anything (an optional first word) silently drops
    regex_guard's look-ahead, and the cue search, run on every comment, takes twice as long."""
    from pipeline.toxicity import counter_speech

    for cues in (counter_speech.ORIGINAL_CUES, counter_speech.LOWERCASE_CUES):
        for pattern in vars(cues).values():
            assert pattern.pattern.startswith("(?=["), pattern.pattern[:40]

    # The hints of the named-code cues are a claim about the pattern; the examples bear it out.
    for text in comparison_texts():
        if counter_speech.NAMED_CODE.search(text):
            assert any(hint in text.lower() for hint in counter_speech.NAMED_CODE_HINTS), text


def test_hedges_do_not_count_as_counter_speech() -> None:
    for hedge in ("Call me antisemitic but the Jews run the banks.",
                  "Not a myth: the Rothschilds own the central banks.",
                  "It's not antisemitic to say that Jews control the media.",
                  "They call us racist for saying immigrants are vermin.",
                  "I'm tired of pretending Jews don't run the banks.",
                  "It's not a dog whistle, the Jews run the banks."):
        assert not has_counter_speech(hedge), hedge
        assert strip_hedges(hedge) != hedge
    assert has_counter_speech("That's not a conspiracy theory, it's an antisemitic lie.")
    # Naming a code is how coded hate is reported; denying it is a code is how it is hedged.
    assert has_counter_speech("Calling bankers 'globalists' is an old dog whistle.")
    assert "group_controls" in fired_names("It's not a dog whistle, the Jews run the banks.")
    for report in ("There's no secret kosher tax, the fee is tiny.",
                   "'The JQ' is neo-Nazi slang.", "'Israel-firster' is a slur.",
                   "The kosher tax story was invented by white supremacists.",
                   "Holocaust deniers love to say the number is inflated.",
                   "Posting that meme is mocking the victims."):
        assert has_counter_speech(report), report
    assert not has_counter_speech("There's no secret about it, the Jews run the media.")
    assert "dual_loyalty" in fired_names("It's not a smear, the Israel-firsters run Congress.")


@pytest.mark.parametrize("hedge", [
    "It's not racism if it's true, they lie and cheat.",
    "Black people have lower IQs. That's genetics, not racism.",
    "Not racist, just statistics: they can't behave.",
    "Nothing racist about wanting them gone.",
    "Jews crying about 'antisemitism' again.",
    "They get away with it because everyone is scared of being called racist.",
    "Every Christian is a bigot hiding behind a fairy tale.",
    "Being gay is disgusting and anyone who says otherwise is lying.",
])
def test_hate_that_sneers_with_a_rebuttal_word_is_not_counter_speech(hedge: str) -> None:
    """Session 13, from the hateful training comments the guard read as counter-speech."""
    assert not has_counter_speech(hedge)


def test_a_rebuttal_that_names_racism_is_still_counter_speech() -> None:
    for rebuttal in ("Mocking Hindus as cow worshippers is just bigotry.",
                     "That comment is racist, plain and simple.",
                     "Criticising Israel is not antisemitism; blaming Jews for it is antisemitic.",
                     "That is racism when you blame a whole people for one man."):
        assert has_counter_speech(rebuttal), rebuttal


def test_the_clause_after_but_is_searched_when_it_asserts() -> None:
    assert unguarded_tail("People say it is a lie, but Jews run the banks.") == " Jews run the banks."
    assert unguarded_tail("Jews are fine, but saying they run the banks is a lie.") is None
    assert unguarded_tail("It is a lie that Jews run the banks.") is None
    assert "group_controls" in fired_names("They call it a myth, but Jews control the media.")


def test_single_quotes_count_from_three_words() -> None:
    assert blank_quotes("The 'Jews killed Jesus' lie.") == "The quoted lie."
    assert blank_quotes("He wrote 'Jews don't belong here' twice.") == "He wrote quoted twice."
    # Scare quotes around one or two words are how haters write too.
    for text in ("The 'Holocaust' never happened.", "The 'great replacement' is real.",
                 "Tra' von and O' Connor 's pub"):
        assert QUOTED.search(text) is None, text


def test_denied_threats_are_counter_speech_and_threats_are_not() -> None:
    for denial in ("No woman deserves to die.", "Muslims should never be attacked.",
                   "I would never hurt a Jew.", "Refugees do not deserve to be beaten."):
        assert has_counter_speech(denial), denial
    for threat in ("Muslims should be attacked.", "No doubt they should be killed.",
                   "They deserve to die."):
        assert not has_counter_speech(threat), threat


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


def test_chained_word_gram_hashes_equal_hashing_the_joined_grams() -> None:
    from pipeline.toxicity import model as toxicity_model

    path = Path(__file__).parents[1] / "pipeline" / "toxicity" / "data" / "synthetic.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts += ["", "a", "one two", "Ünïcode wörds and 日本語 tokens here"]
    for text in texts:
        masked = toxicity_model.mask_identities(text)
        for low, high in ((1, 1), (1, 2), (1, 3), (2, 3)):
            expected = toxicity_model.hash_block(toxicity_model.word_grams(masked, low, high), 262_144)
            assert toxicity_model.hash_word_grams(masked, low, high, 262_144) == expected, text


def test_chained_coarse_gram_hashes_equal_hashing_the_joined_grams() -> None:
    from pipeline.toxicity import model as toxicity_model

    path = Path(__file__).parents[1] / "pipeline" / "toxicity" / "data" / "synthetic.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts += ["", "Idterm are vile. They are not welcome!\n\nGood people, though."]
    for text in texts:
        masked = toxicity_model.mask_identities(text)
        expected = toxicity_model.hash_block(toxicity_model.coarse_grams(masked, 3), 4096)
        assert toxicity_model.hash_coarse_grams(masked, 3, 4096) == expected, text


SHARED_TOXICITY = Path(__file__).parents[2] / "shared" / "datasets" / "toxicity"
EDGE_TEXTS = ["", " ", "a", "x" * 300, "tab\tsep\x1cwords\u00a0nbsp", "\u0130stanbul Jews",
              "\u017ftop JEWS run the banks", "LGBT+\u03a3 people", "\u03a3\u039f\u03a3 Jews are vermin",
              "caf\u00e9 \u2019quoted\u2019 \u2013 dash \U0001f600 emoji", "http://X.org/Jews www.a.b Muslims",
              "Ünïcode wörds and 日本語 tokens here " * 3]
"""Texts at the edges of the fast paths: empty, one letter, long words, odd whitespace,
case-folding letters (İ ſ), a final-sigma Σ next to a masked term, multi-byte characters."""


def comparison_texts() -> list[str]:
    """Every text the project has (and the shared evaluation sets when ../shared is there)."""
    import csv

    texts = (EXAMPLE_TEXTS + [str(c["text"]) for c in CASES + REBUTTALS + BLIND + BLIND5 + BLIND6
                              + CODED_PROBES + PROBES9] + EDGE_TEXTS)
    synthetic = (MODEL_DATA / "synthetic.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in synthetic if line]
    sources = (("hatecheck/test_suite_cases.csv", "test_case", ","),
               ("ethos/Ethos_Dataset_Binary.csv", "comment", ";"),
               ("stormfront/sentences.csv", "text", ","))
    for name, column, delimiter in sources:
        path = SHARED_TOXICITY / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                texts += [row[column] for row in csv.DictReader(handle, delimiter=delimiter)]
    return texts


def test_fast_masking_equals_the_definition() -> None:
    from pipeline.toxicity.model import mask_identities, mask_identities_reference

    differ = [t[:60] for t in comparison_texts() if mask_identities(t) != mask_identities_reference(t)]
    assert differ == []
    assert mask_identities("LGBT+\u03a3 x") == mask_identities_reference("LGBT+\u03a3 x") == "idterm\u03c2 x"


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_fast_featurise_equals_the_reference_to_the_bit(batch: int) -> None:
    """Same columns, values and order, so the same scores bit for bit (all of Stormfront,
    ETHOS and HateCheck when ../shared is there); and the scorer's product without scipy
    (row_dot) is scipy's, bit for bit."""
    import numpy as np

    from pipeline.toxicity.model import feature_rows, featurise, featurise_reference, row_dot

    model = load_model()
    texts = comparison_texts()
    if batch == 1:
        texts = texts[:: max(1, len(texts) // 1500)] + EDGE_TEXTS
    for start in range(0, len(texts), batch):
        chunk = texts[start : start + batch]
        fast, slow = featurise(model.hashing, chunk), featurise_reference(model.hashing, chunk)
        assert np.array_equal(fast.indptr, slow.indptr), chunk[:2]
        assert np.array_equal(fast.indices, slow.indices), chunk[:2]
        assert fast.data.dtype == slow.data.dtype and np.array_equal(fast.data, slow.data)
        assert np.array_equal(fast @ model.coef, slow @ model.coef)
        scorer = row_dot(*feature_rows(model.hashing, chunk), model.coef)
        assert scorer.dtype == (slow @ model.coef).dtype and np.array_equal(scorer, slow @ model.coef)


def test_char_grams_of_multibyte_words_equal_the_per_word_definition() -> None:
    from pipeline.toxicity import fasthash
    from pipeline.toxicity.model import hash_word_chars

    words = ["a", "ab", "caf\u00e9", "\u2019tis", "\U0001f600", "\u65e5\u672c\u8a9e", "x" * 40, "z\u00e9\u00e9"]
    for low, high in ((2, 5), (3, 4), (2, 2)):
        _, cols = fasthash.char_gram_keys([" ".join(words)], low, high, 1009, 0)
        expected = frozenset().union(*[hash_word_chars(w, low, high, 1009) for w in words])
        assert set(map(int, cols)) == expected


def test_a_rule_silent_on_the_whole_text_is_silent_on_each_sentence() -> None:
    """fire_rules skips a rule whose pattern misses the whole text; a look-ahead that reads
    past a sentence end ("... kosher tax. Is a hoax ...") could hide a sentence's match."""
    hidden = []
    for text in comparison_texts():
        lowered = text.lower()
        sentences = split_sentences(text)
        if len(sentences) < 2:
            continue
        for rule in ALL_RULES:
            if (isinstance(rule, Rule) and rule.pattern.search(text) is None
                    and all(any(w in lowered for w in group) for group in rule.needs)
                    and any(rule.pattern.search(s) for s in sentences)):
                hidden.append((rule.name, text[:60]))
    assert hidden == []


def test_rules_searching_lowercased_text_fire_as_the_written_patterns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.toxicity import counter_speech, lexicon

    def verdicts() -> list[tuple[list[str], bool]]:
        counter_speech.whole_text_cues.cache_clear()
        lexicon.text_tokens.cache_clear()
        return [(fired_names(t), has_counter_speech(t)) for t in texts]

    texts = comparison_texts() + more_comment_texts()
    fast = verdicts()
    monkeypatch.setattr(counter_speech, "FOLD_CUES", False)  # the cues' and the rules' fast path
    slow = verdicts()
    counter_speech.whole_text_cues.cache_clear()
    assert [t[:60] for t, a, b in zip(texts, fast, slow, strict=True) if a != b] == []
    assert any(names for names, _ in slow) and any(counter for _, counter in slow)



def prefiltered_patterns() -> list[tuple[object, re.Pattern[str]]]:
    """(key, pattern as searched) of each rule twin and cue twin."""
    from pipeline.toxicity import counter_speech, rules

    twins = [(rule.pattern, twin) for rule in rules.PATTERN_RULES
             if (twin := rules.rule_twin(rule.pattern)) is not None]
    cues = counter_speech.LOWERCASE_CUES
    return twins + [(cue, cue) for cue in (getattr(cues, name) for name in cues.__dataclass_fields__)]


def more_comment_texts() -> list[str]:
    """The training comment files and every blind set (compared, never scored here)."""
    comment_files = sorted(MODEL_DATA.glob("synthetic_comments*.jsonl"))
    texts = [json.loads(line)["text"] for path in comment_files
             for line in path.read_text(encoding="utf-8").splitlines() if line]
    blind_files = sorted(TEST_DATA.glob("toxicity_blind_round*.json"))
    return texts + [str(case["text"]) for path in blind_files for case in json.loads(path.read_text("utf-8"))]


def test_the_prefilter_never_skips_a_pattern_that_matches() -> None:
    """A pattern is skipped only when none of its required literals is in the text; every
    text the project has bears that claim out, for every rule twin and cue twin."""
    from pipeline.toxicity.prefilter import prefilter

    check = prefilter()
    texts = comparison_texts() + more_comment_texts()
    patterns = prefiltered_patterns()
    skipped = 0
    wrongly = []
    for text in texts:
        low = text.lower()
        for key, pattern in patterns:
            if not check.may_match(key, low):
                skipped += 1
                if pattern.search(low):
                    wrongly.append((pattern.pattern[:40], text[:60]))
    assert wrongly == []
    assert skipped > len(texts) * len(patterns) // 2  # it does skip most searches


def test_rules_and_cues_read_the_same_with_the_prefilter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.toxicity import counter_speech, lexicon, prefilter, rules

    def verdicts() -> list[tuple[list[str], bool]]:
        counter_speech.whole_text_cues.cache_clear()
        rules.needed_words_in.cache_clear()
        lexicon.text_tokens.cache_clear()
        return [(fired_names(t), has_counter_speech(t)) for t in texts]

    texts = comparison_texts() + more_comment_texts()
    fast = verdicts()
    monkeypatch.setattr(prefilter, "ENABLED", False)
    slow = verdicts()
    counter_speech.whole_text_cues.cache_clear()
    assert [t[:60] for t, a, b in zip(texts, fast, slow, strict=True) if a != b] == []
    assert any(names for names, _ in slow) and any(counter for _, counter in slow)


BLIND11 = json.loads((TEST_DATA / "toxicity_blind_round11.json").read_text("utf-8"))
"""Written like rounds seven to ten by someone who saw nothing of the project (40 hateful, 19 of
them antisemitic, 15 of those implicit; 40 rebuttals, 18 about antisemitism; 40 ordinary),
committed before it was first scored. First scoring, with round ten's scorer: 18 of 40 hateful
caught, 3 of 40 rebuttals and 1 of 40 ordinary comments flagged. Scored once more after round
eleven's model (a second set of training comments by another helper who saw nothing, the word
block weighed down, Davidson's ambiguous tweets as weak positives; threshold 0.61): 21/40, 3/40,
1/40. Its misses were then read, and eleven rules and cues were written for the kinds among
them (see rules.py, "Round eleven"): 35/40, 2/40, 1/40 since, no longer a blind figure. The
flagged "ordinary" line is a second-person insult, which the brief counts as toxic."""

BLIND12 = json.loads((TEST_DATA / "toxicity_blind_round12.json").read_text("utf-8"))
"""Written like round eleven by someone who saw nothing of the project (40 hateful, 18 of them
antisemitic, 14 implicit; 40 rebuttals, 20 about antisemitism; 40 ordinary), committed before it
was first scored. With round ten's scorer it gets 22 of 40 hateful caught, 5 of 40 rebuttals and 1
of 40 ordinary comments flagged; with round eleven's model 24/40, 5/40, 1/40; with the rules then
written from blind set eleven's misses 26/40, 5/40, 1/40. Its misses were then read, and rules
and cues were written for the kinds among them (rules.py, "Round eleven, from blind set
twelve"): 38/40, 2/40, 1/40 since, no longer a blind figure."""
BLIND12_KNOWN_MISSES = {
    "b12_hateful_blood_libel": "missed: score 0.40, no rule fired",
    "b12_rebuttal_mock_gorillion": "rebuttal flagged by holocaust_minimisation",
    "b12_ordinary_landlords_parasites": "ordinary flagged by the model (0.71)",
    "b12_rebuttal_not_racist_but": "rebuttal flagged since session 14: its second sentence, the claim"
    " it answers, scores 0.79 alone (ASSERTED_GATE)",
}
BLIND11_KNOWN_MISSES = {
    "b11_hateful_aj_dual_loyalty": "missed: score 0.26, no rule fired",
    "b11_hateful_immig_hostel": "missed: score 0.25, no rule fired",
    "b11_ordinary_youre_an_idiot": "ordinary flagged by insult_second_person",
}


BLIND13 = json.loads((TEST_DATA / "toxicity_blind_round13.json").read_text("utf-8"))
"""Written like round twelve by someone who saw nothing of the project, asked for wording unlike
the textbook examples (40 hateful, 18 of them antisemitic; 40 rebuttals; 40 ordinary), committed
before it was first scored and never read. Session 4's scorer: 14 of 40 hateful caught, 4 of 40
rebuttals and 0 of 40 ordinary comments flagged; round eleven's model and rules: 17/40, 4/40,
0/40; with the rules then written from blind set twelve's misses: 18/40, 4/40, 0/40; with round
twelve's model (1,003 more training comments by two more helpers, threshold 0.57): 22/40, 4/40,
0/40; round thirteen's model (session 6): 25/40, 5/40, 0/40. Then, in session 6, its five
flagged rebuttals (not its hateful misses) were read, and two cues written from them ("invented on
neo-Nazi sites", "a target marker"; "DMs calling me a k*ke"): 25/40, 3/40, 0/40, with sets
fourteen and fifteen unchanged. Later in session 6 its fifteen hateful misses were read too, and
three rules written from their kinds (race_crime_insinuation, group_vermin_extermination,
coded_jewish_power): 33/40, 3/40, 0/40, no longer a blind figure; sets fourteen and fifteen
unchanged (24/40 and 29/40)."""
BLIND13_KNOWN_MISSES = {
    "b13_hateful_media_chart_noticing": "missed: score 0.35, no rule fired",
    "b13_hateful_six_million_changes": "missed: score 0.25, no rule fired",
    "b13_hateful_vanload_juans": "missed: score 0.33, no rule fired",
    "b13_rebuttal_kalergi_debunk": "rebuttal flagged by replacement_conspiracy",
    "b13_hateful_degree_joke": "missed: model 0.592 under round seventeen's threshold 0.62",
}

BLIND14 = json.loads((TEST_DATA / "toxicity_blind_round14.json").read_text("utf-8"))
"""Written like round thirteen by someone who saw nothing of the project (40 hateful, 18 of them
antisemitic; 40 rebuttals, 20 about antisemitism; 40 ordinary), committed before it was first
scored and never read. Session 5's scorer: 16 of 40 hateful caught, 6 of 40 rebuttals and 0 of
40 ordinary comments flagged; round thirteen's model (995 more training comments by two more
helpers, threshold 0.56): 24/40, 6/40, 0/40; round fifteen's (1,000 more, threshold 0.60):
25/40, 6/40, 0/40, and round sixteen's (threshold 0.59) the same; round seventeen's (0.62)
27/40, 5/40, 0/40; with session 12's rules the same; round eighteen's (0.63) 29/40, 5/40, 0/40.
Nothing was tuned on it."""
BLIND14_KNOWN_MISSES = {
    "b14_hateful_cripples_darwin": "missed: score 0.36, no rule fired",
    "b14_hateful_fairy_tale_reparations": "missed: score 0.41, no rule fired",
    "b14_hateful_jail_protects_history": "missed: score 0.23, no rule fired",
    "b14_hateful_jaq_numbers": "missed: score 0.35, no rule fired",
    "b14_hateful_not_pictured_zoo": "missed: score 0.53, no rule fired",
    "b14_hateful_passover_stories": "missed: score 0.40, no rule fired",
    "b14_hateful_soros_family_business": "missed: score 0.35, no rule fired",
    "b14_hateful_victim_card_reply": "missed: score 0.38, no rule fired",
    "b14_hateful_waste_oxygen": "missed: score 0.45, no rule fired",
    "b14_rebuttal_aipac_vs_jews": "rebuttal flagged by group_controls",
    "b14_rebuttal_auschwitz_number": "rebuttal flagged by holocaust_minimisation",
    "b14_rebuttal_replacement_pittsburgh": "rebuttal flagged by replacement_conspiracy",
    "b14_rebuttal_roma_porajmos": "rebuttal flagged by the model (0.62)",
}

BLIND15 = json.loads((TEST_DATA / "toxicity_blind_round15.json").read_text("utf-8"))
"""Written like round fourteen by someone who saw nothing of the project (40 hateful, 19 of them
antisemitic; 40 rebuttals, 20 about antisemitism; 40 ordinary), committed before it was first
scored and never read. Session 5's scorer: 27 of 40 hateful caught, 2 of 40 rebuttals and 0 of
40 ordinary comments flagged; round thirteen's model (first scoring): 29/40, 2/40, 0/40. Round
fourteen's two training files (not adopted) left it at 29/40; round fourteen's word vectors
28/40; round fifteen's model 29/40, 2/40, 0/40; round sixteen's 33/40, 2/40, 0/40; round
seventeen's 32/40, 2/40, 0/40 (with session 12's rules the same); round eighteen's 33/40, 2/40,
0/40; with session 12's code-naming cues (read from training comments, not from this set) 33/40,
1/40, 0/40. Nothing was tuned on it."""
BLIND15_KNOWN_MISSES = {
    "b15_hateful_dancing_israelis": "missed: score 0.28, no rule fired",
    "b15_hateful_hand_rubbers": "missed: score 0.37, no rule fired",
    "b15_hateful_six_million_math": "missed: score 0.35, no rule fired",
    "b15_hateful_trent_records": "missed: score 0.31, no rule fired",
    "b15_rebuttal_asterisk_still_slur": "rebuttal flagged by slur_lexicon",
    "b15_hateful_shower_joke": "missed: model 0.603 under round seventeen's threshold 0.62 (caught in round sixteen)",
}
BLIND16 = json.loads((TEST_DATA / "toxicity_blind_round16.json").read_text("utf-8"))
"""Session 11: written like round fifteen by someone who saw nothing of the project (40 hateful,
about 15 antisemitic; 40 rebuttals; 40 ordinary), committed (314edbe) before it was first scored
and never read. Round fourteen's scorer (first scoring): 29 of 40 hateful caught, 4 of 40
rebuttals and 0 of 40 ordinary comments flagged; round fifteen's model (1,000 more training
comments by two more helpers, threshold 0.60): 30/40, 4/40, 0/40; round sixteen's (1,000 more,
threshold 0.59): 31/40, 4/40, 0/40; round seventeen's (threshold 0.62): 33/40, 4/40, 0/40 (with
session 12's rules the same); round eighteen's (0.63): 33/40, 3/40, 0/40. Nothing was tuned on
it."""
BLIND16_KNOWN_MISSES = {
    "b16_hateful_six_million_audit": "missed: model 0.618 under round eighteen's threshold 0.63",
    "b16_hateful_shower_joke": "missed: score 0.21, no rule fired",
    "b16_hateful_blood_libel_trent": "missed: score 0.53, no rule fired",
    "b16_hateful_early_life_section": "missed: score 0.45, no rule fired",
    "b16_hateful_greedy_landlord": "missed: score 0.49, no rule fired",
    "b16_hateful_shoah_business": "missed: score 0.42, no rule fired",
    "b16_hateful_thirteen_fifty": "missed: score 0.23, no rule fired",
    "b16_rebuttal_rootless_history": "rebuttal flagged by rootless_cosmopolitan",
    "b16_rebuttal_replacement_restated": "rebuttal flagged by replacement_conspiracy",
}
BLIND17 = json.loads((TEST_DATA / "toxicity_blind_round17.json").read_text("utf-8"))
"""Session 11: written like round sixteen by someone who saw nothing of the project (40 hateful,
about 14 antisemitic; 40 rebuttals; 40 ordinary) while round sixteen's training comments were
being added, committed (452877e) before it was first scored and never read. Round fourteen's
scorer: 28 of 40 hateful caught, 2 of 40 rebuttals and 1 of 40 ordinary comments flagged;
round fifteen's (its first scoring): 30/40, 2/40, 1/40; round sixteen's: 31/40, 2/40, 1/40;
round seventeen's: 30/40, 1/40, 1/40 (with session 12's rules the same); round eighteen's:
34/40, 1/40, 1/40. Nothing was tuned on it."""
BLIND17_KNOWN_MISSES = {
    "b17_hateful_antisem_gas_joke_rabbi": "missed: score 0.41, no rule fired",
    "b17_hateful_migrant_sarcastic_doctors": "missed: score 0.26, no rule fired",
    "b17_hateful_black_presenter_diversity": "missed: score 0.46, no rule fired",
    "b17_rebuttal_antisem_court_joke_denial": "rebuttal flagged by holocaust_denial",
    "b17_ordinary_disability_benefit_cuts": "ordinary flagged by the model (0.66)",
    "b17_hateful_antisem_landlord_insinuation": "missed: model 0.603 under round seventeen's threshold 0.62",
}
BLIND18 = json.loads((TEST_DATA / "toxicity_blind_round18.json").read_text("utf-8"))
"""Session 11: written by someone who saw nothing of the project (40 hateful, about 13
antisemitic and 5 threats; 40 rebuttals; 40 ordinary, some with violent figures of speech)
while round seventeen's training comments were being written, committed (4ac61d8) before it
was first scored and never read. Round sixteen's scorer (first scoring): 24 of 40 hateful
caught, 2 of 40 rebuttals and 1 of 40 ordinary comments flagged; round seventeen's (threshold
0.62): 24/40, 1/40, 1/40 (with session 12's rules the same); round eighteen's (0.63): 24/40,
2/40, 1/40. Nothing was tuned on it; session 13's victim-blaming rule, written for another
set's miss, catches one more: 25/40."""
BLIND18_KNOWN_MISSES = {
    "b18_rebuttal_invaders_christchurch": "rebuttal flagged by the model (0.64) since round eighteen's "
                                          "training comments",
    "b18_hateful_lobby_owns_both_parties": "missed: score 0.58, no rule fired",
    "b18_hateful_holocaust_just_asking": "missed: score 0.54, no rule fired",
    "b18_hateful_holocaust_shower_joke": "missed: score 0.40, no rule fired",
    "b18_hateful_dual_loyalty_committee": "missed: score 0.59, no rule fired",
    "b18_hateful_just_noticing_heritage": "missed: score 0.58, no rule fired",
    "b18_hateful_muslim_rhetorical_question": "missed: score 0.47, no rule fired",
    "b18_hateful_migrants_sarcastic_doctor": "missed: score 0.21, no rule fired",
    "b18_hateful_black_suspect_not_named": "missed: score 0.33, no rule fired",
    "b18_hateful_indigenous_lost_get_over": "missed: score 0.59, no rule fired",
    "b18_hateful_trans_man_in_dress": "missed: score 0.47, no rule fired",
    "b18_hateful_threat_reporter_car": "missed: score 0.40, no rule fired",
    "b18_hateful_threat_mosque_burn": "missed: score 0.53, no rule fired",
    "b18_hateful_threat_judge_bullet": "missed: score 0.36, no rule fired",
    "b18_hateful_threat_refugee_hostel": "missed: score 0.39, no rule fired",
    "b18_rebuttal_survey_exaggerated": "rebuttal flagged by holocaust_minimisation",
    "b18_ordinary_put_the_boot_in": "ordinary flagged by the model (0.72)",
}
BLIND19 = json.loads((TEST_DATA / "toxicity_blind_round19.json").read_text("utf-8"))
"""Session 12: written by someone who saw nothing of the project (40 explicit hateful lines:
threats to group members, stated hatred, vilification, calls for violence; 40 lookalikes:
hyperbole, sport, hating things; 40 rebuttals and reports), asked for while the explicit-hate
rules of session 12 were written, committed (1ebe908) before it was first scored. Before those
rules: 30 of 40 hateful caught, 3 of 40 rebuttals and 1 of 40 ordinary comments flagged; with
them: 32/40, 4/40, 1/40. The fourth rebuttal (a court report: the man "pleaded guilty") was then
looked at by its label and rule, and "pleaded guilty" and "fined" joined the judgement words:
32/40, 3/40, 1/40, which is no longer a blind figure for that line. Round eighteen's model:
34/40, 3/40, 1/40. Session 13's "the manifesto / theory claims ..." as a report, written from
probes of its own: 34/40, 2/40, 1/40."""
BLIND19_KNOWN_MISSES = {
    "b19_hateful_next_time_i_see": "missed: score 0.49, no rule fired",
    "b19_hateful_i_already_put_a": "missed: score 0.40, no rule fired",
    "b19_hateful_gonna_find_every_woman": "missed: score 0.57, no rule fired",
    "b19_hateful_im_going_to_bash": "missed: score 0.37, no rule fired",
    "b19_hateful_i_swear_ill_shove": "missed: score 0.40, no rule fired",
    "b19_hateful_were_gonna_start_shooting": "missed: score 0.34, no rule fired",
    "b19_ordinary_were_going_to_destroy": "ordinary flagged by the model (0.75)",
    "b19_rebuttal_my_daughter_came_home": "rebuttal flagged by the model (0.65)",
    "b19_rebuttal_he_was_convicted_for": "rebuttal flagged by threat_group",
}
"""Eight of the ten hateful lines missed are threats whose verb no threat rule lists; left as
first scored with session 12's rules, not tuned away."""
BLIND20 = json.loads((TEST_DATA / "toxicity_blind_round20.json").read_text("utf-8"))
"""Session 12: threats only, written by someone who saw nothing of the project (40 threats
against group members, groups and their places with many verbs and images; 40 ordinary uses of
violent words: sport against national teams, cooking, DIY, plots; 40 reports of threats),
committed (0b41f48) before it was first scored and never read. Before and after the widened
threat rules of session 12 alike: 19 of 40 threats caught, 0 of 40 rebuttals and 4 of 40
ordinary comments flagged (AUC .877). None of the 21 threats missed fired a rule; 2 of them
hold one of the rules' verbs of violence, 8 no group word the rules know. Round eighteen's
model, trained on 1,000 threat comments asked for on the same theme (so an optimistic figure):
22/40, 0/40, 0/40 (AUC .935). When the intent prefix was rewritten for speed (word_start), a
subjectless "gonna" counts anywhere in a sentence, not only at its start: 23/40."""
BLIND20_KNOWN_MISSES = {
    "b20_hateful_next_jew_i_see": "missed: score 0.33, no rule fired",
    "b20_hateful_someone_needs_to_lock": "missed: score 0.49, no rule fired",
    "b20_hateful_ill_stomp_every_kippah": "missed: score 0.44, no rule fired",
    "b20_hateful_im_going_to_start": "missed: score 0.35, no rule fired",
    "b20_hateful_pigs_blood_in_the": "missed: score 0.42, no rule fired",
    "b20_hateful_time_to_bust_out": "missed: score 0.36, no rule fired",
    "b20_hateful_ill_put_my_boot": "missed: score 0.33, no rule fired",
    "b20_hateful_every_woman_who_reports": "missed: score 0.45, no rule fired",
    "b20_hateful_pride_march_comes_past": "missed: score 0.08, no rule fired",
    "b20_hateful_lets_pay_the_gay": "missed: score 0.34, no rule fired",
    "b20_hateful_should_be_open_season": "missed: score 0.42, no rule fired",
    "b20_hateful_time_to_kick_the": "missed: score 0.42, no rule fired",
    "b20_hateful_well_go_down_there": "missed: score 0.59, no rule fired",
    "b20_hateful_saw_an_old_asian": "missed: score 0.25, no rule fired",
    "b20_hateful_hindus_having_their_diwali": "missed: score 0.31, no rule fired",
    "b20_hateful_that_gurdwara_is_getting": "missed: score 0.22, no rule fired",
    "b20_hateful_somali_shops_on_the": "missed: score 0.42, no rule fired",
}
"""Left as first scored: the threats are told in words no verb list has, and the ordinary lines
are flagged by the model alone."""
PROBES_S12_THREATS = json.loads((TEST_DATA / "toxicity_probes_s12_threats.json").read_text("utf-8"))
"""Session 12: 36 lines written before the threat rules were widened and tuned on, so not
blind: before 6 of 16 threats caught and 2 of 20 others flagged (both by the model); after 16/16
and the same 2/20; with round eighteen's model 16/16 and 0/20."""
PROBES_S12_THREATS_KNOWN_MISSES: dict[str, str] = {}
BLIND21 = json.loads((TEST_DATA / "toxicity_blind_round21.json").read_text("utf-8"))
"""Session 12: antisemitic tropes (half coded, some hedged with a rebuttal word), their
rebuttals and explanations, and ordinary talk of Jews and Israel, written by someone who saw
nothing of the project, committed (24475ec) before it was first scored. The scorer from before
session 12, its rules with round eighteen's model, and its code-naming cues all gave 29 of 40
hateful caught, 5 of 40 rebuttals and 0 of 40 ordinary comments flagged (AUC .954); with the
rebuttal ceiling on identity rules (REBUTTAL_MODEL_CEILING, chosen before it was scored):
29/40, 4/40, 0/40 (AUC .959). Its misses were then looked at by label, score and firing only,
and the hedge change (counter_speech.rebuts) was written after that: 31/40, 4/40, 0/40 with it,
not a blind figure."""
BLIND21_KNOWN_MISSES = {
    "b21_hateful_soros_pulls_the_strings": "missed: score 0.53, no rule fired",
    "b21_hateful_just_asking_questions_why": "missed: score 0.42, no rule fired",
    "b21_hateful_interesting_how_the_fellow": "missed: model 0.70, damped as counter-speech to 0.42",
    "b21_hateful_remember_its_only_a": "missed: model 0.77, damped as counter-speech to 0.46",
    "b21_hateful_the_numbers_never_added": "missed: score 0.58, no rule fired",
    "b21_hateful_oy_vey_another_shoah": "missed: score 0.57, no rule fired",
    "b21_hateful_hollywood_the_fed_the": "missed: model 0.55, damped as counter-speech to 0.33",
    "b21_hateful_to_learn_who_rules": "missed: model 0.51, damped as counter-speech to 0.30",
    "b21_hateful_blood_libel_isnt_a": "missed: score 0.49, no rule fired",
    "b21_rebuttal_for_anyone_confused_the": "rebuttal flagged by triple_parentheses",
    "b21_rebuttal_the_kalergi_plan_is": "rebuttal flagged by replacement_conspiracy",
    "b21_rebuttal_lol_yes_the_jews": "rebuttal flagged by group_controls",
}
"""Six of the eleven hateful lines first missed hedged with a rebuttal word and were damped as
counter-speech (COUNTER_SPEECH_DAMPING); two of them, hedged with "but" or "yet", are caught since
counter_speech.rebuts."""
BLIND22 = json.loads((TEST_DATA / "toxicity_blind_round22.json").read_text("utf-8"))
"""Session 12: hate hedged with rebuttal words ("people call it a conspiracy theory, but", "I'm
not racist, but", sarcasm, agreeing reports), rebuttals in the same words, and heated "but"
talk, written by someone who saw nothing of the project and committed (1be3491) before it was
first scored. The scorer from before session 12 and the one just before the change: 17 of 40
hateful caught, 2 of 40 rebuttals and 0 of 40 ordinary comments flagged (AUC .911 / .912);
with the model undamped where counter-speech goes on to assert after "but" or "yet"
(counter_speech.rebuts): 19/40, 2/40, 0/40 (AUC .932)."""
BLIND22_KNOWN_MISSES = {
    "b22_hateful_same_families_walk_away": "missed: score 0.53, no rule fired",
    "b22_hateful_look_after_their_own": "missed: score 0.58, no rule fired",
    "b22_hateful_dual_loyalty_propaganda_until": "missed: score 0.48, no rule fired",
    "b22_hateful_who_benefits_official_figure": "missed: score 0.54, no rule fired",
    "b22_hateful_surnames_central_bank_boards": "missed: model 0.31, damped as counter-speech to 0.19",
    "b22_hateful_have_jewish_friends_admit": "missed: score 0.47, no rule fired",
    "b22_hateful_funding_both_sides_wars": "missed: model 0.41, damped as counter-speech to 0.24",
    "b22_hateful_connect_the_dots_migration": "missed: score 0.34, no rule fired",
    "b22_hateful_islamification_far_right_myth": "missed: score 0.63, no rule fired",
    "b22_hateful_crime_stats_out_of_context": "missed: model 0.32, damped as counter-speech to 0.19",
    "b22_hateful_dad_says_neighbourhood_downhill": "missed: score 0.26, no rule fired",
    "b22_hateful_truth_isnt_hate_border": "missed: score 0.61, no rule fired",
    "b22_hateful_women_getting_revenge": "missed: score 0.52, no rule fired",
    "b22_hateful_sure_pay_gap_discrimination": "missed: score 0.47, no rule fired",
    "b22_hateful_pastor_said_sickness": "missed: score 0.52, no rule fired",
    "b22_hateful_antigypsyism_truth_hurts": "missed: score 0.56, no rule fired",
    "b22_hateful_drive_outback_town": "missed: score 0.59, no rule fired",
    "b22_hateful_used_to_think_tabloid": "missed: model 0.79, damped as counter-speech to 0.48",
    "b22_hateful_banned_lower_iq_studies": "missed: model 0.51, damped as counter-speech to 0.31",
    "b22_rebuttal_grew_up_hearing_roma": "rebuttal flagged by group_dehumanised",
    "b22_rebuttal_happy_merchant_context": "rebuttal flagged by happy_merchant",
}
"""Left as first scored: hedged hate is the weakest shape of any blind set (19 of 40)."""
BLIND23 = json.loads((TEST_DATA / "toxicity_blind_round23.json").read_text("utf-8"))
"""Session 13: a general mix as a moderation team would assemble it (40 hateful, 15 of them
antisemitic and a quarter implicit; 40 rebuttals, half of antisemitic tropes, some quoting
a slur to condemn it; 40 ordinary comments that could trip a classifier), written by someone
who saw nothing of the project and committed (c7b18d2) before it was first scored, with the
fading damping (DAMPING_FADE) already in: 32 of 40 hateful caught, 1 of 40 rebuttals and 1
of 40 ordinary comments flagged (AUC .982); the scorer from before the fade gives the same.
Its misses' labels were then seen (not their texts), and hitler_praise was widened to concessions
("Hitler was wrong about plenty, but he had a point ...") and rules for eugenics, victim-blaming
and the 9/11 trope about Jews were written after that: 35/40, not a blind figure."""
BLIND23_KNOWN_MISSES = {
    "b23_hateful_somebody_tell_take_nice_long": "missed: score 0.50, no rule fired",
    "b23_hateful_read_happened_boys_norwich_trent": "missed: score 0.42, no rule fired",
    "b23_hateful_look_muslim_terrorist_single_attack": "missed: model 0.83, damped as counter-speech to 0.54",
    "b23_hateful_build_wall_lay_landmines_along": "missed: score 0.47, no rule fired",
    "b23_hateful_honestly_kindest_thing_everyone_kids": "missed: score 0.60, no rule fired",
    "b23_rebuttal_four_days_balbir_singh_sodhi": "rebuttal flagged by slur_lexicon",
    "b23_ordinary_shut_absolute_moron_clearly_didn": "ordinary flagged by insult_second_person",
}
"""Left as first scored; not read."""
BLIND24 = json.loads((TEST_DATA / "toxicity_blind_round24.json").read_text("utf-8"))
"""Session 13: a general mix again (40 hateful, 14 antisemitic, a third implicit, with eugenics,
victim-blaming and hate that concedes first, asked for before the rules for them were written;
40 rebuttals, 40 ordinary comments), by someone who saw nothing of the project, committed
(f39d7b6) before it was first scored. The scorer from before session 13: 29 of 40 hateful
caught, 4 of 40 rebuttals and 2 of 40 ordinary comments flagged (AUC .927); with session 13's
rules (its first scoring): 30/40, 4/40, 2/40 (AUC .929). One ordinary line was then looked at
by label and firing: "600k" (net migration) decoded as a slur; with digit-spelt words needing
two letters (lexicon.MIN_LETTERS): 30/40, 4/40, 1/40. After its miss labels were seen (not the
texts), "the antisemitism card" as a hedge, crematoria capacity as denial, Hitler's nicknames and
"put down at birth": 33/40, 4/40, 1/40, not a blind figure."""
BLIND24_KNOWN_MISSES = {
    "b24_hateful_tell_rabbi_gas_bill": "missed: score 0.39, no rule fired",
    "b24_hateful_little_moustache_man_wrong": "missed: score 0.19, no rule fired",
    "b24_hateful_lovely_bonfire_come_november": "missed: score 0.41, no rule fired",
    "b24_hateful_asian_drivers_spatial_awareness": "missed: model 0.68, damped as counter-speech to 0.41",
    "b24_hateful_garcias_and_hernandezes_moved": "missed: score 0.57, no rule fired",
    "b24_hateful_never_invented_the_wheel": "missed: score 0.63, no rule fired",
    "b24_rebuttal_parasites_feeding_host_nation": "rebuttal flagged by group_conspiracy_noun",
    "b24_ordinary_qualified_immunity_malpractice_insurance": "ordinary flagged: model 0.71",
}
"""Left as first scored. Session 14 read the texts of its misses that were damped as
counter-speech or flagged by the slur lexicon: no longer blind."""
BLIND25 = json.loads((TEST_DATA / "toxicity_blind_round25.json").read_text("utf-8"))
"""Session 13: a general mix around local news topics (a synagogue's planning application, a
migrant hotel, a Pride event ...; 40 hateful, 13 antisemitic and mostly coded; 40 rebuttals; 40
ordinary), by someone who saw nothing of the project, committed (d326489) after all of session
13's rules and before it was first scored. The scorer from before session 13: 27 of 40 hateful
caught, 4 of 40 rebuttals and 0 of 40 ordinary comments flagged (AUC .947); session 13's: 27/40,
5/40, 0/40 (AUC .945): none of the session's rules fires on a hateful line here, and the fading
damping (DAMPING_FADE) lets through one rebuttal the model scores 0.89."""
BLIND25_KNOWN_MISSES = {
    "b25_hateful_red_cross_numbers_say": "missed: score 0.56, no rule fired",
    "b25_hateful_which_flag_he_salutes": "missed: score 0.49, no rule fired",
    "b25_hateful_oy_vey_the_shoah_never": "missed: model 0.66, damped as counter-speech to 0.40",
    "b25_hateful_same_international_bankers_in_the": "missed: score 0.51, no rule fired",
    "b25_hateful_small_hats_big_influence": "missed: model 0.74, damped as counter-speech to 0.44",
    "b25_hateful_their_tragedy_is_an_industry": "missed: score 0.60, no rule fired",
    "b25_hateful_would_make_a_lovely_bonfire": "missed: score 0.27, no rule fired",
    "b25_hateful_send_the_whole_lot_back": "missed: score 0.57, no rule fired",
    "b25_hateful_swinging_in_trees_a_century": "missed: model 0.50, damped as counter-speech to 0.30",
    "b25_hateful_not_sexist_just_maths": "missed: score 0.47, no rule fired",
    "b25_hateful_doors_are_locked_from_the": "missed: score 0.61, no rule fired",
    "b25_rebuttal_ask_who_owns_the_media": "rebuttal flagged: model 0.89",
    "b25_rebuttal_mod_note_removed_a_dozen": "rebuttal flagged by triple_parentheses",
    "b25_rebuttal_busy_people_when_do_they": "rebuttal flagged: model 0.73",
    "b25_rebuttal_a_whole_zondo_report_about": "rebuttal flagged: model 0.65",
}
"""Left as first scored. Session 14 read the texts of its misses that were damped as
counter-speech or flagged by the slur lexicon: no longer blind."""
BLIND26 = json.loads((TEST_DATA / "toxicity_blind_round26.json").read_text("utf-8"))
"""Session 13: a general mix with hate that pre-empts the accusation ("it's not racism if it's
true", "before anyone screams racism"), asked for after the session's hedge change (so that
shape is an optimistic test of it), by someone who saw nothing of the project, committed
(62b6034) before it was first scored. The scorer from before session 13: 31 of 40 hateful
caught, 4 of 40 rebuttals and 2 of 40 ordinary comments flagged (AUC .941); session 13's before
the hedge change: 33/40, 4/40, 2/40 (AUC .945); with it (first scoring): 34/40, 4/40, 2/40
(AUC .945)."""
BLIND26_KNOWN_MISSES = {
    "b26_hateful_synagogue_wants_more_security_funding": "missed: score 0.48, no rule fired",
    "b26_hateful_criticise_anything_literally_anything_and": "missed: score 0.38, no rule fired",
    "b26_hateful_three_weeks_the_holocaust_year": "missed: score 0.23, no rule fired",
    "b26_hateful_scam_calls_dodgy_landlords_fake": "missed: score 0.59, no rule fired",
    "b26_hateful_what_you_call_muslim_with": "missed: score 0.61, no rule fired",
    "b26_rebuttal_yes_the_all_powerful_jewish": "rebuttal flagged by group_conspiracy_noun",
    "b26_rebuttal_alan_turing_was_chemically_castrated": "rebuttal flagged by slur_lexicon",
    "b26_ordinary_this_lot_couldnt_organise_piss": "ordinary flagged: model 0.74, rules profanity_lexicon",
    "b26_ordinary_can_stop_pretending_every_pop": "ordinary flagged: model 0.63",
}
"""Left as first scored; session 14 read the texts of its misses (see BLIND25), so no longer
blind. Three rebuttals that quote a slur to condemn it fired the slur lexicon (blind sets 24 and
25 had two and one); session 14's mention patterns spare all six."""
BLIND27 = json.loads((TEST_DATA / "toxicity_blind_round27.json").read_text("utf-8"))
"""Session 14: a general mix asked for hate that borrows the words of counter-speech and reporting
and for rebuttals that quote slurs and tropes word for word, written by someone who saw nothing
of the project and committed (0fa23c5) before it was first scored. The scorer from before session
14: 32 of 40 hateful caught, 6 of 40 rebuttals and 0 of 40 ordinary comments flagged (AUC .940);
first scoring, with the session's mention patterns and ASSERTED_GATE: 32/40, 5/40, 0/40 (.949);
with SLUR_MODEL_CEILING, which was chosen on counts that included this set's model scores: 32/40,
4/40, 0/40 (.958); with the project's own slurs (build_toxicity_lexicons.PROJECT_SLURS), added
after a miss label named a slur no table held: 33/40, 4/40, 0/40 (.960)."""
BLIND27_KNOWN_MISSES = {
    "b27_hateful_not_saying_the_holocaust_didnt_happen": "missed: score 0.63, no rule fired",
    "b27_hateful_whenever_anyone_criticises_them_they_scream": "missed: score 0.54, no rule fired",
    "b27_hateful_the_media_wont_tell_you_this": "missed: score 0.61, no rule fired",
    "b27_hateful_its_not_hate_to_say_a": "missed: score 0.42, no rule fired",
    "b27_hateful_shylocks_gonna_shylock_of_course_the": "missed: score 0.47, no rule fired",
    "b27_hateful_saw_a_bloke_in_a_turban": "missed: score 0.35, no rule fired",
    "b27_hateful_serious_question_not_trying_to_be": "missed: model 0.81, damped as counter-speech to 0.50",
    "b27_rebuttal_oh_sure_the_rothschilds_funded_both": "rebuttal flagged: model 0.80",
    "b27_rebuttal_a_quick_explainer_since_this_thread": "rebuttal flagged by group_conspiracy_noun, jewish_globalists",
    "b27_rebuttal_my_son_is_autistic_reading_someone": "rebuttal flagged by slur_lexicon",
    "b27_rebuttal_hearing_ngger_chanted_at_our_own": "rebuttal flagged by slur_lexicon",
}
"""Left as first scored; only the labels were read."""
BLIND28 = json.loads((TEST_DATA / "toxicity_blind_round28.json").read_text("utf-8"))
"""Session 14: hate under regional and national news stories in many registers, rebuttals that
quote what they answer, ordinary comments with words that look bad out of context; written by
someone who saw nothing of the project and committed (9d6bfa1) before it was first scored. The
scorer from before session 14: 29/40, 3/40, 0/40 (AUC .956); first scoring, as for set 27:
29/40, 2/40, 0/40 (.966); with SLUR_MODEL_CEILING (chosen on counts that included this set):
29/40, 0/40, 0/40 (.981)."""
BLIND28_KNOWN_MISSES = {
    "b28_hateful_another_synagogue_getting_police_protection_paid": "missed: score 0.59, no rule fired",
    "b28_hateful_six_million_was_it_funny_how": "missed: score 0.49, no rule fired",
    "b28_hateful_doesnt_matter_who_wins_on_thursday": "missed: score 0.43, no rule fired",
    "b28_hateful_another_mosque_approved_this_is_how": "missed: score 0.60, no rule fired",
    "b28_hateful_i_genuinely_have_nothing_against_muslims": "missed: score 0.56, no rule fired",
    "b28_hateful_let_me_guess_the_suspects_colour": "missed: score 0.31, no rule fired",
    "b28_hateful_chuck_him_a_banana_he_plays": "missed: score 0.44, no rule fired",
    "b28_hateful_read_the_ofsted_summary_and_the": "missed: score 0.54, no rule fired",
    "b28_hateful_homosexuality_is_a_disease_and_the": "missed: score 0.50, no rule fired",
    "b28_hateful_what_do_you_call_a_trans": "missed: score 0.44, no rule fired",
    "b28_hateful_special_school_getting_a_shiny_new": "missed: score 0.60, no rule fired",
}
"""Left as first scored; only the labels were read. All eleven misses fire no rule and score
0.31-0.60: under the threshold, not damped."""
BLIND29 = json.loads((TEST_DATA / "toxicity_blind_round29.json").read_text("utf-8"))
"""Session 14: a week of comments under ordinary news stories (a quarter of the hate antisemitic),
asked for nothing the session changed, written by someone who saw nothing of the project and
committed (eec829a) after every change of the session but the last (REBUTTAL_MODEL_CEILING
0.25, which moves none of its lines) and before it was first scored: the session's blind
measure. The scorer from before session 14: 33 of 40 hateful caught, 2 of 40 rebuttals and 0 of
40 ordinary comments flagged (AUC .982); session 14's (first scoring): 33/40, 1/40, 0/40 (AUC
.989)."""
BLIND29_KNOWN_MISSES = {
    "b29_hateful_rothschild_money_at_work_again_the": "missed: score 0.59, no rule fired",
    "b29_hateful_blacks_and_knives_name_a_more": "missed: score 0.54, no rule fired",
    "b29_hateful_their_new_striker_plays_like_he": "missed: score 0.53, no rule fired",
    "b29_hateful_genderconfused_freaks_should_be_sectioned_not": "missed: score 0.50, no rule fired",
    "b29_hateful_half_the_people_claiming_disability_are": "missed: model 0.62, damped as counter-speech to 0.37",
    "b29_hateful_bogtrotting_paddies_in_the_away_end": "missed: score 0.56, no rule fired",
    "b29_hateful_with_respect_to_the_other_commenters": "missed: score 0.59, no rule fired",
    "b29_rebuttal_holocaust_industry_six_million_jews_were": "rebuttal flagged by holocaust_denial",
}
"""Left as first scored; only the labels were read. Six of the seven hateful misses fire no rule
and score 0.50-0.59, under the threshold of 0.63."""
PROBES_S12 = json.loads((TEST_DATA / "toxicity_probes_s12.json").read_text("utf-8"))
"""Session 12: 40 lines written before the explicit-hate rules (threat_member, group_hatred,
group_lives_worthless, and new alternatives of threat_group, threat_person and
group_dehumanised) and tuned on, so not blind: before 9 of 20 hateful caught and 0 of 20
others flagged; after 20/20 and 0/20."""
IDENTITY_PROBE = json.loads((TEST_DATA / "toxicity_identity_probe_s10.json").read_text("utf-8"))
"""Session 10: 80 neutral, positive and kindly-critical comments naming groups (34 about Jews)
and 20 hateful controls, written by a helper who saw nothing of the project and committed
(415d77d) before the first scoring: 3 of 80 flagged (2 of 34 about Jews), 20 of 20 hateful
caught. Round fifteen's model: 1 of 80 flagged, 20 of 20 caught; round sixteen's: 2 of 80,
20 of 20; round seventeen's: 1 of 80, 20 of 20; round eighteen's: 2 of 80, 20 of 20. Nothing has
been tuned on it."""
IDENTITY_PROBE_KNOWN_MISSES = {
    "ip_ok_jew_those_survivors": "flagged: model 0.66 since round eighteen's training comments",
    "ip_ok_women_village_hall": "flagged: score 0.72, no rule fired",
}
"""Left as first scored: the model alone, where naming a group adds to the logit (MODEL_CARD.md,
"Session 10")."""

CHECK_SETS = (
    (REBUTTALS, REBUTTAL_KNOWN_MISSES),
    (BLIND, BLIND_KNOWN_MISSES),
    (BLIND5, BLIND5_KNOWN_MISSES),
    (BLIND6, BLIND6_KNOWN_MISSES),
    (CODED_PROBES, CODED_PROBE_KNOWN_MISSES),
    (PROBES9, PROBES9_KNOWN_MISSES),
    (BLIND7, BLIND7_KNOWN_MISSES),
    (BLIND8, BLIND8_KNOWN_MISSES),
    (BLIND9, BLIND9_KNOWN_MISSES),
    (BLIND10, BLIND10_KNOWN_MISSES),
    (BLIND11, BLIND11_KNOWN_MISSES),
    (BLIND12, BLIND12_KNOWN_MISSES),
    (BLIND13, BLIND13_KNOWN_MISSES),
    (BLIND14, BLIND14_KNOWN_MISSES),
    (BLIND15, BLIND15_KNOWN_MISSES),
    (BLIND16, BLIND16_KNOWN_MISSES),
    (BLIND17, BLIND17_KNOWN_MISSES),
    (BLIND18, BLIND18_KNOWN_MISSES),
    (BLIND19, BLIND19_KNOWN_MISSES),
    (PROBES_S12, {}),
    (BLIND21, BLIND21_KNOWN_MISSES),
    (BLIND22, BLIND22_KNOWN_MISSES),
    (BLIND23, BLIND23_KNOWN_MISSES),
    (BLIND24, BLIND24_KNOWN_MISSES),
    (BLIND25, BLIND25_KNOWN_MISSES),
    (BLIND26, BLIND26_KNOWN_MISSES),
    (BLIND27, BLIND27_KNOWN_MISSES),
    (BLIND28, BLIND28_KNOWN_MISSES),
    (BLIND29, BLIND29_KNOWN_MISSES),
    (BLIND20, BLIND20_KNOWN_MISSES),
    (PROBES_S12_THREATS, PROBES_S12_THREATS_KNOWN_MISSES),
    (IDENTITY_PROBE, IDENTITY_PROBE_KNOWN_MISSES),
)
"""Every hand-written check set with the lines it is known to get wrong (see each set's note)."""


@pytest.mark.parametrize("case", [case for cases, misses in CHECK_SETS for case in verdict_cases(cases, misses)])
def test_check_set_verdicts(case: dict[str, object]) -> None:
    """Hateful lines are removed, rebuttals and ordinary comments are kept; each id is a line's label."""
    (result,) = score_texts([str(case["text"])])
    assert result.toxic is case["toxic"], (case["comment"], result)
