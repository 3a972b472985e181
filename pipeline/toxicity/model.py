"""The statistical half of the scorer: hashed n-grams and a logistic regression.

Texts are lowercased and every identity term ("Jews", "Muslim", "gay", ...) is
replaced by one placeholder token, so the model learns what is *said about* a
group, not which group is mentioned: "I love my Jewish neighbours" and "I love
my neighbours" get nearly the same features.

A third, small block sees the text at a coarser grain: each word becomes its
VADER polarity class (``NEG2`` … ``POS2``), a kept function word ("are", "should",
"not", "all"…), ``idterm``, or ``_``; n-grams of that sequence ("idterm are NEG2",
"i NEG2 idterm") and per-sentence flags ("a group and a strongly negative word")
generalise from "Muslims are vermin" to "disabled people are a burden" without
having seen the words together.

A fourth, dense block carries what the words mean: the mean of the text's static
word vectors (MiniLM, built by ``scripts/build_word_vectors.py``), so that "roaches"
and "pests" count like "vermin" although the data rarely pair them with a group. The
model is linear and the block is a plain mean, so its share of the logit is the mean
of one number per word (the word's vector times the block's weights); only that
number ships, no vectors and no encoder.

The weights live in ``data/model.npz`` (nonzero coefficients, the intercept and the
per-word values) and the feature settings in ``data/model.json``; no pickle, and no
scikit-learn at run time: features are CRC32-hashed n-grams computed here, so any
numpy/scipy can load and apply them.

>>> mask_identities("Jewish families and Muslims")
'idterm families and idterm'
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.regex_guard import can_fold_sub, compile_guarded, lowercase_twin
from pipeline.toxicity import fasthash

if TYPE_CHECKING:
    from scipy import sparse

DATA_DIR = Path(__file__).parent / "data"
WEIGHTS_PATH = DATA_DIR / "model.npz"
CONFIG_PATH = DATA_DIR / "model.json"

IDENTITY_PLACEHOLDER = "idterm"
IDENTITY_TERMS = compile_guarded(
    r"\b(?:jews?|jewish|jewry|judaism|zionists?|zionism|israelis?|hebrews?|semit(?:es?|ic)|"
    r"muslims?|moslems?|islam|islamic|arabs?|arabic|palestinians?|christians?|christianity|"
    r"catholics?|hindus?|sikhs?|buddhists?|blacks?|whites?|africans?|african[- ]americans?|"
    r"asians?|chinese|mexicans?|latinos?|latinas?|latinx|hispanics?|immigrants?|migrants?|"
    r"refugees?|foreigners?|women|woman|girls?|females?|gays?|lesbians?|bisexuals?|"
    r"homosexuals?|homosexuality|lgbtq?\+?|queers?|trans|transgenders?|transsexuals?|disabled|"
    r"disabilit(?:y|ies)|wheelchair users?|gypsy|gypsies|roma|romani|indians?|pakistanis?|"
    r"somalis?|autistic|autism|deaf|mentally ill)\b",
    re.IGNORECASE,
)
"""Group words to mask. Slurs are deliberately NOT here: a slur is the signal. The last
line (Roma, Indians, Pakistanis, Somalis, autistic, deaf, ...) was added with the group-filled
frames: unmasked, what the model learned about "deaf people" stayed with the word "deaf";
masked, Stormfront-val AUC .863 -> .866 and HateCheck-dev .754 -> .756."""

URL = re.compile(r"https?://\S+|www\.\S+")

SENTIMENT_PATH = DATA_DIR / "sentiment.tsv"
KEPT_WORDS = frozenset("""
i you he she we they it them us me my your our their his her its this that these those
a an the all every some most many no not never nothing none is are was were be been being am
should must would will can could need needs deserve deserves have has had do does don't doesn't
isn't aren't shouldn't to of in on at for from with by as and or but if than like so just only
always ever really very too more less what who why how get go back out up down kill die dead
death hate love want""".split())  # noqa: SIM905 (a word list reads better as text)
"""Words the coarse block keeps as themselves: the grammar of an attack ("X are", "should
all be", "not") and a few verbs whose polarity VADER rates but whose target matters."""
COARSE_TOKEN = re.compile(r"[a-z][a-z'-]*")
VECTOR_TOKEN = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")
"""A word as the word-vector block and its vocabulary see it (lowercased text)."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


IDENTITY_TERMS_LOWER = lowercase_twin(IDENTITY_TERMS)
"""IDENTITY_TERMS for lowercased text: without ``re.IGNORECASE`` the alternation skips
words on their first letter, three times faster; same spans (see regex_guard)."""


def mask_identities(text: str) -> str:
    """Lowercase, replace URLs by ``url`` and identity terms by the placeholder."""
    text = URL.sub(" url ", text)
    if IDENTITY_TERMS_LOWER is not None and can_fold_sub(text):
        return IDENTITY_TERMS_LOWER.sub(IDENTITY_PLACEHOLDER, text.lower())
    return IDENTITY_TERMS.sub(IDENTITY_PLACEHOLDER, text).lower()


def mask_identities_reference(text: str) -> str:
    """The definition: identity terms replaced in the text as written, then lowercased."""
    return IDENTITY_TERMS.sub(IDENTITY_PLACEHOLDER, URL.sub(" url ", text)).lower()


@dataclass(frozen=True)
class Hashing:
    """Feature settings: word and char_wb n-gram ranges and the bucket count of each block."""

    word_ngrams: tuple[int, int]
    char_ngrams: tuple[int, int]
    word_buckets: int
    char_buckets: int
    coarse_ngrams: int = 0
    """Longest n-gram of the coarse (polarity-class) block; 0 means no such block."""
    coarse_buckets: int = 0
    coarse_scale: float = 0.0
    """Value of the coarse block's features relative to the other blocks' (each l2-normalised)."""

    @property
    def size(self) -> int:
        """Number of feature columns."""
        return self.word_buckets + self.char_buckets + self.coarse_buckets

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Hashing:
        """Read the settings saved in model.json."""
        low_word, high_word = config["word_ngrams"]
        low_char, high_char = config["char_ngrams"]
        return cls((low_word, high_word), (low_char, high_char),
                   config["word_buckets"], config["char_buckets"],
                   config.get("coarse_ngrams", 0), config.get("coarse_buckets", 0),
                   config.get("coarse_scale", 0.0))


WORD = re.compile(r"\w\w+")


def word_grams(text: str, low: int, high: int) -> list[str]:
    """Word n-grams of two-letter-or-longer tokens, as scikit-learn's default analyzer."""
    tokens = WORD.findall(text)
    return [" ".join(tokens[i : i + n]) for n in range(low, high + 1)
            for i in range(len(tokens) - n + 1)]


@lru_cache(maxsize=200_000)
def hash_word_chars(word: str, low: int, high: int, buckets: int) -> frozenset[int]:
    """Buckets of the character n-grams inside one space-padded word (``char_wb``).

    Cached per word: comments reuse words, and this loop is most of the model's time.
    """
    padded = f" {word} "
    return frozenset(
        zlib.crc32(padded[i : i + n].encode("utf-8")) % buckets
        for n in range(low, high + 1)
        for i in range(max(1, len(padded) - n + 1))
    )


_TOKEN_HASH: dict[str, tuple[int, bytes]] = {}
_TOKEN_HASH_MAX = 200_000


def _token_hash(token: str) -> tuple[int, bytes]:
    """(crc32 of the token, the token with a space in front as bytes), remembered per token."""
    found = _TOKEN_HASH.get(token)
    if found is None:
        if len(_TOKEN_HASH) >= _TOKEN_HASH_MAX:
            _TOKEN_HASH.clear()
        spaced = f" {token}".encode()
        found = _TOKEN_HASH[token] = (zlib.crc32(spaced[1:]), spaced)
    return found


def hash_token_grams(tokens: Sequence[str], low: int, high: int, buckets: int,
                     found: set[int] | None = None) -> set[int]:
    """``hash_block`` of the ``low``..``high``-grams of ``tokens`` without building them.

    CRC32 chains: crc32(a + b) == crc32(b, crc32(a)), so the n-grams' hashes are
    the (n-1)-grams' extended by " next token", one level at a time.
    """
    found = set() if found is None else found
    pairs = [_token_hash(t) for t in tokens]
    level = [crc for crc, _ in pairs]
    spaced = [b for _, b in pairs]
    for n in range(1, high + 1):
        if n > 1:
            level = [zlib.crc32(b, crc) for crc, b in zip(level, spaced[n - 1:], strict=False)]
        if n >= low:
            found.update([crc % buckets for crc in level])
    return found


def hash_word_grams(text: str, low: int, high: int, buckets: int) -> set[int]:
    """``hash_block(word_grams(text, low, high), buckets)``."""
    return hash_token_grams(WORD.findall(text), low, high, buckets)


def hash_block(grams: list[str], buckets: int) -> set[int]:
    """Distinct bucket indices of word n-grams (CRC32: stable across Python runs)."""
    return {zlib.crc32(g.encode("utf-8")) % buckets for g in grams}


@cache
def sentiment_classes() -> dict[str, str]:
    """Word to polarity class (NEG2, NEG1, POS1, POS2), from the committed VADER-derived table."""
    rows = SENTIMENT_PATH.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in rows if line and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def coarse_token(word: str) -> str:
    """A word as the coarse block sees it: itself if kept, else its polarity class or ``_``."""
    if word == IDENTITY_PLACEHOLDER or word in KEPT_WORDS:
        return word
    return sentiment_classes().get(word, "_")


def sentence_flags(tokens: list[str]) -> list[str]:
    """Sentence-level interactions: a group named together with negative or positive words.

    >>> sentence_flags(["idterm", "are", "NEG2"])
    ['ID&NEG2', 'ID&netneg']
    """
    if IDENTITY_PLACEHOLDER not in tokens:
        return []
    # Only the classes start with NEG or POS: kept words are lowercase.
    negative = tokens.count("NEG1") + tokens.count("NEG2")
    positive = tokens.count("POS1") + tokens.count("POS2")
    flags = ["ID&NEG2" if "NEG2" in tokens else "ID&NEG1" if negative else "ID&noneg"]
    if positive and not negative:
        flags.append("ID&POSonly")
    if negative > positive:
        flags.append("ID&netneg")
    if "not" in tokens or "never" in tokens:
        flags.append("ID&negation")
    return flags


def coarse_sentences(masked: str) -> Iterator[tuple[list[str], list[str]]]:
    """Per sentence: its coarse tokens, and the same with runs of ``_`` merged into one."""
    for sentence in SENTENCE_END.split(masked):
        tokens = [coarse_token(w) for w in COARSE_TOKEN.findall(sentence)]
        yield tokens, [t for i, t in enumerate(tokens) if not (t == "_" and i and tokens[i - 1] == "_")]


def coarse_grams(masked: str, high: int) -> list[str]:
    """N-grams (1..high) of each sentence's coarse tokens, runs of ``_`` merged, plus flags.

    The definition of the coarse block; :func:`hash_coarse_grams` hashes the same grams.

    >>> coarse_grams("idterm are disgusting liars.", 2)[-4:]
    ['are NEG2', 'NEG2 NEG2', 'ID&NEG2', 'ID&netneg']
    """
    grams: list[str] = []
    for tokens, merged in coarse_sentences(masked):
        grams += [" ".join(merged[i : i + n]) for n in range(1, high + 1)
                  for i in range(len(merged) - n + 1)]
        grams += sentence_flags(tokens)
    return grams


def hash_coarse_grams(masked: str, high: int, buckets: int) -> set[int]:
    """``hash_block(coarse_grams(masked, high), buckets)``, without building the grams."""
    found: set[int] = set()
    for tokens, merged in coarse_sentences(masked):
        hash_token_grams(merged, 1, high, buckets, found)
        found.update(_token_hash(flag)[0] % buckets for flag in sentence_flags(tokens))
    return found


def row_features(hashing: Hashing, text: str) -> tuple[set[int], frozenset[int], set[int]]:
    """Word, char and coarse bucket indices of one text (not yet offset)."""
    masked = mask_identities(text)
    words = hash_word_grams(masked, *hashing.word_ngrams, hashing.word_buckets)
    low, high = hashing.char_ngrams
    chars = frozenset().union(*[hash_word_chars(word, low, high, hashing.char_buckets)
                                for word in masked.split()])
    coarse = (hash_coarse_grams(masked, hashing.coarse_ngrams, hashing.coarse_buckets)
              if hashing.coarse_buckets else set())
    return words, chars, coarse


def featurise_reference(hashing: Hashing, texts: Sequence[str]) -> sparse.csr_matrix:
    """Masked texts to binary hashed n-grams; word, char and coarse blocks each l2-normalised.

    The definition, one text and one gram at a time; :func:`featurise` computes the
    same matrix for a whole batch with numpy, and the tests compare the two.
    Plain Python and CRC32 instead of scikit-learn's HashingVectorizer: importing
    scikit-learn alone takes over a second, the load budget is one second. The
    CSR arrays are built directly and their columns sorted per row, as a COO build
    leaves them, so the product with the weights sums in the same order.
    """
    indices: list[int] = []
    counts: list[int] = []
    for text in texts:
        words, chars, coarse = row_features(hashing, text)
        indices += words
        indices += chars
        indices += coarse
        counts += (len(words), len(chars), len(coarse))
    sizes = np.array(counts, dtype=np.int64)
    scales = np.tile(np.array([1.0, 1.0, hashing.coarse_scale]), len(texts))
    weights = scales / np.sqrt(np.maximum(sizes, 1))
    vals = np.repeat(weights, sizes).astype(np.float32)
    block_starts = [0, hashing.word_buckets, hashing.word_buckets + hashing.char_buckets]
    offsets = np.tile(np.array(block_starts, dtype=np.int64), len(texts))
    cols = np.array(indices, dtype=np.int64) + np.repeat(offsets, sizes)
    indptr = np.concatenate(([0], np.cumsum(sizes)))[::3]
    shape = (len(texts), hashing.size)
    from scipy import sparse

    matrix = sparse.csr_matrix((vals, cols, indptr), shape=shape)
    matrix.has_sorted_indices = False
    matrix.sort_indices()
    return matrix


def block_keys(hashing: Hashing, masked: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per block (word, char, coarse): the row of every gram and its column, rows ascending.

    Grams repeat; :func:`row_columns` leaves each column once.
    """
    words = [WORD.findall(m) for m in masked]
    counts = np.array([len(w) for w in words], dtype=np.int64)
    text_rows = np.repeat(np.arange(len(masked), dtype=np.int64), counts)
    blocks = [fasthash.token_gram_keys([t for w in words for t in w], text_rows, text_rows,
                                       *hashing.word_ngrams, hashing.word_buckets, 0)]
    low, high = hashing.char_ngrams
    # A word's grams are the same each time it occurs: each text's distinct words only.
    distinct = [" ".join(dict.fromkeys(m.split())) for m in masked]
    blocks.append(fasthash.char_gram_keys(distinct, low, high, hashing.char_buckets,
                                          hashing.word_buckets))
    if hashing.coarse_buckets:
        blocks.append(coarse_keys(hashing, masked))
    return blocks


def coarse_keys(hashing: Hashing, masked: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The coarse block's rows and columns (see :func:`block_keys`): n-grams, then flags."""
    tokens: list[str] = []
    lengths: list[int] = []
    sentence_rows: list[int] = []
    flags: list[str] = []
    flag_rows: list[int] = []
    for row, text in enumerate(masked):
        for sentence, merged in coarse_sentences(text):
            tokens += merged
            lengths.append(len(merged))
            sentence_rows.append(row)
            found = sentence_flags(sentence)
            flags += found
            flag_rows += [row] * len(found)
    offset = hashing.word_buckets + hashing.char_buckets
    sizes = np.array(lengths, dtype=np.int64)
    segments = np.repeat(np.arange(sizes.size), sizes)
    rows = np.repeat(np.array(sentence_rows, dtype=np.int64), sizes)
    gram_rows, gram_cols = fasthash.token_gram_keys(tokens, segments, rows, 1,
                                                    hashing.coarse_ngrams,
                                                    hashing.coarse_buckets, offset)
    crcs = fasthash.TOKENS.crc[fasthash.TOKENS.lookup(flags)]
    flag_cols = (crcs % hashing.coarse_buckets + offset).astype(np.uint32)
    all_rows = np.concatenate([gram_rows, np.array(flag_rows, dtype=np.int64)])
    order = np.argsort(all_rows, kind="stable")
    return all_rows[order], np.concatenate([gram_cols, flag_cols])[order]


def row_columns(blocks: list[tuple[np.ndarray, np.ndarray]], count: int) -> list[np.ndarray]:
    """Each row's distinct columns, ascending: one small sort per row.

    Sorting a row's few thousand columns at a time is cheaper than one sort of the batch.
    """
    bounds = [np.searchsorted(rows, np.arange(count + 1)) for rows, _ in blocks]
    found = []
    for row in range(count):
        cols = np.sort(np.concatenate([c[b[row] : b[row + 1]]
                                       for (_, c), b in zip(blocks, bounds, strict=True)]))
        found.append(cols[np.concatenate(([True], cols[1:] != cols[:-1]))] if cols.size else cols)
    return found


def feature_rows(hashing: Hashing, texts: Sequence[str],
                 masked: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`featurise`'s matrix as CSR arrays (values, columns, row starts), every gram
    of the batch hashed at once (see fasthash). ``masked``: the texts through
    :func:`mask_identities`, when the caller has them already."""
    if masked is None:
        masked = [mask_identities(text) for text in texts]
    per_row = row_columns(block_keys(hashing, masked), len(texts))
    cols = np.concatenate(per_row).astype(np.int64) if per_row else np.zeros(0, np.int64)
    rows = np.repeat(np.arange(len(texts)), [c.size for c in per_row])
    blocks = (cols >= hashing.word_buckets).astype(np.int64)
    blocks += cols >= hashing.word_buckets + hashing.char_buckets
    cells = rows * 3 + blocks
    sizes = np.bincount(cells, minlength=3 * len(texts))
    scales = np.tile(np.array([1.0, 1.0, hashing.coarse_scale]), len(texts))
    weights = scales / np.sqrt(np.maximum(sizes, 1))
    vals = weights[cells].astype(np.float32)
    indptr = np.concatenate(([0], np.cumsum([c.size for c in per_row], dtype=np.int64)))
    return vals, cols, indptr


def featurise(hashing: Hashing, texts: Sequence[str]) -> sparse.csr_matrix:
    """:func:`featurise_reference`, computed by :func:`feature_rows`.

    Same columns, same values, same order: the product with the weights is the same
    to the last bit. No per-word cache to warm.
    """
    if hashing.char_ngrams[0] not in (2, 3):
        return featurise_reference(hashing, texts)
    from scipy import sparse

    matrix = sparse.csr_matrix(feature_rows(hashing, texts), shape=(len(texts), hashing.size))
    matrix.has_sorted_indices = True
    return matrix


def vector_words(masked: str, vocabulary: Container[str]) -> list[str]:
    """The words of a masked text that have a vector: known, and not the group placeholder.

    The definition both sides share: training averages these words' vectors, scoring
    averages their values.

    >>> vector_words("idterm are roaches, zzqx", {"are", "roaches", "idterm"})
    ['are', 'roaches']
    """
    return [w for w in VECTOR_TOKEN.findall(masked) if w in vocabulary and w != IDENTITY_PLACEHOLDER]


def mean_vectors(masked: Sequence[str], index: dict[str, int], vectors: np.ndarray) -> np.ndarray:
    """The dense block for training: per text, the mean vector of its :func:`vector_words`
    (zeros when it has none)."""
    out = np.zeros((len(masked), vectors.shape[1]), np.float32)
    for row, text in enumerate(masked):
        rows = [index[w] for w in vector_words(text, index)]
        if rows:
            out[row] = vectors[rows].mean(axis=0)
    return out


def mean_word_values(masked: Sequence[str], values: dict[str, float]) -> np.ndarray:
    """The dense block's share of each logit: the mean value of the text's :func:`vector_words`.

    Equal to :func:`mean_vectors` times the block's weights (``values[w]`` is ``vectors[w]``
    times them), without the vectors; tested.
    """
    out = np.zeros(len(masked), dtype=np.float32)
    for row, text in enumerate(masked):
        found = [values[w] for w in vector_words(text, values)]
        if found:
            out[row] = sum(found) / len(found)
    return out


def row_dot(vals: np.ndarray, cols: np.ndarray, indptr: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Each row's features times the weights, summed in float32 in column order.

    What scipy's CSR matrix-vector product computes, to the last bit (a running
    float32 sum per row; tested), without importing scipy, 0.15 s of every
    process start. numpy's own reductions sum pairwise, which rounds differently.
    """
    products = vals * coef[cols]
    out = np.zeros(len(indptr) - 1, dtype=products.dtype)
    for row, (start, end) in enumerate(zip(indptr[:-1].tolist(), indptr[1:].tolist(), strict=True)):
        if end > start:
            out[row] = np.cumsum(products[start:end])[-1]
    return out


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over hashed features, as plain arrays."""

    hashing: Hashing
    coef: np.ndarray
    intercept: float
    word_values: dict[str, float] = field(default_factory=dict)
    """The word-vector block, one logit contribution per word (see the module docstring)."""

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """The log-odds of toxicity for each text."""
        masked = [mask_identities(text) for text in texts]
        if self.hashing.char_ngrams[0] in (2, 3):
            logits = row_dot(*feature_rows(self.hashing, texts, masked), self.coef)
        else:
            logits = featurise_reference(self.hashing, texts) @ self.coef
        if self.word_values:
            logits = logits + mean_word_values(masked, self.word_values)
        return logits + self.intercept

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of toxicity for each text, in [0, 1]."""
        if not texts:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.logits(texts)))


