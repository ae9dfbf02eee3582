"""Topic: a headline, or one clause of it, that the body does not report at all.

Each title content word is looked up in the body by form, light stem, or a shared run of four letters
(ترتفع / ارتفاع); a place counts as present when the body names it in any form (تونس / التونسية), a team's
nickname when the body names the team (الديوك / المنتخب الفرنسي، البلوز / تشيلسي: data/team_nicknames.txt), and a
number when the body has the same value. The share of title words found is the title's "coverage". For
``topic_absent`` a word also counts when the body's opening says it in other words, as headlines of any outlet do:
another reading of its stem (وحشية / الوحشي، فترات / فترتين: letters that look like proclitics may be the
word's own), the root of a rare word (يرحل / رحيل، وقوفا / واقفا), a headline paraphrase (مظاهرات / المحتجين،
كائنات / مخلوقات: data/headline_paraphrases.txt), a name written as two words (فولكسفاغن / فولكس فاجن). A word
repeated in the title (a chant) counts once.

Two tiers, because paraphrased headlines are common and an outlet's style decides how many of the title's words
the body repeats:

- ``topic_absent`` (warning) needs strong evidence: coverage under ``absent_below``, or coverage under
  ``supported_below`` while the title's rare words (names, specific nouns: rarer than ``rare_zipf`` on the
  Zipf scale of general Arabic, from the ``wordfreq`` package) are missing from the whole body (one missing
  and none found, or two more missing than found), or while none of its words is in the body's first thirty
  words (about its first sentence), which a headline sums up. Common words (أمريكا، الدوري، ارتفاع) are shared by any
  two stories of one section; rare ones are not, so a rare word found is the best sign that the title belongs
  to the story.
- ``topic_weak`` (info) reports weaker evidence: coverage under ``weak_below``, a title figure or city the body
  never gives, or a clause of the title (after "و" + verb, a circumstance word, a colon or a comma) whose words
  are all missing, or whose claim is: its specific nouns (ويعلن استقالته، ويطالب بتعويضات مالية: the verb and a
  common word are in any story) or, without one, its two or more nouns, none of them in the body.

Words that are the headline's and not the story's are no evidence: a label or reader address (شاهد..،
بالفيديو، تعرف على), an evaluative word (مفاجأة، مرعب), a figurative set phrase (يدق ناقوس الخطر) and a weekday
are left out when the body does not have them (data/headline_style.txt), and an interview's credit to a medium
(لـCNN), in the outlet's every dateline, is always left out. A quoted speaker's first-person verb (أخشى) is
found as the body's third person (يخشى).

Measured on titles swapped between stories of the same section and on the true titles of six outlets
(``python -m quality.outlets``, docs/quality.md). Known limits: a headline that paraphrases every word looks
absent; a body that repeats the title's words about another event looks present.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from math import log10

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.memo import WordMemo
from ..arabic.normalize import norm
from ..arabic.tokens import Token
from ..config import CheckConfig
from ..types import Document, Hit, Param, Rule
from .common import LEAD_TOKENS, Context, bare, hit, is_content, lexeme, synonym_groups
from .numbers import agree
from .places import country_of, covered, places_of
from .words import place_lookup

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.topic_absent", "warning",
        "النص لا يتناول ما يقوله العنوان («{text}»): تأكد أن العنوان يخص هذا الخبر.",
        "The body does not report what the title says (“{text}”): check the title belongs to this story.",
        "Few of the title's words appear in the body, and its rare words (names, specific nouns) are missing.",
        params=(
            Param("absent_below", float, 0.30, 0.05, 0.95,
                  "Share of the title's words found in the body under which the title is reported whatever "
                  "its words."),
            Param("supported_below", float, 0.50, 0.05, 0.95,
                  "Share under which the title is reported when its rare words are missing from the body: "
                  "one missing and none found, or two more missing than found."),
            Param("rare_zipf", float, 4.5, 1.0, 7.0,
                  "A word rarer than this on the Zipf scale (log10 of uses per billion words of general "
                  "Arabic, wordfreq) is a rare word."),
        ),
    ),
    Rule(
        "consistency.topic_weak", "info",
        "كثير من كلمات العنوان («{text}») لا يرد في النص: تحقّق من أن العنوان يلخّص الخبر.",
        "Many title words (“{text}”) are not in the body: check the title sums up the story.",
        "Title coverage by the body is low, a title figure or city is not in the body, or one clause of the "
        "title is missing: too weak a sign to be sure the title is wrong.",
        params=(Param("weak_below", float, 0.55, 0.05, 0.95,
                      "Share of the title's words found in the body under which a hint is given."),),
    ),
)

SUPPORTED_BELOW = 0.70  # a hint under this when a title figure or city is missing from the body
_MIN_WORDS = 2
_CLAUSE_MIN = 3


def coverage(ctx: Context, reworded: bool = True) -> tuple[float, list[tuple[Token, bool]]]:
    """Share of the title's content words that the body mentions, and each word with its verdict. With
    ``reworded``, a word is also found when the body's opening says it in other words: another reading of its
    stem, the root of a rare word, a headline paraphrase. That is evidence the title belongs to the story
    (``topic_absent``), too loose to say one clause of it is reported (``topic_weak``)."""
    both = ctx.cache.get("topic:coverage")
    if both is None:
        both = ctx.cache["topic:coverage"] = _coverages(ctx)
    return both[0] if reworded else both[1]  # type: ignore[index]


Coverage = tuple[float, list[tuple[Token, bool]]]


def _coverages(ctx: Context) -> tuple[Coverage, Coverage]:
    """Both coverages in one pass over the title: a word's reworded verdict extends its plain one."""
    found = _found_places(ctx) | _found_numbers(ctx) | _found_nicknames(ctx)
    style = style_words(ctx.title.tokens)
    seen: set[str] = set()
    plain: list[tuple[Token, bool]] = []
    loose: list[tuple[Token, bool]] = []
    for t in ctx.title.tokens:
        if not (is_content(t) and not _credit(t.norm) and _first(seen, t.norm)):
            continue
        ok = t.start in found or ctx.lead_has_loosely(t) or _spelled_otherwise(ctx, t) \
            or _said_in_third_person(ctx, t)
        plain.append((t, ok))
        loose.append((t, ok or _shares_form(ctx, t) or _paraphrased(ctx, t) or _shares_root(ctx, t)
                      or _written_apart(ctx, t)))
    extra = [(t, True) for t in ctx.title.tokens if t.start in found and not is_content(t)]
    return _share(loose, style, extra), _share(plain, style, extra)


