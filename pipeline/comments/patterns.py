"""What the lines of a comment section look like in plain-text scrapes, as data.

Comment widgets lose their markup in a text dump, but they leave lines behind:
"John Smith says:" (WordPress core), "June 3, 2019 at 4:12 pm", "3 years ago"
(wpDiscuz, Disqus), "Reply to Jane Doe" (wpDiscuz child comments), "Liked by 1
person" (Jetpack). Each pattern matches one whole line, says why it exists and
carries examples that must (``positive``) and must not (``negative``) match;
``tests/test_comments.py`` checks them all. Named groups ``author``, ``date`` and
``parent`` carry what the segmenter reads out of a line.

>>> match_line("reply_to", "Reply to  Real Anti-Racist Action").group("parent")
'Real Anti-Racist Action'
>>> looks_like_author("Night Hunter"), looks_like_author("SCO, Belt and road")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pipeline.regex_guard import TailGuard, tail_guard

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
_ABSOLUTE = (rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}|"
             rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})(?:\s*(?:at|@|,|-|–|—|\|)?\s*{_TIME})?")
_RELATIVE = (r"(?:(?:\d+|an?|one)\s+"
             r"(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago|"
             r"just now|yesterday|today)(?:\s*(?:at|@|,)?\s*" + _TIME + r")?")
DATE = rf"(?:{_ABSOLUTE}|{_RELATIVE})"
"""A comment date as a widget prints it: absolute with an optional time, or relative."""

_SAYS = r"(?:says|said|wrote)\s*(?::|\.\.\.|…)"


@dataclass(frozen=True)
class LinePattern:
    name: str
    pattern: str
    comment: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self.pattern})$", re.IGNORECASE)

    @cached_property
    def tail(self) -> TailGuard | None:
        """How a matching line can end (None: any way). A header pattern with a lazy
        ``.{1,60}?`` name tried on a 700-character comment was most of segmenting."""
        return tail_guard(self.regex)


LINE_PATTERNS = (
    LinePattern(
        "author_says",
        rf"(?P<author>.{{1,60}}?)(?:\s+(?:on|@|\|)\s+(?P<date>{DATE}))?\s+{_SAYS}",
        "WordPress core comment header ('John Smith says:'); older themes and Blogger "
        "print 'Name on <date> said:' or 'Name said...'. The name must still look like one.",
        ("John Smith says:", "Anonymous said...", "Jane Doe on June 3, 2019 at 4:12 pm said:"),
        ("He says it will rain.", "John Smith says the plan failed."),
    ),
    LinePattern(
        "author_date",
        rf"(?P<author>.{{1,60}}?)\s*(?:\s(?:on|posted)\s|[|•·,–—-])?\s*(?P<date>{DATE})",
        "Name and date on one line ('Jane Doe | June 3, 2019', 'Jane Doe • 3 years ago').",
        ("Jane Doe | June 3, 2019", "Jane Doe • 3 years ago", "Jane Doe on 2019-06-03 16:12"),
        ("Elections are held on June 3, 2019 in the whole country", "3 years ago"),
    ),
    LinePattern(
        "date",
        rf"(?:posted\s+|on\s+)?(?P<date>{DATE})(?:\s*\(edited\))?",
        "A date alone on a line, above the comment (wpDiscuz, Disqus) or below it (Blogger).",
        ("June 3, 2019 at 4:12 pm", "3 years ago", "03/06/2019 at 12:00", "an hour ago",
         "12 June 2020"),
        ("June 3, 2019 was a hot day.", "Three years ago we met."),
    ),
    LinePattern(
        "reply_to",
        r"(?:in\s+)?(?:reply(?:ing)?\s+to|replied\s+to|→|↪)\s*@?\s*"
        r"(?P<parent>[^\s.!?,;:]+(?:\s+[^\s.!?,;:]+){0,4})\.?",
        "A visible reply relation: wpDiscuz prints 'Reply to  Name' on child comments, some "
        "WordPress themes 'In reply to Name.', Twitter-style embeds 'Replying to @name'.",
        ("Reply to  Real Anti-Racist Action", "In reply to Jane Doe.", "Replying to @jdoe"),
        ("Reply", "Reply to the letter was never sent by the ministry at all."),
    ),
    LinePattern(
        "closing_marker",
        r"reply|log in to reply|report|like|liked by \d+ (?:person|people)|share(?:\s*›)?|"
        r"(?:reply\s*)?•\s*share\s*›?|edit|permalink|flag(?: as inappropriate)?|"
        r"(?:up|down)vote|vote (?:up|down)|[+-]?\d+\s*(?:votes?|points?)?|[•·]",
        "Per-comment action links and vote counters (WordPress 'Reply', Jetpack 'Like' and "
        "'Liked by 1 person', Disqus 'Reply • Share ›'); they end a comment.",
        ("Reply", "Liked by 1 person", "Reply • Share ›", "0", "+3 votes", "Log in to Reply"),
        ("Reply soon, please.", "Like the minister said, it failed."),
    ),
    LinePattern(
        "list_marker",
        r"(?:show|view|load|hide)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?(?:repl(?:y|ies)|comments?)|"
        r"\d+\s+repl(?:y|ies)|newer comments?|older comments?|(?:\d+\s+)?comments?\s*(?:»|›)?",
        "Thread list controls ('View 3 replies', 'Load more comments', 'Older comments').",
        ("View 3 replies", "Load more comments", "Older Comments", "2 replies"),
        ("View the replies from the ministry below.",),
    ),
)

PATTERNS = {p.name: p for p in LINE_PATTERNS}

# An author line: at most this many words and characters. WordPress and Disqus
# display names in the seeds and test pages have 1-4 words and < 30 characters.
AUTHOR_MAX_WORDS = 5
AUTHOR_MAX_CHARS = 40
_NAME_WORD = re.compile(r"^(?:[A-Z\d][\w.'’&-]*|[\w.'’-]*[\d_][\w.'’-]*|@[\w.-]+|"
                        r"(?:al|bin|ibn|de|van|von|der|den|el|da|di|du|la|le|of|the|y)-?)$")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you'?re|yours|yourself|u|ur|ya)\b|^@", re.IGNORECASE)


LINE_MEMO_SIZE = 4096
"""Lines whose pattern matches are remembered: the segmenter asks about each block as the
line it reads and again as the line after an author line, and names and action links
("Reply") recur from page to page of a site."""


@lru_cache(maxsize=LINE_MEMO_SIZE)
def match_line(name: str, text: str) -> re.Match[str] | None:
    """Match one of :data:`LINE_PATTERNS` against a whole line."""
    pattern, line = PATTERNS[name], text.strip()
    # A line that ends where no match can end is refused before the pattern runs.
    if pattern.tail is not None and not pattern.tail.admits(line):
        return None
    return pattern.regex.match(line)


@lru_cache(maxsize=LINE_MEMO_SIZE)
def looks_like_author(text: str) -> bool:
    """A display name: a few capitalised words or a handle, no sentence punctuation.

    Lower-case words other than name particles are refused, so a one-line
    comment ("SCO, Belt and road", "great article") is not taken for a name;
    a handle with digits or underscores ("jdoe_88") is accepted.

    >>> names = ("Real Anti-Racist Action", "jdoe_88", "Great article", "Thanks!")
    >>> [looks_like_author(t) for t in names]
    [True, True, False, False]
    """
    text = text.strip()
    words = text.split()
    if not 1 <= len(words) <= AUTHOR_MAX_WORDS or len(text) > AUTHOR_MAX_CHARS:
        return False
    if re.search(r"[,;:!?]|[.…]$", text) and not re.search(r"\b[A-Z][a-z]?\.$", text):
        return False
    if any(match_line(name, text) for name in ("closing_marker", "list_marker", "date")):
        return False
    return all(_NAME_WORD.match(w) for w in words) and any(c.isalpha() for c in text)


def addresses_someone(text: str) -> bool:
    """The comment speaks to a person ("you", "your", "@name"): a reply, when one can't be seen.

    >>> addresses_someone("boy, where do you collect such stupidities???")
    True
    >>> addresses_someone("Good interview.")
    False
    """
    return _SECOND_PERSON.search(text) is not None
