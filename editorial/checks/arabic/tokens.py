"""Words, sentences and paragraphs of one field, all with offsets into the original text.

``TextView`` is what every check works on: the original text, its normalised form with the index map, and
lazily computed tokens, sentences and paragraphs. Word patterns include combining marks (``\\p{M}``), so
tashkeel never splits a word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import add, sub
from typing import NamedTuple

import regex

from .fastre import bmp_class, has_astral
from .marks import MARKS_RE, ends_after_marks
from .memo import WordMemo
from .normalize import _DROP, Normalized, norm, normalize
from .quotes import Quotations
from .stem import light_stem

WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A sentence ends at . ! ? ؟ … (not a decimal point), with any closing quotes/brackets after it, or at a newline.
_SENT_END_RE = regex.compile(r"(?:(?<!\d)\.(?!\d)|(?<=\d)\.(?!\d)|[!?؟…]|\.{3})+[\"'»”’)\]]*|\n+")
_SENT_END_FIRST = ".!?؟…"  # every match of _SENT_END_RE inside a paragraph (no line break) starts with one
_PARA_RE = re.compile(r"[^\n]+")  # no class escape: re reads it as regex does
# Characters that normalisation drops or expands other than marks (tashkeel, tatweel: a token keeps those):
# zero-width and bidi controls, presentation forms, ... With none of them in a text, a word's end maps back by
# the index map alone.
# (A class of literal characters: ``re`` scans it faster than ``regex`` and matches the same.)
_OTHER_IRREGULAR_RE = re.compile(
    "[" + "".join(chr(o) for o in sorted(_DROP) if not MARKS_RE.fullmatch(chr(o))) + "\uFB50-\uFDFF\uFE70-\uFEFC\u0130]"
)
_WORD_SPLIT_RE = regex.compile(f"({WORD_RE.pattern})")
# The same split by ``re``, for a text without characters beyond the BMP (most texts; see ``fastre``).
_WORD_SPLIT_BMP_RE = re.compile(f"({bmp_class(WORD_RE.pattern[:-1])}+)")
# What normalisation drops inside words (all of it word characters: see ``_word_columns``).
_DROPPED_WORD_CHARACTERS = "".join(chr(o) for o in sorted(_DROP) if MARKS_RE.fullmatch(chr(o)))
_new_tuple = tuple.__new__
# A dropped word character (a mark, tatweel) that starts a word: not after a word character. (For ``re``, on a text
# without characters beyond the BMP; the dropped character is matched first, so the scan skips to the next one.)
_LEADING_DROPPED_BMP_RE = re.compile(
    f"[{_DROPPED_WORD_CHARACTERS}](?<!{bmp_class(WORD_RE.pattern[:-1])}[{_DROPPED_WORD_CHARACTERS}])"
)


_STEMS = WordMemo(light_stem)  # map(_STEMS.__getitem__, words) stays in C for known words


class Token(NamedTuple):
    """A word. A named tuple rather than a dataclass: a long text has 100,000 of them, built in a tight loop."""

    start: int  # original offsets
    end: int
    text: str  # original text
    norm: str  # normalised
    stem: str  # light stem of the normalised word
    index: int  # position among the field's tokens


class Sentence(NamedTuple):
    """A sentence of a field: its span, its text, its paragraph's index and its tokens. A named tuple (built with
    ``tuple.__new__``): a frozen dataclass takes several times as long to make, once per sentence of every text."""

    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...]


class Paragraph(NamedTuple):
    """A paragraph of a field (a named tuple, as ``Sentence``)."""

    start: int
    end: int
    text: str
    index: int


class TextView:
    """One field (title or body) prepared for checking."""

    def __init__(self, field: str, text: str) -> None:
        self.field = field
        self.text = text

    @cached_property
    def normalized(self) -> Normalized:
        return normalize(self.text)

    @property
    def norm(self) -> str:
        return self.normalized.text

    @cached_property
    def _columns(self) -> tuple[list[int], list[int], list[str], list[str], list[str]]:
        """The words' starts, ends, original texts, normalised forms and light stems, in text order."""
        text, aligned = self.text, self.normalized.aligned
        if aligned or not any(map(_OTHER_IRREGULAR_RE.match, self.normalized.chars)):
            columns, gaps = _word_columns(text, not aligned, self.astral)
            if gaps is not None:
                self.__dict__["gaps"] = gaps  # read off the split (see ``gaps``)
            return columns
        # zero-width or bidi controls, presentation forms ...: words are the normalised text's, mapped back.
        # Splitting on the word pattern gives [gap, word, gap, word, ..., gap], and the running sum of the parts'
        # lengths gives every word's span in the normalised text.
        parts = _word_split(self.normalized.text, has_astral(self.normalized.text))
        index = self.normalized.index
        words = parts[1::2]
        bounds = list(accumulate(map(len, parts)))
        starts = list(map(index.__getitem__, bounds[0:-1:2]))
        ends = list(map(add, map(index.__getitem__, map(sub, bounds[1::2], repeat(1))), repeat(1)))
        if MARKS_RE.search(text):
            ends = ends_after_marks(text, ends)
        originals = list(map(text.__getitem__, map(slice, starts, ends)))
        return starts, ends, originals, words, list(map(_STEMS.__getitem__, words))

    @cached_property
    def gaps(self) -> list[str]:
        """The text between each token and the next (one fewer than the tokens). Usually the split's own gaps,
        set by ``_columns``; else sliced."""
        starts, ends = self.starts, self.ends
        if "gaps" in self.__dict__:  # set while ``_columns`` was computed just now
            return self.__dict__["gaps"]
        return list(map(self.text.__getitem__, map(slice, ends[:-1], starts[1:])))

    @cached_property
    def astral(self) -> bool:
        """The field has a character beyond the BMP: its patterns run by ``regex``, not ``re`` (see ``fastre``).
        (Read off the characters normalisation may change, which include every one beyond the BMP.)"""
        return any(ch > "\uffff" for ch in self.normalized.chars)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        # Built in bulk with C-level map/zip rather than a Python loop per word (a long text has 100,000 words).
        columns = self._columns
        return tuple(map(_new_tuple, repeat(Token), zip(*columns, range(len(columns[0])))))

    @property
    def starts(self) -> list[int]:
        """Every token's start, in token order (never decreasing)."""
        return self._columns[0]

    @property
    def ends(self) -> list[int]:
        """Every token's end, in token order (never decreasing)."""
        return self._columns[1]

    @property
    def norms(self) -> list[str]:
        """Every token's normalised form, in token order (one column shared by the checks' C-level maps)."""
        return self._columns[3]

    @property
    def stems(self) -> list[str]:
        """Every token's light stem, in token order."""
        return self._columns[4]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct normalised words of the field, made once for every check that looks words up one by one
        rather than token by token."""
        return frozenset(self.norms)

    @cached_property
    def quotations(self) -> Quotations:
        """The field's quotations, found once for every check that asks."""
        return Quotations(self.text)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        out = []
        for m in _PARA_RE.finditer(self.text):
            s, e = _strip_span(self.text, m.start(), m.end())
            if e > s:
                out.append(_new_tuple(Paragraph, (s, e, self.text[s:e], len(out))))
        return tuple(out)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        toks, starts, ends = self.tokens, self.starts, self.ends
        # Tokens' starts and ends never decrease (the index map never does, and a ligature expanded to several
        # words maps them all to one offset), so the tokens of a sentence are found by bisection on the columns.
        text, ti = self.text, 0
        # The sentence ends of each paragraph (``_SENT_END_RE.finditer(p.text)``), the pattern tried only where an
        # end can start (``_sentence_end_starts``) instead of scanning every character. On the whole text, with the
        # paragraph's end as the string's: the characters just outside a paragraph are spaces or line breaks, as
        # the pattern's lookarounds see nothing there in the paragraph's text.
        cands, ci = _sentence_end_starts(text), 0
        for p in self.paragraphs:
            pos = p.start
            bounds: list[int] = []
            ci, last = bisect_left(cands, p.start, ci), p.start
            while ci < len(cands) and cands[ci] < p.end:
                i = cands[ci]
                ci += 1
                if i < last:
                    continue  # inside the end just found: finditer goes on after it
                m = _SENT_END_RE.match(text, i, p.end)
                if m is not None:
                    bounds.append(last := m.end())
            if not bounds or bounds[-1] < p.end:
                bounds.append(p.end)
            for b in bounds:
                s, e = _strip_span(text, pos, b)
                pos = b
                if e <= s:
                    continue
                first = ti = bisect_left(starts, s, ti)  # the first token from s on
                ti = bisect_right(ends, e, ti)  # past the last token ending by e
                if ti == first:
                    continue  # punctuation only
                out.append(_new_tuple(Sentence, (s, e, text[s:e], p.index, toks[first:ti])))
        return tuple(out)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]


