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

from pipeline import regex_guard
from pipeline.regex_guard import (
    LazyPattern,
    alternation,
    can_fold,
    can_fold_sub,
    compile_guarded,
    first_chars,
    guard,
    lowercase_twin,
)
from pipeline.toxicity import counter_speech, model, rules, vocabulary

GUARD = re.compile(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)\(\?:(.*)\)", re.DOTALL)
TOXICITY = SHARED / "datasets" / "toxicity"


def unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    found = GUARD.fullmatch(pattern.pattern)
    assert found, pattern.pattern[:60]
    return re.compile(found.group(1), pattern.flags)


def guarded_patterns() -> list[re.Pattern[str]]:
    found = [rule.pattern for rule in rules.ALL_RULES if isinstance(rule, rules.Rule)]
    found += [counter_speech.COUNTER_SPEECH, counter_speech.HEDGE, counter_speech.REPORTED,
              counter_speech.JUDGED_HERE, counter_speech.JUDGED_NEAR, counter_speech.ENDORSED,
              model.IDENTITY_TERMS]
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
    for source in (r"a*b", r"(?=x)?y", r"[^a]b", r".b", r"(?i:a)b", r"a|", r"(?=x)"):
        assert guard(re.compile(source)).pattern == source
    assert first_chars(sre_parse.parse(r"\b(?:ab|c+d|[xy]z)")) == {"a", "c", "x", "y"}


def test_lookarounds_consume_nothing_so_the_next_item_starts_the_match() -> None:
    assert first_chars(sre_parse.parse(r"(?<!not )\b(?!immigrants)(?:women|gays)")) == {"w", "g"}
    pattern = compile_guarded(r"\b(?<!not )(?:expel|deport)\b")
    assert pattern.pattern.startswith("(?=[de])")
    assert [m.span() for m in pattern.finditer("expel them, not deport, deport")] == [(0, 5), (24, 30)]


@pytest.mark.parametrize("words", [vocabulary.GROUP_NOUNS, vocabulary.GROUP_ADJECTIVES, ("a", "ab", "abc", "b", "a b")])
def test_prefix_tree_alternation_matches_the_same_strings(words: tuple[str, ...]) -> None:
    tree = re.compile(alternation(words))
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + ")")
    candidates = {w[:i] for w in words for i in range(len(w) + 2)} | {w + "s" for w in words}
    for text in candidates:
        assert (tree.fullmatch(text) is None) == (plain.fullmatch(text) is None), text


def test_ignorecase_guard_matches_every_case_form() -> None:
    # The guard is compiled with the pattern's flags: the Kelvin sign folds to k.
    pattern = guard(re.compile(r"\bkike\b", re.IGNORECASE))
    assert pattern.pattern.startswith("(?=[k])")
    for text in ("KIKE", "Kike", "\u212aike"):
        assert pattern.search(text) is not None, text


def test_every_cue_and_most_rules_have_a_lowercase_twin() -> None:
    twins = [lowercase_twin(p) for p in guarded_patterns()]
    assert sum(t is not None for t in twins) >= 20
    assert lowercase_twin(model.IDENTITY_TERMS) is not None


@pytest.mark.parametrize("pattern", [p for p in guarded_patterns() if lowercase_twin(p)],
                         ids=lambda p: p.pattern[:40])
def test_lowercase_twin_finds_the_same_spans_in_lowercased_text(pattern: re.Pattern[str]) -> None:
    twin = lowercase_twin(pattern)
    assert twin is not None
    corpus = [t for t in texts() + ["JEWS Control The BANKS", "Muslims ARE vermin"] if can_fold(t)]
    differ = [t[:60] for t in corpus
              if [m.span() for m in pattern.finditer(t)] != [m.span() for m in twin.finditer(t.lower())]]
    assert differ == []


def test_a_lazy_rule_gets_the_twin_its_compiled_pattern_would() -> None:
    # LazyPattern reads guard and twin from one parse; the compiled pattern is parsed anew.
    lazy = [rule.pattern for rule in rules.ALL_RULES if isinstance(getattr(rule, "pattern", None), LazyPattern)]
    assert len(lazy) >= 40
    for pattern in lazy:
        from_parse, from_compiled = lowercase_twin(pattern), lowercase_twin(pattern.compiled)
        assert (from_parse and from_parse.pattern) == (from_compiled and from_compiled.pattern), pattern.pattern[:60]
    refused = LazyPattern(r"\bZOG\b", re.IGNORECASE)
    assert lowercase_twin(refused) is None and lowercase_twin(refused.compiled) is None


