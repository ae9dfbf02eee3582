"""Swapped word: the body restates the title's sentence word for word but for one word, replaced by another.

A contradiction built by swapping one thing for another (a team, a product, a year, an animal, an office ...)
keeps every other word of the statement. The title's content words are aligned with each of the body's first
sentences (word keys: no clitics, no plural or feminine ending); when at least three words and half of the
title match in order, at most two words are added or dropped inside the restated stretch (the rest of a
longer body sentence around it does not count), and exactly one title word stands where the body
has another, the pair is reported: unless the two are forms of one word (shared stem, close spelling), listed
as near-synonyms (``data/swap_synonyms.txt`` and the repetition family's synonym groups), or the body also uses
the title's word elsewhere. The two words are definite nouns, names after the same head of a named entity
(جائزة، شركة، مهرجان; ``data/proper_name_heads.txt``), two members of one closed class of the lexicons
(two occupations: معلمين / أطباء; two places; two colours, charges, creative works, kin, continents ... of
``data/swap_classes.txt``: أغنية / فيلم), or two names: rare words in general Arabic (wordfreq), not shaped
like verbs, not first names, whose consonant skeletons differ (إريكسون / سامسونغ; غوتيريش / جوتيريس is one
name). Known limits: a synonym that no list knows is reported (a paraphrase that changes exactly one word); a
name of fewer than four consonants is too short to tell from a spelling and is left alone; swaps of two words or
more are not seen here.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from ..arabic import lexicon as L
from ..arabic.clitics import has_article, proclitic_tails
from ..arabic.data import normalized_fields
from ..arabic.numbers import starts_number
from ..arabic.tokens import Token
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, bare, hit, is_content, synonym_groups, word_key
from .teams import _heads as club_heads
from .teams import _names as club_names
from .topic import skeleton, zipf
from .words import place_lookup, role_word

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.swapped_word", "warning",
        "يعيد النص جملة العنوان لكن بكلمة أخرى مكان «{text}» ({body}): تحقّق من أيهما الصحيح.",
        "The body restates the title but with another word in place of “{text}” ({body}): check which is right.",
        "The body repeats the title's statement word for word except one word, replaced by an unrelated one.",
    ),
)

_SENTENCES = 3  # the body's opening sentences, where a headline is restated
_MIN_SAME = 3
_MAX_EXTRA = 2  # words added or dropped around the swap
_RARE = 4.5  # Zipf: rarer than this in general Arabic (wordfreq), both words may be names
_CLOSE = 60  # rapidfuzz ratio at or over which two words are spellings or forms of one word


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    title = _content_words(ctx.title.tokens)
    if len(title) < _MIN_SAME + 1:
        yield from _framed(ctx)
        return
    tkeys = [word_key(t.norm) for t in title]
    for sentence in ctx.body.sentences[:_SENTENCES]:
        body = _content_words(sentence.tokens)
        found = _swap(ctx, title, tkeys, body)
        if found:
            i1, i2, j1, j2 = found
            start, end = body[j1].start, body[j2 - 1].end
            text = ctx.body.text[start:end]
            yield hit("consistency.swapped_word", "title", title[i1].start, title[i2 - 1].end,
                      [("body", start, end)], context=text, body=text)
            return
    found2 = _reworded(ctx)
    if found2 is not None:
        (ts, te), (bs, be) = found2
        text = ctx.body.text[bs:be]
        yield hit("consistency.swapped_word", "title", ts, te, [("body", bs, be)], context=text, body=text)
        return
    yield from _framed(ctx)


# classes whose members a story does not name in passing (a currency, an outlet, a prize ...): the only
# ones read in a reworded restatement, where colours, compass points, kin, sides and charges name other things too
# (البحر الأحمر، كوريا الشمالية، الداخلية، قتل ستة أشخاص)
_REWORDED = frozenset({"currency", "media", "prize", "sector", "work", "hijri"})


def _strict(w: str) -> tuple[str, int] | None:
    """The member a single word names as listed, after at most a conjunction or preposition and the article
    (بالدولار، والأوسكار، لليورو): not after any letter bare() would strip (كردية is no وردية)."""
    for rest in proclitic_tails(w):  # arabic/clitics.NAME_PROCLITICS
        if (m := _FORMS.get(rest)) is not None:
            return m
    return None


def _members_in(tokens: list[Token]) -> list[tuple[tuple[str, int], int, int]]:
    """Every member of a class of ``_REWORDED`` named in tokens, by one, two or three words, the longest first."""
    out = []
    k = 0
    while k < len(tokens):
        for n in (3, 2, 1):
            if k + n > len(tokens):
                continue
            m = _strict(tokens[k].norm) if n == 1 else _phrase(tokens, k, k + n)
            if m is not None and m[0] in _REWORDED:
                out.append((m, k, k + n))
                k += n - 1
                break
        k += 1
    return out


def _reworded(ctx: Context) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A class member of the title put for another in an opening body sentence that restates the title in other
    order or words (أعلى مستوى للدولار هذا العام / سجل اليورو أعلى مستوى له هذا العام): the sentence has most of
    the title's other content words, the title's member is nowhere in the body and the body's member is not in
    the title."""
    ttoks = ctx.title.tokens
    found = _members_in(ttoks)
    if not found:
        return None
    inside = {k for _, a, b in found for k in range(a, b)}
    rest = {word_key(t.norm) for k, t in enumerate(ttoks) if k not in inside and is_content(t)}
    if len(rest) < 2:
        return None
    mine = {m for m, _, _ in found}
    for sentence in ctx.body.sentences[:_SENTENCES]:
        stoks = sentence.tokens
        shared = len(rest & {word_key(t.norm) for t in stoks if is_content(t)})
        if shared < 2 or 3 * shared < 2 * len(rest):
            continue
        theirs = _members_in(stoks)
        for ma, a, b in found:
            if ma in _body_members(ctx):  # read once, cached, only for a sentence that restates the title
                continue
            for mb, c, d in theirs:
                if d - c == 1 and len(bare(stoks[c].norm)) < 4:
                    continue  # قتل، خطف، نصب: the same letters as the verb a story tells with (قتل ثلاثة)
                if mb[0] == ma[0] and mb not in mine:
                    return (ttoks[a].start, ttoks[b - 1].end), (stoks[c].start, stoks[d - 1].end)
    return None


