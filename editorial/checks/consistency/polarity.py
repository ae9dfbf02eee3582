"""Contradictions: the title reports one outcome and the body the opposite one, or denies what the title says.

Two rules, both reading word lists that are data (``data/polarity.txt``, ``data/negators.txt``,
``data/polarity_words.txt``):

- ``polarity_mismatch``: opposite outcomes come in pairs of word families (rise/fall, opened/closed,
  won/lost, arrested/released, dismissed/kept, passed/postponed, confirmed/denied ...). A title outcome word
  conflicts when the body uses the opposite word about the same subject and never the same side about it. The
  subject of an outcome word is the content words of its own phrase (up to three words either side, not across
  "مع"، "و"، "بعد" or punctuation), so in "الذهب يصعد مع تراجع الدولار" the rise is the gold's and the fall the
  dollar's. A negated outcome word (لم ترتفع، عدم الإفراج) counts on the other side. When the subjects are
  named differently (العملة التركية / الليرة), a body sentence that restates the title (two of its words or
  numbers) and states one outcome only, the opposite of the title's only outcome, is enough.
- ``negation_mismatch``: a title word (or a word of its synonym group: مقتل / ضحايا) that the body mentions only
  under a negation (title "البرلمان يصادق
  على الاتفاقية", body "... لم يصادق ...", "يرفض التصديق", "تفشل في حل") or the reverse (the title denies,
  the body asserts and negates nothing; a body verb under the future's س or with an object pronoun,
  ستحتضنها، سيعود, counts as the title's تحتضن، يعود). A negator covers the first content word after it, passing
  over "أن"، "في"، "يتم" ... Also: a title that asserts (no negation, no setback) while the body's opening says
  its actor failed at it (تعترض صاروخا / تفشل في التصدي لصاروخ) or, for a title that reports a reaction
  (ندد، استدعى، طالب: ``data/reactions.txt``), ignored it: two title words in that sentence, one after the
  verb of failure. (Refusal is left out: "رفض الكشف عن اسمه" and a refusal that restates the title's
  opposition are too common in real copy.) Nothing is denied as a fact in a condition or its answer (إذا
  تجاهلت، فلن يتحول), by "إلا" (however, otherwise), by a name withheld (لم تكشف اسمه), in a concession
  ignored (رغم الانتقادات / تجاهلت الانتقادات), after a topic marker (``data/topic_markers.txt``) or in a
  yes/no question title.

Known limits: subjects are matched by word keys, the synonym groups of ``data/synonym_groups.txt``, the
words as written (a name of one word or two, with or without the article: بت كوين / البتكوين) and a leader's
office (أردوغان / الرئيس التركي: ``data/leader_offices.txt``) only, a
verb and its verbal noun (سلّم / تسليم) do not match, and "لا ... إلا" (only) reads as a negation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from itertools import islice

import regex

from ..arabic import lexicon as L
from ..arabic.clitics import has_article, strip_proclitics
from ..arabic.data import keyed, normalized_fields
from ..arabic.memo import WordMemo
from ..arabic.numbers import starts_number
from ..arabic.quotes import QUOTE_MARKS
from ..arabic.stem import light_stem, without_accusative_alif
from ..arabic.tokens import TextView, Token
from ..config import CheckConfig
from ..types import Hit, Rule
from .common import GROUPS, LEAD_TOKENS, LEXEMES, Context, bare, hit, is_content, lexeme, verb_key, word_key
from .topic import style_words
from .words import (
    NEG,
    PARTICLE_AFTER_PREPOSITION,
    POLAR,
    PRONOUNS,
    demand_word,
    maybe_place,
    negator,
    place_lookup,
    role_word,
    token_index,
    without_future,
    word_sides,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "consistency.polarity_mismatch", "warning",
        "العنوان يقول «{text}» بينما يقول النص عكس ذلك ({body}): وحّد الاتجاه.",
        "The title says “{text}” while the body says the opposite ({body}): make them agree.",
        "An outcome in the title (rise/fall, won/lost, opened/closed, arrested/released ...) the body reverses.",
    ),
    Rule(
        "consistency.negation_mismatch", "warning",
        "ما ينفيه أحد العنوان والنص يثبته الآخر: «{text}» في العنوان و({body}) في النص. تحقّق من أيهما الصحيح.",
        "One of the title and the body denies what the other states: “{text}” in the title, ({body}) in the body."
        " Check which one is right.",
        "A title statement the body only mentions negated (لم، لا، عدم، ينفي، يرفض ...), or the reverse.",
    ),
)

# The module's small word lists, each read by its key (data/polarity_words.txt), normalised.
_W = keyed("polarity_words")
_Key = str | int | tuple[str, ...]  # a subject word: its light stem, a synonym group, as written, an office
_WINDOW = 3  # words between a body outcome word and its subject
_TITLE_WINDOW = 2  # the title's outcome word: its subject is nearer (ارتفاع إنتاج روسيا: the output rises)
# Words that say what is measured (أسعار الذهب، مستوى الدولار): passed over when looking for the subject.
_MEASURES = frozenset(_W["MEASURES"])
_PREPOSITIONS = frozenset(_W["PREPOSITIONS"])
_BREAKS = frozenset(_W["BREAKS"])
# "لا يزال"، "لا سيما"، "لا بد": a negation particle that negates nothing.
_NOT_NEGATED = frozenset(_W["NOT_NEGATED"])
_DEMAND_REACH = 4  # words between a verb of demand and what it asks for (يطالب الحكومة بالانسحاب)
_EXCEPT_REACH = 6  # "لا ... إلا" (only): a negation particle with "إلا" this close negates nothing
_NEG_REACH = 3  # skip words (أن، في، يتم) passed over between a negator and what it negates
_VERB_REACH = 4  # words a verb of denial covers (استبعد روحاني تقديم حكومته استقالتها)
_NEAR = 12  # a negator this many words before a word, in its sentence, may be about it
_ILLA = _W["ILLA"][0]
_FAQAT = _W["FAQAT"][0]
_QABL = _W["QABL"][0]
_DIDD = _W["DIDD"][0]
_LIMA, _LA = _W["LIMA_LA"]
_FROM = frozenset(_W["FROM"])  # "من أعلى مستوى"، "يتراجع عن أعلى مستوى": a level left
_STATEMENT = 8  # words around a denied body word where another title word shows it is the title's statement
_GAINS = "up"  # the pair of gains and losses, rises and falls: the one a reversing verb turns over
_COMPASS = frozenset(("north", "east"))  # directions, which a place name may end with
_PURPOSE = "purpose:"  # prefix of the pair of an outcome stated as a purpose or asked for
_CEASED = frozenset(("calm", "peace"))  # violence or war ceased (توقف القتال) is calm; other outcomes stopped
# (توقف الواردات) state no opposite
_QUANTIFIERS = frozenset(_W["QUANTIFIERS"])
_GHAYR = _W["GHAYR"][0]
_HEDGES = frozenset(_W["HEDGES"])
# Conditional particles (إذا، لو، في حال): what a condition or its answer denies is not stated ("إذا تجاهلت
# سوريا التحذيرات"، "إذا ... فلن يتحول"). "إن" is left out: after a verb of saying it opens reported speech.
_IF = frozenset(_W["IF"])
_IF_REACH = 4  # words between a conditional particle and the negator it governs
_ANSWER_REACH = 25  # words back from "فلن"، "فلا" (the answer of a condition) to its particle, in the sentence
_THAT = frozenset(_W["THAT"])  # "that": what follows is claimed or reported
# Verbs of denial whose object takes a preposition (فشل في، امتنع عن، أخفق في، عجز عن): a definite noun
# right after them is their subject.
_PREPOSITIONAL = frozenset(lexeme(w) for w in _W["PREPOSITIONAL"])
_ACTORS = L.ENTITY_HEADS  # heads of titles and institutions: a verb's subject, not its object
_SENTENCE_END = regex.compile(r"[.!?؟؛\n]")
_RESTATE_SENTENCES = 2  # the body's opening sentences, where a headline is restated
_RESTATE_SHARED = 2
# Pairs whose outcome is an actor's stance or statement (confirm/deny, accept/refuse, praise/condemn ...): a
# restating sentence often gives another actor's stance, so only the stance's own subject counts for them.
# Contraries: gradable pairs whose negation is not the opposite ("ليست الأكبر" is not the smallest, "ليس قويا"
# not weak, "لا حاجة" no plenty): a negated word of these pairs states no side.
_CONTRARIES = frozenset(("high", "big", "good", "strong", "fast", "expensive", "early", "rich", "lasting", "whole",
                         "majority", "mood", "optimism", "positive", "need", "north", "east"))
_STANCES = frozenset(("confirm", "accept", "praise", "stance", "support", "welcome", "reassure", "agree",
                      "optimism", "mood", "positive"))


def check(ctx: Context, config: CheckConfig) -> Iterator[Hit]:
    spans: list[tuple[int, int]] = []
    for h in _polarity(ctx):
        spans.append((h.start, h.end))
        yield h
    found = False
    for h in _negation(ctx):
        if not any(s < h.end and h.start < e for s, e in spans):
            found = True
            yield h
    if not spans and not found:
        yield from _failed(ctx)


# --- opposite outcomes ---------------------------------------------------------------------------------------

def _polarity(ctx: Context) -> Iterator[Hit]:
    bpos = token_index(ctx.body)[POLAR]
    tpos = token_index(ctx.title)[POLAR]
    if not bpos or not tpos:
        return
    body_polar = _sided(ctx.body, bpos)
    quotes = ctx.title.quotations
    title_polar = [(i, p, s) for i, p, s in _sided(ctx.title, tpos) if not _scare_quoted(ctx.title, i, quotes)]
    # every outcome word's own phrase, those left out as unclear included (لم تنتعش بعد رفع الفائدة: the
    # interest rate is the rise's subject, not the subject of the lira's recovery)
    own = {i: _phrase(ctx.title, i, _TITLE_WINDOW) for i in tpos}
    rest = _subject_all(ctx) - frozenset().union(*own.values())
    opening = _opening(ctx)  # the body's first two sentences end here
    if _question(ctx.title):
        return  # "هل بدأ عصر الغاز؟" asks, it states no outcome
    for i, pair, side in title_polar:
        if _denied_by_verb(ctx.title, i):
            continue  # "تنفي فرض رسوم": the statement is the denial (negation_mismatch weighs it), and the body
            # of a denial story repeats what is denied
        both = any(p == pair and s != side for _, p, s in title_polar)
        if both and pair.removeprefix(_PURPOSE) in _STANCES:
            continue  # "يؤكد ... وينفي": the title gives both stances, the body may report either
        # a contest's word with no subject of its own ("بعد الخسارة أمام البرازيل") is not given the title's other
        # words: the opponent named there is the winner, the other side of the same result
        subject = own[i] or (frozenset() if both or pair == _MATCH else rest)
        if not subject:
            continue
        against = None
        for j, p, s in body_polar:
            if p != pair or (s != side and against is not None):
                continue
            if s == side:
                # the body supports the title about this subject, or about a subject it does not name near
                # the word ("ورفضهم المغادرة."): given the benefit of the doubt
                if _about(ctx.body, j, subject) or next(_walk(ctx.body, j, _WINDOW), None) is None:
                    break
            elif _about(ctx.body, j, subject, j < opening) \
                    and (j < opening or (pair not in _STANCES and not pair.startswith(_PURPOSE))) \
                    and not _earlier(ctx.body.tokens, j) and not _background(ctx.body, j):
                against = j  # a stance or a demand against the title's is read in the body's first two sentences
                # only (later ones are other actors' or about other things: اقترح الاتحاد بقاء إيرلندا ...)
        else:
            # the title's only outcome word, counting those left out as unclear (لماذا لم تنتعش بعد رفع الفائدة)
            if against is None and pair.removeprefix(_PURPOSE) not in _STANCES and pair != _MATCH \
                    and _outcomes(ctx.title, tpos) == 1:
                # (a contest restated from the other side, هزيمة تشلسي / فوز برشلونة, is the same result)
                against = _restated_against(ctx, i, pair, side, body_polar)
            if against is not None:
                yield _hit(ctx, "consistency.polarity_mismatch", i, against)
                return


def _opening(ctx: Context) -> int:
    """The index of the first token after the body's first ``_RESTATE_SENTENCES`` sentences."""
    sentences = [s for s in ctx.body.sentences[:_RESTATE_SENTENCES] if s.tokens]
    return sentences[-1].tokens[-1].index + 1 if sentences else 0


