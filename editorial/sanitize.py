"""HTML and Markdown in, safe HTML and plain text out: the one place that decides what markup we keep.

``sanitize_html`` is the only entry point to the sanitiser library (bleach today; nh3 is the maintained
alternative, see DESIGN.md), so swapping it touches this module alone. Checks run on the derived text, and
finding offsets refer to that text as stored in ``body_text``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import bleach
import markdown as markdown_lib

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "del", "ins", "q", "cite", "abbr", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "figure", "figcaption",
})
ALLOWED_ATTRIBUTES = {
    "*": ["dir", "lang"],
    "a": ["href", "title", "dir", "lang"],
    "abbr": ["title", "dir", "lang"],
    "th": ["colspan", "rowspan", "dir", "lang"],
    "td": ["colspan", "rowspan", "dir", "lang"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Removed together with everything inside them: bleach's strip=True would keep their text.
DROP_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "noscript", "template", "object", "embed", "svg", "math", "head", "title",
    "select", "textarea", "frameset", "noembed", "noframes", "xmp",
})
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "section", "article",
    "header", "footer", "aside", "nav", "main", "address",
})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


class _Dropper(HTMLParser):
    """Re-emit the markup as written, minus the DROP_WITH_CONTENT elements and their content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.depth = 0  # > 0 while inside a dropped element

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROP_WITH_CONTENT:
            self.depth += 1
        elif not self.depth:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.depth and tag not in DROP_WITH_CONTENT:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_WITH_CONTENT:
            self.depth = max(0, self.depth - 1)
        elif not self.depth:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.out.append(data.replace("<", "&lt;").replace(">", "&gt;"))

    def handle_entityref(self, name: str) -> None:
        if not self.depth:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.depth:
            self.out.append(f"&#{name};")


class _TextWalker(HTMLParser):
    """Plain text of sanitised HTML: block elements become paragraphs, <br> a line break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.pre = 0

    def _break(self) -> None:
        text = "".join(self.current)
        lines = [line.strip(" \t\r\f") for line in text.split("\n")]
        text = "\n".join(lines).strip("\n")
        if text.strip():
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.current.append("\n")
        elif tag in BLOCK_TAGS:
            self._break()
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        self.current.append(data if self.pre else _HTML_SPACE.sub(" ", data))

    def text(self) -> str:
        self._break()
        return "\n\n".join(self.paragraphs)


def _drop_dangerous(html: str) -> str:
    parser = _Dropper()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def sanitize_html(html: str) -> tuple[str, str]:
    """Return ``(clean_html, text)``: markup cut to a safe allow-list, and its plain text."""
    html = (html or "").replace("\x00", "")
    clean = bleach.clean(
        _drop_dangerous(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
        strip=True, strip_comments=True,
    )
    walker = _TextWalker()
    walker.feed(clean)
    walker.close()
    return clean, walker.text()


def markdown_to_html(text: str) -> str:
    """Markdown to HTML; raw HTML inside the Markdown is left for ``sanitize_html`` to clean."""
    return markdown_lib.markdown(text or "", output_format="html")


def sanitize_markdown(text: str) -> tuple[str, str]:
    """Markdown in, ``(clean_html, text)`` out, like ``sanitize_html``."""
    return sanitize_html(markdown_lib.markdown(text or "", output_format="html"))
