"""Places: a city or country in the title that the body never mentions while it names another one.

Places come from our own lexicon (countries with their nationality adjectives, capitals and major cities with
their country, a few towns with their governorate). A title city conflicts when the body never names it (nor a
town of it) but names other cities of the same country (title "صلالة", body "صحار"); a title country
conflicts when the body names no form of it (تركيا / التركي / أنقرة) but names other countries or their
cities in the body's opening, or their adjectives in its first sentence (the first 160 words, where a headline's place is restated). A city after a club
word (ترجي جرجيس، أتلتيكو مدريد) is a team, and a place after the head of a named event (مونديال روسيا، نهائي كييف،
اتفاق باريس) part of its name, unless the preposition ب says where (مصنع بسليانة). The body may spell the place
another way (الفيليبين / الفلبين: the same consonants, four or more, in a word that is no other place nor a name), and a
place in a title's list of three or more is not required when the body tells of another item of the list. A
named crossing, airport, port or bridge (معبر رأس جدير، مطار النفيضة) conflicts when the body never names it but
names another one after the same head (معبر الذهيبة), whether or not the lexicon knows either. A title place
the body never names while it has the same word right before or after another place of the same kind (والي
باجة / والي بنزرت، مستقبل تطاوين / مستقبل قابس، نيس سان جرمان / باريس سان جرمان) conflicts too, even when the
name is ambiguous, a team's or a named thing's: the words around say one place was put for another.
Known limits: places outside the
lexicon are invisible; a body that simply omits the title's place is not flagged unless it names a rival one
(the topic check weighs that case).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.data import fields, words
from ..arabic.normalize import norm
from ..arabic.tokens import TextView
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import LEAD_TOKENS, Context, Mention, _content, hit, opening
from .teams import find_clubs
from .words import PLACE, place_lookup, token_index

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.place_mismatch", "warning",
        "المكان في العنوان «{text}» لا يرد في النص، الذي يذكر {body}: تحقّق من المكان.",
        "The title's place “{text}” is not in the body, which names {body}: check the place.",
        "A title city or country absent from the body while the body names another place of the same kind.",
    ),
)


def find_places(view: TextView) -> list[Mention]:
    """Every lexicon place in a field, longest match first (multi-word names like "سيدي بوزيد")."""
    toks = view.tokens
    out: list[Mention] = []
    done = -1
    for i in token_index(view)[PLACE]:
        if i <= done:
            continue
        m = _multiword(view, i) or _single(view, i)
        if m is not None and m.kind == "city" and i and toks[i - 1].norm in L.CLUB_NOUNS:
            continue  # a team (ترجي جرجيس), not where the story happens
        if m is not None:
            out.append(m)
            done = i + sum(1 for t in toks[i + 1:i + 4] if t.end <= m.end)
    return out


def _multiword(view: TextView, i: int) -> Mention | None:
    toks = view.tokens
    first = strip_proclitics(toks[i].norm, 2)
    for head in {toks[i].norm, first[0], ("ال" + first[0]) if first[1] else first[0]}:
        for parts in L.places().multiword.get(head, ()):
            if i + len(parts) <= len(toks) and all(toks[i + k].norm == p for k, p in enumerate(parts[1:], 1)):
                name = " ".join(parts)
                kind, key = place_lookup(name) or ("city", name)
                return Mention(view.field, toks[i].start, toks[i + len(parts) - 1].end, key, kind, i)
    return None


def _single(view: TextView, i: int) -> Mention | None:
    tok = view.tokens[i]
    found = place_lookup(tok.norm)
    if found is None:
        return None
    kind, key = found
    if kind == "adjective" and tok.text.rstrip()[-1:] == "ى":
        return None  # اليمنى "the right (hand)", not اليمني: a nisba ends in ي
    if kind == "adjective" and i and _club_before(view, i):
        return None  # الزمالك المصري: the club's country, not where the story is
    bare = strip_proclitics(tok.norm, 2)[0]
    if key in L.AMBIGUOUS_CITIES or bare in L.AMBIGUOUS_CITIES:
        prev = view.tokens[i - 1].norm if i else ""
        # trusted after a place noun or "في", or as a dateline opening the field ("الكاف : ...", "صور –"),
        # in the title with the preposition ب when the name is no word after it (بقبلي، بالكاف: in the body
        # such a name would only add rivals), or as an item of a list of places (ليبيا، مالي ومصر)
        dateline = i == 0 and view.text[tok.end:tok.end + 3].strip()[:1] in (":", "–", "-", "(")
        if strip_proclitics(prev, 2)[0] not in L.PLACE_NOUNS and prev not in ("في", "بمدينه") and not dateline \
                and not (view.field == "title" and _place_after_bi(tok.norm)) and not _listed_place(view, i):
            return None
    return Mention(view.field, tok.start, tok.end, key, kind, i)


def _club_before(view: TextView, i: int) -> bool:
    """A lexicon club right before token i (الزمالك المصري، الترجي التونسي)."""
    ends = view.__dict__.get("_places_club_ends")
    if ends is None:
        ends = view.__dict__["_places_club_ends"] = frozenset(
            c.token + len(c.words.split()) for c in find_clubs(view))
    return i in ends


def _place_after_bi(w: str) -> bool:
    """An ambiguous name with the preposition ب that makes no word with it (بقبلي، بباجة، بالكاف; not بصور
    "with pictures" nor بالمدية "with the knife"): ``data/places_after_bi.txt``."""
    if w[:2] in ("وب", "فب"):
        w = w[1:]
    if w[:1] != "ب":
        return False
    rest = w[1:]
    return rest in _AFTER_BI or ("ال" + rest) in _AFTER_BI


_AFTER_BI = words("places_after_bi")


def _listed_place(view: TextView, i: int) -> bool:
    """An ambiguous name next to an unambiguous place in a list (ليبيا، مالي ومصر): a place too."""
    toks = view.tokens
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or b >= len(toks):
            continue
        other = toks[a if a != i else b]
        found = place_lookup(other.norm)
        if found is None or found[1] in L.AMBIGUOUS_CITIES or strip_proclitics(other.norm, 2)[0] in L.AMBIGUOUS_CITIES:
            continue
        between = view.text[toks[a].end:toks[b].start].strip()
        if between in ("،", ",") or (not between and toks[b].norm[:1] == "و"):
            return True
    return False


def places_of(ctx: Context, field: str) -> list[Mention]:
    """The places of a field, computed once per draft."""
    key = "places:" + field
    if key not in ctx.cache:
        ctx.cache[key] = find_places(ctx.view(field))
    return ctx.cache[key]  # type: ignore[return-value]


def covered(ctx: Context, t: Mention) -> bool:
    """The body mentions the title's place (an ambiguous city name counts here even without "مدينة"), or spells
    it another way (الفلبين / الفيليبين، كرواتيا / كراوتيا)."""
    return _covered(t, places_of(ctx, "body")) or (" " not in t.key and t.key in ctx.body_words) \
        or _spelled_otherwise(ctx, t) or any(b.key == t.key for b, _ in _all_places(ctx, "body")) \
        or _transposed(ctx, t)


def _transposed(ctx: Context, t: Mention) -> bool:
    """The body writes the title's place with two neighbouring letters swapped (كراوتيا for كرواتيا), a typo:
    five letters or more, no other place."""
    key = t.key
    if " " in key or len(key) < 5:
        return False
    for w in ctx.body_words:
        for form in (w, strip_proclitics(w, 3)[0]):
            if len(form) != len(key) or form == key:
                continue
            diff = [k for k in range(len(key)) if form[k] != key[k]]
            if len(diff) == 2 and diff[1] == diff[0] + 1 and form[diff[0]] == key[diff[1]] \
                    and form[diff[1]] == key[diff[0]] and place_lookup(form) is None:
                return True
    return False


def _spelled_otherwise(ctx: Context, t: Mention) -> bool:
    """A body word with the title place's consonants (الفيليبين for الفلبين، موريطانيا for موريتانيا), four or
    more, that the lexicon does not know as another place (نيجيريا is not النيجر) nor as a first name."""
    tok = ctx.title.tokens[t.token]
    if t.end > tok.end:
        return False  # several words
    key = _consonants(t.key)
    if not key:
        return False
    cache_key = "places:body_consonants"
    if cache_key not in ctx.cache:
        table: dict[str, list[str]] = {}
        norms = ctx.body.norms
        # not a family name after a first name (مالك الجزيري has the consonants of الجزائر)
        for w in {w for k, w in enumerate(norms) if not (k and norms[k - 1] in L.FIRST_NAMES)}:
            for form in {w, strip_proclitics(w, 3)[0]}:
                c = _consonants(form)
                if c:
                    table.setdefault(c, []).append(w)
        ctx.cache[cache_key] = table
    found: dict[str, list[str]] = ctx.cache[cache_key]  # type: ignore[assignment]
    country = country_of(t)
    return any(((p := place_lookup(w)) is None and not _first_name(w))
               or (p is not None and p[1] in (t.key, country)) for w in found.get(key, ()))


def _first_name(w: str) -> bool:
    """A first name (المهدي has the consonants of المهدية)."""
    return w in L.FIRST_NAMES or w.removeprefix("ال") in L.FIRST_NAMES or strip_proclitics(w, 3)[0] in L.FIRST_NAMES


_VOWEL_LETTERS = str.maketrans("", "", "اويىءأإآئؤ")


def _consonants(w: str) -> str:
    """The consonants of a word without its article and a final ة/ه (الفليبينية -> فلبن), "" when fewer than
    four: three are shared by too many words (الجزيرة / الجزائر)."""
    k = w.removeprefix("ال").removesuffix("ه").translate(_VOWEL_LETTERS)
    return k if len(k) >= 4 else ""


def country_of(m: Mention) -> str:
    if m.kind == "city":
        return L.places().cities.get(m.key, ("", ""))[1]
    return m.key


def _covered(t: Mention, body: list[Mention]) -> bool:
    """The body mentions the title's place: the same city, or the country in any form or through a city."""
    if t.kind == "city":
        return any(b.key == t.key or _same_area(b.key, t.key) for b in body)
    if t.kind == "adjective" and t.key in _KOREAS:  # الكوري: either Korea
        return any(country_of(b) in _KOREAS for b in body)
    return any(country_of(b) == t.key or b.key == t.key for b in body)


