"""The statistical half of the scorer: hashed n-grams and a logistic regression.

Texts are lowercased and every identity term ("Jews", "Muslim", "gay", ...) is
replaced by one placeholder token, so the model learns what is *said about* a
group, not which group is mentioned: "I love my Jewish neighbours" and "I love
my neighbours" get nearly the same features.

The weights live in ``data/model.npz`` (nonzero coefficients and the intercept)
and the feature settings in ``data/model.json``; no pickle, so a newer
scikit-learn can still load them (``HashingVectorizer`` hashes with a fixed
MurmurHash3 and keeps no state).

>>> mask_identities("Jewish families and Muslims")
'idterm families and idterm'
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

DATA_DIR = Path(__file__).parent / "data"
WEIGHTS_PATH = DATA_DIR / "model.npz"
CONFIG_PATH = DATA_DIR / "model.json"

IDENTITY_PLACEHOLDER = "idterm"
IDENTITY_TERMS = re.compile(
    r"\b(?:jews?|jewish|jewry|judaism|zionists?|zionism|israelis?|hebrews?|semit(?:es?|ic)|"
    r"muslims?|moslems?|islam|islamic|arabs?|arabic|palestinians?|christians?|christianity|"
    r"catholics?|hindus?|sikhs?|buddhists?|blacks?|whites?|africans?|african[- ]americans?|"
    r"asians?|chinese|mexicans?|latinos?|latinas?|latinx|hispanics?|immigrants?|migrants?|"
    r"refugees?|foreigners?|women|woman|girls?|females?|gays?|lesbians?|bisexuals?|"
    r"homosexuals?|lgbtq?\+?|queers?|trans|transgender|transsexuals?|disabled|disabilit(?:y|ies)|"
    r"wheelchair users?)\b",
    re.IGNORECASE,
)
"""Group words to mask. Slurs are deliberately NOT here: a slur is the signal."""

URL = re.compile(r"https?://\S+|www\.\S+")


def mask_identities(text: str) -> str:
    """Lowercase, replace URLs by ``url`` and identity terms by the placeholder."""
    text = URL.sub(" url ", text)
    return IDENTITY_TERMS.sub(IDENTITY_PLACEHOLDER, text).lower()


def build_vectorizers(config: dict[str, Any]) -> list[HashingVectorizer]:
    """Recreate the stateless vectorizers from their saved settings."""
    return [
        HashingVectorizer(
            analyzer=part["analyzer"],
            ngram_range=tuple(part["ngram_range"]),
            n_features=part["n_features"],
            alternate_sign=False,
            binary=True,
            norm="l2",
            lowercase=False,
            dtype=np.float32,
        )
        for part in config["vectorizers"]
    ]


def featurise(vectorizers: Sequence[HashingVectorizer], texts: Sequence[str]) -> sparse.csr_matrix:
    """Masked texts to one sparse matrix, the vectorizer blocks side by side."""
    masked = [mask_identities(t) for t in texts]
    return sparse.hstack([v.transform(masked) for v in vectorizers], format="csr")


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over hashed features, as plain arrays."""

    vectorizers: list[HashingVectorizer]
    coef: np.ndarray
    intercept: float

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of toxicity for each text, in [0, 1]."""
        if not texts:
            return np.zeros(0)
        logits = featurise(self.vectorizers, texts) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))


def save_model(coef: np.ndarray, intercept: float, config: dict[str, Any],
               weights_path: Path = WEIGHTS_PATH, config_path: Path = CONFIG_PATH) -> None:
    """Write the nonzero coefficients (compressed) and the settings (JSON)."""
    nonzero = np.flatnonzero(coef).astype(np.int32)
    np.savez_compressed(weights_path, index=nonzero, value=coef[nonzero].astype(np.float32),
                        intercept=np.float64(intercept), size=np.int64(coef.size))
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def read_model(weights_path: Path = WEIGHTS_PATH, config_path: Path = CONFIG_PATH) -> LinearModel:
    """Read the saved arrays back into a model; no scikit-learn state involved."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    with np.load(weights_path) as saved:
        coef = np.zeros(int(saved["size"]), dtype=np.float32)
        coef[saved["index"]] = saved["value"]
        intercept = float(saved["intercept"])
    return LinearModel(build_vectorizers(config), coef, intercept)


@cache
def load_model() -> LinearModel:
    """The committed model, read once per process on first use."""
    return read_model()
