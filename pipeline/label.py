"""Give every block a label and the name of the rule that decided it.

The passes, in the order :func:`label_blocks` runs them:

1. :func:`apply_rules` labels the blocks the registry recognises and notes
   where sections open (a comment form heading, a "Related" heading, an
   author promo) without letting them swallow anything yet.
2. :func:`mark_title` finds the title (the first short unlabelled block)
   and every later copy of it.
3. :func:`find_main_span` finds the article in whole-page dumps: the
   stretch of blocks with the most running text, scored like Finn's Body
   Text Extraction (text words in, short link-like lines out). Blocks
   outside it are page chrome (menus, teasers, footers).
4. :func:`open_sections` lets the sections that open inside or after the
   article swallow what follows them (comments, related articles); a
   "Related" link in a menu above the article opens nothing.
5. :func:`mark_captions` and :func:`inherit_continuations` tidy up.
"""

from __future__ import annotations

import re

from pipeline.config import Config
from pipeline.model import CONTENT, Block
from pipeline.rules import Rule, RuleSet

_SENTENCE_END = re.compile(r"[.!?…:;,]['\"”’)\]]*$")
# A sentence ends in one of TERMINAL_MARKS, then any closing quotes or brackets.
TERMINAL_MARKS = ".!?…"
CLOSERS = "'\"”’)]"
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$|^(al|bin|ibn|de|van|von|der|el|da|di|la|le)-?$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")

# Main-span scoring (Body Text Extraction over blocks). A block of running
# text scores its word count; a short line without sentence punctuation
# (menu item, teaser headline, footer link) costs CHROME_PENALTY. Tuned on
# plain-text renderings of the 181 scrapinghub article pages
# (scripts/eval_text_path.py): penalties 3-8 give the same F1 within 0.005;
# re-run it after changing these.
LONG_BLOCK_WORDS = 10
SHORT_SENTENCE_WORDS = 4
CHROME_PENALTY = 5.0
# A guarded heading ("Related", "Comments", "12 comments") near the top of the
# text is a menu item or teaser box, not the end of the article: it only
# swallows what follows when the text before it is this long, or at least
# RELATED_MIN_SHARE of the text after it.
RELATED_MIN_WORDS_BEFORE = 100
RELATED_MIN_SHARE = 0.5
# This many short lines straight under a "Related" heading make it a link list.
LINK_LIST_MIN_ITEMS = 3


def label_blocks(blocks: list[Block], rules: RuleSet, config: Config,
                 main_text_known: bool = False) -> str | None:
    """Run every labelling pass; return the title.

    ``main_text_known``: an extractor (trafilatura on HTML) already cut the
    article out of the page, so the density pass must not cut it again.
    """
    openers = apply_rules(blocks, rules, config)
    title = mark_title(blocks, config)
    scores = [block_score(b) for b in blocks]
    if main_text_known:
        span = (0, len(blocks))
    else:
        span = find_main_span(blocks, scores)
        mark_outside_span(blocks, span)
        # Blocks outside the span are no longer content and score 0; the rest are unchanged.
        start, end = span
        scores = [0.0] * start + scores[start:end] + [0.0] * (len(blocks) - end)
    open_sections(blocks, openers, span, config, scores)
    keep_dek(blocks, span)
    keep_colon_followers(blocks)
    inherit_continuations(blocks)
    return title


def apply_rules(blocks: list[Block], rules: RuleSet, config: Config) -> list[tuple[int, Rule]]:
    """Label blocks by the registry; return the section openers (block index, rule)."""
    openers: list[tuple[int, Rule]] = []
    in_header = True
    for block in blocks:
        rule = rules.first_match(block.text, header=in_header, words=block.words)
        if rule is not None:
            block.relabel(rule.label, rule.name)
            if rule.scope == "section":
                openers.append((block.index, rule))
            continue
        # The header (title, byline, credits) ends at the first block that reads
        # like body text rather than a heading.
        in_header = in_header and looks_like_title(block, config)
    return openers


