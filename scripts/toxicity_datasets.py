"""Read the shared toxicity data sets and split them the same way for training and evaluation.

The data stay in ``../shared/datasets/toxicity`` (never copied into the repo).
Splits are by user (Stormfront) or by template (HateCheck) with fixed seeds, so
``train_toxicity.py`` and ``eval_toxicity.py`` agree on what was held out.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupShuffleSplit

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "toxicity"
SYNTHETIC_PATH = REPO / "pipeline" / "toxicity" / "data" / "synthetic.jsonl"
COMMENT_FILES = tuple(REPO / "pipeline" / "toxicity" / "data" / f"synthetic_comments{suffix}.jsonl"
                      for suffix in ("", "_r11", "_r12a", "_r12b", "_r13a", "_r13b",
                                     "_r15a", "_r15b", "_r16a", "_r16b", "_r17a", "_r17b", "_r18a",
                                     "_r18b"))
"""Reader comments on many groups, one file per helper who wrote them without seeing any data
set, rule or test (rounds ten to thirteen and fifteen to eighteen; see COMMENTS_WEIGHT and
COMMENT_FILE_WEIGHTS in train_toxicity.py)."""

SPLIT_SEED = 20240604
"""Seed for every split; change it and both scripts must be re-run."""
STORMFRONT_TEST_USERS = 0.2
"""Share of Stormfront users held out for the reported evaluation."""
STORMFRONT_VAL_USERS = 0.15
"""Share of the remaining users held out to pick C and the threshold."""

DAVIDSON_AMBIGUOUS_HATE_VOTES = 1
"""An offensive-majority tweet with this many hate votes is ambiguous and left out."""

JEWISH_FILL = {"[IDENTITY_P]": "Jews", "[IDENTITY_S]": "Jew", "[IDENTITY_A]": "Jewish",
               "[SLUR_P]": "kikes", "[SLUR_S]": "kike"}
"""How HateCheck slots are instantiated for a Jewish target (it ships none)."""


@dataclass(frozen=True)
class LabelledSet:
    """Texts, 0/1 labels and an optional tag per text (functionality, source...)."""

    texts: list[str]
    labels: np.ndarray
    tags: list[str]

    def subset(self, mask: np.ndarray) -> LabelledSet:
        """Rows where ``mask`` is true."""
        idx = np.flatnonzero(mask)
        return LabelledSet([self.texts[i] for i in idx], self.labels[idx],
                           [self.tags[i] for i in idx])


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    """All rows of a CSV file as dicts."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def split_stormfront(data: Path) -> dict[str, LabelledSet]:
    """hate=1, noHate=0 (relation and idk/skip dropped), split into train/val/test by user."""
    rows = [r for r in read_csv(data / "stormfront" / "sentences.csv")
            if r["label"] in ("hate", "noHate")]
    texts = [r["text"] for r in rows]
    labels = np.array([r["label"] == "hate" for r in rows], dtype=int)
    users = np.array([r["user_id"] for r in rows])
    outer = GroupShuffleSplit(1, test_size=STORMFRONT_TEST_USERS, random_state=SPLIT_SEED)
    rest, test = next(outer.split(texts, labels, users))
    inner = GroupShuffleSplit(1, test_size=STORMFRONT_VAL_USERS, random_state=SPLIT_SEED)
    fit, val = next(inner.split(rest, labels[rest], users[rest]))
    full = LabelledSet(texts, labels, list(users))
    return {name: full.subset(np.isin(np.arange(len(texts)), idx))
            for name, idx in (("train", rest[fit]), ("val", rest[val]), ("test", test))}


def davidson_ambiguous(row: dict[str, str]) -> bool:
    """An offensive-majority tweet that at least DAVIDSON_AMBIGUOUS_HATE_VOTES annotators called hate."""
    return row["class"] == "1" and int(row["hate_speech"]) >= DAVIDSON_AMBIGUOUS_HATE_VOTES


def read_davidson(data: Path) -> LabelledSet:
    """Tweets: class 0 (hate) is 1; 1 (offensive) and 2 (neither) are 0.

    Counting "offensive" as toxic taught the model that swearing and "you ..." are
    hate (HateCheck profanity_nh 60% flagged, Stormfront val AUC 0.838 against 0.868).
    Insults and profanity have their own rules instead. Offensive tweets that at least one
    annotator called hate are dropped (3,311 of 19,190): as negatives they taught the model
    that slur-laden abuse is benign (Stormfront-val AUC 0.869 without them, 0.867 with).
    """
    rows = [r for r in read_csv(data / "davidson" / "labeled_data.csv") if not davidson_ambiguous(r)]
    return LabelledSet([r["tweet"] for r in rows],
                       np.array([r["class"] == "0" for r in rows], dtype=int),
                       [f"davidson_{r['class']}" for r in rows])


