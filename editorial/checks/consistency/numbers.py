"""Numbers: a quantity in the title that the body gives differently.

A title number is compared only with body numbers counting the same thing (the same unit or counted noun:
"مليار درهم", "ساعات", "%"). Digits of any script and numbers in words compare by value; the qualifiers
"أكثر من / يتجاوز", "نحو", "أقل من" turn values into ranges, and a round title figure may round a precise body
figure ("11 مليون" for 11.4 million). Flagged only when no body number of that unit agrees with the title. It is
an error when the body gives that quantity one single value, a warning when it gives several (the title may
sum or pick one). A figure the body gives with the general noun, a nationality or no noun (24 قتيلا / 24
شخصا، 6 لاعبين / 6 فرنسيين) is the same fact; years are one unit (أعوام / سنوات); ages are compared with ages
first, ranks (27 عالميا) not at all, and "منذ 7 سنوات"، "الأعلى في 20 عاما" are dates, not durations; a vague
quantity without a noun (يأسرون العشرات) agrees with any body quantity of its magnitude. A body figure in
digits is taken as written unless a scale word rounds it (the title's 2999 is not the body's 3000, its 3000 may
round 2987), and "more than N" is not "less than N". A figure right after a noun that names rather than counts
(غالاكسي نوت 9، الدورة 41، اللقب 12، 6D) is compared with the body's figures after the same noun (in digits
or as an ordinal in words: الدورة الثامنة والأربعين), and reported only when the body gives the title's figure
in no form (digits, words, an ordinal: الدورة الحادية والأربعين). A title figure written more precisely than
the round body figure it differs from (41 / نحو 40) is no rounding of it, and a count in words is exact (خمسة /
أربعة). A bare title figure without a noun (بدءا من الـ52) that the body never gives, while the body gives
exactly one figure within 10% of it (50 عاما), is reported as unmatched.
Known limits: a counted noun before the number (عدد القتلى 12) is not read; totals that the body never states
are not computed; a headline's round figure for a precise one (60 عاما for 57) is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from math import isfinite
from operator import attrgetter

from ..arabic import lexicon as L
from ..arabic.normalize import norm
from ..arabic.numbers import NumberMention, starts_number
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, hit, word_key
from .words import ordinal, place_lookup

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.number_mismatch", "error",
        "الرقم في العنوان «{text}» لا يطابق ما ورد في النص ({body}): وحّد الرقم.",
        "The title's figure “{text}” does not match the body ({body}): make them agree.",
        "A number in the title (digits or words, with its unit) that disagrees with the one value the body gives "
        "for the same unit.",
    ),
    Rule(
        "consistency.number_unmatched", "warning",
        "الرقم في العنوان «{text}» لا يطابق أياً مما يقابله من أرقام النص (أقربها: {body}): تحقّق منه.",
        "The title's figure “{text}” matches none of the body's figures it may stand for (closest: {body}): check it.",
        "A number in the title that matches none of several body numbers of the same unit, or a bare title figure "
        "(no noun) that the body never gives while it gives one figure close to it.",
    ),
)

_QUANTITY_KINDS = ("digits", "words", "fraction")
_VAGUE = "~"  # key prefix of vague quantities (عشرات، مئات، آلاف), compared only with each other
_ABOUT = 0.05  # "نحو" allows 5% either way


def _interval(m: NumberMention, coarser: bool = False, exact: bool = False, loose: bool = False) -> tuple[float, float]:
    """The values a mention allows, given its qualifier and the precision it is written with. ``coarser``: the
    other figure has decimals and this whole number none, so this one may drop them (160% for 160.7%).
    ``exact``: a figure in digits with no scale word is taken as written (3000 is not "about 3 thousand").
    ``loose``: a count in words may round by one unit (the reading kept against several body figures)."""
    v = m.value
    if m.kind == "vague":
        return 2 * v, 10 * v - 1  # عشرات: 20 to 99, مئات: 200 to 999, آلاف: 2,000 to 9,999
    step = _step(m, loose) if not (exact and m.kind == "digits" and not m.scaled) else 10.0 ** -m.decimals * bool(
        m.decimals)
    half = 0.5 * (step or (1.0 if coarser and m.kind == "digits" else 0.0))
    # "أكثر من 18" means a little more than 18: a body figure of 431 is another quantity, not a match.
    if m.qualifier == "over":
        return v, 2 * v
    if m.qualifier in ("under", "upto"):
        return v / 2, v
    if m.qualifier == "about":
        return v * (1 - _ABOUT) - half, v * (1 + _ABOUT) + half
    if _round_scale(m):
        return v * (1 - _ROUND), v * (1 + _ROUND)
    return v - half, v + 2 * half  # a written figure rounds or truncates the exact one (119 for 119.6)


_ROUND = 0.25  # "بمليار دولار" for 1.18 billion, "بنصف مليار" for 544.6 million
_SCALES = (1e3, 1e6, 1e9, 1e12)


def _round_scale(m: NumberMention) -> bool:
    """A figure written as a scale word alone or its half or quarter (مليار، نصف مليار، ربع مليون): a
    headline's round figure for the body's precise one, not a count."""
    return m.kind == "words" and any(m.value in (s, s / 2, s / 4) for s in _SCALES)


def _step(m: NumberMention, loose: bool = False) -> float:
    """One unit of the last written digit, scaled: 1e8 for "16.8 مليار", 1e9 for "18 مليار", 1 for "12"."""
    if m.kind == "fraction":
        return 0.0
    if m.kind == "words":
        # a count in words (خمسة، أربعون) is exact: four is no rounding of five; a scale word in words (ثلاثة
        # ملايين) keeps the unit step
        return 0.0 if m.value < 1000 and m.value == int(m.value) and not loose else 1.0
    mantissa = m.value
    for _ in range(6):  # the written figure before its scale word: 1.6 in "1.6 مليار" (16 tenths of a billion)
        if mantissa < 1000 or not isfinite(mantissa) or round(mantissa * 10 ** m.decimals) % 1000:
            break
        mantissa /= 1000
    scale = m.value / mantissa if mantissa else 1.0
    return scale * 10.0 ** (-m.decimals) if scale > 1 else 10.0 ** (-m.decimals) * (1 if m.decimals else 0)


def agree(a: NumberMention, b: NumberMention, strict: bool = False, loose: bool = False) -> bool:
    """Title figure ``a`` and body figure ``b`` may be the same quantity. ``strict`` (the numbers check): the
    body's figure in digits is exact unless a scale word rounds it (a title's 2999 is not the body's 3000; the
    title's 3000 may still round the body's 2987), and "more than N" is no "less than N"."""
    if a.value != b.value and a.kind == b.kind == "digits" and a.decimals == b.decimals and a.qualifier == \
            b.qualifier == "" and _step(a) == _step(b):
        return False  # two figures written to the same precision (1.6 / 1.7 مليار): no rounding between them
    if strict and _finer(a, b):
        return False  # the title's 41 for the body's "نحو 40": a headline rounds, it never adds precision
    lo1, hi1 = _interval(a, b.decimals > a.decimals == 0, loose=loose)
    lo2, hi2 = _interval(b, a.decimals > b.decimals == 0, exact=strict, loose=loose)
    eps = 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    if strict and {a.qualifier, b.qualifier} in _OPPOSITE and min(hi1, hi2) - max(lo1, lo2) <= eps:
        return False  # "يتخطى 80 دولارا" / "يقل عن 80 دولارا": the ranges touch at the figure only
    if strict and a.qualifier == b.qualifier in ("over", "under"):
        # two bounds of one kind: the title's may be weaker than the body's (أكثر من 50 ألفا for "أكثر من 57
        # ألفا"), not stronger (أكثر من 57 ألفا for "أكثر من 50 ألفا": more than the body says)
        margin = 0.5 * _step(b) + eps
        return a.value <= b.value + margin if a.qualifier == "over" else a.value >= b.value - margin
    return lo1 <= hi2 + eps and lo2 <= hi1 + eps


_OPPOSITE = ({"over", "under"}, {"over", "upto"})


def _zeros(v: float) -> int:
    """The trailing zeros of a whole number (700 -> 2, 41 -> 0)."""
    n, k = int(v), 0
    while n and n % 10 == 0 and k < 12:
        n //= 10
        k += 1
    return k


def _finer(a: NumberMention, b: NumberMention) -> bool:
    """Title figure ``a`` is written more precisely than the round body figure ``b`` it differs from (41 / نحو
    40، 104 / 100، 710 / 700): the body cannot be its source. Whole figures in digits without a scale word; the
    title unqualified, the body plain or "about"."""
    return a.kind == b.kind == "digits" and a.value != b.value and not (a.decimals or b.decimals) \
        and not (a.scaled or b.scaled) and a.qualifier == "" and b.qualifier in ("", "about") \
        and a.value >= 10 and _zeros(a.value) < _zeros(b.value)


_SUM_TERMS = 8  # the body figures of one unit tried as the two parts of the title's total
_SUM_SHARE = 0.1  # each part at least this share of the total


def _sum_of_two(t: NumberMention, cands: list[NumberMention]) -> bool:
    """The title's figure is the total of two body figures of the same unit (a loan of 50 billion paid as 15
    and 35 billion): a headline adds up what the body details."""
    if t.kind not in ("digits", "words") or t.qualifier:
        return False
    parts = [b for b in cands[:_SUM_TERMS] if b.kind in ("digits", "words") and not b.qualifier
             and b.value >= _SUM_SHARE * t.value]  # 700 + 10 is no total of 710: a figure off by a little
    return any(abs(a.value + b.value - t.value) <= 1e-9 * t.value
               for i, a in enumerate(parts) for b in parts[i + 1:] if a.value != b.value)


# Counted nouns that name one unit: a year is عام or سنة (لخمسة أعوام / خمس سنوات), a soldier جندي or جنود.
_SAME_UNIT = {"سن": "عام", "جنود": "جندي"}
# A figure followed by one of these adverbs is a rank, not a count (الإمارات 27 عالميا، الثالث عربيا): the
# body's ranks are often on other indexes, so ranks are not compared.
_RANK_ADVERBS = frozenset({"عالمي", "عربي", "افريقي", "اوروبي", "اسيوي", "محلي", "قاري", "دولي"})


def _rank(ctx: Context, t: NumberMention) -> bool:
    word = norm(ctx.title.text[t.end:t.unit_end].strip())
    return t.unit in _RANK_ADVERBS and word.endswith("يا")


def _counted_otherwise(t: NumberMention, body: list[NumberMention]) -> bool:
    """The body counts the title's exact figure of people by the general noun or by their nationality (24
    قتيلا / 24 شخصا، 6 لاعبين / 6 فرنسيين), or gives a title percentage as a bare figure (its sign written
    apart: 20% / 20٪). The same figure told two ways is no contradiction; another bare figure may be anything
    (an hour, an article of law), so it does not count. Two specific nouns are two groups (12 قتيلا / 12
    جريحا), and so are "the others" (قتل 10 وأصيب 12 آخرون) and the title's general noun against the body's
    specific one (مقتل 12 شخصا / 12 جريحا); years and dates never count."""
    if t.kind not in ("digits", "words"):
        return False
    for b in body:
        if b.kind not in ("digits", "words") or b.value != t.value or b.unit == t.unit or b.unit == _OTHERS:
            continue
        if b.unit is None:
            if t.unit == "%":
                return True
        elif b.unit in _PEOPLE or _nationality(b.unit):
            return True
    return False


_PEOPLE = frozenset({"شخص", "فرد", "نسم"})  # unit keys of the general nouns for people (أشخاص، أفراد، نسمة)
_OTHERS = "اخر"  # آخرون، آخرين


def _nationality(unit: str) -> bool:
    found = place_lookup(unit)
    return found is not None and found[0] == "adjective"


_SINCE = ("منذ", "ومنذ")


def _since(ctx: Context, t: NumberMention) -> bool:
    """"منذ 7 سنوات" (for seven years), "الأعلى في 20 عاما" (the highest in 20 years) is a date told as the time
    since it, which the body gives as the date itself (منذ 2011) or not at all: the elapsed time is not counted
    against the body's durations."""
    before = [tok for tok in ctx.title.tokens if tok.end <= t.start]
    if not before:
        return False
    return before[-1].norm in _SINCE or (before[-1].norm == "في" and _SAME_UNIT.get(t.unit or "", t.unit) == "عام")


