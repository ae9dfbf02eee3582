"""Draft text with its findings marked in place, built by slicing the text and escaping every segment.

Overlapping spans nest when they can and are split when they cannot (``<mark>`` elements may not cross), so no
finding is dropped: the first piece of a finding carries its ``id`` (the scroll target), later pieces carry
``data-part="more"``. Nothing here marks draft text safe: each text slice goes through ``escape`` and tags are
built with ``format_html``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from editorial.web.findings import Shown

_CLOSE = SafeString("</mark>")  # a constant tag, never draft text
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _Span(NamedTuple):
    """One mark: its span in the field and everything its tag shows, so a piece of text and its marks are a
    hashable value (``_marked`` is memoised: a long text re-marked after a keystroke re-builds one piece)."""

    start: int
    end: int
    related: int | None  # index into the finding's related spans, for a related-span mark
    key: str
    family: str
    rule: str
    severity: str
    icon: str
    family_label: str
    message: str

    @property
    def rank(self) -> tuple:
        return (-self.end, self.related is not None, self.severity != "error")

    def open_tag(self, first: bool) -> SafeString:
        if self.related is None:
            classes = f"hl hl-{self.family} sev-{self.severity}" + (" hl-first" if first else "")
            ident = format_html(' id="f-{}"', self.key) if first else SafeString(' data-part="more"')
            return format_html(
                '<mark class="{}" data-check="{}" data-rule="{}" data-severity="{}" data-finding="{}" '
                'title="{} {}: {}"{}>',
                classes, self.family, self.rule, self.severity, self.key, self.icon, self.family_label,
                self.message, ident,
            )
        ident = format_html(' id="f-{}-r{}"', self.key, self.related) if first else SafeString(' data-part="more"')
        return format_html(
            '<mark class="hl-rel hl-rel-{}" data-related-to="{}" title="{} {}"{}>',
            self.family, self.key, self.icon, self.family_label, ident,
        )


def _spans(text_field: str, findings: list[Shown], n: int) -> list[_Span]:
    """The marks on ``text_field`` (a text of ``n`` characters), in the order of their start."""
    spans = []
    for f in findings:
        if not f.is_open:
            continue
        shown = (f.key, f.family, f.rule, f.severity, f.icon, f.family_label, f.shown_message)
        if f.field == text_field:
            spans.append(_Span(f.start, f.end, None, *shown))
        for k, r in enumerate(f.related_targets or []):
            if r.get("own_mark") and r.get("field") == text_field:
                spans.append(_Span(int(r["start"]), int(r["end"]), k, *shown))
    return sorted((s for s in spans if 0 <= s.start < s.end <= n), key=lambda s: s.start)


def highlight(text: str, text_field: str, findings: list[Shown]) -> SafeString:
    """``text`` as safe HTML with every open finding on ``text_field`` (and its related spans) marked."""
    text = text or ""
    return _marked(text, tuple(_spans(text_field, findings, len(text))))


def _marked(text: str, spans: tuple[_Span, ...]) -> SafeString:
    """``text`` with ``spans`` marked (offsets into ``text``)."""
    if not spans:
        return escape(text)
    starts: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        starts[s.start].append(i)
    points = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    parts: list[SafeString] = []
    stack: list[int] = []  # indexes into spans: two marks may show the same (a finding and its related span)
    started: set[int] = set()
    pos = 0
    for p in points:
        if p > pos:
            parts.append(escape(text[pos:p]))
            pos = p
        reopen = []
        while any(spans[i].end == p for i in stack):
            i = stack.pop()
            parts.append(_CLOSE)
            if spans[i].end != p:
                reopen.append(i)
        for i in sorted(reopen + starts.get(p, []), key=lambda i: spans[i].rank):
            parts.append(spans[i].open_tag(first=i not in started))
            started.add(i)
            stack.append(i)
    return format_html_join("", "{}", ((part,) for part in parts))


# The pieces of the texts being edited, as marked last time: a paragraph's worth each, a few MB at most.
_REMEMBER_CHARS = 4000
_remembered = lru_cache(maxsize=1024)(_marked)


def highlight_parts(text: str, text_field: str, findings: list[Shown]) -> list[SafeString]:
    """``highlight`` cut into pieces at paragraph breaks that no mark crosses: joined, they are exactly
    ``highlight(text, ...)``; a one-word edit changes one piece, so the live check sends only that one (and
    builds only that one: the others are the same text with the same marks, remembered)."""
    text = text or ""
    spans = _spans(text_field, findings, len(text))  # once: a long text has hundreds of pieces
    cuts, k, reach = [0], 0, 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        p = m.end()
        while k < len(spans) and spans[k].start < p:
            reach = max(reach, spans[k].end)
            k += 1
        if reach <= p < len(text):
            cuts.append(p)
    cuts.append(len(text))
    pieces, k = [], 0
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        mine = []
        while k < len(spans) and spans[k].start < b:  # no span crosses a cut: each lies within one piece
            s = spans[k]
            mine.append(s._replace(start=s.start - a, end=s.end - a))
            k += 1
        piece = text[a:b]
        pieces.append((_remembered if len(piece) <= _REMEMBER_CHARS else _marked)(piece, tuple(mine)))
    return pieces or [highlight(text, text_field, findings)]