def _share(verdicts: list[tuple[Token, bool]], style: set[int], extra: list[tuple[Token, bool]]) -> Coverage:
    verdicts = [(t, ok) for t, ok in verdicts if ok or t.start not in style] + extra  # a style word when found
    if not verdicts:
        return 1.0, []
    return sum(ok for _, ok in verdicts) / len(verdicts), verdicts


def _first(seen: set[str], w: str) -> bool:
    """The first time a word is in the title: a repeated word (a chant, "سلمية سلمية") is one word of the claim."""
    if w in seen:
        return False
    seen.add(w)
    return True


# Proclitics and endings a word may carry, tried in every combination (a word's letters may also be its own:
# وحشية، فترات start with letters that are proclitics elsewhere), so the forms of a word include its stem.
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "س", "ال", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "فب", "فل",
             "ولل", "وبال", "فلل", "وس")
_SUFFIXES = ("", "ه", "ا", "ي", "ك", "ات", "ين", "ون", "ان", "يه", "ها", "هم", "كم", "نا", "وا", "ت", "تين", "تان", "يين",
             "يون", "يات", "هما")
_HAMZA = str.maketrans({"ئ": "ء", "ؤ": "ء"})  # one hamza whatever its seat: فضاء / فضائية
_FORM_MIN = 3


def _forms_of(word: str) -> frozenset[str]:
    """Every reading of a normalised word as proclitics + stem + ending, the stem of three letters or more:
    وحشية -> وحش (not حشي), فترتين and فترات -> فتر, الفضاء and فضائية -> فضاء, the irregular المرأة -> امراه.
    Two words share a form when one reading of each meets: looser than the light stem, which picks one."""
    w = word.translate(_HAMZA)
    out: set[str] = set()
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= _FORM_MIN:
            s = w[len(p):]
            out.update(s[:len(s) - len(x)] if x else s for x in _SUFFIXES
                       if s.endswith(x) and len(s) - len(x) >= _FORM_MIN)
    if "مراه" in out:
        out.add("امراه")  # امرأة has no article form of its own letters: المرأة
    return frozenset(out)


