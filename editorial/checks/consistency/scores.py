"""Scores: a match result in the title that the body reports otherwise, in digits or in words.

Match reports give a score in digits ("3-1"، "(2-0)"، "2-1." at the end of a sentence) or in words ("بثلاثة
أهداف مقابل هدف"، "بهدفين لهدف"، "بهدفين دون رد"، "برباعية نظيفة"، "بهدف لصفر"، "بهدف لمثله"، "التعادل
السلبي"); the word forms are data (``data/score_words.txt``). A score is a pair of goal counts, compared without
order (the home side may be named first or second). A title score conflicts when the body gives at least one
score and none of them is the title's. Digits count as a score only as "N-N" with numbers under 30 (a hyphen or
dash, or a colon inside brackets: never a time, a decimal or a date range, which need a month or "من ... إلى"
and are skipped). A win told by the winner's goals alone (فاز بثلاثية) conflicts with a body whose scores all
give fewer goals to either side. Known limits: a score spelt with number words other than these, or a penalty
shoot-out told in prose, is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from ..arabic import data
from ..arabic.clitics import strip_proclitics
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, hit

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.score_mismatch", "warning",
        "النتيجة في العنوان «{text}» تخالف النتيجة في النص ({body}): تحقّق من النتيجة.",
        "The score in the title “{text}” differs from the body's ({body}): check the score.",
        "A match score in the title (digits or words) that no score in the body matches.",
    ),
)

Score = tuple[int, int, int, int]  # low, high, start, end

# A full stop or comma after the score ends the sentence ("بنتيجة 2-1."); one between digits is part of a
# decimal or a date (2.5-3، 12-3.2017), so the pair is not a score.
_DIGITS = regex.compile(r"(?<![\d/:-]|\d[.,])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d/:-]|[.,]\d)"
                        r"|\((\d{1,2})\s?[-–:]\s?(\d{1,2})\)")
_MAX_GOALS = 30
# A digit pair is a date or a range, not a score, when a month or "من" comes right before or after it.
_RANGE_WORDS = ("من", "بين", "الى", "إلى")


@cache
def _words() -> dict[str, tuple[str, int]]:
    """normalised form -> (kind, value), single words only."""
    return {w: (kind, int(value)) for kind, value, forms in data.normalized_fields("score_words")
            for w in forms.split() if kind not in ("zero_phrase", "draw")}


@cache
def _phrases() -> dict[tuple[str, ...], tuple[str, int]]:
    """normalised two-word forms (دون رد، التعادل السلبي) -> (kind, value)."""
    return {tuple(strip_proclitics(w, 3)[0] for w in forms.split()): (kind, int(value))
            for kind, value, forms in data.normalized_fields("score_words") if kind in ("zero_phrase", "draw")}


def _lookup(w: str) -> tuple[str, int] | None:
    table = _words()
    if w in table:
        return table[w]
    bare = strip_proclitics(w, 3)[0]
    return table.get(bare)


def digit_scores(text: str) -> list[Score]:
    out = []
    for m in _DIGITS.finditer(text):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        x, y = int(a), int(b)
        if x > _MAX_GOALS or y > _MAX_GOALS:
            continue
        before = text[max(0, m.start() - 6):m.start()].split()
        if before and before[-1] in _RANGE_WORDS:
            continue
        out.append((min(x, y), max(x, y), m.start(), m.end()))
    return out


def word_scores(view: TextView) -> list[Score]:
    """Scores told in words: a goal count, then "مقابل" and another count, or "دون رد"، "نظيفة"، "لمثله"."""
    toks = view.tokens
    phrases = _phrases()
    out: list[Score] = []
    i = 0
    while i < len(toks):
        pair = tuple(strip_proclitics(t.norm, 3)[0] for t in toks[i:i + 2])
        if pair in phrases and phrases[pair][0] == "draw":
            out.append((0, 0, toks[i].start, toks[i + 1].end))
            i += 2
            continue
        first = _goals(toks, i)
        if first is None:
            i += 1
            continue
        n, j = first
        rest = _other_side(toks, j, n, phrases)
        if rest is not None:
            m, k = rest
            out.append((min(n, m), max(n, m), toks[i].start, toks[k - 1].end))
            i = k
        else:
            i = j
    return out


def _goals(toks, i: int) -> tuple[int, int] | None:
    """A number of goals starting at token i: (count, index after it)."""
    if i >= len(toks):
        return None
    found = _lookup(toks[i].norm)
    if found is None:
        return None
    kind, value = found
    if kind == "goals":
        return value, i + 1
    if kind == "count" and i + 1 < len(toks) and (_lookup(toks[i + 1].norm) or ("", 0))[0] == "goal_plural":
        return value, i + 2
    return None


def _other_side(toks, j: int, n: int, phrases) -> tuple[int, int] | None:
    if j >= len(toks):
        return None
    found = _lookup(toks[j].norm)
    kind = found[0] if found else ""
    if kind == "zero":
        return 0, j + 1
    if kind == "same":
        return n, j + 1
    if kind == "versus":
        other = _goals(toks, j + 1)
        return other
    if kind in ("goals", "count") and toks[j].norm[:1] == "ل":
        return _goals(toks, j)  # "بثلاثة أهداف لهدفين"، "بهدفين لهدف": the other side after "ل"
    pair = tuple(strip_proclitics(t.norm, 3)[0] for t in toks[j:j + 2])
    if phrases.get(pair, ("", 0))[0] == "zero_phrase":
        return 0, j + 2
    return None


def _scores(view: TextView) -> list[Score]:
    return sorted(digit_scores(view.text) + word_scores(view), key=lambda s: s[2])


def _winners_goals(view: TextView) -> list[tuple[int, int, int]]:
    """A win told by the winner's goals alone, as a noun of the -ية pattern after ب (فاز بثلاثية، ينتصر
    بخماسية) with no other side after it: (goals, start, end)."""
    toks = view.tokens
    out = []
    for i, t in enumerate(toks):
        bare = strip_proclitics(t.norm, 3)[0]
        if t.norm[:1] != "ب" or not bare.endswith("يه") or (goals := _goals(toks, i)) is None:
            continue
        n, j = goals
        if j < len(toks) and toks[j].norm.startswith("ال"):
            continue  # in construct with a definite noun: "بثلاثية الأبعاد" (in 3D), not a score
        if _other_side(toks, j, n, _phrases()) is None:
            out.append((n, t.start, t.end))
    return out


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    title = _scores(ctx.title)
    if not title:
        yield from _winner_too_many(ctx)
        return
    body = _scores(ctx.body)
    if not body:
        return
    seen = {(lo, hi) for lo, hi, _, _ in body}
    for lo, hi, start, end in title:
        if (lo, hi) in seen:
            continue
        s, e = body[0][2], body[0][3]
        text = ctx.body.text[s:e]
        yield hit("consistency.score_mismatch", "title", start, end, [("body", s, e)], context=text, body=text)
        return


def _winner_too_many(ctx: Context) -> Iterator[Hit]:
    """The title's winner scored more goals than either side of every score the body gives (فاز بثلاثية /
    2-1). Fewer is no conflict: "بثلاثية" may be one player's three goals in a 4-1 win."""
    wins = _winners_goals(ctx.title)
    if not wins:
        return
    body = _scores(ctx.body)
    for n, start, end in wins:
        if body and all(hi < n for _, hi, _, _ in body):
            s, e = body[0][2], body[0][3]
            text = ctx.body.text[s:e]
            yield hit("consistency.score_mismatch", "title", start, end, [("body", s, e)], context=text, body=text)
            return
