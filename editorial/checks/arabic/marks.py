"""Extending a span over the tashkeel that follows its last letter.

Checks match normalised text, which has no tashkeel or tatweel, and map spans back to the original; a word's
marks after its last letter ("شخصاً", "الفلانيّ") belong to the word, so a span's end moves past them.
"""

from __future__ import annotations

import regex

# Combining marks (tashkeel, Quranic marks) and tatweel.
MARKS_RE = regex.compile(r"[\p{M}\u0640]+")


def after_marks(text: str, end: int) -> int:
    """``end`` moved past the marks that start there."""
    m = MARKS_RE.match(text, end)
    return m.end() if m else end


def ends_after_marks(text: str, ends: list[int]) -> list[int]:
    """``after_marks`` for many ends at once (a word per token of a long text).

    Every position inside a run of marks maps to the run's end, so the lookup per end is one ``dict.get`` in C.
    """
    run_end: dict[int, int] = {}
    for m in MARKS_RE.finditer(text):
        run_end.update(dict.fromkeys(range(m.start(), m.end()), m.end()))
    return list(map(run_end.get, ends, ends))