def block_score(block: Block) -> float:
    """How much a block looks like article text (positive) or page chrome (negative)."""
    if block.label != CONTENT:
        return 0.0
    words = block.words
    if words < 3 and len(block.text) > 12 and not block.text.isascii():
        words = len(block.text) // 2  # CJK and Thai write words without spaces
    sentence = ends_sentence(block.text) or block.text.count(". ") >= 1
    if words >= LONG_BLOCK_WORDS and block.text.endswith(":"):
        sentence = True  # "...can be accessed through this link:"
    if words >= 3 * LONG_BLOCK_WORDS or (words >= LONG_BLOCK_WORDS and sentence):
        return float(words)
    if words >= SHORT_SENTENCE_WORDS and sentence:
        return words / 2
    return -CHROME_PENALTY


def ends_sentence(text: str) -> bool:
    r"""True when ``text`` ends like a sentence: a mark, then only closing quotes or brackets.

    The answer of ``re.search(r"[.!?…]['\"”’)\]]*$", text)`` (whose ``$`` also
    matches before a final newline), read from the end of the text instead of
    a scan of all of it: block_score asks it of every block.

    >>> ends_sentence('He left.”'), ends_sentence("Menu"), ends_sentence("Why?)\n"), ends_sentence(")")
    (True, False, True, False)
    """
    if text.endswith("\n"):
        text = text[:-1]  # "\n" is neither a mark nor a closer: only the text before it can end a sentence
    last = text.rstrip(CLOSERS)[-1:]
    return last != "" and last in TERMINAL_MARKS


def find_main_span(blocks: list[Block], scores: list[float] | None = None) -> tuple[int, int]:
    """[start, end) of the highest-scoring run of blocks (maximum subarray).

    ``scores`` are the blocks' :func:`block_score` when the caller has them.
    """
    if scores is None:
        scores = [block_score(b) for b in blocks]
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, i
        running += score
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def mark_outside_span(blocks: list[Block], span: tuple[int, int]) -> None:
    start, end = span
    for block in blocks[:start] + blocks[end:]:
        if block.label == CONTENT:
            block.relabel("boilerplate:page_chrome", "density.outside_main_text")


def open_sections(blocks: list[Block], openers: list[tuple[int, Rule]], span: tuple[int, int],
                  config: Config, scores: list[float] | None = None) -> None:
    """Let section headings inside or after the article swallow what follows them.

    ``scores`` are the blocks' current :func:`block_score` when the caller has them.
    """
    start = span[0]
    if scores is None:
        scores = [block_score(b) for b in blocks]
    active = [(i, r) for i, r in openers if i >= start and _may_open(scores, i, r, span)]
    for n, (index, rule) in enumerate(active):
        stop = active[n + 1][0] if n + 1 < len(active) else len(blocks)
        for block in blocks[index + 1:stop]:
            if block.label not in (CONTENT, "boilerplate:page_chrome") or block.rule.endswith("continuation"):
                continue
            if rule.section_label == "promo" and block.words > config.promo_max_words:
                break
            if rule.section_label == "related" and _ends_link_list(scores, index, block.index):
                break
            block.relabel(rule.section_label, f"{rule.name}>section")


def _ends_link_list(scores: list[float], heading: int, index: int) -> bool:
    """True when ``block`` is running text after a list of teaser headlines.

    Under a "Related" heading, one headline and then paragraphs is another
    article pasted below this one (seed 004); several headlines and then
    paragraphs is a link box, and the paragraphs after it are not its.
    """
    if scores[index] <= 0:
        return False
    between = scores[heading + 1:index]
    return len(between) >= LINK_LIST_MIN_ITEMS and all(score <= 0 for score in between)


def _may_open(scores: list[float], index: int, rule: Rule, span: tuple[int, int]) -> bool:
    if not rule.guarded:
        return True
    before = sum(max(0.0, s) for s in scores[span[0]:index])
    after = sum(max(0.0, s) for s in scores[index + 1:span[1]])
    return before >= RELATED_MIN_WORDS_BEFORE or before >= RELATED_MIN_SHARE * after


def keep_dek(blocks: list[Block], span: tuple[int, int]) -> None:
    """Keep the standfirst: one line of at least six words between the title and the text.

    Seed 002: "Tehran is not going to give up influence in the Middle East"
    sits between the headline and the first paragraph and is part of the article.
    """
    start = span[0]
    if start == 0:
        return
    prev = blocks[start - 1]
    before = blocks[start - 2] if start >= 2 else None
    if (
        prev.rule == "density.outside_main_text"
        and prev.words >= 6
        and before is not None
        and before.label in ("title", "byline")
    ):
        prev.relabel(CONTENT, "")


