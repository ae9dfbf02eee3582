"""Sentences that say the same thing twice: a near copy anywhere, or a restatement nearby.

Near duplicates: a sentence that differs from an earlier one by a few words (rapidfuzz ratio on light stems;
sentences whose figures differ are parallel facts, not copies), or a long sentence found almost whole inside
another, where it was pasted without its full stop (partial ratio). Candidates come from blocking: each sentence
is indexed under its content stems (except those in one sentence only or all over the text), and only
sentences sharing three of them are compared, so a 100,000-word text costs about as much per sentence as an
article; no pair of sentences is compared otherwise.

Restatements: a sentence that repeats, in other words, what a sentence shortly before it says (or, with
stronger evidence, one far back). The signal is the weight of shared content stems, each weighted by how rare
it is in the draft (a word used once in each of the two sentences weighs most; the story's subject, used
everywhere, weighs little), with news synonyms counted as one word (الطلب/الإقبال، ارتفاع/صعود), plus shared
two-word phrases. The body's opening sentence is never the earlier one, and the rest of the first paragraph
only gives a hint (info): a lead is meant to be developed by what follows. Known limit: a paraphrase whose
words are mostly synonyms outside the lexicon is missed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import chain, combinations, compress, pairwise, repeat
from operator import truediv

import regex
from rapidfuzz import fuzz

from ..arabic import Sentence, light_stem, norm
from ..arabic.clitics import CONJUNCTION_LETTERS
from ..arabic.fastre import Dual
from ..arabic.memo import WordMemo
from ..types import Hit
from .lexicon import CALENDAR_WORDS, RECAP_PHRASES, REPORTING_VERBS, RESTATING, UNIT_WORDS
from .prep import CONCEPT, CONTENT, Body, is_number
from .rules import NEAR_DUPLICATE_SENTENCE, POSSIBLE_RESTATEMENT, RESTATED_FACT

MIN_CONTENT = 5  # content stems a sentence needs before it can be compared
MAX_POSTING = 12  # a stem in more sentences than this does not make candidates
MIN_SHARED = 3  # blocked stems two sentences must share to be compared
FAR_RATIO = 68.0  # a distant sentence this close in wording, same figures: a possible restatement (info)
WINDOW = 3  # restatement: up to this many sentences back
FIGURE_SHARED = 2  # content words besides the figure two sentences share to be about the same thing
RESTATING_WORDS = 4  # a restating connective is looked for among this many first words
GLUED_WORDS = 12  # a sentence glued onto another: at least this many words,
GLUED_SHARE = 0.8  # ... at most this share of the longer one's length,
GLUED_RATIO = 92.0  # ... found inside it this closely (rapidfuzz partial ratio on stems),
GLUED_CONTENT = 8  # ... looked for only when the shorter has this many content stems
GLUED_SHARED = 0.9  # ... and this share of them is in the longer one


def _stem_text(body: Body, s: Sentence) -> str:
    """The sentence as light stems, each synonym standing for its group: a copy reworded with synonyms
    (الطلب/الإقبال، ارتفع/صعد) compares as a near copy."""
    stems = body.view.stems[s.tokens[0].index:s.tokens[-1].index + 1]
    return " ".join(map(CONCEPT.get, stems, stems))  # each stem's group, else the stem itself (in C)


def _candidates(body: Body, ok: list[bool]) -> set[tuple[int, int]]:
    """Sentence pairs (i < j) sharing at least MIN_SHARED content stems that are not everywhere in the text."""
    # a word in one sentence pairs nothing; one the whole text uses says nothing about two sentences
    blocking = {st for st, n in body.stem_df.items() if 1 < n <= MAX_POSTING}
    postings: dict[str, list[int]] = defaultdict(list)
    for i in compress(range(len(ok)), ok):
        for st in body.content[i] & blocking:
            postings[st].append(i)
    # ids ascending and distinct: every pair (i < j), counted in C in one Counter call
    shared: Counter[tuple[int, int]] = Counter(chain.from_iterable(
        combinations(ids, 2) for ids in postings.values() if len(ids) <= MAX_POSTING))
    return {p for p, n in shared.items() if n >= MIN_SHARED}


def comparable(body: Body) -> list[bool]:
    """Sentences long enough to compare, outside lists and quotations."""
    formula = body.formula_sentences
    return [len(c) >= MIN_CONTENT and not body.in_list(s) and not body.sentence_quoted(s) and k not in formula
            for k, (s, c) in enumerate(zip(body.view.sentences, body.content))]


def near_duplicates(body: Body, exact: set[int], ok: list[bool]) -> tuple[list[Hit], set[int]]:
    """Hits, and the indexes of the later sentences already reported (``exact``: verbatim repeats)."""
    sents = body.view.sentences
    hits: list[Hit] = []
    done: set[int] = set()
    min_similarity = NEAR_DUPLICATE_SENTENCE.param(body.config, "min_similarity")
    for i, j in sorted(_candidates(body, ok)):
        if j in done or j in exact:
            continue
        rule, score = _distant_kind(body, i, j, min_similarity)
        if rule is None:
            continue
        done.add(j)
        hits.append(Hit(rule, "body", sents[j].start, sents[j].end,
                        related=[("body", sents[i].start, sents[i].end)], args={"score": round(score)}))
    return hits, done


def _distant_kind(body: Body, i: int, j: int, min_similarity: float) -> tuple[str | None, float]:
    """Near copy anywhere; a paraphrase (restated fact) farther back than ``restatements`` looks.
    ``min_similarity``: the rule's parameter, read once per draft by the caller."""
    texts = body.memo.setdefault("stem_text", {})
    for k in (i, j):
        if k not in texts:
            texts[k] = _stem_text(body, body.view.sentences[k])
    # Close by, only a near copy counts, and the score of a pair that is none is not used: below
    # ``min_similarity`` the ratio may then be 0 (rapidfuzz's cutoff, which gives up early; at or above it, the
    # same score), and a glued copy counts only when its own score reaches ``min_similarity``.
    # Far back, the overlap decides which score is used: all of it for a restated fact (it is reported), else only
    # whether it reaches ``min_similarity``, or FAR_RATIO when most content words are shared (the same cutoffs).
    near = j - i <= WINDOW
    if near:
        cutoff: float | None = min_similarity
    else:
        jw, rare, cont = _overlap(body, i, j)
        cutoff = None if _strong(jw, rare, cont) else min(min_similarity, FAR_RATIO) if cont >= 0.5 else min_similarity
    score = _ratio(texts[i], texts[j], cutoff)
    if score < min_similarity and _contained(body, i, j):
        score = max(score, _glued(texts[i], texts[j]))
    if score >= min_similarity:
        rule: str | None = NEAR_DUPLICATE_SENTENCE.id
    elif near:
        return None, score
    else:
        if _strong(jw, rare, cont):
            # a lead summed up again at the end is common in real news: only a hint there
            rule = POSSIBLE_RESTATEMENT.id if _in_lead(body, i) else RESTATED_FACT.id
        elif score >= FAR_RATIO and cont >= 0.5:
            rule = POSSIBLE_RESTATEMENT.id  # boilerplate said again paragraphs later
        else:
            return None, score
    sents = body.view.sentences
    if _numbers(sents[i]) != _numbers(sents[j]):
        return None, score  # parallel sentences with other figures (5% said..., 12% said...)
    a, b = _label(body, sents[i]), _label(body, sents[j])
    if a is not None and b is not None and a != b:
        return None, score  # lines of a comparison, one per item ("ميت 20: 256 غيغابايت", "بي 20 برو: 256 ...")
    return rule, score


