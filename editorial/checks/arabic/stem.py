"""Light, clitic-aware stemming: enough to count التعاون، والتعاون، للتعاون as one word.

Works on normalised words (see ``normalize``). It strips conjunctions, prepositions, the article and attached
pronouns, never leaving fewer than three letters, and deliberately does no root extraction. A lone و/ف/ب/ل/ك
is kept on common words that begin with that letter (وزارة، فريق، بلدية). Plural and dual
endings (ون، ين، ان) are only stripped from longer words, so سرطان or بلدان keep their last letters; a nisba
before a feminine or plural ending goes with it (الاتفاقيات and الاتفاقية both give اتفاق).
"""

from __future__ import annotations

from functools import lru_cache

from .clitics import PROCLITICS

# (suffix, letters that must remain): plural/dual endings need four, pronouns and feminine endings three.
_SUFFIXES = (
    ("يات", 3), ("يين", 3), ("يون", 3), ("كما", 3), ("هما", 3), ("تها", 3), ("ها", 3), ("هم", 3), ("هن", 3),
    ("كم", 3), ("كن", 3), ("نا", 3), ("ات", 3), ("ون", 4), ("ين", 4), ("ان", 4), ("يه", 3), ("ه", 3), ("ي", 3),
)
_MIN = 3
# Common news words whose first letter is part of the word, not a clitic: وزارة is not و+زارة.
_ROOT_STARTS = (
    "وزار", "وزير", "وزرا", "وطن", "وفد", "وفا", "وقت", "وقف", "وضع", "واقع", "ولاي", "وحد", "وجه", "وصل", "وعد",
    "وكال", "وثيق", "وسط", "وسيل", "وظيف", "وقود", "ورق", "ورش", "ولاد", "ولي", "فريق", "فرع", "فتر", "فكر",
    "فصل", "فوز", "فرص", "فيلم", "فند", "فلاح", "بلد", "بيت", "بنك", "برنامج", "بحث", "بطول", "بعث", "بيان",
    "بنا", "بحر", "برلمان", "لجن", "لقا", "لعب", "لاعب", "كتاب", "كتب", "كر", "كلي", "كلم", "كهرب", "كمي",
)


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    w = word
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= _MIN:
            # a bare و/ف/ب/ل/ك is only a clitic when what remains still looks like a word
            if len(p) == 1 and (len(w) - 1 < 4 or w.startswith(_ROOT_STARTS)):
                continue
            w = w[len(p):]
            break
    for s, keep in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= keep:
            w = w[: -len(s)]
            break
    return w


def without_accusative_alif(word: str) -> str:
    """A noun without the alif of its indefinite accusative ending (تنديدا -> تنديد، اجتماعا -> اجتماع); words
    of under five letters are left alone (بدا، غدا)."""
    return word[:-1] if word.endswith("ا") and len(word) >= 5 else word
