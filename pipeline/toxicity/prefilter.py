"""One pass over a text tells which rule and counter-speech patterns can match it.

The rules' lowercase twins, the counter-speech cues' twins and the rules' pre-check
words go into one :class:`pipeline.regex_guard.Prefilter`: a 700-character comment is
scanned once for all their literals instead of once per pattern, and a pattern none
of whose literals is there is not searched. The answers are exact (a pattern skipped
cannot match), so verdicts and scores are the same; ``tests/test_toxicity.py``
compares them with the prefilter switched off on every evaluation text.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.regex_guard import Prefilter

ENABLED = True
"""False searches every pattern (the definition the tests compare with)."""


@cache
def prefilter() -> Prefilter:
    """The scan for every rule's lowercase twin, every cue twin and every pre-check word.

    A rule is keyed by its pattern and read as its twin (the source without
    ``re.IGNORECASE``, as :func:`~pipeline.regex_guard.lowercase_twin` compiles it), so
    building the scan compiles nothing: a rule whose pre-check never passes is still
    never compiled."""
    from pipeline.toxicity import counter_speech, rules  # they import this module

    entries: list[tuple[object, str, int]] = [
        (rule.pattern, rule.pattern.pattern, rule.pattern.flags & ~re.IGNORECASE)
        for rule in rules.PATTERN_RULES if rule.pattern.flags & re.IGNORECASE]
    cues = counter_speech.LOWERCASE_CUES
    for name in cues.__dataclass_fields__:
        cue = getattr(cues, name)
        entries.append((cue, cue.pattern, cue.flags))
    return Prefilter(entries, rules.need_words())


def may_match(pattern: object, text: str) -> bool:
    """False only when ``pattern`` (a rule's pattern, meaning its lowercase twin, or a
    cue twin) cannot match ``text`` (see the module docstring)."""
    return not ENABLED or prefilter().may_match(pattern, text)


def words_in(text: str, words: frozenset[str]) -> frozenset[str]:
    """Which of ``words`` (pre-check words the prefilter was built with) ``text`` holds."""
    if not ENABLED:
        return frozenset(word for word in words if word in text)
    return prefilter().found(text) & words
