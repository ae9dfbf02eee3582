"""Arabic numbers: digits in every script and numbers in words, with value, span (original offsets), unit and
qualifier; and the consistency rule's notion of two figures agreeing."""

from __future__ import annotations

import pytest

from editorial.checks.arabic.normalize import norm
from editorial.checks.arabic.numbers import find_numbers, unit_key
from editorial.checks.arabic.tokens import TextView
from editorial.checks.consistency.numbers import agree


def key(word: str) -> str:
    return unit_key(norm(word))


# (text, [(value, text of the number with its unit, unit key or None, qualifier)])
CASES = [
    ("بلغت الكلفة 16.8 مليار درهم", [(16.8e9, "16.8 مليار درهم", key("درهم"), "")]),
    ("وصل عدد الزوار إلى 1,200 زائر", [(1200, "1,200 زائر", key("زائر"), "")]),
    ("أصيب ١٢ شخصاً", [(12, "١٢ شخصاً", key("شخص"), "")]),
    ("أصيب ۱۲ شخصاً", [(12, "۱۲ شخصاً", key("شخص"), "")]),
    ("رصدت البلدية ثلاثة ملايين دينار", [(3e6, "ثلاثة ملايين دينار", key("دينار"), "")]),
    ("رصدت البلدية 3 ملايين دينار", [(3e6, "3 ملايين دينار", key("دينار"), "")]),
    ("استفاد ألفين مواطن من البرنامج", [(2000, "ألفين مواطن", key("مواطن"), "")]),
    ("سجلت الشركة 4 آلاف و870 صفقة", [(4870, "4 آلاف و870 صفقة", key("صفقة"), "")]),
    ("بلغ عمر الشجرة خمسة وعشرين عاماً", [(25, "خمسة وعشرين عاماً", key("عام"), "")]),
    ("حضر أكثر من 300 ألف متفرج", [(3e5, "300 ألف متفرج", key("متفرج"), "over")]),
    ("انتظر نحو نصف ساعة", [(0.5, "نصف ساعة", key("ساعة"), "about")]),
    ("ارتفعت الأسعار بنسبة 7 في المئة", [(7, "7 في المئة", "%", "")]),
    ("ارتفعت الأسعار بنسبة 7%", [(7, "7%", "%", "")]),
    ("ارتفعت الأسعار بنسبة 4،6 بالمائة", [(4.6, "4،6 بالمائة", "%", "")]),
    ("بلغت الديون 3ر747 م د", [(747.3e6, "3ر747 م د", key("دينار"), "")]),
    ("وزن لا يتجاوز 5 أطنان", [(5, "5 أطنان", key("طن"), "upto")]),
    ("قدرت القيمة بمليون دولار", [(1e6, "بمليون دولار", key("دولار"), "")]),
    ("وصل ثلاثمائة وخمسون لاجئاً", [(350, "ثلاثمائة وخمسون لاجئاً", key("لاجئ"), "")]),
    ("بكلفة مليون ونصف دينار", [(1.5e6, "مليون ونصف دينار", key("دينار"), "")]),
    ("تبرع بربع مليون دولار", [(2.5e5, "بربع مليون دولار", key("دولار"), "")]),
    ("دفع تعويضاً قدره 119 مليوناً و625 ألف دولار", [(119.625e6, "119 مليوناً و625 ألف دولار", key("دولار"), "")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_numbers_are_read_with_value_unit_and_span(text, expected):
    got = [(m.value, text[m.start:m.unit_end], m.unit, m.qualifier) for m in find_numbers(text)]
    assert [(pytest.approx(v), t, u, q) for v, t, u, q in expected] == got


@pytest.mark.parametrize("text,kind", [
    ("في عام 2015 افتتح المصنع", "year"),
    ("للموسم (2025-2026) في المراكز", "date"),
    ("الجلسة يوم 18 نوفمبر المقبل", "date"),
    ("وصل عشرات المحتجين", "vague"),
])
def test_years_dates_and_vague_counts_are_marked(text, kind):
    (m,) = find_numbers(text)
    assert m.kind == kind


@pytest.mark.parametrize("text", [
    "أحد اللاعبين أصيب في المباراة",  # "one of", not a number
    "يوم الاثنين المقبل",  # Monday
    "منذ القرن الخامس عشر",  # an ordinal
    "التقى الرئيس نظيره أمس",
])
def test_words_that_only_look_like_numbers_are_ignored(text):
    assert find_numbers(text) == []


def test_offsets_are_in_the_original_text_with_tashkeel_and_tatweel():
    text = "وَصَلَ خَمْسَةُ آلافِ زائرٍ و١٢ مـــليون دولار"
    got = [(m.value, text[m.start:m.end]) for m in find_numbers(text)]
    assert got == [(5000, "خَمْسَةُ آلافِ"), (12e6, "١٢ مـــليون")]


def test_reading_only_candidate_tokens_gives_the_same_numbers():
    text = "قال الوزير إن 16.8 مليار درهم صُرفت، منها أربعة ملايين دينار و12 ساعة عمل و٣ أيام."
    view = TextView("body", text)
    from editorial.checks.consistency.words import NUM, token_index

    cands = [view.tokens[i] for i in token_index(view)[NUM]]
    assert find_numbers(text, view.normalized, cands) == find_numbers(text)


@pytest.mark.parametrize("a,b,same", [
    ("12 قتيلا", "١٢ قتيلا", True),
    ("12 قتيلا", "21 قتيلا", False),
    ("أكثر من 11 مليون نسمة", "11.4 مليون نسمة", True),
    ("تتجاوز 18 مليار درهم", "نحو 16.8 مليار درهم", False),
    ("أكثر من 18 مليار درهم", "431 مليار درهم", False),
    ("11 مليون نسمة", "11.4 مليون نسمة", True),
    ("4 ملايين دينار", "أربعة ملايين دينار", True),
    ("نحو 17 مليار", "16.8 مليار", True),
])
def test_figures_agree_by_value_qualifier_and_rounding(a, b, same):
    (x,) = find_numbers(a)
    (y,) = find_numbers(b)
    assert agree(x, y) is same


def test_unit_keys_merge_singular_dual_and_plural():
    assert key("ساعات") == key("ساعة") == key("الساعة")
    assert key("دنانير") == key("دينار") == key("دينارا")
    assert key("قتلى") == key("قتيلا")