LABEL_WORDS = 4  # at most this many words before the colon of an item's label


def _label(body: Body, s: Sentence) -> tuple[str, ...] | None:
    """The label a sentence opens with ("ميت 20 إكس: ..."، "الفريق الثاني: ..."): up to LABEL_WORDS words before a
    colon, none of them a reporting verb (وقال الوزير: «...» introduces a quotation, not an item). Two sentences
    under different labels give the same value to two items of a list; their likeness is the list's format."""
    toks = s.tokens
    text = body.view.text
    for k, t in enumerate(toks[:LABEL_WORDS]):
        if t.norm in REPORTING_VERBS or t.norm[1:] in REPORTING_VERBS:
            return None
        nxt = toks[k + 1].start if k + 1 < len(toks) else s.end
        if ":" in text[t.end:nxt]:
            return tuple(x.norm for x in toks[:k + 1])
    return None


def _ratio(a: str, b: str, cutoff: float | None) -> float:
    """``fuzz.ratio(a, b, score_cutoff=cutoff)``: 0 without the call when the lengths alone keep the score below
    ``cutoff`` (the indel distance is at least the difference of the lengths; a margin keeps rounding out)."""
    if cutoff is not None and 200 * min(len(a), len(b)) < (cutoff - 1e-6) * (len(a) + len(b)):
        return 0.0
    return fuzz.ratio(a, b, score_cutoff=cutoff)


