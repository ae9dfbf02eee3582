"""Sentences that keep opening the same way («كما دعت... كما دعت... كما دعت...», «وتأتي هذه...» again).

Two patterns: three consecutive sentences (or paragraphs) opening with the same two words (or with the same
verb, such as وأضاف), and a two-word opener that carries a content word used three times or more anywhere in the article.
Glue openers (و، في، كما أن) alone, list lines and quoted sentences are not counted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ..arabic import Sentence
from ..arabic.clitics import CONJUNCTION_LETTERS, has_article
from ..types import Hit
from .lexicon import ENTITY_HEADS, OPENER_CONJUNCTIONS, OPENER_GLUE, REPORTING_VERBS
from .prep import MAX_RELATED, Body, is_function, is_number
from .rules import REPEATED_OPENER

RUN = 3
HEADING_WORDS = 6


def _openers(body: Body) -> tuple[list[tuple[Sentence, tuple[str, ...]]], dict[int, int], dict[int, str]]:
    """Each sentence's opening words without its conjunction ("كما أكد"، "فأكد" and "وأكد" all open with أكد),
    how many leading tokens the conjunction took, and the conjunction itself (both by sentence start)."""
    out, skipped, conj = [], {}, {}
    formula = body.formula_sentences
    for k, s in enumerate(body.view.sentences):
        if len(s.tokens) < 4 or k in formula or body.in_list(s) or body.in_quote(s.tokens[0].start):
            continue
        words = [t.norm for t in s.tokens[:4]]
        skip = 1 if words[0] in OPENER_CONJUNCTIONS else 0
        form = words[0] if skip else ""
        words = words[skip:skip + 3]
        if len(words[0]) >= 4 and words[0][0] in CONJUNCTION_LETTERS:
            form += words[0][0]
            words[0] = words[0][1:]
        if _heading(body, s, words[0]):
            continue
        out.append((s, tuple(words)))
        skipped[s.start], conj[s.start] = skip, form
    return out, skipped, conj


def _heading(body: Body, s: Sentence, first: str) -> bool:
    """A section heading of a digest or a programme ("في مجال الصحة: ..."): a colon in its first words, which
    are not a speaker introduced ("وأضاف: ...")."""
    end = s.tokens[min(len(s.tokens), HEADING_WORDS) - 1].end
    return ":" in body.view.text[s.start:end] and not _reporting(first)


def _hit(body: Body, group: list[Sentence], n: int, skipped: dict[int, int]) -> Hit:
    """Point at the sentence that makes the repetition noticeable (the third); the others are related."""
    def span(g: Sentence) -> tuple[int, int]:
        return g.tokens[0].start, g.tokens[skipped[g.start] + n - 1].end

    s = group[min(RUN, len(group)) - 1]
    related = [("body", *span(g)) for g in group if g is not s][:MAX_RELATED]
    start, end = span(s)
    opener = body.view.text[start:end]
    return Hit(REPEATED_OPENER.id, "body", start, end, related=related, args={"opener": opener}, context=opener)


@lru_cache(maxsize=65536)
def _meaningful(words: tuple[str, ...]) -> bool:
    """An opener worth varying: a reporting verb alone (وأضاف) or a pair with a verb or noun in it."""
    if len(words) == 1:
        return _reporting(words[0]) or not (is_function(words[0]) or is_number(words[0]) or has_article(words[0]))
    if len(words) == 3:
        return not all(is_number(w) for w in words)  # «وفي هذا السياق» three times is a habit
    return not all((w in OPENER_GLUE or is_function(w)) and not _reporting(w) or is_number(w) for w in words)


def _reporting(word: str) -> bool:
    return word in REPORTING_VERBS or (word[:1] in "وف" and word[1:] in REPORTING_VERBS)


@lru_cache(maxsize=65536)
def _habit(words: tuple[str, ...]) -> bool:
    """A two-word opener that is a writing habit wherever it recurs (وتأتي هذه، كما دعت), not a speaker
    introduced again (وقال المسؤول) or a subject named again (وزارة الصحة)."""
    if len(words) == 3:
        return _meaningful(words) and not _reporting(words[0])
    if not _meaningful(words) or _reporting(words[0]) or has_article(words[0]):
        return False
    return not has_article(words[1]) and words[1] not in ENTITY_HEADS


def _runs(body: Body, items: list[tuple[Sentence, tuple[str, ...]]], n: int) -> Iterator[list[Sentence]]:
    run: list[Sentence] = []
    prev: tuple[str, ...] | None = None
    for s, key in items + [(None, None)]:  # type: ignore[list-item]
        k = key[:n] if key else None
        if k is not None and k == prev:
            run.append(s)
            continue
        if len(run) >= RUN and prev is not None and _meaningful(prev) and not body.allowed & {" ".join(prev)}:
            yield run
        run, prev = ([s] if s is not None else []), k
    return


def repeated_openers(body: Body) -> Iterator[Hit]:
    items, skipped, conj = _openers(body)
    flagged: set[int] = set()
    # consecutive sentences, then the first sentences of consecutive paragraphs
    firsts = [(s, key) for k, (s, key) in enumerate(items) if k == 0 or items[k - 1][0].paragraph != s.paragraph]
    for sequence in (items, firsts):
        for n in (3, 2, 1):
            for run in _runs(body, sequence, n):
                if not flagged & {s.start for s in run}:
                    flagged |= {s.start for s in run}
                    yield _hit(body, run, n, skipped)
    # the same opener behind different conjunctions ("وأضاف المتحدث"، "ثم أضاف المتحدث"، "كما أضاف المتحدث"),
    # anywhere in the text: varying only the conjunction is the habit, even for a speaker introduced again
    by_opener: dict[tuple[str, ...], list[Sentence]] = defaultdict(list)
    for s, key in items:
        if len(key) >= 2 and _meaningful(key[:2]) and " ".join(key[:2]) not in body.allowed:
            by_opener[key[:2]].append(s)
    for group in by_opener.values():
        if len(group) >= RUN and len({conj[s.start] for s in group}) >= 2 and not flagged & {s.start for s in group}:
            flagged |= {s.start for s in group}
            yield _hit(body, group, 2, skipped)
    limit = max(RUN, math.ceil(RUN * len(body.view.tokens) / 600))
    for n in (3, 2):
        by_key: dict[tuple[str, ...], list[Sentence]] = defaultdict(list)
        for s, key in items:
            if len(key) >= n and _habit(key[:n]) and " ".join(key[:n]) not in body.allowed:
                by_key[key[:n]].append(s)
        for group in by_key.values():
            if len(group) >= limit and not flagged & {s.start for s in group}:
                flagged |= {s.start for s in group}
                yield _hit(body, group, n, skipped)