_KOREAS = frozenset(norm(w) for w in ("كوريا الجنوبية", "كوريا الشمالية"))


def _same_area(a: str, b: str) -> bool:
    """A town and the governorate around it (المكنين / المنستير)."""
    regions = L.town_region()
    return regions.get(a) == b or regions.get(b) == a


def _rivals(t: Mention, body: list[Mention], title_keys: set[str], first: int) -> list[Mention]:
    """Body places that rival the title's place t; ``first``: the token index where the body's second sentence
    begins."""
    if t.kind == "city":
        country = country_of(t)
        same = [b for b in body if b.kind == "city" and b.key not in title_keys and country_of(b) == country
                and not _same_area(b.key, t.key)]
        if same or any(country_of(b) == country for b in body):
            return same
        # the body names neither the city nor its country, but places of other countries (title القاهرة,
        # body دمشق): the story happened elsewhere
        return [b for b in body if b.kind in ("country", "city") and country_of(b)
                and country_of(b) not in title_keys]
    # a country or a nationality adjective: rivals are other countries, their cities (title سوريا, body بيروت)
    # or their adjectives (title الليرة التركية, body الليرة اللبنانية); against a country's name, an adjective
    # only in the body's first sentence, which restates the headline (title مصر, body "إعلان سعودي ..."):
    # further on, "مطعم هندي" or "شركة صينية" describe things, not where the story is
    return [b for b in body if b.kind in ("country", "city", "adjective") and country_of(b)
            and country_of(b) not in title_keys and (b.kind != "adjective" or t.kind == "adjective" or b.token < first)]


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    flagged = False
    for h in _places(ctx):
        flagged = True
        yield h
    if not flagged:
        for h in _framed(ctx):
            flagged = True
            yield h
    if not flagged:
        yield from _crossings(ctx)


