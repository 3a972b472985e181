"""The fast paths in pipeline.label give the answers of the definitions they replace.

block_score reads a block's ending from the end instead of searching the
whole block with a regex; label_blocks scores the blocks once and reuses the
scores after the density pass; summarise counts the body's words from the
blocks' counts. Each is compared here with the old definition on the seed
pages and on made-up endings.
"""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS

from pipeline import label
from pipeline.blocks import split_blocks
from pipeline.config import Config
from pipeline.model import Document
from pipeline.repair import repair_text
from pipeline.stages import STAGES, ruleset_for, run_stages

# The regex block_score used before ends_sentence.
TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*$")

ENDINGS = ["", "\n", ".", ")", "a.", "a.\n", "a.\n\n", "a\n.", "a.”", "a.’)", "a!)]", "a?'\"",
           "a…", "a.)x", "a. ", "a.\t", "a”", "Menu", "end:", "a.]]]]", "a.\u201d\n", "a(", ".a"]


def seed_texts() -> list[str]:
    if not (SEEDS / "raw").is_dir():
        pytest.skip("../shared is not beside the repository")
    return [repair_text(p.read_text(encoding="utf-8", errors="replace")).text
            for p in sorted((SEEDS / "raw").iterdir())]


def test_ends_sentence_is_the_regex() -> None:
    blocks = [b.text for text in seed_texts() for b in split_blocks(text)]
    for text in ENDINGS + blocks:
        assert label.ends_sentence(text) == bool(TERMINAL.search(text)), repr(text[-20:])


def old_label_blocks(blocks, rules, config, main_text_known=False):  # type: ignore[no-untyped-def]
    """label_blocks as it was: every pass scores the blocks it needs itself."""
    openers = label.apply_rules(blocks, rules, config)
    title = label.mark_title(blocks, config)
    if main_text_known:
        span = (0, len(blocks))
    else:
        span = label.find_main_span(blocks)
        label.mark_outside_span(blocks, span)
    label.open_sections(blocks, openers, span, config)
    label.keep_dek(blocks, span)
    label.keep_colon_followers(blocks)
    label.inherit_continuations(blocks)
    return title


@pytest.mark.parametrize("main_text_known", [False, True])
def test_scoring_once_labels_as_scoring_per_pass(main_text_known: bool) -> None:
    config = Config()
    rules = ruleset_for(config.rule_kinds)
    for text in seed_texts():
        new, old = split_blocks(text), split_blocks(text)
        assert (label.label_blocks(new, rules, config, main_text_known)
                == old_label_blocks(old, rules, config, main_text_known))
        assert [(b.label, b.rule) for b in new] == [(b.label, b.rule) for b in old]


def test_summary_word_count_is_the_body_split() -> None:
    for text in seed_texts():
        doc = run_stages(Document(id="x", source="x.txt", text=text), Config(), STAGES)
        assert doc.meta["words"] == len(doc.body.split())


def test_scores_after_the_density_pass_are_zero_outside_the_span() -> None:
    """The claim label_blocks rests on when it reuses the scores."""
    config = Config()
    rules = ruleset_for(config.rule_kinds)
    outside = 0
    for text in seed_texts():
        blocks = split_blocks(text)
        label.apply_rules(blocks, rules, config)
        label.mark_title(blocks, config)
        scores = [label.block_score(b) for b in blocks]
        start, end = label.find_main_span(blocks, scores)
        label.mark_outside_span(blocks, (start, end))
        outside += sum(score != 0 for score in scores[:start] + scores[end:])
        assert [label.block_score(b) for b in blocks] == [0.0] * start + scores[start:end] + [0.0] * (len(blocks) - end)
    assert outside > 0  # the seeds do have scored blocks outside the span
