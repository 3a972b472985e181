"""The rule type and the machinery that runs a registry of them.

A rule is data: a name, the kind of thing it finds, the label it gives, a
regular expression over one block's text, a comment saying why, and examples
that must (``positive``) and must not (``negative``) match. ``tests/test_rules.py``
checks every example of every rule.

``scope`` says what a match does:

- ``block``: labels the matching block only;
- ``section``: labels the block and opens a section: the blocks after it get
  ``section_label`` until another section opens (see :mod:`pipeline.label`);
- ``header``: like ``block`` but only before the first content paragraph
  (bylines, credits, duplicated titles live there).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from re import _parser as sre_parse  # type: ignore[attr-defined]

from pipeline.regex_guard import first_chars

# The combined pre-check reads only this many characters of a block. Chrome
# lines are short; scanning long paragraphs for unanchored patterns was 40%
# of the cleaning time. A rule whose evidence starts later in a long block is
# not seen (the per-rule check after a hit still reads the whole block).
RULE_WINDOW = 400
# (first character, word-count bucket) pairs whose alternation RuleSet keeps
# (a corpus has a few hundred first characters, and there are five buckets).
MAX_DISPATCH = 4096


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    label: str
    pattern: str
    comment: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    scope: str = "block"
    section_label: str = ""
    flags: int = re.IGNORECASE
    max_words: int = 0  # 0: any length; else the block may have at most this many words
    # A guarded section rule opens its section only after enough article text
    # (see pipeline.label): its heading also appears in menus and teaser boxes.
    guarded: bool = False

    def __post_init__(self) -> None:
        if not self.positive or not self.negative:
            raise ValueError(f"rule {self.name}: needs a positive and a negative example")
        if self.scope not in {"block", "section", "header"}:
            raise ValueError(f"rule {self.name}: unknown scope {self.scope}")
        if self.scope == "section" and not self.section_label:
            raise ValueError(f"rule {self.name}: a section rule needs section_label")

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    @cached_property
    def anchored(self) -> bool:
        """True when every top-level alternative of the pattern starts with ``^``."""
        return all(alt.startswith("^") for alt in split_alternatives(self.pattern))

    def matches(self, text: str) -> bool:
        if self.max_words and len(text.split()) > self.max_words:
            return False
        return self.regex.search(text) is not None


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regular expression.

    >>> split_alternatives(r"^a(b|c)|^d[|]|e\\|f")
    ['^a(b|c)', '^d[|]', 'e\\\\|f']
    """
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True)
class RuleSet:
    """The enabled rules, in priority order, with a fast first-match lookup.

    The patterns a block can match are joined into one alternation so a block
    costs one regex call, not one per rule (a page has ~100 blocks and the
    registry ~100 rules; the naive loop is most of the cleaning time).
    """

    rules: tuple[Rule, ...]
    _index: dict[str, Rule] = field(default_factory=dict, compare=False)
    _dispatch: dict[tuple[str, int], tuple[re.Pattern[str], re.Pattern[str], tuple[Rule, ...]]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, rules: Iterable[Rule], kinds: Iterable[str] | None = None) -> RuleSet:
        wanted = set(kinds) if kinds is not None else None
        chosen = tuple(r for r in rules if wanted is None or r.kind in wanted)
        names = [r.name for r in chosen]
        if len(names) != len(set(names)):
            raise ValueError("duplicate rule names")
        return cls(chosen, {r.name: r for r in chosen})

    @cached_property
    def _anchored(self) -> re.Pattern[str]:
        """One alternation of every rule anchored at the start of the block, tried at position 0 only."""
        return self._alternation(range(len(self.rules)))

    def _alternation(self, indices: Iterable[int]) -> re.Pattern[str]:
        parts = []
        for i in indices:
            rule = self.rules[i]
            if rule.anchored:
                inline = "(?i:" if rule.flags & re.IGNORECASE else "(?:"
                parts.append(f"(?P<r{i}>{inline}{rule.pattern}))")
        return re.compile("|".join(parts) or "(?!)")

    @cached_property
    def _first_classes(self) -> tuple[re.Pattern[str] | None, ...]:
        """Per rule, a class of the characters an anchored match can begin with (read
        from the parsed pattern, see pipeline.regex_guard, and compiled with the rule's
        own flags); None when any character may begin one."""
        classes: list[re.Pattern[str] | None] = []
        for rule in self.rules:
            chars = first_chars(sre_parse.parse(rule.pattern, rule.flags)) if rule.anchored else None
            classes.append(None if chars is None else
                           re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]", rule.flags))
        return tuple(classes)

    @cached_property
    def _word_limits(self) -> tuple[int, ...]:
        return tuple(sorted({rule.max_words for rule in self.rules if rule.max_words}))

    def _candidates(self, first: str, words: int) -> tuple[re.Pattern[str], re.Pattern[str], tuple[Rule, ...]]:
        """The rules a block beginning with ``first`` and of ``words`` words can match, in
        priority order, and two alternations of the anchored ones: those without a word
        limit, and those with one.

        Trying every alternative at position 0 of every block was a third of the
        rules' time: most rules begin with a word, so most drop out on the first
        character, and a rule with ``max_words`` drops out of longer blocks (the
        rules that scan a line for a phrase are the dearest and have a limit).
        One entry per first character and bucket of word counts seen, kept.

        Two alternations, not one: one alternation per (character, bucket) meant
        ~60 distinct patterns of all the rules to compile, 0.7 s per process
        before the first pages were done. The unlimited rules depend on the
        character alone (~20 patterns), and the five limited ones make small
        patterns; together they say whether any candidate matches at position 0.
        """
        key = (first, bisect_left(self._word_limits, words))  # the bucket: limits below `words`
        found = self._dispatch.get(key)
        if found is None:
            chosen = [i for i, (rule, begins) in enumerate(zip(self.rules, self._first_classes, strict=True))
                      if (not rule.max_words or words <= rule.max_words)
                      and (not first or begins is None or begins.fullmatch(first))]
            unlimited = [i for i in chosen if not self.rules[i].max_words]
            limited = [i for i in chosen if self.rules[i].max_words]
            found = (self._alternation(unlimited), self._alternation(limited),
                     tuple(self.rules[i] for i in chosen))
            if len(self._dispatch) < MAX_DISPATCH:
                self._dispatch[key] = found
        return found

    @cached_property
    def _floating(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if not rule.anchored)

    def first_match(self, text: str, header: bool = False, words: int | None = None) -> Rule | None:
        """The highest-priority rule that matches ``text`` (of ``words`` words, counted if not given).

        The anchored rules a block can match share one alternation tried at
        position 0 (one cheap call for the common no-match case); the few
        rules that may match mid-block are searched one by one. ``re``
        reports the first alternative that matches, not the highest
        priority, so on a hit the candidates are re-checked in order (rare).
        """
        if words is None:
            words = len(text.split())
        window = text[:RULE_WINDOW]
        unlimited, limited, candidates = self._candidates(window[:1], words)
        if (unlimited.match(window) is None and limited.match(window) is None
                and not any(r.regex.search(window) for r in self._floating)):
            return None
        for rule in candidates:  # each within its max_words already
            if rule.scope == "header" and not header:
                continue
            if rule.regex.search(text) is not None:
                return rule
        return None

    def __len__(self) -> int:
        return len(self.rules)
