"""The faster langdetect detector gives exactly langdetect's answer.

pipeline.language overrides three of langdetect's methods for speed; the
claim is that the output is bit-for-bit the same, so it is checked against
the unmodified ``langdetect.detector.Detector`` on real text: the seed pages,
the 181 article bodies, and sentences in ten languages.
"""

from __future__ import annotations

import json

import pytest
from conftest import REPO, SEEDS, SHARED
from langdetect.detector import Detector

from pipeline.language import UNDETERMINED, detect_language, sample_text

ARTICLES = SHARED / "datasets" / "articles" / "scrapinghub" / "ground-truth.json"
FOREIGN = REPO / "tests" / "data" / "translation" / "foreign_sentences.json"
# Scripts whose characters langdetect normalises in its own ways (Cyrillic,
# Arabic and Farsi yeh, kana, CJK, Hangul, Vietnamese marks, Romanian commas).
OTHER_SCRIPTS = [
    "Москва заявила, что переговоры продолжатся на следующей неделе в Женеве.",
    "قالت الحكومة إن المحادثات ستستمر الأسبوع المقبل في جنيف",
    "دولت ایران اعلام کرد که مذاکرات هفته آینده ادامه خواهد یافت",
    "政府は来週ジュネーブで交渉を続けると発表した。",
    "政府宣布下周将在日内瓦继续谈判。",
    "정부는 다음 주 제네바에서 협상을 계속할 것이라고 발표했다.",
    "Chính phủ cho biết các cuộc đàm phán sẽ tiếp tục vào tuần tới tại Geneva.",
    "Guvernul a anunțat că negocierile vor continua săptămâna viitoare la Geneva.",
    "THE GOVERNMENT SAID TALKS WILL GO ON NEXT WEEK  in   Geneva, see https://example.org/a?b=1 or a.b@example.org",
]


def texts() -> list[str]:
    sentences = json.loads(FOREIGN.read_text(encoding="utf-8"))["sentences"]
    found = [s for group in sentences.values() for s in group] + OTHER_SCRIPTS
    if (SEEDS / "raw").is_dir():
        found += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((SEEDS / "raw").iterdir())]
    if ARTICLES.is_file():
        found += [a["articleBody"] for a in json.loads(ARTICLES.read_text(encoding="utf-8")).values()]
    return found


def test_the_corpus_is_there_when_shared_is() -> None:
    if not ARTICLES.is_file():
        pytest.skip("../shared is not beside the repository")
    assert len(texts()) > 180


@pytest.mark.parametrize("sample_chars", [800, 20_000])
def test_same_language_and_probability_as_langdetect(sample_chars: int) -> None:
    differ = [
        text[:60]
        for text in texts()
        if detect_language(text, sample_chars) != detect_language(text, sample_chars, detector_class=Detector)
    ]
    assert differ == []


def test_no_letters_is_undetermined_not_an_exception() -> None:
    assert detect_language("12 34 -- !!") == (UNDETERMINED, 0.0)
    assert detect_language("") == (UNDETERMINED, 0.0)


def test_sample_is_cut_at_spaces_from_the_middle() -> None:
    text = " ".join(f"w{i}" for i in range(1000))
    sample = sample_text(text, 100)
    assert len(sample) <= 100
    assert sample.split()[0] in text.split() and sample.split()[-1] in text.split()
    assert "w0 " not in sample


# cleaning_text drops Latin letters when other scripts outnumber them two to
# one; these sit on either side of that line and use the characters its
# comparisons treat specially ('[' to '`' lie between 'Z' and 'a'; U+0100-U+02FF
# count as neither; U+1E00-U+1EFF count as non-Latin).
MIXED_SCRIPTS = [
    "Путин и Си Цзиньпин обсудили BRICS и SCO в Москве",
    "Путин Си Цзиньпин обсудили BRICS SCO NATO G20 USA EU UN WTO IMF",
    "ab Жж",
    "abc Жжжжжж",
    "ab Жжжж",
    "ab Жжжжж",
    "[]^_` Жж",
    "[]^_` Жжжжжжжжжжж",
    "ĀāĂăĄ ab",
    "ḀḁẞỲỳ ab",
    "ḀḁẞỲỳ abc",
    "東京 Tokyo 大阪 Osaka 名古屋 Nagoya 京都",
    "مرحبا hello مرحبا بكم في المدينة world",
]


def test_cleaning_text_keeps_or_drops_latin_as_langdetect_does() -> None:
    from pipeline.language import _Detector, _factory, _langdetect_factory

    for text in MIXED_SCRIPTS + texts():
        ours, theirs = _Detector(_factory(0)), Detector(_langdetect_factory(0))
        ours.text = theirs.text = text
        ours.cleaning_text()
        theirs.cleaning_text()
        assert ours.text == theirs.text, text[:60]


def test_profiles_load_as_langdetect_loads_them() -> None:
    from pipeline.language import _langdetect_factory, load_profiles

    languages, table = load_profiles()
    theirs = _langdetect_factory(0)
    assert languages == theirs.langlist and len(languages) == 55
    assert table.keys() == theirs.word_lang_prob_map.keys()
    assert all(row.tolist() == theirs.word_lang_prob_map[gram] for gram, row in table.items())


@pytest.mark.parametrize("text", MIXED_SCRIPTS)
def test_mixed_scripts_same_as_langdetect(text: str) -> None:
    assert detect_language(text) == detect_language(text, detector_class=Detector)
