"""Gender and count of the people (and things) a role noun or a dual names.

Title vs body: "رئيسة المحكمة الاقتصادية" while the body has "رئيس المحكمة الاقتصادية" (the same office with
the other gender) is an error; a feminine dual (سفيرتي تركيا ولبنان) for a man and a woman is one too, while
the masculine dual for a mixed pair is correct Arabic and never flagged. A dual in the title (اتفاقيتين،
وزيرين) is checked against the body's count of the same noun: a number (ثلاث اتفاقيات)، another dual, or a
list of ordinals (الأولى ... والثانية ... الثالثة). Inside the body, one person (the same office) given both
genders, e.g. a male Lebanese ambassador inside "السفيرتين التركية واللبنانية", is flagged. Known limits:
offices are compared by their first two words; a role noun spelled with ه instead of ة is treated as unknown
gender (it may be a pronoun: رئيسه).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.numbers import unit_key
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, Mention, hit
from .people import Role, find_roles
from .places import places_of
from .words import (
    DEFNUM,
    FDUAL,
    ORD,
    definite_number,
    feminine_dual,
    masculine_dual,
    ordinal,
    place_key,
    token_index,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.gender_mismatch", "error",
        "صيغة «{text}» في العنوان تخالف جنس الشخص نفسه في النص («{body}»): صحّح التذكير أو التأنيث.",
        "“{text}” in the title gives the person another gender than the body (“{body}”): fix the gender.",
        "A role noun in the title with the other gender than the body's role noun for the same office.",
    ),
    Rule(
        "consistency.count_mismatch", "warning",
        "العدد في العنوان «{text}» لا يطابق ما في النص («{body}»): تحقّق من العدد.",
        "The count in the title “{text}” differs from the body (“{body}”): check the count.",
        "A dual in the title (two ministers, two agreements) where the body counts another number.",
    ),
    Rule(
        "consistency.body_gender_conflict", "error",
        "يرد الشخص نفسه في النص بصيغتي التذكير والتأنيث: «{text}» و«{body}». وحّد الصيغة.",
        "The same person is given both genders in the body: “{text}” and “{body}”. Make them agree.",
        "Within the body, one office (same role and country/office words) written masculine and feminine.",
    ),
)

_OPPOSITE = {"m": "f", "f": "m"}


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    body_roles = find_roles(ctx.body)
    title_roles = find_roles(ctx.title)
    yield from _title_gender(ctx, title_roles, body_roles)
    counted = list(_title_count(ctx, title_roles))
    yield from counted
    if not counted:
        yield from _place_count(ctx)
    yield from _body_gender(ctx, body_roles)


def _same_office(a: Role, b: Role) -> bool:
    return a.lemma == b.lemma and bool(a.office & b.office)


def _title_gender(ctx: Context, title: list[Role], body: list[Role]) -> Iterator[Hit]:
    for t in title:
        if not t.gender or t.count not in (1, 2):
            continue
        same = [b for b in body if b.count == 1 and b.gender and _same_office(t, b)]
        if not same and t.count == 1 and not t.office:
            # no office words to compare (النائبة سعاد ...): the body's every use of the role decides
            same = [b for b in body if b.count == 1 and b.gender and b.lemma == t.lemma]
        if t.count == 1:
            if not same or any(b.gender == t.gender for b in same):
                continue
            rival = same[0]
        else:
            # a feminine dual cannot cover a man; a masculine dual may cover a man and a woman
            rival = next((b for b in same if t.gender == "f" and b.gender == "m"), None)
            if rival is None:
                continue
        yield _hit(ctx, "consistency.gender_mismatch", "title", t.start, t.end, rival)


def _body_gender(ctx: Context, body: list[Role]) -> Iterator[Hit]:
    singles = [b for b in body if b.count == 1 and b.gender and any(k.startswith("@") for k in b.office)]
    first: dict[tuple[str, str, str], Role] = {}  # (lemma, office key, gender) -> first holder
    for b in singles:
        prev = next((first[k] for k in _holder_keys(b, _OPPOSITE[b.gender]) if k in first), None)
        if prev is not None:
            yield _hit(ctx, "consistency.body_gender_conflict", "body", b.start, b.end, prev)
        for k in _holder_keys(b, b.gender):
            first.setdefault(k, b)
    for d in body:
        if d.count == 2 and d.gender == "f":
            man = next((first[k] for k in _holder_keys(d, "m") if k in first), None)
            if man is None and not any(k.startswith("@") for k in d.office):
                man = _the_pair_man(d, singles)
            if man is not None:
                end = d.end if any(k.startswith("@") for k in d.office) else ctx.body.tokens[d.token].end
                yield _hit(ctx, "consistency.body_gender_conflict", "body", d.start, end, man)


def _the_pair_man(d: Role, singles: list[Role]) -> Role | None:
    """"السفيرتان" with no office words: if the story names just two such people and one is a man, the
    feminine dual is wrong (the masculine dual covers a man and a woman)."""
    same = [b for b in singles if b.lemma == d.lemma]
    holders = {frozenset(k for k in b.office if k.startswith("@")) or b.office for b in same}
    men = [b for b in same if b.gender == "m"]
    return men[0] if men and len(holders) <= 2 else None


def _holder_keys(r: Role, gender: str) -> list[tuple[str, str, str, frozenset[str]]]:
    """Keys naming one office holder: an ambassador by any office word (his country); other roles only by
    office words that are not a place (two Moroccan ministers are not one person, two health ministers are),
    together with the office's places (Canada's foreign minister is not America's)."""
    unique = r.lemma in L.UNIQUE_OFFICES
    places = frozenset() if unique else frozenset(k for k in r.office if k.startswith("@"))
    return [(r.lemma, k, gender, places) for k in r.office if unique or not k.startswith("@")]