def _scare_quoted(view: TextView, i: int, quotes) -> bool:
    """An outcome word the title puts in quotation marks alone or with one other word (أردوغان "يهوي" بالليرة،
    ترامب "يحارب"): a figure of speech or someone's word, not the outcome reported."""
    span = quotes.around(view.tokens[i].start)
    return span is not None and len(view.text[span[0]:span[1]].split()) <= 2


def _outcomes(view: TextView, positions: list[int]) -> int:
    """The number of outcomes the outcome words at ``positions`` state: a word right after another one, with
    no punctuation between, qualifies it (غارة عنيفة، ارتفاع قياسي، تراجع حاد، also after a word of manner:
    تنخفض بشكل كبير) and states none of its own."""
    toks = view.tokens
    return sum(1 for n, i in enumerate(positions)
               if not _attribute(toks, i) and not (n and not _gap(toks, i) and (positions[n - 1] == i - 1 or (
                   positions[n - 1] == i - 2 and toks[i - 1].norm in _MANNER and not _gap(toks, i - 1)))))


def _attribute(toks: tuple[Token, ...], i: int) -> bool:
    """A definite adjective of a gradable pair right after a definite noun (قطار الحرمين السريع، المدن الكبيرة):
    part of a name or a description, no outcome."""
    sides = word_sides(toks[i].norm)
    return i > 0 and not _gap(toks, i) and has_article(toks[i].norm) and has_article(toks[i - 1].norm) \
        and bool(sides) and all(p in _CONTRARIES for p, _ in sides)


# "بشكل كبير"، "بصورة حادة": a word of manner between an outcome and its qualifier (تنخفض بشكل كبير)
_MANNER = frozenset(_W["MANNER"])


_HAL = _W["HAL"][0]


def _denied_by_verb(view: TextView, i: int) -> bool:
    """The word is covered by a verb of denial (ينفي، نفى) rather than a particle."""
    target = _targets(view).get(i)
    return target is not None and negator(view.tokens[target[0]].norm) == "verb" \
        and ("confirm", 1) in word_sides(view.tokens[target[0]].norm)


def _question(view: TextView) -> bool:
    """A yes/no question ("هل ...؟"): its outcome words are asked about, not reported."""
    toks = view.tokens
    return bool(toks) and toks[0].norm == _HAL and view.text.rstrip().endswith(("؟", "?"))


def _restated_against(ctx: Context, i: int, pair: str, side: int,
                      body_polar: list[tuple[int, str, int]]) -> int | None:
    """The body word when a sentence that restates the title (see ``_restating``) states one outcome only, the
    opposite of the title's one outcome, next to any of the title's words: the headline's statement reversed,
    whatever words name its subject there (هبوط جديد للعملة التركية / الليرة التركية تعود للارتفاع). Stances
    (``_STANCES``) are left to their own subjects."""
    for lo, hi in _restating(ctx):
        found = [(j, s) for j, p, s in body_polar if p == pair and lo <= j < hi
                 and not (j and ctx.body.tokens[j - 1].norm in _RELATIVE) and not _earlier(ctx.body.tokens, j)]
        # (an outcome in a relative clause, "التشكيلة التي ستشارك", describes another noun than the headline's)
        # (a word that qualifies the one before it, "تنخفض بشكل كبير", states no outcome of its own)
        outcomes = _outcomes(ctx.body, sorted({j for j, _, _ in body_polar if lo <= j < hi}))
        if len(found) == 1 and found[0][1] != side and outcomes == 1 \
                and _about(ctx.body, found[0][0], _subject_all(ctx), window=_RESTATED_WINDOW):
            return found[0][0]
    return None


_RESTATED_WINDOW = 6  # a restating sentence's one outcome word and its subject: a verb first (يستهل اللاعب
# التونسي الشاب محمد علي) may have a long subject after it


def _restating(ctx: Context) -> list[tuple[int, int]]:
    """Token ranges of the body's opening sentences that restate the title: they share at least
    ``_RESTATE_SHARED`` of its content words or numbers."""
    cached = ctx.cache.get("polarity_restating")
    if cached is not None:
        return cached  # type: ignore[return-value]
    tkeys = {_key(t) for t in ctx.title.tokens if _keyed(t)}
    out, toks, k = [], ctx.body.tokens, 0
    for sentence in ctx.body.sentences[:_RESTATE_SENTENCES]:
        while k < len(toks) and toks[k].start < sentence.start:
            k += 1
        lo = k
        while k < len(toks) and toks[k].end <= sentence.end:
            k += 1
        if tkeys and len(tkeys & {_key(t) for t in toks[lo:k] if _keyed(t)}) >= _RESTATE_SHARED:
            out.append((lo, k))
    ctx.cache["polarity_restating"] = out
    return out


def _keyed(t: Token) -> bool:
    """A content word that is no outcome word, or a number: what a restatement shares with the title."""
    return (is_content(t) and not word_sides(t.norm)) or t.norm[:1].isdigit()


def _key(t: Token) -> str:
    """A number as written, a word by its loose key (no clitics, no plural ending)."""
    return t.norm if t.norm[:1].isdigit() else word_key(t.norm)


def _sided(view: TextView, positions: list[int]) -> list[tuple[int, str, int]]:
    """(index, pair, side) of each outcome word, the side flipped under a negation; words whose negation is
    unclear, and words asked for rather than reported (يطالب بالانسحاب), are left out."""
    out = []
    toks = view.tokens
    for i in positions:
        w = toks[i].norm
        sought = _sought(view, i)
        if sought == -1 or maybe_place(w) or _reverser_of_next(view, i) or _continues_next(toks, i) \
                or _qualifies_number(toks, i) \
                or (i and toks[i - 1].norm in _FROM and any(p == "high" for p, _ in word_sides(w))) \
                or (i and w in _BOUNDS and toks[i - 1].norm == _ALA and not _gap(toks, i)):
            continue  # asked for, a place (صعدة), a reversing verb, a figure's qualifier (تزيد عن 500), a
            # starting level (من أعلى), a bound (على الأقل)
        neg = _negated(view, i)
        if neg == 1 and LEXEMES[toks[_targets(view)[i][0]].norm] in _IGNORING:
            continue  # "تجاهلت الانتقادات": what is ignored is there; ignoring states no outcome of it
        if neg == -1 and _denial_denied(view, i):
            neg = 1  # "عدم إلغاء الدورة": the session is not cancelled, it goes ahead
        ceased = neg == 1 and negator(toks[_targets(view)[i][0]].norm) == "cease" if i in _targets(view) else False
        if neg >= 0:
            # after a reversing verb only gains and losses turn over (يعوض خسائره); other outcomes are left out
            # (تقلص العجز is no surplus)
            rev = _reversed(view, i)
            if rev == 2 or (i and toks[i - 1].norm == _QABL) or _based_on(toks, i) or _comment(toks, i):
                continue  # a move pared (يقلص خسائره), what has not happened yet (قبل بدء الحفر), "بناء على"
                # (based on)
            # a purpose (إجراءات لخفض الأسعار) or a demand (يطالب بالانسحاب) is another statement than an
            # outcome, what is sought: its pair is kept apart (يطالب بمغادرة / يدعو إلى البقاء)
            tag = _PURPOSE if sought is not None or _purpose(view, i) else ""
            flip = sought or 0  # (a warning seeks the opposite of the word it governs)
            named = i and maybe_place(toks[i - 1].norm)  # كوريا الشمالية، الغوطة الشرقية: part of a name
            sides = word_sides(w)
            if toks[i].text.endswith("ة") and not _listed(w):
                sides = ()  # "بقية" (the rest) is no "بقي" + "ه": a word in ة is only read as itself
            left = _left(toks, i)  # "يغادر السجن": leaving prison is the release
            slight = _slight(view, i)  # "انخفض قليلا": a small move does not deny that a price held steady
            dated = i + 1 < len(toks) and not _gap(toks, i + 1) and _period(toks[i + 1].norm)
            # "يصعد ضد روسيا" escalates against someone: no rise
            against = i + 1 < len(toks) and not _gap(toks, i + 1) and toks[i + 1].norm == _DIDD
            # "ترفع حظر السفر"، "رفع الحظر": a ban lifted is leave given (a verb of lifting sanctions before it)
            lifted = _lifted(toks, i)
            out.extend((i, tag + p, s ^ neg ^ rev ^ flip ^ (left and p == "arrest") ^ (lifted and p == _ALLOW))
                       for p, s in sides
                       if not (slight and p == "stable") and not (dated and p == "start") and not (against and p == _GAINS)
                       and not (p == "office" and s == 1 and not _in_office(view, i))
                       if not _composed(view, i, p, s) and not _governed(toks, i, p, s) and not (named and p in _COMPASS)
                       and not (rev and p != _GAINS) and not (neg and p in _CONTRARIES)
                       and not (ceased and p not in _CEASED)
                       and not (p == "confirm" and s == 0 and not neg and _denial_follows(view, i)))
    return out


def _lifted(toks: tuple[Token, ...], i: int) -> bool:
    """A word after a verb of lifting sanctions (ترفع حظر السفر، رفع الحظر), its subject between (رفعت السلطات
    العراقية حظر التجول), up to ``_LIFT_REACH`` words in its phrase with no other outcome word between: what is
    lifted is ended."""
    for k in range(i - 1, max(-1, i - 1 - _LIFT_REACH), -1):
        if _gap(toks, k + 1):
            return False
        sides = word_sides(toks[k].norm)
        if sides:
            return _LIFT in sides
    return False


_LIFT_REACH = 7  # the lifting verb, its subject between (رفعت وزارة البيئة والمياه والزراعة في المملكة الحظر)


def _denial_denied(view: TextView, i: int) -> bool:
    """A verb of denial or cancelling that is an outcome word itself (إلغاء، تأجيل، رفض) right after a negation
    particle (عدم إلغاء، لم يرفض، لن تؤجل): the particle negates it, not what follows it."""
    toks = view.tokens
    return i > 0 and not _gap(toks, i) and negator(toks[i].norm) == "verb" \
        and negator(toks[i - 1].norm) == "particle" and not _conditional(view, i - 1) \
        and not _exceptive(toks, i - 1) and not _other_than(toks, i - 1) and not _but(toks, i - 1)


