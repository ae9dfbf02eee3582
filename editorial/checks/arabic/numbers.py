"""Numbers in Arabic news text: digits in any script and numbers written in words, with their unit.

``find_numbers(text)`` returns every quantity with its value, its span in the ORIGINAL text, a qualifier read
from the words before it (أكثر من / نحو / أقل من / حتى) or after it and its noun (على الأقل، تقريبا), and the
counted noun or unit after it, reduced to a key (``unit_key``) so that ساعات and ساعة, دنانير and دينار, "في
المئة" and % compare equal. It reads "16.8 مليار", "1,200", "١٢", "4 آلاف و870", "أربعة ملايين", "خمسة
وعشرون", "ألفين", "نصف", "عشرات" (vague), the Tunisian "3ر747" (747.3), thousands separators of any kind
("1.473.659"، "1,473,659"، "١٬٤٧٣٬٦٥٩", with a decimal part after the other sign: "1.473.659,5"), half or a quarter of
a scale with or without the article ("النصف مليار" = 500 million) and definite tens and hundreds in any case and
with their proclitics ("الخمسين عاما"، "بالثلاثين"، "للمئة يوم"; not the ordinal after its noun: "الذكرى الخمسين"،
"الخامس والعشرين"، nor "في المئة"، nor "مجموعة العشرين"). Known limits: years, dates and times are returned with ``kind`` set so that
callers can skip them; ordinals are not numbers here; a counted noun before the number (عدد القتلى 12) is not
read.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, compress

import regex

from . import lexicon as L
from .clitics import ARTICLE_PROCLITICS, CLITIC_LETTERS
from .data import keyed
from .fastre import Dual
from .normalize import Normalized, normalize
from .tokens import Token

# The module's small word lists, each read by its key (data/number_context_words.txt), normalised.
_W = keyed("number_context_words")

# Digits (with thousands/decimal separators or the Tunisian "ر" decimal), letter runs, percent signs.
_TOKEN_RE = regex.compile(r"\d+(?:ر\d+|(?:[.,،]\d+)+)?|[\p{L}\p{M}]+|[%٪]|[/:\-–]")
_TOKEN_SPLIT_RE = regex.compile(f"({_TOKEN_RE.pattern})")
# The same split by ``re`` for a text without characters beyond the BMP (``fastre``): about a third of the
# instructions on a body.
_TOKEN_SPLIT = Dual(_TOKEN_SPLIT_RE.pattern)
_SEP_RE = regex.compile(r"[.,]")
_TRAILING = "\u0640"
_YEAR_WORDS = frozenset(_W["YEAR_WORDS"])
_NOT_TWO = frozenset(_W["NOT_TWO"])  # Monday, "both"
_NOT_ONE = frozenset(_W["NOT_ONE"])  # "one of", Sunday
_DINAR = L.norm("دينار")
_AND_HALF = L.norm("ونصف")
_PERCENT = "%"
_BACK, _AHEAD = 30, 240
_DENSE = 400  # more than one number word per this many characters: tokenise the whole text once  # characters read around a number: its qualifier before, its scale and unit after
_UNIT_SKIP = frozenset(_W["UNIT_SKIP"])
# Qualifiers after the number and its noun: "6 أشخاص على الأقل" (at least 6), "على الأكثر"، "100 شخص تقريبا".
_AFTER = {("علي", "الاقل"): "over", ("علي", "الاكثر"): "upto", ("تقريبا", ""): "about"}  # normalised words
# Words between a qualifier and its figure: "أكثر من"، "يزيد على"، "يقل عن"، "يتخطى حاجز الـ80"، "دون عتبة".
_QUALIFIER_GAP = frozenset(("من", "ما", "علي", "عن", "ب", "ال", "حاجز", "عتبه", "سقف"))  # normalised words
_PERCENT_WORDS = frozenset(_W["PERCENT_WORDS"])
_HUNDRED_DEFINITE = frozenset(_W["HUNDRED_DEFINITE"])
_PER_CENT = _PERCENT_WORDS - _HUNDRED_DEFINITE  # per cent on their own; "المئة" only after "في"


@dataclass(frozen=True)
class NumberMention:
    value: float
    start: int  # original offsets of the number itself (digits/words and scale words)
    end: int
    unit: str | None  # unit_key of the counted noun, "%" for percentages
    unit_end: int  # original end including the unit (== end when there is none)
    qualifier: str  # "", "over", "about", "under", "upto"
    kind: str  # "digits", "words", "vague", "fraction", "year", "date"
    decimals: int  # digits after the decimal point as written (rounding precision)
    scaled: bool = False  # digits with a scale word after them (1.6 مليار، 3 آلاف): a rounded figure

    @property
    def span_end(self) -> int:
        return self.unit_end


def unit_key(word: str) -> str:
    """Reduce a counted noun to a comparison key: no clitics, one form for singular, dual and plural."""
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word  # counted nouns carry no other clitic
    w = L.UNIT_LEMMAS.get(w, w)
    if len(w) > 4 and w.endswith("ات") or len(w) > 4 and w.endswith(("ين", "ون", "ان")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("ا"):
        w = w[:-1]  # tanween accusative: قتيلا، عاما، دينارا
    if len(w) > 2 and w.endswith(("ه", "ت")):
        w = w[:-1]
    return w


def _digits_value(s: str) -> tuple[float, int] | None:
    """Value and decimals of a digit token: 1,200 / 1.200.000 / 16.8 / 16,8 / 3ر747 (= 747.3)."""
    if "ر" in s:
        frac, _, whole = s.partition("ر")
        return float(f"{whole}.{frac}"), len(frac)
    if "،" in s:  # the Arabic comma between digits is a decimal point (4،6)
        whole, _, frac = s.partition("،")
        return (float(f"{whole}.{frac}"), len(frac)) if frac.isdigit() else None
    parts = _SEP_RE.split(s)
    if len(parts) == 1:
        return float(s), 0
    seps = _SEP_RE.findall(s)
    if all(len(p) == 3 for p in parts[1:]) and (len(parts) > 2 or seps[0] == ","):
        return float("".join(parts)), 0  # thousands separators
    if len(set(seps)) == 2 and len(set(seps[:-1])) == 1 and seps[-1] != seps[0] \
            and all(len(p) == 3 for p in parts[1:-1]) and len(parts[0]) <= 3:
        # thousands one way, the decimal point the other: 1.473.659,5 (Maghreb, Europe) or 1,473,659.25
        return float(f"{''.join(parts[:-1])}.{parts[-1]}"), len(parts[-1])
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}"), len(parts[1])
    return None


def _word_atom(w: str) -> tuple[str, float] | None:
    """Classify one normalised word: ('unit'|'ten'|'hundred'|'scale'|'plural_scale', value), clitics allowed."""
    # a clitic before a word of three letters or more, and ب or و before the two-letter ست (بست ولايات، وست
    # دول; not لست "I am not")
    for cand in (w, w[1:] if w[:1] in CLITIC_LETTERS and (len(w) > 3 or (w[1:] == "ست" and w[0] in "بو")) else None):
        if not cand:
            continue
        if cand in L.UNIT_WORDS:
            return "unit", L.UNIT_WORDS[cand]
        if cand in L.TEN_WORDS:
            return "ten", L.TEN_WORDS[cand]
        if cand in L.HUNDRED_WORDS:
            return "hundred", L.HUNDRED_WORDS[cand]
        if cand in L.SCALE_WORDS:
            v, plural = L.SCALE_WORDS[cand]
            return ("plural_scale" if plural else "scale"), v
    if w.startswith("ال") and w[2:] in L.UNIT_WORDS and L.UNIT_WORDS[w[2:]] >= 3:
        return "unit", L.UNIT_WORDS[w[2:]]  # "السفراء الثلاثة"
    return _definite_atom(w)


def _definite_core(w: str) -> str | None:
    """The number word in a definite tens or hundreds word with its proclitics (الخمسين، والخمسون، بالثلاثين،
    للثلاثين، المئة، بالمائتين), or None."""
    for p in _DEFINITE_TENS_PREFIXES:
        if w.startswith(p) and (w[len(p):] in L.TEN_WORDS or w[len(p):] in L.HUNDRED_WORDS):
            return w[len(p):]
    return None


def _definite_atom(w: str) -> tuple[str, float] | None:
    core = _definite_core(w)
    if core is None or w in _PER_CENT:
        return None  # "بالمئة" is per cent, never a hundred
    if core in L.TEN_WORDS:
        return "ten", L.TEN_WORDS[core]
    return "hundred", L.HUNDRED_WORDS[core]


_Tok = tuple[str, int, int]  # (normalised text, start, end) in normalised offsets


def _tokens(text: str, lo: int = 0, hi: int | None = None, astral: bool = True) -> list[_Tok]:
    # In bulk: split gives [gap, token, gap, token, ..., gap] and the running sum of the parts' lengths gives the
    # spans (the pattern has no lookaround, so reading a slice is reading the window). ``astral``: the text may
    # have a character beyond the BMP (else ``re`` splits it alike).
    parts = _TOKEN_SPLIT.for_astral(astral).split(text[lo:hi])
    n = len(parts) // 2
    bounds = list(accumulate(map(len, parts), initial=lo))
    return list(zip(parts[1::2], bounds[1::2][:n], bounds[2::2]))


class _Parser:
    """Greedy left-to-right reader over the normalised tokens of one text."""

    def __init__(self, text: str, nz: Normalized, toks: list[_Tok]) -> None:
        self.text = text
        self.nz = nz
        self.toks = toks

    def tok(self, i: int) -> str:
        return self.toks[i][0] if 0 <= i < len(self.toks) else ""

    def is_digit(self, i: int) -> bool:
        return self.tok(i)[:1].isdigit()

    def run(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        # only tokens that may start a number are read; they are picked out in C (cached test per word)
        words = [t[0] for t in self.toks]
        for k in compress(range(len(words)), map(_STARTS.__getitem__, words)):
            if k < i:
                continue  # inside the number just read
            got = self.read_at(k)
            if got is None:
                i = k + 1
                continue
            mention, i = got
            out.append(mention)
            if i <= k:  # never happens (a number takes its first token), but would mean reading again from i
                return self._run_from(out, i)
        return out

    def _run_from(self, out: list[NumberMention], i: int) -> list[NumberMention]:
        while i < len(self.toks):
            w = self.toks[i][0]
            if not (w[:1].isdigit() or w in _STARTERS):
                i += 1
                continue
            got = self.read_at(i)
            if got is None:
                i += 1
                continue
            mention, i = got
            out.append(mention)
        return out

    def read_at(self, i: int) -> tuple[NumberMention, int] | None:
        if self.is_digit(i):
            return self.read_digits(i)
        w = self.tok(i)
        definite = next((w[len(p):] for p in _DEFINITE if w.startswith(p) and w[len(p):] in L.FRACTION_WORDS), None)
        if definite is not None:
            # "النصف مليار" is half a billion; "النصف الثاني"، "النصف" alone is the half of something, no figure
            if self.tok(i + 1) not in L.SCALE_BASE:
                return None
            value, j = self.scales(L.FRACTION_WORDS[definite], i + 1)
            return self.finish(i, j, value, "words", 0)
        if w in L.FRACTION_WORDS or (w[:1] in CLITIC_LETTERS and w[1:] in L.FRACTION_WORDS):
            value = L.FRACTION_WORDS.get(w, L.FRACTION_WORDS.get(w[1:], 0.5))
            if self.tok(i + 1) in L.SCALE_BASE:  # ربع مليون = 250,000
                value, j = self.scales(value, i + 1)
                return self.finish(i, j, value, "words", 0)
            return self.finish(i, i + 1, value, "fraction", 1)
        core = _vague_core(w)
        atom = _word_atom(core)
        if core in L.VAGUE_WORDS or (atom or ("", 0))[0] == "plural_scale":
            value = L.VAGUE_WORDS[core] if core in L.VAGUE_WORDS else atom[1]  # type: ignore[index]
            return self.finish(i, i + 1, value, "vague", 0)
        return self.read_words(i)

    def read_digits(self, i: int) -> tuple[NumberMention, int] | None:
        parsed = _digits_value(self.tok(i))
        if parsed is None:
            return None
        value, decimals = parsed
        # dates and times: 2025-2026, 28/3/2015, 10:30
        if self.tok(i + 1) in ("/", ":", "-", "–") and self.is_digit(i + 2):
            j = i + 2
            while self.tok(j + 1) in ("/", ":", "-", "–") and self.is_digit(j + 2):
                j += 2
            return self.finish(i, j + 1, value, "date", 0)
        j = i + 1
        value, j = self.scales(value, j)
        if j == i + 1 and decimals == 0 and 1900 <= value <= 2100 and "," not in self.tok(i):
            return self.finish(i, j, value, "year", 0)
        return self.finish(i, j, value, "digits", decimals, scaled=j > i + 1)

    def scales(self, value: float, j: int) -> tuple[float, int]:
        """Multiply by the scale words after a count (3 ملايين، ألف مليون), then add "و870" to "4 آلاف"."""
        last = 0.0
        while self.tok(j) in L.SCALE_BASE:
            last = L.SCALE_BASE[self.tok(j)]
            value, j = value * last, j + 1
        if last and self.tok(j) == _AND_HALF:  # مليون ونصف
            return value + last / 2, j + 1
        if last and self.tok(j) == "و" and self.is_digit(j + 1):
            value, j = self.and_digits(value, j, last)
        return value, j

    def and_digits(self, value: float, j: int, last: float) -> tuple[float, int]:
        """Add "و870" or "و625 ألف" (at token j) to a figure whose smallest scale is ``last``."""
        extra = _digits_value(self.tok(j + 1))
        if not extra:
            return value, j
        part, k = extra[0], j + 2
        if self.tok(k) in L.SCALE_BASE:
            part, k = part * L.SCALE_BASE[self.tok(k)], k + 1  # "119 مليونا و625 ألف"
        return (value + part, k) if part < last else (value, j)

    def read_words(self, i: int) -> tuple[NumberMention, int] | None:
        total, group, j, n = 0.0, 0.0, i, 0
        while j < len(self.toks):
            w = self.tok(j)
            if n and w == "و" and _word_atom(self.tok(j + 1)):
                j += 1
                continue
            atom = _word_atom(w)
            if atom is None or not self.word_allowed(j, w, atom, n > 0):
                break
            kind, v = atom
            if kind in ("scale", "plural_scale"):
                base = L.SCALE_BASE[_strip_conj(w)]
                if not (group or total):
                    group = v
                elif not group:
                    total, group = total * base, 0.0  # ألف مليون
                else:
                    group *= base
                total, group = total + group, 0.0
            elif kind == "hundred":
                group = group * 100 if 0 < group < 10 and v == 100 else group + v
            else:
                group += v
            j, n = j + 1, n + 1
            if kind in ("scale", "plural_scale") and self.tok(j) == _AND_HALF:  # مليونين ونصف
                total, j = total + L.SCALE_BASE[_strip_conj(w)] / 2, j + 1
            elif kind in ("scale", "plural_scale") and self.tok(j) == "و" and self.is_digit(j + 1):
                total, j = self.and_digits(total, j, L.SCALE_BASE[_strip_conj(w)])  # "مليوناً و600 ألف"
            if kind == "unit" and v < 10 and self.tok(j) in _TEEN_WORDS:
                group, j = group + 10, j + 1
        if not n:
            return None
        return self.finish(i, j, total + group, "words", 0)

    def word_allowed(self, j: int, w: str, atom: tuple[str, float], seen: bool) -> bool:
        """Reject number words that are something else here (الاثنين = Monday, الخامس عشر = ordinal)."""
        if w in L.WEEKDAYS:
            return False
        if _definite_core(w) is not None and atom[0] in ("ten", "hundred"):
            return self.definite_allowed(j, seen)
        if not seen and atom == ("unit", 10) and self.tok(j - 1) in L.ORDINALS:
            return False
        if not seen and w in _NOT_TWO:
            return False
        return not (not seen and w in _NOT_ONE)

    def definite_allowed(self, j: int, seen: bool) -> bool:
        """A definite tens or hundreds word (الخمسين، المئة) is a count unless it is an ordinal or "per cent": after
        an ordinal (الخامس والعشرين) or a definite noun it qualifies (الدورة الخمسين، الذكرى الثلاثين), after "في"
        (في المئة). Inside a number it only follows another definite word (المئة والخمسين)."""
        if seen:
            return _definite_noun(self.tok(j - 1) if self.tok(j - 1) != "و" else self.tok(j - 2))
        prev = self.tok(j - 1)
        if not self.adjacent(j) or not prev:
            return True
        if prev in ("في", "فى") and self.tok(j) in _HUNDRED_DEFINITE or prev in L.ORDINALS or prev[:1].isdigit() \
                or prev in _NAMED_BY_NUMBER:
            return False
        if self.tok(j).startswith(("وال", "فال")):  # the rest of a definite number or ordinal not read (المئة والخمسون)
            return not _definite_noun(prev)
        if self.tok(j).startswith("ال"):  # an adjective takes no preposition: بالخمسين، للمئة count
            return not (_definite_noun(prev) and not starts_number(prev) and prev not in L.QUALIFIERS)
        return True

    def finish(self, i: int, j: int, value: float, kind: str, decimals: int, scaled: bool = False,
               ) -> tuple[NumberMention, int]:
        qualifier = self.qualifier(i)
        unit, k = self.unit(j)
        if k == j + 2 and self.tok(j) == "م":
            value, scaled = value * 1e6, True
        qualifier = qualifier or _AFTER.get((self.tok(k), self.tok(k + 1)), "") or _AFTER.get((self.tok(k), ""), "")
        start, end = self.nz.to_original(self.toks[i][1], self.toks[j - 1][2])
        unit_end = self.nz.to_original(self.toks[k - 1][1], self.toks[k - 1][2])[1] if k > j else end
        end, unit_end = self.after_marks(end), self.after_marks(unit_end)
        if unit is not None and kind == "year" and self.tok(i - 1) not in _YEAR_WORDS:
            kind = "digits"
        if unit is not None and (unit in _MONTH_KEYS):
            kind = "date"
        if kind == "words" and self.tok(j) == "من" and unit_key(self.tok(j + 1)) in _MONTH_KEYS:
            kind = "date"  # "الثلاثين من يونيو": a day of the month
        return NumberMention(value, start, end, unit, unit_end, qualifier, kind, decimals, scaled), max(j, i + 1)

    def after_marks(self, end: int) -> int:
        """Extend an original end over trailing tashkeel and tatweel (شخصاً, not شخصا)."""
        while end < len(self.text) and (self.text[end] in _TRAILING or unicodedata.category(self.text[end]) == "Mn"):
            end += 1
        return end

    def adjacent(self, j: int) -> bool:
        """Only spaces separate token j from the one before (no punctuation: "2017 * تربص" is no count)."""
        return j > 0 and not self.nz.text[self.toks[j - 1][2]:self.toks[j][1]].strip()

    def qualifier(self, i: int) -> str:
        for back in (1, 2, 3):
            w = self.tok(i - back)
            if not w:
                break
            core = w[1:] if w[:1] in "وفل" and w[1:] in L.QUALIFIERS else w  # ويتجاوز، ليقل عن
            if core in L.QUALIFIERS:
                kind = L.QUALIFIERS[core]
                if kind in ("over", "under") and self.tok(i - back - 1) in ("لا", "لم", "لن"):
                    return "upto" if kind == "over" else "over"  # لا يزيد عن: up to; لا يقل عن: at least
                return kind
            if w not in _QUALIFIER_GAP:
                break
        return ""

    def unit(self, j: int) -> tuple[str | None, int]:
        """The counted noun after the number (skipping "من"), as a unit key; returns (key, token end index)."""
        if j >= len(self.toks) or not self.adjacent(j):
            return None, j
        w = self.tok(j)
        if w == _PERCENT:
            return "%", j + 1
        if w in _PERCENT_WORDS:
            return "%", j + 1
        if w in ("في", "فى") and self.tok(j + 1) in _PERCENT_WORDS:
            return "%", j + 2
        if w == "م" and self.tok(j + 1) == "د":
            return _DINAR, j + 2  # Tunisian "م د" (million dinars); the value is scaled by the caller
        if w in _UNIT_SKIP and self.tok(j + 1)[:2] == "ال":
            j, w = j + 1, self.tok(j + 1)
        if not w or not w[0].isalpha() or (w in L.STOPWORDS and unit_key(w) not in _COUNTED) or _word_atom(w) \
                or len(w) < 2:
            return None, j  # a function word is no unit, but "15 يوما" counts days
        return unit_key(w), j + 1


_DEFINITE = ("ال", "وال", "بال", "فال", "لل", "ولل")
# proclitics with the article before a definite tens or hundreds word: arabic/clitics' list (none of them begins
# another, so a word starts with one at most)
_DEFINITE_TENS_PREFIXES = ARTICLE_PROCLITICS
_COUNTED = frozenset(L.UNIT_LEMMAS.values())  # counted nouns (يوم، شهر، شخص): units even where a time word


# Groups named by a number: "مجموعة العشرين" (the G20), "قمة العشرين" are no count of twenty.
_NAMED_BY_NUMBER = frozenset(_W["NAMED_BY_NUMBER"])


def _definite_noun(w: str) -> bool:
    """A word with the article (الدورة، بالذكرى، للطابق): before a definite number word, the noun it qualifies."""
    return len(w) > 3 and w.startswith(_DEFINITE_TENS_PREFIXES)


def _vague_core(w: str) -> str:
    """عشرات، والعشرات، بالمئات، وآلاف -> the bare vague or plural-scale word (other words unchanged)."""
    for p in (*_DEFINITE, *CLITIC_LETTERS):
        rest = w[len(p):]
        if w.startswith(p) and (rest in L.VAGUE_WORDS or (rest in L.SCALE_WORDS and L.SCALE_WORDS[rest][1])):
            return rest
    return w


def _starters() -> frozenset[str]:
    """Every word that can begin a number, with its clitics: a cheap filter before parsing."""
    words = set(L.UNIT_WORDS) | set(L.TEN_WORDS) | set(L.HUNDRED_WORDS) | set(L.SCALE_WORDS)
    words |= set(L.VAGUE_WORDS) | set(L.FRACTION_WORDS)
    vague = set(L.VAGUE_WORDS) | {w for w, (_, plural) in L.SCALE_WORDS.items() if plural}
    out = words | {c + w for w in words for c in CLITIC_LETTERS} | {"ال" + w for w in L.UNIT_WORDS}
    out |= {p + w for w in vague for p in _DEFINITE}  # العشرات، بالمئات، وآلاف
    # الخمسين، بالثلاثين، المئة (not "بالمئة": per cent); النصف، بالنصف before a scale word (النصف مليار)
    out |= {p + w for w in (*L.TEN_WORDS, *L.HUNDRED_WORDS) for p in _DEFINITE_TENS_PREFIXES} - _PER_CENT
    out |= {p + w for w in L.FRACTION_WORDS for p in _DEFINITE}
    return frozenset(out)


_STARTERS = _starters()
_TEEN_WORDS = frozenset(_W["TEEN_WORDS"])


def _strip_conj(w: str) -> str:
    return w[1:] if w not in L.SCALE_BASE and w[:1] in CLITIC_LETTERS else w


_MONTH_KEYS = frozenset(unit_key(m) for m in L.MONTHS if " " not in m)


class _StartsMemo(dict[str, bool]):
    """word -> may it start a number (the test in ``_Parser.run``), memoised for a C-level map."""

    def __missing__(self, word: str) -> bool:
        if len(self) > 200_000:  # bounded: a server checks drafts for weeks
            self.clear()
        value = self[word] = word[:1].isdigit() or word in _STARTERS
        return value


_STARTS = _StartsMemo()


def starts_number(word: str) -> bool:
    """A normalised word (a ``Token.norm``) that may begin a number: digits or a number word."""
    return word[:1].isdigit() or word[-1:].isdigit() or word in _STARTERS


def find_numbers(text: str, nz: Normalized | None = None, candidates: Sequence[Token] | None = None,
                 ) -> list[NumberMention]:
    """Every number in ``text`` (spans in original offsets), left to right.

    ``candidates``, when given, are the field's tokens (from ``TextView``) for which ``starts_number`` holds:
    only a small window around each is read, so the cost follows the number of numbers, not the text length.
    """
    nz = nz or normalize(text)
    # (normalising never turns a character of the BMP into one beyond it: ``chars`` holds every character of the
    # original from U+0800 on)
    astral = any(ch > "\uffff" for ch in nz.chars)
    if candidates is None or len(candidates) * _DENSE > len(nz.text):
        # many numbers: one tokenisation beats many windows
        return _Parser(text, nz, _tokens(nz.text, astral=astral)).run()
    out: list[NumberMention] = []
    done = 0  # normalised offset up to which the text is parsed
    lo = hi = -1
    toks: list[_Tok] = []
    parser = _Parser(text, nz, toks)
    for t in candidates:
        ns, ne = bisect_left(nz.index, t.start), bisect_left(nz.index, t.end)
        if ne <= done:
            continue
        if not (lo + _BACK <= ns or lo == 0) or ne + _AHEAD // 2 > hi:  # read a new window, reused by neighbours
            lo = nz.text.rfind(" ", 0, max(0, ns - _BACK)) + 1
            hi = nz.text.find(" ", ne + _AHEAD)
            hi = len(nz.text) if hi < 0 else hi
            toks = _tokens(nz.text, lo, hi, astral)
            parser = _Parser(text, nz, toks)
        i = bisect_left(toks, max(ns, done), key=lambda tok: tok[1])
        while i < len(toks) and toks[i][1] < ne:
            got = parser.read_at(i) if toks[i][0][:1].isdigit() or toks[i][0] in _STARTERS else None
            if got is None:
                i += 1
                continue
            mention, i = got
            out.append(mention)
            done = toks[i - 1][2]
    return out
