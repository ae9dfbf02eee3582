"""Results: the title says a team won or lost a match whose result line in the body says otherwise.

Round-ups of a sports day list results as "فريق أ – فريق ب 72 - 55" (a dash, a hyphen, an asterisk or a slash
between the two sides, then the two scores in the same order). A title "النجم يفوز على الترجي" or "النجم يخسر
أمام الترجي" names its two sides around an outcome word of the win/lose pair (``data/polarity.txt``) and
"على"، "أمام"، "ضد". When a result line names both sides, each side is matched by the words that set it apart
from the other (النجم الساحلي / النجم الرادسي: ساحل، رادس), and the line's scores say who won: a title winner
who lost or drew there, or a title loser who won or drew, is reported. Known limits: results told in prose
(فاز النجم بثلاثة أهداف) are left to the score check; a team named by a nickname in one place only is not
matched.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..arabic.data import keyed
from ..arabic.tokens import TextView, Token
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, hit, is_content, word_key
from .words import word_sides

# The module's small word lists, each read by its key (data/results_words.txt), normalised.
_W = keyed("results_words")

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.result_mismatch", "warning",
        "العنوان يقول «{text}» بينما تقول النتيجة في النص غير ذلك ({body}): تحقّق من الفائز.",
        "The title says “{text}” while the result in the body says otherwise ({body}): check who won.",
        "A team the title says won (or lost) that the body's result line shows losing, drawing or winning.",
    ),
)

# One result: side A, a separator, side B, then the two scores (at most 3 digits each), on one line.
_RESULT = regex.compile(r"([^\n\d:،.]{3,60}?)\s[–\-*/]\s([^\n\d:،.]{3,60}?)\s+(\d{1,3})\s?[-–:]\s?(\d{1,3})(?!\d)")
# What follows side A in a result (the separator, side B, the scores): a match of ``_RESULT`` whose side A ends at
# s has this at s, so no result starts more than 60 characters before the first place this is found, and a body
# without it (nearly every one) has no result line. The pattern fails at once where no separator stands.
_RESULT_TAIL = regex.compile(r"\s[–\-*/]\s[^\n\d:،.]{3,60}?\s+\d{1,3}\s?[-–:]\s?\d{1,3}(?!\d)")
_AGAINST = frozenset(_W["AGAINST"])
_SIDE_WORDS = 4  # words of a team's name


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    found = _title_outcome(ctx.title)
    if found is None:
        return
    v, won, first, second = found
    mine, theirs = _distinct(first, second)
    if not mine or not theirs:
        return
    tail = _RESULT_TAIL.search(ctx.body.text)
    if tail is None:
        return
    for m in _RESULT.finditer(ctx.body.text, max(0, tail.start() - 60)):
        a, b = _keys(m.group(1)), _keys(m.group(2))
        x, y = int(m.group(3)), int(m.group(4))
        if mine & a and theirs & b and not mine & b and not theirs & a:
            first_won = x > y
        elif mine & b and theirs & a and not mine & a and not theirs & b:
            first_won = y > x
        else:
            continue
        if x == y or first_won != won:
            toks = ctx.title.tokens
            text = ctx.body.text[m.start(1):m.end()].strip()
            start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            yield hit("consistency.result_mismatch", "title", first[0].start, toks[v].end,
                      [("body", start, m.end())], context=text, body=text)
        return  # the first line naming both sides is the match's


def _title_outcome(view: TextView) -> tuple[int, bool, list[Token], list[Token]] | None:
    """(index of the outcome word, whether the first side won, first side's words, second side's words)."""
    toks = view.tokens
    for v, t in enumerate(toks):
        sides = [s for p, s in word_sides(t.norm) if p == "win"]
        if not sides or v == 0 or v + 2 >= len(toks):
            continue
        first = []
        k = v - 1
        while k >= 0 and len(first) < _SIDE_WORDS and not _gap(view, k + 1):
            first.insert(0, toks[k])
            k -= 1
        k = v + 1
        if toks[k].norm not in _AGAINST:
            return None
        second = []
        k += 1
        while k < len(toks) and len(second) < _SIDE_WORDS and not _gap(view, k):
            second.append(toks[k])
            k += 1
        return v, sides[0] == 0, first, second
    return None


def _gap(view: TextView, j: int) -> bool:
    """Punctuation between token j - 1 and token j."""
    toks = view.tokens
    return j >= len(toks) or toks[j].start - toks[j - 1].end > 1


def _distinct(first: list[Token], second: list[Token]) -> tuple[frozenset[str], frozenset[str]]:
    """Each side's word keys that the other side does not share (النجم الساحلي / النجم الرادسي)."""
    a = frozenset(word_key(t.norm) for t in first if is_content(t))
    b = frozenset(word_key(t.norm) for t in second if is_content(t))
    return a - b, b - a


def _keys(text: str) -> frozenset[str]:
    view = TextView("body", text)
    return frozenset(word_key(t.norm) for t in view.tokens if is_content(t))
