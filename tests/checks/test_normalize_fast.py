"""The fast paths of ``normalize`` (str.translate, identity index map) agree with the per-character definition."""

from __future__ import annotations

import sys
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from editorial.checks.arabic.normalize import _IRREGULAR_RE, normalize, normalize_char


def _reference(text: str) -> tuple[str, tuple[int, ...]]:
    out, index = [], []
    for i, ch in enumerate(text):
        n = normalize_char(ch)
        out.append(n)
        index.extend([i] * len(n))
    return "".join(out), (*index, len(text))


def test_every_irregular_character_is_in_the_slow_class() -> None:
    # a character whose normalised form is not exactly one character must send the text to the index-map path
    missed = [
        hex(o) for o in range(sys.maxunicode + 1)
        if not 0xD800 <= o <= 0xDFFF and len(normalize_char(chr(o))) != 1 and not _IRREGULAR_RE.match(chr(o))
    ]
    assert missed == []


def test_normalising_a_regular_character_keeps_it_a_word_character_or_not() -> None:
    # tokens of a text whose only dropped characters are word characters are its own words normalised one by
    # one (``tokens._word_columns``): that needs every other character to stay inside or outside words
    from editorial.checks.arabic.tokens import _DROPPED_WORD_CHARACTERS, WORD_RE

    changed = [
        hex(o) for o in range(sys.maxunicode + 1)
        if not 0xD800 <= o <= 0xDFFF and not _IRREGULAR_RE.match(chr(o))
        and bool(WORD_RE.fullmatch(chr(o))) != bool(WORD_RE.fullmatch(normalize_char(chr(o))))
    ]
    assert changed == []
    assert all(WORD_RE.fullmatch(c) and normalize_char(c) == "" for c in _DROPPED_WORD_CHARACTERS)


_CHARS = st.sampled_from(
    "اأإآىةکی ٠١٩۰ABZaz\u00a0\u064b\u0651\u0640\u200b\u202bﻻﷲﭐ\ufdfa\u0130É\U0001F600\U00010400.،\n"
)


@given(st.text(_CHARS, max_size=40) | st.text(max_size=40))
def test_normalize_matches_the_per_character_definition(text: str) -> None:
    nz = normalize(text)
    assert (nz.text, tuple(nz.index)) == _reference(text)


def _reference_tokens(text: str) -> list[tuple[int, int, str, str]]:
    from editorial.checks.arabic.marks import MARKS_RE
    from editorial.checks.arabic.tokens import WORD_RE

    nz, out = normalize(text), []
    for m in WORD_RE.finditer(nz.text):
        start, end = nz.to_original(m.start(), m.end())
        while end < len(text) and MARKS_RE.fullmatch(text[end]):
            end += 1
        out.append((start, end, text[start:end], m.group()))
    return out


_MARKED = st.sampled_from("اب تة1 .\u064b\u0651\u0640\u06e5\u0670\u06d6")  # letters with tashkeel only


@given(st.text(_CHARS, max_size=40) | st.text(max_size=40) | st.text(_MARKED, max_size=30))
def test_bulk_tokens_match_a_per_match_loop(text: str) -> None:
    from editorial.checks.arabic.stem import light_stem
    from editorial.checks.arabic.tokens import TextView

    view = TextView("body", text)
    toks = view.tokens
    assert [(t.start, t.end, t.text, t.norm) for t in toks] == _reference_tokens(text)
    assert view.gaps == [text[a.end:b.start] for a, b in pairwise(toks)]  # mended around dropped letters
    assert [t.index for t in toks] == list(range(len(toks)))
    assert all(t.stem == light_stem(t.norm) for t in toks)


_SENTENCES = st.sampled_from("اب تة1 .!?؟\n«»\u064b\u0651\u0640\u200bﻻ\ufdfa")


@given(st.text(_CHARS, max_size=60) | st.text(_SENTENCES, max_size=60) | st.text(max_size=40))
def test_a_sentence_holds_exactly_the_tokens_inside_it(text: str) -> None:
    # sentences find their tokens by bisection, which holds because tokens' offsets never decrease
    from editorial.checks.arabic.tokens import TextView

    view = TextView("body", text)
    toks = view.tokens
    assert [t.start for t in toks] == sorted(t.start for t in toks)
    assert [t.end for t in toks] == sorted(t.end for t in toks)
    for s in view.sentences:
        assert s.tokens == tuple(t for t in toks if s.start <= t.start and t.end <= s.end)


def test_a_disabled_family_is_skipped_without_changing_the_others() -> None:
    from editorial.checks import check_draft
    from editorial.checks.config import CheckConfig

    title = "وزير الصحة يفتتح مستشفى جديدا"
    body = "افتتح وزير الصحة اليوم اليوم مستشفى جديدا في المدينة [اسم المدينة]. وقال الوزير إن المستشفى يضم مئة سرير."
    full = check_draft(title, body)
    off = check_draft(title, body, CheckConfig(disabled=frozenset({"repetition"})))
    assert not off.errors
    assert [f.rule for f in off.findings] == [f.rule for f in full.findings if not f.rule.startswith("repetition.")]


@given(st.text(_CHARS, max_size=40) | st.text(max_size=40) | st.text(_MARKED, max_size=30))
def test_normalize_reads_its_characters_off_one_scan_and_a_few_lookups(text: str) -> None:
    from editorial.checks.arabic.fastre import has_astral
    from editorial.checks.arabic.normalize import _MAYBE_CHANGED_RE, _TABLE
    from editorial.checks.arabic.tokens import TextView

    nz = normalize(text)
    assert nz.chars == set(_MAYBE_CHANGED_RE.findall(text))
    assert nz.text == text.translate(_TABLE)
    assert nz.aligned == (_IRREGULAR_RE.search(text) is None)
    assert TextView("body", text).astral == has_astral(text)


def test_the_characters_normalisation_may_change_are_found_in_arabic_copy() -> None:
    nz = normalize("أعلنَت الوزارةُ ـ بعد\u00a0إلغاء الرحلة 😀 ﻻ")
    assert nz.chars == {"أ", "َ", "ة", "ُ", "ـ", "\u00a0", "إ", "😀", "ﻻ"}
    assert nz.text == "اعلنت الوزاره  بعد الغاء الرحله 😀 لا" and not nz.aligned
