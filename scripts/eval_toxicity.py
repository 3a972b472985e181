"""Print the toxicity scorer's evaluation table (the one in MODEL_CARD.md).

    python scripts/eval_toxicity.py [--data ../shared/datasets/toxicity]

Scores are the full scorer's (rules + model), at ``OPERATING_THRESHOLD``. The
Stormfront users in the test split, ETHOS and the odd-template half of HateCheck
were never used for training or for choosing anything.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import precision_score, recall_score, roc_auc_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import toxicity_datasets as ds  # noqa: E402

from pipeline import toxicity  # noqa: E402
from pipeline.toxicity import (  # noqa: E402
    OPERATING_THRESHOLD,
    counter_speech,
    score_texts,
)

FP_FUNCTIONALITIES = ("ident_neutral_nh", "ident_pos_nh", "counter_quote_nh", "counter_ref_nh",
                      "profanity_nh", "negate_neg_nh")
"""Non-hateful HateCheck functionalities whose flag rate is reported (first four are required)."""
SPEED_BATCH = 1000
LOAD_TIME_SNIPPET = ("import time; t=time.perf_counter(); "
                     "from pipeline.toxicity.model import load_model; load_model(); "
                     "print(time.perf_counter()-t)")


def scores_of(texts: list[str]) -> np.ndarray:
    """Scorer output for a list of texts."""
    return np.array([s.score for s in score_texts(texts)])


def metric_row(name: str, data: ds.LabelledSet) -> str:
    """AUC, precision and recall at the threshold for one labelled set."""
    scores = scores_of(data.texts)
    flagged = scores >= OPERATING_THRESHOLD
    auc = roc_auc_score(data.labels, scores)
    precision = precision_score(data.labels, flagged, zero_division=0)
    recall = recall_score(data.labels, flagged)
    return (f"| {name} | {len(data.texts)} | {int(data.labels.sum())} | {auc:.3f} "
            f"| {precision:.3f} | {recall:.3f} |")


def fp_rows(hatecheck: ds.LabelledSet, held_out: np.ndarray) -> list[str]:
    """Share flagged in each non-hateful functionality, all cases and the unseen half."""
    flagged = scores_of(hatecheck.texts) >= OPERATING_THRESHOLD
    tags = np.array(hatecheck.tags)
    rows = []
    for name in FP_FUNCTIONALITIES:
        mask = tags == name
        rows.append(f"| {name} | {mask.sum()} | {flagged[mask].mean():.1%} "
                    f"| {flagged[mask & held_out].mean():.1%} |")
    return rows


def speed_ms_per_comment(texts: list[str]) -> float:
    """Milliseconds per comment, scoring one batch of ``SPEED_BATCH`` (model already loaded).

    The per-text memos are emptied first: the tables above scored these texts already,
    and a memo hit would time a dictionary lookup, not the scorer.
    """
    batch = (texts * (SPEED_BATCH // len(texts) + 1))[:SPEED_BATCH]
    score_texts(batch[:10])
    toxicity._MODEL_MEMO.clear()
    toxicity.combined.cache_clear()
    toxicity.asserted_part.cache_clear()
    counter_speech.whole_text_cues.cache_clear()
    start = time.perf_counter()
    score_texts(batch)
    return (time.perf_counter() - start) * 1000 / SPEED_BATCH


def load_seconds() -> float:
    """Model load time in a fresh process (imports of numpy/scipy/sklearn included)."""
    out = subprocess.run([sys.executable, "-c", LOAD_TIME_SNIPPET], cwd=REPO, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def main() -> None:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ds.DEFAULT_DATA)
    args = parser.parse_args()
    storm = ds.split_stormfront(args.data)
    hatecheck, dev = ds.read_hatecheck(args.data)
    print(f"operating threshold {OPERATING_THRESHOLD}\n")
    print("| set | n | hateful | ROC-AUC | precision | recall |\n|---|---|---|---|---|---|")
    print(metric_row("Stormfront test users", storm["test"]))
    print(metric_row("ETHOS (eval only)", ds.read_ethos(args.data)))
    print(metric_row("HateCheck all", hatecheck))
    print(metric_row("HateCheck held-out half", hatecheck.subset(~dev)))
    print(metric_row("HateCheck Jewish templates", ds.instantiate_jewish(args.data)))
    print("\n| non-hateful functionality | n | flagged (all) | flagged (held-out half) |")
    print("|---|---|---|---|")
    print("\n".join(fp_rows(hatecheck, ~dev)))
    ms = speed_ms_per_comment(storm["test"].texts)
    print(f"\nspeed: {ms:.3f} ms/comment (batch of {SPEED_BATCH}); "
          f"model load: {load_seconds():.2f} s in a fresh process")


if __name__ == "__main__":
    main()