def _sentence_end_starts(text: str) -> list[int]:
    """Sorted offsets of the characters a sentence end (``_SENT_END_RE`` within a paragraph) can start with."""
    found: list[int] = []
    for ch in _SENT_END_FIRST:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _leading_dropped(word: str) -> int:
    """How many characters normalisation drops at the start of an original word (tashkeel, tatweel)."""
    return len(word) - len(word.lstrip(_DROPPED_WORD_CHARACTERS))


def _word_split(text: str, astral: bool) -> list[str]:
    """``[gap, word, gap, word, ..., gap]`` by ``WORD_RE``; ``astral``: ``has_astral(text)``."""
    return (_WORD_SPLIT_RE if astral else _WORD_SPLIT_BMP_RE).split(text)


_NORMS = WordMemo(norm)  # original word -> normalised word
_LEADING_DROPPED = WordMemo(_leading_dropped)


def _word_columns(text: str, dropped: bool, astral: bool) -> tuple[
        tuple[list[int], list[int], list[str], list[str], list[str]], list[str] | None]:
    """``TextView._columns`` of a text in which normalisation drops no character but word characters (tashkeel,
    tatweel) and expands none: every word of the normalised text is then an original word normalised alone, so
    the original text is split and each word normalised through a memo; no index map is read. ``dropped``: the
    text has such characters (else nothing was dropped at all). A word may start with them (its span then starts
    at its first kept letter) or be made of them only (then it is no word: "ـــ"). ``astral``: ``has_astral(text)``.
    Also the text between each word and the next: the split's gaps, mended with the words (None when a text with
    characters beyond the BMP had words to mend: then they are sliced)."""
    parts = _word_split(text, astral)
    originals = parts[1::2]
    words = list(map(_NORMS.__getitem__, originals))
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    gaps: list[str] | None = parts[2:-1:2]
    if dropped and not astral:
        # the words that start with a dropped character (found by one scan: a mark or tatweel not after a word
        # character, mostly a lone tatweel used as a dash), and only those, are mended
        firsts = [m.start() for m in _LEADING_DROPPED_BMP_RE.finditer(text)]
        if firsts:
            _mend(text, [bisect_left(starts, p) for p in firsts], starts, ends, originals, words, gaps)
    elif dropped:
        leads = list(map(_LEADING_DROPPED.__getitem__, originals))
        if any(leads):
            starts = list(map(add, starts, leads))
            originals = list(map(text.__getitem__, map(slice, starts, ends)))
            gaps = None
        if "" in words:
            kept = list(map(bool, words))
            starts, ends, originals, words = (list(compress(c, kept)) for c in (starts, ends, originals, words))
            gaps = None
    return (starts, ends, originals, words, list(map(_STEMS.__getitem__, words))), gaps


def _mend(text: str, at: list[int], starts: list[int], ends: list[int], originals: list[str], words: list[str],
          gaps: list[str]) -> None:
    """The columns of ``_word_columns`` (changed in place) for the words at indexes ``at`` (ascending), which start
    with dropped characters: a word's span starts at its first kept letter, and a word made of dropped characters
    only ("ـ") is no word. The gaps around them are sliced again from the text. Last first, so the indexes of the
    words still to mend do not move."""
    for k in reversed(at):
        if words[k]:
            lead = _LEADING_DROPPED[originals[k]]
            starts[k] += lead
            originals[k] = originals[k][lead:]
            if k:
                gaps[k - 1] = text[ends[k - 1]:starts[k]]
            continue
        del starts[k], ends[k], originals[k], words[k]
        if not gaps:
            continue  # it was the only word
        if k == 0:
            del gaps[0]
        elif k == len(starts):
            del gaps[k - 1]
        else:
            gaps[k - 1:k + 1] = [text[ends[k - 1]:starts[k]]]
