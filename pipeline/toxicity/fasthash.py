"""Hash a whole batch's n-grams with numpy: the buckets of model.py's definitions, faster.

The model's features are CRC32s of word and character n-grams (``model.word_grams``,
``model.hash_word_chars``, ``model.coarse_grams``: the readable definitions). Hashing
them one gram at a time in Python was two thirds of a long comment's scoring time.
CRC32 is a linear recurrence over bytes, which lets numpy do every gram of a batch at once:

- a character n-gram's register is its (n-1)-gram's register advanced by the bytes of
  one more character: the table-driven byte step of zlib, applied to a whole array of
  windows per step (``char_gram_keys``);
- ``crc32(a + b) == shift(crc32(a), len(b)) ^ crc32(b)``, with ``shift`` linear in its
  first argument (zlib's ``crc32_combine``): a word n-gram's CRC is its (n-1)-gram's
  shifted by the length of " next-token" and XORed with that string's CRC
  (``token_gram_keys``), with ``shift`` read from per-byte tables.

Every gram is hashed, duplicates included, and ``np.unique`` leaves each bucket once.
``tests/test_toxicity.py`` checks the buckets against the definitions on every
evaluation text.

>>> import zlib
>>> rows, cols = char_gram_keys(["ab"], 2, 2, 1000, 0)
>>> sorted(map(int, cols)) == sorted(zlib.crc32(g) % 1000 for g in (b" a", b"ab", b"b "))
True
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import cache

import numpy as np


def _byte_table() -> np.ndarray:
    """zlib's byte step: the register r (the CRC inverted) over byte b is ``T[(r ^ b) & 255] ^ (r >> 8)``.

    Read from zlib itself: from register 0 (``value=0xFFFFFFFF``) one byte i gives T[i].
    """
    return np.array([zlib.crc32(bytes([i]), 0xFFFFFFFF) ^ 0xFFFFFFFF for i in range(256)],
                    dtype=np.uint32)


BYTE_TABLE = _byte_table()
SHIFT_MAX = 64
"""Longest " token" (in bytes) whose shift is one table lookup; longer ones take several."""


@cache
def shift_tables() -> np.ndarray:
    """S[n, k, v]: ``shift`` over n zero bytes of the value ``v << 8k``, n = 0..SHIFT_MAX.

    ``shift_n(c) = crc32(bytes(n), c) ^ crc32(bytes(n))`` is linear in c, so its value on
    each of the 32 bits fixes it; a table per byte of c makes it four lookups.
    """
    basis = np.array([[zlib.crc32(bytes(n), 1 << j) ^ zlib.crc32(bytes(n)) for j in range(32)]
                      for n in range(SHIFT_MAX + 1)], dtype=np.int64)
    bits = (np.arange(256)[:, None] >> np.arange(8)) & 1
    parts = basis.reshape(SHIFT_MAX + 1, 4, 1, 8) * bits
    return np.bitwise_xor.reduce(parts, axis=3).astype(np.uint32)


def shift(crcs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``shift_n(c)`` for each CRC and its own n (see :func:`shift_tables`)."""
    tables = shift_tables().reshape(-1)
    crcs = crcs.astype(np.uint32)
    remaining = lengths.astype(np.int64)
    while True:
        step = np.minimum(remaining, SHIFT_MAX) * 1024
        crcs = (tables[step + (crcs & 255)] ^ tables[step + 256 + ((crcs >> 8) & 255)]
                ^ tables[step + 512 + ((crcs >> 16) & 255)] ^ tables[step + 768 + (crcs >> 24)])
        remaining = remaining - SHIFT_MAX
        if not (remaining > 0).any():
            return crcs
        remaining = np.maximum(remaining, 0)