# The word functions below are memoised in the project's bounded WordMemo: a known word costs one dict lookup,
# and a server that checks drafts for weeks does not grow the memo without end.
forms: Callable[[str], frozenset[str]] = WordMemo(_forms_of).__getitem__


def _lead_forms(ctx: Context) -> frozenset[str]:
    found = ctx.cache.get("topic:forms")
    if found is None:
        found = ctx.cache["topic:forms"] = frozenset().union(*map(forms, ctx.lead_norms))
    return found  # type: ignore[return-value]


def _shares_form(ctx: Context, t: Token) -> bool:
    """The body's opening has a word that one reading of the title word shares its stem with."""
    return not forms(t.norm).isdisjoint(_lead_forms(ctx))


_WEAK = frozenset("اوي")
_ROOT_ZIPF = 4.5  # the rule's default rare_zipf: only a rare word is matched by its root


def _roots_of(word: str) -> frozenset[str]:
    """The three radicals of a verb or a noun derived from it, read off each of its forms by the derived
    patterns: the present's prefix (يرحل، تهبط), the م of a participle (متدني), the ا/ت/ن/است of the derived
    verbs (ارتفاع، انهيار، استقرار), the long vowels between radicals (رحيل، هبوط، واقف) and the ت of افتعل.
    يرحل / رحيل -> رحل، يرتفع / ترفع -> رفع. A form must keep three strong letters: hollow and doubled roots
    (قال، رد) are not read, they meet too many words."""
    out: set[str] = set()
    for f in forms(word):
        if not 4 <= len(f) <= 7:
            continue
        k = f
        if k.startswith("است") and len(k) >= 6:
            k = k[3:]
        elif k[0] in "يتنم" and len(k) >= 4:
            k = k[1:]
        elif k[0] == "ا" and len(k) >= 5:
            k = k[1:]
            if k[0] == "ن" and len(k) >= 4:
                k = k[1:]  # انفعال
        if len(k) >= 4 and k[1] == "ت" and k[0] not in _WEAK:
            k = k[0] + k[2:]  # افتعل: ارتفع -> رفع
        core = k[0] + "".join(c for c in k[1:] if c not in _WEAK)
        if len(core) == 3 and not any(c in _WEAK for c in core[1:]):
            out.add(core)
    return frozenset(out)


roots: Callable[[str], frozenset[str]] = WordMemo(_roots_of).__getitem__


def _shares_root(ctx: Context, t: Token) -> bool:
    """A rare title word (rarer than ``_ROOT_ZIPF``) whose root a word of the body's opening has (يرحل / رحيل،
    يهبط / الهبوط، وقوفا / واقفا). Common words are left out: their roots (قول، عمل، حكم) are in any story."""
    rs = roots(t.norm) if zipf(t.norm) < _ROOT_ZIPF else frozenset()
    if not rs:
        return False
    lead = ctx.cache.get("topic:roots")
    if lead is None:
        lead = ctx.cache["topic:roots"] = frozenset().union(*map(roots, ctx.lead_norms))
    return not rs.isdisjoint(lead)  # type: ignore[attr-defined]


def _paraphrased(ctx: Context, t: Token) -> bool:
    """The body's opening says the title word in a headline's usual other word (data/headline_paraphrases.txt):
    مظاهرات / احتجاجات، يثير / أثار، كائنات / مخلوقات."""
    groups = _paraphrase_groups(t.norm)
    if not groups:
        return False
    lead = ctx.cache.get("topic:paraphrases")
    if lead is None:
        lead = ctx.cache["topic:paraphrases"] = frozenset().union(
            *map(_paraphrase_groups, ctx.lead_norms))
    return not groups.isdisjoint(lead)  # type: ignore[attr-defined]


def _paraphrase_groups_of(word: str) -> frozenset[int]:
    table = _paraphrase_table()
    return frozenset().union(*(table.get(f, ()) for f in forms(word)))


_paraphrase_groups: Callable[[str], frozenset[int]] = WordMemo(_paraphrase_groups_of).__getitem__