def _hit(ctx: Context, rule: str, field: str, start: int, end: int, rival: Role) -> Hit:
    text = ctx.body.text[rival.start:rival.end]
    return hit(rule, field, start, end, [("body", rival.start, rival.end)], context=text, body=text)


# --- counts --------------------------------------------------------------------------------------------------

def _title_counts(ctx: Context, roles: list[Role]) -> list[tuple[str, int, int, int, bool]]:
    """(key, count, start, end, is_number) for the title's duals (وزيرين، اتفاقيتين) and counted numbers."""
    out = [(r.lemma, 2, r.start, ctx.title.tokens[r.token].end, False) for r in roles if r.count == 2]
    taken = {x[2] for x in out}
    for t in ctx.title.tokens:
        single = feminine_dual(t.norm) or masculine_dual(t.norm)
        if t.start not in taken and single:
            out.append((unit_key(single), 2, t.start, t.end, False))
    for m in ctx.title_numbers:
        if m.unit and m.kind in ("digits", "words") and 2 < m.value < 1000 and m.value == int(m.value):
            out.append((m.unit, int(m.value), m.start, m.unit_end, True))
    return out


def _title_count(ctx: Context, roles: list[Role]) -> Iterator[Hit]:
    facts = _title_counts(ctx, roles)
    if not facts:
        return
    counts = _body_counts(ctx)
    for key, n, start, end, is_number in facts:
        evidence = counts.get(key)
        if not evidence or any(c == n for c, _, _, _ in evidence):
            continue
        if is_number and all(num for _, _, _, num in evidence):
            continue  # number against number: the numbers check reports it
        _, s, e, _ = max(evidence, key=lambda x: x[0])
        text = ctx.body.text[s:e]
        yield hit("consistency.count_mismatch", "title", start, end, [("body", s, e)], context=text, body=text)


@cache
def _place_nouns() -> dict[str, tuple[str, int]]:
    """normalised form -> (kind of place, 2 for a dual else 0) (data/place_kind_nouns.txt)."""
    out: dict[str, tuple[str, int]] = {}
    for kind, _singular, duals, plurals in data.normalized_fields("place_kind_nouns"):
        for w in duals.split():
            out[w] = (kind, 2)
        for w in plurals.split():
            out[w] = (kind, 0)
    return out


def _title_place_counts(ctx: Context) -> Iterator[tuple[str, int, int, int]]:
    """(kind, count, start, end): "ثلاث مدن"، "أربع دول" (a number before a place noun) or a dual (دولتين)."""
    nouns = _place_nouns()
    by_end = {m.unit_end: m for m in ctx.title_numbers
              if m.kind in ("digits", "words") and 2 <= m.value <= 20 and m.value == int(m.value)}
    for t in ctx.title.tokens:
        found = nouns.get(strip_proclitics(t.norm, 3)[0]) or nouns.get(t.norm)
        if found is None:
            continue
        kind, dual = found
        if dual:
            yield kind, 2, t.start, t.end
        elif t.end in by_end:
            m = by_end[t.end]
            yield kind, int(m.value), m.start, t.end


def _place_lists(ctx: Context) -> list[tuple[str, int, int, int]]:
    """(kind, items, start, end) for each run of two or more places the body names one after another, joined by
    "و" or a comma (صفاقس، توزر وتطاوين): "country" when every item is a country, else "town"."""
    out = []
    run: list[Mention] = []
    text = ctx.body.text
    for m in [*places_of(ctx, "body"), None]:
        if m is not None and run and _joined(text, run[-1], m):
            run.append(m)
            continue
        keys = {r.key for r in run}
        if len(keys) >= 2:
            kind = "country" if all(r.kind == "country" for r in run) else "town"
            out.append((kind, len(keys), run[0].start, run[-1].end))
        run = [m] if m is not None else []
    return out


