"""One frozen configuration; every knob with its default and its risk.

The fingerprint of a configuration goes into every record and decides, with
the input hash, whether a document has to be cleaned again.

>>> Config().fingerprint == Config().fingerprint
True
>>> Config().with_overrides({"language_sample_chars": 500}).fingerprint != Config().fingerprint
True
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

# Kinds of block rules that run by default (see pipeline/rules/). Removing a kind
# keeps its blocks in the body: safer for odd sites, dirtier for WordPress ones.
DEFAULT_RULE_KINDS = (
    "wordpress",
    "comment_widget",
    "donation",
    "share",
    "promo",
    "related",
    "disclaimer",
    "credit",
    "byline",
    "navigation",
)


@dataclass(frozen=True)
class Config:
    # --- input limits -----------------------------------------------------
    # A file larger than this is rejected as ``too_large`` instead of read.
    # Risk: a real 60 MB dump is rejected; raise it for such corpora.
    max_file_bytes: int = 50_000_000
    # One document (a record inside a container, or a decompressed file) may
    # not be larger than this; a gzip bomb ends here as a reject.
    max_record_bytes: int = 20_000_000
    max_decompressed_bytes: int = 500_000_000

    # --- HTML extraction (pipeline/html.py) ----------------------------------
    # Time limit for trafilatura on one page; a page that takes longer falls
    # back to the plain-text rendering (flag ``html_extraction_timeout``). The
    # 181 scrapinghub pages take 38 ms (median), 133 ms (p95), 625 ms (max).
    # Risk: too low loses trafilatura's extraction on big pages on slow machines.
    html_timeout_seconds: float = 20.0

    # --- encoding repair (ftfy) ---------------------------------------------
    # Keep the author's curly quotes: ftfy's default straightens them, which
    # loses information a corpus user may want (and changes every quote).
    ftfy_uncurl_quotes: bool = False
    # NFC only composes what is decomposed; it never changes compatibility
    # characters (NFKC would turn "ﬁ" and "²" into other text).
    ftfy_normalization: str | None = "NFC"
    # Full-width Latin is normal inside CJK text; don't narrow it.
    ftfy_fix_character_width: bool = False

    # --- blocks and labels ---------------------------------------------------
    rule_kinds: tuple[str, ...] = DEFAULT_RULE_KINDS
    # A title is a short first block; longer first blocks are content.
    title_max_words: int = 25
    # Captions are short name-like lines repeated from the paragraph beside them.
    caption_max_words: int = 5
    # An author-promo section (after "VISIT MY WEBSITE" and the like) swallows
    # only short blocks; a paragraph this long ends it and stays content.
    promo_max_words: int = 40

    # --- language --------------------------------------------------------------
    # langdetect reads this many characters from the middle of the body. On
    # the 181 scrapinghub article bodies (8 languages) 800 characters agree
    # with the whole text on 181/181 (500: 179/181) at ~4 ms instead of ~20.
    language_sample_chars: int = 800
    # langdetect's random trials per call (its default is 7). 3 trials agree
    # with 7 on 181/181 article bodies and cut its time by about a quarter.
    language_trials: int = 3
    language_seed: int = 0

    # --- comment threads -------------------------------------------------------
    # Toxicity score at or above which a comment is removed (None: the
    # model's own operating threshold, see pipeline/toxicity/MODEL_CARD.md).
    toxicity_threshold: float | None = None
    # What to do with the non-toxic comments: write them beside the document.
    keep_clean_comments: bool = True
    # A comment section whose nesting cannot be seen (no "Reply to X" or "@X"
    # anywhere) is removed whole when at least this share of its comments is
    # toxic (pipeline/comments/policy.py). Risk: lower loses ordinary
    # discussion under a few toxic posts; higher keeps answers to hate whose
    # context is gone (seed 003: 3 of 7 toxic, per-comment removal).
    comment_section_toxic_share: float = 0.5
    # A short comment in the second person ("you", "@") right after a toxic one
    # is taken for a reply to it and leaves with it. Risk: an unrelated short
    # comment that happens to say "you" is lost; off keeps insults that only
    # make sense as answers to a removed comment.
    comment_infer_replies: bool = True

    # --- translation artifacts and publication metadata (pipeline/translation) ----
    # Artifact kinds to detect. Dropping one silences it; nothing else changes.
    translation_detectors: tuple[str, ...] = (
        "translation_credit", "script_remnant", "foreign_sentence", "duplicate_rendering",
        "inline_link_injection", "transliteration", "quote_anomaly",
    )
    # Cut injected related-link headlines ("… Read more") and doubled headline
    # renderings out of paragraphs (each cut recorded with a hash). Risk: a real
    # short sentence before a stray "Read more" is lost; False only reports them.
    remove_inline_injections: bool = True
    # likely_translated is true at or above this score (pipeline/translation/score.py).
    # Risk: lower marks native pages with a few odd quotes as translations.
    likely_translated_threshold: float = 0.5
    # Emit a complete article found under a "Related" heading as its own
    # document. Risk: none for the main body (already excluded); off loses it.
    emit_appended_articles: bool = True

    # --- free-form overrides for later stages ------------------------------------
    extra: tuple[tuple[str, Any], ...] = field(default_factory=tuple)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A short hash of every setting; changes whenever any knob changes (computed once)."""
        payload = json.dumps(dataclasses.asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def with_overrides(self, overrides: dict[str, Any] | None) -> Config:
        """A copy with some knobs changed; unknown names are an error, not a no-op.

        >>> Config().with_overrides({"no_such_knob": 1})
        Traceback (most recent call last):
        ...
        ValueError: unknown config setting(s): no_such_knob
        """
        if not overrides:
            return self
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise ValueError(f"unknown config setting(s): {', '.join(unknown)}")
        fixed: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items()}
        return dataclasses.replace(self, **fixed)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
