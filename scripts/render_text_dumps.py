"""Render HTML pages as plain-text page dumps, the way scrapers save whole pages.

Used to measure the plain-text path on real pages (menus, footers, comment
sections and all): ``python scripts/render_text_dumps.py OUT_DIR`` writes one
``<page>.txt`` per page of ../shared/datasets/articles/scrapinghub/html/,
block elements separated by blank lines, like a browser's innerText.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import lxml.html

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGES = SHARED / "datasets" / "articles" / "scrapinghub" / "html"
DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
BLOCK = {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "li", "ul", "ol",
         "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "figure", "figcaption", "form",
         "br", "hr", "dd", "dt", "dl", "pre", "address", "title"}


def render(html: bytes) -> str:
    """innerText-like rendering: text of block elements on their own lines, blank line between."""
    root = lxml.html.fromstring(html)
    out: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else "#comment"
        if tag in DROP or tag == "#comment":
            if node.tail:
                out.append(node.tail)
            return
        if tag == "title":
            out.append("\n\n" + (node.text_content() or "").strip() + "\n\n")
        else:
            if tag in BLOCK:
                out.append("\n\n")
            if node.text:
                out.append(node.text)
            for child in node:
                walk(child)
            if tag in BLOCK:
                out.append("\n\n")
        if node.tail:
            out.append(node.tail)

    walk(root)
    text = "".join(out)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    result: list[str] = []
    for line in lines:
        if line or (result and result[-1]):
            result.append(line)
    return "\n".join(result).strip() + "\n"


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for page in sorted(PAGES.glob("*.html.gz")):
        text = render(gzip.decompress(page.read_bytes()))
        (out / (page.name.split(".")[0] + ".txt")).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