def _content_words(tokens: list[Token]) -> list[Token]:
    """The content words, and the short words of a class member named by several (بي بي سي، سي إن إن)."""
    keep: set[int] = set()
    for k, t in enumerate(tokens):
        if _opens_member(t.norm):
            for n in (2, 3):
                if k + n <= len(tokens) and _CLASSES.get(_key(tokens, k, k + n)) is not None:
                    keep.update(range(k, k + n))
    return [t for k, t in enumerate(tokens) if k in keep or is_content(t)]


@lru_cache(maxsize=65536)
def _opens_member(w: str) -> bool:
    return bare(w) in _FIRSTS


def _framed(ctx: Context) -> Iterator[Hit]:
    """One word put for another between the same two words (نحو منطقة الوداد النفطي / نحو منطقة الهلال
    النفطي), anywhere in the body: two clubs or two members of one closed class, the title's word nowhere in the
    body and the body's nowhere in the title."""
    ttoks = ctx.title.tokens
    if len(ttoks) < 3:
        return
    # The title's frames first: a word the body never uses between two words it does use. Most titles have
    # none, and then the body's words are not walked at all.
    words = ctx.body_words
    wanted: list[tuple[Token, Token, tuple[str, str]]] = []
    for k in range(1, len(ttoks) - 1):
        a, m, b = ttoks[k - 1], ttoks[k], ttoks[k + 1]
        if not (is_content(a) and is_content(b) and is_content(m)) or not _tight(ctx.title.text, a, m, b):
            continue
        if word_key(m.norm) in words or bare(m.norm) in words:
            continue
        frame = (word_key(a.norm), word_key(b.norm))
        if frame[0] in words and frame[1] in words:
            wanted.append((m, a, frame))
    if not wanted:
        return
    keys = {frame for _, _, frame in wanted}
    lefts = {left for left, _ in keys}
    starts = {w for w in ctx.body.vocabulary if word_key(w) in lefts}
    frames: dict[tuple[str, str], list[Token]] = {}
    btoks, norms = ctx.body.tokens, ctx.body.norms
    for k in range(1, len(btoks) - 1):
        if norms[k - 1] not in starts:
            continue
        a, m, b = btoks[k - 1], btoks[k], btoks[k + 1]
        frame = (word_key(a.norm), word_key(b.norm))
        if frame in keys and is_content(a) and is_content(b) and is_content(m) and _tight(ctx.body.text, a, m, b):
            frames.setdefault(frame, []).append(m)
    title_keys = {word_key(t.norm) for t in ttoks}
    for m, a, frame in wanted:
        for x in frames.get(frame, ()):
            if word_key(x.norm) in title_keys or not _pair(m, a, x, a):
                continue
            text = ctx.body.text[x.start:x.end]
            yield hit("consistency.swapped_word", "title", m.start, m.end, [("body", x.start, x.end)],
                      context=text, body=text)
            return


def _club(w: str) -> bool:
    """A club named by one word (الوداد، الهلال; ``data/clubs.txt``)."""
    return any(len(parts) == 1 for head in club_heads(w) for parts, _ in club_names().get(head, ()))


def _tight(text: str, a: Token, m: Token, b: Token) -> bool:
    """Three words with only spaces between them (no punctuation, no quotation mark)."""
    return not text[a.end:m.start].strip() and not text[m.end:b.start].strip()