def keep_colon_followers(blocks: list[Block]) -> None:
    """A short line right after article text ending in ':' is what the colon announced.

    Seed 000: "...can be accessed through this link:" followed by the link's
    text, which is part of the article.
    """
    for prev, block in zip(blocks, blocks[1:], strict=False):
        if (
            prev.label == CONTENT
            and prev.text.endswith(":")
            and block.rule == "density.outside_main_text"
            and block.gap_before <= 1
            and block.words >= 3
        ):
            block.relabel(CONTENT, "")


_NON_WORD = re.compile(r"\W+")
_FIRST_WORD = re.compile(r"\w+")


def normalise_title(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def first_word(text: str) -> str:
    """The first word of ``normalise_title(text)``, without normalising all of ``text``.

    >>> first_word("— The Kremlin's view"), normalise_title("— The Kremlin's view").split()[0]
    ('the', 'the')
    """
    found = _FIRST_WORD.search(text)
    return found.group().casefold() if found else ""


def looks_like_title(block: Block, config: Config) -> bool:
    return 1 <= block.words <= config.title_max_words and not re.search(r"[.!?]['\"”’)]*$", block.text)


def title_variants(title: str) -> set[str]:
    """The title and its parts around site-name separators ("Headline | Site")."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if len(p.split()) >= 2]
    return {normalise_title(title)} | {normalise_title(p) for p in parts}


def mark_title(blocks: list[Block], config: Config) -> str | None:
    """Label the title block and its later copies; return the title text.

    The title is the first unlabelled block, when it is short and does not
    end like a sentence. A page often repeats it (HTML <title> and <h1> both
    end up in the dump), so every later block with the same words, or the
    same words as the title without its " | Site name", is a ``title`` too
    (rule ``title.duplicate``); the copy that drops the site name is the title.
    """
    first: Block | None = None
    for block in blocks:
        if block.label != CONTENT:
            continue
        if looks_like_title(block, config):
            first = block
        break
    if first is None:
        return None
    first.relabel("title", "title.first_short_block")
    title = first.text
    variants = title_variants(title)
    # Normalising every paragraph was a third of labelling's time; a block can
    # only equal a variant if its first word is a variant's first word.
    starts = {v.split(" ", 1)[0] for v in variants}
    for block in blocks:
        if block.label == CONTENT and first_word(block.text) in starts and normalise_title(block.text) in variants:
            block.relabel("title", "title.duplicate")
            if len(block.text) < len(title):
                title = block.text
    return title


def mark_captions(blocks: list[Block], config: Config) -> None:
    """Label image captions: short name-like lines repeated from a neighbour.

    A picture of a person is captioned with the name the paragraph beside
    it already uses ("Qassem Soleimani"). Section headings ("Protecting
    Syria") are not repeated from the text around them, so they stay.
    """
    content = [b for b in blocks if b.label == CONTENT]
    for i, block in enumerate(content):
        words = block.text.split()
        if not 2 <= len(words) <= config.caption_max_words or _SENTENCE_END.search(block.text):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        neighbours = content[max(0, i - 1):i] + content[i + 1:i + 2]
        if any(block.text in n.text and n.words > 3 * len(words) for n in neighbours):
            block.relabel("caption", "caption.name_repeated_from_neighbour")


def inherit_continuations(blocks: list[Block]) -> None:
    """A wrapped line (same paragraph, starts in lower case) shares its line's fate.

    "Re-publications are welcome, but we kindly ask you,\\nto facilitate ..."
    is one disclaimer over three lines; only the first matches a rule.
    """
    for prev, block in zip(blocks, blocks[1:], strict=False):
        if (
            (block.label == CONTENT or block.rule.endswith(">section"))
            and prev.label != CONTENT
            and not prev.rule.endswith(">section")
            and prev.rule != "density.outside_main_text"
            and block.gap_before == 0
            and block.text[:1].islower()
        ):
            block.relabel(prev.label, f"{prev.rule}>continuation")
