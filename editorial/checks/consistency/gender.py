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

from ..arabic import lexicon as L
from ..arabic.numbers import unit_key
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..engine import Hit
from ..types import Rule
from .common import Context, hit
from .people import Role, find_roles

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.gender_mismatch", "error",
        "صيغة «{text}» في العنوان تخالف جنس الشخص نفسه في النص ({body}): صحّح التذكير أو التأنيث.",
        "“{text}” in the title gives the person another gender than the body ({body}): fix the gender.",
        "A role noun in the title with the other gender than the body's role noun for the same office.",
    ),
    Rule(
        "consistency.count_mismatch", "warning",
        "العدد في العنوان «{text}» لا يطابق ما في النص ({body}): تحقّق من العدد.",
        "The count in the title “{text}” differs from the body ({body}): check the count.",
        "A dual in the title (two ministers, two agreements) where the body counts another number.",
    ),
    Rule(
        "consistency.body_gender_conflict", "error",
        "يرد الشخص نفسه في النص بصيغتي التذكير والتأنيث («{text}» و{body}): وحّد الصيغة.",
        "The same person is given both genders in the body (“{text}” and {body}): make them agree.",
        "Within the body, one office (same role and country/office words) written masculine and feminine.",
    ),
)

_OPPOSITE = {"m": "f", "f": "m"}


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    body_roles = find_roles(ctx.body)
    title_roles = find_roles(ctx.title)
    yield from _title_gender(ctx, title_roles, body_roles)
    yield from _title_count(ctx, title_roles)
    yield from _body_gender(ctx, body_roles)


def _same_office(a: Role, b: Role) -> bool:
    return a.lemma == b.lemma and bool(a.office & b.office)


def _one_holder(a: Role, b: Role) -> bool:
    """Both name the same single office: an ambassador of one country, or the same ministry words."""
    if a.lemma != b.lemma:
        return False
    if a.lemma in L.UNIQUE_OFFICES:
        return bool(a.office & b.office)
    return bool({k for k in a.office & b.office if not k.startswith("@")})


def _title_gender(ctx: Context, title: list[Role], body: list[Role]) -> Iterator[Hit]:
    for t in title:
        if not t.gender or not t.office or t.count not in (1, 2):
            continue
        same = [b for b in body if b.count == 1 and b.gender and _same_office(t, b)]
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
    for d in body:
        if d.count == 2 and d.gender == "f":
            men = [b for b in singles if b.gender == "m" and _one_holder(d, b)]
            if men:
                yield _hit(ctx, "consistency.body_gender_conflict", "body", d.start, d.end, men[0])
    seen: list[Role] = []
    for b in singles:
        prev = next((p for p in seen if p.gender == _OPPOSITE[b.gender] and _one_holder(p, b)), None)
        if prev is not None:
            yield _hit(ctx, "consistency.body_gender_conflict", "body", b.start, b.end, prev)
        seen.append(b)


def _hit(ctx: Context, rule: str, field: str, start: int, end: int, rival: Role) -> Hit:
    text = ctx.body.text[rival.start:rival.end]
    return hit(rule, field, start, end, [("body", rival.start, rival.end)], context=text, body=text)


# --- counts --------------------------------------------------------------------------------------------------

def _title_duals(ctx: Context, roles: list[Role]) -> list[tuple[str, int, int]]:
    """(key, start, end) of every dual in the title: role nouns and feminine duals (اتفاقيتين)."""
    out = [(r.lemma, r.start, ctx.title.tokens[r.token].end) for r in roles if r.count == 2]
    taken = {s for _, s, _ in out}
    for t in ctx.title.tokens:
        w = L.strip_proclitics(t.norm, 5)[0]
        if t.start in taken or len(w) < 6 or not w.endswith(("تين", "تان")):
            continue
        out.append((unit_key(w[:-3] + "ه"), t.start, t.end))
    return out


def _title_count(ctx: Context, roles: list[Role]) -> Iterator[Hit]:
    duals = _title_duals(ctx, roles)
    if not duals:
        return
    counts = _body_counts(ctx)
    for key, start, end in duals:
        evidence = counts.get(key)
        if not evidence or any(n == 2 for n, _, _ in evidence):
            continue
        n, s, e = max(evidence, key=lambda x: x[0])
        text = ctx.body.text[s:e]
        yield hit("consistency.count_mismatch", "title", start, end, [("body", s, e)], context=text, body=text)


def _body_counts(ctx: Context) -> dict[str, list[tuple[int, int, int]]]:
    """key -> [(count, start, end)] from numbers, duals and ordinal lists in the body."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for m in ctx.body_numbers:
        if m.unit and m.kind in ("digits", "words") and m.value == int(m.value) and m.value < 1000:
            out.setdefault(m.unit, []).append((int(m.value), m.start, m.unit_end))
    view = ctx.body
    for r in find_roles(view):
        if r.count == 2:
            out.setdefault(r.lemma, []).append((2, r.start, r.end))
    for t in view.tokens:
        w = L.strip_proclitics(t.norm, 5)[0]
        if len(w) >= 6 and w.endswith(("تين", "تان")):
            out.setdefault(unit_key(w[:-3] + "ه"), []).append((2, t.start, t.end))
    for key, n, s, e in _ordinal_lists(view):
        out.setdefault(key, []).append((n, s, e))
    return out


def _ordinal(word: str) -> int | None:
    if word in L.ORDINALS:
        return L.ORDINALS[word]
    if word[:1] in "وف" and word[1:] in L.ORDINALS:
        return L.ORDINALS[word[1:]]
    return None


def _ordinal_lists(view: TextView) -> Iterator[tuple[str, int, int, int]]:
    """"الاتفاقية الأولى ... والثانية ... الثالثة" in one paragraph: (key, highest ordinal, its span)."""
    toks = view.tokens
    for i in range(len(toks) - 1):
        if _ordinal(toks[i + 1].norm) != 1 or not L.strip_proclitics(toks[i].norm, 3)[1]:
            continue
        key = unit_key(toks[i].norm)
        para_end = _paragraph_end(view, toks[i].start)
        best = None
        for j in range(i + 2, len(toks)):
            if toks[j].start >= para_end:
                break
            n = _ordinal(toks[j].norm)
            if n and n > 1 and (best is None or n > best[0]):
                best = (n, toks[j].start, toks[j].end)
        if best:
            yield key, best[0], best[1], best[2]


def _paragraph_end(view: TextView, pos: int) -> int:
    for p in view.paragraphs:
        if p.start <= pos < p.end:
            return p.end
    return len(view.text)
