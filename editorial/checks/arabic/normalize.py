"""Arabic normalisation that remembers where every character came from.

Checks compare normalised text (alef forms, ya/alef maqsura, ta marbuta, no tashkeel, no tatweel, no bidi or
zero-width controls, ASCII digits, lower-case Latin) but must report spans in the original text, so
``normalize`` returns the normalised string together with an index map back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

# Removed outright: tashkeel and Quranic marks, tatweel, bidi and zero-width controls, BOM, soft hyphen.
_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x00AD, 0xFEFF, 0x061C, 0x034F}
_DROP |= set(range(0x06D6, 0x06EE)) - {0x06E5, 0x06E6}
_DROP |= set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه",
    "ک": "ك", "ڪ": "ك",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "٫": ".", "٬": ",", "،": "،",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits


def _is_presentation_form(ch: str) -> bool:
    o = ord(ch)
    return 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC


def normalize_char(ch: str) -> str:
    """The normalised form of one character: '' when dropped, possibly several characters (ligatures)."""
    o = ord(ch)
    if o in _DROP:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if _is_presentation_form(ch):
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:  # ornate parentheses ﴾﴿ and other forms without a decomposition
            return ch
        return "".join(normalize_char(c) for c in decomposed)
    if "A" <= ch <= "Z":
        return ch.lower()
    if o > 0x7F and not (0x0600 <= o <= 0x06FF) and ch.isupper():
        return ch.lower()
    return ch


class _Table(dict[int, str | None]):
    """``str.translate`` table built lazily from ``normalize_char``: each code point is computed once."""

    def __missing__(self, o: int) -> str | None:
        value = normalize_char(chr(o)) or None  # None deletes the character
        self[o] = value
        return value


_TABLE = _Table()
# Characters whose normalised form is not exactly one character (dropped, or ligatures/compatibility forms that
# may expand): only texts containing them need the slow index map. U+0130 (İ) lowers to two characters; it is
# the only such capital outside the ranges above (checked in the tests over every code point).
_IRREGULAR_RE = re.compile(
    "[" + "".join(f"\\U{o:08x}" for o in sorted(_DROP)) + "\uFB50-\uFDFF\uFE70-\uFEFC\u0130]"
)


_ARRAY_MIN_CHARS = 50_000  # longer texts keep their index map in an array (see normalize)


@dataclass(frozen=True)
class Normalized:
    """``text`` is ``original`` normalised; ``index[i]`` is the original offset of ``text[i]``;
    ``index[-1] == len(original)``. The index map is built on first use: most texts are only read, and a check
    maps back the few spans it reports. ``aligned``: every character became exactly one, the map is the
    identity."""

    text: str
    original: str = field(repr=False)
    aligned: bool
    # The distinct characters of ``original`` that normalisation may change (outside ``_unchanged_ranges``, so also
    # every character from U+0800 on): what a field's other questions (characters beyond the BMP, irregular ones)
    # are answered from without another scan of the text.
    chars: frozenset[str] = field(repr=False)

    @cached_property
    def index(self) -> Sequence[int]:
        """A range when ``aligned``, else a tuple (a long text's: an array)."""
        return range(len(self.original) + 1) if self.aligned else _index_map(self.original)

    def part(self, start: int, end: int) -> str:
        """``norm(original[start:end])`` without another scan for the characters to fold: a slice of ``text`` when
        ``aligned``, else the part's characters replaced by the ones the whole text was found to hold (``chars``
        holds every character of the part that may change)."""
        if self.aligned:
            return self.text[start:end]
        return _replaced(self.original[start:end], self.chars)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the smallest original span covering it."""
        if end <= start:
            pos = self.index[min(max(start, 0), len(self.index) - 1)]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


def _unchanged_ranges() -> str:
    """A character class of the code points below U+0800 that normalisation leaves as they are (Arabic letters
    other than the folded ones, ASCII other than capitals, ...): what almost every character of a text is."""
    out, start = [], None
    for o in range(0x801):
        keep = o < 0x800 and normalize_char(chr(o)) == chr(o)
        if keep and start is None:
            start = o
        elif not keep and start is not None:
            out.append(re.escape(chr(start)) + ("-" + re.escape(chr(o - 1)) if o - 1 > start else ""))
            start = None
    return "".join(out)


# Every character that may change: outside the class above (one C scan finds them; most texts hold a dozen
# distinct ones: أ إ آ ى ة, a few marks, a no-break space).
_MAYBE_CHANGED_RE = re.compile(f"[^{_unchanged_ranges()}]")


class _Fixed(dict[str, bool]):
    """char -> its normalised form is a fixed point of normalisation (true of every form the table gives)."""

    def __missing__(self, ch: str) -> bool:
        n = _TABLE[ord(ch)] or ""
        value = self[ch] = n.translate(_TABLE) == n
        return value


_FIXED = _Fixed()


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, by one ``str.replace`` per distinct character that changes.

    ``str.translate`` with a dict looks up every character of the text (a new int object per non-Latin-1
    character); a text has a dozen distinct characters to fold."""
    found = _MAYBE_CHANGED_RE.findall(text)
    return _replaced(text, set(found)) if found else text


def _replaced(text: str, chars: set[str] | frozenset[str]) -> str:
    """``text.translate(_TABLE)`` when ``chars`` holds every character of ``text`` that may change. Each form
    replaced in is a fixed point of the table (checked per character, else the plain translate), so no replacement
    touches another's output and the result is the translate's, in any order."""
    out = text
    for ch in chars:
        n = _TABLE[ord(ch)]
        if n == ch:
            continue
        if not _FIXED[ch]:
            return text.translate(_TABLE)
        out = out.replace(ch, n or "")
    return out


# The characters that may change which news text holds most (folded letters, tashkeel, tatweel, a no-break
# space) are looked for one by one (``in``: a C scan far cheaper than a pattern's), the rest by one scan of a
# class without them: together the distinct characters ``_MAYBE_CHANGED_RE`` finds, without a string made per
# occurrence of ة or أ.
_FREQUENT = "أإآىةًٌٍَُِّْـ\u00a0"
_RARE_CHANGED_RE = re.compile(f"[^{_unchanged_ranges()}{_FREQUENT}]")


def _changing(text: str) -> frozenset[str]:
    """The distinct characters of ``text`` that ``_MAYBE_CHANGED_RE`` matches."""
    found = set(_RARE_CHANGED_RE.findall(text))
    found.update(ch for ch in _FREQUENT if ch in text)
    return frozenset(found)


def normalize(text: str) -> Normalized:
    chars = _changing(text)
    return Normalized(_replaced(text, chars), text, not any(map(_IRREGULAR_RE.match, chars)), chars)


def _index_map(text: str) -> Sequence[int]:
    """``Normalized.index`` of a text with irregular characters (dropped or expanded)."""
    # copy the runs of one-to-one characters wholesale; only the irregular characters are looked at one by one
    # A long text's map is an array of machine ints: 600,000 Python ints would take 40 bytes each, and the
    # memory alone costs more time than building them. A short one is a tuple: array.extend(range) is slower.
    index: list[int] | array[int] = array("q") if len(text) > _ARRAY_MIN_CHARS else []
    pos = 0
    for m in _IRREGULAR_RE.finditer(text):
        i = m.start()
        index.extend(range(pos, i))
        n = _TABLE[ord(text[i])]
        if n:
            index.extend([i] * len(n))
        pos = i + 1
    index.extend(range(pos, len(text) + 1))
    return index if isinstance(index, array) else tuple(index)


def norm(text: str) -> str:
    """Normalised text alone, for lexicons and comparisons."""
    return _translate(text)
