"""Document language with langdetect, seeded, sampled and made cheaper.

langdetect is random unless seeded and costs about 5-20 ms a call, growing
with the text; it raises on text without letters. We seed it once, give it
a sample of the body (``Config.language_sample_chars``) and turn its
exceptions into ``und``.

Most of langdetect's time goes to pure-Python loops that redo the same
work on every call: normalising each character through a chain of
Unicode-block tests, building the n-gram list one ``NGram`` object step at
a time, counting scripts one character at a time, and updating 55
probabilities one index at a time through a method call per update.
:class:`_Detector` overrides those methods with the same arithmetic in the
same order (a memo of normalised characters, the n-grams of each word
memoised, the script counts on the UTF-8 bytes, the trial loop inlined with
the same random draws, the 55 probabilities as one float64 array: numpy
multiplies, adds and divides element by element exactly as Python floats
do, and ``cumsum`` adds left to right as ``sum`` does), so its result is
bit-for-bit langdetect's:
``tests/test_language.py`` compares the two on the seed pages, the 181
article bodies and sentences in 17 languages. On the article bodies it
takes 0.65 ms a document instead of 4.5-5.2 ms. The profiles are loaded
by :func:`load_profiles` into the same numbers in half the time.

>>> detect_language("The Kremlin opposes hostile actions against the country and wants war prevented.")[0]
'en'
>>> detect_language("1234 5678 !!!")
('und', 0.0)
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

import numpy as np
from langdetect import DetectorFactory, detector_factory
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

UNDETERMINED = "und"
# Characters seen so far (as code points, for str.translate) and what
# NGram.normalize makes of them: one character each. Bounded by the
# alphabet of the corpus, a few thousand entries at most.
_NORMALIZED: dict[int, str] = {}
_SPACES = re.compile(" {2,}")
# Detector.cleaning_text's classes: 'A' <= ch <= 'z' is Latin; below U+0300 is not non-Latin.
_LATIN = re.compile("[A-z]")
_LATIN_BYTES = bytes(range(ord("A"), ord("z") + 1))


def _word_ngrams(word: str, known: dict[str, np.ndarray]) -> list[str]:
    """The 1-3-grams langdetect takes from `` word`` (normalised, maybe ending in a space).

    NGram.add_char and the n-gram loop of Detector._extract_ngrams, inlined:
    no n-gram is taken while the window is inside an all-capitals run.
    """
    result: list[str] = []
    grams, capital = " ", False
    for ch in word:
        last = grams[-1]
        if len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        capital = last.isupper() if ch.isupper() else False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        if grams[-2:] in known:
            result.append(grams[-2:])
        if len(grams) >= 3 and grams in known:
            result.append(grams)
    return result


# _word_ngrams by word: words repeat across and within pages. langdetect has
# one profile per process, so the word alone is the key.
_WORD_NGRAMS: dict[str, list[str]] = {}
_WORD_NGRAMS_MAX = 200_000


def _ngrams_of(word: str, known: dict[str, np.ndarray]) -> list[str]:
    found = _WORD_NGRAMS.get(word)
    if found is None:
        if len(_WORD_NGRAMS) >= _WORD_NGRAMS_MAX:
            _WORD_NGRAMS.clear()
        found = _WORD_NGRAMS[word] = _word_ngrams(word, known)
    return found


class _Detector(Detector):
    """langdetect's Detector with its hot loops rewritten, same results."""

    text: str  # set in Detector.__init__, which is untyped

    def append(self, text: str) -> None:
        # Detector.append collapses runs of spaces one character at a time.
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        # A space resets langdetect's n-gram window, so the n-grams of a text
        # are those of its words in order, each a function of the word alone.
        missing = set(self.text).difference(map(chr, _NORMALIZED))
        _NORMALIZED.update({ord(ch): NGram.normalize(ch) for ch in missing})
        words = self.text.translate(_NORMALIZED).split(" ")
        known = self.word_lang_prob_map
        result: list[str] = []
        for word in words[:-1]:
            if word:
                result += _ngrams_of(word + " ", known)
        if words[-1]:
            result += _ngrams_of(words[-1], known)
        return result

    def cleaning_text(self) -> None:
        # Detector.cleaning_text counts characters one by one. Its test for
        # "Latin Extended Additional" compares unicode_block's integer with a
        # string and is never false, so every character from U+0300 up counts
        # as non-Latin; so it does here. Bytes 0x41-0x7A stand only for
        # themselves in UTF-8, so counting them in the encoding counts 'A'-'z'.
        text = self.text
        encoded = text.encode("utf-8", "surrogatepass")
        latin = len(encoded) - len(encoded.translate(None, _LATIN_BYTES))
        if latin * 3 >= len(text):
            return  # non-Latin characters are at most the other third: fewer than twice the Latin
        if latin * 2 < sum(ch >= "\u0300" for ch in text):
            self.text = _LATIN.sub("", text)

    def _detect_block(self) -> None:
        # Detector._detect_block with the same draws from the same generator and
        # the same float operations in the same order; the loop is inlined
        # (one method call per update was most of its time).
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.langprob = [0.0] * len(self.langlist)
        known = self.word_lang_prob_map
        choice = self.random.choice
        self.random.seed(self.seed)
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                word = choice(ngrams)
                prob *= weight + known[word]  # ngrams holds only n-grams the profile knows
                if i % 5 == 0:
                    # _normalize_prob: cumsum adds left to right like Python 3.11's sum().
                    prob /= np.cumsum(prob)[-1]
                    if prob.max() > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for j in range(len(self.langprob)):
                self.langprob[j] += prob[j] / self.n_trial

    def _init_probability(self) -> np.ndarray:
        return np.array(super()._init_probability(), dtype=np.float64)