_SUSPEND = frozenset(bare(w) for w in _W["SUSPEND"])
# what follows a comment (علق على، علقت قائلة، تعليق له) or a thing hung (علقت صورته في)
_COMMENTED = frozenset(_W["COMMENTED"])


def _comment(toks: tuple[Token, ...], i: int) -> bool:
    """"علق" and "تعليق" suspend only with an object: before "على"، "قائلا"، "له" ... they comment (علق الوزير
    على القرار، في تعليق له), and after "في" (في تعليق) the noun is a comment."""
    if bare(toks[i].norm) not in _SUSPEND:
        return False
    if i and (toks[i - 1].norm in _IN or negator(toks[i - 1].norm) == "particle"):
        return True  # "في تعليق له"، "لا تعليق" (no comment)، "دون تعليق"
    return any(toks[k].norm in _COMMENTED for k in range(i + 1, min(i + 3, len(toks)))) \
        or (i + 1 < len(toks) and toks[i + 1].norm == _FROM_WORD)  # "تعليق من إسرائيل" (a comment from)


_BINA = frozenset(_W["BINA"])
_ON = frozenset(_W["ON"])


def _based_on(toks: tuple[Token, ...], i: int) -> bool:
    """"بناء على" (based on), an idiom, builds nothing."""
    return toks[i].norm in _BINA and i + 1 < len(toks) and toks[i + 1].norm in _ON


def _qualifies_number(toks: tuple[Token, ...], i: int) -> bool:
    """A word that qualifies a figure after it (يزيد عن 500، تتجاوز 80، دون 74): a comparison of quantities,
    which the number check reads, not an outcome."""
    if toks[i].norm not in L.QUALIFIERS and strip_proclitics(toks[i].norm, 2)[0] not in L.QUALIFIERS:
        return False
    for k in range(i + 1, min(i + 3, len(toks))):
        if _gap(toks, k):
            return False
        if toks[k].norm[:1].isdigit():
            return True
        if toks[k].norm not in _PREPOSITIONS:
            return False
    return False


_SLIGHT = frozenset(_W["SLIGHT"])
_ILA = _W["PREPOSITIONS"][3]  # إلى
_LIFT, _ALLOW = ("sanction", 0), "allow"  # رفع (lifts sanctions) before a word of the pair of leave (حظر، منع)
_BOUNDS = frozenset(_W["BOUNDS"])  # "على الأقل"، "على الأكثر": a bound, no comparison
_PERCENT = frozenset(_W["PERCENT"])
_SLIGHT_REACH = 5


def _slight(view: TextView, i: int) -> bool:
    """A move said to be slight (انخفض قليلا، ارتفاع طفيف، بشكل طفيف) or of less than one per cent (تراجع
    الذهب في التعاملات الفورية 0.1 بالمئة) within ``_SLIGHT_REACH`` words after the word, in its phrase."""
    toks, text = view.tokens, view.text
    for k in range(i + 1, min(i + 1 + _SLIGHT_REACH, len(toks))):
        if _gap(toks, k):
            return False
        if toks[k].norm in _SLIGHT:
            return True
        if toks[k].norm == "0" and text[toks[k].end:toks[k].end + 1] in ".,٫" and k + 1 < len(toks):
            # "0.1" is read as the words "0" and "1"; the per cent sign or word follows the fraction
            m = k + 1
            return text[toks[m].end:toks[m].end + 1] == "%" or any(
                toks[n].norm in _PERCENT for n in range(m + 1, min(m + 3, len(toks))))
    return False


_EXITS = frozenset((("enter", 1), ("arrive", 1), ("leave", 0)))  # خروج، مغادرة، غادر ...


_EXIT_REACH = 6  # words between a verb of leaving and "من" + the place left (خرج المعارض أليكسي نافالني من السجن)


def _left(toks: tuple[Token, ...], i: int) -> bool:
    """A verb or noun of leaving right before the word (يغادر السجن), or before "من" and the word within
    ``_EXIT_REACH`` words, in one phrase (خروجه من المعتقل، خرج المعارض الروسي من السجن)."""
    if i and not _gap(toks, i) and _EXITS & set(word_sides(toks[i - 1].norm)):
        return True
    if not i or toks[i - 1].norm not in _FROM or _gap(toks, i):
        return False
    for k in range(i - 2, max(-1, i - 2 - _EXIT_REACH), -1):
        if _gap(toks, k + 1) or toks[k].norm in _BREAKS:
            return False
        if _EXITS & set(word_sides(toks[k].norm)):
            return True
    return False


def _contrary(w: str) -> bool:
    """A word of a gradable pair (الأكبر، قوي، مبكر): its negation is no denial of a fact."""
    return any(p in _CONTRARIES for p, _ in word_sides(w))


def _listed(w: str) -> bool:
    """A word in ة that is itself a listed form (after its proclitics), or the feminine of a listed participle
    or adjective (ممنوعة، إيجابية): not a verb with a pronoun (بقية is no "بقي" + "ه")."""
    table = L.polarity()
    for form in (w, strip_proclitics(w, 3)[0]):
        masc = form[:-1]
        if form in table or (form[-1:] == "ه" and masc in table
                             and (masc[:1] == "م" or (masc[-1:] == "ي" and len(masc) >= 4))):
            return True
    return False


def _denial_follows(view: TextView, i: int) -> bool:
    """"أكدت السفارة أن الحكومة لم تكن على علم": a confirmation of a denial, which confirms nothing the title
    denies; a negation particle after the word, in its sentence, within ``_NEAR`` words."""
    toks, text = view.tokens, view.text
    that = False  # "أكد الوزير، في بيان طويل، أن ... لم": past "أن" the reach is the sentence
    for k in range(i + 1, len(toks)):
        if _SENTENCE_END.search(text, toks[k - 1].end, toks[k].start):
            return False
        that = that or toks[k].norm in _THAT
        if negator(toks[k].norm) == "particle" and (that or k <= i + _NEAR):
            return True
    return False


def _reversed(view: TextView, i: int) -> int:
    """1 when a reversing verb stands before the word (يعوض خسائره، يتخلى عن مكاسبه، يعوض بعض خسائره), else 0."""
    toks = view.tokens
    for k in (i - 1, i - 2):
        if k < 0 or _gap(toks, k + 1):
            return 0
        if negator(toks[k].norm) == "reverse":
            return 2 if LEXEMES[toks[k].norm] in _PARING else 1
        if toks[k].norm not in _PREPOSITIONS and toks[k].norm not in _QUANTIFIERS:
            return 0
    return 0


# "يقلص خسائره" (pares its losses): still down, by less; "يقلص مكاسبه" still up. Neither side is stated.
_PARING = frozenset(lexeme(w) for w in _W["PARING"])


def _reverser_of_next(view: TextView, i: int) -> bool:
    """A reversing verb that is itself an outcome word (قلص، فقدان) followed by the outcome it reverses: it
    states no outcome of its own."""
    toks = view.tokens
    return negator(toks[i].norm) == "reverse" and i + 1 < len(toks) and not _gap(toks, i + 1) \
        and (bool(word_sides(toks[i + 1].norm)) or (toks[i + 1].norm in _PREPOSITIONS and i + 2 < len(toks)
                                                    and bool(word_sides(toks[i + 2].norm))))


def _purpose(view: TextView, i: int) -> bool:
    """"لـ" + an outcome word (إجراءات لخفض الأسعار): what is sought, not what happened, compared only with
    another purpose; after a verb ("الليرة تعود للارتفاع") it is the outcome itself, and "لأعلى مستوى" a level."""
    toks = view.tokens
    w = toks[i].norm
    target = _targets(view).get(i)
    if target is not None and toks[target[0]].norm[:1] == "ل" and negator(toks[target[0]].norm) == "verb":
        return True  # "لتجنب ارتفاع الضغط"، "لتفادي الهبوط": what is to be avoided, not what happened
    if w[:1] != "ل" or w in L.polarity() or len(w) < 4 or w[1:2] == "ا":
        return False  # "لأعلى مستوى"، "لأكبر": a level reached, not a purpose
    return not (i and toks[i - 1].norm[:1] in ("ي", "ت") and len(toks[i - 1].norm) >= 4
                and not word_sides(toks[i - 1].norm))


def _composed(view: TextView, i: int, pair: str, side: int) -> bool:
    """The opposite word of the same pair right next to this one: one outcome of the other (انحسار التوترات
    is calm, not tension; تراجع الارتفاع), so neither word states a side alone."""
    toks = view.tokens
    return any(0 <= j < len(toks) and (pair, 1 - side) in word_sides(toks[j].norm) for j in (i - 1, i + 1))


def _governed(toks: tuple[Token, ...], i: int, pair: str, side: int) -> bool:
    """The opposite word of the same pair before "عن", up to ``_GOVERN_REACH`` words (يغيبان عن حضور الحفل، غاب
    الوزير عن حضور، توقف عن
    الاستمرار): the word is what the first one turns away from, which states the first's side ("يقفز من
    ارتفاع" jumps from a height: "من" governs nothing)."""
    if i < 2 or _gap(toks, i) or toks[i - 1].norm != _AN:
        return False
    for k in range(i - 2, max(-1, i - 2 - _GOVERN_REACH), -1):
        if _gap(toks, k + 1):
            return False
        if (pair, 1 - side) in word_sides(toks[k].norm):
            return negator(toks[k].norm) != "reverse"
    return False


_GOVERN_REACH = 3  # the verb, its subject between (غاب الوزير عن حضور)


_GOES_ON = ("halt", 1)


def _continues_next(toks: tuple[Token, ...], i: int) -> bool:
    """A verb or noun of going on (تواصل، استمرار، يواصل) right before another outcome word (تواصل الهبوط،
    استمرار ارتفاع الأسعار): it says that outcome goes on and states none of its own."""
    if i + 1 >= len(toks) or _gap(toks, i + 1):
        return False
    sides = word_sides(toks[i].norm)
    nxt = word_sides(toks[i + 1].norm)
    return _GOES_ON in sides and any(p in _MOVES for p, _ in nxt)


_MOVES = frozenset(("up", "better"))  # pairs of a movement, which goes on (تواصل الهبوط، استمرار تحسن)


def _demanded(view: TextView, i: int) -> bool:
    """A verb or noun of demand (يطالب، دعا إلى، ناشد) up to ``_DEMAND_REACH`` words before the word, in its
    phrase: what is demanded has not happened."""
    return _demander(view, i) is not None


def _demander(view: TextView, i: int) -> int | None:
    """The index of the verb or noun of demand of ``_demanded``, or None."""
    toks = view.tokens
    if any(p == _SUCCESS for p, _ in word_sides(toks[i].norm)):
        return None  # "محاولة الاستعادة فشلت": how an attempt ended is reported
    return _demand_before(toks, i - 1, _DEMAND_REACH)


def _demand_before(toks: tuple[Token, ...], j: int, reach: int) -> int | None:
    """The index of a verb or noun of demand at j or up to ``reach`` words before it, in the same phrase (no
    ``_gap`` between it and j + 1), or None."""
    for k in range(j, max(-1, j - reach), -1):
        if _gap(toks, k + 1):
            return None
        if demand_word(toks[k].norm):
            return k
    return None


