"""Measure the translation detectors: false positives, language ID, speed.

    .venv/bin/python scripts/eval_translation.py [--shared ../shared] [--show]

1. False positives on native English: every artifact the detectors report on
   seeds 000 and 001 (cleaned by the full pipeline) and on the 181
   ``articleBody`` texts of ../shared/datasets/articles/scrapinghub, per
   5,000 words. The target is at most 1.
2. Sentence-level language ID on short text: English sentences (6+ words)
   from the English articles, and the hand-written foreign sentences in
   tests/data/translation/foreign_sentences.json; for langdetect (seeded),
   py3langid alone, and the detector the pipeline uses (function-word gate
   then py3langid). Misread English share, foreign recall, time per sentence.
3. Speed: the whole detect_translation_artifacts stage on a 2,000-word
   English document, median of 50 warm runs.

Re-run after changing any constant in pipeline/translation/.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.blocks import split_blocks  # noqa: E402
from pipeline.clean import clean_record  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.model import Document  # noqa: E402
from pipeline.sources import RawRecord  # noqa: E402
from pipeline.translation import detect_translation_artifacts  # noqa: E402
from pipeline.translation.artifacts import english_share, sentence_spans, words_of  # noqa: E402
from pipeline.translation.detectors import DOC_ENGLISH_SHARE  # noqa: E402
from pipeline.translation.langid import classify, foreign_language, worth_judging  # noqa: E402

NATIVE_SEEDS = ("000_56e6a5e0eb7adcfe", "001_a2e18076bf17c9c8")
PER_WORDS = 5000
FOREIGN = REPO / "tests" / "data" / "translation" / "foreign_sentences.json"


def text_document(name: str, text: str) -> Document:
    """A clean article text as a document whose every block is content."""
    doc = Document(id=name, source=name, text=text)
    doc.blocks = split_blocks(text)
    return doc


def artifacts_of(doc: Document) -> list[dict[str, Any]]:
    return list(detect_translation_artifacts(doc, Config()).meta["translation"]["artifacts"])


def native_documents(shared: Path) -> list[tuple[str, str, Document]]:
    """(set, name, document before the translation stage) for every native text."""
    docs = []
    config = Config()
    stop = "detect_translation_artifacts"
    from pipeline.stages import STAGES, run_stages

    before = tuple(s for s in STAGES[: [s.__name__ for s in STAGES].index(stop)])
    for seed in NATIVE_SEEDS:
        raw = (shared / "seeds" / "raw" / f"{seed}.txt").read_bytes()
        doc = Document(id=seed, source=f"{seed}.txt", text=raw.decode("utf-8"))
        docs.append(("seeds", seed, run_stages(doc, config, before)))
    truth = json.loads(
        (shared / "datasets" / "articles" / "scrapinghub" / "ground-truth.json").read_text()
    )
    for key, item in sorted(truth.items()):
        docs.append(("articles", key[:12], text_document(key, item["articleBody"])))
    return docs


def false_positives(shared: Path, show: bool) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, docs in _grouped(native_documents(shared)).items():
        words = english_words = flagged = english_flagged = 0
        kinds: Counter[str] = Counter()
        for doc_name, doc in docs:
            n = len(doc.body.split())
            english = english_share(doc.body) >= DOC_ENGLISH_SHARE
            found = artifacts_of(doc)
            words += n
            flagged += len(found)
            if english:
                english_words += n
                english_flagged += len(found)
            kinds.update(a["kind"] for a in found)
            if show:
                for a in found:
                    print(f"  [{name}] {doc_name}: {a['kind']} {a['rule']} {a['evidence'][:100]!r}")
        results[name] = {
            "documents": len(docs),
            "words": words,
            "flagged_spans": flagged,
            "per_5000_words": round(flagged * PER_WORDS / max(words, 1), 3),
            "english_words": english_words,
            "english_per_5000_words": round(english_flagged * PER_WORDS / max(english_words, 1), 3),
            "by_kind": dict(kinds),
        }
    return results


def _grouped(docs: list[tuple[str, str, Document]]) -> dict[str, list[tuple[str, Document]]]:
    grouped: dict[str, list[tuple[str, Document]]] = {}
    for group, name, doc in docs:
        grouped.setdefault(group, []).append((name, doc))
    return grouped


def english_sentences(shared: Path) -> list[str]:
    truth = json.loads(
        (shared / "datasets" / "articles" / "scrapinghub" / "ground-truth.json").read_text()
    )
    sentences = []
    for item in truth.values():
        body = item["articleBody"]
        if english_share(body) < DOC_ENGLISH_SHARE:
            continue
        for paragraph in body.split("\n"):
            for a, b in sentence_spans(paragraph):
                sentence = paragraph[a:b]
                if len(words_of(sentence)) >= 6:
                    sentences.append(sentence)
    return sentences


def _langdetect() -> Any:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    return detect


def language_id(shared: Path) -> dict[str, Any]:
    english = english_sentences(shared)
    foreign = [
        (lang, s)
        for lang, items in json.loads(FOREIGN.read_text())["sentences"].items()
        for s in items
    ]
    detect = _langdetect()
    classify("warm up")

    def run(name: str, is_foreign: Any) -> dict[str, Any]:
        started = time.perf_counter()
        misread = sum(bool(is_foreign(s)) for s in english)
        found = sum(bool(is_foreign(s)) for _, s in foreign)
        seconds = time.perf_counter() - started
        return {
            "detector": name,
            "english_sentences": len(english),
            "english_misread_share": round(misread / len(english), 4),
            "english_misread": misread,
            "foreign_sentences": len(foreign),
            "foreign_recall": round(found / len(foreign), 4),
            "ms_per_sentence": round(1000 * seconds / (len(english) + len(foreign)), 4),
        }

    def by_langdetect(s: str) -> bool:
        try:
            return bool(detect(s) != "en")
        except Exception:  # noqa: BLE001 - langdetect raises on letterless text
            return False

    return {
        "langdetect": run("langdetect 1.0.9 (seed 0)", by_langdetect),
        "py3langid": run("py3langid 0.4.0 classify", lambda s: classify(s)[0] != "en"),
        "pipeline": run("function-word gate + py3langid P(en)<=0.01", foreign_language),
        "judged_share": round(sum(worth_judging(s) for s in english) / max(len(english), 1), 4),
    }


def speed() -> dict[str, Any]:
    """Median ms of the translation stage on a 2,000-word English document."""
    raw = (REPO.parent / "shared" / "seeds" / "raw" / "002_f7e48ce4ce53cbec.txt").read_bytes()
    body = clean_record(RawRecord("002.txt", "x", data=raw))
    assert isinstance(body, Document)
    paragraphs = body.body.split("\n\n")
    text_parts, words = [], 0
    while words < 2000:
        for p in paragraphs:
            text_parts.append(p)
            words += len(p.split())
            if words >= 2000:
                break
    text = "\n\n".join(text_parts)
    times = []
    for _ in range(50):
        doc = text_document("speed", text)
        started = time.perf_counter()
        detect_translation_artifacts(doc, Config())
        times.append(1000 * (time.perf_counter() - started))
    return {
        "words": words,
        "median_ms": round(statistics.median(times), 3),
        "max_ms": round(max(times), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--show", action="store_true", help="print every flagged span")
    args = parser.parse_args(argv)
    report = {
        "false_positives": false_positives(args.shared, args.show),
        "language_id": language_id(args.shared),
        "speed": speed(),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
