"""What every consistency check shares: the draft read once (numbers, places, word sets) and hit helpers.

``Context`` wraps the engine's ``Document`` and computes, lazily and once, the normalised word sets of the body
used to ask "does the body mention this title word at all?", plus the numbers of each field. Everything is
linear in the text length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain

from ..arabic import data
from ..arabic import lexicon as L
from ..arabic.clitics import strip_proclitics
from ..arabic.memo import WordMemo
from ..arabic.numbers import NumberMention, find_numbers
from ..arabic.stem import light_stem, without_accusative_alif
from ..arabic.tokens import TextView, Token
from ..types import Document, Hit
from .words import NUM, token_index


@lru_cache(maxsize=65536)
def bare(word: str) -> str:
    """A normalised word without proclitics (و، ب، ال ...), never shorter than three letters."""
    return strip_proclitics(word, 3)[0]


_ENDINGS = ("تين", "تان", "ين", "ان", "ون", "ات", "يه", "ه", "ي")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """A looser key than the light stem: no clitics, no dual/plural/feminine ending (البلدين = البلدان)."""
    w = bare(word)
    for e in _ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


@lru_cache(maxsize=65536)
def verb_key(k: str) -> str:
    """A verb's forms and its verbal noun under one key, by the patterns of the derived verb forms:
    يسلم، تسلم، سلمت، تسليم -> سلم (form II: تفعيل); أفرج، يفرج، إفراج -> فرج (IV: إفعال); اعتمد، يعتمد،
    اعتماد -> عتمد (VII/VIII: انفعال، افتعال); استأنف، يستأنف، استئناف -> ستانف (X: استفعال); يناقش، مناقشة
    -> ناقش (III: مفاعلة). Keys are compared, never shown."""
    if k[:1] in "يتن" and len(k) >= 4 and not (k[0] == "ت" and len(k) == 5 and k[3] == "ي"):
        k = k[1:]  # the present tense's prefix
    elif len(k) == 4 and k[-1] == "ت":
        return k[:-1]  # the past tense's feminine ending
    elif k[-1:] == "ت" and ((len(k) == 7 and k.startswith("است") and k[5] != "ا")
                            or (len(k) in (5, 6) and k[0] == "ا" and k[-2] != "ا")):
        k = k[:-1]  # the same ending on a derived form: استهدفت، اكتشفت، أعلنت (not the plural in -ات)
    n = len(k)
    if n == 5 and k[0] == "ت" and k[3] == "ي":
        return k[1:3] + k[4]  # تفعيل
    if n == 5 and k[0] == "ا" and k[3] == "ا":
        return k[1:3] + k[4]  # إفعال
    if n == 4 and k[0] == "ا":
        return k[1:]  # أفعل (its present يفعل lost its prefix above)
    if n == 6 and k[0] == "ا" and k[4] == "ا":
        return k[1:4] + k[5]  # افتعال، انفعال
    if n == 5 and k[0] == "ا":
        return k[1:]  # افتعل، انفعل
    if n == 7 and k.startswith("است") and k[5] == "ا":
        return k[1:5] + k[6]  # استفعال
    if n == 6 and k.startswith("است"):
        return k[1:]  # استفعل
    if n in (5, 6) and k[0] == "م" and k[2] == "ا":
        return k[1:5]  # مفاعلة (its ending may be gone already)
    return k


@lru_cache(maxsize=65536)
def lexeme(w: str) -> str:
    """``verb_key`` of a word: a verbal noun is read whole (إعلان is not a plural in -ان)."""
    b = bare(w)
    for cand in (b, without_accusative_alif(b)):  # اجتماعا
        # (a present verb of a weak last letter, تلتقي، تشتكي, is keyed as its يلتقي، يشتكي below)
        if len(cand) in (5, 6, 7) and (cand[0] == "ا" or cand[0] == "ت") and cand[-1] != "ي" \
                and verb_key(cand) != cand:
            return verb_key(cand)
    return verb_key(word_key(w))


@cache
def _synonym_table() -> dict[str, frozenset[int]]:
    """bare word -> the numbers of every group it is in: the repetition family's synonym groups and the
    restatement synonyms (data/swap_synonyms.txt); a word may be in several groups."""
    out: dict[str, set[int]] = {}
    groups = [*data.groups("synonym_groups"), *data.groups("swap_synonyms")]
    for n, group in enumerate(groups):
        for w in group:
            out.setdefault(bare(w), set()).add(n)
    return {w: frozenset(ns) for w, ns in out.items()}


def synonym_groups(word: str) -> frozenset[int]:
    """The synonym groups of a bare word (empty when it is in none)."""
    return _synonym_table().get(word, frozenset())


LEXEMES = WordMemo(lexeme)  # word -> lexeme key, one dict lookup per token (the negation check maps a whole body)
GROUPS = WordMemo(lambda w: synonym_groups(bare(w)))  # word -> its synonym groups, likewise


# The keys under which a body word is looked up (see ``Context.body_has``): its light stem, bare form and word key,
# in one memo (one look-up per word instead of three).
_KEYS = WordMemo(lambda w: (light_stem(w), bare(w), word_key(w)))


def grams(word: str, n: int = 4) -> set[str]:
    return {word[i:i + n] for i in range(len(word) - n + 1)}


_STEM_GRAMS = WordMemo(lambda stem: frozenset(grams(bare(stem))))  # a stem -> the 4-grams of its bare word


def opening(ctx: Context, n: int) -> int:
    """The token index where the body's sentence n + 1 begins (the first n sentences restate the headline)."""
    sentences = ctx.body.sentences
    return sentences[n].tokens[0].index if len(sentences) > n and sentences[n].tokens else len(ctx.body.tokens)


