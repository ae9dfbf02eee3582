"""Filler markers: characters typed where a number, a name or a date still has to go.

"XX سنتيمتراً", "بقيمة ـــ مليون", "نحو .... شخص", "؟؟؟", "٠٠٠", "ـــ/ـــ/2025", "____". Runs of tatweel,
dots and question marks also appear legitimately (a tatweel rule between names in a list, an ellipsis, an
emphatic "؟؟"), so those runs are flagged only next to a word that expects a quantity or a name ("بقيمة",
"نحو", "السيد" before; "مليون", "درهم", "%" after) or inside a blank date. X runs, underscore runs and
free-standing triple zeros are flagged anywhere; so is a run of three to ten tatweels between two words when it
is the only run on its line (حيث ـــــ كان، وـــــ قناة): several runs on a line separate a list's items.
Known limit: a blank of dots or question marks between two ordinary words ("قال .... إن") is missed.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

import regex

from ..arabic import norm
from ..arabic.quotes import Quotations
from . import lexicon as lx
from .text import any_in, forms, positions, sentence_end, sentence_start, words

RULE = "placeholder.filler_marker"

# Possessive runs, started only at the beginning of a run: a long run of "؟" must stay linear.
_BLANK = (
    r"(?<![\u0640_xX.؟?*0٠۰-])(?:\u0640{2,}+|_{2,}+|[xX]{2,}+|\.{2,}+|[؟?]{2,}+|-{2,}+|0{2}|٠{2}|۰{2}|\*{2,}+)"
)
_DIGITS = r"[0-9٠-٩۰-۹]"
_BLANK_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_BLANK}\s?[/\-.]\s?(?:{_BLANK}|{_DIGITS}{{1,2}})\s?[/\-.]\s?{_DIGITS}{{2,4}}"
    rf"|(?<![\p{{L}}\p{{N}}]){_DIGITS}{{1,2}}\s?/\s?{_BLANK}\s?/\s?{_DIGITS}{{2,4}}"
    rf"|(?<![\p{{L}}\p{{N}}]){_DIGITS}{{4}}\s?[/\-.]\s?(?:{_BLANK}|{_DIGITS}{{1,2}})\s?[/\-.]\s?{_BLANK}"
)
_ALWAYS_RE = regex.compile(
    # an Arabic letter may touch an X run ("بـXX"): only Latin letters and digits make it a word
    r"(?<![\p{Latin}\p{N}_@/]|[\p{Latin}\p{N}]\.)[xX]{2,}+(?![\p{Latin}\p{N}_@]|\.[\p{Latin}])|(?<![\p{L}\p{M}\p{N}_])_{3,}+(?![\p{L}\p{M}\p{N}_])"
    r"|(?<![\p{N}][\s,.٬٫]?)(?<![\p{N}:])(?:0{3,}|٠{3,}|۰{3,})(?![\p{N}:])"
)
# Runs that are blanks only in context. Free-standing: no letter attached on either side.
_CONTEXT_RE = regex.compile(
    r"(?:(?<![\p{L}\p{M}\u0640])|(?<=(?:^|\s)[وفبل]))\u0640{2,}(?![\p{L}\p{M}\u0640])"
    r"|(?<![^\s(])(?:\.{2,}|…+)(?=\s|$)"
    r"|(?<![^\s(])[؟?]+(?=[\s).،,؛:]|$)"
    r"|(?<![\p{L}\p{M}\p{N}_])_{2}(?![\p{L}\p{M}\p{N}_])"
    r"|(?<![\p{L}\p{N}])[xX](?![\p{L}\p{N}])"
)
_EN_WORD_RE = regex.compile(r"[a-z]+(?:\.[a-z])?")
_PERCENT_RE = regex.compile(r"[ \t\u00a0]*(?:في|ب)\s*ال?م[ئا]ئ?[ةه]")
# "؟؟؟" in mid-line with a word after it is a blank; an emphatic "؟؟" ends its sentence instead.
_QQQ_RE = regex.compile(r"(?<![^\s(])[؟?]{3,}(?=[ \t]+[\p{L}\p{N}])")
# "(...)" / "[...]" mark an omission in a quote, but "بلغ (...) مليون" is a blank number.
_OMISSION_BRACKET_RE = regex.compile(r"[(\[]\s*(?:\.{2,}|…+)\s*[)\]]")
# Context stays on the blank's own line: a separator line "ـــــ" between paragraphs is decoration.
_WORD_BACK_RE = regex.compile(r"([\p{L}\p{M}]+)[ \t\u00a0(]*\Z")
_NEXT_RE = regex.compile(r"[ \t\u00a0]*([\p{L}\p{M}]+|%|٪)")


def _prev_word(text: str, pos: int) -> str:
    m = _WORD_BACK_RE.search(text[max(0, pos - 40):pos])
    return norm(m.group(1)) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_RE.match(text, pos)
    return norm(m.group(1)) if m else ""


def blank_in_context(text: str, start: int, end: int) -> bool:
    """True when the run sits where a quantity or a name is expected."""
    prev, nxt = _prev_word(text, start), _next_word(text, end)
    # dots and question marks have many other uses: only a number cue licenses them, not a title
    # a 4-dot run is rarely an ellipsis, so it gets the wider cues too
    wide = text[start] in "\u0640_" or text.startswith("....", start)
    if end - start == 1 and text[start] in "؟?":  # "كم بلغت ؟" is a question; "بلغت ؟ مليون" a blank
        return bool(nxt) and any(f in lx.BLANK_CUES_AFTER for f in forms(nxt))
    if text[start] in "xX":  # a lone X: "السيد X", "بلغ X مليون"; not "منصة X" or "نشر في X"
        cues = lx.NUMBER_CUES_BEFORE | lx.TITLE_CUES
    else:
        cues = lx.BLANK_CUES_BEFORE if wide else lx.NUMBER_CUES_BEFORE
    before = bool(prev) and any(f in cues for f in forms(prev))
    after = bool(nxt) and any(f in lx.BLANK_CUES_AFTER for f in forms(nxt))
    return before or after or bool(_PERCENT_RE.match(text, end))


_TATWEEL_RUNS_RE = regex.compile(r"\u0640{2,}")
_LONE_TATWEEL = range(3, 11)  # a run this long, alone on its line between words, is a blank (a longer one is a rule)


def _lone_tatweel(text: str, start: int, end: int) -> bool:
    """A run of three to ten tatweels between two words, the only free-standing run on its line (حيث ـــــ كان،
    وـــــ قناة): a blank. Several runs on one line separate the items of a list (أحمد ــ محمد ـــ علي), and a
    run alone on its line or at its edge is a rule."""
    if text[start] != "\u0640" or end - start not in _LONE_TATWEEL:
        return False
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi]
    if not text[lo:start].strip() or not text[end:hi].strip():
        return False
    return len(_TATWEEL_RUNS_RE.findall(line)) == 1


_KEY_BEFORE_RE = regex.compile(r"[A-Za-z_][\w.\-]*\s?[=:]\s?\Z")
_MIN_MASK = 4  # "XXXX" and longer read as a mask in a how-to; "XX مليون" stays a blank
# A number written in groups with X for digits: "+966 5XX XXX XXX", "XXX-XXX-XXXX".
_MASK_GROUP_RE = regex.compile(r"(?:\+?[\dxX]{2,4}[ \-]){2,}[\dxX]{2,4}")


def _example_value(text: str, start: int, end: int) -> bool:
    """A run of X that is an example value in a how-to: after a key ("phone=XXXXXXXXXX"), inside a code
    ("*123*XXXX#"), or a long mask in a sentence that gives a format or an instruction ("أدخل رقمك بالشكل ...")."""
    if _KEY_BEFORE_RE.search(text, max(0, start - 40), start) or text[start - 1:start] in ("*", "#") \
            or text[end:end + 1] in ("*", "#"):
        return True
    if end - start < _MIN_MASK and not _MASK_GROUP_RE.search(text, max(0, start - 24), min(len(text), end + 24)):
        return False
    sentence = text[sentence_start(text, start):sentence_end(text, end)]
    return any_in(words(sentence), lx.EXAMPLE_CUES) or bool(set(_EN_WORD_RE.findall(sentence.lower())) & lx.EXAMPLE_CUES)


_DATE_GATES = ("\u0640\u0640", "__", "xx", "XX", "..", "؟؟", "??", "--", "00/", "٠٠/", "۰۰/", "00-", "٠٠-", "**")
_ALWAYS_GATES = ("xx", "XX", "xX", "Xx", "___", "000", "٠٠٠", "۰۰۰")
_CONTEXT_GATES = ("\u0640\u0640", "..", "…", " ؟", " ?", "__", "x", "X")


_QQQ_GATES = ("؟؟؟", "???")
# Every character of a gate but the space, found in one scan: a gate with a character the text lacks is not
# searched for (most texts have dots and zeros, few have tatweel runs, underscores or an X).
_GATE_CHARS = tuple(sorted(set("".join(_DATE_GATES + _ALWAYS_GATES + _CONTEXT_GATES + _QQQ_GATES)) - {" "}))


def _gate_chars(text: str) -> set[str]:
    """The gate characters ``text`` holds (each of ``_GATE_CHARS`` the text contains): one substring test per gate
    character, without a string per occurrence of the commonest ones (dots, zeros)."""
    return set(compress(_GATE_CHARS, map(text.__contains__, _GATE_CHARS)))


def _gated(text: str, gates: tuple[str, ...], chars: set[str]) -> bool:
    """One of ``gates`` occurs in ``text``; ``chars``: the text's gate characters (``gate_chars``)."""
    return any(g in text for g in gates if chars.issuperset(g.replace(" ", "")))


