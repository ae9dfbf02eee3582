"""Days and dates: a weekday or a day of the month in the title that the body contradicts.

Title "... الأحد" with a body that names only other weekdays ("اليوم الإثنين") is flagged; so is "29 نوفمبر"
when the body gives another day of the same month, or a title month when the body names only other months.
Month names are read in their Gregorian, Levantine (كانون الثاني) and Maghrebi (جانفي) forms, which compare
equal. A year in the title (2018) is flagged when the body gives one other year and not the title's.
Known limits: relative days (غداً، أمس) are not resolved; a body with no weekday is never flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.data import keyed
from ..arabic.normalize import norm
from ..arabic.numbers import NumberMention
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, Mention, hit
from .words import DAY, MONTH, place_lookup, token_index, weekday

# The module's small word lists, each read by its key (data/dates_words.txt), normalised.
_W = keyed("dates_words")

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.date_mismatch", "warning",
        "اليوم أو التاريخ في العنوان «{text}» يخالف ما ورد في النص ({body}): وحّد التاريخ.",
        "The title's day or date “{text}” differs from the body ({body}): make them agree.",
        "A weekday, day of the month, month or year in the title that the body gives differently.",
    ),
)

_TODAY = frozenset(_W["TODAY"])


def find_weekdays(view: TextView) -> list[Mention]:
    out = []
    toks = view.tokens
    for i in token_index(view)[DAY]:
        t = toks[i]
        d = weekday(t.norm)
        if d is None:
            continue
        start = toks[i - 1].start if i and toks[i - 1].norm in _TODAY else t.start
        out.append(Mention(view.field, start, t.end, str(d), "weekday", i))
    return out


def find_months(view: TextView) -> list[Mention]:
    """Month names, with the day number before them when there is one (key "month" or "day/month")."""
    out = []
    toks = view.tokens
    for i in token_index(view)[MONTH]:
        t = toks[i]
        w = strip_proclitics(t.norm, 3)[0] if t.norm not in L.MONTHS else t.norm
        two = f"{t.norm} {toks[i + 1].norm}" if i + 1 < len(toks) else ""
        month, end = (L.MONTHS[two], toks[i + 1].end) if two in L.MONTHS else (L.MONTHS.get(w), t.end)
        if month is None:
            continue
        day = toks[i - 1].norm if i and toks[i - 1].norm.isdigit() and int(toks[i - 1].norm) <= 31 else ""
        year_after = i + 1 < len(toks) and toks[i + 1].norm.isdigit()
        if w in L.AMBIGUOUS_MONTHS and not (day or year_after):
            continue
        start = toks[i - 1].start if day else t.start
        out.append(Mention(view.field, start, end, f"{int(day)}/{month}" if day else str(month), "month", i))
    return out


def _month(m: Mention) -> str:
    return m.key.split("/")[-1]


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    yield from _weekdays(ctx)
    yield from _dates(ctx)
    yield from _years(ctx)


def _year(m: NumberMention, text: str) -> int | None:
    """A year written in digits (1900-2099, no decimals, no percent), else None. A noun in the accusative after
    the figure (انهيار 1998 منزلا، 2000 شخصاً) makes it a count, unless a word that leads to a date comes
    before it (من 2006 إلى 2016 تبعا لـ...، في 2018 أيضا) or a place follows it (مونديال 2026 أمريكا)."""
    if m.kind not in ("digits", "year") or m.decimals or m.unit == "%" or not 1900 <= m.value <= 2099:
        return None
    noun = text[m.end:m.unit_end].strip().rstrip("\u064b\u0640")
    if m.kind == "digits" and len(noun) >= 4 and noun.endswith("ا") and place_lookup(norm(noun)) is None:
        before = text[max(0, m.start - 12):m.start].split()
        if not before or norm(before[-1]) not in _BEFORE_YEAR:
            return None
    return int(m.value)


# Words before a year: a preposition of time, a year noun, the conjunction of a range (بين 2006 و2016).
_BEFORE_YEAR = frozenset(_W["BEFORE_YEAR"])


def _years(ctx: Context) -> Iterator[Hit]:
    """A title year that the body never gives while it gives one other year (a body with several years, a film
    programme or a history, may date other things than the title's event); a written date range is left alone."""
    title = [(y, m) for m in ctx.title_numbers if (y := _year(m, ctx.title.text)) is not None]
    if not title or any(m.kind == "date" for m in ctx.body_numbers):
        return
    body = [(y, m) for m in ctx.body_numbers if (y := _year(m, ctx.body.text)) is not None]
    years = {y for y, _ in body}
    if len(years) != 1:
        return
    for y, m in title:
        if y not in years:
            rivals = [Mention("body", b.start, b.end, str(by), "year", -1) for by, b in body]
            yield _hit(ctx, Mention("title", m.start, m.end, str(y), "year", -1), rivals)
            return


def _weekdays(ctx: Context) -> Iterator[Hit]:
    title = find_weekdays(ctx.title)
    if not title:
        return
    body = find_weekdays(ctx.body)
    body_days = {m.key for m in body}
    if not body or body_days & {m.key for m in title}:
        return
    for t in title:
        yield _hit(ctx, t, body)


def _dates(ctx: Context) -> Iterator[Hit]:
    title = find_months(ctx.title)
    if not title:
        return
    body = find_months(ctx.body)
    for t in title:
        same_month = [b for b in body if _month(b) == _month(t)]
        if "/" in t.key:
            if any(b.key == t.key for b in body) or not same_month:
                continue
            rivals = [b for b in same_month if "/" in b.key]
        elif same_month or any(_month(b) == _month(x) for x in title for b in body):
            continue
        else:
            rivals = body
        if rivals:
            yield _hit(ctx, t, rivals)


def _hit(ctx: Context, t: Mention, rivals: list[Mention]) -> Hit:
    first: dict[str, Mention] = {}
    for r in rivals:
        first.setdefault(r.key, r)
    rel = list(first.values())[:3]
    text = "، ".join(ctx.body.text[r.start:r.end] for r in rel)
    return hit("consistency.date_mismatch", "title", t.start, t.end, [("body", r.start, r.end) for r in rel],
               context=text, body=text)
