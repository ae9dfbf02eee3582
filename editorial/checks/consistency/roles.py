"""Roles swapped: the title says one country acts on another, the body says the second acts on the first.

"الصين تتحدى الولايات المتحدة" and "أميركا تتحدى الصين" share every word and every place, yet say opposite
things: which country does what to which is the statement. In the title, a verb in the present tense with a
country (or its capital, or its nationality adjective) before it and another one after it; in the body's
opening sentences, the same verb (by its verb key: تعاقب / عاقبت) with the second country before it and the
first after it, and nowhere in that sentence in the title's order. Verbs of mutual action (التقى، اتفق،
تفاوض، and every verb of the reciprocal form تفاعل) are left out: "مصر تتفاوض مع السودان" and "السودان
يتفاوض مع مصر" say the same. Known limits: people and organisations are not read (only places of the lexicon);
a verb-first sentence (تحدت الصين أميركا), where the actor follows the verb, is never compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arabic.data import keyed
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, Mention, hit, lexeme
from .places import country_of, places_of
from .words import place_lookup

# The module's small word lists, each read by its key (data/roles_words.txt), normalised.
_W = keyed("roles_words")

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.roles_swapped", "warning",
        "العنوان يقول «{text}» بينما يعكس النص الأدوار ({body}): تحقّق من الفاعل.",
        "The title says “{text}” while the body swaps who does what ({body}): check who acts.",
        "One country acts on another in the title, and the other way round in the body (the same verb).",
    ),
)

_REACH = 6  # words between the verb and each of its two countries
_SENTENCES = 2  # the body's opening sentences, where a headline is restated
_SETTINGS = frozenset(_W["SETTINGS"])
# Verbs of mutual action: either order says the same thing.
_MUTUAL = frozenset(lexeme(w) for w in _W["MUTUAL"])


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    title_places = _countries(ctx.title, places_of(ctx, "title"))
    if len({c for _, c in title_places}) < 2:
        return
    body_places = _countries(ctx.body, places_of(ctx, "body"))
    if len({c for _, c in body_places}) < 2:
        return
    ttoks = ctx.title.tokens
    for v in range(len(ttoks)):
        if not _verb(ctx.title, v):
            continue
        actor, target = _around(title_places, ctx.title, v)
        if not actor or not target or actor[1] == target[1]:
            continue
        key = lexeme(ttoks[v].norm)
        found = _reversed(ctx, key, actor[1], target[1], body_places)
        if found is not None:
            b_actor, j, b_target = found
            btoks = ctx.body.tokens
            text = ctx.body.text[b_actor.start:max(btoks[j].end, b_target.end)]
            t_start = actor[0].start
            t_end = max(ttoks[v].end, target[0].end)
            yield hit("consistency.roles_swapped", "title", t_start, t_end, [("body", b_actor.start, b_target.end)],
                      context=text, body=text)
            return


def _countries(view: TextView, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Countries that can act or be acted on: not a setting ("في اليمن"، "باليمن")."""
    toks = view.tokens
    return [(m, c) for m in mentions if (c := country_of(m))
            and not (m.token and toks[m.token - 1].norm in _SETTINGS) and not _with_bi(toks[m.token].norm)]


def _with_bi(w: str) -> bool:
    """"باليمن"، "بمصر": the preposition "بـ" on a place (بكين and بغداد begin with the letter itself)."""
    return w[:1] == "ب" and place_lookup(w[1:]) is not None


def _verb(view: TextView, i: int) -> bool:
    """A verb in the present tense (يعاقب، تتحدى), not of mutual action nor of the reciprocal form."""
    w = view.tokens[i].norm
    if w[:1] not in ("ي", "ت") or len(w) < 4 or not w.isalpha() or w.endswith(("ه", "ات")) \
            or (view.tokens[i].text.endswith("ي") and place_lookup(w) is not None):
        return False  # nouns and adjectives in ت: تكنولوجية، تحركات، a nationality (تونسي); تشتكي is a verb
    if w[:1] == "ت" and ((len(w) == 5 and w[3] == "ي") or w[-1] == "ت"):
        return False  # a verbal noun تفعيل (تقرير، تعيين), a past tense تعرضت
    key = lexeme(w)
    stem = w[1:]
    return key not in _MUTUAL and not (stem[:1] == "ت" and stem[2:3] == "ا")  # تتبادل، يتفاوض: mutual


def _around(places: list[tuple[Mention, str]], view: TextView, v: int
            ) -> tuple[tuple[Mention, str] | None, tuple[Mention, str] | None]:
    """The nearest country before the verb and the first after it, each within ``_REACH`` words, in the verb's
    sentence."""
    sentence = _sentence_bounds(view, v)
    before = [p for p in places if sentence[0] <= p[0].token < v and v - p[0].token <= _REACH]
    after = [p for p in places if v < p[0].token <= min(sentence[1], v + _REACH)]
    return (before[-1] if before else None), (after[0] if after else None)


def _sentence_bounds(view: TextView, i: int) -> tuple[int, int]:
    """First and last token index of the sentence holding token i."""
    start = view.tokens[i].start
    for s in view.sentences:
        if s.start <= start < s.end and s.tokens:
            return s.tokens[0].index, s.tokens[-1].index
    return 0, len(view.tokens) - 1


def _reversed(ctx: Context, key: str, actor: str, target: str, places: list[tuple[Mention, str]]
              ) -> tuple[Mention, int, Mention] | None:
    """In the body's opening sentences, the same verb with the title's target before it and its actor after
    it, and never in the title's order in that sentence."""
    for sentence in ctx.body.sentences[:_SENTENCES]:
        hits = []
        for t in sentence.tokens:
            j = t.index
            if lexeme(t.norm) != key or not _verb(ctx.body, j):
                continue
            b_actor, b_target = _around(places, ctx.body, j)
            if not b_actor or not b_target:
                continue
            if b_actor[1] == actor and b_target[1] == target:
                hits = []
                break  # the title's own statement is here
            if b_actor[1] == target and b_target[1] == actor:
                hits.append((b_actor[0], j, b_target[0]))
        if hits:
            return hits[0]
    return None