class TokenTable:
    """Token -> (CRC32 of the token, CRC32 of " token", byte length of " token"), per process.

    Comments reuse words; a batch's tokens become row numbers into three arrays.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        """Forget every token (the table is emptied when full)."""
        self.rows: dict[str, int] = {}
        self.crc = np.zeros(1024, dtype=np.uint32)
        self.spaced = np.zeros(1024, dtype=np.uint32)
        self.length = np.zeros(1024, dtype=np.int64)

    def _add(self, tokens: list[str]) -> None:
        start = len(self.rows)
        end = start + len(tokens)
        if end > self.crc.size:
            size = max(end, 2 * self.crc.size)
            self.crc = np.resize(self.crc, size)
            self.spaced = np.resize(self.spaced, size)
            self.length = np.resize(self.length, size)
        encoded = [t.encode("utf-8") for t in tokens]
        self.crc[start:end] = [zlib.crc32(b) for b in encoded]
        self.spaced[start:end] = [zlib.crc32(b" " + b) for b in encoded]
        self.length[start:end] = [len(b) + 1 for b in encoded]
        self.rows.update(zip(tokens, range(start, end), strict=True))

    def lookup(self, tokens: Sequence[str]) -> np.ndarray:
        """Row numbers of ``tokens``, adding the ones not seen before."""
        rows = self.rows
        missing = list(dict.fromkeys(t for t in tokens if t not in rows))
        if missing:
            if len(rows) + len(missing) > self.limit:
                self.clear()
                missing = list(dict.fromkeys(tokens))
            self._add(missing)
            rows = self.rows
        return np.fromiter(map(rows.__getitem__, tokens), dtype=np.int64, count=len(tokens))


TOKENS = TokenTable()


Keys = tuple[np.ndarray, np.ndarray]
"""Row (int64, ascending) and column (``offset + crc32(gram) % buckets``, uint32) of grams."""


def _by_row(rows: list[np.ndarray], cols: list[np.ndarray]) -> Keys:
    """Merge per-n key lists, each ascending by row, into one ascending by row."""
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32)
    all_rows = np.concatenate(rows)
    order = np.argsort(all_rows, kind="stable")
    return all_rows[order], np.concatenate(cols)[order]


def token_gram_keys(tokens: Sequence[str], segments: np.ndarray, rows: np.ndarray, low: int,
                    high: int, buckets: int, offset: int) -> Keys:
    """Rows and columns of the n-grams (``" ".join(gram)``, n = low..high) of ``tokens``.

    ``tokens`` is a flat list; an n-gram must lie inside one segment (a text, a sentence),
    and takes the row of its first token.
    """
    ids = TOKENS.lookup(tokens)
    level = TOKENS.crc[ids]
    spaced, lengths = TOKENS.spaced[ids], TOKENS.length[ids]
    found_rows, found_cols = [], []
    for n in range(1, high + 1):
        if n > 1:
            level = shift(level[:-1], lengths[n - 1:]) ^ spaced[n - 1:]
        if n >= low:
            inside = segments[: level.size] == segments[n - 1:]
            found_rows.append(rows[: level.size][inside])
            found_cols.append((level[inside] % buckets + offset).astype(np.uint32))
    return _by_row(found_rows, found_cols)


def char_gram_keys(texts: Sequence[str], low: int, high: int, buckets: int, offset: int) -> Keys:
    """Rows and columns (as :func:`token_gram_keys`) of every text's ``char_wb`` n-grams.

    As ``model.hash_word_chars``: each whitespace-separated word padded with one space
    each side, n-grams of characters inside one padded word. The padded words of all
    texts are laid end to end; a window holding two spaces in a row spans two words.
    The gram of a word shorter than n (the whole padded word) is the same gram at a
    smaller n, so it adds nothing when ``low`` <= 3 (every padded word has 3 characters).
    """
    if low < 2 or low > 3:
        raise ValueError("char_gram_keys needs 2 <= low <= 3")
    padded = [f" {'  '.join(words)} " for words in map(str.split, texts)]
    lengths = [len(p) if len(p) > 2 else 0 for p in padded]
    stream = "".join(p for p in padded if len(p) > 2)
    if not stream:
        return _by_row([], [])
    data = np.frombuffer(stream.encode("utf-8"), dtype=np.uint8)
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    starts = np.flatnonzero((data & 0xC0) != 0x80)  # first byte of each character
    widths = np.diff(np.append(starts, data.size))
    wide = [np.flatnonzero(widths > j) for j in range(1, int(widths.max()))]
    first = data[starts]
    space = first == 32
    pair = np.concatenate(([0], np.cumsum(space[:-1] & space[1:])))
    register = np.full(len(stream), 0xFFFFFFFF, dtype=np.uint32)
    found_rows, found_cols = [], []
    for n in range(1, high + 1):
        size = max(0, len(stream) - n + 1)
        register = BYTE_TABLE[(register[:size] ^ first[n - 1:]) & 255] ^ (register[:size] >> 8)
        for j, chars in enumerate(wide, start=1):  # later bytes of multi-byte characters
            at = chars[chars >= n - 1] - (n - 1)
            byte = data[starts[at + n - 1] + j]
            register[at] = BYTE_TABLE[(register[at] ^ byte) & 255] ^ (register[at] >> 8)
        if n >= low:
            inside = pair[n - 1:] == pair[:size]
            found_rows.append(rows[:size][inside])
            found_cols.append((~register[inside] % buckets + offset).astype(np.uint32))
    return _by_row(found_rows, found_cols)