_AGE = "عمر:"  # the unit key of ages: compared with ages only
_AGE_WORDS = frozenset({"العمر", "عمره", "عمرها", "البالغ", "البالغه", "ابن", "ابنه", "صاحب", "عمر", "ناهز",
                        "يناهز", "عن"})


def _age(text: str, m: NumberMention) -> bool:
    """A count of years that is someone's age: in apposition between commas or brackets (زيد، 32 عاما،), or
    after "من العمر"، "البالغ"، "صاحب الـ"، "عن" (رحل عن 85 عاما). A title's age is compared with the body's
    ages (or its year counts when it marks none); a body's age stays among its year counts, since a title may
    give an age unmarked (طفلة 4 سنوات)."""
    if _SAME_UNIT.get(m.unit or "", m.unit) != "عام":
        return False
    before = text[max(0, m.start - 20):m.start].rstrip(" ـ").removesuffix("ال").rstrip(" ـ")
    after = text[m.unit_end:m.unit_end + 2].lstrip()
    if before.endswith(("،", ",", "(")) and after[:1] in ("،", ",", ")"):
        return True
    words = _WORD.findall(norm(before))
    return bool(words) and words[-1] in _AGE_WORDS


_WORD = re.compile(r"[\u0621-\u064a]+")


def _closest(t: NumberMention, cands: list[NumberMention]) -> NumberMention:
    return min(cands, key=lambda b: (abs(b.value - t.value) / max(t.value, 1e-9), b.start))


