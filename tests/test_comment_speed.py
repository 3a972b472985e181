"""The comment stage's shortcuts find exactly what the plain code finds.

Each test runs a shortcut and the plain definition (the pattern itself, or the
shortcut switched off) on the seed pages (raw and damaged), every pattern example
and made-up edge lines, and compares.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator

import pytest
from conftest import SEEDS

import pipeline.comments.patterns as P
from pipeline.comments.policy import ThreadPolicy
from pipeline.regex_guard import tail_guard

ARTICLES = SEEDS.parent / "datasets" / "articles" / "scrapinghub" / "ground-truth.json"


def _seed_lines() -> Iterator[str]:
    """Lines of the seed pages (raw and damaged) and of the 181 article bodies."""
    if SEEDS.is_dir():
        for path in sorted(SEEDS.rglob("*.txt")):
            yield from path.read_text(encoding="utf-8", errors="replace").splitlines()
    if ARTICLES.is_file():
        for article in json.loads(ARTICLES.read_text(encoding="utf-8")).values():
            yield from article["articleBody"].splitlines()


def _variants(line: str, rng: random.Random) -> Iterator[str]:
    """A line changed at its end, where the tail check looks: cut, extended, recased."""
    yield line.upper()
    yield line[:-1]
    yield line + rng.choice(".:…) 0am")
    yield line + " " + rng.choice(EXAMPLES)


EDGE_LINES = (
    "", " ", "John says:", "Anonymous said...", "Jane said…", "Jane Doe | June 3, 2019",
    "Jane • 3 years ago", "Bob on 3 June 2019 at 4:12 p.m.", "Bob 4:12 PM", "Bob 4:12 pm.",
    "yesterday", "Kelvin \u212a 5 \u212aGO", "\u0661\u0662/\u0660\u0663/\u0662\u0660\u0661\u0669",
    "3 YEARS AGO", "Reply", "REPLY \u2022 SHARE \u203a", "+3 votes", "View 3 replies",
    "Older Comments \u00bb", "June 3, 2019 (edited)", "x" * 300 + " says:", "a.m.", "…",
)


EXAMPLES = tuple(t for p in P.LINE_PATTERNS for t in (*p.positive, *p.negative))


def _all_lines() -> list[str]:
    rng = random.Random(4)
    made = [v for line in (*EDGE_LINES, *EXAMPLES) for v in _variants(line, rng)]
    return list(dict.fromkeys([*EDGE_LINES, *EXAMPLES, *made, *_seed_lines()]))


def _spans(match: re.Match[str] | None) -> tuple[object, ...] | None:
    return None if match is None else (match.span(), match.groupdict())


@pytest.mark.parametrize("name", list(P.PATTERNS))
def test_tail_check_keeps_every_line_match(name: str) -> None:
    lines = _all_lines()
    P.match_line.cache_clear()  # remembered matches would hide a difference
    fast = [_spans(P.match_line(name, line)) for line in lines]
    slow = [_spans(P.PATTERNS[name].regex.match(line.strip())) for line in lines]  # the definition
    assert fast == slow
    assert any(fast)  # the lines hold matches: the comparison can fail
    tail = P.PATTERNS[name].tail
    if tail is not None:  # it refuses some of the lines: the check is exercised
        assert not all(tail.admits(line.strip()) for line in lines)


def test_tail_check_refuses_long_comment_lines() -> None:
    lines = ("I read the whole piece and think the author is right about the ministry.",
             "Did the author really read what the ministry wrote about it?")
    for name in ("author_says", "author_date"):
        tail = P.PATTERNS[name].tail
        assert tail is not None and not any(map(tail.admits, lines))


def test_tail_guard_follows_optional_and_repeated_endings() -> None:
    tail = tail_guard(re.compile(r"^(?:ab(?:cd)?e*)$"))
    assert tail is not None and tail.lengths == (2,)
    assert [tail.admits(t) for t in ("ab", "abcd", "abee", "abcde", "xbd", "ae")] == [
        True, True, True, True, False, False]
    short = tail_guard(re.compile(r"^(?:[+-]?\d+)$"))
    assert short is not None and short.admits("7") and short.admits("-7") and not short.admits("a")
    assert tail_guard(re.compile(r"(?:ab)?")) is None  # may be empty
    assert tail_guard(re.compile(r"a.")) is None
    assert tail_guard(re.compile(r"(?:a?)*b?")) is None


def test_lowercasing_a_lowercased_text_changes_nothing() -> None:
    """Why the counter-speech hints skip ``lower()`` on the lowercased view (counter_speech._lowered)."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert [c for c in chars if c.lower().lower() != c.lower()] == []
    assert [c for c in chars if "\u03a3" in c.lower()] == []  # no context-dependent Σ is left
    word = "ΣΟΣ İstanbul ſtop \u212a"
    assert word.lower().lower() == word.lower()