# what a demand seeks, as a side flip: a warning seeks that what follows does not happen (يحذر من خروج الوضع عن
# السيطرة = يطالب بتجنبه); a chance (فرص، احتمال) seeks nothing and is left out
_WARNINGS = frozenset(_W["WARNINGS"])
_CHANCES = frozenset(_W["CHANCES"])


def _sought(view: TextView, i: int) -> int | None:
    """0 when the word is asked for (يطالب بالانسحاب، يتعهد بخفض), 1 when it is warned against (يحذر من
    الانسحاب), -1 when it is only a chance (احتمال رفع الفائدة), None when no demand governs it."""
    k = _demander(view, i)
    if k is None:
        return None
    w = bare(view.tokens[k].norm)
    return -1 if w in _CHANCES else int(w in _WARNINGS)


_SUCCESS = "succeed"
_CALL_REACH = 8  # words between a verb of appeal and "إلى" + the negation it asks for (دعت الوزارة الأئمة إلى عدم)


def _called(view: TextView, n: int) -> bool:
    """A negator asked for (ناشد عناصره عدم الفرار، دعت وزارة الشؤون الدينية الأئمة إلى عدم توظيف): a verb or
    noun of appeal before it, in its phrase, up to ``_DEMAND_REACH`` words, or ``_CALL_REACH`` with "إلى" right
    before the negator; a negation after "بـ" (طالب بعدم، نصح بعدم، تعهد بألا), the object of a verb of asking or
    promising. What is called for or promised is no report that it did not happen."""
    if _demanded(view, n):
        return True
    toks = view.tokens
    core = toks[n].norm[1:] if toks[n].norm[:1] in ("و", "ف") else toks[n].norm
    if core[:1] == "ب" and core[1:] in PARTICLE_AFTER_PREPOSITION:
        return True
    if not n or toks[n - 1].norm != _ILA or _gap(toks, n):
        return False
    return _demand_before(toks, n - 2, _CALL_REACH) is not None


_FROM_WORD, _AN = _W["FROM"]
_WARN_REACH = 6  # words between a verb of warning and its "من" (ترامب يحذر دمشق وطهران وموسكو من مهاجمة إدلب)
_ABOUT = L.TOPIC_MARKERS["about"]  # "بشأن تدريب الجزائر": what is talked about, not stated
_TALK = L.TOPIC_MARKERS["talk"]  # "يتحدث عن"، "خرافات عن"
_TOPIC_REACH = 3  # words of a topic's phrase after "بشأن"، "يتحدث عن"
_QUOTE_GAP = frozenset(" " + QUOTE_MARKS)


def _quoted_on(view: TextView, k: int) -> bool:
    """Only spaces and quote marks between word k - 1 and word k (يتحدث عن "جدوى): the phrase goes on."""
    toks = view.tokens
    return _QUOTE_GAP.issuperset(view.text[toks[k - 1].end:toks[k].start])
def _unclaimed(view: TextView, i: int, style: set[int]) -> bool:
    """A title word the title does not state, so no body denial contradicts it: warned against (يحذر ... من
    مهاجمة إدلب; a call, يدعو إلى تشكيل, still conflicts with a refusal), a topic (بشأن تدريب الجزائر، يتحدث عن جدوى المحادثات), or a
    word of the headline's style (تعرف على، شاهد: ``style``, the starts ``topic.style_words`` gives)."""
    toks = view.tokens
    if toks[i].start in style:
        return True
    if not i or (_gap(toks, i) and not _quoted_on(view, i)):
        return False
    for k in range(i - 1, max(-1, i - 1 - _TOPIC_REACH), -1):
        # the topic's phrase: "يتحدث عن «جدوى المحادثات»" leaves both words unstated
        before = toks[k].norm
        if before in _ABOUT or (before == _AN and k and toks[k - 1].norm in _TALK):
            return True
        if not k or (_gap(toks, k) and not _quoted_on(view, k)) or not is_content(toks[k]):
            break
    before = toks[i - 1].norm
    if before == _FROM_WORD:
        for k in range(i - 2, max(-1, i - 2 - _WARN_REACH), -1):
            if _gap(toks, k + 1):
                break
            if demand_word(toks[k].norm):
                return True
    return False


def _subject_all(ctx: Context) -> frozenset[_Key]:
    """Keys of every title content word that is no outcome word, with their synonym groups: a short title's
    subject."""
    toks = ctx.title.tokens
    words = [k for k, t in enumerate(toks) if is_content(t) and not word_sides(t.norm) and t.norm not in _MEASURES]
    return frozenset(bare(toks[k].stem) for k in words) | frozenset(g for k in words for g in GROUPS[toks[k].norm]) \
        | frozenset(key for k in words for key in _written_keys(toks, k))


def _phrase(view: TextView, j: int, window: int) -> frozenset[_Key]:
    """Keys of the content words in the phrase of the outcome word at j: up to ``window`` words before and after
    it, not across "مع"، "و"، "بعد" or punctuation. Outcome words and measure words (أسعار، نسبة، مستوى) are
    passed over without counting. After a preposition (بارتفاع، لانخفاض) the subject can only follow."""
    return frozenset(_walk(view, j, window))


def _about(view: TextView, j: int, subject: frozenset[_Key], opening: bool = True,
           window: int = _WINDOW) -> bool:
    """The body's outcome word at j has one of the subject's words, or a synonym of one, in its phrase; outside
    the body's opening (``opening`` false) a nationality adjective alone is no subject (البنك المركزي التركي is
    not الليرة التركية)."""
    toks = view.tokens
    for k in _walk_tokens(view, j, window):
        if not opening and _nationality(toks[k].norm):
            continue
        if any(key in subject or (isinstance(key, str) and any(isinstance(s, str) and _same_key(key, s)
                                                               for s in subject)) for key in _keys_of(toks[k])):
            return True
        if any(key in subject for key in _written_keys(toks, k)):
            return True
    return False


_OFFICE_WORDS = frozenset(_W["OFFICE_WORDS"])


def _in_office(view: TextView, i: int) -> bool:
    """A word of keeping (إبقاء، يبقى) is about an office only with the office named within three words after
    it (أبقى الوزير في منصبه): "سيبقى النادي في وجداني" keeps nobody in office."""
    toks = view.tokens
    return any(toks[k].norm in _OFFICE_WORDS or role_word(toks[k].norm) is not None
               for k in range(i + 1, min(len(toks), i + 4)))


def _nationality(w: str) -> bool:
    """A nationality or other relational adjective (التركي، الأميركية، الدولي، العالمية): whose or what kind,
    not what."""
    found = place_lookup(w)
    if found is not None:
        return found[0] == "adjective"
    b = strip_proclitics(w, 3)[0]
    return has_article(w) and len(b) >= 4 and b.endswith(("ي", "يه")) and not word_sides(w)


def _same_key(a: str, b: str) -> bool:
    """Two light stems of one word: the stemmer may cut a long word's ending and a short one's not
    (بتكوين / البتكوين), so one key beginning the other, three letters at least, is the same word."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2


def _walk(view: TextView, j: int, window: int) -> Iterator[_Key]:
    """Keys of the content words of the phrase of the outcome word at j (see ``_phrase``), each followed by its
    synonym groups (ints)."""
    for k in _walk_tokens(view, j, window):
        yield from _keys_of(view.tokens[k])
        yield from _written_keys(view.tokens, k)


def _keys_of(t: Token) -> Iterator[str | int]:
    yield bare(t.stem)
    if t.norm[:2] == _LIL:
        # "لليرة" is لـ + الليرة (the noun's own ل is one of the two), which the proclitic stripper reads as
        # لـ + الـ + يرة: the other reading is a key too
        yield bare(light_stem(_AL + t.norm[1:]))
    yield from GROUPS[t.norm]  # a synonym names the same subject (الاقتراع / التصويت)


_LIL, _AL = "لل", "ال"
_JOINED_MIN = 5  # letters of a name written as one word (بتكوين) that two words of the other field may spell


def _written(w: str) -> tuple[str, ...]:
    """The word as written without the article and what comes before it (البتكوين، للبتكوين: بتكوين); "لل" is
    read both ways (لليرة is لـ + الليرة, للبتكوين لـ + البتكوين). A word without the article is kept whole: its
    first letters may be its own (بتكوين)."""
    if w[:2] == _LIL:
        return w[2:], w[1:]
    if has_article(w):
        return (strip_proclitics(w, 2)[0],)
    return (w,)


def _written_keys(toks: tuple[Token, ...], k: int) -> Iterator[tuple[str, ...]]:
    """Keys of the word at k as written, alone and joined to the word before or after it: a
    name written as one word or two, with or without the article (بت كوين / البتكوين، سان فرانسيسكو /
    سانفرانسيسكو), names the same thing. Tuples, so they match only each other."""
    for w in _written(toks[k].norm):
        yield _WRITTEN, w
    for a in (k - 1, k):
        if a >= 0 and a + 1 < len(toks) and _second_half(toks[a + 1].norm) and not _gap(toks, a + 1):
            for w in _written(toks[a].norm):
                if len(w) + len(toks[a + 1].norm) >= _JOINED_MIN:
                    yield _WRITTEN, w + toks[a + 1].norm
    yield from _office_keys(toks, k)


_OFFICE = "office"
_CABINET = frozenset(_W["CABINET"])


@cache
def _leaders() -> tuple[dict[str, frozenset[tuple[str, str, str]]], frozenset[str]]:
    """Each spelling of a leader's name (data/leader_offices.txt, other spellings from data/famous_people.txt),
    as written, to the keys of the office they held; and the offices' first words."""
    spellings: dict[str, list[str]] = {}
    for row in normalized_fields("famous_people"):
        if len(row) >= 2:
            spellings[row[1]] = [row[1], *(s.strip() for s in (row[2] if len(row) > 2 else "").split("،"))]
    names: dict[str, set[tuple[str, str, str]]] = {}
    firsts: set[str] = set()
    for name, office, country in normalized_fields("leader_offices"):
        found = place_lookup(country)
        if found is None:
            continue
        firsts.add(office.split()[0])
        for spelling in spellings.get(name, [name]):
            if spelling and " " not in spelling:
                for w in _written(spelling):
                    names.setdefault(w, set()).add((_OFFICE, office, found[1]))
    return {w: frozenset(keys) for w, keys in names.items()}, frozenset(firsts)


def _office_keys(toks: tuple[Token, ...], k: int) -> Iterator[tuple[str, str, str]]:
    """The office of a leader named at k (أردوغان: the Turkish presidency), or of an office with its country's
    adjective that the word at k is part of (الرئيس التركي، رئيس الوزراء البريطاني): a person and their office
    name the same subject."""
    names, _ = _leaders()
    for w in _written(toks[k].norm):
        yield from names.get(w, ())
    for s in (k, k - 1, k - 2):
        found = _office_at(toks, s)
        if found is not None and found[1] >= k:
            yield found[0]