def _simple_vague(ms: list[NumberMention]) -> list[NumberMention]:
    """Vague quantities standing alone: "عشرات الآلاف" (tens of thousands) is two vague words read as one
    quantity, which these intervals do not model, so both are left out."""
    out = []
    for k, m in enumerate(ms):
        if m.kind != "vague":
            continue
        before = ms[k - 1] if k else None
        after = ms[k + 1] if k + 1 < len(ms) else None
        if (before and before.kind == "vague" and m.start - before.end <= 1) or \
                (after and after.kind == "vague" and after.start - m.end <= 1):
            continue
        out.append(m)
    return out


def _magnitude_given(t: NumberMention, body: list[NumberMention]) -> bool:
    """A title's vague quantity without a noun (تأسر العشرات، ويشتري ذهبا بمليارات) counts something the title
    does not name: any body quantity of that order of magnitude, whatever its noun (عشرات الجنود، 3 مليارات
    جنيه), may be it."""
    return any(b.kind in ("vague", "digits", "words") and agree(t, b) for b in body)


def _vague_key(m: NumberMention) -> str:
    """A vague quantity's key: its noun, or none when the word after it is no noun (a verb after "و")."""
    unit = m.unit or ""
    return _VAGUE + ("" if unit[:1] == "و" else unit)


