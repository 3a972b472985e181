"""Word-level F1 of the plain-text path on whole-page dumps of real articles.

Renders each of the 181 scrapinghub pages as a plain-text page dump (menus,
footers, comment sections and all; see render_text_dumps.py), cleans it as
a ``.txt`` input and scores the body against the page's gold ``articleBody``.
Prints mean/median F1 for the pipeline and for the untouched dump, and the
worst pages. Re-run after changing block rules or the main-span constants.

    .venv/bin/python scripts/eval_text_path.py [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "scripts")]

from render_text_dumps import PAGES, SHARED, render  # noqa: E402
from scoring import word_f1  # noqa: E402

from pipeline.clean import clean_record  # noqa: E402
from pipeline.model import Document  # noqa: E402
from pipeline.sources import RawRecord  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args()
    truth = json.loads((SHARED / "datasets/articles/scrapinghub/ground-truth.json").read_text())
    rows = []
    seconds = 0.0
    for page in sorted(PAGES.glob("*.html.gz")):
        key = page.name.split(".")[0]
        dump = render(gzip.decompress(page.read_bytes()))
        started = time.perf_counter()
        doc = clean_record(RawRecord(f"{key}.txt", key, data=dump.encode()))
        seconds += time.perf_counter() - started
        body = doc.body if isinstance(doc, Document) else ""
        gold = truth[key]["articleBody"]
        rows.append((word_f1(body, gold), word_f1(dump, gold), key))
    ours = [r[0] for r in rows]
    raw = [r[1] for r in rows]
    print(f"pages: {len(rows)}   cleaning time {seconds / len(rows) * 1000:.1f} ms/page")
    print(f"{'':24}{'mean F1':>10}{'median F1':>12}")
    print(f"{'pipeline (text path)':24}{statistics.mean(ours):>10.3f}{statistics.median(ours):>12.3f}")
    print(f"{'whole-page dump':24}{statistics.mean(raw):>10.3f}{statistics.median(raw):>12.3f}")
    print("worst pages:")
    for f1, dump_f1, key in sorted(rows)[: args.worst]:
        print(f"  {f1:.3f} (dump {dump_f1:.3f}) {key}")


if __name__ == "__main__":
    main()
