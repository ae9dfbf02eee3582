"""Light, clitic-aware stemming: enough to count التعاون، والتعاون، للتعاون as one word.

Works on normalised words (see ``normalize``). It strips conjunctions, prepositions, the article and attached
pronouns, never leaving fewer than three letters, and deliberately does no root extraction.
"""

from __future__ import annotations

from functools import lru_cache

_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("كما", "هما", "تها", "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي")
_MIN = 3


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    w = word
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= _MIN:
            # a bare و/ف/ب/ل/ك is only a clitic when what remains still looks like a word
            if len(p) == 1 and len(w) - 1 < 4:
                continue
            w = w[len(p):]
            break
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= _MIN:
            w = w[: -len(s)]
            break
    return w
