"""Word-level lexicon lookups (cached) and the per-field index of interesting tokens.

Every consistency check needs only a few kinds of words: numbers, places, role nouns, first names, weekdays,
months, polarity words, ordinals, duals. ``token_index`` classifies each token of a field once (one cached
lookup per distinct word) and lists the positions of each kind, so the checks visit a handful of tokens
instead of walking the whole text again; this keeps the family at a few milliseconds per article.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import compress

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.clitics import PROCLITICS, strip_proclitics
from ..arabic.memo import WordMemo
from ..arabic.numbers import starts_number
from ..arabic.stem import light_stem, without_accusative_alif
from ..arabic.tokens import TextView

NUM, PLACE, ROLE, NAME, HONOR, DAY, MONTH, POLAR, ORD, FDUAL, DEFNUM, NEG = (1 << k for k in range(12))
_KINDS = (NUM, PLACE, ROLE, NAME, HONOR, DAY, MONTH, POLAR, ORD, FDUAL, DEFNUM, NEG)
_MONTH_HEADS = frozenset(m.split()[0] for m in L.MONTHS)


@lru_cache(maxsize=65536)
def place_lookup(word: str) -> tuple[str, str] | None:
    """(kind, key) of a normalised word with any proclitics, or None."""
    cands = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            # "لل" is "ل" + "ال": the definite form first (للسعودية is the country, not the adjective سعودية)
            if p.endswith(("ال", "لل")):
                cands.append("ال" + rest)
            cands.append(rest)
    tables = L.places()
    for c in cands:
        if c in tables.cities and c not in tables.countries:
            return "city", tables.cities[c][0]
        if c in tables.countries:
            return "country", tables.countries[c]
        if c in tables.adjectives:
            return "adjective", tables.adjectives[c]
    return None


@lru_cache(maxsize=65536)
def maybe_place(word: str) -> bool:
    first = strip_proclitics(word, 2)
    heads = (word, first[0], "ال" + first[0])
    return place_lookup(word) is not None or any(h in L.places().multiword for h in heads)


@lru_cache(maxsize=65536)
def role_word(w: str) -> tuple[str, str, int] | None:
    for cand in (w, *(w[len(p):] for p in PROCLITICS if w.startswith(p) and len(w) - len(p) >= 3)):
        if cand in L.ROLE_FORMS:
            return L.ROLE_FORMS[cand]
    return None


@lru_cache(maxsize=65536)
def place_key(word: str) -> str | None:
    found = place_lookup(word)
    return None if found is None else "@" + found[1]


@lru_cache(maxsize=65536)
def weekday(word: str) -> int | None:
    if word in L.WEEKDAYS:
        return L.WEEKDAYS[word]
    for p in ("و", "ف", "ب", "ل"):
        if word.startswith(p) and word[len(p):] in L.WEEKDAYS:
            return L.WEEKDAYS[word[len(p):]]
    return None


@lru_cache(maxsize=65536)
def word_sides(w: str) -> tuple[tuple[str, int], ...]:
    """The (pair, side) of each opposite-outcome pair the word belongs to (data/polarity.txt)."""
    table = L.polarity()
    if w in _OUTCOME_ENTITIES or (w[:1] in ("و", "ف", "ب", "ل") and w[1:] in _OUTCOME_ENTITIES):
        return ()  # "المعارضة" names the opposition, not an act of opposing
    bare_w = strip_proclitics(w, 3)[0]
    plural = bare_w[:-2] if bare_w.endswith(("وا", "ون")) and len(bare_w) >= 5 else ""  # دعموا، يرفضون
    found = [table[c] for c in (w, bare_w, light_stem(w), without_future(w), without_accusative_alif(bare_w), plural)
             if c in table]
    # every pair of every reading: a form listed under one pair (تراجعا) is still a form of the others
    return tuple(dict.fromkeys(side for sides in found for side in sides))


_OUTCOME_ENTITIES = data.words("outcome_entities")


def without_future(w: str) -> str:
    """A present-tense verb behind the future prefix (سيرتفع، وستغلق) without it; other words unchanged."""
    if w[:1] in ("و", "ف") and w[1:2] == "س":
        w = w[1:]
    return w[1:] if w[:1] == "س" and w[1:2] in ("ي", "ت", "ن") and len(w) >= 5 else w


@lru_cache(maxsize=65536)
def negator(w: str) -> str | None:
    """"particle", "verb", "cease" ... (data/negators.txt) for a negation word (with و/ف before it), else None."""
    table = L.negators()
    if w in table:
        return table[w]
    if w[:1] in ("و", "ف") and w[1:] in table and table[w[1:]] != "skip":
        return table[w[1:]]
    core = w[1:] if w[:1] in ("و", "ف") and len(w) > 4 else w
    if core[:1] in ("ل", "ب") and core[1:] in PARTICLE_AFTER_PREPOSITION:
        return "particle"  # "لعدم الترشح"، "بعدم التدخل"، "بألا ننزلق": a negation after a preposition
    if w[:1] in ("ل", "ب") and table.get(w[1:]) in ("verb", "light"):
        # "لتفادي الهبوط" (to avoid the drop), "بإلغاء الرحلات": the verbal noun after a preposition; "لا وجود
        # لأعمال عنف": a light noun after one
        return table[w[1:]]
    # a verb of denial with its object or subject pronoun attached (رفضهم، نفاها، ورفضوه)
    for p in PRONOUNS:
        if w.endswith(p) and len(w) - len(p) >= 3:
            stem = w[: -len(p)]
            stem = stem[1:] if stem[:1] in ("و", "ف") else stem
            if table.get(stem) == "verb" or table.get(stem.removesuffix("و")) == "verb":
                return "verb"
    return None


# negation particles that also stand after "لـ" or "بـ" (لعدم، بعدم، بألا); "لم"، "لن"، "لا" do not ("للا" is no word,
# "لما" when), and "بلا"، "بدون"، "لئلا" are listed as words of their own
PARTICLE_AFTER_PREPOSITION = frozenset(("عدم", "الا"))

PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "كم", "نا")  # attached pronouns, longest first


@lru_cache(maxsize=65536)
def demand_word(w: str) -> bool:
    """A verb or noun of demand or appeal (data/demand_verbs.txt), with proclitics."""
    table = L.demand_words()
    return w in table or strip_proclitics(w, 3)[0] in table


@lru_cache(maxsize=65536)
def ordinal(word: str) -> int | None:
    if word in L.ORDINALS:
        return L.ORDINALS[word]
    if word[:1] in "وف" and word[1:] in L.ORDINALS:
        return L.ORDINALS[word[1:]]
    return None


@lru_cache(maxsize=65536)
def definite_number(word: str) -> int | None:
    """الثلاثة، الأربع ... after a plural noun."""
    if word.startswith("ال") and word[2:] in L.UNIT_WORDS and L.UNIT_WORDS[word[2:]] >= 2:
        return L.UNIT_WORDS[word[2:]]
    return None


@lru_cache(maxsize=65536)
def feminine_dual(word: str) -> str | None:
    """The singular (with ة as ه) of a feminine dual such as اتفاقيتين, or None."""
    w = strip_proclitics(word, 5)[0]
    return w[:-3] + "ه" if len(w) >= 6 and w.endswith(("تين", "تان")) else None


_BROKEN_SINGULARS = frozenset(v for k, v in L.UNIT_LEMMAS.items() if not k.endswith(("ين", "ون", "ات")))


@lru_cache(maxsize=65536)
def masculine_dual(word: str) -> str | None:
    """The singular of a masculine dual (شخصين، يومين) of a noun whose plural is broken, so that the -ين
    ending cannot be a sound plural (مواطنين is a plural, not two citizens)."""
    w = strip_proclitics(word, 5)[0]
    if len(w) >= 5 and w.endswith(("ين", "ان")) and w[:-2] in _BROKEN_SINGULARS:
        return w[:-2]
    return None


@lru_cache(maxsize=65536)
def classify(w: str) -> int:
    """The kinds (bit flags) a normalised word may belong to."""
    flags = 0
    if starts_number(w):
        flags |= NUM
    if maybe_place(w):
        flags |= PLACE
    if role_word(w):
        flags |= ROLE
    if w in L.FIRST_NAMES or (w[:1] == "و" and w[1:] in L.FIRST_NAMES):
        flags |= NAME
    if w in L.HONORIFICS:
        flags |= HONOR
    if weekday(w) is not None:
        flags |= DAY
    if w in L.MONTHS or strip_proclitics(w, 3)[0] in L.MONTHS or w in _MONTH_HEADS:
        flags |= MONTH
    if word_sides(w):
        flags |= POLAR
    if ordinal(w):
        flags |= ORD
    if feminine_dual(w) or masculine_dual(w):
        flags |= FDUAL
    if definite_number(w):
        flags |= DEFNUM
    if negator(w) in ("particle", "verb", "cease"):
        flags |= NEG
    return flags


_CLASSES = WordMemo(classify)  # word -> kinds: a hit is one C-level dict lookup


@cache
def _kinds_of(flags: int) -> tuple[int, ...]:
    return tuple(k for k in _KINDS if flags & k)


def token_index(view: TextView) -> dict[int, list[int]]:
    """kind -> positions of the field's tokens of that kind (computed once per field)."""
    cached = view.__dict__.get("_consistency_index")
    if cached is not None:
        return cached
    index: dict[int, list[int]] = {k: [] for k in _KINDS}
    toks = view.tokens
    flags = list(map(_CLASSES.__getitem__, view.norms))
    for i in compress(range(len(toks)), flags):  # most words have no kind: skip them in C
        for k in _kinds_of(flags[i]):
            index[k].append(i)
    view.__dict__["_consistency_index"] = index
    return index
