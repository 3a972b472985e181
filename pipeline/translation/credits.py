"""Read translator and source credit lines into the translation record.

The boilerplate registry already labels credit lines ``credit`` (rule
``credit.translation``), so they are out of the body; here they become
metadata: the source language (ISO 639-1), the translator and the outlet that
first published the text.

>>> parse_credit("Original published by inosmi.ru; translation from Russian by J.Hawk")
Credit(source_language='ru', translator='J.Hawk', original_publisher='inosmi.ru', explicit=True)
>>> parse_credit("Translated from the Persian by Ali Reza Tavakoli for Fars News.")
Credit(source_language='fa', translator='Ali Reza Tavakoli', original_publisher=None, explicit=True)
>>> parse_credit("Source: Kommersant")
Credit(source_language='ru', translator=None, original_publisher='Kommersant', explicit=False)
>>> parse_credit("Source: Reuters") is None
False
>>> parse_credit("The source said the talks failed.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

LANGUAGES = {
    "russian": "ru",
    "persian": "fa",
    "farsi": "fa",
    "dari": "fa",
    "arabic": "ar",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "chinese": "zh",
    "mandarin": "zh",
    "turkish": "tr",
    "ukrainian": "uk",
    "italian": "it",
    "portuguese": "pt",
    "polish": "pl",
    "serbian": "sr",
    "croatian": "hr",
    "hebrew": "he",
    "japanese": "ja",
    "korean": "ko",
    "kurdish": "ku",
    "urdu": "ur",
    "hindi": "hi",
    "greek": "el",
    "dutch": "nl",
    "swedish": "sv",
    "czech": "cs",
    "hungarian": "hu",
    "romanian": "ro",
    "bulgarian": "bg",
    "azerbaijani": "az",
    "azeri": "az",
    "armenian": "hy",
    "georgian": "ka",
    "kazakh": "kk",
    "uzbek": "uz",
    "belarusian": "be",
    "pashto": "ps",
    "tajik": "tg",
    "chechen": "ce",
    "finnish": "fi",
    "norwegian": "no",
    "danish": "da",
    "slovak": "sk",
    "slovenian": "sl",
    "lithuanian": "lt",
    "latvian": "lv",
    "estonian": "et",
    "vietnamese": "vi",
    "indonesian": "id",
    "malay": "ms",
    "thai": "th",
}

# Country-code domains whose sites publish (almost) only in the local language.
# A domain under one of these, credited as a source, says the text was translated.
TLD_LANGUAGES = {
    "ru": "ru",
    "ir": "fa",
    "ua": "uk",
    "de": "de",
    "fr": "fr",
    "es": "es",
    "it": "it",
    "tr": "tr",
    "pl": "pl",
    "cn": "zh",
    "jp": "ja",
    "kr": "ko",
    "rs": "sr",
}

_LANG_NAMES = "|".join(sorted(LANGUAGES, key=len, reverse=True))
_STOP = r"(?=\s*(?:[;|()\[\]]|,\s|\s-\s|\s[–—]\s|\.\s|\.?$|\s+(?:for|from|via|at|on|in)\s))"
_NAME = r"(?P<{}>[^\s;|,()][^;|()\[\]]{{0,60}}?)"
_SOURCE_LANGUAGE = re.compile(
    rf"\btranslat(?:ed|ion)\s+(?:\w+\s+)?(?:from|out of)\s+(?:the\s+)?"
    rf"(?P<lang>{_LANG_NAMES})\b|\b(?P<lang2>{_LANG_NAMES})[\s-]+"
    rf"(?:to[\s-]+english\s+)?translation\b",
    re.IGNORECASE,
)
_TRANSLATOR = re.compile(
    rf"\b(?:translat(?:ed|ion)(?:\s+(?:from|out of)\s+(?:the\s+)?\w+)?(?:\s+into\s+english)?"
    rf"(?:\s+and\s+\w+)?(?:\s+for\s+[^;|()]{{1,40}}?)?\s+by|"
    rf"translator\s*:|translation\s*:|translated\s*:)\s*{_NAME.format('name')}{_STOP}",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    rf"\b(?:original(?:ly)?\s+(?:published|appeared|posted)\s+(?:by|in|on|at)|"
    rf"first\s+(?:published|appeared)\s+(?:by|in|on|at)|original(?:\s+article)?\s*:|source\s*:)\s*"
    rf"{_NAME.format('pub')}{_STOP}",
    re.IGNORECASE,
)
_TRANSLATION_WORD = re.compile(r"\btranslat(?:ed|ion|or)\b", re.IGNORECASE)
_ENGLISH_EDITION = re.compile(r"^(?:en|eng|english)\.|english|[-.]en\b", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?P<tld>[a-z]{2,})$", re.IGNORECASE)


@dataclass(frozen=True)
class Credit:
    """What one credit line says; ``explicit`` when it names a translation."""

    source_language: str | None
    translator: str | None
    original_publisher: str | None
    explicit: bool


@lru_cache(maxsize=1)
def foreign_outlets() -> dict[str, str]:
    """Outlet name or domain (lower case) -> language, from data/outlets.tsv."""
    table = {}
    for line in (DATA / "outlets.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, lang = line.split("\t")[:2]
            table[name.strip().lower()] = lang.strip()
    return table


def outlet_language(outlet: str) -> str | None:
    """The language a credited outlet publishes in, when we know it is not English.

    >>> [outlet_language(name) for name in ("inosmi.ru", "english.pravda.ru", "Reuters")]
    ['ru', None, None]
    """
    key = outlet.strip().lower().removeprefix("www.")
    if _ENGLISH_EDITION.search(key):
        return None
    table = foreign_outlets()
    if key in table:
        return table[key]
    for name, lang in table.items():
        if re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", key):
            return lang
    domain = _DOMAIN.match(key)
    if domain:
        return TLD_LANGUAGES.get(domain.group("tld"))
    return None


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'“”‘’«»").rstrip(".:,;").strip()
    return name or None


def parse_credit(text: str) -> Credit | None:
    """What a credit line says, or None when it says nothing we can use."""
    lang_match = _SOURCE_LANGUAGE.search(text)
    language = None
    if lang_match:
        language = LANGUAGES[(lang_match.group("lang") or lang_match.group("lang2")).lower()]
    translator_match = _TRANSLATOR.search(text)
    translator = _clean_name(translator_match.group("name")) if translator_match else None
    if translator and translator.lower() in LANGUAGES:
        translator = None
    publisher_match = _PUBLISHER.search(text)
    publisher = _clean_name(publisher_match.group("pub")) if publisher_match else None
    explicit = bool(_TRANSLATION_WORD.search(text)) and bool(language or translator)
    if publisher and language is None:
        language = outlet_language(publisher)
    if not (language or translator or publisher):
        return None
    return Credit(language, translator, publisher, explicit)


# A credit line the registry did not label: short and opening with a cue.
CREDIT_LINE_MAX_WORDS = 30
_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?:(?:this|the)\s+(?:article|text|piece|interview|report)\s+(?:was|has\s+been)\s+)?"
    r"(?:translated\b|translation\b|translator\s*:|source\s*:|"
    r"original(?:ly)?\s+(?:published|appeared)\b)",
    re.IGNORECASE,
)
# "(Translated from Persian by X.)" glued to the end of a paragraph.
INLINE_CREDIT = re.compile(
    r"\s*[(\[]\s*(?:translated|translation)\b[^()\[\]]{3,120}[)\]]\s*$", re.IGNORECASE
)


def is_translation(credit: Credit) -> bool:
    """A credit that says the text was translated, or names a foreign-language source.

    "Originally published on Live Science" is a syndication credit, not a
    translation credit; the publication metadata reads it instead.
    """
    return credit.explicit or credit.source_language is not None


def is_credit_line(text: str) -> bool:
    """True for a stand-alone translation credit the boilerplate rules missed.

    >>> is_credit_line("Translated by Ed Ward"), is_credit_line("Translation is an art, she said.")
    (True, False)
    """
    # The anchored cue fails at once on almost every paragraph; counting words would not.
    if not _CREDIT_LINE.match(text) or len(text.split()) > CREDIT_LINE_MAX_WORDS:
        return False
    credit = parse_credit(text)
    return credit is not None and is_translation(credit)