def _contained(body: Body, i: int, j: int) -> bool:
    """Nearly every content stem of the shorter sentence is in the longer one: worth looking for it inside."""
    a, b = body.content[i], body.content[j]
    small = min(len(a), len(b))
    return small >= GLUED_CONTENT and len(a & b) >= GLUED_SHARED * small


def _glued(a: str, b: str) -> float:
    """A near copy pasted onto another sentence without its full stop ("... عامر بوعزة حسب الحصة التدريبية ..."):
    the shorter sentence found almost whole inside the longer one. Only a long shorter sentence counts, and only
    a close match (GLUED_RATIO): a short clause recurs inside longer sentences for many reasons."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short.split()) < GLUED_WORDS or len(short) > GLUED_SHARE * len(long_):
        return 0.0
    score = fuzz.partial_ratio(short, long_)
    return score if score >= GLUED_RATIO else 0.0


def _in_lead(body: Body, i: int) -> bool:
    """The sentence is in the body's first paragraph, which later paragraphs are meant to develop."""
    return body.view.sentences[i].paragraph == body.view.sentences[0].paragraph


def _strong(jw: float, rare: int, cont: float) -> bool:
    """Most rare content words shared: the same fact, whatever the wording."""
    return jw >= 0.22 and rare >= 6 and cont >= 0.5


def _hint(body: Body, i: int, j: int, overlap: tuple[float, int, float]) -> bool:
    """Maybe the same fact: several rare content words and a two-word phrase shared, or, for the very next
    sentence outside the lead, most of its content words."""
    jw, rare, cont = overlap
    sents = body.view.sentences
    shared_words = jw >= 0.1 and (rare >= 4 or (rare >= 3 and cont >= 0.5))
    if j - i <= 2 and shared_words and _bigrams(body, i) & _bigrams(body, j):
        return True
    most = cont >= 0.5 and jw >= 0.12 and len(body.content[i] & body.content[j]) >= 4
    return j - i == 1 and most and not _in_lead(body, i)


def _numbers(s: Sentence) -> list[str]:
    """Parallel sentences with different figures (5% said..., 12% said...) report different facts."""
    return [t.norm for t in s.tokens if is_number(t.norm)]


def _bigrams(body: Body, k: int) -> set[tuple[str, str]]:
    """The pairs of consecutive content stems (as their synonym groups) of sentence k, made once per sentence."""
    made = body.memo.setdefault("bigrams", {})
    if k not in made:
        toks = body.view.sentences[k].tokens
        a, b = toks[0].index, toks[-1].index + 1
        # ``is_content`` of each token is its class's CONTENT bit (``token_flags``)
        stems = [CONCEPT.get(st, st) for st, f in zip(body.view.stems[a:b], body.token_flags[a:b]) if f & CONTENT]
        made[k] = set(pairwise(stems))
    return made[k]


def _overlap(body: Body, i: int, j: int) -> tuple[float, int, float]:
    """(rarity-weighted Jaccard, shared stems found only in these two sentences, containment)."""
    a, b, df = body.content[i], body.content[j], body.stem_df
    inter = a & b
    if len(inter) < 3:
        return 0.0, 0, 0.0  # below every threshold that uses this
    counts = list(map(df.__getitem__, inter))
    weight = sum(map(truediv, repeat(1), counts))  # 1 / df[x], in C
    union = body.stem_weight[i] + body.stem_weight[j] - weight
    rare = counts.count(2)
    return weight / union, rare, len(inter) / min(len(a), len(b))


