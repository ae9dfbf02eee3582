"""HTML and Markdown in, safe HTML and plain text out: the one place that decides what markup we keep.

``sanitize_html`` is the only entry point to the sanitiser library, so swapping it touches this module alone.
Every step is linear in the size of the input, and the one step that is not linear in nesting (the HTML5 tree
builder) runs only after two cheap refusals:

1. size: more than ``settings.MAX_MARKUP_CHARS`` characters of markup is refused (413) before any parsing;
2. depth: one regular-expression pass counts how deeply start tags nest; past ``settings.MAX_MARKUP_DEPTH``
   the markup is refused (400) before the tree is built.

Then nh3 (Rust, the ammonia crate on html5ever) builds the tree and cuts it to the allow-list, and a
regular-expression walk over its canonical output derives the text. Measured on this machine
(``benchmarks/hostile.py``): bleach (html5lib) took 67 s on 20,000 nested ``<div>`` and 25 s on 100,000 flat
``<p>a</p>``, and Python's ``html.parser`` is quadratic on unclosed ``<a`` or ``<!--`` runs (200 KB: 40 s);
nh3 cleans 2 MB of flat paragraphs in about 0.3 s. Markdown goes through cmark (C, linear by design:
Python-Markdown took more than 30 s on 100,000 ``[``) and then through ``sanitize_html`` like any HTML.

Checks run on the derived text, and finding offsets refer to that text as stored in ``body_text``.
"""

from __future__ import annotations

import html as html_lib
import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options as CmarkOptions
from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "del", "ins", "q", "cite", "abbr", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "figure", "figcaption",
})
ALLOWED_ATTRIBUTES = {
    "*": {"dir", "lang"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Removed together with everything inside them (a plain disallowed tag loses only its tags, not its text).
DROP_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "noscript", "template", "object", "embed", "svg", "math", "head", "title",
    "select", "textarea", "frameset", "noembed", "noframes", "xmp",
})
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "section", "article",
    "header", "footer", "aside", "nav", "main", "address",
})

# --- refusals before the expensive step -----------------------------------------------------------------

# Elements that never nest in themselves (a new one closes the open one, or they cannot hold children):
# they do not add depth, so unclosed <p> or <li> runs in old hand-written HTML are not "deep".
_FLAT = frozenset({
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt", "tbody", "thead", "tfoot",
    "colgroup", "caption", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param", "keygen", "frame",
})
# A tag as the HTML tokenizer starts one: "<" or "</" and a letter, the name up to a space, "/" or ">".
_TAG_START = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*)")


class MarkupRefused(ValueError):
    """Markup we will not process; ``str(exc)`` is a sentence for people, ``status`` the HTTP answer."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


def markup_depth(html: str, limit: int) -> int:
    """How deeply start tags nest, counted in one pass and stopping once past ``limit``.

    An upper bound of what a browser would build: an end tag only closes an element of its own name that is
    still counted as open, and text inside comments or scripts counts like markup (harmless: it only makes a
    refusal more likely for absurd input, never less).
    """
    open_by_name: dict[str, int] = {}
    depth = deepest = 0
    for m in _TAG_START.finditer(html):
        name = m.group(2).lower()
        if name in _FLAT:
            continue
        if m.group(1):
            if open_by_name.get(name):
                open_by_name[name] -= 1
                depth -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def check_markup(html: str) -> None:
    """Refuse markup too large (413) or too deeply nested (400) for the sanitiser, in time linear in its size."""
    limit = settings.MAX_MARKUP_CHARS
    if len(html) > limit:
        raise MarkupRefused(
            _("The markup is longer than %(n)s characters; send less at once.") % {"n": f"{limit:,}"}, status=413,
        )
    max_depth = settings.MAX_MARKUP_DEPTH
    if markup_depth(html, max_depth) > max_depth:
        raise MarkupRefused(
            _("The markup nests elements more than %(n)s levels deep; flatten it and send it again.")
            % {"n": max_depth}, status=400,
        )


# --- cleaning ---------------------------------------------------------------------------------------------

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS), clean_content_tags=set(DROP_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_PROTOCOLS), strip_comments=True, link_rel=None,
)

# nh3's output is canonical HTML: text escapes "<" and "&", attribute values are double-quoted with '"'
# escaped, no comments. So a few regular-expression passes (in C, each character read once) turn it into
# text; "\x00" (removed from every input) marks paragraph and line breaks until the end.
_ATTRS = r'(?:[^>"]|"[^"]*")*'
_PRE = re.compile(rf"(<pre\b{_ATTRS}>.*?</pre>)", re.DOTALL)
_BLOCK = re.compile(rf"</?(?:{'|'.join(sorted(BLOCK_TAGS))})\b{_ATTRS}>")
_BR = re.compile(rf"<br\b{_ATTRS}>")
_TAG = re.compile(rf"</?[a-z][a-z0-9]*\b{_ATTRS}>")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_PARAGRAPH, _LINE = "\x00p", "\x00b"


def _text_of(clean: str) -> str:
    """Plain text of sanitised HTML: block elements become paragraphs, <br> a line break, spaces collapse
    outside <pre>."""
    pieces = []
    for i, segment in enumerate(_PRE.split(clean)):
        segment = html_lib.unescape(_TAG.sub("", _BR.sub(_LINE, _BLOCK.sub(_PARAGRAPH, segment))))
        pieces.append(segment if i % 2 else _HTML_SPACE.sub(" ", segment))
    paragraphs = []
    for paragraph in "".join(pieces).split(_PARAGRAPH):
        text = paragraph.replace(_LINE, "\n")
        if "\n" in text:
            text = "\n".join(line.strip(" \t\r\f") for line in text.split("\n")).strip("\n")
        else:
            text = text.strip(" \t\r\f")
        if text.strip():
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def sanitize_html(html: str) -> tuple[str, str]:
    """Return ``(clean_html, text)``: markup cut to a safe allow-list, and its plain text.

    Raises ``MarkupRefused`` for markup too large or too deeply nested to process in bounded time.
    """
    html = (html or "").replace("\x00", "")
    check_markup(html)
    clean = _CLEANER.clean(html)
    return clean, _text_of(clean)


def markdown_to_html(text: str) -> str:
    """Markdown (CommonMark) to HTML; raw HTML inside the Markdown is left for ``sanitize_html`` to clean."""
    text = text or ""
    if len(text) > settings.MAX_MARKUP_CHARS:  # refused before cmark spends time on it
        check_markup(text)
    return cmarkgfm.markdown_to_html(text, options=CmarkOptions.CMARK_OPT_UNSAFE)


def sanitize_markdown(text: str) -> tuple[str, str]:
    """Markdown in, ``(clean_html, text)`` out, like ``sanitize_html`` (and refused like it)."""
    return sanitize_html(markdown_to_html(text))