def load_profiles(directory: str = detector_factory.PROFILES_DIRECTORY) -> tuple[list[str], dict[str, np.ndarray]]:
    """langdetect's languages and n-gram probabilities, as ``DetectorFactory.load_profile`` makes them.

    langdetect fills one 55-float list per n-gram, a float at a time (0.4 s
    per process, paid again by every worker). Here each profile's column is
    one numpy division, ``1.0 * count / n_words[len - 1]`` for 1-3-character
    n-grams as langdetect computes it (same IEEE division, so the same
    floats), and each n-gram maps to its row of one float64 matrix: 0.2 s.
    ``tests/test_language.py`` compares every entry with langdetect's own map.
    Files are read in ``os.listdir`` order, as langdetect reads them: that
    order numbers the languages.
    """
    profiles = []
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profiles.append(json.load(handle))
    rows: dict[str, int] = {}
    placed = [np.array([rows.setdefault(gram, len(rows)) for gram in profile["freq"]], dtype=np.intp)
              for profile in profiles]
    matrix = np.zeros((len(rows), len(profiles)))
    for column, (profile, where) in enumerate(zip(profiles, placed, strict=True)):
        freq = profile["freq"]
        lengths = np.fromiter(map(len, freq), dtype=np.intp, count=len(freq))
        counts = np.fromiter(freq.values(), dtype=np.float64, count=len(freq))
        scored = (lengths >= 1) & (lengths <= 3)
        totals = np.array([1.0, *map(float, profile["n_words"][:3])])
        matrix[where[scored], column] = counts[scored] / totals[lengths[scored]]
    return [profile["name"] for profile in profiles], dict(zip(rows, matrix, strict=True))


@lru_cache(maxsize=1)
def _factory(seed: int) -> DetectorFactory:
    """A factory with the profiles of :func:`load_profiles`, for :class:`_Detector`."""
    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = load_profiles()
    factory.set_seed(seed)
    return factory


@lru_cache(maxsize=1)
def _langdetect_factory(seed: int) -> DetectorFactory:
    """langdetect's own factory and loader: the reference the tests compare with."""
    detector_factory.init_factory()
    factory = detector_factory._factory
    assert factory is not None
    factory.set_seed(seed)
    return factory


def sample_text(text: str, limit: int) -> str:
    """Up to ``limit`` characters from the middle of ``text``, cut at spaces.

    The middle of a body is the least likely part to hold a stray title,
    byline or credit in another language.
    """
    if len(text) <= limit:
        return text
    start = (len(text) - limit) // 2
    start = text.find(" ", start) + 1
    end = text.rfind(" ", start, start + limit)
    return text[start:end if end > start else start + limit]


def detect_language(text: str, sample_chars: int = 800, seed: int = 0, trials: int = 3,
                    detector_class: type[Detector] = _Detector) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the main language of ``text``."""
    sample = sample_text(text, sample_chars)
    if not any(c.isalpha() for c in sample):
        return UNDETERMINED, 0.0
    factory = _factory(seed) if issubclass(detector_class, _Detector) else _langdetect_factory(seed)
    detector = detector_class(factory)
    detector.n_trial = trials
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED, 0.0
    return best.lang, round(float(best.prob), 4)