def _all_places(ctx: Context, field: str) -> list[tuple[Mention, int]]:
    """Every lexicon place of a field with the index of its last token, ambiguous names and names after a club
    word or the head of a named thing included (they are read here only beside the same words)."""
    key = "places:all:" + field
    if key not in ctx.cache:
        view = ctx.view(field)
        toks = view.tokens
        out: list[tuple[Mention, int]] = []
        done = -1
        for i in token_index(view)[PLACE]:
            if i <= done:
                continue
            m = _multiword(view, i)
            if m is None:
                found = place_lookup(toks[i].norm)
                if found is None:
                    continue
                m = Mention(view.field, toks[i].start, toks[i].end, found[1], found[0], i)
            last = i
            while last + 1 < len(toks) and toks[last + 1].end <= m.end:
                last += 1
            out.append((m, last))
            done = last
        ctx.cache[key] = out
    return ctx.cache[key]  # type: ignore[return-value]


def _frame_word(view: TextView, k: int, near: int) -> str:
    """The key of the word at k when it can frame the name at token ``near`` (a content word right beside it,
    no punctuation between, no place itself: والي، مستقبل، مهرجان، سان), else ""."""
    toks = view.tokens
    if k < 0 or k >= len(toks):
        return ""
    a, b = (toks[k], toks[near]) if k < near else (toks[near], toks[k])
    if view.text[a.end:b.start].strip(" \"'«»"):
        return ""
    w = toks[k].norm
    if w in L.STOPWORDS or w[:1].isdigit() or len(w) < 3 or place_lookup(w) is not None or not _content(w) \
            and len(w) < 4:
        return ""
    if w[:1] in "وفبلك" and len(w) >= 5 and not w[1:].startswith("ال"):
        return w[1:]  # لمستقبل قابس = مستقبل قابس
    return w  # else as written: بالتعادل and بتعادل are no frame (عاد من لندن بالتعادل / أتلتيكو مدريد بتعادل)


