"""Latin-script sentences in another language inside an English text (``foreign_sentence``).

Two steps, so that native English is almost never sent to a model:

1. A sentence with enough common English function words is English
   (:func:`~pipeline.translation.artifacts.english_share`); short sentences
   and name lists (mostly capitalised words) are never judged at all.
2. What is left goes to py3langid (a naive Bayes model over byte n-grams,
   about 0.03 ms a sentence, deterministic). It is flagged only when py3langid
   gives English almost no chance (it may hesitate between Spanish and
   Portuguese; it must not hesitate about English).

scripts/eval_translation.py compares this with py3langid alone and with
langdetect on English sentences from 183 native articles and on hand-written
sentences in ten languages (tests/data/translation/foreign_sentences.json).

>>> text = "He spoke. Nous ne vendons pas nos alliés, a-t-il déclaré hier soir."
>>> [a.details["language"] for a in find_foreign_sentences(0, text)]
['fr']
>>> find_foreign_sentences(0, "Sergei Shoigu, Hussein Dehghan and Ali Akbar Velayati met.")
[]
"""

from __future__ import annotations

import hashlib
import io
import lzma
import threading
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.cachedir import cache_dir, write_quietly
from pipeline.translation.artifacts import (
    Artifact,
    function_word_count,
    sentences,
    share,
    snippet,
    words_of,
)

# A sentence needs this many words to be judged: short fragments, headings and
# names are never flagged.
MIN_WORDS = 6
# At least this share of its words must start lower-case: a list of names or a
# title-case heading is not a sentence in a language.
MIN_LOWERCASE_SHARE = 0.5
# English prose has 0.3-0.5 of its words in ENGLISH_FUNCTION_WORDS; the other
# languages in the evaluation set stay under 0.12 (eval_translation.py).
ENGLISH_SHARE = 0.15
# py3langid's normalised probability of English must stay at or under this.
# Romance and Malay-Indonesian sentences split their mass between close
# languages, so the winner's own probability is a poor test; English's is not.
MAX_ENGLISH_PROBABILITY = 0.01


_IDENTIFIER: list[Any] = []
_IDENTIFIER_LOCK = threading.Lock()


def identifier() -> Any:
    """py3langid's model, loaded once per process (see :func:`read_model_arrays`)."""
    if not _IDENTIFIER:
        with _IDENTIFIER_LOCK:
            if not _IDENTIFIER:
                from py3langid.langid import LanguageIdentifier
                from py3langid.modelio import _to_array

                data = read_model_arrays()
                # What LanguageIdentifier.from_model_file builds from modelio.load_model.
                _IDENTIFIER.append(LanguageIdentifier(
                    np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                    _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                    tk_row=_to_array(data["nextmove_row"])))
    return _IDENTIFIER[0]


