"""Turn the bytes of an input into text, or say why they cannot be.

Order matters: a byte-order mark is the strongest evidence, then "is it
binary?", then strict UTF-8 (most of the web), then real charset detection
with charset-normalizer for everything else.

>>> decode_bytes("héllo".encode("utf-16")).text
'héllo'
>>> decode_bytes("naïve café “quoted”".encode("cp1252")).encoding
'cp1252'
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00").reason
'binary'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of formats that are never text (images, archives, PDFs...).
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF", b"PK\x03\x04",
    b"\x7fELF", b"RIFF", b"\x00\x00\x01\x00", b"BM", b"OggS", b"ID3", b"\x1f\x8b",
    b"\x28\xb5\x2f\xfd", b"7z\xbc\xaf",
)

# How much worse than the best candidate windows-1252 may look and still be
# preferred. Measured on the damaged seeds: charset-normalizer ties cp1252 with
# cp1250/cp850 (chaos 0.0-0.06) and sometimes ranks cp850 first, which turns
# every curly quote into box-drawing characters. Browsers decode unlabelled
# Western pages as windows-1252 (WHATWG Encoding Standard), so on a tie we do too.
CP1252_CHAOS_SLACK = 0.01
CP1252_COHERENCE_SLACK = 0.02


@dataclass(frozen=True)
class Decoded:
    """Text with the encoding it came from, or the reason it did not decode."""

    text: str = ""
    encoding: str = ""
    reason: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs on one byte parity only (ASCII-heavy text)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) from charset-normalizer, with the cp1252 tie-break."""
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = min(results, key=lambda r: (r.chaos, -r.coherence))
    chosen = best
    if best.encoding != "cp1252":
        try:
            cp = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
        except Exception:  # noqa: BLE001 - detection must never raise into a run
            cp = None
        if (
            cp is not None
            and cp.chaos <= best.chaos + CP1252_CHAOS_SLACK
            and cp.coherence >= best.coherence - CP1252_COHERENCE_SLACK
        ):
            chosen = cp
    return chosen.encoding, str(chosen)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset the container stated (HTTP, <meta>)."""
    if not data.strip():
        return Decoded(reason="empty", detail=f"{len(data)} bytes, no text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError as err:
                return Decoded(reason="undecodable", detail=f"{encoding} BOM but {err}")
    if any(data.startswith(magic) for magic in BINARY_MAGIC):
        return Decoded(reason="binary", detail="file signature of a binary format")
    utf16 = _looks_utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        return Decoded(reason="binary", detail="NUL bytes in the content")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return Decoded(data.decode(declared), codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    found = _detect(data)
    if found is None:
        return Decoded(reason="undecodable", detail="no charset decodes these bytes")
    encoding, text = found
    if _control_ratio(text) > 0.05:
        return Decoded(reason="binary", detail=f"decodes as {encoding} but is mostly control characters")
    return Decoded(text, encoding)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / len(sample)
