"""``regex`` patterns run by ``re``, for texts without characters beyond the BMP.

``re`` scans and matches faster than ``regex`` (about three times on a character class, and with less overhead
per call), but its Unicode data is Python's, of another version than ``regex``'s, and it has no ``\\p{..}``. So
each class escape of a pattern (``\\p{L}``, ``\\d``, ``\\s`` ...) is read from ``regex`` itself, once, over every
code point of the Basic Multilingual Plane, and written into the ``re`` pattern as the list of those characters:
the ``re`` pattern then matches exactly what the ``regex`` one matches in any text made of BMP characters. A
text with a character beyond the BMP (``has_astral``) keeps the ``regex`` pattern (``Dual.for_astral``).
"""

from __future__ import annotations

import re
from functools import cache

import regex

_BMP = "".join(map(chr, range(0x10000)))
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
# The class escapes translated; the other escapes read alike by re and regex are copied (a punctuation mark, a
# control character, a code point, the string's start or end \\A \\Z); any other (\b, \W, \P{..}, \X ...) is refused, as are inline flags.
_CLASS_ESCAPE_RE = re.compile(r"\\p\{\w+\}|\\[dsw]")
_SAME_ESCAPE_RE = re.compile(r"\\(?:[^A-Za-z0-9]|[ntrfvAZ]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2})")


def has_astral(text: str) -> bool:
    """``text`` holds a character beyond the BMP (an emoji, a mathematical letter)."""
    return _ASTRAL_RE.search(text) is not None


@cache
def _members(cls: str) -> str:
    """The BMP characters that the ``regex`` class ``cls`` (brackets included) matches, as the inside of an ``re``
    class (ranges)."""
    parts = []
    for m in regex.finditer(cls + "+", _BMP):
        first, last = m.start(), m.end() - 1
        parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else ""))
    return "".join(parts)


def bmp_class(cls: str) -> str:
    """``cls`` (a ``regex`` character class, brackets included) as an ``re`` class of the same BMP characters."""
    return "[" + _members(cls) + "]"


def re_pattern(pattern: str) -> str:
    """``pattern`` (``regex`` syntax without flags or ``regex``-only constructs) for ``re``: every class escape,
    inside a class or not, is replaced by the BMP characters it matches in ``regex``."""
    if regex.search(r"\(\?[a-zA-OQ-Z]", pattern):
        raise ValueError(f"re_pattern: inline flags in {pattern!r}")
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            m = _CLASS_ESCAPE_RE.match(pattern, i)
            if m:
                members = _members("[" + m.group() + "]")
                out.append(members if in_class else "[" + members + "]")
                i = m.end()
                continue
            m = _SAME_ESCAPE_RE.match(pattern, i)
            if m is None:
                raise ValueError(f"re_pattern: unsupported escape at {i} in {pattern!r}")
            out.append(m.group())
            i = m.end()
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            i += 1
            # a "]" or "^]" right after the opening bracket is a member, not the end
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):
                out.append("\\]")
                i += 1
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


class Dual:
    """One pattern compiled by ``regex`` and, translated (``re_pattern``), by ``re``: ``for_astral(astral)`` is
    the one to run on a text (``re`` unless the text has a character beyond the BMP: ``TextView.astral``)."""

    __slots__ = ("bmp", "full")

    def __init__(self, pattern: str) -> None:
        self.full = regex.compile(pattern)
        self.bmp = re.compile(re_pattern(pattern))

    def for_astral(self, astral: bool) -> re.Pattern[str] | regex.Pattern[str]:
        return self.full if astral else self.bmp