def _pair(t: Token, t_prev: Token, b: Token, b_prev: Token) -> bool:
    """Title word t and body word b may be one thing put for another: two clubs or two members of one class of
    ``data/swap_classes.txt``; not two forms, spellings or near-synonyms of one word."""
    ca, cb = _CLASSES.get(bare(t.norm)), _CLASSES.get(bare(b.norm))
    if not (_club(t.norm) and _club(b.norm)) and not (ca is not None and cb is not None and ca[0] == cb[0]):
        return False  # two definite nouns or adjectives (التعاون الوثيق / التعاون المثمر), two rare words: paraphrase
    x, y = bare(t.norm), bare(b.norm)
    if x[:3] == y[:3] or ratio(x, y) >= _CLOSE or starts_number(x) or starts_number(y):
        return False
    return synonym_groups(x).isdisjoint(synonym_groups(y)) and not (
        _CLASSES.get(x) is not None and _CLASSES.get(x) == _CLASSES.get(y))


def _swap(ctx: Context, title: list[Token], tkeys: list[str],
          body: list[Token]) -> tuple[int, int, int, int] | None:
    """The title's words i1..i2 and the body's j1..j2 put one for the other, or None."""
    bkeys = [word_key(t.norm) for t in body]
    ops = SequenceMatcher(None, tkeys, bkeys, autojunk=False).get_opcodes()
    # the body's words before and after the restated stretch are the rest of its sentence (يفتح معرض تونس
    # الدولي للكتاب في دورته ...): only words added or dropped inside the stretch count
    while ops and ops[0][0] == "insert":
        ops = ops[1:]
    while ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    same = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal")
    if same < _MIN_SAME or 2 * same < len(tkeys):
        return None
    replaced = [(i1, i2, j1, j2) for op, i1, i2, j1, j2 in ops if op == "replace"]
    other = sum(i2 - i1 + j2 - j1 for op, i1, i2, j1, j2 in ops if op in ("insert", "delete"))
    if len(replaced) != 1 or other > _MAX_EXTRA:
        return None
    i1, i2, j1, j2 = replaced[0]
    if (i2 - i1, j2 - j1) != (1, 1):
        # a member of a class named by one, two or three words (بي بي سي، التحرش الجنسي، الجنيه الإسترليني) put
        # for another member of its class; at the end of the stretch, the body's words after its member are the
        # rest of its sentence (إلى القطاع العام في البلاد)
        ends = [j2] + ([j1 + n for n in (1, 2, 3) if j1 + n < j2] if ops[-1][0] == "replace" else [])
        ca = _span_member(title, i1, i2)
        if ca is None or ca in _body_members(ctx):
            return None
        for end in ends:
            cb = _span_member(body, j1, end)
            if cb is not None and cb[0] == ca[0] and cb != ca:
                return i1, i2, j1, end
        return None
    i, j = i1, j1
    ma, mb = _member(title, i), _member(body, j)
    if ma is not None and ma == mb:
        return None  # two forms of one member of a class (القطاع الحكومي / القطاع العام)
    if ma is not None and ma in _body_members(ctx):
        return None  # the body also names the title's member: the story may mention both
    if not (has_article(title[i].norm) and has_article(body[j].norm)) and not _named(title, i, body, j) \
            and not _same_class(title[i].norm, body[j].norm) and not _names(title[i].norm, body[j].norm) \
            and not (ma is not None and mb is not None and ma[0] == mb[0]):
        return None  # two definite nouns (الذهب / النفط): verbs and descriptions are paraphrased freely
    x, y = bare(title[i].norm), bare(body[j].norm)
    if x[:3] == y[:3] or ratio(x, y) >= _CLOSE or x[:1].isdigit() != y[:1].isdigit() \
            or (starts_number(x) and not x[:1].isdigit()) or (starts_number(y) and not y[:1].isdigit()):
        return None
    if not synonym_groups(x).isdisjoint(synonym_groups(y)) or (_CLASSES.get(x) is not None
                                                               and _CLASSES.get(x) == _CLASSES.get(y)):
        return None  # near-synonyms, or two forms of one member of a class (النفط / البترول)
    if tkeys[i] in ctx.body_words or bkeys[j] in {word_key(t.norm) for t in ctx.title.tokens}:
        return None
    return i, i + 1, j, j + 1



def _same_class(a: str, b: str) -> bool:
    """Two words of one closed class of the lexicons, definite or not: two offices or occupations (معلمين /
    أطباء), two places (مصر / السعودية), two members of a class of ``data/swap_classes.txt`` (أغنية / فيلم،
    بالتحرش / بالسرقة): members of a class stand for each other only when the fact changes."""
    ra, rb = role_word(a), role_word(b)
    if ra is not None and rb is not None:
        return ra[0] != rb[0]
    pa, pb = place_lookup(a), place_lookup(b)
    if pa is not None and pb is not None:
        return pa[1] != pb[1]
    ca, cb = _CLASSES.get(bare(a)), _CLASSES.get(bare(b))
    return ca is not None and cb is not None and ca[0] == cb[0] and ca != cb