@cache
def _paraphrase_table() -> dict[str, frozenset[int]]:
    """A form -> the groups of headline paraphrases whose entry it is a form of (an entry is matched by its
    stem readings, so one entry covers its clitic and plural forms)."""
    out: dict[str, set[int]] = {}
    groups = [*data.groups("headline_paraphrases"), *data.groups("synonym_groups"), *data.groups("swap_synonyms")]
    for n, group in enumerate(groups):
        for w in group:
            for f in _entry_keys(w):
                out.setdefault(f, set()).add(n)
    return {f: frozenset(ns) for f, ns in out.items()}


def _entry_keys(w: str) -> frozenset[str]:
    """An entry's own keys: the word itself, without ال, and a present verb in both persons (يغادر، تغادر);
    not every reading: the entry يحتج must not meet every word with a ح ت ج."""
    w = w.translate(_HAMZA)
    b = w[2:] if w.startswith("ال") and len(w) > 4 else w
    keys = {w, b}
    if w[:1] in ("ي", "ت") and len(w) >= 4:
        keys.update(("ي" + w[1:], "ت" + w[1:]))
    return frozenset(keys)


def _said_in_third_person(ctx: Context, t: Token) -> bool:
    """A quoted speaker's first-person verb (أخشى، نريد، أثق) that the body reports in the third person
    (يخشى، يريد، يثق): a quote headline keeps the speaker's words, the story tells them."""
    w = t.norm
    if not (w[:1] in ("ا", "ن") and 4 <= len(w) <= 6):
        return False
    third = "ي" + w[1:]
    return third in ctx.lead_words or third.removesuffix("ي") in ctx.lead_words


def style_words(toks: tuple[Token, ...]) -> set[int]:
    """Starts of the title words that give the headline's format or tone, not a claim (data/headline_style.txt):
    a label or reader address (شاهد، بالفيديو، تعرف), an evaluative word (مفاجأة، مرعب), a figurative set
    phrase (يدق ناقوس الخطر، يقلب الطاولة). A story shows these and seldom names them, whether or not the
    title is its own, so they are evidence neither way."""
    out: set[int] = set()
    keys = [bare(t.norm) for t in toks]
    for i, t in enumerate(toks):
        if t.norm in _STYLE_WORDS or keys[i] in _STYLE_WORDS or _weekday(t.norm) or _dated_month(toks, i):
            out.add(t.start)
        for key in {keys[i], *forms(t.norm)}:  # the phrase's verb in any person (يدقون ناقوس الخطر)
            for phrase in _STYLE_PHRASES.get(key, ()):
                if tuple(keys[i + 1:i + len(phrase)]) == phrase[1:]:
                    out.update(u.start for u in toks[i:i + len(phrase)])
    return out


def _credit(w: str) -> bool:
    """An interview credited to a medium by its Latin name (وزير سابق لـCNN: ...): the outlet's own name, in
    its dateline whatever the story, so it is evidence neither way."""
    return len(w) > 2 and w[0] == "ل" and w[1:].isascii() and w[1:].isalpha()


def _weekday(w: str) -> bool:
    """A weekday (الخميس، يوم السبت): the date check compares it with the body's, and a story says "today"
    rather than repeat its own day, so a missing one says nothing of the topic. Months are not left out: a
    month in a title is more often part of a name (هجمات 11 سبتمبر) than the story's date."""
    w = w[1:] if w[:1] in ("و", "ب", "ل") and w[1:] in L.WEEKDAYS else w  # وفي يوم الخميس، بالخميس
    return w in L.WEEKDAYS


def _dated_month(toks: tuple[Token, ...], i: int) -> bool:
    """A month written as part of a date: after a day (2 فيفري) or before a year (فيفري 2017). A digest's or a
    report's date, like its weekday, is the date check's to compare; a month alone may be part of a name."""
    w = toks[i].norm
    if w not in L.MONTHS and bare(w) not in L.MONTHS:
        return False
    day = i > 0 and toks[i - 1].norm.isdigit() and len(toks[i - 1].norm) <= 2
    year = i + 1 < len(toks) and toks[i + 1].norm.isdigit() and len(toks[i + 1].norm) == 4
    return day or year


