"""Related-article links glued into a paragraph (``inline_link_injection``).

Two shapes, both seen on news and translation sites:

- headline, then the cue: "…in the region. What you need to know about the
  Iranian nuclear deal. Read more “Cooperation between…" (seed 002). The cue
  stands alone: followed by a new sentence or the end of the paragraph, never
  by a lower-case word ("read more about it" is English, not a link);
- the cue, then the headline: "READ MORE: Putin says…", "Read also: …",
  "See also: …", with a colon, up to the end of that headline sentence.

>>> text = ("They concern the region. What you need to know about the Iranian nuclear deal. "
...         "Read more “Cooperation goes on,” he said.")
>>> [(text[a:b], shape) for a, b, shape in find_link_injections(text)]
[('What you need to know about the Iranian nuclear deal. Read more ', 'headline_then_cue')]
>>> text = "The talks failed. READ MORE: Putin vows to respond to new sanctions"
>>> [(text[a:b], shape) for a, b, shape in find_link_injections(text)]
[(' READ MORE: Putin vows to respond to new sanctions', 'cue_then_headline')]
>>> find_link_injections("Read more about the plan in our report. See also the appendix.")
[]
"""

from __future__ import annotations

import re

from pipeline.translation.artifacts import sentence_spans

# A glued headline is one short sentence; longer text before the cue is the
# paragraph's own.
HEADLINE_MAX_WORDS = 20
HEADLINE_MIN_WORDS = 3
CONFIDENCE = 0.85

_CUE_AFTER = re.compile(
    r"(?P<cue>\b(?:Read|READ) (?:more|also|MORE|ALSO)|\bContinue reading|"
    r"\bRead the full (?:story|article))"
    r"\s*[»›→…]?(?=\s+[\"“‘«A-Z]|\s*$)"
)
_CUE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?”\"]))\s*"
    r"(?P<cue>(?:Read|READ|Also read|ALSO READ|See also|SEE ALSO|Related|RELATED)"
    r"(?: (?:more|also|MORE|ALSO))?)\s*:\s*(?P<headline>[\"“‘A-Z0-9][^\n]*)"
)
_QUOTES = re.compile(r"[\"“”«»]")
# Every cue of both patterns contains one of these (case-sensitive, as the
# patterns are): a paragraph with none of them is not searched at all.
_CUE_WORDS = ("Read", "READ", "Also read", "See also", "SEE ALSO", "Related", "RELATED",
              "Continue reading")
_ANY_CUE_WORD = re.compile("|".join(map(re.escape, _CUE_WORDS)))


def _headline_before(text: str, cue_start: int) -> int | None:
    """Start of the headline sentence that ends right before the cue, if it is one."""
    before = text[:cue_start].rstrip()
    spans = sentence_spans(before)
    if len(spans) < 2:
        return None
    start, end = spans[-1]
    headline = before[start:end]
    words = len(headline.split())
    if not HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS or _QUOTES.search(headline):
        return None
    return start


def _headline_after(text: str, start: int) -> int | None:
    """End of the headline that follows a cue: its first sentence, if short."""
    rest = text[start:]
    spans = sentence_spans(rest)
    if not spans:
        return None
    end = spans[0][1]
    if len(rest[:end].split()) > HEADLINE_MAX_WORDS:
        return None
    return start + end


def find_link_injections(text: str) -> list[tuple[int, int, str]]:
    """(start, end, shape) of every injected link in ``text``, cue included."""
    found: list[tuple[int, int, str]] = []
    if not _ANY_CUE_WORD.search(text):  # one scan, not eight
        return found
    for match in _CUE_AFTER.finditer(text):
        start = _headline_before(text, match.start())
        if start is None:
            continue
        end = match.end()
        while end < len(text) and text[end] == " ":
            end += 1
        found.append((start, end, "headline_then_cue"))
    for match in _CUE_BEFORE.finditer(text):
        if any(a <= match.start("cue") < b for a, b, _ in found):
            continue
        headline_end = _headline_after(text, match.start("headline"))
        if headline_end is None:
            continue
        found.append((match.start(), headline_end, "cue_then_headline"))
    return sorted(found)
