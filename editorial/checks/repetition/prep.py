"""What every repetition check needs from the body, computed once per draft.

Which tokens sit inside a quotation, which paragraphs are list items, the content stems of each sentence and
the rarity of each stem in the draft. Offsets stay those of the original text (see ``arabic.tokens``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, pairwise, repeat
from operator import and_, eq, truediv

from ..arabic import Sentence, TextView, Token, light_stem, norm
from ..arabic.clitics import CLITIC_LETTERS, PARTICLE_PROCLITICS, has_article
from ..arabic.fastre import Dual
from ..arabic.memo import WordMemo
from ..arabic.quotes import Quotations
from ..config import CheckConfig
from .lexicon import CALENDAR_WORDS, FUNCTION_WORDS, REPORTING_VERBS, SYNONYM_GROUPS, UNIT_WORDS

# A list item: a bullet, a dash, or "1." / "2)" / "أ-" at the start of the paragraph.
# (Run by ``re`` on a text without astral characters: see ``arabic.fastre``.)
_LIST = Dual(
    r"^\s*(?:[-–—•●▪◦*·]|\d{1,3}\s*[.)\-–]|[\p{L}]\s*[)\-–](?=\s)"
    r"|(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)[\u064b]?\s*[:\-–])"
)

# A list number the sentence splitter left at the end of the previous sentence ("... والمرافق. 4. تهيئة").
_NUMBER_BEFORE = Dual(r"(?<![\d.,])\d{1,2}[.)]\s*\Z")

CONTENT, FUNCTION, NUMBER, ARTICLE = 1, 2, 4, 8
# A line repeated once per item of a digest, this many times or more, is its format (see Body.formula_sentences).
FORMULA_MIN = 3
# Other occurrences listed per finding: enough to show the pattern, and a text pasted 5,000 times stays linear.
MAX_RELATED = 20


def _concepts() -> dict[str, str]:
    """Light stem -> the stem that stands for its synonym group (the group's first word)."""
    out: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        head = light_stem(group[0])
        for w in group:
            out.setdefault(light_stem(w), head)
    return out


CONCEPT = _concepts()


def _concept(stem: str, draft_stems: set[str]) -> str:
    """The stem's synonym group; a one-letter clitic the stemmer kept (لفحص) goes when the draft has the bare
    word (فحص) too."""
    if len(stem) >= 4 and stem[0] in CLITIC_LETTERS and stem[1:] in draft_stems:
        stem = stem[1:]
    return CONCEPT.get(stem, stem)


_GLUE = FUNCTION_WORDS | REPORTING_VERBS  # a reporting verb says who speaks, not what is said


@lru_cache(maxsize=65536)
def word_class(word: str) -> int:
    """Bit flags for a normalised word, cached: the checks ask about the same few thousand words."""
    flags = 0
    if word in _GLUE or any(word.startswith(c) and word[len(c):] in _GLUE for c in PARTICLE_PROCLITICS):
        flags |= FUNCTION  # also behind a conjunction or preposition clitic: وفي، بهذا
    if any(ch.isdigit() for ch in word):
        flags |= NUMBER
    if has_article(word):
        flags |= ARTICLE  # الهوية، والتعاون، بالمجال، للتعاون
    if len(word) > 2 and not flags & (FUNCTION | NUMBER) and word not in UNIT_WORDS and word not in CALENDAR_WORDS:
        flags |= CONTENT  # carries the story: not glue, not a unit, not a date word, not a bare letter
    return flags


_WORD_CLASSES = WordMemo(word_class)


def _key(word: str) -> str:
    """A token's key among its sentence's content stems (``Body.content``) before the draft is looked at: the
    word itself for a number, its stem's synonym group for a content word, "" for the others."""
    flags = word_class(word)
    if flags & NUMBER:
        return word
    if flags & CONTENT:
        stem = light_stem(word)
        return CONCEPT.get(stem, stem)
    return ""


def _bare(word: str) -> str | None:
    """The stem of a content word without the one-letter clitic ``_concept`` may take off, or None."""
    stem = light_stem(word)
    if word_class(word) & CONTENT and len(stem) >= 4 and stem[0] in CLITIC_LETTERS:
        return stem[1:]
    return None


_KEYS = WordMemo(_key)
_BARE = WordMemo(_bare)
# The words ``_bare`` was asked about, and those of them it gives a stem for (plain sets, cleared together), so that
# a draft's candidates are found by set operations in C instead of a look-up per distinct word.
_BARE_SEEN: set[str] = set()
_HAS_BARE: set[str] = set()


def _bare_keys(view: TextView) -> dict[str, str]:
    """``_concept``'s strip for a draft: each distinct word whose stem without its one-letter clitic (``_bare``)
    is also a stem of the draft -> that bare stem's synonym group."""
    vocabulary = view.vocabulary
    unseen = vocabulary - _BARE_SEEN
    if unseen:
        if len(_BARE_SEEN) + len(unseen) > _BARE.limit:  # bounded as the memos are
            _BARE_SEEN.clear()
            _HAS_BARE.clear()
            unseen = vocabulary
        _BARE_SEEN.update(unseen)
        _HAS_BARE.update([w for w in unseen if _BARE[w] is not None])
    candidates = vocabulary & _HAS_BARE
    if not candidates:
        return {}
    draft_stems = set(view.stems)
    return {w: CONCEPT.get(b, b) for w in candidates if (b := _BARE[w]) in draft_stems}


def _space_gap(gap: str) -> bool:
    """The text between two tokens of one sentence joins them into a phrase: spaces, no line break."""
    return gap == " " or not gap.strip() and "\n" not in gap


_SPACE_GAPS = WordMemo(_space_gap)


_RECIPROCALS: list[float] = [0.0]  # k -> 1 / k, the same floats as dividing again, looked up without a division
_RECIPROCALS_KEPT = 4096  # kept up to this k (a stem's sentence count is at most the draft's sentences)


def _reciprocals(n: int) -> bool:
    """``_RECIPROCALS`` holds ``1 / k`` for every k up to ``n`` (made longer if needed)."""
    if len(_RECIPROCALS) <= n:
        _RECIPROCALS.extend(map(truediv, repeat(1), range(len(_RECIPROCALS), n + 1)))
    return True


def is_function(word: str) -> bool:
    return bool(word_class(word) & FUNCTION)


def is_number(word: str) -> bool:
    return bool(word_class(word) & NUMBER)


def is_content(tok: Token) -> bool:
    return bool(word_class(tok.norm) & CONTENT)


@dataclass
class Body:
    """The body field seen by the repetition checks."""

    view: TextView
    config: CheckConfig
    quotes: Quotations
    list_paras: frozenset[int] = frozenset()
    memo: dict[str, dict] = field(default_factory=dict)  # per-draft caches of the passes

    @classmethod
    def of(cls, view: TextView, config: CheckConfig) -> Body:
        list_re = _LIST.for_astral(view.astral)
        lists = frozenset(p.index for p in view.paragraphs if list_re.match(p.text))
        return cls(view, config, view.quotations, lists)

    def in_quote(self, pos: int) -> bool:
        return self.quotes.inside(pos)

    def sentence_quoted(self, s: Sentence) -> bool:
        """Most of the sentence's words are inside a quotation."""
        return sum(self.quoted_tokens[s.tokens[0].index:s.tokens[-1].index + 1]) * 2 > len(s.tokens)

    @cached_property
    def quoted_tokens(self) -> list[bool]:
        """Tokens inside a quotation, by one sweep over tokens and the sorted quote spans."""
        out = [False] * len(self.view.tokens)
        if self.quotes.spans:
            # the spans are sorted and disjoint: a token is inside one when its start falls strictly between
            # the span's ends, so each span marks the run of tokens found by bisection over the starts
            starts = self.view.starts
            for a, b in self.quotes.spans:
                lo, hi = bisect_right(starts, a), bisect_left(starts, b)
                out[lo:hi] = [True] * max(0, hi - lo)
        return out

    @cached_property
    def sentence_keys(self) -> list[tuple[str, ...]]:
        """Each sentence as its normalised words: equal keys are the same sentence up to spelling and punctuation."""
        norms = self.view.norms
        return [tuple(norms[s.tokens[0].index:s.tokens[-1].index + 1]) for s in self.view.sentences]

    def in_list(self, s: Sentence) -> bool:
        """A list line, or a list item run into a paragraph ("...التالية: -عدم الإعلان...")."""
        return s.start in self.list_sentences

    @cached_property
    def list_sentences(self) -> frozenset[int]:
        """Start offsets of the sentences that are list items."""
        return frozenset(s.start for s in self.view.sentences if s.paragraph in self.list_paras or self._starts_item(s))

    def _starts_item(self, s: Sentence) -> bool:
        text = self.view.text
        i = s.start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1  # a dash just before the sentence start belongs to the item
        astral = self.view.astral
        if _LIST.for_astral(astral).match(s.text) or (i >= 0 and text[i] in "-–—•*"):
            return True
        number_before = _NUMBER_BEFORE.for_astral(astral)
        return bool(number_before.search(text, max(0, s.start - 8), s.start))  # "... 3. تهيئة ..." inline

    @cached_property
    def allowed(self) -> frozenset[str]:
        """Normalised allowed repeats (single words and phrases, spaces collapsed)."""
        return frozenset(" ".join(norm(a).split()) for a in self.config.allowed_repeats if a.strip())

    @cached_property
    def stop_phrases(self) -> frozenset[str]:
        return frozenset(" ".join(norm(a).split()) for a in self.config.stop_phrases if a.strip())

    @cached_property
    def content(self) -> list[frozenset[str]]:
        """Content stems of each sentence (numbers kept as they are: a restated figure is a strong sign)."""
        norms = self.view.norms
        # each token's key ("" for the others) is a function of the word alone (its class, its stem's synonym
        # group), looked up in C; only a word whose stem loses a clitic letter in this draft (``_concept``:
        # the draft has the bare stem too) gets another
        keys = list(map(_KEYS.__getitem__, norms))
        sents = self.view.sentences
        bare = _bare_keys(self.view)
        if not bare:
            return [frozenset(filter(None, keys[s.tokens[0].index:s.tokens[-1].index + 1])) for s in sents]
        # only a sentence with one of those words (its words tested in C) has other keys: the same keys in the
        # same order as mapping every token
        out = []
        for s, words in zip(sents, self.sentence_keys):
            a, b = s.tokens[0].index, s.tokens[-1].index + 1
            if bare.keys().isdisjoint(words):
                out.append(frozenset(filter(None, keys[a:b])))
            else:
                out.append(frozenset(filter(None, map(bare.get, norms[a:b], keys[a:b]))))
        return out

    @cached_property
    def stem_df(self) -> Counter[str]:
        """In how many sentences each content stem occurs."""
        return Counter(chain.from_iterable(self.content))  # counted in C, in the order of the sentences

    @cached_property
    def stem_weight(self) -> list[float]:
        """Each sentence's content stems weighted by rarity (1 / sentences using the stem), summed."""
        # the same terms added in the same order as a generator of 1 / df[x]: each stem's term computed once,
        # then looked up in C
        df = self.stem_df
        n = len(self.content)
        if n < _RECIPROCALS_KEPT and _reciprocals(n):
            # each stem's 1 / df read from the table by its count: no dict of terms made first
            terms = _RECIPROCALS.__getitem__
            return [sum(map(terms, map(df.__getitem__, stems))) for stems in self.content]
        inverse = dict(zip(df, map(truediv, repeat(1), df.values())))
        return [sum(map(inverse.__getitem__, stems)) for stems in self.content]

    @cached_property
    def token_flags(self) -> list[int]:
        """``word_class`` of every body token, in token order."""
        return list(map(_WORD_CLASSES.__getitem__, self.view.norms))  # lookups mapped in C

    @cached_property
    def sentence_of(self) -> list[int]:
        """Sentence index of every token (-1 for the rare token outside any sentence)."""
        out = [-1] * len(self.view.tokens)
        for k, s in enumerate(self.view.sentences):
            out[s.tokens[0].index:s.tokens[-1].index + 1] = repeat(k, len(s.tokens))
        return out

    @cached_property
    def joined(self) -> list[bool]:
        """Token i and token i+1 are in one sentence with only spaces between them (no punctuation)."""
        sent = self.sentence_of
        if not sent:
            return []
        # in C: every gap's text, looked up in a memo of gap -> "only spaces, no line break"
        gaps = self.view.gaps
        sents = self.view.sentences
        if sum(len(x.tokens) for x in sents) != len(sent):  # a token outside every sentence (rare)
            return [*map(and_, map(eq, sent[:-1], sent[1:]), map(_SPACE_GAPS.__getitem__, gaps)), False]
        # every token is in a sentence: token i and i + 1 are in two sentences exactly after a sentence's last token
        out = [*map(_SPACE_GAPS.__getitem__, gaps), False]
        for x in sents:
            out[x.tokens[-1].index] = False
        return out

    @cached_property
    def excluded_tokens(self) -> list[bool]:
        """Tokens inside a quotation, a list line or a digest's formula: repetition there is the speaker's, the
        list's or the format's."""
        out = self.quoted_tokens.copy()
        formula = self.formula_sentences
        for k, s in enumerate(self.view.sentences):
            if k in formula or self.in_list(s):
                out[s.tokens[0].index:s.tokens[-1].index + 1] = repeat(True, len(s.tokens))
        return out

    @cached_property
    def formula_sentences(self) -> frozenset[int]:
        """Sentences of a digest's formula: a line repeated once per item ("للمزيد من التفاصيل اضغط هنا" closing
        each of several stories). Three or more occurrences, each in its own paragraph at the same place (its
        first or last sentence), with other content between every two: the layout of a digest, not a slip."""
        groups: dict[tuple[str, ...], list[int]] = {}
        sents = self.view.sentences
        # only sentences of a length that FORMULA_MIN sentences have can be one line repeated that often
        lengths = Counter([len(s.tokens) for s in sents])
        if not lengths or max(lengths.values()) < FORMULA_MIN:
            return frozenset()
        norms, flags = self.view.norms, self.token_flags
        for k, s in enumerate(sents):
            if lengths[len(s.tokens)] < FORMULA_MIN:
                continue
            a, b = s.tokens[0].index, s.tokens[-1].index + 1
            # the item's number may change from one line to the next ("الخبر 2 من 5"): numbers as "#"
            groups.setdefault(tuple(["#" if f & NUMBER else w for w, f in zip(norms[a:b], flags[a:b])]), []).append(k)
        out: set[int] = set()
        for ks in groups.values():
            if len(ks) >= FORMULA_MIN and self._per_item(ks):
                out.update(ks)
        return frozenset(out)

    def _per_item(self, ks: list[int]) -> bool:
        sents = self.view.sentences
        paras = [sents[k].paragraph for k in ks]
        if len(set(paras)) < len(paras) or any(b - a < 2 for a, b in pairwise(ks)):
            return False  # two in one paragraph, or nothing between two: pasted, not a per-item line
        first = [k == 0 or sents[k - 1].paragraph != sents[k].paragraph for k in ks]
        last = [k == len(sents) - 1 or sents[k + 1].paragraph != sents[k].paragraph for k in ks]
        return all(first) or all(last)
