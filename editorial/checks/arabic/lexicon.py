"""The consistency checks' lexicons, read from the UTF-8 files in ``editorial/checks/data/`` (no NER model is
available offline).

Every table is built once from its file through the one loader (``arabic/data.py``), normalised with ``norm``
(alef forms, ta marbuta -> ha, alef maqsura -> ya), so lookups compare normalised words. Word lists are
module constants read at import; the larger derived tables (places with the CLDR country names, polarity pairs,
negators) are built on first use and cached. Nothing here is rewritten after it is built. The files cover role
nouns with their gender and number forms, first names, countries, capitals and major cities with nationality
adjectives, weekdays, months (Gregorian, Levantine, Maghrebi), opposite outcomes, negators, number words and
function words. Known limits: the place list favours the Arab world (Tunisia in detail, as real test data is
Tunisian); broken plurals are listed by hand, so rare ones are missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from .data import entries, fields, keyed, normalized_fields, words
from .normalize import norm


def _n(words: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in words.split())


# --- role nouns and people -----------------------------------------------------------------------------------

def _role_forms() -> dict[str, tuple[str, str, int]]:
    """normalised form -> (lemma, gender 'm'/'f', count: 1, 2, 3 = plural, 0 = singular-or-dual/plural unclear)."""
    out: dict[str, tuple[str, str, int]] = {}
    for m, plural in normalized_fields("role_nouns"):
        forms: dict[str, tuple[str, int]] = {m: ("m", 1), m + "ه": ("f", 1)}
        forms[m + "ان"] = ("m", 2)
        # -ين/-ي are dual only when the plural is broken (وزراء); "وزيرا" is also the accusative singular.
        for suf in ("ين", "ي"):
            forms[m + suf] = ("m", 2 if plural else 0)
        forms[m + "ا"] = ("m", 0)
        for suf in ("تان", "تين", "تا", "تي"):
            forms[m + suf] = ("f", 2)
        forms[m + "ات"] = ("f", 3)
        forms[plural or m + "ون"] = ("m", 3)
        for f, (g, c) in forms.items():
            out.setdefault(f, (m, g, c))
    return out


ROLE_FORMS: dict[str, tuple[str, str, int]] = _role_forms()
HONORIFICS = words("honorifics")
SPEECH_VERBS = words("speech_verbs")
MALE_NAMES = words("first_names_male")
FEMALE_NAMES = words("first_names_female")
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES
NAME_PARTICLES = words("name_particles")
NAME_HEADS = words("name_heads")
FACILITY_NOUNS = words("facility_nouns")

# --- places (data/places.txt, data/place_aliases.txt, data/town_regions.txt; CLDR names through babel) -------

@dataclass(frozen=True)
class PlaceTables:
    """Normalised lookups: country forms -> country key, adjective forms -> country key, city -> (city, country
    key), and the multi-word names keyed by their first word (for a cheap longest-match lookup)."""

    countries: dict[str, str]
    adjectives: dict[str, str]
    cities: dict[str, tuple[str, str]]
    multiword: dict[str, tuple[tuple[str, ...], ...]]


def _cldr_names() -> dict[str, str]:
    """ISO code -> Arabic country name from CLDR (a qualifier such as "(بورما)" or "- كينشاسا" cut off)."""
    from babel import Locale  # loaded on first use: the place tables are built once per process

    out = {}
    left_out = frozenset(code for e in entries("cldr_left_out") for code in e.split())
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and code not in left_out:
            out[code] = name.split("(")[0].split(" - ")[0].strip()
    return out


def _nisba(name: str) -> str:
    """The regular nationality adjective of a one-word country name, normalised: the article and a final alif
    go, ي is added (آيسلندا -> ايسلندي، التشيك -> تشيكي، الصومال -> صومالي); "" for a name of several words
    and for a short result, which is too often an ordinary word (باني "builder", غاني "rich")."""
    if " " in name:
        return ""
    w = name[2:] if name.startswith("ال") else name
    if w.endswith("يا"):
        w = w[:-1]
    elif w.endswith("ا"):
        w = w[:-1] + "ي"
    elif not w.endswith("ي"):
        w += "ي"
    return w if len(w) >= 5 else ""


@cache
def places() -> PlaceTables:
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    cities: dict[str, tuple[str, str]] = {}
    keys: dict[str, str] = {}  # ISO code -> the country's key
    for code, names, adjective, towns in fields("places"):
        forms = [norm(n.strip()) for n in names.split("،")]
        key = keys[code] = forms[0]
        for form in forms:
            countries.setdefault(form, key)
        a = norm(adjective)
        for form in (a, a + "ه", a + "ين", a + "ون", a + "ان", a + "تين"):
            adjectives.setdefault(form, key)
        for town in filter(None, map(str.strip, towns.split("،"))):
            cities.setdefault(norm(town), (norm(town), key))
    cldr_only: list[str] = []
    for code, name in _cldr_names().items():
        form = norm(name)
        countries.setdefault(form, keys.get(code, form))
        if code not in keys:
            cldr_only.append(form)
    for form in cldr_only:  # a country known only by its CLDR name gets its regular nisba (آيسلندا -> آيسلندي)
        a = _nisba(form)
        if a and a not in countries and a not in cities and a not in adjectives:
            for f in (a, a + "ه", a + "ين", a + "ون", a + "ان", a + "تين"):
                adjectives.setdefault(f, form)
    for alias, name in normalized_fields("place_aliases"):
        if name in cities:
            cities.setdefault(alias, cities[name])
        elif name in countries:
            countries.setdefault(alias, countries[name])
        elif name in adjectives:
            adjectives.setdefault(alias, adjectives[name])
    multiword: dict[str, list[tuple[str, ...]]] = {}
    for name in (*countries, *cities, *adjectives):
        if " " in name:
            parts = tuple(name.split())
            multiword.setdefault(parts[0], []).append(parts)
    return PlaceTables(countries, adjectives, cities, {k: tuple(v) for k, v in multiword.items()})


@cache
def town_region() -> dict[str, str]:
    """A town -> the governorate of the same name as a city around it (المكنين -> المنستير)."""
    return dict(normalized_fields("town_regions"))


# City names that are also common words: only trusted after a place noun (في/مدينة/ولاية ...).
AMBIGUOUS_CITIES = words("ambiguous_cities")
# Sports club words: a city after them names a team (ترجي جرجيس، مستقبل قابس), not where the story happens.
CLUB_NOUNS = words("club_nouns")
PLACE_NOUNS = words("place_nouns")
# Offices held by one person per country: a male and a female holder in one story is a contradiction.
UNIQUE_OFFICES = words("unique_offices")

# --- days and months -----------------------------------------------------------------------------------------

WEEKDAYS: dict[str, int] = {w: day for day, line in enumerate(entries("weekday_names")) for w in _n(line)}
# month number for every spelling (Gregorian in the Egyptian/Gulf, Levantine and Maghrebi forms)
MONTHS: dict[str, int] = {norm(name.strip()): month for month, line in enumerate(entries("months"), start=1)
                          for name in line.split("،")}
# "ماي" and "أوت" are also ordinary words: trusted only next to a day number or a year.
AMBIGUOUS_MONTHS = words("ambiguous_months")

# --- polarity and negation (data/polarity.txt, data/negators.txt) ------------------------------------------

@cache
def polarity() -> dict[str, tuple[tuple[str, int], ...]]:
    """normalised word -> ((pair name, side 0/1), ...): opposite outcomes (see data/polarity.txt)."""
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for name, *sides in normalized_fields("polarity"):
        for side, forms in enumerate(sides):
            for w in forms.split():
                if (name, side) not in out.get(w, ()):
                    out[w] = out.get(w, ()) + ((name, side),)
    return out


# Heads of titles and institutions (وزير، وزارة، بلدية): a named actor, read by repetition and consistency.
ENTITY_HEADS = words("entity_heads")
# Heads of named things (جائزة، شركة، مهرجان): the name after them is the thing's, not a place or a swap.
PROPER_NAME_HEADS = words("proper_name_heads")
# Words of reacting to an event (ندد، استدعى، طالب، حداد): what a body's "ignored it" contradicts.
REACTIONS = words("reactions")
# "Other", "further" after a noun (أحزاب أخرى، شخص آخر، إصابات إضافية): more of its kind (data/other_words.txt).
OTHER_WORDS = frozenset(keyed("other_words")["PLURAL"])
OTHER_SINGULAR = frozenset(keyed("other_words")["SINGULAR"])
FURTHER_WORDS = frozenset(keyed("other_words")["FURTHER"])


@cache
def demand_words() -> frozenset[str]:
    """normalised verbs and nouns of demand (see data/demand_verbs.txt)."""
    return words("demand_verbs")


def _topic_markers() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for kind, forms in normalized_fields("topic_markers"):
        out.setdefault(kind, set()).update(forms.split())
    return {kind: frozenset(ws) for kind, ws in out.items()}


# "about" (بشأن، حول) and "talk" (يتحدث، دراسة: before "عن") -> normalised words (data/topic_markers.txt)
TOPIC_MARKERS = _topic_markers()


@cache
def negators() -> dict[str, str]:
    """normalised word -> "particle", "verb" or "skip" (see data/negators.txt)."""
    return {w: kind for kind, forms in normalized_fields("negators") for w in forms.split()}


# --- number words --------------------------------------------------------------------------------------------

def _number_words(kind: str) -> dict[str, float]:
    """normalised form -> value for one KIND of data/number_words.txt."""
    return {w: float(Fraction(value)) for k, value, forms in normalized_fields("number_words") if k == kind
            for w in forms.split()}


UNIT_WORDS: dict[str, int] = {w: int(v) for w, v in _number_words("unit").items()}
TEN_WORDS: dict[str, int] = {w: int(v) for w, v in _number_words("ten").items()}
HUNDRED_WORDS: dict[str, int] = {w: int(v) for w, v in _number_words("hundred").items()}
# scale words: value and whether the form is plural (needs a count before it, else vague); a dual is twice
SCALE_WORDS: dict[str, tuple[float, bool]] = {
    **{w: (v, False) for w, v in _number_words("scale").items()},
    **{w: (2 * v, False) for w, v in _number_words("scale_dual").items()},
    **{w: (v, True) for w, v in _number_words("scale_plural").items()},
}
SCALE_BASE: dict[str, float] = {  # the multiplier of any form (dual included)
    w: v for kind in ("scale", "scale_dual", "scale_plural") for w, v in _number_words(kind).items()
}
VAGUE_WORDS: dict[str, float] = _number_words("vague")
FRACTION_WORDS: dict[str, float] = _number_words("fraction")
ORDINALS: dict[str, int] = {w: int(v) for w, v in _number_words("ordinal").items()}
# Words (normalised) before a number that qualify it.
QUALIFIERS: dict[str, str] = {w: kind for kind, forms in normalized_fields("number_qualifiers") for w in forms.split()}
# Broken plurals and other forms of common counted nouns -> one key (see numbers.unit_key).
UNIT_LEMMAS: dict[str, str] = dict(normalized_fields("unit_lemmas"))

# --- function words ------------------------------------------------------------------------------------------

STOPWORDS = words("consistency_stopwords")