# What every match of ``_ALWAYS_RE`` and of ``_CONTEXT_RE`` starts with (one string per alternative's opening:
# two X, three underscores or zeros; two tatweels, two dots or "…", a question mark, two underscores, one X).
_ALWAYS_HEADS = ("xx", "XX", "xX", "Xx", "___", "000", "٠٠٠", "۰۰۰")
_CONTEXT_HEADS = ("\u0640\u0640", "..", "…", "؟", "?", "__", "x", "X")


def _matches_at_heads(rx: regex.Pattern[str], text: str, heads: tuple[str, ...]) -> Iterator[regex.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose every match starts with one of ``heads``: the pattern is tried
    only where ``str.find`` sees one (lookbehinds still see the text before), in order, never inside the previous
    match, instead of scanning every character."""
    last = 0
    for pos in positions(text, heads):
        if pos < last:
            continue
        m = rx.match(text, pos)
        if m is not None:  # (no alternative matches the empty string)
            last = m.end()
            yield m


def marker_hits(text: str, quotes: Quotations) -> Iterator[tuple[str, int, int]]:
    taken: list[tuple[int, int]] = []
    chars = _gate_chars(text)
    if ".." in text or "…" in text:
        for m in _OMISSION_BRACKET_RE.finditer(text):
            if not quotes.inside(m.start()) and blank_in_context(text, m.start(), m.end()):
                taken.append((m.start(), m.end()))
                yield RULE, m.start(), m.end()
    if _gated(text, _DATE_GATES, chars):
        for m in _BLANK_DATE_RE.finditer(text):
            taken.append((m.start(), m.end()))
            yield RULE, m.start(), m.end()
    runs = (
        (_ALWAYS_RE, False, _ALWAYS_GATES, _ALWAYS_HEADS), (_QQQ_RE, False, _QQQ_GATES, None),
        (_CONTEXT_RE, True, _CONTEXT_GATES, _CONTEXT_HEADS),
    )
    for rx, needs_context, gates, heads in runs:
        if not _gated(text, gates, chars):
            continue
        for m in (rx.finditer(text) if heads is None else _matches_at_heads(rx, text, heads)):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if needs_context and not (blank_in_context(text, m.start(), m.end()) or _lone_tatweel(text, m.start(), m.end())):
                continue
            if m.group() in ("XX", "xx") and _prev_word(text, m.start()) == "القرن":
                continue  # the Roman numeral: "القرن XX"
            if m.group()[:1] in "xX" and _example_value(text, m.start(), m.end()):
                continue
            yield RULE, m.start(), m.end()