_LATIN_SUFFIX = re.compile(r"^\d+([a-z]{1,3})$")  # 3d، 4g، 6D: a number and its Latin tag in one word
_HEAD_GAPS = ("", "-", "–")


def _identifiers(view: TextView, numbers: list[NumberMention]) -> list[tuple[str, NumberMention, int, int]]:
    """Numbers that name rather than count: a whole figure in digits right after a noun (نوت 7، آيفون 11،
    نوكيا 3310، الدورة 41، اللقب 12، الفصل 80) or with a Latin tag in the same word (3D، 4G). Returns (key of
    the head word or "#" and the tag, the mention, the start of the head, the end of the figure or its tag). A function word, a qualifier or a
    number word before the figure is no head (في 12، نحو 40، ألف 200)."""
    toks = view.tokens
    out = []
    for m in numbers:
        if m.kind != "digits" or m.decimals or m.qualifier or not view.text[m.start:m.end].isdigit():
            continue
        k = bisect_right(toks, m.start, key=attrgetter("end"))
        if k >= len(toks) or toks[k].start > m.start:
            continue
        tag = _LATIN_SUFFIX.match(toks[k].norm)
        if tag:
            out.append(("#" + tag.group(1), m, toks[k].start, toks[k].end))
            continue
        if toks[k].start != m.start or not k:
            continue
        head = toks[k - 1]
        w = head.norm
        if view.text[head.end:m.start].strip() not in _HEAD_GAPS or not _head(w):
            continue
        out.append((word_key(w), m, head.start, m.end))
    return out


_COUNTED = frozenset(L.UNIT_LEMMAS.values())


def _no_count_noun(text: str, m: NumberMention) -> bool:
    """The word after a figure is no counted noun: none, a phrase with "من" (نوت 9 من الأسواق), or a noun with
    the preposition ل or ب on it (الدورة 35 لمهرجان، نوكيا 3310 بهيكل) that is no unit itself (لتر، بليون)."""
    after = text[m.end:m.unit_end].split()
    if m.unit is None or not after:
        return True
    w = norm(after[0])
    return w in ("من", "فى", "في") or (w[:1] in "لب" and len(w) >= 4 and m.unit not in _COUNTED
                                     and norm(after[0][1:]) not in L.UNIT_LEMMAS)


