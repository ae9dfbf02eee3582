"""Faster ways to the same result: each agrees with the plain definition it replaces."""

from __future__ import annotations

import itertools

from editorial.checks.arabic import tokens as T
from editorial.checks.arabic.fastre import _BMP, has_astral


def test_the_re_word_class_matches_the_regex_class_on_every_bmp_character() -> None:
    word = [bool(T.WORD_RE.fullmatch(c)) for c in _BMP]
    assert [bool(T._WORD_SPLIT_BMP_RE.fullmatch(c)) for c in _BMP] == word


def test_the_word_split_is_the_regex_split_with_and_without_astral_characters() -> None:
    texts = (
        "قالَ الوزيرُ إنّ المشروعَ سيكتمل\u200b قريباً ﻻ محالة.",
        "ارتفعت الصادرات 3ر747 مليون دينار (١٢٣) في ٢٠٢٤ 😀 حسب 𝐀𝐁 المعهد",
        "Café naïve — İstanbul ـــ وـــ 16.8% ﷺ",
    )
    for text in texts:
        assert T._word_split(text, has_astral(text)) == T._WORD_SPLIT_RE.split(text)
        assert T._word_split(text, True) == T._WORD_SPLIT_RE.split(text)
    assert has_astral(texts[1]) and not has_astral(texts[0])


def test_the_gaps_read_off_the_split_are_the_text_between_the_tokens() -> None:
    texts = (
        "قال الوزير، إن المشروع «سيكتمل» قريباً.\n\nوأضاف: ـــ لا محالة",
        "ـــ الوزيرُ  ـقال\u200b ﻻ  (تصوير) 😀 𝐀𝐁",
        "كلمة",
        "",
        " ... ",
    )
    for text in texts:
        view = T.TextView("body", text)
        toks = view.tokens
        assert view.gaps == [text[a.end:b.start] for a, b in itertools.pairwise(toks)]