def _stripped_runs(text: str) -> list[str]:
    """The tokens as first defined: runs of word characters, @, $ and !, outer !s stripped."""
    runs = re.findall(r"[\w@$!]+", text.lower().replace("-", " "))
    return [run.strip("!") for run in runs if run.strip("!")]


def test_tokens_are_the_stripped_runs() -> None:
    from test_toxicity import comparison_texts

    from pipeline.toxicity.lexicon import tokenise

    texts = [*comparison_texts(), "scum!! you!idiot!!!", "!!!", "k!ke", "a!!-!!b", "$$$ @@ __"]
    assert [t[:60] for t in texts if tokenise(t) != _stripped_runs(t)] == []
    assert tokenise("!!a!!b!! c!") == ["a!!b", "c"]


def test_rules_fire_the_same_without_the_no_quote_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    from test_toxicity import comparison_texts

    from pipeline.toxicity import counter_speech, lexicon, rules

    texts = [*comparison_texts(), 'He wrote "so what" and the Jews control the banks.',
             'I heard "Jews control the banks" at the bar.', "'Jews control the banks' he shouted."]

    def fired() -> list[list[str]]:
        lexicon.text_tokens.cache_clear()
        return [[r.name for r in rules.fire_rules(t)] for t in texts]

    fast = fired()
    monkeypatch.setattr(rules, "quotes_in", lambda text: True)  # blank quotes in every sentence
    slow = fired()
    assert [t[:60] for t, a, b in zip(texts, fast, slow, strict=True) if a != b] == []
    quoted = [counter_speech.QUOTED.search(t) is not None for t in texts]
    assert any(a for a, q in zip(fast, quoted, strict=True) if q)  # both ways exercised
    assert any(a for a, q in zip(fast, quoted, strict=True) if not q)


@pytest.mark.parametrize("policy", [ThreadPolicy(), ThreadPolicy(0.8, 0.3, False)])
def test_summary_of_no_comments_has_the_general_summary_keys(policy: ThreadPolicy) -> None:
    """The shortcut for pages without comments must not drift from the general summary."""
    from pipeline.comments import Comment, summarise_comments
    from pipeline.toxicity import ToxicityScore

    empty = summarise_comments([], [], [], policy, False)
    one = summarise_comments([Comment(0, body=["Fine."])], [ToxicityScore(0.1, False)], [""],
                             policy, False)
    assert empty.keys() == one.keys() and empty["policy"].keys() <= one["policy"].keys()
    assert empty["policy"] == dict(policy.as_dict(), section_removed=False)
    assert (empty["count"], empty["kept"], empty["removed"], empty["removed_toxic"]) == (0, 0, 0, [])


def thread_page(i: int) -> str:
    return (f"Title {i}\n\nThe body of article {i} is here and it is long enough to keep as text.\n\n"
            f"2 thoughts on \u201cTitle {i}\u201d\n\nJane Doe says:\n\nMarch 3, 2024 at 10:00 am\n\n"
            f"A fair and careful piece, thank you, reader number {i}.\n\nReply\n\nJohn Roe says:\n\n"
            f"March 4, 2024 at 11:00 am\n\nI disagree with point {i} but enjoyed it.\n\nReply\n\nLeave a Reply")


def test_a_chunk_of_pages_calls_the_comment_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's cost per call is mostly fixed: the comments of a chunk go to it together,
    and every page gets the verdicts it would get alone."""
    import pipeline.toxicity as tox
    from pipeline.clean import clean_record, clean_records
    from pipeline.sources import RawRecord

    records = [RawRecord(f"p{i}.txt", str(i), data=thread_page(i).encode()) for i in range(6)]
    model = tox.load_model()
    calls: list[int] = []

    class Counting:
        def predict(self, texts: list[str]):  # type: ignore[no-untyped-def]
            calls.append(len(texts))
            return model.predict(texts)

    monkeypatch.setattr(tox, "load_model", lambda: Counting())
    monkeypatch.setattr(tox, "_MODEL_MEMO", {})
    together = list(clean_records(records, chunk_size=6))
    assert calls == [6 * 2 + 2]  # two comments a page, and the two author names once
    monkeypatch.setattr(tox, "_MODEL_MEMO", {})
    alone = [clean_record(r) for r in records]
    assert len(calls) == 1 + len(records)
    assert [d.meta["comments"] for d in together] == [d.meta["comments"] for d in alone]
    assert [d.extra["comments"] for d in together] == [d.extra["comments"] for d in alone]
