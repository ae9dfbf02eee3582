"""Counts: how many things the title says against how many the body reports.

A title counts things with a number and its noun (ثلاث مدن، 4 ملاعب), with a dual (دولتين، اتفاقيتين، وزيرا
خارجية، سفيري) or with the adjective of a meeting (قمة ثلاثية، لقاء ثنائي). The body reports the same count in
one of these ways, each read for the same noun (its singular, dual and plural forms under one key):

- its own count: a number with the noun (ثلاثة ملاعب), a dual (الملعبين، الوزيران), a definite number after the
  noun (الدول الثلاث، السفراء الثلاثة), the highest of a run of ordinals (الاتفاقية الأولى ... والثالثة);
- a list of the items right after the noun (ولايات صفاقس وقابس ومدنين؛ وزراء خارجية مصر والأردن والعراق؛ الملاعب
  التالية: رادس والمنزه), or after "كل من" near the start of the body for things named by a name (a stadium, a
  hospital, a party), or after "في" closing a sentence of the opening (نُقلوا إلى ... في سهلول والرابطة.: names
  for venues, known places for countries and towns), or a run of places for a count of countries or towns;
- for a meeting, the body's adjective on the same meeting noun (القمة الثنائية) or the parties listed after
  it (قمة جمعت مصر والأردن والعراق؛ لقاء بين الوزيرين).

A list's items are read with the lexicon's places of two words (سيدي بوزيد، قصر هلال: one item), an item that
begins with a place and goes on before the next item (سوسة الأولمبي) is a name, not the town, and a run of
nationality adjectives (السجون السورية والعراقية) names no towns nor countries.

It reports only a clear, different count: nothing when any of the body's counts of that noun agrees with the
title, when a list is announced as partial (منها، مثل، من بينها، أبرزها), when the title names some of its items after
the count (ثلاث ولايات بينها باجة) and the body lists more, when the body's evidence is quoted,
or when title and body both give a number (the numbers check reports that). A shorter list of places is no
conflict when the body names enough places elsewhere (12 دولة ... منها تونس والمغرب). Known limits: the items of
a list are counted from its commas and its "و", so an item whose name itself begins with a conjunction-like و
is split; a meeting's host given as a pronoun (جمعته بنظيريه) is not counted, so such lists are not read.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from operator import attrgetter

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.memo import WordMemo
from ..arabic.numbers import unit_key
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import LEAD_TOKENS, Context, Mention, hit, word_key
from .people import Role, find_roles
from .places import country_of, places_of
from .words import (
    DEFNUM,
    FDUAL,
    ORD,
    definite_number,
    feminine_dual,
    masculine_dual,
    ordinal,
    place_key,
    place_lookup,
    role_word,
    token_index,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.count_mismatch", "warning",
        "يذكر العنوان {n} («{text}») بينما يذكر النص {m} («{body}»): تحقّق من العدد.",
        "The title counts {n} (“{text}”) but the body {m} (“{body}”): check the count.",
        "A count in the title (a number with its noun, a dual, a bilateral/trilateral meeting) against the "
        "body's own count of the same noun, the items it lists, or the parties of the meeting.",
    ),
)

_MAX_ITEMS = 12  # a title count above this is not spelt out item by item
_FEW = 6  # a count up to this is usually listed in full when the body lists the places
_ITEM_WORDS = 3  # the last item of a list is at most this many words (then the sentence goes on)


@dataclass(frozen=True)
class Fact:
    """A count in the title: ``key`` is the counted noun's key, ``kind`` its class (country, town, venue, body,
    team, person, meeting, or "" for any other noun)."""

    key: str
    kind: str
    n: int
    start: int
    end: int
    number: bool  # said with a number (digits or words), not a dual or an adjective
    office: frozenset[str] = frozenset()  # a role's office word (خارجية)
    adjective: str = ""  # a restricting adjective after the noun (عربية): the title counts some of the kind


@dataclass(frozen=True)
class Evidence:
    """The body's count of a noun: ``how`` is "count" (its own number or dual), "list" (items named), "places"
    (a run of places anywhere), or "meeting"."""

    key: str
    n: int
    start: int
    end: int
    how: str
    number: bool = False


# --- lexicons ---------------------------------------------------------------------------------------------------

@cache
def _nouns() -> dict[str, tuple[str, str, int]]:
    """normalised form (also its ``unit_key``) -> (key, kind, 2 for a dual, 3 for a plural, 1 for the singular)
    (data/counted_nouns.txt; a feminine dual's construct form, ولايتي، is derived from its -تين form)."""
    out: dict[str, tuple[str, str, int]] = {}
    for kind, singular, duals, plurals in data.normalized_fields("counted_nouns"):
        forms = [(singular, 1)] + [(w, 2) for w in duals.split()] + [(w, 3) for w in plurals.split()]
        for w, c in forms:
            out.setdefault(w, (singular, kind, c))
    for w, v in list(out.items()):
        out.setdefault(unit_key(w), (v[0], v[1], 1 if v[2] == 2 else v[2]))
    for _kind, singular, duals, _plurals in data.normalized_fields("counted_nouns"):
        for w in duals.split():  # the feminine dual in construct loses its ن: ولايتي جندوبة وباجة، مدينتي
            if w.endswith("تين"):
                out.setdefault(w[:-1], out[w])
    return out


@cache
def _meetings() -> tuple[frozenset[str], dict[str, int], frozenset[str], frozenset[str]]:
    """(meeting nouns, adjective form -> parties, words introducing the parties, nouns of several meetings)
    (data/meeting_counts.txt; its leaders are read by ``_leaders``)."""
    adjectives: dict[str, int] = {}
    lines: dict[str, frozenset[str]] = {}
    for head, forms in data.normalized_fields("meeting_counts"):
        if head.isdigit():
            for w in forms.split():
                adjectives[w] = int(head)
        else:
            lines[head] = frozenset(forms.split())
    nouns = lines.get("noun", frozenset()) | lines.get("several", frozenset())
    return nouns, adjectives, lines.get("parties", frozenset()), lines.get("several", frozenset())


@cache
def _cues() -> dict[str, frozenset[str]]:
    """intro / partial / stop -> words (data/list_cues.txt)."""
    return {kind: frozenset(forms.split()) for kind, forms in data.normalized_fields("list_cues")}


@cache
def _measures() -> frozenset[str]:
    """Keys of the nouns that measure rather than count (data/measure_nouns.txt)."""
    return frozenset(unit_key(w) for w in data.words("measure_nouns")) | data.words("measure_nouns")


@lru_cache(maxsize=65536)
def _restricting(w: str) -> bool:
    """An adjective that narrows a counted noun to some of its kind: عربية، أجنبية، a nationality (أميركية)."""
    bare_w = strip_proclitics(w, 3)[0]
    found = place_lookup(w)
    return w in _cues()["restrict"] or bare_w in _cues()["restrict"] or bool(found and found[0] == "adjective")


@cache
def _leaders() -> frozenset[str]:
    return _meeting_line("leaders")


@cache
def _sides() -> frozenset[str]:
    return _meeting_line("sides")


def _meeting_line(head: str) -> frozenset[str]:
    return next((frozenset(forms.split()) for h, forms in data.normalized_fields("meeting_counts") if h == head),
                frozenset())


@lru_cache(maxsize=65536)
def noun_of(w: str) -> tuple[str, str, int] | None:
    """(key, kind, 1/2/3) of a counted noun with any proclitics, or None."""
    table = _nouns()
    found = table.get(w)
    if found is None:
        bare_w = strip_proclitics(w, 3)[0]
        found = table.get(bare_w)
    return found


def _key(unit: str) -> tuple[str, str]:
    """The key and kind of a number's counted noun (a ``unit_key``)."""
    found = _nouns().get(unit)
    return (found[0], found[1]) if found else (unit, "")


@lru_cache(maxsize=65536)
def _meeting_noun(w: str) -> bool:
    return w in _meetings()[0] or strip_proclitics(w, 3)[0] in _meetings()[0]


@lru_cache(maxsize=65536)
def _meeting_adjective(w: str) -> int | None:
    adjectives = _meetings()[1]
    return adjectives.get(w) or adjectives.get(strip_proclitics(w, 3)[0])


_MARKED = WordMemo(lambda w: noun_of(w) is not None or _meeting_noun(w))  # word -> worth a look


def _marked(view: TextView) -> list[int]:
    """Positions of the field's counted nouns and meeting nouns, found once per field (one C-level map)."""
    cached = view.__dict__.get("_count_nouns")
    if cached is None:
        norms = view.norms
        cached = view.__dict__["_count_nouns"] = list(compress(range(len(norms)), map(_MARKED.__getitem__, norms)))
    return cached


# --- the rule ---------------------------------------------------------------------------------------------------

def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    facts = _title_facts(ctx)
    if not facts:
        return
    evidence = _body_evidence(ctx, {f.kind for f in facts})
    for f in facts:
        found = _conflict(ctx, f, evidence)
        if found is None:
            continue
        body = ctx.body.text[found.start:found.end]
        yield hit("consistency.count_mismatch", "title", f.start, f.end, [("body", found.start, found.end)],
                  context=body, body=body, n=f.n, m=found.n)
        return  # one count conflict a draft is enough to send the editor to both spans


def _conflict(ctx: Context, f: Fact, evidence: list[Evidence]) -> Evidence | None:
    same = _about(ctx, f, evidence)
    if f.adjective:  # "ثلاث دول عربية": only a count of the same narrowed kind, or places of the adjective's
        # country (ثلاث مدن سعودية: أبها وتبوك وحائل ونجران)
        same = [e for e in same if (e.how == "count" and f.adjective in _keys(ctx, e))
                or _all_of_country(ctx, f, e)]
    if not same or any(e.n == f.n for e in same):
        return None
    if _partial_title(ctx, f):  # "إصابات في ثلاث ولايات بينها صفاقس": a longer list may name others too
        same = [e for e in same if not (e.how in ("list", "places") and e.n > f.n)]
    same = [e for e in same if not (e.how == "count" and e.n < f.n and _part(ctx, e, f.n))]
    if f.number:
        same = [e for e in same if not e.number]  # number against number: the numbers check reports it
    rivals = [e for e in same if e.how != "places"]
    if rivals:
        return min(rivals, key=lambda e: (e.how != "count", e.start))
    places = [e for e in same if e.how == "places"]
    if not places:
        return None
    if all(e.n < f.n for e in places) and (f.n > _FEW or _named(ctx, f.kind) >= f.n):
        return None  # a shorter run may name a few of them (15 دولة ... منها تونس والمغرب)
    return places[0]


def _partial_title(ctx: Context, f: Fact) -> bool:
    """The title names some of its counted items after the count (ثلاث دول بينها مصر، منها، أبرزها)."""
    partial = _cues()["partial"]
    return any(t.start >= f.end and t.norm in partial for t in ctx.title.tokens)


def _all_of_country(ctx: Context, f: Fact, e: Evidence) -> bool:
    """The title narrows a count of towns by a nationality (مدن سعودية) and the evidence names only towns of
    that country."""
    if f.kind != "town" or e.how not in ("list", "places"):
        return False
    # the adjective is kept as a word key (سعودية -> سعود): its masculine form is what the lexicon lists
    found = next((p for w in (f.adjective, f.adjective + "ي", "ال" + f.adjective + "ي")
                  if (p := place_lookup(w)) is not None), None)
    if found is None or found[0] != "adjective":
        return False
    inside = [m for m in places_of(ctx, "body") if e.start <= m.start and m.end <= e.end]
    return bool(inside) and all(country_of(m) == found[1] for m in inside)


def _keys(ctx: Context, e: Evidence) -> set[str]:
    """The word keys of the body's span of an evidence and of the word after it (الدول العربية الثلاث)."""
    toks = ctx.body.tokens
    inside = [t.index for t in toks[bisect_left(toks, e.start, key=attrgetter("start")):] if t.start < e.end]
    if not inside:
        return set()
    last = inside[-1] + 1
    return {word_key(toks[k].norm) for k in [*inside, *([last] if last < len(toks) else [])]}


def _start(t) -> int:
    return t.start


_START = _start


def _part(ctx: Context, e: Evidence, f_n: int) -> bool:
    """A smaller count in the body may be part of the title's (قتل شخصان وأصيب آخر؛ الولايتين الأكثر تضررا):
    it is read as the same count only in the body's first sentence, with no word of a part around it, and
    against a small title count (the body's details of "20 شخصا" are not its total)."""
    if e.start >= _lead_end(ctx) or f_n > _FEW:
        return True
    subset = _cues()["subset"]
    return any(t.norm in subset for t in ctx.body.sentences[0].tokens)


def _about(ctx: Context, f: Fact, evidence: list[Evidence]) -> list[Evidence]:
    """The body's counts of the title's noun."""
    if f.kind == "meeting":
        return [e for e in evidence if e.how == "meeting" and (e.key == f.key or e.start < _lead_end(ctx))]
    same = [e for e in evidence if e.key == f.key and e.how in ("count", "list")]
    if f.kind == "person":  # people named one by one: those of the title's office, if it names one
        same += [e for e in evidence if e.key in {f"{f.key}|{o}" for o in (f.office or ("",))}]
        if f.key in _leaders():  # "الزعيمان" and the body's opening reporting a trilateral summit
            same += [e for e in evidence if e.how == "meeting" and e.key != _PARTIES and e.start < _lead_end(ctx)]
    if f.kind in ("country", "town"):
        lists = [e for e in evidence if e.how == "list" and e.key in (f.key, _LISTED + f.kind, _WHERE + f.kind)]
        same += [e for e in evidence if e.how == "places" and e.key == f.kind
                 and not any(x.start <= e.start < x.end for x in lists)]  # a run inside a list is part of it
    if f.kind in ("venue", "body", "team"):  # a list of countries names teams, not hospitals or parties
        same += [e for e in evidence if e.key.startswith(_LISTED)
                 and (e.key != _LISTED + "country" or f.kind == "team")]
    if f.kind in ("country", "town"):
        same += [e for e in evidence if e.key in (_LISTED + f.kind, _WHERE + f.kind)]
    if f.kind in ("venue", "body", "team"):  # a list of known towns after "في" says where, not which venues
        same += [e for e in evidence if e.key == _WHERE]
    return same


_LISTED = "*list:"  # the key of a list with no noun before it, then the kind of place its items are, if any
_WHERE = "*in:"  # the key of a list after "في" closing a sentence, then the kind of place its items are, if any


# --- the title --------------------------------------------------------------------------------------------------

def _title_facts(ctx: Context) -> list[Fact]:
    view = ctx.title
    toks = view.tokens
    quoted = view.quotations
    out: list[Fact] = []
    taken: set[int] = set()
    for m in ctx.title_numbers:
        if m.unit and m.kind in ("digits", "words") and 2 <= m.value < 1000 and m.value == int(m.value):
            key, kind = _key(m.unit)
            out.append(Fact(key, kind or _role_kind(m.unit), int(m.value), m.start, m.unit_end, True))
            taken.update(range(m.start, m.unit_end))
    for i, t in enumerate(toks[:-1]):  # "بـست مدن"، "لثلاث دول": a one-letter clitic on a short number word
        n = L.UNIT_WORDS.get(t.norm[1:]) if t.norm[:1] in "بلوفك" and t.start not in taken else None
        found = noun_of(toks[i + 1].norm) if n and n >= 3 and _adjacent(view, i + 1) else None
        if found and found[2] == 3:
            out.append(Fact(found[0], found[1], n, t.start, toks[i + 1].end, True))
            taken.add(toks[i + 1].start)
    for i, t in enumerate(toks[1:], 1):  # "الدول الثلاث"، "الوزراء الأربعة": a plural and its definite number
        n = definite_number(t.norm)
        prev = toks[i - 1]
        found = noun_of(prev.norm) if n and n >= 3 and _adjacent(view, i) else None
        role = role_word(prev.norm) if n and n >= 3 and _adjacent(view, i) and not found else None
        if (found and found[2] == 3) or (role and role[2] == 3):
            key, kind = (found[0], found[1]) if found else (role[0], "person")  # type: ignore[index]
            out.append(Fact(key, kind, n, prev.start, t.end, False))
            taken.add(prev.start)
    for r in find_roles(view):
        count = r.count if r.count != 0 else _construct_dual(view, r)
        if count == 2 and r.start not in taken:
            out.append(Fact(r.lemma, "person", 2, r.start, toks[r.token].end, False, _office_word(view, r.token)))
            taken.add(r.start)
    for i, t in enumerate(toks):
        if t.start in taken:
            continue
        found = noun_of(t.norm)
        if found:
            if found[2] == 2:
                out.append(Fact(found[0], found[1], 2, t.start, t.end, False))
            continue
        single = feminine_dual(t.norm) or masculine_dual(t.norm)
        if single and not role_word(t.norm):
            out.append(Fact(unit_key(single), "", 2, t.start, t.end, False))
            continue
        n = _meeting_adjective(t.norm)
        if n and i and _meeting_noun(toks[i - 1].norm) and _adjacent(view, i):
            out.append(Fact(bare_noun(toks[i - 1].norm), "meeting", n, toks[i - 1].start, t.end, False))
    out = [f for f in out if not quoted.inside(f.start) and f.key not in _measures()]
    return [_with_adjective(view, f) for f in out]


def _with_adjective(view: TextView, f: Fact) -> Fact:
    """The fact with the restricting adjective after its noun, if any (ثلاث دول عربية)."""
    toks = view.tokens
    k = next((i for i, t in enumerate(toks) if t.start < f.end <= t.end), None)
    if k is None or k + 1 >= len(toks) or not _adjacent(view, k + 1) or not _restricting(toks[k + 1].norm):
        return f
    w = toks[k + 1].norm
    if f.kind == "person" and w not in _cues()["restrict"] and strip_proclitics(w, 3)[0] not in _cues()["restrict"]:
        return f  # "الرئيسان المصري والأردني": a country's adjective says whose, it narrows nothing
    return Fact(f.key, f.kind, f.n, f.start, f.end, f.number, f.office, word_key(toks[k + 1].norm))


def _role_kind(unit: str) -> str:
    return "person" if role_word(unit) else ""


def bare_noun(w: str) -> str:
    """A meeting noun's key: no clitics, one key for singular and plural (اجتماع، الاجتماعات)."""
    return unit_key(strip_proclitics(w, 3)[0])


def _construct_dual(view: TextView, r: Role) -> int:
    """"وزيرا خارجية"، "سفيرا تركيا": a role noun in -ا followed by its genitive is a dual in construct (the
    accusative singular "وزيراً" takes no genitive after it, only an adjective in -ا or a preposition)."""
    toks = view.tokens
    t = toks[r.token]
    if not t.norm.endswith("ا") or r.token + 1 >= len(toks) or not _adjacent(view, r.token + 1):
        return 0
    nxt = toks[r.token + 1].norm
    if nxt in L.STOPWORDS or nxt[:1] == "ل" or nxt[:1].isdigit() or role_word(nxt):
        return 0
    if nxt.endswith("ا") and place_key(nxt) is None:
        return 0  # an adjective in the accusative: "مديرا عاما"، "مدربا جديدا" (one person)
    return 2


def _office_word(view: TextView, i: int) -> frozenset[str]:
    """The office of the role noun at token i: the key of the word after it when that is no place, name or
    function word (وزير خارجية، وزراء الخارجية -> خارجي), else nothing."""
    toks = view.tokens
    if i + 1 >= len(toks) or not _adjacent(view, i + 1):
        return frozenset()
    w = toks[i + 1].norm
    if w in L.STOPWORDS or place_key(w) or w in L.MALE_NAMES or w in L.FEMALE_NAMES or role_word(w):
        return frozenset()
    return frozenset((word_key(w),))


def _adjacent(view: TextView, j: int) -> bool:
    """Only a space between token j and the one before."""
    toks = view.tokens
    return j > 0 and not view.text[toks[j - 1].end:toks[j].start].strip()


# --- the body ---------------------------------------------------------------------------------------------------

def _body_evidence(ctx: Context, kinds: set[str]) -> list[Evidence]:
    view = ctx.body
    quoted = view.quotations
    out: list[Evidence] = []
    out += _body_counts(ctx)
    out += _noun_lists(ctx)
    if kinds & {"venue", "body", "team", "country", "town"}:
        out += _intro_lists(ctx)
    if kinds & {"country", "town"}:
        out += _place_runs(ctx)
    if kinds & {"meeting", "person"}:
        out += _meeting_counts(ctx)  # a meeting's ministers (اجتماع ثلاثي لوزراء) count people too
    if "meeting" in kinds:
        out += _leaders_counted(ctx)
    if "person" in kinds:
        out += _people_lists(ctx)
    return [e for e in out if not quoted.inside(e.start)]


def _body_counts(ctx: Context) -> Iterator[Evidence]:
    """Numbers, duals, definite numbers, ordinal runs and offices held in several countries."""
    view = ctx.body
    toks = view.tokens
    for m in ctx.body_numbers:
        if m.unit and m.kind in ("digits", "words") and m.value < 1000 and m.value == int(m.value):
            yield Evidence(_key(m.unit)[0], int(m.value), m.start, m.unit_end, "count", True)
    roles = find_roles(view)
    for r in roles:
        construct = r.count == 0 and _construct_dual(view, r) == 2
        if r.count == 2 or construct:  # "وزيرا خارجية": the construct dual with its genitive
            yield Evidence(r.lemma, 2, r.start, max(r.end, toks[r.token + 1].end) if construct else r.end, "count")
    index = token_index(view)
    for i in index[FDUAL]:
        t = toks[i]
        if role_word(t.norm):
            continue
        found = noun_of(t.norm)
        single = feminine_dual(t.norm) or masculine_dual(t.norm) or ""
        yield Evidence(found[0] if found and found[2] == 2 else unit_key(single), 2, t.start, t.end, "count")
    for i in _marked(view):  # duals of the counted nouns the generic test misses (ملعبين، مستشفيين)
        t = toks[i]
        found = noun_of(t.norm)
        if found and found[2] == 2 and i not in index[FDUAL]:
            yield Evidence(found[0], 2, t.start, t.end, "count")
    for i in index[DEFNUM]:
        n = definite_number(toks[i].norm)
        if i and n and strip_proclitics(toks[i - 1].norm, 3)[1]:  # "السفراء الثلاثة"
            yield Evidence(_noun_key(toks[i - 1].norm), n, toks[i - 1].start, toks[i].end, "count")
    for key, n, s, e in _ordinal_lists(view):
        yield Evidence(key, n, s, e, "count")
    for key, n, s, e in _distinct_holders(roles):
        yield Evidence(key, n, s, e, "count")


def _noun_key(w: str) -> str:
    """The key of any noun: a counted noun's, a role noun's lemma, else its ``unit_key``."""
    found = noun_of(w)
    if found:
        return found[0]
    role = role_word(w)
    if role:
        return role[0]
    return _key(unit_key(strip_proclitics(w, 3)[0] if strip_proclitics(w, 3)[1] else w))[0]


def _noun_lists(ctx: Context) -> Iterator[Evidence]:
    """A plural or dual noun followed by its items: "ولايات صفاقس وقابس ومدنين"، "وزراء خارجية مصر والأردن
    والعراق"، "الملاعب التالية: رادس والمنزه"، "الدول الثلاث وهي مصر والأردن"."""
    view = ctx.body
    toks = view.tokens
    roles = {r.token: r for r in find_roles(view) if r.count in (2, 3)}
    for i in sorted({*_marked(view), *roles}):
        t = toks[i]
        found = noun_of(t.norm)
        if found and found[2] in (2, 3):
            key, kind = found[0], found[1]
        elif i in roles:
            key, kind = roles[i].lemma, "person"
        else:
            continue
        got = _list_after(ctx, i, kind)
        if got is not None:
            yield Evidence(key, got[0], t.start, got[2], "list")


def _list_after(ctx: Context, i: int, kind: str) -> tuple[int, int, int] | None:
    """The items listed right after the noun at token i: (how many, start, end), or None."""
    view = ctx.body
    toks = view.tokens
    intro = _cues()["intro"]
    definite = strip_proclitics(toks[i].norm, 2)[1]
    j = i + 1
    if j < len(toks) and definite_number(toks[j].norm) and _adjacent(view, j):
        j += 1  # الدول الثلاث
    for _ in range(2):  # a role's office words (خارجية)، a definite noun's adjectives (الدول المشاركة)
        if j >= len(toks) or not _adjacent(view, j):
            break
        w = toks[j].norm
        if w in intro or place_key(w) or w in L.STOPWORDS:
            break
        if kind == "person" or (definite and strip_proclitics(w, 2)[1]):
            j += 1
            continue
        break
    announced = j < len(toks) and toks[j].norm in intro
    j = _after_intro(view, j)
    if j is None or j >= len(toks) or _gap_punct(view, j, allow=":"):
        return None
    if kind in ("venue", "body", "team") and not announced and (definite or j != i + 1):
        return None  # "الشركات تحقق أرباحا": no list; only "ملاعب رادس والمنزه" names the items in construct
    got = _items(ctx, j, kind)
    if got is None or (kind in ("venue", "body", "team") and got[3] and not announced):
        return None  # "مستشفيات صفاقس وسوسة": hospitals in two towns, not two hospitals
    if kind in ("country", "town") and got[3] != kind:
        return None
    return got[:3]


def _after_intro(view: TextView, j: int) -> int | None:
    """Past "كل من"، "وهي"، "التالية:" before a list; None when the list is announced as partial (منها، مثل)."""
    toks = view.tokens
    cues = _cues()
    for _ in range(3):
        if j >= len(toks):
            return j
        w = toks[j].norm
        if w in cues["partial"] or (w == "من" and j + 1 < len(toks) and toks[j + 1].norm in ("بين", "بينها")):
            return None
        if w in cues["intro"]:
            j += 1
            if j < len(toks) and toks[j].norm == "من" and toks[j - 1].norm in ("كل", "بكل", "لكل", "وكل", "كلا"):
                j += 1
            continue
        break
    return j


def _gap_punct(view: TextView, j: int, allow: str) -> bool:
    """Punctuation other than a comma (or ``allow``) between token j and the one before."""
    toks = view.tokens
    gap = view.text[toks[j - 1].end:toks[j].start].strip()
    return bool(gap) and gap not in ("،", ",") and not (allow and gap == allow)


def _items(ctx: Context, j: int, kind: str) -> tuple[int, int, int, str, int] | None:
    """The items of a list starting at token j: (how many, start, end, the kind of place they are, how many
    items are names that begin with a place: سوسة الأولمبي، حمام الأنف الجهوي). Items are
    separated by a comma or begin with the conjunction و; the list ends at other punctuation, a stop word, a
    verb after و, or a last item longer than a name. People (a role noun, an honorific) are no items of things.
    The items are countries when at least two are known countries and none is anything else, towns when the
    known places among them are all cities (small towns are often missing from the lexicon); for countries and towns they must be places, and for people the places are counted (وزراء خارجية
    مصر والأردن)."""
    view = ctx.body
    toks = view.tokens
    cues = _cues()
    places: dict[str, str] = {}
    starts = {m.token: m for m in places_of(ctx, "body")}  # the lexicon's places, names of two words included
    inside: set[int] = set()
    items, words, unplaced, k, end, place_end = 0, 0, 0, j, toks[j].end, toks[j].end
    named, item_place, item_named = 0, False, False
    first_end = end  # the end of the last item's first word
    while k < len(toks):
        t = toks[k]
        w = t.norm
        gap = view.text[toks[k - 1].end:t.start].strip() if k > j else ""
        if gap and gap not in ("،", ","):
            break
        if w in cues["stop"] or w in cues["partial"] or (k > j and _verb_after_and(w)):
            break
        if gap and w[:1] in ("ب", "ل", "ك") and not place_lookup(w) and not place_lookup(w[1:]):
            break  # "...، بلقاء" a phrase after the list, not an item
        if kind != "person" and (role_word(w) or w in L.HONORIFICS):
            return None
        if k == j or gap or _conjunction(w):
            named += item_named  # the item before was a name that begins with a place (سوسة الأولمبي)
            items, words, first_end, item_place, item_named = items + 1, 0, t.end, False, False
        m = starts.get(k)
        found = (m.kind, m.key) if m is not None else None if k in inside else place_lookup(w)
        if m is not None and m.end > t.end:
            # the other words of سيدي بوزيد، قصر هلال
            inside.update(x for x in range(k + 1, min(k + 4, len(toks))) if toks[x].end <= m.end)
        if found:
            places[found[1]] = found[0]
            place_end = m.end if m is not None else t.end
            item_place = item_place or words == 0
        elif k in inside:
            pass
        elif item_place and w not in _PLACE_DESCRIPTORS:
            item_named = True  # more words after the place: a stadium, a club, a hospital named after it
        elif words == 0 and (w in L.STOPWORDS or w.startswith("ال") and len(places) == 0 and k == j):
            unplaced += 1
        words += 1
        if words > _ITEM_WORDS:
            break
        end = t.end
        k += 1
    if items < 2:
        return None
    if kind == "person":
        return (len(places), toks[j].start, place_end, "") if len(places) >= 2 else None
    place_kind = ""
    kinds = set(places.values())
    unplaced += named  # the last item's extra words may be the sentence going on: only an item before another
    if len(places) >= 2 and not unplaced and kinds == {"country"}:
        place_kind = "country"
    elif places and not unplaced and kinds == {"city"}:
        place_kind = "town"  # small towns are missing from the lexicon: one known town in the list is enough
    if place_kind:
        end = max(place_end, first_end)  # a place list ends with its last place ("... والعراق بحث خلالها")
    if kind in ("country", "town"):
        return (items, toks[j].start, end, place_kind, named) if place_kind else None
    return items, toks[j].start, end, place_kind, named


_PLACE_DESCRIPTORS = data.words("place_descriptors")


@lru_cache(maxsize=65536)
def _verb_after_and(w: str) -> bool:
    """و + a present-tense verb (ويشمل، وتسببت): the sentence goes on after the list."""
    rest = w[1:]
    return w[:1] == "و" and rest[:1] in ("ي", "ت", "ن") and not rest.startswith("ال") and len(rest) >= 4 \
        and place_key(w) is None and role_word(rest) is None


@lru_cache(maxsize=65536)
def _conjunction(w: str) -> bool:
    """A word that begins a new item with "و": وقابس، والمنزه، وفرحات (not وزارة، وادي: a place or role itself)."""
    if len(w) < 3 or w[0] != "و" or w == "و":
        return False
    rest = w[1:]
    if place_lookup(w) is not None and not place_lookup(rest):
        return False  # وهران is a city
    if role_word(w) and not role_word(rest):
        return False
    return rest.startswith("ال") or len(rest) >= 3


def _intro_lists(ctx: Context) -> Iterator[Evidence]:
    """A list with no noun before it, in the body's opening, announced as complete: "كلا من رادس والمنزه"، or
    after a verb of inclusion and its subject ("شملت العملية صفاقس وقابس"، "توزعت التدخلات على ...")."""
    view = ctx.body
    toks = view.tokens
    include = _cues()["include"]
    for i in range(min(len(toks), LEAD_TOKENS) - 2):
        w = toks[i].norm
        if w in _EACH and toks[i + 1].norm == "من":
            start = i + 2
        elif w in include or (w[:1] in ("و", "ف") and w[1:] in include):
            start = _after_subject(view, i + 1)
        else:
            continue
        if start is None or start >= len(toks) or _gap_punct(view, start, allow=":"):
            continue
        got = _items(ctx, start, "venue")
        if got is not None:
            yield Evidence(_LISTED + got[3], got[0], got[1], got[2], "list")
    yield from _where_lists(ctx)


def _where_lists(ctx: Context) -> Iterator[Evidence]:
    """A list of names after the preposition "في" that closes a sentence of the body's opening: where the
    reported thing happened, named in full (سُجّلت الإصابات في بنزرت وباجة وجندوبة.؛ نُقل الجرحى إلى ... في
    سهلول والرابطة.). Its first item must be a name (no article unless a known place, no function word, no
    digit), and the sentence must end with the list (a list followed by more words is no full count)."""
    view = ctx.body
    toks = view.tokens
    text = view.text
    for i in range(min(len(toks), LEAD_TOKENS) - 2):
        if toks[i].norm != "في" or _gap_punct(view, i + 1, allow=""):
            continue
        first = toks[i + 1].norm
        if first in L.STOPWORDS or first[:1].isdigit() or (first.startswith("ال") and not place_lookup(first)):
            continue
        got = _items(ctx, i + 1, "venue")
        if got is None:
            continue
        rest = text[got[2]:got[2] + 8].lstrip(" \t")
        if rest and rest[0] not in ".!؟\n":
            continue  # the sentence goes on after the list
        kind = got[3] or ("place" if not got[4] and any(place_lookup(t.norm) for t in toks[i + 1:] if t.end <= got[2])
                          else "")
        yield Evidence(_WHERE + kind, got[0], got[1], got[2], "list")  # "place": no venues (تونس وصفاقس)


def _after_subject(view: TextView, j: int) -> int | None:
    """After a verb of inclusion: past its definite subject (العملية، التدخلات) and "على" or "كلا من"."""
    toks = view.tokens
    for _ in range(3):  # the subject and its adjectives (الأمطار الغزيرة)
        if j < len(toks) and strip_proclitics(toks[j].norm, 2)[1] and not place_key(toks[j].norm) \
                and _adjacent(view, j):
            j += 1
    if j < len(toks) and toks[j].norm in ("على", "علي"):
        j += 1
    if j + 1 < len(toks) and toks[j].norm in _EACH and toks[j + 1].norm == "من":
        j += 2
    return j


_EACH = frozenset(("كل", "بكل", "لكل", "وكل", "كلا"))


def _people_lists(ctx: Context) -> Iterator[Evidence]:
    """People named one by one after "كل من"، "هما"، "هم" (هم وزير الخارجية ... ووزير الدفاع ...): how many
    holders of each role the list names, each role noun beginning an item (first, after a comma, after و)."""
    view = ctx.body
    toks = view.tokens
    roles = {r.token: r for r in find_roles(view) if r.count == 1}
    intro = _cues()["intro"]
    stop = _cues()["stop"]
    i = 0
    while i < len(toks) - 1:
        w = toks[i].norm
        start = i + 2 if w in _EACH and toks[i + 1].norm == "من" else i + 1 if w in intro else None
        i += 1
        if start is None or start >= len(toks) or start not in roles:
            continue
        held: dict[str, list[Role]] = {}
        k = start
        while k < len(toks) and k < start + 60:
            if k > start:
                gap = view.text[toks[k - 1].end:toks[k].start].strip()
                if (gap and gap not in ("،", ",")) or toks[k].norm in stop:
                    break
                if k in roles and (gap or toks[k].norm[:1] == "و"):
                    held.setdefault(roles[k].lemma, []).append(roles[k])
            else:
                held.setdefault(roles[k].lemma, []).append(roles[k])
            k += 1
        for lemma, found in held.items():
            if len(found) >= 2:
                yield Evidence(lemma + "|", len(found), toks[start].start, toks[k - 1].end, "list")
                offices = [_office_word(view, r.token) for r in found]
                for o in set().union(*offices):
                    yield Evidence(lemma + "|" + o, sum(o in x for x in offices), toks[start].start, toks[k - 1].end,
                                   "list")
        i = k


def _place_runs(ctx: Context) -> Iterator[Evidence]:
    """Runs of two or more places the body names one after another, joined by "و" or a comma (صفاقس، توزر
    وتطاوين): key "country" when every item is a country, else "town"."""
    run: list[Mention] = []
    text = ctx.body.text
    # a nationality adjective describes (السجون السورية والعراقية): it names no town nor country of a count
    for m in [*(p for p in places_of(ctx, "body") if p.kind != "adjective"), None]:
        if m is not None and run and _joined(text, run[-1], m):
            run.append(m)
            continue
        keys = {r.key for r in run}
        if len(keys) >= 2 and not _partial_before(ctx, run[0]):
            kind = "country" if all(r.kind == "country" for r in run) else "town"
            yield Evidence(kind, len(keys), run[0].start, run[-1].end, "places")
        run = [m] if m is not None else []


def _partial_before(ctx: Context, m: Mention) -> bool:
    """The run is announced as some of them (منها تونس والمغرب، مثل، كمصر)."""
    toks = ctx.body.tokens
    partial = _cues()["partial"]
    before = [toks[k].norm for k in range(max(0, m.token - 2), m.token)]
    return any(w in partial for w in before) or toks[m.token].norm[:1] == "ك"


def _named(ctx: Context, kind: str) -> int:
    """How many distinct places of a kind the body names anywhere."""
    return len({m.key for m in places_of(ctx, "body") if (m.kind == "country") == (kind == "country")})


def _joined(text: str, a: Mention, b: Mention) -> bool:
    gap = text[a.end:b.start]
    return gap.strip() in ("،", ",") or (gap == " " and text[b.start:b.start + 1] == "و")


def _meeting_counts(ctx: Context) -> Iterator[Evidence]:
    """A meeting's adjective in the body (القمة الثنائية) and the parties listed after a meeting noun (قمة
    جمعت مصر والأردن والعراق؛ لقاء بين وزير الخارجية المصري ونظيره الأردني). Several meetings (لقاءات ثنائية
    على هامش القمة) describe side events, not the one the title counts."""
    view = ctx.body
    toks = view.tokens
    _, _, parties, several = _meetings()
    for i in _marked(view):
        t = toks[i]
        if not _meeting_noun(t.norm) or t.norm in several or strip_proclitics(t.norm, 3)[0] in several:
            continue
        if any(toks[b].norm in _meeting_line("margins") for b in range(max(0, i - 6), i)):
            continue  # "على هامش القمة، عقد لقاء ثنائي": a side meeting
        key = bare_noun(t.norm)
        j = i + 1
        if j < len(toks) and _adjacent(view, j) and (n := _meeting_adjective(toks[j].norm)):
            yield Evidence(key, n, t.start, toks[j].end, "meeting")
            j += 1
            role = role_word(toks[j].norm) if j < len(toks) and _adjacent(view, j) else None
            if role and role[2] in (2, 3):  # "اجتماع ثلاثي لوزراء الخارجية": three ministers met
                yield Evidence(role[0], n, t.start, toks[j].end, "list")
        for k in range(j, min(j + 4, len(toks) - 1)):
            if _gap_punct(view, k, allow=""):
                break
            if toks[k].norm in parties:
                got = _parties(ctx, k + 1)
                if got is not None:
                    yield Evidence(key, got[0], t.start, got[2], "meeting")
                break


def _leaders_counted(ctx: Context) -> Iterator[Evidence]:
    """"الرؤساء الثلاثة"، "الأطراف الأربعة"، "الدول الثلاث" in the body's first sentence: the parties of the
    meeting it reports."""
    view = ctx.body
    toks = view.tokens
    end = _lead_end(ctx)
    for r in find_roles(view):
        if r.start >= end:
            break
        if r.lemma not in _leaders():
            continue
        k = r.token + 1
        n = definite_number(toks[k].norm) if r.count == 3 and k < len(toks) and _adjacent(view, k) else None
        if n and n >= 3:
            yield Evidence(_PARTIES, n, r.start, toks[k].end, "meeting")
    for k in token_index(view)[DEFNUM]:  # الأطراف الثلاثة، الدول الثلاث
        if toks[k].start >= end:
            break
        w = strip_proclitics(toks[k - 1].norm, 3)[0] if k else ""
        found = noun_of(toks[k - 1].norm) if k else None
        n = definite_number(toks[k].norm)
        if n and n >= 3 and _adjacent(view, k) and (w in _sides() or (found and found[1] == "country")):
            yield Evidence(_PARTIES, n, toks[k - 1].start, toks[k].end, "meeting")


_PARTIES = "*parties"


def _parties(ctx: Context, j: int) -> tuple[int, int, int] | None:
    """How many parties a list names: its distinct countries (names or adjectives: المصري ونظيره الأردني), two
    for a dual (بين البلدين، بين الزعيمين), else its items (joined by و or a comma; بنظيره adds one, بنظيريه
    two)."""
    view = ctx.body
    toks = view.tokens
    stop = _cues()["stop"] - {"بين"}
    if j + 1 < len(toks) and toks[j].norm in _EACH and toks[j + 1].norm == "من":
        j += 2  # جمع كلا من ...
    if j >= len(toks):
        return None
    countries: set[str] = set()
    items, k, end = 0, j, toks[j].end
    while k < len(toks) and k < j + 16:
        t = toks[k]
        gap = view.text[toks[k - 1].end:t.start].strip() if k > j else ""
        if (gap and gap not in ("،", ",")) or t.norm in stop or (k > j and _verb_after_and(t.norm)):
            break
        w = t.norm
        peer = w[1:] if w[:1] in ("و", "ب") else w
        if peer.startswith("نظير"):
            items += 2 if peer.endswith(("يه", "يها", "تيه", "تيها")) else 1  # جمعته بنظيريه: two more
        elif k == j or gap or _conjunction(w):
            items += 1
        found = place_lookup(w)
        if found and found[0] in ("country", "adjective"):
            countries.add(found[1])
        end = t.end
        k += 1
    if k == j:
        return None
    if len(countries) >= 2:
        return len(countries), toks[j].start, end
    if items == 1 and k == j + 1 and _dual(view, j):
        return 2, toks[j].start, end
    return (items, toks[j].start, end) if items >= 2 else None


def _dual(view: TextView, j: int) -> bool:
    w = view.tokens[j].norm
    found = noun_of(w)
    role = role_word(w)
    return bool(found and found[2] == 2) or bool(role and role[2] == 2)


def _lead_end(ctx: Context) -> int:
    """The end of the body's first sentence, where a meeting restated from the title is described."""
    sents = ctx.body.sentences
    return sents[0].end if sents else 0


# --- moved from the gender module: ordinal runs and office holders --------------------------------------------

def _distinct_holders(roles: list[Role]) -> Iterator[tuple[str, int, int, int]]:
    """Three ambassadors of three countries named one by one count as three."""
    places: dict[str, dict[str, Role]] = {}
    for r in roles:
        if r.count == 1 and r.lemma in L.UNIQUE_OFFICES:
            for k in r.office:
                if k.startswith("@"):
                    places.setdefault(r.lemma, {}).setdefault(k, r)
    for lemma, by_place in places.items():
        if len(by_place) >= 3:
            last = max(by_place.values(), key=lambda r: r.start)
            yield lemma, len(by_place), last.start, last.end


def _ordinal_lists(view: TextView) -> Iterator[tuple[str, int, int, int]]:
    """"الاتفاقية الأولى ... والثانية ... الثالثة" in one paragraph: (key, highest ordinal, its span)."""
    toks = view.tokens
    ords = token_index(view)[ORD]
    starts = [p.start for p in view.paragraphs]
    for pos, k in enumerate(ords):
        i = k - 1
        if i < 0 or ordinal(toks[k].norm) != 1 or not strip_proclitics(toks[i].norm, 3)[1]:
            continue
        key = _noun_key(toks[i].norm)
        para_end = _paragraph_end(view, starts, toks[i].start)
        best = None
        for q in range(pos + 1, len(ords)):  # the ordinals after this one, without copying the rest of the list
            j = ords[q]
            if toks[j].start >= para_end:
                break
            n = ordinal(toks[j].norm)
            if n and n > 1 and (best is None or n > best[0]):
                best = (n, toks[j].start, toks[j].end)
        if best:
            yield key, best[0], best[1], best[2]


def _paragraph_end(view: TextView, starts: list[int], pos: int) -> int:
    """The end of the paragraph holding ``pos`` (paragraphs are disjoint and in order: bisect on their starts)."""
    n = bisect_right(starts, pos) - 1
    if n >= 0 and pos < view.paragraphs[n].end:
        return view.paragraphs[n].end
    return len(view.text)