def _framed(ctx: Context) -> Iterator[Hit]:
    """A title place the body never names, while the body has the same words around another place of the same
    kind: والي باجة / والي بنزرت، مستقبل تطاوين / مستقبل قابس، مطار سليانة جرجيس / مطار جربة جرجيس، وكالة سوريا
    إفريقيا / وكالة تونس إفريقيا. The words around say it is the same thing with one place put for another, so
    ambiguous names, names after a club word and names of named things count here."""
    title = _all_places(ctx, "title")
    if not title:
        return
    # Only when a title place has a frame word the body could share are the body's places read (a body word is
    # a frame as written or without a one-letter proclitic: see _frame_word); most titles have none.
    vocab = ctx.body.vocabulary
    if not any(w and (w in vocab or any(c + w in vocab for c in "وفبلك"))
               for t, last in title for w in (_frame_word(ctx.title, t.token - 1, t.token),
                                              _frame_word(ctx.title, last + 1, last))):
        return
    body = _all_places(ctx, "body")
    if not body:
        return
    title_keys = {(m.kind, m.key) for m, _ in title}
    frames: dict[tuple[str, str], list[Mention]] = {}
    for b, last in body:
        if (b.kind, b.key) in title_keys:
            continue
        for side, k, near in (("<", b.token - 1, b.token), (">", last + 1, last)):
            w = _frame_word(ctx.body, k, near)
            if w:
                frames.setdefault((side, w), []).append(b)
    if not frames:
        return
    every = [b for b, _ in body]
    for t, last in title:
        if covered(ctx, t) or _covered(t, every):
            continue  # named in the body, maybe only as a team (إتحاد بن قردان)
        for side, k, near in (("<", t.token - 1, t.token), (">", last + 1, last)):
            w = _frame_word(ctx.title, k, near)
            # names only: an adjective describes (دولار أميركي / دولار سعودية وديعة)
            rivals = [b for b in frames.get((side, w), ()) if b.kind == t.kind != "adjective"] if w else []
            if rivals:
                r = rivals[0]
                shown = ctx.body.text[r.start:r.end]
                yield hit("consistency.place_mismatch", "title", t.start, t.end, [("body", r.start, r.end)],
                          context=shown, body=shown)
                return