_FEW = 6  # a count up to this is usually spelt out in full when the body lists the places


def _named(ctx: Context, kind: str) -> int:
    """How many distinct places of a kind the body names anywhere."""
    return len({m.key for m in places_of(ctx, "body") if (m.kind == "country") == (kind == "country")})


def _joined(text: str, a: Mention, b: Mention) -> bool:
    gap = text[a.end:b.start]
    return gap.strip() in ("،", ",") or (gap == " " and text[b.start:b.start + 1] == "و")


def _place_count(ctx: Context) -> Iterator[Hit]:
    """A title count of places (ثلاث مدن) against the body's list of places of that kind, when no list of the
    body has that many items."""
    facts = list(_title_place_counts(ctx))
    if not facts:
        return
    lists = _place_lists(ctx)
    for kind, n, start, end in facts:
        rivals = [x for x in lists if x[0] == kind]
        if not rivals or any(items == n for _, items, _, _ in rivals):
            continue
        if all(items < n for _, items, _, _ in rivals) and (n > _FEW or _named(ctx, kind) >= n):
            continue  # a shorter list may name a few of them (15 دولة ... منها تونس والمغرب)
        _, _, s, e = rivals[0]
        text = ctx.body.text[s:e]
        yield hit("consistency.count_mismatch", "title", start, end, [("body", s, e)], context=text, body=text)
        return


def _body_counts(ctx: Context) -> dict[str, list[tuple[int, int, int, bool]]]:
    """key -> [(count, start, end, from_a_number)] from numbers, duals, ordinal lists and offices in the body."""
    out: dict[str, list[tuple[int, int, int, bool]]] = {}
    for m in ctx.body_numbers:
        if m.unit and m.kind in ("digits", "words") and m.value < 1000 and m.value == int(m.value):
            out.setdefault(m.unit, []).append((int(m.value), m.start, m.unit_end, True))
    view = ctx.body
    roles = find_roles(view)
    for r in roles:
        if r.count == 2:
            out.setdefault(r.lemma, []).append((2, r.start, r.end, False))
    toks = view.tokens
    index = token_index(view)
    for i in index[FDUAL]:
        t = toks[i]
        single = feminine_dual(t.norm) or masculine_dual(t.norm) or ""
        out.setdefault(unit_key(single), []).append((2, t.start, t.end, False))
    for i in index[DEFNUM]:
        n = definite_number(toks[i].norm)
        if i and n and strip_proclitics(toks[i - 1].norm, 3)[1]:  # "السفراء الثلاثة"
            out.setdefault(unit_key(toks[i - 1].norm), []).append((n, toks[i - 1].start, toks[i].end, False))
    for key, n, s, e in _ordinal_lists(view):
        out.setdefault(key, []).append((n, s, e, False))
    for key, n, s, e in _distinct_holders(roles):
        out.setdefault(key, []).append((n, s, e, False))
    for key, n, s, e in _plural_place_lists(view, roles):
        out.setdefault(key, []).append((n, s, e, False))
    return out


def _plural_place_lists(view: TextView, roles: list[Role]) -> Iterator[tuple[str, int, int, int]]:
    """"سفراء فرنسا وألمانيا وإيطاليا": a plural role noun followed by a list of places counts its places."""
    toks = view.tokens
    for r in roles:
        if r.count != 3:
            continue
        places, j = set(), r.token + 1
        while j < len(toks) and (key := place_key(toks[j].norm)) and _list_joint(view, toks, j):
            places.add(key)
            j += 1
        if len(places) >= 2:
            yield r.lemma, len(places), r.start, toks[j - 1].end


def _list_joint(view: TextView, toks, j: int) -> bool:
    """Only a space or a comma between list items (a full stop or a bracket ends the list)."""
    return view.text[toks[j - 1].end:toks[j].start].strip() in ("", "،", ",")


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
    for pos, k in enumerate(ords):
        i = k - 1
        if i < 0 or ordinal(toks[k].norm) != 1 or not strip_proclitics(toks[i].norm, 3)[1]:
            continue
        key = unit_key(toks[i].norm)
        para_end = _paragraph_end(view, toks[i].start)
        best = None
        for j in ords[pos + 1:]:
            if toks[j].start >= para_end:
                break
            n = ordinal(toks[j].norm)
            if n and n > 1 and (best is None or n > best[0]):
                best = (n, toks[j].start, toks[j].end)
        if best:
            yield key, best[0], best[1], best[2]


def _paragraph_end(view: TextView, pos: int) -> int:
    for p in view.paragraphs:
        if p.start <= pos < p.end:
            return p.end
    return len(view.text)
