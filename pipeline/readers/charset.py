"""The charset a page declares for itself: HTTP ``Content-Type`` or ``<meta>``.

Browsers look for ``<meta charset>`` in the first 1024 bytes (WHATWG HTML,
"prescan a byte stream"); real pages put 1-2 KB of scripts first often
enough that we look a little further. A declared charset is only a hint:
:func:`pipeline.decode.decode_bytes` still prefers a BOM and valid UTF-8,
and falls back to detection when the declared charset fails to decode.

>>> sniff_charset(b'<html><head><meta charset="windows-1251"><title>x')
'windows-1251'
>>> sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
'iso-8859-1'
>>> charset_from_content_type("text/html; charset=\\"utf-8\\"")
'utf-8'
>>> sniff_charset(b'<meta charset="no-such-charset">') is None
True
"""

from __future__ import annotations

import codecs
import re

# How far into the bytes the <meta> declaration is looked for (see above).
SNIFF_BYTES = 2048

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def known_charset(name: str | None) -> str | None:
    """``name`` lower-cased when Python has a codec for it, else None."""
    if not name:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name.lower()


def sniff_charset(data: bytes) -> str | None:
    """The charset named by the first ``<meta>`` that names one, if Python knows it."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return known_charset(match.group("charset").decode("ascii")) if match else None


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP ``Content-Type`` header."""
    match = _CONTENT_TYPE_CHARSET.search(value or "")
    return known_charset(match.group(1)) if match else None
