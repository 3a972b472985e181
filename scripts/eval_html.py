"""Word-level F1 of the HTML path against ``articleBody``, beside plain trafilatura.

For each of the 181 pages in ../shared/datasets/articles/scrapinghub/ this
scores, in the same run and with the seed scorer's tokenisation (NFKC,
quote folding, lower case, multiset of \\w+):

- the pipeline: the page as a ``.html`` record through ``clean_record``
  (trafilatura extraction, then every text stage);
- ``trafilatura.extract(html)`` with its defaults (comments included);
- ``trafilatura.extract(html, include_comments=False)``.

It prints mean/median F1, how many pages each side wins against the
pipeline, time per page, the worst pages, and (``--blocks``) the blocks the
text stages removed that the gold body holds, grouped by rule, so a rule
that hurts article pages can be named. Re-run after changing pipeline/html.py,
the block rules or the title/caption logic.

    .venv/bin/python scripts/eval_html.py [--worst 10] [--blocks] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import trafilatura

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests")]

from scoring import normal, word_f1  # noqa: E402

from pipeline.clean import clean_record, to_document  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.model import Document, sha256_hex  # noqa: E402
from pipeline.readers.charset import sniff_charset  # noqa: E402
from pipeline.sources import RawRecord  # noqa: E402

ARTICLES = REPO.parent / "shared" / "datasets" / "articles" / "scrapinghub"
SYSTEMS = ("pipeline", "trafilatura default", "trafilatura no comments")
BASELINES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("trafilatura default", {}),
    ("trafilatura no comments", {"include_comments": False}),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--blocks", action="store_true",
                        help="show removed blocks that are gold text")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    truth = json.loads((ARTICLES / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((ARTICLES / "html").glob("*.html.gz"))[: args.limit or None]
    config = Config()
    scores: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    seconds: defaultdict[str, float] = defaultdict(float)
    keys: list[str] = []
    lost: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for page in pages:
        key = page.name.split(".")[0]
        data = gzip.decompress(page.read_bytes())
        gold = truth[key]["articleBody"]
        record = RawRecord(f"{key}.html", sha256_hex(data), data=data, kind="html",
                           declared_charset=sniff_charset(data))
        started = time.perf_counter()
        extracted = to_document(record, config)
        seconds["extraction"] += time.perf_counter() - started
        started = time.perf_counter()
        doc = clean_record(record, config)
        seconds["pipeline"] += time.perf_counter() - started
        html = data.decode(record_encoding(extracted), "replace")
        for name, kwargs in BASELINES:
            started = time.perf_counter()
            text = trafilatura.extract(html, **kwargs) or ""
            seconds[name] += time.perf_counter() - started
            scores[name].append(word_f1(text, gold))
        scores["pipeline"].append(word_f1(doc.body if isinstance(doc, Document) else "", gold))
        keys.append(key)
        if isinstance(doc, Document):
            gold_norm = normal(gold)
            for block in doc.removed:
                if len(block.text.split()) >= 3 and normal(block.text) in gold_norm:
                    lost[block.rule].append((key, block.text))
    report(scores, seconds, keys, len(pages), args.worst)
    if args.blocks:
        print("\nremoved blocks that are in the gold body, by rule:")
        for rule, hits in sorted(lost.items(), key=lambda kv: -len(kv[1])):
            print(f"  {rule}: {len(hits)} blocks on {len({k for k, _ in hits})} pages")
            for key, text in hits[:3]:
                print(f"      {key[:10]} {text[:90]!r}")


def record_encoding(doc: object) -> str:
    if isinstance(doc, Document):
        return str(doc.meta.get("input_encoding", "utf-8")).replace("unicode", "utf-8")
    return "utf-8"


def report(scores: dict[str, list[float]], seconds: dict[str, float], keys: list[str], n: int,
           worst: int) -> None:
    ours = scores["pipeline"]
    print(f"pages: {n}")
    print(f"{'':26}{'mean F1':>9}{'median':>9}{'ms/page':>9}   pages better than the other side")
    for name in SYSTEMS:
        theirs = scores[name]
        row = f"{name:26}{statistics.mean(theirs):>9.4f}{statistics.median(theirs):>9.4f}"
        row += f"{seconds[name] / n * 1000:>9.1f}"
        if name != "pipeline":
            wins = sum(a > b + 1e-9 for a, b in zip(ours, theirs, strict=True))
            losses = sum(b > a + 1e-9 for a, b in zip(ours, theirs, strict=True))
            row += f"   pipeline {wins}, {name} {losses}, tied {n - wins - losses}"
        print(row)
    print(f"{'(extraction only)':26}{'':18}{seconds['extraction'] / n * 1000:>9.1f}")
    print("worst pages for the pipeline (pipeline / trafilatura no comments):")
    rows = sorted(zip(ours, scores["trafilatura no comments"], keys, strict=True))
    for f1, baseline, key in rows[:worst]:
        print(f"  {f1:.3f} / {baseline:.3f}  {key}")


if __name__ == "__main__":
    main()
