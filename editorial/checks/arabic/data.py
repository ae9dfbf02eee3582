"""The one loader for the lexicon files in ``editorial/checks/data/``.

Each file is UTF-8 text, one entry a line. Lines starting with ``#`` are comments (every file opens with a
comment that says what it holds, where it came from and its licence); blank lines are skipped; a ``#`` after
an entry starts a trailing comment. Fields within an entry are separated by ``|`` when a file needs several
(a pair, a word and its forms). A file of keyed word lists (``keyed``) has entries ``KEY | word word ...``: one
file holds a module's small closed lists, each under the name the module reads it by.

Files are read once per process (package data, never the network) and normalised once with ``norm``; the
checks receive immutable results and never rewrite them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from .normalize import norm

__all__ = ["entries", "fields", "groups", "keyed", "normalized_fields", "words"]

SEPARATOR = "|"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The raw entries of ``data/NAME.txt`` (comments and blank lines removed, whitespace stripped)."""
    text = files("editorial.checks").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def fields(name: str) -> tuple[tuple[str, ...], ...]:
    """Each entry split on ``|`` into stripped fields (empty fields kept, so positions are stable)."""
    return tuple(tuple(f.strip() for f in e.split(SEPARATOR)) for e in entries(name))


@cache
def normalized_fields(name: str) -> tuple[tuple[str, ...], ...]:
    """``fields`` with every field normalised (Arabic letter forms, digits, case) by ``norm``."""
    return tuple(tuple(norm(f) for f in row) for row in fields(name))


@cache
def words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of every entry, normalised: for plain word lists."""
    return frozenset(norm(w) for e in entries(name) for w in e.split() if w != SEPARATOR)


@cache
def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """Each entry as its normalised whitespace-separated words: a synonym group, a multi-word term."""
    return tuple(tuple(norm(w) for w in e.split()) for e in entries(name))


@cache
def keyed(name: str) -> Mapping[str, tuple[str, ...]]:
    """Each ``KEY | word word ...`` entry as KEY -> its normalised words, in the file's order; a key on several
    lines has the words of all of them (a long list wraps). Read-only."""
    out: dict[str, tuple[str, ...]] = {}
    for key, *rest in fields(name):
        if len(rest) != 1 or not key:
            raise ValueError(f"data/{name}.txt: an entry is KEY | words, not {key!r} | {rest!r}")
        out[key] = out.get(key, ()) + tuple(norm(w) for w in rest[0].split())
    return MappingProxyType(out)