def read_model_arrays(model_file: Path | None = None) -> dict[str, np.ndarray]:
    """The arrays of py3langid's model file, from a decompressed copy when there is one.

    The package ships its 68 MB model LZMA-compressed (4.6 MB); decompressing it
    takes 0.35-0.4 s of the 0.5 s load, in every process that starts. The first
    load keeps the plain npz in :func:`cache_dir`, named by the compressed
    file's hash, so a new py3langid never reads an old copy; later loads read
    it in about 0.05 s. The arrays are the same bytes either way (tested). A
    cache that cannot be written or read is skipped, never an error.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = model_file or MODEL_DIR / MODEL_FILE
    packed = source.read_bytes()
    folder = cache_dir()
    cached = folder / f"py3langid-{hashlib.sha256(packed).hexdigest()[:16]}.npz" if folder else None
    if cached is not None and cached.exists():
        try:
            return _npz_arrays(cached.read_bytes())
        except (OSError, ValueError, EOFError, zipfile.BadZipFile):
            pass  # torn or foreign: decompress again and overwrite
    plain = lzma.decompress(packed)
    if cached is not None:
        write_quietly(cached, plain, kind="py3langid-*.npz")
    return _npz_arrays(plain)


def _npz_arrays(plain: bytes) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(plain), allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def load_identifier_in_background() -> None:
    """Start loading the model in a thread, so the first page that needs it waits less.

    LZMA decompression releases the GIL: in a single process (``pipeline run
    --engine local``, one batch after another) it overlaps with langdetect's
    profiles and the first pages. A no-op once loaded (the forkserver preloads it).
    """
    if not _IDENTIFIER:
        threading.Thread(target=identifier, name="py3langid-load", daemon=True).start()


def classify(text: str) -> tuple[str, float, float]:
    """(best language, its probability, the probability of English).

    What ``identifier().rank(text)`` says, read from its score array instead:
    ``rank`` builds and sorts 97 (language, score) pairs per call, a quarter of
    its cost, to give the top one. The first column of each label holds its
    merged score (py3langid folds aliases into it), and ``argmax`` takes the
    first of equal scores as the stable sort does; ``classify_by_rank`` is the
    reference, compared on every evaluation sentence in tests/test_translation.py.
    """
    columns, labels, english = _label_columns()
    scores = identifier()._decide(text)[columns]
    best = int(scores.argmax())
    return labels[best], float(scores[best]), float(scores[english])


def classify_by_rank(text: str) -> tuple[str, float, float]:
    """:func:`classify` through py3langid's public ``rank``."""
    ranked = identifier().rank(text)
    english = next((p for lang, p in ranked if lang == "en"), 0.0)
    return str(ranked[0][0]), float(ranked[0][1]), float(english)


@lru_cache(maxsize=1)
def _label_columns() -> tuple[np.ndarray, tuple[str, ...], int]:
    """The first score column of each label, the labels in that order, English's position."""
    first: dict[str, int] = {}
    for column, label in enumerate(identifier().nb_classes):
        first.setdefault(str(label), column)
    labels = tuple(first)
    return np.array(list(first.values()), dtype=np.intp), labels, labels.index("en")


def worth_judging(sentence: str, words: Sequence[str] | None = None) -> bool:
    """Long enough, mostly lower-case words: a sentence, not a name or heading."""
    words = words_of(sentence) if words is None else words
    if len(words) < MIN_WORDS:
        return False
    lower = sum([w[0].islower() for w in words])
    return lower / len(words) >= MIN_LOWERCASE_SHARE


def foreign_language(sentence: str) -> tuple[str, float] | None:
    """(language, 1 - P(English)) when ``sentence`` is confidently not English."""
    words = words_of(sentence)
    return _judge(sentence, words, function_word_count(words))


def _judge(sentence: str, words: Sequence[str], function_words: int) -> tuple[str, float] | None:
    # Cheapest test first: most sentences are English by their function words.
    if len(words) < MIN_WORDS or share(function_words, len(words)) >= ENGLISH_SHARE:
        return None
    if not worth_judging(sentence, words):
        return None
    lang, _, english = classify(sentence)
    if lang == "en" or english > MAX_ENGLISH_PROBABILITY:
        return None
    return lang, 1.0 - english


def find_foreign_sentences(block: int, text: str) -> list[Artifact]:
    """Foreign sentences in one block; neighbours in the same language become one span."""
    found: list[Artifact] = []
    for start, end, words, _, function_words in sentences(text):
        verdict = _judge(text[start:end], words, function_words)
        if verdict is None:
            continue
        lang, prob = verdict
        last = found[-1] if found else None
        if last and last.details["language"] == lang and not text[last.end : start].strip():
            last.end = end
            last.evidence = snippet(text[last.start : end])
            last.confidence = max(last.confidence, prob)
            continue
        found.append(
            Artifact(
                "foreign_sentence",
                "foreign_sentence.py3langid",
                block,
                start,
                end,
                snippet(text[start:end]),
                prob,
                details={"language": lang},
            )
        )
    return found