def _style_lexicon() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    single: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in data.groups("headline_style"):
        if len(entry) == 1:
            single.add(entry[0])
        else:
            key = tuple(bare(w) for w in entry)
            phrases.setdefault(key[0], []).append(key)
    return frozenset(single), {k: tuple(v) for k, v in phrases.items()}


_STYLE_WORDS, _STYLE_PHRASES = _style_lexicon()


def _found_places(ctx: Context) -> set[int]:
    """Title places the body names; for the topic, a city counts as named when the body names its country
    (title أنقرة, body التركي: the same story told from the capital)."""
    countries = {country_of(b) for b in places_of(ctx, "body")} - {""}
    return {m.start for m in places_of(ctx, "title") if covered(ctx, m) or country_of(m) in countries}


def _found_nicknames(ctx: Context) -> set[int]:
    """Starts of the title words of a team's nickname (الديوك، أسود الأطلس، البلوز، الليغا: data/team_nicknames.txt)
    whose team the body names: the country in any form (الديوك / المنتخب الفرنسي) or the club's or league's words
    (البلوز / تشيلسي). A sports headline names the team by its nickname, the story by its name."""
    toks = ctx.title.tokens
    out: set[int] = set()
    keys = [bare(t.norm) for t in toks]
    for i, key in enumerate(keys):
        for words, target in _NICKNAMES.get(key, ()):
            if tuple(keys[i:i + len(words)]) == words and _team_named(ctx, target):
                out.update(t.start for t in toks[i:i + len(words)])
    return out


def _team_named(ctx: Context, target: tuple[str, tuple[tuple[str, ...], ...]]) -> bool:
    country, names = target
    if country:
        return country in {country_of(b) for b in places_of(ctx, "body")}
    return any(all(w in ctx.body_words for w in name) for name in names)


def _nickname_lexicon() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, tuple[tuple[str, ...], ...]]], ...]]:
    """First word of a nickname -> (its words, (the country it names, or "" and the names of its club/league))."""
    out: dict[str, list] = {}
    for nickname, target in data.normalized_fields("team_nicknames"):
        words = tuple(bare(w) for w in nickname.split())
        place = place_lookup(target)
        if place is not None and place[0] == "country":
            resolved: tuple[str, tuple[tuple[str, ...], ...]] = (place[1], ())
        else:
            resolved = ("", tuple(tuple(bare(w) for w in name.split()) for name in target.split("،")))
        out.setdefault(words[0], []).append((words, resolved))
    return {k: tuple(v) for k, v in out.items()}


_NICKNAMES = _nickname_lexicon()


def _found_numbers(ctx: Context) -> set[int]:
    if not ctx.title_numbers:
        return set()  # the body's numbers are read only when the title has one
    body = ctx.body_numbers
    return {t.start for t in ctx.title_numbers if any(agree(t, b) for b in body)}


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    absent, weak = RULES
    cov, verdicts = coverage(ctx)
    if len(verdicts) < _MIN_WORDS:
        return
    missing = [t for t, ok in verdicts if not ok]
    supported = absent.param(config, "supported_below")
    if cov < absent.param(config, "absent_below") or (
            cov < supported and (_rare_words_absent(ctx, verdicts, absent.param(config, "rare_zipf"))
                                 or _opening_silent(ctx, len(verdicts)))):
        yield _hit(absent.id, missing, cov)
        return
    cov, verdicts = coverage(ctx, reworded=False)
    missing = [t for t, ok in verdicts if not ok]
    clause = _absent_clause(ctx, verdicts)
    if clause:
        yield _hit(weak.id, clause, cov)
    elif missing and (cov < weak.param(config, "weak_below")
                      or (cov < SUPPORTED_BELOW and _specific_absent(ctx))):
        yield _hit(weak.id, missing, cov)


_OPENING_WORDS = 30  # about the body's first sentence, which a headline sums up
_OPENING_MIN_TITLE = 3


