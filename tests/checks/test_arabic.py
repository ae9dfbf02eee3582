"""The Arabic text view: normalisation keeps an exact map back to the original; tokens, sentences and
paragraphs carry original offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editorial.checks.arabic import TextView, norm, normalize


@pytest.mark.parametrize(
    "original,normalised",
    [
        ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
        ("مستشفى على", "مستشفي علي"),
        ("مدرسة", "مدرسه"),
        ("كَتَبَ الطّالِبُ", "كتب الطالب"),
        ("جمـــيل", "جميل"),
        ("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"),
        ("١٦٫٨ و١٬٥٠٠", "16.8 و1,500"),
        ("\u200fنص\u200e \u202bمضمن\u202c", "نص مضمن"),
        ("LOREM Ipsum", "lorem ipsum"),
        ("ﻻ ﺑﺎﺏ", "لا باب"),  # presentation forms
        ("ی ک", "ي ك"),  # Persian ya and kaf
        ("﴿آية﴾", "﴿ايه﴾"),  # ornate parentheses have no decomposition and stay
        ("نص\u00a0عربي", "نص عربي"),
    ],
)
def test_normalise_folds_spelling_variants(original, normalised):
    assert norm(original) == normalised


def test_the_index_map_points_at_the_original_character():
    original = "قَالَ ـــ ﻻ ٣"
    n = normalize(original)
    assert n.text == "قال  لا 3"
    for i, ch in enumerate(n.text):
        source = original[n.index[i]]
        assert norm(source) == ch or (ch in "لا" and source == "ﻻ")
    assert n.index[-1] == len(original)


def test_a_ligature_maps_both_letters_to_the_same_original_character():
    n = normalize("ﻻ")
    assert n.text == "لا" and tuple(n.index) == (0, 0, 1)
    assert n.to_original(0, 2) == (0, 1)


def test_to_original_covers_dropped_marks_between_letters():
    original = "فُلانٌ"
    n = normalize(original)
    assert n.text == "فلان"
    start, end = n.to_original(0, 4)
    assert original[start:end] == "فُلان"


def test_to_original_of_an_empty_span_is_empty():
    n = normalize("كتاب")
    assert n.to_original(2, 2) == (2, 2)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثةىأإآءؤئـًٌٍَُِّْ ٠١٩۱ﻻﺑ\u200f\u202eAZ.،؟\n") + ["\ufdfd"])))
def test_the_index_map_is_monotonic_and_in_range(text):
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    assert list(n.index) == sorted(n.index)
    assert all(0 <= i <= len(text) for i in n.index)


def test_tokens_keep_original_offsets_and_their_tashkeel():
    text = "قالَ الوزيرُ إنَّ كتابـــ"
    toks = TextView("body", text).tokens
    assert [t.text for t in toks] == ["قالَ", "الوزيرُ", "إنَّ", "كتابـــ"]
    assert [t.norm for t in toks] == ["قال", "الوزير", "ان", "كتاب"]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert [t.index for t in toks] == [0, 1, 2, 3]


def test_tokens_are_not_split_by_tashkeel_or_hidden_controls():
    toks = TextView("body", "مُحَمَّد\u200f أح\u200cمد").tokens
    assert [t.norm for t in toks] == ["محمد", "احمد"]
    assert toks[1].text == "أح\u200cمد"


def test_tokens_carry_a_light_stem():
    toks = TextView("body", "والتعاون للتعاون التعاون").tokens
    assert len({t.stem for t in toks}) == 1


def test_sentences_split_at_stop_marks_but_not_at_decimals():
    text = "قال الوزير: «نعم». وبلغت النسبة 16.8 بالمئة! هل انتهى؟ نعم"
    sents = TextView("body", text).sentences
    assert [s.text for s in sents] == ["قال الوزير: «نعم».", "وبلغت النسبة 16.8 بالمئة!", "هل انتهى؟", "نعم"]
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert all(s.start <= t.start and t.end <= s.end for t in s.tokens)


def test_paragraphs_and_sentence_paragraph_numbers():
    text = "الفقرة الأولى. جملة ثانية.\n\n  الفقرة الثانية  \n"
    view = TextView("body", text)
    assert [(p.text, p.index) for p in view.paragraphs] == [("الفقرة الأولى. جملة ثانية.", 0), ("الفقرة الثانية", 1)]
    assert [s.paragraph for s in view.sentences] == [0, 0, 1]
    for p in view.paragraphs:
        assert text[p.start:p.end] == p.text


def test_punctuation_only_text_has_no_sentences():
    view = TextView("body", "... ؟؟ !!")
    assert view.tokens == () and view.sentences == ()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_views_of_any_text_have_valid_offsets(text):
    view = TextView("body", text)
    for item in (*view.tokens, *view.sentences, *view.paragraphs):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.text