def _ordinal_words(view: TextView) -> list[tuple[int, int, int]]:
    """The ordinals a text writes in words, as (value, first token, token after): الثالث، الحادي عشر، الثامنة
    والأربعين، العشرين."""
    toks = view.tokens
    out: list[tuple[int, int, int]] = []
    for i, t in enumerate(toks):
        w = t.norm
        if w.startswith("ال") and w[2:] in L.TEN_WORDS:
            out.append((L.TEN_WORDS[w[2:]], i, i + 1))  # الدورة العشرين
            continue
        o = ordinal(w)
        if o is None:
            continue
        o = 1 if o == 11 else o  # الحادي / الحادية begins 11, 21, 31 ...
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        if nxt in _TEEN and o < 10:
            out.append((o + 10, i, i + 2))
        elif nxt.startswith("وال") and nxt[3:] in L.TEN_WORDS and o < 10:
            out.append((o + L.TEN_WORDS[nxt[3:]], i, i + 2))
        else:
            out.append((o, i, i + 1))
    return out


def _ordinals(view: TextView) -> set[int]:
    return {v for v, _, _ in _ordinal_words(view)}


def _ordinal_identifiers(view: TextView) -> list[tuple[str, NumberMention, int, int]]:
    """Ordinals in words after a noun (الدورة الثامنة والأربعين، الحلقة الثالثة), from the second on, as a
    name's numbers like ``_identifiers``: the body may write in words the edition the title gives in digits."""
    toks = view.tokens
    out = []
    for v, i, j in _ordinal_words(view):
        if v < 2 or not i or view.text[toks[i - 1].end:toks[i].start].strip() or not _head(toks[i - 1].norm):
            continue
        m = NumberMention(float(v), toks[i].start, toks[j - 1].end, None, toks[j - 1].end, "", "words", 0)
        out.append((word_key(toks[i - 1].norm), m, toks[i - 1].start, m.end))
    return out


def _head(w: str) -> bool:
    """A word that may name what the figure after it numbers: no function word, qualifier or number word."""
    return len(w) >= 2 and w.isalpha() and w not in L.STOPWORDS and w not in L.QUALIFIERS \
        and not starts_number(w) and not ordinal(w)


_TEEN = frozenset(("عشر", "عشره"))


def _said_anyhow(ctx: Context, value: float) -> bool:
    """The body gives the figure in some other way: as any number (digits, words, a year) or an ordinal word
    (المركز الثالث for "المركز 3"، الجيل الخامس for 5G، الدورة الثامنة والأربعين for "الدورة 48")."""
    return any(b.value == value for b in ctx.body_numbers) or value in _ordinals(ctx.body)