def _key(tokens: list[Token], a: int, b: int) -> str:
    """The words a..b as a form of ``data/swap_classes.txt`` is looked up: bare words joined by "_"."""
    return "_".join(bare(t.norm) for t in tokens[a:b])


def _phrase(tokens: list[Token], a: int, b: int) -> tuple[str, int] | None:
    """The member of a class the words a..b name, all of them (سي إن إن، التحرش الجنسي), or None."""
    return _CLASSES.get(_key(tokens, a, b))


def _span_member(tokens: list[Token], a: int, b: int) -> tuple[str, int] | None:
    """The member of a class words a..b name (one to three words), alone or after the word before them (القطاع
    + الخاص)."""
    if not 0 < b - a <= 3:
        return None
    return _phrase(tokens, a, b) or (_phrase(tokens, a - 1, b) if a else None)


def _member(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The member of a class word i names alone or with its neighbour (القطاع الخاص، مهرجان كان)."""
    for a, b in ((i, i + 2), (i - 1, i + 1), (i, i + 1)):
        if a >= 0 and b <= len(tokens) and (found := _phrase(tokens, a, b)) is not None:
            return found
    return None


def _body_members(ctx: Context) -> set[tuple[str, int]]:
    """Every member of a class the body names, by one, two or three words (read only for a found swap)."""
    got = ctx.cache.get("swapped.members")
    if got is None:
        # Each distinct word once; a member of two or three words only from a word that can begin one.
        norms = ctx.body.norms
        bares = {w: bare(w) for w in ctx.body.vocabulary}
        got = {m for b in bares.values() if (m := _CLASSES.get(b)) is not None}
        for k in [k for k, w in enumerate(norms) if bares[w] in _FIRSTS]:
            for n in (2, 3):
                if k + n <= len(norms) and (m := _CLASSES.get("_".join(bares[w] for w in norms[k:k + n]))) is not None:
                    got.add(m)
        ctx.cache["swapped.members"] = got
    return got  # type: ignore[return-value]


def _class_members() -> dict[str, tuple[str, int]]:
    """Each form of ``data/swap_classes.txt`` -> (its class, its member's line); a form of several words is
    written with "_" between them (بي_بي_سي) and looked up by its bare words."""
    out: dict[str, tuple[str, int]] = {}
    for line, (name, forms) in enumerate(normalized_fields("swap_classes")):
        for form in forms.split():
            if "_" in form:
                out.setdefault("_".join(bare(p) for p in form.split("_")), (name, line))
                continue
            # the form as listed and as bare() reads it alone (بترول loses its ب as if a proclitic): a word is
            # looked up by bare(), which keeps بترول whole after ال
            out.setdefault(form, (name, line))
            out.setdefault(bare(form), (name, line))
    return out


_CLASSES = _class_members()
_FORMS = {form: member for form, member in _CLASSES.items() if form in
          {f for _, forms in normalized_fields("swap_classes") for f in forms.split()}}  # as listed
_FIRSTS = frozenset(k.split("_")[0] for k in _CLASSES if "_" in k)  # first words of the members named by several


def _verb_like(word: str) -> bool:
    """A word shaped like a verb (يطال، تكسب، حذرت، حصلوا): verbs are the words a restatement changes most
    freely, and a rare verb form is no name."""
    b = bare(word)
    return b[:1] in ("ي", "ت", "ن") or b.endswith(("وا", "ت"))


def _names(a: str, b: str) -> bool:
    """Two rare words (names: a company, a town), spelled unlike each other even as transliterations (the
    consonant skeletons of the topic check: غوتيريش / جوتيريس share one), four consonants or more each: one name
    put for another."""
    if zipf(a) >= _RARE or zipf(b) >= _RARE or _verb_like(a) or _verb_like(b):
        return False
    if {bare(a), bare(b)} & L.FIRST_NAMES:
        return False  # a person is named by the first name or the family name: people.py compares persons
    ka, kb = skeleton(a), skeleton(b)
    return bool(ka) and bool(kb) and ka != kb  # a short word has no skeleton: too little to tell


def _named(title: list[Token], i: int, body: list[Token], j: int) -> bool:
    """Two names after the same head of a named entity (جائزة بوكر / جائزة غونكور، شركة سامسونغ / شركة هواوي)."""
    if not i or not j:
        return False
    head = bare(title[i - 1].norm)
    heads = L.PROPER_NAME_HEADS
    return head == bare(body[j - 1].norm) and (head in heads or title[i - 1].norm in heads)