# Heads of named crossings, airports and ports (معبر رفح، مطار قرطاج، ميناء رادس، جسر الصداقة): the name after
# them is the place, whether or not the lexicon knows it.
_CROSSING_HEADS = frozenset(norm(w) for w in ("معبر", "مطار", "ميناء", "جسر", "نفق"))  # not منفذ: "the perpetrator"


def _crossing_names(view: TextView) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(head, start, end, name words) of each indefinite head followed by a name of one or two words."""
    toks = view.tokens
    out = []
    for i, tok in enumerate(toks[:-1]):
        head = strip_proclitics(tok.norm, 3)[0]
        if head not in _CROSSING_HEADS or tok.norm.startswith("ال") or toks[i + 1].start - tok.end > 1:
            continue
        if not _name_word(toks[i + 1].norm):
            continue  # "مطار أميركي"، "ميناء بحري"، "جسر يربطها": a description, not a name
        words: list[int] = []
        for k in (i + 1, i + 2):
            if k >= len(toks) or (words and toks[k].start - toks[k - 1].end > 1):
                break
            w = toks[k].norm
            if w in L.STOPWORDS or w[:1].isdigit() or len(w) < 2 or (words and w[:1] in "يت" and len(w) >= 4):
                break
            words.append(k)
        if words:
            out.append((head, toks[words[0]].start, toks[words[-1]].end, tuple(toks[k].norm for k in words)))
    return out


def _name_word(w: str) -> bool:
    """A word that may name a crossing: a known place, or no adjective of relation (بحري، دولي) or adjective of a
    country (أميركي) and no present-tense verb (يربطها)."""
    found = place_lookup(w)
    if found is not None:
        return found[0] != "adjective"
    definite = strip_proclitics(w, 2)[1]
    return not (not definite and w.endswith("ي")) and not (w[:1] in "يت" and len(w) >= 4)


def _crossings(ctx: Context) -> Iterator[Hit]:
    """A named crossing, airport or port in the title (معبر رأس جدير) that the body never names while it names
    another one of the same kind (معبر الذهيبة)."""
    if not any(strip_proclitics(t.norm, 3)[0] in _CROSSING_HEADS for t in ctx.title.tokens):
        return
    body = _crossing_names(ctx.body)
    if not body:
        return
    text = " ".join(ctx.body.norms)
    words = ctx.body_words
    for head, start, end, name in _crossing_names(ctx.title):
        if " ".join(name) in text or name[-1] in words or name[0] in words \
                or strip_proclitics(name[0], 3)[0] in words \
                or any(b[0] == head and b[3][0] == name[0] for b in body):
            continue  # the body names it (معبر القنيطرة for the title's معبر القنيطرة المغلق)
        rivals = [b for b in body if b[0] == head and not set(b[3]) & set(name)]
        if rivals:
            r = rivals[0]
            shown = ctx.body.text[r[1]:r[2]]
            yield hit("consistency.place_mismatch", "title", start, end, [("body", r[1], r[2])], context=shown,
                      body=shown)
            return


def _places(ctx: Context) -> Iterator[Hit]:
    title = places_of(ctx, "title")
    if not title:
        return
    body = places_of(ctx, "body")
    title_keys = {m.key for m in title} | {country_of(m) for m in title}
    start = _after_dateline(ctx.body, body)
    lead = [b for b in body if start <= b.token < LEAD_TOKENS and not _source(ctx.body, b)]
    first = opening(ctx, 1)
    for t in title:
        if covered(ctx, t) or _in_name(ctx.title, t.token) or _state_by_capital(ctx, t, body) \
                or _capital_as_state(ctx, t, body) or _listed_with_covered(ctx, t, title):
            continue
        # rivals from the body's opening, where a headline's place is restated (a long body names many)
        rivals = _first_each(_rivals(t, lead, title_keys, first))
        if not rivals:
            continue
        names = "، ".join(ctx.body.text[r.start:r.end] for r in rivals)
        yield hit("consistency.place_mismatch", "title", t.start, t.end,
                  [("body", r.start, r.end) for r in rivals], context=names, body=names)


def _listed_with_covered(ctx: Context, t: Mention, title: list[Mention]) -> bool:
    """The place is one item of a list of three places or more in the title (بكوريا الشمالية وسوريا وأفغانستان)
    and the body tells of another item: a story about several places that dwells on some of them."""
    ordered = sorted(title, key=lambda m: m.start)
    k = ordered.index(t)
    lo = hi = k
    while lo > 0 and _next_item(ctx, ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and _next_item(ctx, ordered[hi], ordered[hi + 1]):
        hi += 1
    # three items or more: "العراق وسوريا" may be a pair whose second item was put for another
    return hi - lo >= 2 and any(covered(ctx, m) for m in ordered[lo:hi + 1] if m is not t and m.key != t.key)


def _next_item(ctx: Context, a: Mention, b: Mention) -> bool:
    """b follows a as the next item of a list: "وسوريا" right after it, or a comma or a lone و between."""
    between = ctx.title.text[a.end:b.start].strip()
    return (not between and ctx.title.tokens[b.token].norm[:1] == "و") or between in ("،", ",", "و")


# Heads of a source the story quotes (صحيفة الغارديان البريطانية، وكالة الأنباء الفرنسية، شبكة سي إن إن
# الأمريكية، التلفزيون الرسمي الإيراني): the place after them says whose outlet it is, not where the story is.
_MEDIA_HEADS = frozenset(norm(w) for w in (
    "صحيفة", "جريدة", "وكالة", "قناة", "موقع", "شبكة", "مجلة", "إذاعة", "تلفزيون", "التلفزيون", "الإذاعة",
    "تليفزيون", "التليفزيون", "هيئة", "الصحيفة", "الوكالة", "القناة", "الشبكة", "المجلة"))


_QUOTES = " \"'«»“”„‘’"  # صحيفة "ديلي ميل" البريطانية


def _source(view: TextView, m: Mention) -> bool:
    """A body place that names an outlet's country (صحيفة التايمز البريطانية، وكالة الأنباء الفرنسية، صحيفة
    "ديلي ميل" البريطانية): up to three words after a media noun, with no punctuation but quotation marks
    between."""
    toks = view.tokens
    for k in range(m.token - 1, max(m.token - 4, -1), -1):
        w = toks[k].norm
        if view.text[toks[k].end:toks[k + 1].start].strip(_QUOTES) or w in L.STOPWORDS:
            return False
        if strip_proclitics(w, 2)[0] in _MEDIA_HEADS or w in _MEDIA_HEADS:
            return True
        if strip_proclitics(w, 2)[0] in L.PLACE_NOUNS or w[:1] == "ب":
            return False  # "للإذاعة والتلفزيون الذي انتظم بمدينة الحمامات": where it was held
    return False


_DATELINE_ENDS = ("(", "-", "–", "—", ":")


def _after_dateline(view: TextView, body: list[Mention]) -> int:
    """The first token after the body's dateline, 0 when it has none. A dateline is where the story was filed
    from, not where it happened: one or more places, separated by commas only, then a bracket, a dash or a
    colon ("دبي، الإمارات العربية المتحدة (CNN)--"، "القاهرة (رويترز) -"، "باريس - أ ف ب"). Its places are no
    rivals of the title's place."""
    toks = view.tokens
    k = 0  # tokens covered so far by the leading places
    for m in body:
        if m.token != k or any(c not in " ،," for c in view.text[toks[k - 1].end if k else 0:m.start]):
            break
        while k < len(toks) and toks[k].end <= m.end:
            k += 1
        rest = view.text[m.end:m.end + 4].lstrip(" ،,")
        if k and rest[:1] in _DATELINE_ENDS:
            return k
    return 0