def _identifier_hits(ctx: Context, title: list[tuple[str, NumberMention, int, int]],
                     body: dict[str, list[tuple[NumberMention, int, int]]]) -> Iterator[Hit]:
    """A title's model, edition or article number (غالاكسي نوت 9، الدورة 41) that the body gives with the same
    head word and another figure only (نوت 7، الدورة 48)."""
    for key, t, start, end in title:
        cands = body.get(key)
        if not cands or any(b.value == t.value for b, _, _ in cands) or _said_anyhow(ctx, t.value):
            continue
        _, b_start, b_end = cands[0]
        body_text = ctx.body.text[b_start:b_end]
        rule = "consistency.number_mismatch" if len({b.value for b, _, _ in cands}) == 1 \
            else "consistency.number_unmatched"
        yield hit(rule, "title", start, end, [("body", b_start, b_end)], context=body_text, body=body_text)
        return  # one name's number is enough to send the editor to both


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    if not ctx.title_numbers:
        return  # nothing to compare: the body's numbers are not read for this check
    title_ids = _identifiers(ctx.title, ctx.title_numbers)
    body_ids: dict[str, list[tuple[NumberMention, int, int]]] = {}
    if title_ids:
        for key, b, start, end in [*_identifiers(ctx.body, ctx.body_numbers), *_ordinal_identifiers(ctx.body)]:
            body_ids.setdefault(key, []).append((b, start, end))
    # a figure after the same head word on both sides is a name's number (الدورة 35 لمهرجان، نوت 9 من الأسواق),
    # whatever noun follows it: compared as such, not as a count
    named = {id(x[1]) for x in title_ids if x[0] in body_ids and _no_count_noun(ctx.title.text, x[1])}
    done: set[int] = set()
    by_unit: dict[str, list[NumberMention]] = {}
    for b in ctx.body_numbers:
        if b.unit and b.kind in _QUANTITY_KINDS:
            unit = _SAME_UNIT.get(b.unit, b.unit)
            by_unit.setdefault(unit, []).append(b)
            if unit == "عام" and _age(ctx.body.text, b):
                by_unit.setdefault(_AGE, []).append(b)  # an age is a count of years too: a title may not mark it
    for b in _simple_vague(ctx.body_numbers):
        by_unit.setdefault(_vague_key(b), []).append(b)
    simple = {id(m) for m in _simple_vague(ctx.title_numbers)}
    for t in ctx.title_numbers:
        if id(t) in named:
            continue
        if t.kind == "vague":
            # "العشرات" / "المئات": another order of magnitude, about the same noun or no noun on both sides
            cands = by_unit.get(_vague_key(t)) if id(t) in simple else None
            if cands and _vague_key(t) == _VAGUE and _magnitude_given(t, ctx.body_numbers):
                continue
        else:
            unit = _AGE if _age(ctx.title.text, t) else _SAME_UNIT.get(t.unit or "", t.unit or "")
            cands = by_unit.get(unit) if t.kind in _QUANTITY_KINDS and not _rank(ctx, t) else None
            if unit == _AGE and not cands:
                cands = by_unit.get("عام")  # a body that states the age in no form we recognise (شاب يبلغ 25 سنة)
        if cands:
            done.add(id(t))  # counted with a unit: not compared again as a name's number
        if not cands or any(agree(t, b, strict=True) for b in cands) or _sum_of_two(t, cands) or _counted_otherwise(
                t, ctx.body_numbers) or _since(ctx, t) or any(_one_and_others(ctx, t, b) for b in cands):
            continue
        rule = "consistency.number_mismatch" if len({b.value for b in cands}) == 1 and t.kind != "vague" \
            else "consistency.number_unmatched"
        if rule == "consistency.number_unmatched" and _loosely_agrees(t, cands):
            continue  # several body counts, one a word count off by one (ثلاثة ... و4): the title may pick or add
        best = _closest(t, cands)
        body_text = ctx.body.text[best.start:best.unit_end]
        yield hit(rule, "title", t.start, t.unit_end, [("body", best.start, best.unit_end)], context=body_text,
                  body=body_text)
    yield from _identifier_hits(ctx, [x for x in title_ids if id(x[1]) not in done], body_ids)
    yield from _near_misses(ctx, {id(x[1]) for x in title_ids} | done)


def _loosely_agrees(t: NumberMention, cands: list[NumberMention]) -> bool:
    """A count in words one off a body figure, read as the body figure rounded (the reading before counts in
    words were exact): kept for a title against several body figures, where the title may pick or add."""
    return any(agree(t, b, strict=True, loose=True) for b in cands)


_OTHER_WORDS = L.OTHER_WORDS | L.OTHER_SINGULAR  # أخرى، آخرين، آخر ...


def _one_and_others(ctx: Context, t: NumberMention, b: NumberMention) -> bool:
    """The body counts "N others" besides one it names (حزب الشعب الجمهوري وثلاثة أحزاب أخرى): the title's N + 1
    is the same group."""
    if t.value != b.value + 1:
        return False
    after = ctx.body.text[b.unit_end:b.unit_end + 12].split()
    return bool(after) and norm(after[0]) in _OTHER_WORDS


_NEAR = 0.1  # a bare title figure this close to a body figure (and never given by the body) is that one changed


def _near_misses(ctx: Context, seen: set[int]) -> Iterator[Hit]:
    """A bare title figure without a noun (بدءا من الـ52) that the body never gives in any form, while the body
    gives one figure close to it (50 عاما): the same figure written differently. Whole figures from ten up, in
    digits, no year, no name's number, no rank."""
    body = [b for b in ctx.body_numbers if b.kind in _QUANTITY_KINDS]
    for t in ctx.title_numbers:
        if id(t) in seen or t.unit or t.kind != "digits" or t.decimals or t.scaled or t.qualifier \
                or t.value < 10 or not isfinite(t.value) or t.value != int(t.value) or _rank(ctx, t):
            continue
        if any(b.value == t.value for b in ctx.body_numbers) or _said_anyhow(ctx, t.value):
            continue
        near = {b.value for b in body if 0 < abs(b.value - t.value) <= _NEAR * t.value
                and _zeros(t.value) <= _zeros(b.value)}  # not a round title figure for a precise one (4500 / 4568)
        if len(near) != 1:
            continue  # none, or several: the title may sum or pick
        best = next(b for b in body if b.value in near)
        body_text = ctx.body.text[best.start:best.unit_end]
        yield hit("consistency.number_unmatched", "title", t.start, t.end, [("body", best.start, best.unit_end)],
                  context=body_text, body=body_text)
        return
