"""Quotations: where a field quotes someone, so that what is inside is reported speech, not our copy.

One scan over the quote marks of the text, line by line (a quotation never crosses a line break: a quote
continued in the next paragraph reopens there). Marks pair by kind: «», “”, „ with “ or ”, ‹›, ‘’, Quranic ﴿﴾,
and straight double quotes. Nested quotations count as one, the outermost; a closing mark of an outer quotation
also closes the inner ones left open. A quotation still open at the end of its line runs to that end (the
speaker goes on to the paragraph's close). A closing mark with nothing open (an apostrophe ’) is ignored.
"""

from __future__ import annotations

import bisect
import re

_CLOSED_BY = {"«": "»", "“": "”", "„": "“”", "‹": "›", "‘": "’", "﴿": "﴾", '"': '"'}
_MARK_RE = re.compile(r'[«»“”„‹›‘’﴿﴾"\n]')  # literal characters: re reads them as regex does, and scans faster
CLOSING_MARKS = "»”“›’﴾\""
QUOTE_MARKS = "".join(_CLOSED_BY) + CLOSING_MARKS  # every mark that opens or closes a quotation


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of the quotations, marks included."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # open marks and their offsets, outermost first
    for m in _MARK_RE.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "\n":
            if stack:
                spans.append((stack[0][1], i))
                stack.clear()
            continue
        depth = next((k for k in range(len(stack) - 1, -1, -1) if ch in _CLOSED_BY[stack[k][0]]), None)
        if depth is not None:
            start = stack[0][1]
            del stack[depth:]
            if not stack:
                spans.append((start, i + 1))
        elif ch in _CLOSED_BY:
            stack.append((ch, i))
    if stack:
        spans.append((stack[0][1], len(text)))
    return spans


class Quotations:
    """The quotations of one field, for "is this offset quoted?" in O(log n)."""

    def __init__(self, text: str) -> None:
        self.spans = quotation_spans(text) if _MARK_RE.search(text) else []
        self.starts = [s for s, _ in self.spans]

    def around(self, pos: int) -> tuple[int, int] | None:
        """The quotation (marks included) whose inside holds ``pos`` (not its opening mark), if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.starts[i] < pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def inside(self, pos: int) -> bool:
        return self.around(pos) is not None