def restatements(body: Body, skip: set[int], ok: list[bool]) -> Iterator[Hit]:
    sents = body.view.sentences
    for j in range(2, len(sents)):
        if not ok[j] or j in skip:
            continue
        best: tuple[str, int] | None = None
        for i in range(max(1, j - WINDOW), j):
            if not ok[i]:
                continue
            jw, rare, cont = _overlap(body, i, j)
            if _strong(jw, rare, cont):
                best = (POSSIBLE_RESTATEMENT.id if _in_lead(body, i) else RESTATED_FACT.id, i)
                break
            if best is None and _hint(body, i, j, (jw, rare, cont)):
                best = (POSSIBLE_RESTATEMENT.id, i)
        if best:
            i = best[1]
            yield Hit(best[0], "body", sents[j].start, sents[j].end, related=[("body", sents[i].start, sents[i].end)])


_YEAR_RE = regex.compile(r"(?:19|20)\d\d")
_DIGITS_RE = regex.compile(r"\d")
_DIGIT = Dual(r"\d")  # the same digits, found by ``re`` in a text without characters beyond the BMP


def _year(value: str) -> bool:
    """``_YEAR_RE.fullmatch(value)``; an ASCII value (most) is read without the pattern."""
    if value.isascii():
        return len(value) == 4 and value[:2] in ("19", "20") and value[2:].isdigit()
    return _YEAR_RE.fullmatch(value) is not None


def _digit_count(value: str) -> int:
    """The digits of a figure (``_FIGURE_RE``'s first group: digits with "." and "," between them)."""
    return len(value) - value.count(".") - value.count(",")
# A figure in normalised text (decimals and thousands kept whole), and the word after it.
_FIGURE_RE = regex.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)(?![\d.,]?\d)\s*(%|[\p{L}]+)?")


def _figures(s: Sentence, small: bool = False, ntext: str | None = None, astral: bool = True) -> dict[str, None]:
    """The figures of a sentence in the order they appear (a dict as an ordered set: the first qualifying figure
    is the one reported, whatever the string hashing), with their unit ("3.2 مليار", "45 %"; the counted thing may be named otherwise),
    not years nor days of a date ("27 مارس"). Single digits recur for many reasons: only when ``small``, and
    with the very thing they count ("5 أيام", as a stem)."""
    out: dict[str, None] = {}
    text = norm(s.text) if ntext is None else ntext
    # (``astral``: the text may have a character beyond the BMP; else ``re`` finds the same first digit)
    first = _DIGIT.for_astral(astral).search(text)
    if first is None:
        return out
    for m in _FIGURE_RE.finditer(text, first.start()):  # no figure starts before the first digit
        value, after = m.group(1), m.group(2) or ""
        if _year(value) or after in CALENDAR_WORDS:
            continue
        if _digit_count(value) >= 2:
            out[f"{value} {after if after in UNIT_WORDS or after == '%' else ''}"] = None
        elif small and after:
            out[f"{value} {light_stem(after)}"] = None
    return out


def _restating(norms: list[str]) -> bool:
    """The sentence (its normalised words) opens with a restating connective ("أي ما مجموعه"، "بعبارة أخرى"،
    "ليصل بذلك"، "وعليه") or points back at what was said ("كما سبق ذكره"، "كما أسلفنا")."""
    return any(map(_CONNECTIVES.__getitem__, norms[:RESTATING_WORDS])) or _recap(norms)


def _connective(word: str) -> bool:
    """A restating connective, also behind و/ف (وبعبارة، فبالتالي); not any word whose tail is one (ماي)."""
    return word in RESTATING or (word[:1] in CONJUNCTION_LETTERS and word[1:] in RESTATING)


_CONNECTIVES = WordMemo(_connective)
_CONNECTIVE_WORDS = frozenset(RESTATING) | {c + w for c in CONJUNCTION_LETTERS for w in RESTATING}  # the same words


def _recap(norms: list[str]) -> bool:
    """The sentence's words (``norms``) hold a recap phrase; only the words that may open one are visited."""
    if _RECAP_BY_WORD.keys().isdisjoint(norms):  # (tested in C) no word opens one
        return False
    for i in compress(range(len(norms)), map(_RECAP_BY_WORD.__contains__, norms)):
        w = norms[i]
        for rest in _RECAP_BY_WORD[w]:
            if norms[i + 1:i + 1 + len(rest)] == rest:
                return True
    return False


