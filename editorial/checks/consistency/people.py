"""People: a named person in the title whom the body never mentions or names differently.

With no NER model, names are found conservatively from anchors: a known first name (يوسف، سلمى ...) with the
particles and family names after it, an honorific before a name (الدكتور، الشيخ، المستشار ...), the role noun
a few words before it (for its office and gender), capitalised Latin words, and in the title a family name
(المهندي) in a construct after a feminine or plural noun or a word like هدف. A title name is present when
any of its parts is in the body ("الدكتور عودة" for "الدكتور سامر عودة"), unless the body gives that family
name only with another first name, or that first name only with another family name. Inside the body, two
first names with one family name for the same office, or one letter apart ("غادي الخوري" / "فادي الخوري"),
are flagged too. A compound first name may be written in two words (عبد الكريم، نور الدين), and a family name
may carry the article without the nisba shape when it is rare in general Arabic (رياض المؤخر); a lone first
name that is also a common word (سارة "pleasant", آمنة "safe"; ``data/name_words.txt``) is no person; an office
is a name's only when no other unknown word stands between them (زوجة الرئيس انتصار عامر السيسي). Well-known
people named by family or stage name alone (ماكرون، فيروز; ``data/famous_people.txt``) conflict when the story
never names them and its first two sentences name another of their kind (a leader, a singer, a player).
Known limits: unknown first names without an anchor are invisible; relatives sharing a
family name are only flagged when their first names are near-identical or their office is the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.tokens import TextView, Token
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import Context, bare, hit, opening
from .teams import entity_conflict
from .topic import zipf
from .words import HONOR, NAME, ROLE, place_key, role_word, token_index

# The module's small word lists, each read by its key (data/people_words.txt), normalised.
_W = data.keyed("people_words")

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.person_mismatch", "warning",
        "الاسم في العنوان «{text}» لا يرد في النص، الذي يذكر {body}: تحقّق من الاسم.",
        "The title's name “{text}” is not in the body, which names {body}: check the name.",
        "A person named in the title whom the body never mentions, or names with another first name.",
    ),
    Rule(
        "consistency.body_name_variant", "warning",
        "يرد الاسم «{text}» في موضع آخر من النص بصيغة مختلفة ({body}): وحّد كتابة الاسم.",
        "The name “{text}” appears elsewhere in the body in another form ({body}): use one form.",
        "One person (same family name and office, or near-identical first names) named two ways in the body.",
    ),
)

_LATIN_NAME_RE = regex.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


@dataclass(frozen=True)
class Role:
    """A role noun (وزير، سفيرة، الوزيرين ...) with what follows it (its office: الدفاع، تركيا)."""

    lemma: str
    gender: str  # "m" / "f" / "" when the spelling is ambiguous (رئيسه = his president)
    count: int  # 1, 2, 3 (plural), 0 (unclear)
    token: int
    start: int
    end: int  # end of the role noun and its office words
    office: frozenset[str]  # stems and place keys of up to two following words


@dataclass(frozen=True)
class Person:
    tokens: tuple[int, ...]  # token indexes of the name parts
    start: int
    end: int
    parts: tuple[str, ...]  # bare normalised parts, particles removed
    first_known: bool  # starts with a first name from the lexicon
    role: Role | None
    gender: str


_GOVERNOR = _W["GOVERNOR"][0]


def role_of(tok: Token) -> tuple[str, str, int] | None:
    """(lemma, gender, count) of a role noun token, or None."""
    found = role_word(tok.norm)
    if found and found[0] == _GOVERNOR and "ى" in tok.text or found and found[0] == _GOVERNOR and "إ" in tok.text:
        return None  # والى، وإليه: "and to", not the governor (والي، والية)
    if found and found[1] == "f" and found[2] == 1 and not tok.text.rstrip().endswith("ة"):
        return found[0], "", 1  # written with ه: a pronoun (رئيسه = his president), not a feminine ending
    return found


def _office(toks: tuple[Token, ...], i: int) -> tuple[frozenset[str], int]:
    """Stems/place keys of up to two words after a role noun (الدفاع، المحكمة الاقتصادية، خارجية المغرب)."""
    out: set[str] = set()
    j = i + 1
    while j < len(toks) and j <= i + 2 and not _gap(toks, j):
        w = toks[j].norm
        key = place_key(w)
        definite = strip_proclitics(w, 2)[1]
        construct = j == i + 1 and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and not _gap(toks, j + 1)
        if w in L.STOPWORDS or w in L.HONORIFICS or _is_first_name(toks[j]) or role_of(toks[j]) \
                or not (key or definite or construct):
            break
        out.add(key or bare(toks[j].stem))
        j += 1
    return frozenset(out), j


def _gap(toks: tuple[Token, ...], j: int) -> bool:
    """True when punctuation separates token j from the one before (a name or office stops there)."""
    return j > 0 and toks[j].start - toks[j - 1].end > 1


def _first_name_form(tok: Token) -> str:
    """The first name a token spells: itself (وليد، وفاء are names), or without a conjunction "و"."""
    w = tok.norm
    if w in L.FIRST_NAMES or not (w[:1] == "و" and w[1:] in L.FIRST_NAMES):
        return w
    return w[1:]


def _compound(toks: tuple[Token, ...], i: int) -> str:
    """The compound first name written in two words at i (عبد الكريم، نور الدين -> عبدالكريم، نورالدين), or ""."""
    if i + 1 >= len(toks) or _gap(toks, i + 1):
        return ""
    w = toks[i].norm
    w = w[1:] if w[:1] == "و" and w[1:] in _COMPOUND_HEADS else w
    joined = w + toks[i + 1].norm
    return joined if w in _COMPOUND_HEADS and joined in L.FIRST_NAMES else ""


_COMPOUND_HEADS = frozenset(_W["COMPOUND_HEADS"])


def _is_first_name(tok: Token) -> bool:
    w = _first_name_form(tok)
    if w not in L.FIRST_NAMES:
        return False
    return not (w == "علي" and tok.text.rstrip().endswith("ى"))  # على (on) is not علي


@lru_cache(maxsize=65536)
def _nisba(w: str) -> bool:
    """A family name shaped like الخوري، الكبيسي (not a nationality adjective)."""
    return w.startswith("ال") and w.endswith("ي") and len(w) >= 6 and w not in L.places().adjectives \
        and w[2:] not in L.places().adjectives and w not in L.STOPWORDS


def find_roles(view: TextView) -> list[Role]:
    """Every role noun of a field with its office words (cached on the view: several checks use them)."""
    cached = view.__dict__.get("_consistency_roles")
    if cached is None:
        cached = view.__dict__["_consistency_roles"] = _find_roles(view)
    return cached


def _find_roles(view: TextView) -> list[Role]:
    toks = view.tokens
    out = []
    for i in token_index(view)[ROLE]:
        t = toks[i]
        r = role_of(t)
        if r is None:
            continue
        office, j = _office(toks, i)
        out.append(Role(r[0], r[1], r[2], i, t.start, toks[j - 1].end, office))
    return out


def _name_from(toks: tuple[Token, ...], i: int) -> list[int]:
    """Token indexes of a name starting at i: particles (بن، عبد) with their word, first names, family names
    shaped like الخوري, and one plain word when a boundary follows it (سامر عودة، إن ...)."""
    idx = [i, i + 1] if _compound(toks, i) else [i]
    j = idx[-1] + 1
    while j < len(toks) and len(idx) < 5 and not _gap(toks, j):
        w = toks[j].norm
        if w in L.NAME_PARTICLES and j + 1 < len(toks) and not _gap(toks, j + 1):
            idx += [j, j + 1]
            j += 2
            continue
        if _is_first_name(toks[j]) or _nisba(w) or _rare_definite(toks[j]):
            idx.append(j)
            j += 1
            continue
        if len(idx) == 1 and _plain_word(toks[j]):
            if _name_ends(toks, j + 1) and not (toks[j].norm[:1] == "و" and j + 1 < len(toks)
                                                and role_of(toks[j + 1]) is not None):
                # (not a word after "و" before an office: "أسماء وأدوار المسؤولين" are two nouns)
                idx.append(j)
            elif j + 1 < len(toks) and not _gap(toks, j + 1) and _plain_word(toks[j + 1]) \
                    and not _is_first_name(toks[j + 1]) and not _elative(toks[j + 1].norm) \
                    and not _short_verb(toks[j + 1].norm) \
                    and _name_ends(toks, j + 2):
                idx += [j, j + 1]  # a family name of two words: "لطفي بلحاج خليفة يدين"
        break
    return idx


def _short_verb(w: str) -> bool:
    """A present-tense verb of three letters (يرد، تعد، يقر) or more: "رياض محرز يرد" has no family name يرد."""
    return w[:1] in "يت" and 3 <= len(w) <= 5 and w[-1] != "ي"


def _elative(w: str) -> bool:
    """A word of the pattern أفعل after a proclitic or not (أفضل، كأحسن، أكبر): an adjective, no family name."""
    w = w[1:] if w[:1] in "وفبكل" and len(w) == 5 else w
    return len(w) == 4 and w[0] == "ا"


def _name_ends(toks: tuple[Token, ...], k: int) -> bool:
    """A name may end before token k: the end, punctuation, a function word, a speech verb, a present-tense verb
    ("علي مبخوت يقود") or an office in apposition ("سنية مبارك مديرة المهرجان")."""
    if k >= len(toks) or _gap(toks, k):
        return True
    nxt = toks[k].norm
    return nxt in L.STOPWORDS or nxt in L.SPEECH_VERBS or (nxt[:1] in "يت" and len(nxt) >= 4) \
        or role_of(toks[k]) is not None


_RARE_NAME = 3.8  # Zipf: a definite word rarer than this in general Arabic (wordfreq) after a first name


def _rare_definite(tok: Token) -> bool:
    """A family name with the article that is no nisba (رياض المؤخر، سامي الفهري): a definite word rare in
    general Arabic, no place, office, ordinal or function word (محمد الأول، علي اليوم are no names), no
    feminine relative adjective (محمد صلاح الشرائية: القيمة الشرائية)."""
    w = tok.norm
    return w.startswith("ال") and len(w) >= 5 and not w.endswith("يه") and w not in L.STOPWORDS \
        and w not in L.ORDINALS \
        and place_key(w) is None and not role_of(tok) and w not in _FUNCTION_WORDS and zipf(w) < _RARE_NAME


def _plain_word(tok: Token) -> bool:
    """A word that may be an unknown name part: no article, no function word, role, place or digit, no verb
    after و (تميم ويرد), no accusative participle or nisba (نافيا، مؤكدا، شيعيا: "محمد هنيدي نافيا")."""
    w = tok.norm
    if (w[:1] in "وف" and _short_verb(w[1:])) or (len(w) >= 4 and w.endswith("يا")) \
            or (len(w) >= 5 and w[0] == "م" and w.endswith("ا")):
        return False
    return len(w) >= 3 and not strip_proclitics(w, 2)[1] and w not in L.STOPWORDS and not role_of(tok) \
        and not w[:1].isdigit() and place_key(w) is None and w not in L.SPEECH_VERBS \
        and w not in _FUNCTION_WORDS and not _verb_shape(w) and not (w[:1] in "وف" and _verb_shape(w[1:])) \
        and not (w[:1] in "يت" and tok.text.rstrip().endswith("ى"))  # يتنحى، تتبنى: a verb in ى, not a name in ي


def _verb_shape(w: str) -> bool:
    """A present-tense verb (البابا يعلن، بدر يقتحم; after و: تميم ويرد، الشيخ ويوجه), not a family name ending in
    ي (يحياوي، تريكي)."""
    return w[:1] in "يت" and 4 <= len(w) <= 5 and w[-1] != "ي"


_FUNCTION_WORDS = data.words("function_words")  # prepositions and glue (الشيخ بسبب): never a name part


def find_people(view: TextView) -> list[Person]:
    toks = view.tokens
    roles = {r.token: r for r in find_roles(view) if r.count == 1}
    out: list[Person] = []
    index = token_index(view)
    done = -1
    compounds = [i for i, w in enumerate(view.norms) if w in _COMPOUND_HEADS or w[1:] in _COMPOUND_HEADS]
    for i in sorted(set(index[NAME] + index[HONOR] + compounds)):
        first = _name_start(toks, i) if i > done else None
        if first is None:
            continue
        idx = _name_from(toks, first)
        if not (first and toks[first - 1].norm in L.FACILITY_NOUNS):
            out.append(_person(toks, idx, _role_before(toks, first, roles)))
        done = idx[-1]
    return out


def _name_start(toks: tuple[Token, ...], i: int) -> int | None:
    """Where a name starts at i: a known first name, or any plain word after an honorific (الدكتور عودة)."""
    if _is_first_name(toks[i]) or _compound(toks, i):
        return i
    if toks[i].norm not in L.HONORIFICS:
        return None
    j = i + 1
    while j < len(toks) and toks[j].norm in L.HONORIFICS:
        j += 1
    if j < len(toks) and not _gap(toks, j) and (_is_first_name(toks[j]) or _compound(toks, j) or (
            _plain_word(toks[j]) and toks[j - 1].norm not in _AMBIGUOUS_HONORIFICS)):
        return j
    return None


# Ranks that are also common nouns (الفريق "the team", اللواء "the brigade, the province", العميد "the dean"): a
# name after them only when it starts with a known first name (الفريق أحمد قايد صالح، not "الفريق مغلق").
_AMBIGUOUS_HONORIFICS = frozenset(_W["AMBIGUOUS_HONORIFICS"])


def _after_office(toks: tuple[Token, ...], role: Role) -> int:
    j = role.token + 1
    while j < len(toks) and toks[j].start < role.end:
        j += 1
    # skip "لدى الكويت" / "في تونس" between an office and the name
    if j + 1 < len(toks) and toks[j].norm in ("لدي", "في") and place_key(toks[j + 1].norm):
        j += 2
    return j


def _role_before(toks: tuple[Token, ...], i: int, roles: dict[int, Role]) -> Role | None:
    for k in range(i - 1, max(i - 7, -1), -1):
        if k in roles:
            return roles[k] if not _other_name_between(toks, _after_office(toks, roles[k]), i) else None
        if k < i - 1 and _gap(toks, k + 1):
            break
    return None


def _other_name_between(toks: tuple[Token, ...], j: int, i: int) -> bool:
    """An indefinite word between an office and the name (زوجة الرئيس المصري انتصار عامر السيسي): another
    person's unknown first name, or a verb; the office is not this name's."""
    return any(not strip_proclitics(toks[k].norm, 2)[1] and toks[k].norm not in L.HONORIFICS
               and toks[k].norm not in L.STOPWORDS and len(toks[k].norm) >= 3 for k in range(j, i))


def _person(toks: tuple[Token, ...], idx: list[int], role: Role | None) -> Person:
    compound = _compound(toks, idx[0])
    rest = idx[2:] if compound else idx
    parts = tuple(bare(toks[k].norm) if not _is_first_name(toks[k]) else _first_name_form(toks[k])
                  for k in rest if toks[k].norm not in L.NAME_PARTICLES)
    if compound:
        parts = (compound, *parts)
    first = compound or _first_name_form(toks[idx[0]])
    gender = "f" if first in L.FEMALE_NAMES else "m" if first in L.MALE_NAMES else (role.gender if role else "")
    known = bool(compound) or _is_first_name(toks[idx[0]])
    return Person(tuple(idx), toks[idx[0]].start, toks[idx[-1]].end, parts, known, role, gender)


def title_family_names(view: TextView) -> list[Person]:
    """Family names in the title in a construct after a feminine or plural noun ("ثنائية المهندي")."""
    toks = view.tokens
    out = []
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        if prev is None or _gap(toks, i) or not _nisba(t.norm) or not t.text.endswith("ي") or t.norm in L.ORDINALS:
            continue
        if prev.norm in L.NAME_HEADS or (prev.text.endswith(("ة", "ات")) and not strip_proclitics(prev.norm, 2)[1]
                                          and not role_of(prev)):
            out.append(Person((i,), t.start, t.end, (bare(t.norm),), False, None, ""))
    return out


def _latin_names(view: TextView) -> list[Person]:
    return [Person((), m.start(), m.end(), tuple(p.lower() for p in m.group().split()), False, None, "")
            for m in _LATIN_NAME_RE.finditer(view.text)]


def _in_body(ctx: Context, part: str) -> bool:
    """A name part the body has, with or without the article (المهدي / مهدي، الحبيب / حبيب are one name)."""
    other = part[2:] if part.startswith("ال") and len(part) > 4 else "ال" + part
    return part in ctx.body_words or other in ctx.body_words or part.lower() in ctx.body.text.lower() \
        or part in _compounds(ctx)


def _compounds(ctx: Context) -> frozenset[str]:
    """The compound first names the body writes in two words (عبد الكريم), joined."""
    if "people:compounds" not in ctx.cache:
        toks = ctx.body.tokens
        ctx.cache["people:compounds"] = frozenset(
            c for i, w in enumerate(ctx.body.norms) if (w in _COMPOUND_HEADS or w[1:] in _COMPOUND_HEADS)
            and (c := _compound(toks, i)))
    return ctx.cache["people:compounds"]  # type: ignore[return-value]


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    body_people = [p for p in find_people(ctx.body) if len(p.parts) >= 1]
    found = list(_title_names(ctx, body_people))
    yield from found
    yield from _famous(ctx, found)
    yield from _body_variants(ctx, body_people)


def _famous(ctx: Context, found: list[Hit]) -> Iterator[Hit]:
    """A well-known person the title names by family or stage name alone (ماكرون، فيروز; ``data/famous_people``)
    whom the story never names, while its opening names another of their kind (a leader, a singer, a player)."""
    # rivals only in the body's first two sentences, which restate the headline: a story about a leader often
    # names him by office alone (الرئيس الأمريكي) and his predecessors further on
    conflict = entity_conflict(ctx, "famous_people", opening(ctx, 2))
    if conflict is None:
        return
    t, rivals = conflict
    if any(h.field == "title" and h.start < t.end and t.start < h.end for h in found):
        return  # already reported by its first name
    text = "، ".join(ctx.body.text[r.start:r.end] for r in rivals)
    yield hit("consistency.person_mismatch", "title", t.start, t.end, [("body", r.start, r.end) for r in rivals],
              context=text, body=text)


def _title_names(ctx: Context, body_people: list[Person]) -> Iterator[Hit]:
    named_body = [p for p in body_people if len(p.parts) >= 2 or p.role is not None]
    title_people = find_people(ctx.title) + title_family_names(ctx.title) + _latin_names(ctx.title)
    seen: set[int] = set()
    for t in title_people:
        if t.start in seen or not t.parts or (len(t.parts) == 1 and t.first_known and t.role is None
                                              and (_before_office(ctx.title.tokens, t)
                                                   or _before_common_noun(ctx.title.tokens, t)
                                                   or _word_not_name(ctx.title.tokens, t))):
            continue  # "نجاة نائب الرئيس": a first name that is also a word (survival), before an office;
            # "أسماء وأدوار المسؤولين": one that is also a noun (names), coordinated with another noun
        seen.add(t.start)
        rival = _conflict(ctx, t, named_body)
        if rival is not None:
            text = ctx.body.text[rival.start:rival.end]
            yield hit("consistency.person_mismatch", "title", t.start, t.end, [("body", rival.start, rival.end)],
                      context=text, body=text)


_NAME_WORDS = data.words("name_words")


def _word_not_name(toks: tuple[Token, ...], t: Person) -> bool:
    """A lone first name that is also a common word (مفاجأة سارة، الولادة آمنة), with no honorific before it."""
    k = t.tokens[0] if t.tokens else 0
    return t.parts[0] in _NAME_WORDS and not (k and toks[k - 1].norm in L.HONORIFICS)


def _before_common_noun(toks: tuple[Token, ...], t: Person) -> bool:
    """The lone first name is followed by "و" and a word that is no first name (أسماء وأدوار): two nouns."""
    k = t.tokens[-1] + 1
    if k >= len(toks) or _gap(toks, k):
        return False
    w = toks[k].norm
    return w[:1] == "و" and len(w) > 3 and not _is_first_name(toks[k])


def _before_office(toks: tuple[Token, ...], t: Person) -> bool:
    """The word after a one-word name is a role noun: the name is no name but a word governing the office."""
    k = t.tokens[-1] + 1 if t.tokens else len(toks)
    return k < len(toks) and role_of(toks[k]) is not None


def _conflict(ctx: Context, t: Person, body: list[Person]) -> Person | None:
    """The body person the title name conflicts with, or None when the body agrees or says nothing."""
    present = [p for p in t.parts if _in_body(ctx, p)]
    if not present:
        if not body:
            return None  # the body names nobody (with a family name or an office): no rival to show
        same_role = [p for p in body if t.role and p.role and p.role.lemma == t.role.lemma]
        return (same_role or body)[0]
    if len(t.parts) < 2 or not t.first_known:
        return None
    first, family = t.parts[0], t.parts[-1]
    if first not in present:  # "أحمد الخالدي" in the title, only "محمد الخالدي" in the body
        found = next((p for p in body if p.first_known and p.parts[-1] == family and p.parts[0] != first), None)
        return found or _other_first_name(ctx, first, family)
    if family not in present:  # "سلمى بن علي" in the title, "سلمى بن عيسى" in the body
        return next((p for p in body if p.first_known and len(p.parts) >= 2 and p.parts[0] == first
                     and p.parts[-1] != family and family not in p.parts), None)
    return None


def _other_first_name(ctx: Context, first: str, family: str) -> Person | None:
    """The title's family name in the body right after another known first name ("وليد أزارو لإصابة"), where
    the name reader stopped before the family name."""
    toks = ctx.body.tokens
    for k in range(1, len(toks)):
        prev = toks[k - 1]
        if bare(toks[k].norm) == family and not _gap(toks, k) and _is_first_name(prev) \
                and _first_name_form(prev) != first:
            return _person(toks, [k - 1, k], None)
    return None


def _body_variants(ctx: Context, people: list[Person]) -> Iterator[Hit]:
    by_family: dict[str, Person] = {}
    for p in people:
        if len(p.parts) < 2 or not p.first_known:
            continue
        prev = by_family.setdefault(p.parts[-1], p)
        if prev is p or prev.parts[0] == p.parts[0] or prev.parts[0] in p.parts or p.parts[0] in prev.parts:
            continue
        if _same_office(prev, p) or _close(prev.parts[0], p.parts[0]):
            text = ctx.body.text[prev.start:prev.end]
            yield hit("consistency.body_name_variant", "body", p.start, p.end, [("body", prev.start, prev.end)],
                      context=text, body=text)


def _same_office(a: Person, b: Person) -> bool:
    return bool(a.role and b.role and a.role.lemma == b.role.lemma and a.role.office & b.role.office)


def _close(a: str, b: str) -> bool:
    """First names one letter apart (سامي/سامر، غادي/فادي)."""
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
