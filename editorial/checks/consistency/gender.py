"""Gender of the people a role noun names (their count is checked in ``counts``).

Title vs body: "رئيسة المحكمة الاقتصادية" while the body has "رئيس المحكمة الاقتصادية" (the same office with
the other gender) is an error; a feminine dual (سفيرتي تركيا ولبنان) for a man and a woman is one too, while
the masculine dual for a mixed pair is correct Arabic and never flagged. Inside the body, one person (the
same office) given both genders, e.g. a male Lebanese ambassador inside "السفيرتين التركية واللبنانية", is
flagged. Known limits:
offices are compared by their first two words; a role noun spelled with ه instead of ة is treated as unknown
gender (it may be a pronoun: رئيسه).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arabic import lexicon as L
from ..arabic.data import keyed
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, hit
from .people import Role, find_roles

# The module's small word lists, each read by its key (data/gender_words.txt), normalised.
_W = keyed("gender_words")

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.gender_mismatch", "error",
        "صيغة «{text}» في العنوان تخالف جنس الشخص نفسه في النص («{body}»): صحّح التذكير أو التأنيث.",
        "“{text}” in the title gives the person another gender than the body (“{body}”): fix the gender.",
        "A role noun in the title with the other gender than the body's role noun for the same office.",
    ),
    Rule(
        "consistency.body_gender_conflict", "error",
        "يرد الشخص نفسه في النص بصيغتي التذكير والتأنيث: «{text}» و«{body}». وحّد الصيغة.",
        "The same person is given both genders in the body: “{text}” and “{body}”. Make them agree.",
        "Within the body, one office (same role and country/office words) written masculine and feminine.",
    ),
)

_OPPOSITE = {"m": "f", "f": "m"}
# Role nouns spelled like a past-tense verb (طالب "demanded", حاكم "tried", كاتب "wrote to", عامل "treated"):
# without the article, in the body, they are read as verbs when no office follows.
_VERB_SPELLINGS = frozenset(_W["VERB_SPELLINGS"])


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    body_roles = find_roles(ctx.body)
    title_roles = find_roles(ctx.title)
    yield from _title_gender(ctx, title_roles, body_roles)
    yield from _body_gender(ctx, body_roles)


def _same_office(a: Role, b: Role) -> bool:
    return a.lemma == b.lemma and bool(a.office & b.office)


def _title_gender(ctx: Context, title: list[Role], body: list[Role]) -> Iterator[Hit]:
    for t in title:
        if not t.gender or t.count not in (1, 2):
            continue
        same = [b for b in body if b.count == 1 and b.gender and _same_office(t, b)]
        if not same and t.count == 1 and not t.office:
            # no office words to compare (النائبة سعاد ...): the body's every use of the role decides, but for
            # a bare masculine form that is also a verb ("النائب العام طالب بالتقارير": demanded)
            btoks = ctx.body.tokens
            same = [b for b in body if b.count == 1 and b.gender and b.lemma == t.lemma
                    and btoks[b.token].norm not in _VERB_SPELLINGS]
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