def is_content(tok: Token) -> bool:
    """A title word worth looking for in the body: no digits, no function word, at least three letters."""
    return _content(tok.norm)


@lru_cache(maxsize=65536)
def _content(w: str) -> bool:
    return len(bare(w)) >= 3 and not w[:1].isdigit() and w not in L.STOPWORDS and bare(w) not in L.STOPWORDS


@dataclass(frozen=True)
class Mention:
    """A lexicon match in one field: ``key`` is what it refers to (a country, a city, a day ...)."""

    field: str
    start: int
    end: int
    key: str
    kind: str  # e.g. "country", "city", "adjective", "weekday", "month"
    token: int  # index of the first token


LEAD_TOKENS = 160  # the opening of the body that a headline summarises


class Context:
    """One draft prepared for the consistency checks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.title: TextView = doc.title
        self.body: TextView = doc.body
        self.cache: dict[str, object] = {}  # per-draft results shared between checks (places, people)

    @cached_property
    def body_words(self) -> frozenset[str]:
        return self._words(len(self.body.tokens))

    @cached_property
    def lead_words(self) -> frozenset[str]:
        """Word keys of the opening of the body, where a headline's words belong (length-independent)."""
        return self._words(LEAD_TOKENS)

    @cached_property
    def lead_lexemes(self) -> frozenset[str]:
        """Verb keys of the opening's words (ارتفاع، ترتفع -> one key): a verb and its verbal noun meet."""
        return frozenset(map(LEXEMES.__getitem__, self.lead_norms))

    @cached_property
    def lead_synonyms(self) -> frozenset[int]:
        """The synonym groups of the opening's words (ارتفاع / صعود)."""
        return frozenset().union(*map(GROUPS.__getitem__, self.lead_norms))

    @cached_property
    def lead_grams(self) -> frozenset[str]:
        return frozenset().union(*map(_STEM_GRAMS.__getitem__, set(self.body.stems[:LEAD_TOKENS])))

    @cached_property
    def lead_norms(self) -> set[str]:
        return set(self.body.norms[:LEAD_TOKENS])

    def _words(self, limit: int) -> frozenset[str]:
        words = self.lead_norms if limit == LEAD_TOKENS else \
            self.body.vocabulary if limit >= len(self.body.tokens) else set(self.body.norms[:limit])
        out = set(words)
        out.update(chain.from_iterable(map(_KEYS.__getitem__, words)))  # in C: a hit costs no LRU bookkeeping
        return frozenset(out)

    def body_has(self, tok: Token, lead: bool = False) -> bool:
        """The body (or its opening) uses this title word, or a word sharing its stem."""
        words = self.lead_words if lead else self.body_words
        w = tok.norm
        return w in words or tok.stem in words or bare(w) in words or light_stem(bare(w)) in words \
            or word_key(w) in words

    def lead_has_loosely(self, tok: Token) -> bool:
        """The body's opening has the word, or a word sharing four letters in a row with it (ترتفع / ارتفاع)."""
        if self.body_has(tok, lead=True) or lexeme(tok.norm) in self.lead_lexemes \
                or not synonym_groups(bare(tok.norm)).isdisjoint(self.lead_synonyms):
            return True
        g = grams(bare(tok.stem))
        return bool(g) and not g.isdisjoint(self.lead_grams)

    @cached_property
    def title_numbers(self) -> list[NumberMention]:
        return self._numbers(self.title)

    @cached_property
    def body_numbers(self) -> list[NumberMention]:
        return self._numbers(self.body)

    @staticmethod
    def _numbers(view: TextView) -> list[NumberMention]:
        toks = view.tokens
        return find_numbers(view.text, view.normalized, [toks[i] for i in token_index(view)[NUM]])

    def view(self, field: str) -> TextView:
        return self.title if field == "title" else self.body


def hit(rule: str, field: str, start: int, end: int, related: list[tuple[str, int, int]] | None = None,
        context: str = "", **args: object) -> Hit:
    return Hit(rule, field, start, end, related=related or [], args=dict(args), context=context)


def span_text(ctx: Context, field: str, start: int, end: int) -> str:
    return ctx.view(field).text[start:end]