def _office_at(toks: tuple[Token, ...], s: int) -> tuple[tuple[str, str, str], int] | None:
    """An office named from s: its first word (رئيس، المستشارة، المرشد), "الوزراء" or "الحكومة" after رئيس,
    then a country's adjective; the office's key and the adjective's position."""
    if s < 0:
        return None
    role = role_word(toks[s].norm)
    office = role[0] if role is not None else _written(toks[s].norm)[0]
    if office not in _leaders()[1]:
        return None
    e = s + 1
    if e < len(toks) and toks[e].norm in _CABINET and not _gap(toks, e):
        office, e = f"{office} {_CABINET_OFFICE}", e + 1
    if e >= len(toks) or _gap(toks, e):
        return None
    found = place_lookup(toks[e].norm)
    if found is None or found[0] != "adjective":
        return None
    return (_OFFICE, office, found[1]), e


_CABINET_OFFICE = _W["CABINET"][0]  # رئيس الحكومة is read as رئيس الوزراء


def _second_half(w: str) -> bool:
    """A word that may end a name of two words: no article (كوين in بت كوين, فرانسيسكو in سان فرانسيسكو;
    not والدولار, which starts another noun)."""
    return not has_article(w) and not word_sides(w)


_WRITTEN = "written"


def _walk_tokens(view: TextView, j: int, window: int) -> Iterator[int]:
    """The content words of the phrase of the outcome word at j (see ``_phrase``)."""
    toks = view.tokens
    w = toks[j].norm
    # after a preposition (بارتفاع، لانخفاض) the subject follows, unless a verb carries it before
    # ("الليرة تعود للارتفاع")
    after_verb = j > 0 and toks[j - 1].norm[:1] in ("ي", "ت") and len(toks[j - 1].norm) >= 4 \
        and not word_sides(toks[j - 1].norm)
    steps = (1,) if w[:1] in ("ب", "ل") and w not in L.polarity() and not after_verb else (1, -1)
    if _conjoined(w) or _causative(toks, j):
        steps = (1,)  # "وارتفاع التضخم": the phrase begins with the word itself; "تهوي بالريال": the riyal falls
    match = any(p == _MATCH for p, _ in word_sides(w))
    if j > 1 and toks[j - 1].norm in _RELATIVE and not _gap(toks, j - 1) and not _gap(toks, j):
        # "التشكيلة التي ستشارك في كأس العالم": in a relative clause the subject is the noun the clause
        # describes, before the pronoun; what follows is the verb's object or setting
        # (a stance's noun is its actor, which the title may name as the one it is about: no subject then)
        if is_content(toks[j - 2]) and not any(p in _STANCES for p, _ in word_sides(w)):
            yield j - 2
        return
    for step in steps:
        k, seen = j, 0
        while seen < window:
            nxt = k + step
            if not 0 <= nxt < len(toks) or _gap(toks, min(k, nxt) + 1):
                break
            if toks[nxt].norm in _BREAKS:
                break  # "مع"، "بعد" start another phrase; "ارتفاع في أسعار" reads on
            if step == 1 and toks[nxt].norm in _OPPONENT and match:
                break  # "فوز برشلونة على تشلسي": who follows "على" lost; it is no subject of the win
            first = _conjoined(toks[nxt].norm)
            if first and step == 1:
                break  # "و" + a definite noun starts the next phrase ...
            if step == 1 and _causative(toks, nxt):
                break  # "ارتفاع الدولار يهبط بأسعار الذهب": what the verb brings down is its object, not this subject
            k = nxt
            t = toks[k]
            if word_sides(t.norm) or t.norm in _MEASURES or bare(t.norm) in _MEASURES or _when(t.norm):
                if first:
                    break
                continue  # outcome words, measures, numbers (انسحاب رؤساء 3 بنوك) and words of time (افتتح أمس
                # السبت في المهدية مهرجان الشعر) are passed over
            seen += 1
            if is_content(t):
                yield k
            if first:
                break  # ... and, walking back, is the first word of this one ("والتضخم يتراجع")


_PRICE_WORDS = frozenset(_W["PRICE_WORDS"])
_RELATIVE = frozenset(_W["RELATIVE"])
_MATCH = "win"  # the pair of a contest: one side's loss is the other's win
_OPPONENT = frozenset(_W["OPPONENT"])  # the other side of a contest follows these


def _causative(toks: tuple[Token, ...], j: int) -> bool:
    """A verb of change with "بـ" and a definite noun or a price after it (يهبط بأسعار النفط، تهوي بالريال):
    it brings that noun up or down, so what rises or falls is after it, not its subject. "ارتفع بنسبة" (by) and
    a verbal noun (ارتفاع بالأسعار) are left as they are."""
    if j + 1 >= len(toks) or _gap(toks, j + 1) or toks[j].norm[:1] not in ("ي", "ت") or len(toks[j].norm) < 4:
        return False
    nxt = toks[j + 1].norm
    return nxt[:1] == "ب" and (nxt[1:3] == "ال" or nxt[1:] in _PRICE_WORDS)


def _conjoined(w: str) -> bool:
    """"و" + a definite noun or an outcome word (والتوترات، ووفرة): another phrase begins."""
    return w[:1] == "و" and len(w) > 4 and (w[1:3] == "ال" or bool(word_sides(w[1:])))


def _gap(toks: tuple[Token, ...], j: int) -> bool:
    """Punctuation between token j - 1 and token j."""
    return toks[j].start - toks[j - 1].end > 1


# --- negation ------------------------------------------------------------------------------------------------

def _negated(view: TextView, i: int) -> int:
    """1 when the word at i is negated (a negator before it, see ``_targets``), 0 when no negator is near
    before it, -1 when one is near but its reach is unclear (word order: نفى الأمير أحمد ... انتقاده)."""
    if i in _targets(view):
        return 1
    return -1 if _negator_before(view, i) else 0


def _negator_before(view: TextView, i: int) -> bool:
    """A negator earlier in the same sentence, at most ``_NEAR`` words before, with no word opening a clause of
    cause or time between them (مصر تؤجل قرارا بسبب ندرة السكر: the scarcity is not postponed)."""
    toks, text = view.tokens, view.text
    negs = token_index(view)[NEG]  # ascending: read only the negators in [i - _NEAR, i), not the whole body's
    return any(not _SENTENCE_END.search(text, toks[n].end, toks[i].start)
               and toks[n + 1].norm not in _NOT_NEGATED
               and not any(toks[k].norm in _CLAUSES for k in range(n + 1, i))
               for n in islice(negs, bisect_left(negs, i - _NEAR), bisect_left(negs, i)))


_CLAUSES = frozenset(_W["CLAUSES"])
_EARLIER = frozenset(_W["EARLIER"])


def _earlier(toks: tuple[Token, ...], j: int) -> bool:
    """An outcome word right after "بعد"، "عقب"، "إثر" (بعد الانتهاء من إخراج، إثر تراجعه): an earlier event the
    sentence starts from, not the outcome it reports."""
    return j > 0 and not _gap(toks, j) and toks[j - 1].norm in _EARLIER


def _background(view: TextView, j: int) -> bool:
    """A body outcome word that describes a noun or recalls the past rather than reporting the story's outcome:
    right after a relative pronoun (العقوبات التي فرضت على روسيا), a definite participle after a definite noun
    (الطائرات المغادرة، الحظر المفروض: an attribute), or a pluperfect (وكان البرلمان قد أقر الميزانية)."""
    toks = view.tokens
    if j and not _gap(toks, j):
        prev, w = toks[j - 1].norm, toks[j].norm
        if prev in _RELATIVE:
            return True
        bare_w = strip_proclitics(w, 3)[0]
        if has_article(w) and has_article(prev) and not word_sides(prev) and bare_w[:1] == "م" and len(bare_w) >= 4:
            return True
    return _recalled(view, j)


def _targets(view: TextView) -> dict[int, tuple[int, bool]]:
    """word index -> (index of the negator that covers it, whether it is the negator's first word)."""
    cached = view.__dict__.get("_negated_targets")
    if cached is None:
        cached = view.__dict__["_negated_targets"] = _find_targets(view)
    return cached


def _find_targets(view: TextView) -> dict[int, tuple[int, bool]]:
    """A particle (لم، لا، عدم) covers the first word after it; a verb of denial or refusal (ينفي، يرفض،
    استبعد) its object, up to four words on, within the phrase. Skip words (أن، في، يتم) are passed over."""
    toks = view.tokens
    out: dict[int, tuple[int, bool]] = {}
    for n in token_index(view)[NEG]:
        if negator(toks[n].norm) == "particle" and (_exceptive(toks, n) or _other_than(toks, n) or _but(toks, n)
                                                    or (n and toks[n - 1].norm == _LIMA and toks[n].norm == _LA)):
            # "لم لا أبلغ النهائي" (why not reach the final) asks, it denies nothing
            continue
        if _conditional(view, n):
            continue
        verb = negator(toks[n].norm) in ("verb", "cease")
        if n and (toks[n - 1].norm in _HEDGES or (verb and negator(toks[n - 1].norm) == "particle")):
            continue  # "قد تلغي"، "ربما لن": a denial that may happen is no denial; "لا تستثني": a denial denied
        if verb and toks[n].norm in _DEPENDS \
                and any(toks[k].norm in _ON for k in range(n + 1, min(n + 3, len(toks)))):
            continue  # "يتوقف على"، "يتوقف الاتفاق على" (depends on) denies nothing
        reach = _VERB_REACH if verb else 1
        k, covered = n + 1, 0
        if verb and _subject_first(toks, n):
            k += 1  # "فشلت الحكومة في اعتماد": the verb's subject comes first and is not what is denied
        while k < len(toks) and k - n <= _NEG_REACH + reach and covered < reach and not _gap(toks, k):
            w = toks[k].norm
            kind = negator(w)
            if kind in ("particle", "verb", "cease") or w in _BREAKS or (covered and _conjoined(w)):
                break  # another negator, a break, or a coordinated clause (تتجاهل العقوبات وتعزز تجارتها)
            if kind == "light" and k + 1 < len(toks) and not has_article(toks[k + 1].norm):
                # "دون وقوع ضحايا": the occurrence and what occurs are both denied ("دون سقوط الحكومة": the
                # government's fall only)
                out.setdefault(k, (n, covered == 0))
            elif kind != "skip":
                if w in _NOT_NEGATED:
                    break
                out.setdefault(k, (n, covered == 0))
                covered += 1
            k += 1
    return out


_DEPENDS = frozenset(_W["DEPENDS"])  # "يتوقف على" depends on ("توقف القصف على" stopped)


def _subject_first(toks: tuple[Token, ...], n: int) -> bool:
    """A definite noun right after a verb of denial, then a preposition or "أن": verb, subject, object."""
    if n + 2 >= len(toks) or _gap(toks, n + 1) or _gap(toks, n + 2):
        return False
    w = toks[n + 1].norm
    if not has_article(w):
        return False
    # "فشلت الحكومة في ..." (a verb whose object takes a preposition), or an actor (a title, an institution)
    # before the object: "ألغى الوزير الاجتماع"; "تجنب الصدام في منبج" is verb, object, place
    return (negator(toks[n + 2].norm) == "skip" and lexeme(toks[n].norm) in _PREPOSITIONAL) \
        or (role_word(w) is not None or bare(w) in _ACTORS)