def _opening_silent(ctx: Context, n_words: int) -> bool:
    """The body's first sentence (its first thirty words) has none of the title's words, in any of the forms
    looked for, whatever the rest of the opening shares with it: a headline sums up a story's first sentence,
    so a title whose words the story only meets further down (a section's usual words) is another story's.
    A title of three words or more."""
    toks = ctx.body.tokens
    if n_words < _OPENING_MIN_TITLE or len(toks) <= _OPENING_WORDS:
        return False  # a short body is all opening: the coverage already says it
    head = Context(Document("", ctx.body.text[:toks[_OPENING_WORDS - 1].end]))
    # the title as this draft has read it already: its words, places and numbers are not read again
    head.title = head.doc.title = ctx.title
    if "places:title" in ctx.cache:
        head.cache["places:title"] = ctx.cache["places:title"]
    if "title_numbers" in ctx.__dict__:
        head.__dict__["title_numbers"] = ctx.title_numbers
    cov, verdicts = coverage(head)
    return len(verdicts) >= _OPENING_MIN_TITLE and cov == 0


def _rare_words_absent(ctx: Context, verdicts: list[tuple[Token, bool]], rare_zipf: float) -> bool:
    """The title's rare words speak against this body: one is missing (nowhere in the body, not even loosely
    in its opening) and none is in the body, or at least two more are missing than are in it (a section's
    usual names, found in any story of it, do not outweigh the title's own). In a title of six words or more
    a missing present-tense verb is not counted: the headline's verb is the word outlets choose most freely
    (تتعثر for a draw); in a shorter one the verb is most of the claim (الشبيبة تعتذر للنجم)."""
    found = missing = 0
    long_title = len(verdicts) >= _VERB_FREE_WORDS
    for t, ok in verdicts:
        if zipf(t.norm) >= rare_zipf:
            continue
        if ctx.body_has(t) or _spelled_otherwise(ctx, t):
            found += 1
        elif not ok and not (long_title and _present_verb(t.norm)):
            missing += 1
    return missing >= 1 and (found == 0 or missing >= found + 2)


# Letters a transliterated name is spelled with in one outlet or another, one class each (غ/ج/ق/ك for g and q,
# ت/ط, س/ص/ث, ز/ذ/ظ, د/ض, ف/ڤ, ب/پ); long vowels and hamza seats are left out (تورنتو / تورونتو).
_SKELETON = str.maketrans({"غ": "ك", "ج": "ك", "ق": "ك", "گ": "ك", "ط": "ت", "ص": "س", "ث": "س", "ذ": "ز",
                           "ظ": "ز", "ض": "د", "ڤ": "ف", "پ": "ب", "ا": None, "و": None, "ي": None, "ء": None})
_NAME_ZIPF = 3.5  # rarer than this, a word is spelled as its outlet transliterates it (or is a rare form)
_SKELETON_MIN = 4


def _skeleton_of(word: str) -> str:
    """The consonants of a normalised word without proclitics, transliteration variants merged: one key for
    تورنتو and تورونتو, غوتيريش and جوتيريس, ستيفانوس and ستفانوس; "" when fewer than four remain."""
    b = bare(word)
    k = b.removesuffix("ه").translate(_SKELETON)
    return k if len(k) >= _SKELETON_MIN else ""


skeleton: Callable[[str], str] = WordMemo(_skeleton_of).__getitem__


def _spelled_otherwise(ctx: Context, t: Token) -> bool:
    """A rare title word (a foreign name) that the body spells another way: the same consonants, up to the
    letters that transliterate one sound, in a rare body word."""
    if zipf(t.norm) >= _NAME_ZIPF:
        return False
    key = skeleton(t.norm)
    return bool(key) and key in _body_skeletons(ctx)


def _written_apart(ctx: Context, t: Token) -> bool:
    """A rare title word (a brand, a foreign name) that the body's opening writes as two words, or the other
    way round: بتكوين / بت كوين، فيسبوك / فيس بوك، فولكسفاغن / فولكس فاجن (transliteration variants merged)."""
    if zipf(t.norm) >= _ROOT_ZIPF:
        return False
    key = skeleton(t.norm)
    if not key:
        return False
    found = ctx.cache.get("topic:joined")
    if found is None:
        norms = ctx.body.norms[:LEAD_TOKENS]
        found = ctx.cache["topic:joined"] = frozenset(
            skeleton(a + b) for a, b in pairwise(norms) if a.isalpha() and b.isalpha()) - {""}
    return key in found  # type: ignore[operator]


