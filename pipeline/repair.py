"""Repair the text of a page: mojibake, entities, line ends, odd spaces, stray escapes.

ftfy does the hard part. It runs about 1 MB/s, so it only sees the lines it
could change: :func:`needs_ftfy` is a conservative pre-check (see its
docstring), and ``tests/test_repair.py`` proves on the seeds, their damaged
copies and 181 article texts that skipping the other lines changes nothing.

>>> repair_text("It\\u00e2\\u20ac\\u2122s “quoted”\\r\\nnext\\u00a0line").text
'It’s “quoted”\\nnext line'
>>> repair_text("Zarif tweeted: “\\\\Why on earth”").text
'Zarif tweeted: “Why on earth”'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import ftfy

from pipeline.config import Config

# Characters that make a line worth ftfy's time. Mojibake of UTF-8 read as a
# single-byte code page always contains a lead byte rendered as U+00C2-U+00F4;
# cp1251/cp1253 mojibake lands in Cyrillic/Greek; the rest are what ftfy's
# other fixers act on (entities, controls, C1, ligatures, odd line breaks,
# surrogates). General punctuation (curly quotes, dashes) alone is not enough.
_FTFY_TRIGGER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\u00ff\u0370-\u04ff\ufb00-\ufb06\ufff9-\ufffd"
    "\u2028\u2029\ud800-\udfff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\uff00-\uffef]"
)
# ftfy unescapes only what matches its HTML_ENTITY_RE (ftfy.chardata); a bare
# "&" (R&D, "Q & A") is left alone.
_HTML_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")

# Odd spaces scrapers leave: no-break, figure, narrow no-break, ideographic... -> " ".
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_MULTI_SPACE = re.compile(" {2,}")
# A backslash escape left in front of a word by a bad JSON/CSV export:
# “\Why, \"quoted\", \'s. Only at the start of a word after a quote, bracket
# or space, so Windows paths (C:\Users\x) and LaTeX in the middle of words stay.
_STRAY_ESCAPE = re.compile(r"""(?:(?<=^)|(?<=[\s"'“‘(\[«]))\\(?=[A-Za-z"'“”‘’])""", re.M)
_ESCAPED_QUOTE = re.compile(r"""\\(["'])""")


@dataclass
class Repaired:
    text: str
    changed_by_ftfy: int = 0
    flags: list[str] = field(default_factory=list)
    replacement_chars: int = 0


@lru_cache(maxsize=8)
def ftfy_config(uncurl_quotes: bool, normalization: str | None, fix_width: bool) -> ftfy.TextFixerConfig:
    """The ftfy configuration, chosen on purpose (see :class:`pipeline.config.Config`)."""
    return ftfy.TextFixerConfig(
        uncurl_quotes=uncurl_quotes,
        normalization=normalization,  # type: ignore[arg-type]  # validated: one of NFC/NFD/NFKC/NFKD/None
        fix_character_width=fix_width,
        explain=False,
    )


def needs_ftfy(line: str) -> bool:
    """True when ftfy could change ``line``.

    Pure ASCII without an HTML entity or control characters never changes
    (a no-break space counts as a space here), and neither
    does text whose only non-ASCII characters are general punctuation
    (U+2010-U+2027, U+2030-U+205E), the euro and trade mark signs, or scripts
    ftfy has no code page for, provided it is already NFC.

    >>> needs_ftfy("It’s “fine” — really…")
    False
    >>> needs_ftfy("Itâ€™s broken")
    True
    >>> needs_ftfy("R&D,\u00a0Q & A"), needs_ftfy("R&amp;D")
    (False, True)
    """
    if "&" in line and _HTML_ENTITY.search(line):
        return True
    if "\xa0" in line:
        # A no-break space is in mojibake only after a lead byte (Â, â, Ã...),
        # which is a trigger of its own; alone it is just a space tidy_line fixes.
        line = line.replace("\xa0", " ")
    if line.isascii():
        return bool(_FTFY_TRIGGER.search(line))
    if _FTFY_TRIGGER.search(line):
        return True
    return not unicodedata.is_normalized("NFC", line)


def repair_text(text: str, config: Config | None = None) -> Repaired:
    """Undo what encoders and scrapers did to ``text``; line structure is kept."""
    config = config or Config()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fix = ftfy_config(config.ftfy_uncurl_quotes, config.ftfy_normalization, config.ftfy_fix_character_width)
    out: list[str] = []
    changed = 0
    for line in text.split("\n"):
        if needs_ftfy(line):
            fixed = ftfy.fix_text(line, fix)
            changed += fixed != line
            line = fixed.replace("\n", " ")
        out.append(tidy_line(line))
    text = "\n".join(out)
    lost = text.count("\ufffd")
    if lost:
        text = "\n".join(restore_closing_quotes(line) if "\ufffd" in line else line for line in text.split("\n"))
    repaired = Repaired(text, changed_by_ftfy=changed, replacement_chars=lost)
    if lost:
        repaired.flags.append("encoding_loss")
    return repaired


def restore_closing_quotes(line: str) -> str:
    """Put back the ” that UTF-8-read-as-cp1252 loses for good, where a “ is open.

    ” is E2 80 9D in UTF-8 and 0x9D has no cp1252 character, so a round trip
    through cp1252 replaces it with U+FFFD; it is the character such damage
    loses most (all 62 losses in the seeds' lossy copies). Only a U+FFFD that
    closes an open “ is restored; the document keeps its ``encoding_loss`` flag.

    >>> restore_closing_quotes("He said “no\ufffd and left. “Yes\ufffd")
    'He said “no” and left. “Yes”'
    >>> restore_closing_quotes("Caf\ufffd")
    'Caf\ufffd'
    """
    out = []
    depth = 0
    for char in line:
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif char == "\ufffd" and depth > 0:
            char, depth = "”", depth - 1
        out.append(char)
    return "".join(out)


def tidy_line(line: str) -> str:
    """Normalise spacing and stray escapes inside one line.

    >>> tidy_line('a\\u00a0 b  c \\\\"quoted\\\\" ')
    'a b c "quoted"'
    """
    # The substitutions only run where their characters are: most lines are
    # ASCII without tabs, double spaces or backslashes, and tidy_line sees every line.
    if not line.isascii():
        line = _ZERO_WIDTH.sub("", line)
        line = _ODD_SPACES.sub(" ", line)
    elif "\t" in line:
        line = _ODD_SPACES.sub(" ", line)
    if "\\" in line:
        line = _ESCAPED_QUOTE.sub(r"\1", line)
        line = _STRAY_ESCAPE.sub("", line)
    if "  " in line:
        line = _MULTI_SPACE.sub(" ", line)
    return line.strip()