def _other_than(toks: tuple[Token, ...], n: int) -> bool:
    """"غير" negates the indefinite word after it (غير آمنة، غير قانوني); before "أن" it is "however", before a
    definite noun or a pronoun "other than" (غير الحكومة، غيرها)."""
    if bare(toks[n].norm) != _GHAYR:
        return False
    return n + 1 >= len(toks) or _gap(toks, n + 1) or has_article(toks[n + 1].norm) \
        or negator(toks[n + 1].norm) == "skip"


def _but(toks: tuple[Token, ...], n: int) -> bool:
    """"إلا" (except, but: "إلا أنها ستتعامل"، "وإلا" otherwise), which loses its hamza to normalising and then
    reads as "ألا" (that ... not): by the hamza written under it, or, unwritten, by "أن" after it (إلا أن)."""
    w = toks[n].norm
    if w[-3:] != _ILLA or len(w) > 4:
        return False
    letters = toks[n].text
    if "إ" in letters:
        return True
    if "أ" in letters:
        return False
    return n + 1 < len(toks) and not _gap(toks, n + 1) and toks[n + 1].norm in _THAT


def _conditional(view: TextView, n: int) -> bool:
    """The negator at n is in a condition (إذا لم، لو لا، في حال تجاهلت) or answers one (إذا ... فلن يتحول):
    nothing is denied as a fact."""
    toks, text = view.tokens, view.text
    w = toks[n].norm
    answer = w[:1] == "ف" and negator(w) == "particle"
    for k in range(n - 1, max(-1, n - 1 - (_ANSWER_REACH if answer else _IF_REACH)), -1):
        if _SENTENCE_END.search(text, toks[k].end, toks[k + 1].start) or (not answer and _gap(toks, k + 1)):
            return False
        c = toks[k].norm
        if c in _IF or (c[:1] in ("و", "ف") and c[1:] in _IF):
            return True
    return False


def _exceptive(toks: tuple[Token, ...], n: int) -> bool:
    """"لم تبدأ الأشغال إلا منذ فترة", "لا يضم إلا": the particle and "إلا" say "only", not "not"; "لن ينقل
    البشر فقط (بل ...)" says "not only", which asserts."""
    for k in range(n + 1, min(len(toks), n + 1 + _EXCEPT_REACH)):
        if _gap(toks, k):
            return False
        if toks[k].norm in (_ILLA, _FAQAT):
            return True
    return False


def _negation(ctx: Context) -> Iterator[Hit]:
    """A title word asserted in a title without any negator while the body only ever negates it directly, or
    a word the title negates while the body asserts it: in a body that negates nothing at all, anywhere next to
    another title word; in one that negates something, only in its first sentence, with no negator there and
    the word never negated, near a negator or stopped anywhere (a long article may well report the denial in
    other words)."""
    t_targets, b_targets = _denials(ctx.title), _denials(ctx.body)
    if not b_targets and not t_targets:
        return
    ttoks = ctx.title.tokens
    style = style_words(ttoks)
    title_negates = _negates(ctx.title)
    body_negates = bool(token_index(ctx.body)[NEG])
    keys: dict[str | int, list[int]] = {}
    for i, t in enumerate(ttoks):
        if is_content(t) and negator(t.norm) is None and (i in t_targets or not title_negates) \
                and not maybe_place(t.norm) and not starts_number(t.norm) \
                and (i in t_targets or not _stopped(ctx.title, i)) \
                and not _unclaimed(ctx.title, i, style) \
                and not (i in t_targets and _contrary(t.norm)) and not (i and ttoks[i - 1].norm == _QABL) \
                and not (_lifted(ttoks, i) and any(p == _ALLOW for p, _ in word_sides(t.norm))):
            # a place is an actor or a setting, not a statement, and a count is the number check's (خندق واحد
            # / لا أحد); what the title stops or lifts (ترفع حظر السفر) is not asserted; "ليست
            # الأكبر" (a contrary denied) says no more than "not the most"; "قبل التأكد" asserts no confirmation
            for k in (lexeme(t.norm), *ALT_KEYS[t.norm], *GROUPS[t.norm]):
                keys.setdefault(k, []).append(i)
    if not keys:
        return
    asserted = {k for i, t in enumerate(ttoks) if is_content(t) and i not in t_targets and negator(t.norm) is None
                for k in (lexeme(t.norm), *ALT_KEYS[t.norm], *GROUPS[t.norm])} if t_targets else set()
    where: dict[str | int, list[int]] = {}
    norms = ctx.body.norms
    for j, k in enumerate(map(LEXEMES.__getitem__, norms)):
        if k in keys:
            where.setdefault(k, []).append(j)
        else:
            core = VERB_CORES[norms[j]]
            if core is not None and core in keys:
                where.setdefault(core, []).append(j)
        for alt in ALT_KEYS[norms[j]]:
            if alt in keys and alt != k:
                where.setdefault(alt, []).append(j)
    for j, groups in enumerate(map(GROUPS.__getitem__, norms)):
        for g in groups:
            if g in keys:
                where.setdefault(g, []).append(j)
    question = _question(ctx.title)
    single = len({n for n, _ in t_targets.values()}) == 1  # the title denies one thing
    for k, js in where.items():
        for i in keys[k]:
            if i in t_targets:
                if k in asserted or question:
                    # (a yes/no question, هل سيكون بخير بدون بنزيمة؟, asks about the denial it names)
                    continue  # the title also asserts it (النزاع ... تجنب الصدام): the body may say that one
                if not t_targets[i][1]:
                    continue
                js = [m for m in js if not _demanded(ctx.body, m) and not _recalled(ctx.body, m)
                      and not _aimed(ctx.body.tokens, m)]
                # (asked for or attempted, recalled from before, وكان قد عاد, or aimed at, من أجل الوفاء: not
                # asserted)
                if not body_negates:
                    j = _in_context(ctx, i, js)
                else:
                    # a body that negates elsewhere: the statement in its first sentence, which negates
                    # nothing, and the word never negated anywhere
                    first = ctx.body.sentences[0].tokens[-1].index if ctx.body.sentences and ctx.body.sentences[0].tokens else -1
                    j = _in_context(ctx, i, [m for m in js if m <= first and not _sentence_negates(ctx.body, m)])
                    if j is not None and any(m in b_targets or _negator_before(ctx.body, m) or _stopped(ctx.body, m)
                                             for m in js):
                        j = None  # denied, near a negator, or stopped (إيقاف الرحلات) somewhere
                if j is not None and not _circumstance(ttoks, i) <= _sentence_keys(ctx.body, j):
                    j = None  # "لن تدور بقاعة الزواوي": the body's sentence must name the place denied
                if j is None and single:
                    j = _asserted_in_opening(ctx, i, t_targets[i][0], js, b_targets)
                if j is not None and _same_adjective(ctx.title, t_targets[i][0], ttoks[i], ctx.body.tokens[j]):
                    yield _neg_hit(ctx, i, j, t_targets[i][0], None)
                    return
            elif all(j in b_targets and b_targets[j][1] for j in js) and js[0] < LEAD_TOKENS \
                    and not any(_called(ctx.body, b_targets[j][0]) for j in js) \
                    and not (k == _CASUALTY and any(_others(ctx.body.tokens, j) for j in js)) \
                    and _same_statement(ctx, i, js[0]) \
                    and not (_conceded(ctx.title, i) and LEXEMES[ctx.body.tokens[b_targets[js[0]][0]].norm] in _IGNORING) \
                    and _same_adjective(ctx.body, b_targets[js[0]][0], ctx.body.tokens[js[0]], ttoks[i]):
                # (what the title concedes, رغم الانتقادات, the body may say was ignored; a denial the body asks
                # for, دعا إلى عدم توظيف، ناشد عناصره عدم الفرار, is a call, not a report)
                # denied in the opening, next to another of the title's words: the headline's statement
                yield _neg_hit(ctx, i, js[0], None, b_targets[js[0]][0])
                return
    if t_targets and not question and len({n for n, _ in t_targets.values()}) == 1:
        # (one negator only: a denial denied, or two denials, is left to the word-by-word reading above)
        yield from _denial_restated(ctx, t_targets, {i for k in where for i in keys[k]})


_OPEN_SENTENCES = 3  # the body's opening sentences, where a headline's statement is reported
_OPEN_SHARED = 2  # other title words a sentence of the opening shares with the title to report its statement


_AIMS = frozenset(_W["AIMS"])
# "كان من المنتظر أن يدور اللقاء بالزواوي": what was expected or planned, not what happened
_EXPECTED = frozenset(_W["EXPECTED"])
_EXPECT_REACH = 4


def _aimed(toks: tuple[Token, ...], j: int) -> bool:
    """A word of purpose one or two words before the word (من أجل الوفاء، بهدف إطلاق، كي يعود), or of
    expectation up to ``_EXPECT_REACH`` words before it (من المنتظر أن يدور، من المقرر أن يعود), in its phrase:
    an aim or a plan, not an event."""
    if any(0 <= k and not _gap(toks, k + 1) and toks[k].norm in _AIMS for k in (j - 1, j - 2)):
        return True
    for k in range(j - 1, max(-1, j - 1 - _EXPECT_REACH), -1):
        if _gap(toks, k + 1):
            return False
        if toks[k].norm in _EXPECTED:
            return True
    return False


_KANA = frozenset(_W["KANA"])
_QAD = _W["QAD"][0]
_SABAQ = frozenset(_W["SABAQ"])
_RECALL_REACH = 5


def _recalled(view: TextView, j: int) -> bool:
    """The word at j is told as past background: "وكان الرئيس قد عاد"، "سبق أن شارك"، "سبق للنادي أن" (a
    pluperfect or "سبق"), up to ``_RECALL_REACH`` words before it, in its phrase."""
    toks = view.tokens
    qad = False
    for k in range(j - 1, max(-1, j - 1 - _RECALL_REACH), -1):
        if _gap(toks, k + 1):
            return False
        w = toks[k].norm
        qad = qad or w == _QAD
        if w in _SABAQ or (qad and (w in _KANA or (w[:1] in ("و", "ف") and w[1:] in _KANA))):
            return True
    return False


def _asserted_in_opening(ctx: Context, i: int, n: int, js: list[int],
                         b_targets: dict[int, tuple[int, bool]]) -> int | None:
    """A title that denies one thing (لن يعود، عدم إطلاق، رفض مشاركة) against a body that reports it done: the
    denied word (by lexeme: يعود / عاد، إطلاق / ستطلق، مشاركة / تشارك) in one of the body's first
    ``_OPEN_SENTENCES`` sentences, which negates nothing and shares ``_OPEN_SHARED`` other content words with
    the title, and the word never denied, stopped or near a negator anywhere in the body, and no body sentence
    sharing that many title words negating anything (a story of a denial reports the denial)."""
    ttoks = ctx.title.tokens
    neg = ttoks[n].norm
    neg = neg[1:] if neg[:1] in ("و", "ف") and len(neg) > 2 else neg
    if neg in _NOT_EVENT or (neg in _VERB_PARTICLES and ttoks[i].norm[:1] not in _PRESENT) \
            or _unclaimed(ctx.title, i, set()) or _contrary(ttoks[i].norm):
        return None  # "غير واضحة" denies a quality, "لم يكن" a state; a topic or a contrary states nothing
    w = ttoks[i].norm
    if negator(neg) == "verb" and lexeme(w) == word_key(w) and not word_sides(w):
        return None  # a verb of denial covers an event (رفض مشاركة، نفي انطلاق), not an actor or a thing
        # ("رفض حوثي"، "إلغاء الكربوهيدرات"), whose mention in the body asserts nothing
    if any(m in b_targets or _negator_before(ctx.body, m) or _stopped(ctx.body, m) for m in js):
        return None
    others: set[str | int] = set()
    for k, t in enumerate(ttoks):
        if k != i and k != n and is_content(t) and negator(t.norm) is None and not starts_number(t.norm):
            others.update((word_key(t.norm), *GROUPS[t.norm]))
    sentences = [s for s in ctx.body.sentences if s.tokens]
    shares = []
    for s in sentences:
        keys = {key for t in s.tokens for key in (word_key(t.norm), *GROUPS[t.norm])}
        shares.append(len(keys & others) >= _OPEN_SHARED)
        if shares[-1] and _sentence_negates(ctx.body, s.tokens[0].index):
            return None  # the body reports a denial about the title's words
    where = _circumstance(ttoks, i)
    ends = [s.tokens[-1].index for s in sentences[:_OPEN_SENTENCES]]
    for j in js:
        for m, end in enumerate(ends):
            if j <= end:
                if shares[m] and not _demanded(ctx.body, j) and not _sentence_negates(ctx.body, j) \
                        and where <= _sentence_keys(ctx.body, j):
                    return j
                break
    return None