def save_model(coef: np.ndarray, intercept: float, config: dict[str, Any],
               word_values: dict[str, float] | None = None,
               weights_path: Path = WEIGHTS_PATH, config_path: Path = CONFIG_PATH) -> None:
    """Write the nonzero coefficients and the per-word values (compressed) and the settings
    (JSON). The words are one UTF-8 string, newline-separated: no pickle, no object arrays."""
    nonzero = np.flatnonzero(coef).astype(np.int32)
    words = list(word_values or {})
    np.savez_compressed(weights_path, index=nonzero, value=coef[nonzero].astype(np.float32),
                        intercept=np.float64(intercept), size=np.int64(coef.size),
                        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
                        word_value=np.array([(word_values or {})[w] for w in words], np.float32))
    config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def read_model(weights_path: Path = WEIGHTS_PATH, config_path: Path = CONFIG_PATH) -> LinearModel:
    """Read the saved arrays back into a model; no scikit-learn state involved."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    with np.load(weights_path) as saved:
        coef = np.zeros(int(saved["size"]), dtype=np.float32)
        coef[saved["index"]] = saved["value"]
        intercept = float(saved["intercept"])
        words = saved["words"].tobytes().decode("utf-8").split("\n") if "words" in saved else []
        values = saved["word_value"].tolist() if words else []
    return LinearModel(Hashing.from_config(config), coef, intercept,
                       dict(zip(words, values, strict=True)) if values else {})


@cache
def load_model() -> LinearModel:
    """The committed model, read once per process on first use."""
    return read_model()
