"""Draft text with its findings marked in place, built by slicing the text and escaping every segment.

Overlapping spans nest when they can and are split when they cannot (``<mark>`` elements may not cross), so no
finding is dropped: the first piece of a finding carries its ``id`` (the scroll target), later pieces carry
``data-part="more"``. Nothing here marks draft text safe: each text slice goes through ``escape`` and tags are
built with ``format_html``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from editorial.web.findings import Shown

_CLOSE = SafeString("</mark>")  # a constant tag, never draft text
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(eq=False)
class _Span:
    start: int
    end: int
    finding: Shown
    related: int | None = None  # index into finding.related for a related-span mark

    @property
    def rank(self) -> tuple:
        return (-self.end, self.related is not None, self.finding.severity != "error")

    def open_tag(self, first: bool) -> SafeString:
        f = self.finding
        if self.related is None:
            classes = f"hl hl-{f.family} sev-{f.severity}" + (" hl-first" if first else "")
            ident = format_html(' id="{}"', f.anchor) if first else SafeString(' data-part="more"')
            return format_html(
                '<mark class="{}" data-check="{}" data-rule="{}" data-severity="{}" data-finding="{}" '
                'title="{} {}: {}"{}>',
                classes, f.family, f.rule, f.severity, f.key, f.icon, f.family_label, f.shown_message, ident,
            )
        anchor = f"{f.anchor}-r{self.related}"
        ident = format_html(' id="{}"', anchor) if first else SafeString(' data-part="more"')
        return format_html(
            '<mark class="hl-rel hl-rel-{}" data-related-to="{}" title="{} {}"{}>',
            f.family, f.key, f.icon, f.family_label, ident,
        )


def _spans(text_field: str, findings: list[Shown], n: int, at: int = 0) -> list[_Span]:
    """The marks on ``text_field`` within ``[at, at + n)``, shifted to start at 0 there."""
    spans = []
    for f in findings:
        if not f.is_open:
            continue
        if f.field == text_field:
            spans.append(_Span(f.start, f.end, f))
        for k, r in enumerate(f.related_targets or []):
            if r.get("own_mark") and r.get("field") == text_field:
                spans.append(_Span(int(r["start"]), int(r["end"]), f, related=k))
    if at:
        spans = [_Span(s.start - at, s.end - at, s.finding, s.related) for s in spans]
    return [s for s in spans if 0 <= s.start < s.end <= n]


def highlight(text: str, text_field: str, findings: list[Shown], at: int = 0) -> SafeString:
    """``text`` as safe HTML with every open finding on ``text_field`` (and its related spans) marked.

    ``at``: where ``text`` starts in the field, when it is a piece of it (``highlight_parts``)."""
    text = text or ""
    spans = _spans(text_field, findings, len(text), at)
    if not spans:
        return escape(text)
    starts: dict[int, list[_Span]] = defaultdict(list)
    for s in spans:
        starts[s.start].append(s)
    points = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    parts: list[SafeString] = []
    stack: list[_Span] = []
    started: set[int] = set()
    pos = 0
    for p in points:
        if p > pos:
            parts.append(escape(text[pos:p]))
            pos = p
        reopen = []
        while any(s.end == p for s in stack):
            s = stack.pop()
            parts.append(_CLOSE)
            if s.end != p:
                reopen.append(s)
        for s in sorted(reopen + starts.get(p, []), key=lambda s: s.rank):
            parts.append(s.open_tag(first=id(s) not in started))
            started.add(id(s))
            stack.append(s)
    return format_html_join("", "{}", ((part,) for part in parts))


def highlight_parts(text: str, text_field: str, findings: list[Shown]) -> list[SafeString]:
    """``highlight`` cut into pieces at paragraph breaks that no mark crosses: joined, they are exactly
    ``highlight(text, ...)``; a one-word edit changes one piece, so the live check sends only that one."""
    text = text or ""
    inside = sorted((s.start, s.end) for s in _spans(text_field, findings, len(text)))
    cuts, k, reach = [0], 0, 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        p = m.end()
        while k < len(inside) and inside[k][0] < p:
            reach = max(reach, inside[k][1])
            k += 1
        if reach <= p < len(text):
            cuts.append(p)
    cuts.append(len(text))
    pieces = [highlight(text[a:b], text_field, findings, at=a) for a, b in pairwise(cuts) if b > a]
    return pieces or [highlight(text, text_field, findings)]

