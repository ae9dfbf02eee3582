"""Teams and organisations: a club or a named body in the title that the story never names, while its opening
names another one of the same kind.

Clubs come from our own lexicon (``data/clubs.txt``: each club's usual name and the other names newsrooms use),
matched as whole words after proclitics (للترجي، والنجم الساحلي), longest name first, and only in sports copy
(``data/sports_words.txt``: two such words in the title and the body's opening), since many club names are also
ordinary words (الهلال، النصر، الوحدة). A title club is covered when the body names it by any of its names, or
repeats the words the title used for it (الأهلي in "الأهلي السعودي"); it conflicts when the body's opening (the
first 160 words) names only other clubs. Known limits: clubs outside the lexicon are invisible, and a club the
body names only by a nickname (شيخ الأندية) reads as absent.

Organisations, companies, parties and ministries come from ``data/organisations.txt`` (each with its class, its
names and the body it is part of), matched the same way in any copy. A title's body is covered when the story
names it, a body of its family (مجلس الأمن / الأمم المتحدة), or a distinctive word of its names (الشغل for اتحاد
الشغل, or a body word that begins with one: الأممية; not heads such as منظمة، حزب، وزارة, nor places: تونس in
نداء تونس); it conflicts when the body's first two sentences, which restate the headline, name another body of
its class (title "صندوق النقد الدولي", body "البنك الدولي"; title "وزارة النقل", body
"وزارة الثقافة"). Known limits: bodies outside the lexicon are invisible, and a body the story names only by a
common noun (المنظمة، الحزب) reads as absent, so that case is flagged only when a rival is named.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import compress
from typing import NamedTuple

from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.data import fields, words
from ..arabic.memo import WordMemo
from ..arabic.normalize import norm
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import LEAD_TOKENS, Context, bare, hit, opening
from .words import place_lookup

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.team_mismatch", "warning",
        "الفريق في العنوان «{text}» لا يرد في النص، الذي يذكر {body}: تحقّق من اسم الفريق.",
        "The title's team “{text}” is not in the body, which names {body}: check the team.",
        "A club named in the title that the body never names, while the body's opening names other clubs.",
    ),
    Rule(
        "consistency.organisation_mismatch", "warning",
        "الجهة في العنوان «{text}» لا ترد في النص، الذي يذكر {body}: تحقّق من اسم الجهة.",
        "The title's organisation “{text}” is not in the body, which names {body}: check the name.",
        "An organisation, company, party or ministry named in the title that the body never names, while the "
        "body's opening names another one of the same kind.",
    ),
)

_SPORTS_WORDS = 2  # sports words in the title and the body's opening that make a text sports copy


class Club(NamedTuple):
    start: int
    end: int
    club: str  # the club's usual name, normalised
    words: str  # the words matched, normalised and space-separated
    token: int


@cache
def _names() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word of a name -> (the name's words, the club), longest names first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in fields("clubs"):
        club = norm(row[0])
        for name in (row[0], *(row[1].split("،") if len(row) > 1 else ())):
            parts = tuple(norm(w) for w in name.split())
            if parts:
                out.setdefault(parts[0], []).append((parts, club))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in out.items()}


def _heads(w: str) -> tuple[str, ...]:
    """The word as written and without its proclitics, the article restored after لل (للترجي -> الترجي)."""
    bare, had_article = strip_proclitics(w, 3)
    return (w, "ال" + bare) if had_article else (w, bare)


_STARTS: dict[int, tuple[dict[str, tuple[tuple[tuple[str, ...], str], ...]], WordMemo[bool]]] = {}


def _starts_memo(names: dict[str, tuple[tuple[tuple[str, ...], str], ...]]) -> WordMemo[bool]:
    """word -> whether one of its heads begins a name of ``names`` (a lexicon made once and kept, so its memo
    is kept beside it; the lexicon itself is held too, so its id is never another's)."""
    entry = _STARTS.get(id(names))
    if entry is None or entry[0] is not names:
        entry = _STARTS[id(names)] = (names, WordMemo(lambda w: any(h in names for h in _heads(w))))
    return entry[1]


def find_clubs(view: TextView) -> list[Club]:
    """Every lexicon club in the field, longest name first."""
    return _find(view, _names())


def _find(view: TextView, names: dict[str, tuple[tuple[tuple[str, ...], str], ...]]) -> list[Club]:
    """Every name of a lexicon (first word -> (words, key)) in the field, longest name first."""
    toks = view.tokens
    # Only a word one of whose heads begins a name can start one: the field's distinct words are read once (each
    # word's answer kept for the lexicon, so a known word is one dict lookup, in C), and the scan jumps from one
    # such word to the next.
    starts = _starts_memo(names)
    vocabulary = list(view.vocabulary)
    first = set(compress(vocabulary, map(starts.__getitem__, vocabulary)))
    if not first:
        return []
    out: list[Club] = []
    i = 0
    norms = view.norms
    for k in compress(range(len(norms)), map(first.__contains__, norms)):
        if k < i:
            continue  # inside the name found before
        i = k
        found = None
        for head in _heads(toks[i].norm):
            for parts, club in names.get(head, ()):
                n = len(parts)
                if i + n <= len(toks) and all(toks[i + k].norm == p for k, p in enumerate(parts[1:], 1)):
                    found = Club(toks[i].start, toks[i + n - 1].end, club, " ".join(parts), i)
                    break
            if found:
                break
        if found:
            out.append(found)
            i += len(found.words.split())
    return out


_GENERIC = frozenset(norm(w) for w in ("الرياضي", "الرياضية", "نادي", "النادي"))


def _distinctive(club: Club) -> list[str]:
    """The words of a matched name that name this club rather than any (الجرجيسي، قردان; not الترجي، اتحاد)."""
    words = [bare(w) for w in club.words.split()]
    return [b for b in words if b not in L.CLUB_NOUNS and b not in _GENERIC] or words


def _nisba(w: str) -> bool:
    """A definite adjective of relation (الجرجيسي، التونسي): it makes the name before it another club's."""
    return w[:2] == "ال" and w.endswith(("ي", "يه")) and len(w) >= 6


def _sports(view: TextView, limit: int | None = None) -> int:
    table = words("sports_words")
    return sum(1 for t in view.tokens[:limit] if t.norm in table or strip_proclitics(t.norm, 3)[0] in table)


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    yield from _organisations(ctx)
    yield from _teams(ctx)


def _teams(ctx: Context) -> Iterator[Hit]:
    title = find_clubs(ctx.title)
    if not title or _sports(ctx.title) + _sports(ctx.body, LEAD_TOKENS) < _SPORTS_WORDS:
        return
    body = find_clubs(ctx.body)
    body_words = {bare(t.norm) for t in ctx.body.tokens}
    title_clubs = {m.club for m in title}
    btoks = ctx.body.tokens
    for t in title:
        if any(b.club == t.club for b in body) or any(w in body_words for w in _distinctive(t)):
            continue  # named, or its own word is there (الترجي الرياضي الجرجيسي for الترجي الجرجيسي)
        rivals: dict[str, Club] = {}
        for b in body:
            end = b.token + len(b.words.split())
            if b.token < LEAD_TOKENS and b.club not in title_clubs \
                    and not (end < len(btoks) and btoks[end].start - btoks[end - 1].end <= 1
                             and _nisba(btoks[end].norm)):
                rivals.setdefault(b.club, b)  # not a name read short (الترجي الرياضي الجرجيسي)
        if not rivals:
            continue
        shown = list(rivals.values())[:3]
        names = "، ".join(ctx.body.text[r.start:r.end] for r in shown)
        yield hit("consistency.team_mismatch", "title", t.start, t.end, [("body", r.start, r.end) for r in shown],
                  context=names, body=names)
        return


class _Org(NamedTuple):
    kind: str  # org, party, company, ministry
    family: str  # the umbrella body's key, or its own
    words: frozenset[str]  # distinctive words of its names (bare): any of them in the body covers it


@cache
def entity_lexicon(name: str) -> tuple[dict[str, tuple[tuple[tuple[str, ...], str], ...]], dict[str, _Org]]:
    """From ``data/NAME.txt`` (CLASS | usual name | other names | umbrella): first word of a name -> (the name's
    words, the entity's key), longest first; and each entity's class, family and distinctive words (not heads
    such as منظمة، وزارة, places, function words, first names or name particles)."""
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    info: dict[str, _Org] = {}
    heads = words("org_name_heads")
    for row in fields(name):
        kind, usual = row[0], norm(row[1])
        others = [n for n in (row[2].split("،") if len(row) > 2 else ()) if n.strip()]
        distinctive: set[str] = set()
        for full in (row[1], *others):
            parts = tuple(norm(w) for w in full.split())
            if not parts:
                continue
            names.setdefault(parts[0], []).append((parts, usual))
            distinctive.update(bare(w) for w in parts if len(w) > 2 and w not in heads and bare(w) not in heads
                               and place_lookup(w) is None and w not in L.STOPWORDS and w not in L.FIRST_NAMES
                               and w not in L.NAME_PARTICLES)
        family = norm(row[3]) if len(row) > 3 and row[3] else usual
        info[usual] = _Org(kind, family, frozenset(distinctive))
    # a word of two events (قرطاج in أيام قرطاج السينمائية / المسرحية) is neither's own; bodies of other classes
    # keep shared words (الأوروبي names the European Union in a story that never spells it out)
    families: dict[str, set[str]] = {}
    for org in info.values():
        if org.kind == "event":
            for w in org.words:
                families.setdefault(w, set()).add(org.family)
    info = {k: org._replace(words=frozenset(w for w in org.words if len(families.get(w, ())) < 2))
            for k, org in info.items()}
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in names.items()}, info