def test_twins_refuse_what_lowercasing_would_change() -> None:
    assert lowercase_twin(re.compile(r"\bZOG\b", re.IGNORECASE)) is None  # an uppercase literal
    assert lowercase_twin(re.compile(r"[A-Z]x", re.IGNORECASE)) is None
    assert lowercase_twin(re.compile(r"zog")) is None  # case-sensitive: nothing to fold
    assert lowercase_twin(re.compile(r"\u00b5m", re.IGNORECASE)) is None  # µ also folds to μ
    assert lowercase_twin(re.compile(r"\bjews?\b[\u2019']", re.IGNORECASE)) is not None
    for text in ("\u0130stanbul", "\u017ftop", "\u212aike", "\u0131"):
        assert not can_fold(text)
    assert can_fold("caf\u00e9 \u2019s \u03a3") and not can_fold_sub("\u03a3")


def test_lowercasing_keeps_length_and_word_characters_for_every_code_point() -> None:
    """The ground :func:`can_fold` stands on, checked rather than assumed."""
    word = re.compile(r"\w")
    changed = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000 and chr(i).lower() != chr(i)]
    assert len(changed) > 1000
    odd = [c for c in changed if len(c.lower()) != 1 or bool(word.match(c)) != bool(word.match(c.lower()))]
    assert odd == ["\u0130"]
    assert not can_fold("\u0130")


def test_saved_pattern_reads_come_back_without_parsing_and_a_torn_file_is_ignored(
        tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next process reads the rules' guards and twins from the cache, not from re's
    parser, and gets exactly what parsing gave; a damaged file costs a parse, not an error."""
    from pipeline import regex_guard

    def fresh_process() -> None:
        monkeypatch.setattr(regex_guard, "_READS", {})
        monkeypatch.setattr(regex_guard, "_READS_STATE", {"loaded": False, "unsaved": False})

    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path))
    sources = [(rule.pattern._source, rule.pattern.flags) for rule in rules.PATTERN_RULES
               if isinstance(rule.pattern, LazyPattern)] + [("a*b", 0), ("(", 0), ("\u0130x", re.I)]
    fresh_process()
    parsed = [regex_guard.read_pattern(source, flags) for source, flags in sources]
    assert parsed[-3:-1] == [(None, True, ("b",)), (None, False, None)]
    regex_guard.save_reads()
    path = regex_guard.reads_path()
    assert path is not None and path.exists()

    fresh_process()
    with monkeypatch.context() as patched:
        patched.setattr(regex_guard.sre_parse, "parse", lambda *_: pytest.fail("parsed again"))
        assert [regex_guard.read_pattern(source, flags) for source, flags in sources] == parsed

    path.write_text('[["a*b", 0, nul', encoding="utf-8")
    fresh_process()
    assert [regex_guard.read_pattern(source, flags) for source, flags in sources] == parsed


@pytest.mark.parametrize(("source", "literals"), [
    (r"\bmyths?\b", ("myth", "myths")),
    (r"anti-?semit\w*", ("anti-semit", "antisemit")),
    (r"(?:the|a) (?:claim|lie) that", ("a claim that", "a lie that", "the claim that", "the lie that")),
    (r"\b(?:jews?|zio)\W+(?:own|run)", ("own", "run")),  # cut at \W+; as long, fewer strings wins
    (r"(?=[k])(?<!no )\bkosher tax", ("kosher tax",)),  # lookarounds hold nothing
    (r"[^.!?]{0,60}", None), (r"(?:a|)b?", None), (r"(?i:zog)", None), (r"(a)\1", ("a",)),
    (r"x{2,5}", ("x",)), (r"[ab]c", ("ac", "bc")), (r"[a-z]+ed", ("ed",)),
])
def test_required_literals_are_held_by_every_match(source: str, literals: tuple[str, ...] | None) -> None:
    assert regex_guard.required_literals(sre_parse.parse(source)) == literals


def test_prefilter_skips_only_patterns_whose_literals_are_absent() -> None:
    plain, folded, free = re.compile(r"\bcabal\b"), re.compile(r"cabal", re.IGNORECASE), re.compile(r"\w+")
    check = regex_guard.Prefilter([(p, p.pattern, p.flags) for p in (plain, folded, free)], ["jew"])
    assert not check.may_match(plain, "a kabal")
    assert check.may_match(plain, "the cabal") and check.may_match(plain, "cabals")  # \b fails later
    assert check.may_match(folded, "a kabal")  # IGNORECASE: never judged
    assert check.may_match(free, "anything")  # no literal known
    assert check.found("jewish cabal") == {"jew", "cabal"}


def test_prefilter_never_judges_a_pattern_that_ignores_case_inline() -> None:
    inline = re.compile(r"(?i)\bcabal\b")
    check = regex_guard.Prefilter([(inline, inline.pattern, 0)])  # flags as a caller might pass them
    assert check.may_match(inline, "the CABAL") and inline.search("the CABAL")