def read_davidson_ambiguous(data: Path) -> LabelledSet:
    """The offensive-majority tweets :func:`read_davidson` leaves out (3,311), labelled hateful.

    Trained on at a low weight (``DAVIDSON_AMBIGUOUS_WEIGHT`` in train_toxicity.py): at least
    one annotator saw hate in them, so as weak positives they teach slur-laden abuse without
    the full weight of the hate class.
    """
    rows = [r for r in read_csv(data / "davidson" / "labeled_data.csv") if davidson_ambiguous(r)]
    return LabelledSet([r["tweet"] for r in rows], np.ones(len(rows), dtype=int),
                       ["davidson_ambiguous"] * len(rows))


def read_ethos(data: Path) -> LabelledSet:
    """ETHOS binary (GPL-3.0: evaluation only); isHate >= 0.5 is hate."""
    rows = read_csv(data / "ethos" / "Ethos_Dataset_Binary.csv", delimiter=";")
    return LabelledSet([r["comment"] for r in rows],
                       np.array([float(r["isHate"]) >= 0.5 for r in rows], dtype=int),
                       ["ethos"] * len(rows))


def read_hatecheck(data: Path) -> tuple[LabelledSet, np.ndarray]:
    """All HateCheck cases, and which of them belong to the threshold-choice half.

    The half is every template with an even ``templ_id``; the other half is never
    looked at when choosing anything.
    """
    rows = read_csv(data / "hatecheck" / "test_suite_cases.csv")
    cases = LabelledSet([r["test_case"].strip() for r in rows],
                        np.array([r["label_gold"] == "hateful" for r in rows], dtype=int),
                        [r["functionality"] for r in rows])
    dev = np.array([int(r["templ_id"]) % 2 == 0 for r in rows])
    return cases, dev


def instantiate_jewish(data: Path) -> LabelledSet:
    """HateCheck templates with identity or slur slots, filled for a Jewish target."""
    seen: set[str] = set()
    texts, labels, tags = [], [], []
    for row in read_csv(data / "hatecheck" / "test_suite_cases.csv"):
        template = row["case_templ"]
        if template in seen or not re.search(r"\[(?:IDENTITY|SLUR)_[A-Z]\]", template):
            continue
        seen.add(template)
        for slot, word in JEWISH_FILL.items():
            template = template.replace(slot, word)
        texts.append(template.strip())
        labels.append(row["label_gold"] == "hateful")
        tags.append(row["functionality"])
    return LabelledSet(texts, np.array(labels, dtype=int), tags)


def read_synthetic(path: Path = SYNTHETIC_PATH) -> LabelledSet:
    """The project's own hand-written examples (antisemitic tropes and their rebuttals), or one
    of the ``COMMENT_FILES``."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return LabelledSet([r["text"] for r in records], np.array([r["label"] for r in records]),
                       ["synthetic"] * len(records))


TEMPLATES_PATH = REPO / "pipeline" / "toxicity" / "data" / "synthetic_templates.json"
TEMPLATE_LABELS = {"hateful": 1, "neutral": 0, "positive": 0, "rebuttal": 0, "heated": 0}
"""Frame kinds of ``synthetic_templates.json`` and their label: only "hateful" attacks."""
GROUPS_PER_FRAME = {"hateful": 4, "neutral": 10, "positive": 10, "rebuttal": 8, "heated": 1}
"""Each frame of a kind is filled with this many groups (rotating through the list), not
all of them: with every group the frames would outweigh the free-form lines; the
identity terms are masked for the model anyway. Non-hateful frames get more groups so
that naming a group is no sign of hate in the frames (208 hateful of 1,000): against
six of each, the identity-FP cap allowed threshold 0.77 instead of 0.83 at equal val AUC."""


def fill_frame(frame: str, group: tuple[str, str], slots: dict[str, list[str]], turn: int) -> str:
    """One frame with its group (plural ``{G}``, singular ``{S}``) and slot words filled."""
    text = frame.replace("{G}", group[0]).replace("{S}", group[1])
    for name, words in slots.items():
        text = text.replace("{" + name + "}", words[turn % len(words)])
    return text[0].upper() + text[1:]


def expand_templates(path: Path = TEMPLATES_PATH,
                     groups_per_frame: dict[str, int] | None = None) -> LabelledSet:
    """The project's comment-style frames filled with target groups, deterministically.

    Frame ``i`` takes groups ``7i, 7i+1, ...`` (mod the list) and the slot words in turn,
    so every group and every slot word is used without enumerating all combinations.
    """
    per_kind = GROUPS_PER_FRAME if groups_per_frame is None else groups_per_frame
    spec = json.loads(path.read_text(encoding="utf-8"))
    groups = [tuple(g) for g in spec["groups"]]
    texts, labels, tags = [], [], []
    for kind, label in TEMPLATE_LABELS.items():
        for i, frame in enumerate(spec[kind]):
            per_frame = per_kind[kind] if "{G}" in frame or "{S}" in frame else 1
            for k in range(per_frame):
                texts.append(fill_frame(frame, groups[(7 * i + k) % len(groups)],
                                        spec["slots"], 3 * i + k))
                labels.append(label)
                tags.append(f"template_{kind}")
    unique = dict(zip(texts, zip(labels, tags, strict=True), strict=True))
    return LabelledSet(list(unique), np.array([v[0] for v in unique.values()], dtype=int),
                       [v[1] for v in unique.values()])