def _state_by_capital(ctx: Context, t: Mention, body: list[Mention]) -> bool:
    """A capital opening the title before a present-tense verb stands for its state (دمشق تعلن، واشنطن ترد،
    موسكو تنفي): the body naming the country (السورية، الولايات المتحدة) reports the same actor."""
    toks = ctx.title.tokens
    k = t.token + 1
    while k < len(toks) and toks[k].start < t.end:
        k += 1
    if t.kind != "city" or t.key not in _capitals() or k >= len(toks):
        return False
    first = t.token == 0 or any(c in ":.،-–" for c in ctx.title.text[toks[t.token - 1].end:t.start]) \
        or toks[t.token].norm[:1] == "و"  # "واشنطن تطلب ... وموسكو تعارض": a second clause's subject
    verb = toks[k].norm[:1] in "يت" and len(toks[k].norm) >= 4
    country = country_of(t)
    return first and verb and any(country_of(b) == country for b in body)


_SETTINGS = frozenset(norm(w) for w in ("في", "داخل", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط"))


def _capital_as_state(ctx: Context, t: Mention, body: list[Mention]) -> bool:
    """A capital that is no setting (رسالة إلى دمشق، عواقب في انتظار دمشق; not "في دمشق"، "بدمشق") stands for its
    state: the body naming the country or any place of it (إدلب) reports the same actor."""
    if t.kind != "city" or t.key not in _capitals():
        return False
    toks = ctx.title.tokens
    k = t.token
    while k and strip_proclitics(toks[k - 1].norm, 2)[0] in L.PLACE_NOUNS:
        k -= 1  # "في العاصمة طرابلس": the words before the place noun say where
    w = toks[k].norm
    if w[:1] == "ب" and len(w) > 3 and (k < t.token or place_lookup(w[1:]) is not None):
        return False  # بدمشق، بالعاصمة طرابلس: where
    if k and toks[k - 1].norm in _SETTINGS:
        return False
    country = country_of(t)
    return any(country_of(b) == country for b in body)


@cache
def _capitals() -> frozenset[str]:
    """The capital of every country of data/places.txt (the first of its cities)."""
    out = set()
    for _code, _names, _adjective, towns in fields("places"):
        first = towns.split("،")[0].strip()
        if first:
            out.add(norm(first))
    return frozenset(out)


def _in_name(view: TextView, i: int) -> bool:
    """A place right after the head of a named event or body (مونديال روسيا، مهرجان قرطاج، نهائي كييف، اتفاق
    باريس): part of a name; not with the preposition ب, which says where (مصنع بسليانة)."""
    if not i:
        return False
    w = view.tokens[i].norm
    if w[:1] == "ب" and place_lookup(w[1:]) is not None:
        return False
    head = strip_proclitics(view.tokens[i - 1].norm, 2)[0]
    return head in L.PROPER_NAME_HEADS or head in _EVENT_HEADS


# Events and agreements named after the place they were held or signed in (نهائي كييف، اتفاق باريس، محادثات
# جنيف، مسار أستانا): the story may tell of them from anywhere. (مؤتمر، قمة، منتدى are heads of named things
# already, L.PROPER_NAME_HEADS, read beside these.)
_EVENT_HEADS = frozenset(norm(w) for w in (
    "نهائي", "اتفاق", "اتفاقية", "محادثات", "مفاوضات", "مسار", "إعلان", "معاهدة", "ماراثون", "اجتماعات", "جولة"))


def _first_each(ms: list[Mention], limit: int = 3) -> list[Mention]:
    """The first mention of each distinct place, after the dateline (the agency's city comes last)."""
    seen: dict[str, Mention] = {}
    for m in ms:
        seen.setdefault(m.key, m)
    ordered = sorted(seen.values(), key=lambda m: (m.token < 3, m.start))
    return ordered[:limit]
