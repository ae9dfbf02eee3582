"""Copy-paste repetition: a word typed twice, a sentence or a paragraph pasted twice.

These are errors: nobody writes them on purpose. Keys are normalised token sequences, so a repeat that only
differs by tashkeel, alef forms or punctuation still counts. Everything is one pass with dictionaries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import compress, pairwise
from operator import eq

from ..arabic import Sentence, TextView, Token
from ..arabic.clitics import CLITIC_LETTERS, has_article
from ..types import Hit
from .lexicon import DOUBLED_NAMES, ENTITY_HEADS, REDUPLICATION, SPELLED_LETTERS
from .prep import FORMULA_MIN, MAX_RELATED, Body, is_function, is_number
from .rules import DOUBLED_WORD, DUPLICATED_PARAGRAPH, DUPLICATED_SENTENCE, REPEATED_WORD

MIN_SENTENCE_TOKENS = 5
MIN_PARAGRAPH_TOKENS = 6
_TANWEEN_FATH = "\u064b"


def _double_kind(a: Token, allowed: frozenset[str]) -> str | None:
    """The rule for a word typed twice: a slip, a possible slip, or None for doubling that is good Arabic."""
    w = a.norm
    if w in REDUPLICATION or w in DOUBLED_NAMES or w in allowed or is_number(w):
        return None
    if _TANWEEN_FATH in a.text or not any("\u0600" <= ch <= "\u06ff" for ch in w):
        return None  # distributive accusative (بيتاً بيتاً), Latin words and codes
    if is_function(w) or w in ENTITY_HEADS or has_article(w) or (w[0] in CLITIC_LETTERS and len(w) >= 5):
        return DOUBLED_WORD.id  # في في، التي التي، الوزير الوزير، بجراح بجراح: a slip
    # A bare indefinite word doubled is often a name (حفيظ حفيظ), a title (سينما سينما) or distributive
    # (فصلاً فصلاً written without tanween), but can be a slip (يضم يضم): worth a look, not an alarm.
    return REPEATED_WORD.id


def _in_acronym(toks: tuple[Token, ...], i: int, j: int) -> bool:
    """"سي إن إن": the doubled word is a letter of an acronym spelled out beside other letters."""
    return (i > 0 and toks[i - 1].norm in SPELLED_LETTERS) or (j + 1 < len(toks) and toks[j + 1].norm in SPELLED_LETTERS)


def doubled_words(view: TextView, body: Body | None, allowed: frozenset[str]) -> Iterator[Hit]:
    toks, norms = view.tokens, view.norms
    prev_end = -1
    # only where a word equals the next one (found in C); the other pairs change nothing below
    for i in compress(range(len(norms) - 1), map(eq, norms, norms[1:])):
        a, b = toks[i], toks[i + 1]
        if view.text[a.end:b.start].strip() or "\n" in view.text[a.end:b.start]:
            continue
        if a.start < prev_end:
            prev_end = b.end
            continue  # «في في في»: one finding for the run
        prev_end = b.end
        rule = _double_kind(a, allowed)
        if rule is None or _in_acronym(toks, a.index, b.index):
            continue
        if body is not None and body.in_quote(a.start) and not is_function(a.norm):
            continue  # a speaker's emphasis is quoted as spoken; a doubled particle is still a slip
        yield Hit(rule, view.field, a.start, b.end, related=[(view.field, a.start, a.end)],
                  args={"word": a.text}, suggestion=a.text)
    yield from _doubled_pairs(view, body)


def _doubled_pairs(view: TextView, body: Body | None) -> Iterator[Hit]:
    """Two words pasted twice (في إطار في إطار): a slip unless it is a name (عبد الله عبد الله)."""
    toks, text, norms = view.tokens, view.text, view.norms
    # only where word i equals word i+2 (found in C) and word i+1 equals word i+3
    for i in compress(range(len(toks) - 3), map(eq, norms, norms[2:])):
        if norms[i + 1] != norms[i + 3]:
            continue
        a, b, c, d = toks[i:i + 4]
        if a.norm == b.norm:
            continue
        if any(text[x.end:y.start].strip() or "\n" in text[x.end:y.start] for x, y in ((a, b), (b, c), (c, d))):
            continue
        if {a.norm, b.norm} & (DOUBLED_NAMES | REDUPLICATION) or is_number(a.norm) or is_number(b.norm):
            continue
        if body is not None and body.in_quote(a.start):
            continue
        word = text[a.start:b.end]
        yield Hit(DOUBLED_WORD.id, view.field, a.start, d.end, related=[(view.field, a.start, b.end)],
                  args={"word": word}, suggestion=word)


def duplicated_paragraphs(body: Body) -> tuple[list[Hit], set[int]]:
    """Hits for pasted paragraphs, and the indexes of the repeated paragraphs (their sentences are covered)."""
    # each paragraph's normalised words: its sentences' keys joined (its tokens are its sentences' tokens)
    words: dict[int, list[str]] = {}
    for s, skey in zip(body.view.sentences, body.sentence_keys):
        words.setdefault(s.paragraph, []).extend(skey)
    first: dict[tuple[str, ...], list[int]] = {}
    allowed = body.allowed
    for idx, ws in words.items():
        key = tuple(ws)
        if len(key) >= MIN_PARAGRAPH_TOKENS and idx not in body.list_paras \
                and (not allowed or " ".join(key) not in allowed):
            first.setdefault(key, []).append(idx)
    paras = body.view.paragraphs
    hits, covered = [], set()
    for idxs in first.values():
        if len(idxs) >= FORMULA_MIN and all(b - a >= 2 for a, b in pairwise(idxs)):
            continue  # a paragraph repeated between the items of a digest is its format
        for later in idxs[1:]:
            p = paras[later]
            related = [("body", paras[i].start, paras[i].end) for i in idxs[:MAX_RELATED + 1] if i != later]
            related = related[:MAX_RELATED]
            hits.append(Hit(DUPLICATED_PARAGRAPH.id, "body", p.start, p.end, related=related))
            covered.update(idxs)
    return hits, covered


def duplicated_sentences(body: Body, covered_paras: set[int]) -> Iterator[Hit]:
    seen: dict[tuple[str, ...], list[Sentence]] = {}
    allowed = body.allowed
    for s, key in zip(body.view.sentences, body.sentence_keys):
        if len(s.tokens) >= MIN_SENTENCE_TOKENS and not body.in_list(s) \
                and (not allowed or " ".join(key) not in allowed):
            seen.setdefault(key, []).append(s)
    formula = {body.view.sentences[k].start for k in body.formula_sentences}
    for group in seen.values():
        if group[0].start in formula:
            continue  # a digest's per-item line
        for later in group[1:]:
            if later.paragraph in covered_paras and group[0].paragraph in covered_paras:
                continue  # already reported as a duplicated paragraph
            related = [("body", s.start, s.end) for s in group[:MAX_RELATED + 1] if s is not later][:MAX_RELATED]
            yield Hit(DUPLICATED_SENTENCE.id, "body", later.start, later.end, related=related)


def repeated_sentences(body: Body) -> set[int]:
    """Indexes of sentences that occur more than once, so the fuzzy passes do not report them again."""
    counts = Counter(body.sentence_keys)
    return {i for i, k in enumerate(body.sentence_keys) if counts[k] > 1}