def _sentence_keys(view: TextView, j: int) -> set[str]:
    """The loose keys of the words of token j's sentence."""
    toks, text = view.tokens, view.text
    lo = hi = j
    while lo > 0 and not _SENTENCE_END.search(text, toks[lo - 1].end, toks[lo].start):
        lo -= 1
    while hi + 1 < len(toks) and not _SENTENCE_END.search(text, toks[hi].end, toks[hi + 1].start):
        hi += 1
    return {word_key(t.norm) for t in toks[lo:hi + 1]}


def _circumstance(toks: tuple[Token, ...], i: int) -> set[str]:
    """Keys of a place or manner phrase right after the denied word, with "بـ" or "في" (لن تدور بقاعة
    الزواوي، لن يقام في المنستير): the denial may be of that circumstance only, so the body's sentence must
    name it to contradict the title."""
    k = i + 1
    if k < len(toks) and not _gap(toks, k) and toks[k].norm in _IN:
        k += 1
    if k >= len(toks) or _gap(toks, k) or not (toks[k - 1].norm in _IN or toks[k].norm[:1] == "ب"):
        return set()
    out = set()
    for m in range(k, min(len(toks), k + 2)):
        if m > k and (_gap(toks, m) or toks[m].norm in _BREAKS or toks[m].norm[:2] != "ال"):
            break
        if is_content(toks[m]):
            out.add(word_key(toks[m].norm))
    return out


_IN = frozenset(_W["IN"])


_OBJECT_WORDS = 2  # the title's words after its denied verb that the body's opening must all repeat
_OBJECT_SPREAD = 3  # words between the body's two object words
_SINCE = frozenset(_W["SINCE"])
_NOT_EVENT = frozenset(_W["NOT_EVENT"])  # they deny a quality or a state, not an event
_VERB_PARTICLES = frozenset(_W["VERB_PARTICLES"])  # they deny an event when a present verb follows
_PRESENT = ("ي", "ت", "ن")
_OBJECT_REACH = 4


def _denial_restated(ctx: Context, t_targets: dict[int, tuple[int, bool]], found: set[int]) -> Iterator[Hit]:
    """The title denies a verb the body never uses (لا تحتضن، لن تمنح) while the body's first sentence, which
    negates nothing, reports the rest of the title's statement: its actor and what the verb is about (the
    words after it), none of them negated or stopped anywhere in the body. A headline is its story's first
    sentence: "صفاقس لا تحتضن المهرجان العربي للكاريكاتير" over "افتتحت بصفاقس فعاليات المهرجان العربي
    للكاريكاتير" says the opposite of its story."""
    ttoks, btoks = ctx.title.tokens, ctx.body.tokens
    firsts = [(i, n) for i, (n, first) in t_targets.items() if first]
    if not firsts or firsts[0][0] in found or not ctx.body.sentences or not ctx.body.sentences[0].tokens:
        return
    i, n = firsts[0]
    neg = ttoks[n].norm
    neg = neg[1:] if neg[:1] in ("و", "ف") and len(neg) > 2 else neg
    if neg in _NOT_EVENT or (neg in _VERB_PARTICLES and ttoks[i].norm[:1] not in _PRESENT):
        return  # "غير واضحة" denies a quality, "لا علاقة لي بإصابته" a relation: the words after are no event
    objects = []
    for k in range(i + 1, min(len(ttoks), i + 1 + _OBJECT_REACH)):
        if _gap(ttoks, k) or ttoks[k].norm in _SINCE:
            break  # the phrase ends at punctuation, and "لم يحدث منذ ربع قرن" (unprecedented) dates, it denies
        if is_content(ttoks[k]):
            objects.append(k)
    actors = [k for k in range(n) if is_content(ttoks[k]) and not _unclaimed(ctx.title, k, set())]
    if len(objects) < _OBJECT_WORDS or not actors:
        return
    sentence = ctx.body.sentences[0]
    lo, hi = sentence.tokens[0].index, sentence.tokens[-1].index
    if _sentence_negates(ctx.body, lo):
        return
    keys = {word_key(btoks[j].norm): j for j in range(lo, hi + 1)}
    hits = [keys.get(word_key(ttoks[k].norm)) for k in objects[:_OBJECT_WORDS]]
    if None in hits or not any(word_key(ttoks[k].norm) in keys for k in actors) \
            or max(hits) - min(hits) > _OBJECT_SPREAD:
        return  # the title's words must be one phrase in the body too
    wanted = {word_key(ttoks[k].norm) for k in objects[:_OBJECT_WORDS]}
    if any(word_key(btoks[j].norm) in wanted and (_negator_before(ctx.body, j) or _stopped(ctx.body, j))
           for j in range(len(btoks))):
        return
    if any(_demanded(ctx.body, j) for j in hits):
        return  # asked for or attempted (محاولات تقسيم الاتحاد): not reported as done
    j = min(hits)
    yield _neg_hit(ctx, i, j, n, None)


_DESPITE = frozenset(_W["DESPITE"])
_CONCESSION_REACH = 3


def _conceded(view: TextView, i: int) -> bool:
    """The word at i is in a concession (رغم الانتقادات، على الرغم من التحذيرات): granted, not reported."""
    toks = view.tokens
    for k in range(i - 1, max(-1, i - 1 - _CONCESSION_REACH), -1):
        if toks[k].norm in _DESPITE or (toks[k].norm == _RAGHM and k and toks[k - 1].norm == _ALA):
            return True
        if _gap(toks, k + 1):
            return False
    return False


_RAGHM, _ALA = _W["RAGHM_ALA"]


def _same_adjective(view: TextView, n: int, denied: Token, other: Token) -> bool:
    """Under "غير" (غير شرعية، غير قانوني) a word is an adjective, and only the same word is what it denies:
    "غير شرعية" does not deny "تشرع" (legalises)."""
    return bare(view.tokens[n].norm) != _GHAYR or bare(denied.stem) == bare(other.stem)


def _anonymous(toks: tuple[Token, ...], i: int) -> bool:
    """A denied word followed by a name or an identity (لم تكشف اسمه، رفض الكشف عن هويته): withholding who
    someone is, routine in news, denies nothing the title reports."""
    for k in range(i + 1, min(len(toks), i + 3)):  # its subject may come between (لم تكشف الصحيفة اسمها)
        if _gap(toks, k):
            return False
        w = toks[k].norm
        if (w[2:] if has_article(w) else w).startswith(_NAME_WORDS):
            return True
    return False


_NAME_WORDS = tuple(_W["NAME_WORDS"])


def _verb_core(w: str) -> str | None:
    """The lexeme key of a present verb under the future's س or with an object pronoun (ستحتضنها -> تحتضن،
    سيعود -> يعود), which ``lexeme`` reads as a different word; None for any other word."""
    b = bare(w)
    core = without_future(b)
    if core[:1] in _PRESENT:
        for ending in PRONOUNS:  # an object pronoun (ستحتضنها، يسلمه)
            if core.endswith(ending) and len(core) - len(ending) >= 4:
                core = core[: -len(ending)]
                break
    return lexeme(core) if core != b and core[:1] in _PRESENT and len(core) >= 4 else None


_WEAK_MIDDLE = frozenset("اوي")


def _alt_keys(w: str) -> tuple[str, ...]:
    """Other lexeme keys of a word, beside ``lexeme``'s: a verbal noun with a pronoun (تشريحه as تشريح), and the
    root of a verb whose middle letter is a vowel, which its forms change (عاد، يعود، عودة، إعادة; قام، يقوم،
    إقامة): "ع*د", a key no plain lexeme has."""
    out = [_CASUALTY] if bare(w) in _CASUALTIES else []
    lex = lexeme(w)
    b = bare(w)
    plain = without_accusative_alif(b)  # تشريحا
    for k in (lex, verb_key(word_key(w)), *((verb_key(plain),) if plain != b else ()),
              *((lexeme(without_future(b)),) if without_future(b) != b and b[-1:] != "ه" else ())):
        if k != lex and k not in out:
            out.append(k)
        if len(k) == 5 and k[1] == "ي" and k[2] == "ا" and k[4] in ("ه", "ت"):
            k = k[:4]  # زيارة، زيارته (its ة before a pronoun)
        if len(k) == 4 and k[1] == "ي" and k[2] == "ا":
            k = k[0] + "ا" + k[3]  # زيارة، سياقة: the verbal noun فعالة of a hollow verb (زار، يزور)
        if len(k) == 4 and k[2] == "ا" and k[3] == "ه":
            k = k[:3]  # إعادة، إقامة: the verbal noun of the causative
        elif not (b[-1:] == "ه" or (len(b) == 3 and b[1] == "ا") or (len(b) == 4 and b[0] == b[2] == "ا")
                  or (without_future(b)[:1] in _PRESENT and len(without_future(b)) >= 4)):
            continue  # a verb (يعود، عاد) or a verbal noun in ة (عودة); "القيم" (values) is no form of "قام"
        if len(k) == 3 and k[1] in _WEAK_MIDDLE:
            weak = k[0] + "*" + k[2]
            if weak not in out:
                out.append(weak)
    return tuple(out)


_OTHER = L.OTHER_WORDS | L.FURTHER_WORDS  # أخرى، آخرين، إضافية، جديدة


def _others(toks: tuple[Token, ...], j: int) -> bool:
    """"لم تسجل إصابات أخرى": no further casualties, the ones reported stand."""
    return any(toks[k].norm in _OTHER for k in range(j + 1, min(j + 3, len(toks))))
# Words of human casualties, killed or wounded (قتلى، مقتل، جرحى، إصابات، ضحايا): "دون إصابات" denies the
# deaths a title reports as well, and "مقتل 5" the casualties a title denies; one key for them all.
_CASUALTY = "casualties"
_CASUALTIES = frozenset(bare(w) for w in _W["CASUALTIES"])
ALT_KEYS = WordMemo(_alt_keys)  # word -> its other lexeme keys (see ``_alt_keys``)
VERB_CORES = WordMemo(_verb_core)  # word -> its verb core's lexeme key, one dict lookup per body token


