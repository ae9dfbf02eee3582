"""Arabic proclitics: the one list of what may be attached before a word, and the one way to strip it.

Works on normalised words (see ``normalize``). A proclitic is a conjunction (و، ف), a preposition (ب، ل، ك)
and/or the article (ال, written لل after ل). ``PROCLITICS`` holds the article-bearing combinations and the
single letters, longest first, which is what the stemmer and the lexicon lookups strip;
``PARTICLE_PROCLITICS`` adds the two-letter conjunction + preposition combinations (وب، ول، فب ...) that
glue onto function words (وبهذا، ولدى). ``NAME_PROCLITICS`` is the narrower set a listed name is read after
(بالدولار، والأوسكار، لليورو), tried in turn by ``proclitic_tails``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

CONJUNCTION_LETTERS = "وف"
PREPOSITION_LETTERS = "بلك"
CLITIC_LETTERS = CONJUNCTION_LETTERS + PREPOSITION_LETTERS  # one letter that may be a proclitic: وفلان، لفلان
ARTICLE = "ال"

# Conjunction and/or preposition before the article (ل + ال is written لل), longest first.
ARTICLE_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Everything ``strip_proclitics`` removes, longest first (a longer prefix always wins over its tail).
PROCLITICS = ARTICLE_PROCLITICS + tuple(CLITIC_LETTERS)
# Without the article: one letter, or a conjunction followed by a preposition.
PARTICLE_PROCLITICS = tuple(c + p for c in CONJUNCTION_LETTERS for p in "بلك" if c + p != "فك") + tuple(
    CLITIC_LETTERS
)

# What a listed name (a currency, a prize, an outlet) may carry before it in running text, tried in this order:
# nothing, the article, one conjunction or preposition, that letter with the article, وب، ول. Not ك nor the
# longer chains, and never any letter ``bare`` would strip (كردية is no وردية).
NAME_PROCLITICS = ("", "ال", "و", "ب", "ل", "ف", "وال", "بال", "فال", "لل", "وب", "ول", "وبال")


# What shows the article at a word's start. Not وكال: that is how وكالة (agency) begins far more often.
_ARTICLE_STARTS = tuple(p for p in ARTICLE_PROCLITICS if p != "وكال")


def has_article(word: str) -> bool:
    """The word carries the article, possibly after a conjunction or preposition (الهوية، والتعاون، للتعاون)."""
    return word.startswith(_ARTICLE_STARTS)


@lru_cache(maxsize=65536)
def strip_proclitics(word: str, min_len: int = 2) -> tuple[str, bool]:
    """The word without its longest proclitic, leaving at least ``min_len`` letters; and whether it had the
    article."""
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= min_len:
            return word[len(p):], p.endswith(("ال", "لل"))
    return word, False


def proclitic_tails(word: str, prefixes: tuple[str, ...] = NAME_PROCLITICS, min_len: int = 3) -> Iterator[str]:
    """The word without each of ``prefixes`` it starts with, in their order, leaving at least ``min_len``
    letters: the readings to look up when only these proclitics may come before a word."""
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= min_len:
            yield word[len(p):]
