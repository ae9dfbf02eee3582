"""What every consistency check shares: the draft read once (numbers, places, word sets) and hit helpers.

``Context`` wraps the engine's ``Document`` and computes, lazily and once, the normalised word sets of the body
used to ask "does the body mention this title word at all?", plus the numbers of each field. Everything is
linear in the text length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..arabic import lexicon as L
from ..arabic.numbers import NumberMention, find_numbers
from ..arabic.stem import light_stem
from ..arabic.tokens import TextView, Token
from ..engine import Document, Hit


def bare(word: str) -> str:
    """A normalised word without proclitics (و، ب، ال ...), never shorter than three letters."""
    return L.strip_proclitics(word, 3)[0]


def grams(word: str, n: int = 4) -> set[str]:
    return {word[i:i + n] for i in range(len(word) - n + 1)}


def is_content(tok: Token) -> bool:
    """A title word worth looking for in the body: no digits, no function word, at least three letters."""
    w = tok.norm
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


class Context:
    """One draft prepared for the consistency checks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.title: TextView = doc.title
        self.body: TextView = doc.body
        self.cache: dict[str, object] = {}  # per-draft results shared between checks (places, people)

    @cached_property
    def body_words(self) -> frozenset[str]:
        out: set[str] = set()
        for t in self.body.tokens:
            out.update((t.norm, t.stem, bare(t.norm)))
        return frozenset(out)

    @cached_property
    def body_grams(self) -> frozenset[str]:
        out: set[str] = set()
        for t in self.body.tokens:
            out |= grams(bare(t.stem))
        return frozenset(out)

    def body_has(self, tok: Token) -> bool:
        """The body uses this title word, or a word sharing its stem."""
        w = tok.norm
        return w in self.body_words or tok.stem in self.body_words or bare(w) in self.body_words \
            or light_stem(bare(w)) in self.body_words

    def body_has_loosely(self, tok: Token) -> bool:
        """Also accept a body word sharing four letters in a row with it (ترتفع / ارتفاع)."""
        if self.body_has(tok):
            return True
        g = grams(bare(tok.stem))
        return bool(g) and not g.isdisjoint(self.body_grams)

    @cached_property
    def title_numbers(self) -> list[NumberMention]:
        return find_numbers(self.title.text, self.title.normalized)

    @cached_property
    def body_numbers(self) -> list[NumberMention]:
        return find_numbers(self.body.text, self.body.normalized)

    def view(self, field: str) -> TextView:
        return self.title if field == "title" else self.body


def hit(rule: str, field: str, start: int, end: int, related: list[tuple[str, int, int]] | None = None,
        context: str = "", **args: object) -> Hit:
    return Hit(rule, field, start, end, related=related or [], args=dict(args), context=context)


def span_text(ctx: Context, field: str, start: int, end: int) -> str:
    return ctx.view(field).text[start:end]