def _body_skeletons(ctx: Context) -> frozenset[str]:
    found = ctx.cache.get("topic:skeletons")
    if found is None:
        words = {t.norm for t in ctx.body.tokens}
        found = ctx.cache["topic:skeletons"] = frozenset(
            skeleton(w) for w in words if zipf(w) < _NAME_ZIPF) - {""}
    return found  # type: ignore[return-value]


_VERB_FREE_WORDS = 6  # a title of this many words or more: its verb is one word among the claim's many


def _present_verb_of(w: str) -> bool:
    """A headline's present-tense verb (يثخن، تتعثر، ويعيد): the word outlets choose most freely for the same
    event, so a missing one is no sign of another story. Nouns that start like a verb are left out: a verbal
    noun or plural of the patterns تفاعل، تفعيل، تفاعيل (تعاون، تحذير، تقارير), a nisba (تركي), a feminine or
    plural ending, a place."""
    b = w[1:] if w[:1] == "و" and len(w) > 4 else w
    if b[:1] == "س" and b[1:2] in ("ي", "ت") and len(b) >= 5:
        b = b[1:]  # the future's س (سيصبح، ستعلن)
    if not (b[:1] in "يت" and 4 <= len(b) <= 6) or b.endswith(("ات", "ه", "ي")) or place_lookup(b):
        return False
    return not (b[0] == "ت" and (b[2] == "ا" or (len(b) == 5 and b[3] == "ي") or (len(b) == 6 and b[3] == "ا")))


_present_verb: Callable[[str], bool] = WordMemo(_present_verb_of).__getitem__


def _zipf_of(word: str) -> float:
    """How common a normalised word is in general Arabic, on the Zipf scale (log10 of its uses per billion
    words; 3 = once in a million words, 6 = once in a thousand), the larger of the word's and its form without
    proclitics (والحكومة / حكومة); 0 for a word the list does not have (a rare name)."""
    freq = _frequencies()
    f = max(freq.get(word, 0.0), freq.get(bare(word), 0.0))
    return log10(f * 1e9) if f > 0 else 0.0


zipf: Callable[[str], float] = WordMemo(_zipf_of).__getitem__


@cache
def _frequencies() -> dict[str, float]:
    """wordfreq's Arabic list (words used at least once in a million: Wikipedia, subtitles, news, web text),
    merged under the engine's normalisation. Read once per process from the installed package."""
    from wordfreq import get_frequency_dict  # imported on first use: the import itself costs ~0.5 s

    out: dict[str, float] = {}
    for word, f in get_frequency_dict("ar", wordlist="small").items():
        key = norm(word)
        out[key] = out.get(key, 0.0) + f
    return out


def _specific_absent(ctx: Context) -> bool:
    """The title gives a figure or a city that the body never mentions: strong evidence of a wrong title."""
    if any(m.kind == "city" and not covered(ctx, m) for m in places_of(ctx, "title")):
        return True
    if not ctx.title_numbers:
        return False
    body = ctx.body_numbers
    return any(t.kind in ("digits", "words") and not any(t.value == b.value or agree(t, b) for b in body)
               for t in ctx.title_numbers)


def _hit(rule: str, missing: list[Token], cov: float) -> Hit:
    start = min(t.start for t in missing)
    end = max(t.end for t in missing)
    return hit(rule, "title", start, end, coverage=f"{cov:.0%}")


