"""Teams: a club in the title that the body never names, in sports copy whose opening names other clubs.

Clubs come from our own lexicon (``data/clubs.txt``: each club's usual name and the other names newsrooms use),
matched as whole words after proclitics (للترجي، والنجم الساحلي), longest name first, and only in sports copy
(``data/sports_words.txt``: two such words in the title and the body's opening), since many club names are also
ordinary words (الهلال، النصر، الوحدة). A title club is covered when the body names it by any of its names, or
repeats the words the title used for it (الأهلي in "الأهلي السعودي"); it conflicts when the body's opening (the
first 160 words) names only other clubs. Known limits: clubs outside the lexicon are invisible, and a club the
body names only by a nickname (شيخ الأندية) reads as absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.data import fields, words
from ..arabic.normalize import norm
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import LEAD_TOKENS, Context, bare, hit

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.team_mismatch", "warning",
        "الفريق في العنوان «{text}» لا يرد في النص، الذي يذكر {body}: تحقّق من اسم الفريق.",
        "The title's team “{text}” is not in the body, which names {body}: check the team.",
        "A club named in the title that the body never names, while the body's opening names other clubs.",
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


def find_clubs(view: TextView) -> list[Club]:
    """Every lexicon club in the field, longest name first."""
    toks = view.tokens
    names = _names()
    out: list[Club] = []
    i = 0
    while i < len(toks):
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
        else:
            i += 1
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