def _recap_index() -> dict[str, tuple[list[str], ...]]:
    """Recap phrases by their first word (also behind و/ف), each with its other words."""
    out: dict[str, list[list[str]]] = defaultdict(list)
    for phrase in RECAP_PHRASES:
        for first in (phrase[0], "و" + phrase[0], "ف" + phrase[0]):
            out[first].append(list(phrase[1:]))
    return {k: tuple(v) for k, v in out.items()}


_RECAP_BY_WORD = _recap_index()
_VALUE_RE = regex.compile(r"\d+(?:[.,،]\d+)*")


def _values(tokens) -> set[str]:
    """The figures written in digits among the tokens ("20:45" gives 20 and 45), years left out. A single digit
    recurs for many reasons: it counts only with the thing it counts ("4 سنوات", as a light stem)."""
    out: set[str] = set()
    for k, t in enumerate(tokens):
        if not _DIGITS_RE.search(t.norm):
            continue
        for v in _VALUE_RE.findall(t.norm):
            if _YEAR_RE.fullmatch(v):
                continue
            if len(v) == 1:
                if k + 1 < len(tokens) and not _DIGITS_RE.search(tokens[k + 1].norm):
                    out.add(f"{v} {light_stem(tokens[k + 1].norm)}")
            else:
                out.add(v)
    return out


def _restated_inside(s: Sentence, norms: list[str]) -> int | None:
    """A restating connective inside the sentence followed by a figure the sentence gave before it ("... 45 هدفا
    أي ما مجموعه 45 هدفا"): the start of the restating part, or None."""
    toks = s.tokens
    inner = norms[toks[0].index + 1:toks[-1].index]  # the normalised words of toks[1:-1] (``norms``: the field's)
    if _CONNECTIVE_WORDS.isdisjoint(inner):
        return None  # no connective (tested in C)
    for p in compress(range(1, len(toks) - 1), map(_CONNECTIVES.__getitem__, inner)):  # connectives, in C
        after = _values(toks[p + 1:])
        if after and after & _values(toks[:p]):
            return toks[p].start
    return None


def restated_figures(body: Body, skip: set[int]) -> Iterator[Hit]:
    """A figure given again, in other words, in a sentence about the same thing ("بلغت الصادرات 3.2 مليار دينار"
    ... "ووصلت قيمة ما صدرته البلاد إلى 3.2 مليار دينار"): maybe the same fact twice. Shared content words show
    it is the same thing. Only a hint (info): a story may recall its key figure on purpose."""
    sents = body.view.sentences
    formula = body.formula_sentences
    last: dict[str, int] = {}
    nz = body.view.normalized
    astral = body.view.astral
    digit = _DIGIT.for_astral(astral)
    for j, s in enumerate(sents):
        if not digit.search(s.text):
            continue  # no figure (normalising only turns digits into digits)
        if j in formula or body.in_list(s) or body.sentence_quoted(s):
            continue
        found = None
        restating = _restating(body.view.norms[s.tokens[0].index:s.tokens[-1].index + 1])
        for key in _figures(s, small=True, ntext=nz.part(s.start, s.end), astral=astral):
            i = last.get(key)
            last[key] = j
            if i is None or j in skip or found is not None:
                continue
            shared = {x for x in body.content[i] & body.content[j] if not _DIGITS_RE.search(x)}
            big = _digit_count(key.split(" ", 1)[0]) >= 2
            # other words about the same thing, or "أي" / "بعبارة أخرى" giving the figure of a sentence just before
            if (big and len(shared) >= FIGURE_SHARED) or (restating and j - i <= WINDOW):
                found = i
        if found is None and restating and j not in skip:
            # a restating connective or a recap phrase and a figure of the sentences just before, whatever it
            # counts ("أي ما مجموعه 13" after "... 13 ..."): the same figure said again
            values = _values(s.tokens)
            found = next((i for i in range(j - 1, max(-1, j - WINDOW - 1), -1)
                          if values & _values(sents[i].tokens)), None) if values else None
        if found is not None:
            yield Hit(POSSIBLE_RESTATEMENT.id, "body", s.start, s.end,
                      related=[("body", sents[found].start, sents[found].end)])
        elif j not in skip and (at := _restated_inside(s, body.view.norms)) is not None:
            yield Hit(POSSIBLE_RESTATEMENT.id, "body", at, s.end, related=[("body", s.start, at)])
