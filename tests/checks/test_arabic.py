"""The Arabic text view: normalisation keeps an exact map back to the original; tokens, sentences and
paragraphs carry original offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editorial.checks.arabic import TextView, norm, normalize
from editorial.checks.arabic.clitics import (
    NAME_PROCLITICS,
    PARTICLE_PROCLITICS,
    PROCLITICS,
    has_article,
    proclitic_tails,
    strip_proclitics,
)
from editorial.checks.arabic.marks import after_marks, ends_after_marks
from editorial.checks.arabic.memo import WordMemo
from editorial.checks.arabic.quotes import Quotations, quotation_spans


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


# --- the one Arabic toolkit: proclitics, quotations, trailing marks, the bounded memo --------------------------



@pytest.mark.parametrize(
    "word,rest,article",
    [
        (norm("والتعاون"), norm("تعاون"), True),
        (norm("للمدينة"), norm("مدينة"), True),
        (norm("فبالنسبة"), norm("نسبة"), True),
        (norm("وزارة"), norm("زارة"), False),  # a bare و is stripped here: the stemmer guards root letters itself
        (norm("بها"), norm("بها"), False),  # fewer than three letters would remain
    ],
)
def test_strip_proclitics_removes_the_longest_prefix(word, rest, article):
    assert strip_proclitics(word, 3) == (rest, article)


def test_proclitic_lists_are_longest_first():
    for seq in (PROCLITICS, PARTICLE_PROCLITICS):
        lengths = [len(p) for p in seq]
        assert lengths == sorted(lengths, reverse=True)
    assert {"وب", "فل", "و", "ك"} <= set(PARTICLE_PROCLITICS) and "فك" not in PARTICLE_PROCLITICS


def test_proclitic_tails_tries_a_name_s_prefixes_in_order():
    assert list(proclitic_tails(norm("بالدولار"))) == [norm(w) for w in ("بالدولار", "الدولار", "دولار")]
    assert list(proclitic_tails(norm("لليورو"))) == [norm("لليورو"), norm("ليورو"), norm("يورو")]
    # ك and the longer chains are no name's prefixes; fewer than three letters never remain
    assert list(proclitic_tails(norm("كالدولار"))) == [norm("كالدولار")]
    assert list(proclitic_tails(norm("فلليرة"))) == [norm("فلليرة"), norm("لليرة")]
    assert list(proclitic_tails(norm("ولي"))) == [norm("ولي")]
    assert NAME_PROCLITICS[0] == "" and set(NAME_PROCLITICS) - {""} <= set(PROCLITICS) | set(PARTICLE_PROCLITICS)


@pytest.mark.parametrize("word,expected", [("والتعاون", True), ("للتعاون", True), ("الهويه", True),
                                           ("وكالة", False), ("تعاون", False), ("ولد", False)])
def test_has_article(word, expected):
    assert has_article(norm(word)) is expected


def test_quotations_pair_each_kind_of_mark():
    text = 'قال «هذا „نص“ مهم» ثم "كذا" و‘أ’ ثم ﴿آية﴾ it’s'
    assert [text[s:e] for s, e in quotation_spans(text)] == ["«هذا „نص“ مهم»", '"كذا"', "‘أ’", "﴿آية﴾"]


def test_an_unclosed_quotation_runs_to_the_end_of_its_line_only():
    text = "قال «نواصل العمل\nسطر ثان «مقتبس» هنا"
    spans = quotation_spans(text)
    assert [text[s:e] for s, e in spans] == ["«نواصل العمل", "«مقتبس»"]
    q = Quotations(text)
    assert q.inside(text.index("نواصل")) and not q.inside(text.index("سطر"))
    assert not q.inside(text.index("«"))  # the opening mark itself is not inside
    assert q.around(text.index("مقتبس")) == spans[1]


def test_a_closing_mark_of_the_outer_quotation_closes_inner_ones():
    text = "«قال “لن نتراجع» ثم أضاف"
    assert [text[s:e] for s, e in quotation_spans(text)] == ["«قال “لن نتراجع»"]
    assert quotation_spans("لا اقتباس هنا’") == [] and Quotations("").spans == []


def test_after_marks_extends_a_span_over_trailing_tashkeel():
    text = "شخصاً الفلانيّ كتبــ"
    assert text[:after_marks(text, 4)] == "شخصاً"
    end = text.index("ي", 8) + 1
    assert text[6:after_marks(text, end)] == "الفلانيّ"
    assert after_marks(text, len(text) - 2) == len(text)  # tatweel too
    assert after_marks(text, 0) == 0 and after_marks(text, len(text)) == len(text)
    assert ends_after_marks(text, [4, end, 0]) == [after_marks(text, 4), after_marks(text, end), 0]


def test_word_memo_computes_once_and_stays_bounded():
    calls = []
    memo = WordMemo(lambda w: calls.append(w) or len(w), limit=3)
    assert list(map(memo.__getitem__, ["اب", "اب", "كتاب"])) == [2, 2, 4]
    assert calls == ["اب", "كتاب"]
    for w in ("ا", "ب", "ت", "ث"):
        memo[w]
    assert len(memo) <= 3
