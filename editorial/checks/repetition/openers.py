"""Sentences that keep opening the same way («كما دعت... كما دعت... كما دعت...», «وتأتي هذه...» again).

Three patterns: three consecutive sentences (or paragraphs) opening with the same two words (or with the same
verb, such as وأضاف); a two-word opener that carries a content word used three times or more anywhere in the
article; and one speaker introduced again and again behind varied conjunctions («وأضاف المتحدث... ثم أضاف
المتحدث... وقد أضاف المتحدث»), counted at sentence starts and at clause starts inside a sentence (a conjunction
then a reporting verb: the splitter cannot see a clause boundary without its full stop). Conjunctions and the
particle قد before the real opener are one class (``data/opener_conjunctions.txt``): varying them does not
vary the sentence. Glue openers (و، في، كما أن) alone, list lines and quoted sentences are not counted as
sentence openers; a reporting clause is counted wherever it stands outside a quotation.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress
from operator import and_, eq
from typing import NamedTuple

from ..arabic import Sentence, Token
from ..arabic.clitics import CONJUNCTION_LETTERS, has_article
from ..arabic.memo import WordMemo
from ..types import Hit
from .lexicon import ATTRIBUTION_VERBS, ENTITY_HEADS, OPENER_CONJUNCTIONS, OPENER_GLUE, REPORTING_VERBS
from .prep import MAX_RELATED, Body, is_function, is_number
from .rules import REPEATED_OPENER

RUN = 3
HEADING_WORDS = 6
VARIED_PER = 400  # words in which one opener behind two different conjunctions three times is a habit
MAX_CONJUNCTIONS = 2  # "و قد أضاف": at most this many conjunction tokens before the real opener


class Opener(NamedTuple):
    sentence: Sentence
    tokens: Sequence[Token]  # from the opener's first token (its conjunction, if any) to the sentence's end
    skip: int  # leading conjunction tokens
    key: tuple[str, ...]  # up to three words after the conjunctions (a و/ف letter taken off the first)
    conj: str  # the conjunctions, as written but joined ("وقد"، "كما"، "و"), "" for none


def _opener(s: Sentence, tokens: Sequence[Token]) -> Opener | None:
    words = [t.norm for t in tokens[:MAX_CONJUNCTIONS + 3]]
    skip = 0
    while skip < MAX_CONJUNCTIONS and skip < len(words) - 1 and words[skip] in OPENER_CONJUNCTIONS:
        skip += 1
    form = "".join(words[:skip])
    key = words[skip:skip + 3]
    if not key:
        return None
    if len(key[0]) >= 4 and key[0][0] in CONJUNCTION_LETTERS:
        form += key[0][0]
        key[0] = key[0][1:]
    return Opener(s, tokens, skip, tuple(key), form)


def _openers(body: Body) -> list[Opener]:
    """Each sentence's opener: its opening words without the conjunction ("كما أكد"، "فأكد"، "وقد أكد" and
    "وأكد" all open with أكد)."""
    out = []
    formula = body.formula_sentences
    for k, s in enumerate(body.view.sentences):
        if len(s.tokens) < 4 or k in formula or body.in_list(s) or body.in_quote(s.tokens[0].start):
            continue
        o = _opener(s, s.tokens)
        if o is None or _heading(body, s, o.key[0]):
            continue
        out.append(o)
    return out


def _clauses(body: Body) -> list[Opener]:
    """Reporting clauses that open after a conjunction inside a sentence («... وأضاف المتحدث أن»، «... ثم قال
    الوزير إن») or at the start of a list line, outside quotations and a digest's per-item lines."""
    out = []
    formula = body.formula_sentences
    sents, norms, sentence_of = body.view.sentences, body.view.norms, body.sentence_of
    # the tokens that may open a clause (a conjunction, or و/ف glued to a reporting verb), picked out in C, in
    # text order: the same visits as walking every sentence's tokens
    for g in compress(range(len(norms)), map(_CLAUSE_STARTS.__getitem__, norms)):
        if not any(map(_MAY_REPORT.__getitem__, norms[g:g + MAX_CONJUNCTIONS + 1])):
            continue  # no reporting verb where the opener's first word can be (below: ``o.key[0]``)
        k = sentence_of[g]
        if k < 0 or k in formula:
            continue
        s = sents[k]
        toks = s.tokens
        i = g - toks[0].index
        # a list line's own start too: a speaker introduced in a list item is not the list's format
        if i >= len(toks) - 1 or (i == 0 and not body.in_list(s)):
            continue
        if i and norms[g - 1] in OPENER_CONJUNCTIONS:
            continue  # inside a run of conjunctions ("و قد"): the run is taken from its first one
        o = _opener(s, toks[i:])
        if o is not None and o.conj and len(o.key) >= 2 and o.key[0] in REPORTING_VERBS \
                and not body.in_quote(toks[i].start):
            out.append(o)
    return out


def _clause_start(w: str) -> bool:
    return w in OPENER_CONJUNCTIONS or (len(w) >= 4 and w[0] in CONJUNCTION_LETTERS and w[1:] in REPORTING_VERBS)


_CLAUSE_STARTS = WordMemo(_clause_start)


def _may_report(w: str) -> bool:
    """``w`` can be an opener's first word that is a reporting verb (``_opener`` takes a و/ف letter off a word of
    four letters or more)."""
    return w in REPORTING_VERBS or (len(w) >= 4 and w[0] in CONJUNCTION_LETTERS and w[1:] in REPORTING_VERBS)


_MAY_REPORT = WordMemo(_may_report)


