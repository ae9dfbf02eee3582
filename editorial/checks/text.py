"""The one rule for text coming in, whatever the door (API, LanguageTool, desk, upload, live check).

Line endings: CRLF and a lone CR are read as LF. NUL characters are dropped (from the title and the body alike:
they carry nothing, and PostgreSQL cannot store them). A title is one line with its spaces tidied. Offsets are
always counted in the text after this rule; ``normalise_mapped`` says where each character came from, for the
answers (LanguageTool's) that must point into the text exactly as it was sent.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_DROP_OR_LF = re.compile(r"\r\n?|\x00")
_FIRST_LINE = re.compile(r"[^\n]*\S[^\n]*")


def normalise_body(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def normalise_title(text: str) -> str:
    return " ".join(normalise_body(text).split())


def normalise_mapped(text: str, index_map: list[int] | None = None) -> tuple[str, list[int]]:
    """``(normalised, where)``: ``where[i]`` is the index in ``text`` (or in what ``index_map`` maps ``text``
    onto) of ``normalised[i]``; one more entry maps the end."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _DROP_OR_LF.finditer(text):
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        if m.group() != "\x00":
            out.append("\n")
            where.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    if index_map is not None:
        where = [index_map[i] for i in where]
    return "".join(out), where


class TitleSplit(NamedTuple):
    title: str
    title_start: int
    body: str
    body_start: int


def split_title_at(text: str) -> TitleSplit:
    """One text, title and body: the first non-empty line is the title (without its surrounding spaces); the rest,
    without the blank lines around it, is the body. The starts are offsets into ``text``; no line with words gives
    all empty. (Uploads, ``checkdraft`` and the LanguageTool endpoint read a whole text this way.)"""
    m = _FIRST_LINE.search(text)
    if m is None:
        return TitleSplit("", 0, "", 0)
    line = m.group()
    rest_start = min(m.end() + 1, len(text))
    rest = text[rest_start:]
    return TitleSplit(line.strip(), m.start() + len(line) - len(line.lstrip()), rest.strip("\n"),
                      rest_start + len(rest) - len(rest.lstrip("\n")))


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)`` by ``split_title_at``'s rule."""
    found = split_title_at(text)
    return found.title, found.body