def _absent_clause(ctx: Context, verdicts: list[tuple[Token, bool]]) -> list[Token]:
    """The content words of a title clause none (or, for a long clause, one) of which the body mentions. A
    clause's words are its own: not its opener (وسط، رغم) nor a style word, and a word the title said before the
    clause (يعلن ... ويعلن) is the earlier clause's evidence, not this one's. A circumstance of one word (وسط
    احتجاجات) counts when the body never has it."""
    ok = {t.start: v for t, v in verdicts}
    clauses = _clauses(ctx.title.text, ctx.title.tokens)
    style = style_words(ctx.title.tokens)
    before: set[str] = set()
    for prev, clause in pairwise(clauses):
        before.update(lexeme(t.norm) for t in prev)
        if not (_verb_conj(clause[0]) or _adjunct(clause[0])):
            continue  # a kicker before a colon is often editorial; only a second claim ("وتحطم ...") counts
        # the clause's own words: not its opener (وسط، رغم), not a style word even when the body has it
        words = [t for t in clause if t.start in ok and t.start not in style and not (t is clause[0] and _adjunct(t))]
        if not words:
            continue
        # a word the title already said before this clause (تعلن ... ويعلن) is the earlier clause's evidence
        ok = {**ok, **{t.start: False for t in words if lexeme(t.norm) in before and not ctx.body_has(t)}}
        span = [t for t in clause if t.start >= (clause[0] if _adjunct(clause[0]) else words[0]).start]
        if len(words) == 1 and _adjunct(clause[0]) and not (ok[words[0].start] or ctx.body_has(words[0])):
            # a circumstance of one word ("وسط احتجاجات"، "رغم الانتقادات"): nowhere in the body
            return span
        if len(words) >= _CLAUSE_MIN:
            missing = [t for t in words if not ok[t.start]]
            if len(missing) >= len(words) - (1 if len(words) >= 4 else 0) and not ok[words[0].start]:
                return span
        elif len(words) == _CLAUSE_MIN - 1 and not any(ok[t.start] or ctx.body_has(t) for t in words):
            # a short clause ("ويعلن استقالته"، "وسط إضراب عام"): none of its words anywhere in the body
            return span
        if len(words) <= _KEY_CLAUSE_MAX:
            # the clause's claim is in its specific nouns, not in its verb (يعلن، يطالب، يكشف: any story has
            # them) nor in a common word (عام، مالية): none of them anywhere in the body; or, without a specific
            # noun, none of two or more nouns (ويكشف عن موعد الانتخابات)
            nouns = [t for t in words if not (t is clause[0] and _verb_conj(t))]
            keys = [t for t in nouns if _specific(t)] or (nouns if len(nouns) >= 2 else [])
            if keys and not any(_named_in_body(ctx, t) for t in keys):
                return span
    return []


def _named_in_body(ctx: Context, t: Token) -> bool:
    """The body has the word itself: a form of its stem anywhere, its verb or verbal noun (يستقيل / استقالة) or a
    synonym in the opening, or the same place, number or team. Not a run of four shared letters, which a noun
    meets in unrelated words (استقالة / استقبال، انتقال)."""
    found = ctx.cache.get("topic:found")
    if found is None:
        found = ctx.cache["topic:found"] = _found_places(ctx) | _found_numbers(ctx) | _found_nicknames(ctx)
    return t.start in found or ctx.body_has(t) or lexeme(t.norm) in ctx.lead_lexemes \
        or not synonym_groups(bare(t.norm)).isdisjoint(ctx.lead_synonyms) or _spelled_otherwise(ctx, t)


_KEY_CLAUSE_MAX = 4  # a longer clause is judged by the share of its words (above)


def _specific(t: Token) -> bool:
    """A word rarer than the rule's rare words in every reading: a specific noun (استقالة، تعويضات، إضراب)."""
    return max(zipf(t.norm), zipf(t.stem)) < _ROOT_ZIPF


def _clauses(text: str, toks: tuple[Token, ...]) -> list[list[Token]]:
    """Split a title before "و" + verb (وتحطم، ويضم), before a circumstance word (رغم، بعد، وسط) and at
    punctuation (: ، - )."""
    out: list[list[Token]] = [[]]
    for i, t in enumerate(toks):
        punct = i > 0 and any(c in ":،,-–؛" for c in text[toks[i - 1].end:t.start])
        agent = i > 0 and toks[i - 1].norm == "من" and t.norm == "قبل"  # "من قبل": the passive's agent, "by"
        if out[-1] and (punct or _verb_conj(t) or (_adjunct(t) and not agent)):
            out.append([])
        out[-1].append(t)
    return [c for c in out if c]


def _adjunct(t: Token) -> bool:
    """A word that opens a circumstance clause (رغم، بعد، وسط، بحضور; data/title_clause_openers.txt)."""
    return t.norm in _ADJUNCTS or (t.norm[:1] == "و" and t.norm[1:] in _ADJUNCTS)


_ADJUNCTS = data.words("title_clause_openers")


def _verb_conj(t: Token) -> bool:
    w = t.norm
    return len(w) >= 5 and w[0] == "و" and w[1] in "تين" and w[1:] not in L.STOPWORDS