_IGNORING = frozenset(lexeme(w) for w in _W["IGNORING"])
_FAILURE = frozenset(lexeme(w) for w in _W["FAILURE"]) | _IGNORING
_REACTIONS = L.REACTIONS | frozenset(map(bare, L.REACTIONS))
_FAIL_REACH = 6  # words after a verb of failure that say who failed at what


def _failed(ctx: Context) -> Iterator[Hit]:
    """A title that asserts, negating nothing, against a body opening that says the same actor failed at it
    (title "الدفاعات السعودية تعترض صاروخا", body "الدفاعات السعودية تفشل في التصدي لصاروخ"): a verb or noun of
    failure in one of the body's first two sentences, not after "بعد"، "رغم" (an earlier failure), with two of
    the title's content words (by loose key or synonym group) in that sentence, one of them within
    ``_FAIL_REACH`` words after it."""
    if token_index(ctx.title)[NEG] or any(LEXEMES[t.norm] in _FAILURE or _setback(t.norm) for t in ctx.title.tokens):
        return  # a title that negates, or reports a failure or a setback (هزيمة، هبوط، تراجع), agrees with one
    ttoks = [t for t in ctx.title.tokens if is_content(t)]
    keys: dict[str | int, Token] = {}
    for t in ttoks:
        for k in (word_key(t.norm), *GROUPS[t.norm]):
            keys.setdefault(k, t)
    btoks = ctx.body.tokens
    reacts = any(t.norm in _REACTIONS or bare(t.norm) in _REACTIONS for t in ctx.title.tokens)
    for sentence in ctx.body.sentences[:_RESTATE_SENTENCES]:
        if not sentence.tokens:
            continue
        lo, hi = sentence.tokens[0].index, sentence.tokens[-1].index
        for f in range(lo, hi + 1):
            failure = LEXEMES[btoks[f].norm]
            if failure not in _FAILURE or (f > lo and (btoks[f - 1].norm in _BREAKS
                                                       or negator(btoks[f - 1].norm))) \
                    or any(btoks[k].norm in _THAT for k in range(max(lo, f - 3), f)) \
                    or _purpose_verb(btoks[f].norm) or _conditional(ctx.body, f) \
                    or (failure in _IGNORING and not reacts):
                # an earlier failure (بعد فشل), a failure denied, claimed (أكد أن أمريكا فشلت), aimed at
                # (ليفشل الفريق) or supposed (إذا تجاهلت); ignoring contradicts only a title reaction (ندد، استدعى)
                continue
            if btoks[f].norm in _THWARTED or any(_prevents(btoks[k].norm) for k in range(f + 1, min(hi + 1, f + 4))):
                continue  # "أفشلت القوات الهجوم" (made it fail), "فشلت في وقف الاحتجاجات" (they went on)
            shared = {}
            for k in range(lo, hi + 1):
                if k != f:
                    for key in (word_key(btoks[k].norm), *GROUPS[btoks[k].norm]):
                        if key in keys:
                            shared.setdefault(keys[key].index, k)
            after = [k for k in shared.values() if f < k <= f + _FAIL_REACH]
            if len(shared) >= 2 and after:
                i = min(shared)
                t = ctx.title.tokens[i]
                b_end = _phrase_end(btoks, f)
                text = ctx.body.text[btoks[f].start:b_end]
                yield hit("consistency.negation_mismatch", "title", t.start, _phrase_end(ctx.title.tokens, i),
                          [("body", btoks[f].start, b_end)], context=text, body=text)
                return


# The causative of "فشل" (أفشل: made fail, thwarted) reports the subject's success; its present (يُفشل) is
# written as "يفشل" (fails) and left to the failure list.
_THWARTED = frozenset(_W["THWARTED"])


def _prevents(w: str) -> bool:
    """A word of stopping or preventing (وقف، منع، احتواء، إحباط): a failure to do it is no failure of the
    thing stopped."""
    return not _PREVENTING.isdisjoint(word_sides(w))


_PREVENTING = frozenset((("halt", 0), ("allow", 1), ("foil", 0)))


def _purpose_verb(w: str) -> bool:
    """A present verb under the "لـ" of purpose (ليفشل، لتفشل): an aim, not an event."""
    return w[:1] == "ل" and w[1:2] in ("ي", "ت") and len(w) >= 5


_SETBACKS = frozenset((("up", 1), ("win", 1), ("succeed", 1), ("better", 1), ("survive", 1), ("strong", 1)))


def _setback(w: str) -> bool:
    """A word of the losing side of a pair: a fall, a defeat, a failure, a worsening, a death."""
    return not _SETBACKS.isdisjoint(word_sides(w))


def _negates(view: TextView) -> bool:
    """The field negates something: a negator that is not half of a denial denied (عدم إلغاء الدورة says the
    session goes ahead)."""
    toks = view.tokens
    for n in token_index(view)[NEG]:
        kind = negator(toks[n].norm)
        before = negator(toks[n - 1].norm) if n and not _gap(toks, n) else None
        after = negator(toks[n + 1].norm) if n + 1 < len(toks) and not _gap(toks, n + 1) else None
        if not ((kind == "particle" and after == "verb") or (kind == "verb" and before == "particle")):
            return True
    return False


def _denials(view: TextView) -> dict[int, tuple[int, bool]]:
    """``_targets`` without what is to be avoided (لتجنب ارتفاع الضغط): a purpose denies nothing."""
    toks = view.tokens
    title = view.field == "title"
    return {i: v for i, v in _targets(view).items()
            if (toks[v[0]].norm[:1] != "ل" or negator(toks[v[0]].norm) != "verb") and not _anonymous(toks, i)
            and not (negator(toks[v[0]].norm) == "cease" and (title or not _event(toks[i].norm)))}


def _event(w: str) -> bool:
    """A verb or a verbal noun (القصف، التدخل، ملاحقة، تطوير): an outcome word, or a word whose lexeme is a
    derived verb's; "مواقع" (sites), a plural in مفاعل, is none though it looks like مفاعلة."""
    if word_sides(w):
        return True
    b = bare(w)
    return lexeme(w) != word_key(w) and not (b[:1] == "م" and b[2:3] == "ا" and b[-1:] != "ه")


def _sentence_negates(view: TextView, j: int) -> bool:
    """A negator anywhere in the sentence of token j."""
    toks, text = view.tokens, view.text
    for n in token_index(view)[NEG]:
        lo, hi = sorted((toks[n].end, toks[j].start)) if n < j else (toks[j].end, toks[n].start)
        if not _SENTENCE_END.search(text, lo, hi):
            return True
    return False


def _stopped(view: TextView, i: int) -> bool:
    """A word of stopping (وقف، تعليق، تجميد: the halt pair's first side) right before the word: "وقف التعامل
    بالدولار" says the dealing ends, which a body's "إلغاء التعامل" does not deny; a stop denied (عدم إلغاء
    الدورة) stops nothing."""
    toks = view.tokens
    return i > 0 and not _gap(toks, i) and ("halt", 0) in word_sides(toks[i - 1].norm) \
        and not (i > 1 and not _gap(toks, i - 1) and negator(toks[i - 2].norm) == "particle")


def _in_context(ctx: Context, i: int, js: list[int]) -> int | None:
    """The first body occurrence of the title word at i with another title content word within three words
    of it (the same statement, not the same word about something else); when and on what day (اليوم الخميس
    15 أكتوبر 2015) does not count as words between."""
    ttoks, btoks = ctx.title.tokens, ctx.body.tokens
    near = {bare(t.stem) for k, t in enumerate(ttoks) if k != i and is_content(t) and negator(t.norm) is None}
    for j in js:
        if any(bare(btoks[k].stem) in near for k in _around(btoks, j, 3)):
            return j
    return None


_NOW = frozenset(_W["NOW"])


def _when(w: str) -> bool:
    """A word of time: a number (a date, a year), a weekday, a month, اليوم، أمس، مساء ..."""
    return w[:1].isdigit() or w in _NOW or w in L.WEEKDAYS or w in L.MONTHS


_PERIODS = frozenset(_W["PERIODS"])


def _period(w: str) -> bool:
    """A period or a date (نهاية الشهر، مطلع العام، بداية مارس): the start or end word before it dates something,
    it reports no event's start or close. A day word (اليوم، غدا) after one says when it happens (يغلق اليوم
    مشاركته، تنطلق غدا)."""
    return _when(w) and w not in _NOW or w in _PERIODS


def _around(toks: tuple[Token, ...], j: int, reach: int) -> Iterator[int]:
    """The tokens within ``reach`` words either side of j, words of time not counted."""
    for step in (-1, 1):
        k, seen = j, 0
        while seen < reach:
            k += step
            if not 0 <= k < len(toks):
                break
            yield k
            if not _when(toks[k].norm):
                seen += 1


def _same_statement(ctx: Context, i: int, j: int) -> bool:
    """Another of the title's content words (by loose key) within eight words of body word j, in its sentence."""
    ttoks, btoks, text = ctx.title.tokens, ctx.body.tokens, ctx.body.text
    near = {word_key(t.norm) for k, t in enumerate(ttoks) if k != i and is_content(t) and negator(t.norm) is None}
    for k in range(max(0, j - _STATEMENT), min(len(btoks), j + _STATEMENT + 1)):
        if k != j and word_key(btoks[k].norm) in near:
            lo, hi = sorted((btoks[k].end, btoks[j].start)) if k < j else (btoks[j].end, btoks[k].start)
            if not _SENTENCE_END.search(text, lo, hi):
                return True
    return False


def _neg_hit(ctx: Context, i: int, j: int, t_neg: int | None, b_neg: int | None) -> Hit:
    ttoks, btoks = ctx.title.tokens, ctx.body.tokens
    t_start = ttoks[t_neg].start if t_neg is not None else ttoks[i].start
    b_start = btoks[b_neg].start if b_neg is not None else btoks[j].start
    t_end, b_end = _phrase_end(ttoks, i), _phrase_end(btoks, j)
    text = ctx.body.text[b_start:b_end]
    return hit("consistency.negation_mismatch", "title", t_start, t_end, [("body", b_start, b_end)],
               context=text, body=text)


def _hit(ctx: Context, rule: str, i: int, j: int) -> Hit:
    """The outcome word with its subject in each field, from the negator when one covers it."""
    ttoks, btoks = ctx.title.tokens, ctx.body.tokens
    t_start = ttoks[_targets(ctx.title).get(i, (i - _denial_denied(ctx.title, i), True))[0]].start
    b_start = btoks[_targets(ctx.body).get(j, (j - _denial_denied(ctx.body, j), True))[0]].start
    t_end, b_end = _phrase_end(ttoks, i), _phrase_end(btoks, j)
    text = ctx.body.text[b_start:b_end]
    return hit(rule, "title", t_start, t_end, [("body", b_start, b_end)], context=text, body=text)


def _phrase_end(toks: tuple[Token, ...], i: int) -> int:
    """End of the word and up to two following words (its subject), stopping at punctuation."""
    end = toks[i].end
    for k in range(i + 1, min(i + 3, len(toks))):
        if toks[k].start - end > 1 or toks[k].norm in _BREAKS or toks[k].norm in _PREPOSITIONS \
                or _conjoined(toks[k].norm):
            break
        end = toks[k].end
    return end