def _heading(body: Body, s: Sentence, first: str) -> bool:
    """A section heading of a digest or a programme ("في مجال الصحة: ..."): a colon in its first words, which
    are not a speaker introduced ("وأضاف: ...")."""
    end = s.tokens[min(len(s.tokens), HEADING_WORDS) - 1].end
    return ":" in body.view.text[s.start:end] and not _reporting(first)


def _span(o: Opener, n: int) -> tuple[int, int]:
    return o.tokens[0].start, o.tokens[min(len(o.tokens), o.skip + n) - 1].end


def _hit(body: Body, group: list[Opener], n: int) -> Hit:
    """Point at the opener that makes the repetition noticeable (the third); the others are related."""
    o = group[min(RUN, len(group)) - 1]
    related = [("body", *_span(g, n)) for g in group if g is not o][:MAX_RELATED]
    start, end = _span(o, n)
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


def _runs(body: Body, items: list[Opener], n: int) -> Iterator[list[Opener]]:
    run: list[Opener] = []
    prev: tuple[str, ...] | None = None
    for o in [*items, None]:
        k = o.key[:n] if o is not None else None
        if k is not None and k == prev:
            run.append(o)
            continue
        if len(run) >= RUN and prev is not None and _meaningful(prev) and not body.allowed & {" ".join(prev)} \
                and not (n == 1 and prev[0] in ATTRIBUTION_VERBS and _new_voices(body, run)):
            yield run
        run, prev = ([o] if o is not None else []), k


def _varied(group: list[Opener], limit: int) -> bool:
    """One opener behind conjunctions the writer varies: three different ones (وأضاف، كما أضاف، ثم أضاف), or two
    different ones over ``limit`` openers (three in up to 400 words, more in proportion). A speaker named again
    now and then in a long piece, mostly behind the plain و (وقال الحريري ×3، كما قال الحريري), is how a report
    returns to its source."""
    forms = len({o.conj for o in group})
    return forms >= RUN or (forms >= 2 and len(group) >= limit)


def _speaker(body: Body, o: Opener) -> str | None:
    """The word that follows a reporting verb when it names who speaks (وقالت مسؤولة، وقال روبرت), else None (وقال
    إن، وأضاف: «...»: the same speaker going on)."""
    k = o.skip + 1
    if k >= len(o.tokens):
        return None
    t = o.tokens[k]
    if is_function(t.norm) or is_number(t.norm) or body.in_quote(t.start) \
            or ":" in body.view.text[o.tokens[k - 1].end:t.start]:
        return None
    return t.stem


def _new_voices(body: Body, run: list[Opener]) -> bool:
    """A run of one attribution verb behind one conjunction (وقال... وقال... وقال...) where each sentence names
    another speaker, with at most one going on without a name: how a report gives several voices, not a habit. The same speaker
    introduced again, or speaking on through several sentences (وأضاف أن... وأضاف أن...), is still a run."""
    if len({o.conj for o in run}) > 1:
        return False  # وأكد المدير... فأكد الممرض... كما أكد الحارس: the conjunction varied, the verb kept
    speakers = [_speaker(body, o) for o in run]
    named = [w for w in speakers if w is not None]
    return len(named) >= len(run) - 1 and len(set(named)) == len(named)


def repeated_openers(body: Body) -> Iterator[Hit]:
    items = _openers(body)
    flagged: set[int] = set()  # start offsets of the openers already in a finding

    def fresh(group: list[Opener]) -> bool:
        starts = {o.tokens[0].start for o in group}
        if flagged & starts:
            return False
        flagged.update(starts)
        return True

    # consecutive sentences, then the first sentences of consecutive paragraphs
    firsts = [o for k, o in enumerate(items) if k == 0 or items[k - 1].sentence.paragraph != o.sentence.paragraph]
    allowed = body.allowed
    for sequence in (items, firsts):
        # a run of any length of key needs RUN consecutive openers with one first word (tested in C): most texts
        # have none, and ``_runs`` then yields nothing for any n
        heads = [o.key[0] for o in sequence]
        same = list(map(eq, heads, heads[1:]))
        if not any(map(and_, same, same[1:])):
            continue
        for n in (3, 2, 1):
            for run in _runs(body, sequence, n):
                if fresh(run):
                    yield _hit(body, run, n)
    # the same opener behind different conjunctions ("وأضاف المتحدث"، "ثم أضاف المتحدث"، "وقد أضاف المتحدث"),
    # anywhere in the text: varying only the conjunction is the habit, even for a speaker introduced again
    by_opener: dict[tuple[str, ...], dict[int, Opener]] = defaultdict(dict)
    for o in [*items, *_clauses(body)]:
        if len(o.key) >= 2 and _meaningful(o.key[:2]) and (not allowed or " ".join(o.key[:2]) not in allowed):
            by_opener[o.key[:2]].setdefault(o.tokens[0].start, o)
    for found in by_opener.values():
        if len(found) < RUN:
            continue
        group = [found[k] for k in sorted(found)]
        if _varied(group, max(RUN, math.ceil(RUN * len(body.view.tokens) / VARIED_PER))) \
                and fresh(group):
            yield _hit(body, group, 2)
    limit = max(RUN, math.ceil(RUN * len(body.view.tokens) / 600))
    for n in (3, 2):
        by_key: dict[tuple[str, ...], list[Opener]] = defaultdict(list)
        for o in items:
            if len(o.key) >= n and _habit(o.key[:n]) and (not allowed or " ".join(o.key[:n]) not in allowed):
                by_key[o.key[:n]].append(o)
        for group in by_key.values():
            if len(group) >= limit and fresh(group):
                yield _hit(body, group, n)
