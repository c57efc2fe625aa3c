"""HTML to plain text, for the HTML that Mastodon (and other ActivityPub servers) send.

Rules, in the spirit of what a reader sees:

- entities are decoded (``&amp;`` -> ``&``, ``&#39;`` -> ``'``);
- tags are dropped and links become their text; Mastodon's ``invisible`` spans (the
  ``https://`` and the tail of a shortened link) are kept, so links read as full URLs;
- ``<br>`` is a line break and each paragraph (``<p>``, ``<div>``, ``<li>``, headings,
  ``<blockquote>``, ``<pre>``) is separated by a blank line;
- other whitespace inside the text collapses to one space, as a browser shows it;
- the content of ``<script>``, ``<style>``, ``<template>`` and the like is **dropped**
  entirely. kindscope stores plain text only and never renders it as HTML, so nothing in
  a post can run later; dropping keeps code out of the signals too.

>>> html_to_text('<p>I&#39;m ok<br>really</p><p>see <a href="https://x.y/z">x.y/z</a></p>')
"I'm ok\\nreally\\n\\nsee x.y/z"
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kindscope.errors import InputError

__all__ = ["html_to_text"]

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
     "section", "article", "header", "footer", "table", "tr"}
)
_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BREAK = "\x00"  # a hard line break, kept apart from collapsible whitespace
_PARA = "\x01"  # a paragraph break


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag == "br":
            self.parts.append(_BREAK)
        elif tag in _BLOCKS:
            self.parts.append(_PARA)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append(_BREAK)
        elif tag in _BLOCKS:
            self.parts.append(_PARA)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append(_PARA)

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data.replace(_BREAK, "").replace(_PARA, ""))


def html_to_text(html: str | None) -> str:
    """Plain text of an HTML fragment: line breaks kept, entities decoded, tags dropped."""
    if not html:
        return ""
    if not isinstance(html, str):
        raise InputError(f"HTML text expected, found {type(html).__name__} {str(html)[:40]!r}")
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    flat = _SPACES.sub(" ", "".join(parser.parts))
    paragraphs = []
    for block in flat.split(_PARA):
        lines = [line.strip() for line in block.split(_BREAK)]
        text = "\n".join(lines).strip("\n")
        if text.strip():
            paragraphs.append(text)
    return "\n\n".join(paragraphs)
