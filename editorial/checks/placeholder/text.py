"""Small text helpers shared by the placeholder checks: sentence bounds, word forms."""

from __future__ import annotations

from itertools import chain

from ..arabic import WORD_RE, norm
from ..arabic.clitics import ARTICLE, CLITIC_LETTERS
from ..arabic.memo import WordMemo

_SENT_STOP = ".!?؟\n"
_SPAN_CAP = 320  # a leftover sentence longer than this is cut: spans must stay tight
# One proclitic letter tried off a word; not ك, which mostly begins the word itself (كتابة، كلمة).
_LETTERS = CLITIC_LETTERS.replace("ك", "")


def sentence_end(text: str, pos: int, colon: bool = True) -> int:
    """End (exclusive) of the sentence containing ``pos``, including its stop mark; capped for tightness.

    ``colon``: a colon ends the sentence (an assistant preamble "إليك ...:" stops there; a note does not).
    """
    limit = min(len(text), pos + _SPAN_CAP)
    i = pos
    while i < limit:
        ch = text[i]
        if ch in "\n)]":  # a note that sits inside brackets ends with them
            break
        if ch in _SENT_STOP or (colon and ch == ":"):
            i += 1
            while i < limit and text[i] in _SENT_STOP.replace("\n", ""):
                i += 1  # "?!" or "..." stays with the sentence
            break
        i += 1
    while i > pos and text[i - 1].isspace():
        i -= 1
    return i


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence containing ``pos`` (after the previous stop mark or newline)."""
    limit = max(0, pos - _SPAN_CAP)
    i = pos
    while i > limit and text[i - 1] not in _SENT_STOP:
        i -= 1
    while i < pos and text[i].isspace():
        i += 1
    return i


def forms(word: str) -> tuple[str, ...]:
    """A normalised word and its forms without a leading و/ف/ب/ل, the article, or a trailing pronoun."""
    return _FORMS[word]


def _forms(word: str) -> tuple[str, ...]:
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _LETTERS:
        w = w[1:]
        out.append(w)
    if len(w) > 4 and w.startswith(ARTICLE):
        w = w[2:]
        out.append(w)
    for suf in ("ها", "هم", "ه"):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            w = w[: -len(suf)]
            out.append(w)
            if w.endswith("ت"):  # إضافته -> إضافة: ta marbuta is written ت before a pronoun
                out.append(w[:-1] + "ه")
            break
    return tuple(out)


_FORMS = WordMemo(_forms)


def any_in(words: list[str], lexicon: frozenset[str]) -> bool:
    """One form of one of ``words`` is in ``lexicon`` (looked up in C, through the memo of forms)."""
    return not lexicon.isdisjoint(chain.from_iterable(map(_FORMS.__getitem__, words)))


def words(text: str) -> list[str]:
    """Normalised words of a short piece of text."""
    return WORD_RE.findall(norm(text))


def positions(text: str, heads: tuple[str, ...]) -> list[int]:
    """Sorted offsets where one of ``heads`` occurs (overlaps included)."""
    found: set[int] = set()
    for h in heads:
        i = text.find(h)
        while i >= 0:
            found.add(i)
            i = text.find(h, i + 1)
    return sorted(found)