_POSSESSED = ("ته", "تها", "تهم", "تنا", "تي")


def _own_words(ctx: Context) -> set[str]:
    """The body's words without proclitics, and a possessed feminine noun also as its plain form (وزير داخليته
    -> الداخلية); computed once per draft."""
    if "teams:own_words" not in ctx.cache:
        out = {bare(t.norm) for t in ctx.body.tokens}
        out.update(w[:-len(end)] + "ه" for w in list(out) for end in _POSSESSED if w.endswith(end) and len(w) > 5)
        ctx.cache["teams:own_words"] = out
    return ctx.cache["teams:own_words"]  # type: ignore[return-value]


def _said(own: frozenset[str], body_words: set[str]) -> bool:
    """A distinctive word of the entity in the body, or a body word that begins with one of four letters or
    more (الأممية for الأمم، الأوروبيين for الأوروبي)."""
    return bool(own & body_words) or any(w.startswith(d) for d in own if len(d) >= 4 for w in body_words)


def _organisations(ctx: Context) -> Iterator[Hit]:
    found = entity_conflict(ctx, "organisations", opening(ctx, 2))
    if found is not None:
        t, shown = found
        names = "، ".join(ctx.body.text[r.start:r.end] for r in shown)
        yield hit("consistency.organisation_mismatch", "title", t.start, t.end,
                  [("body", r.start, r.end) for r in shown], context=names, body=names)


def entity_conflict(ctx: Context, lexicon: str, lead: int = LEAD_TOKENS) -> tuple[Club, list[Club]] | None:
    """The first title entity of ``data/LEXICON.txt`` the story never names (by any name, a body of its family or
    a distinctive word) with the rivals of its class the body's opening (its first ``lead`` words) names, or
    None."""
    index, info = entity_lexicon(lexicon)
    title = _find(ctx.title, index)
    if not title:
        return None
    body = _find(ctx.body, index)
    body_words = _own_words(ctx)
    title_keys = {m.club for m in title}
    title_families = {info[k].family for k in title_keys}
    for t in title:
        org = info[t.club]
        if any(b.club == t.club or info[b.club].family in (org.family, t.club) or b.club == org.family
               for b in body) or _said(org.words, body_words):
            continue  # named, by a body of its family, or by its own word (الشغل، الأممي for الأمم)
        rivals: dict[str, Club] = {}
        for b in body:
            other = info[b.club]
            if b.token < lead and other.kind == org.kind and b.club not in title_keys \
                    and other.family not in title_families and b.club not in title_families:
                rivals.setdefault(b.club, b)
        if rivals:
            return t, list(rivals.values())[:3]
    return None
