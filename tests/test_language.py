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
