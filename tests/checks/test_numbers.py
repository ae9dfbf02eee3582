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
    # half or a quarter of a scale, the fraction definite or not: never the whole scale
    ("تكبدت الشركة خسائر تقارب النصف مليار دولار", [(5e8, "النصف مليار دولار", key("دولار"), "")]),
    ("استقطب المهرجان نصف مليون زائر", [(5e5, "نصف مليون زائر", key("زائر"), "")]),
    ("تبرع المحسن بالنصف مليون دينار", [(5e5, "بالنصف مليون دينار", key("دينار"), "")]),
    ("قدرت الخسائر بنصف مليار جنيه", [(5e8, "بنصف مليار جنيه", key("جنيه"), "")]),
    # thousands separators: two dot groups of three digits, commas, the Arabic thousands sign (U+066C); with a
    # decimal part after the other separator
    ("بلغ عدد سكان الولاية 1.473.659 نسمة", [(1473659, "1.473.659 نسمة", key("نسمة"), "")]),
    ("بلغ عدد سكان الولاية 1,473,659 نسمة", [(1473659, "1,473,659 نسمة", key("نسمة"), "")]),
    ("بلغ عدد سكان الولاية ١٬٤٧٣٬٦٥٩ نسمة", [(1473659, "١٬٤٧٣٬٦٥٩ نسمة", key("نسمة"), "")]),
    ("بلغت الميزانية 2.350.000,5 دينار", [(2350000.5, "2.350.000,5 دينار", key("دينار"), "")]),
    ("بلغت الميزانية 2,350,000.75 دولار", [(2350000.75, "2,350,000.75 دولار", key("دولار"), "")]),
    # definite tens and hundreds, both cases, with proclitics
    ("احتفل الزوجان بمرور الخمسين عاما على زواجهما", [(50, "الخمسين عاما", key("عام"), "")]),
    ("يحتفل الفنان ببلوغه الخمسون عاما", [(50, "الخمسون عاما", key("عام"), "")]),
    ("لم يتجاوز الثلاثين من عمره", [(30, "الثلاثين", None, "upto")]),
    ("خطة الحكومة للمئة يوم الأولى", [(100, "للمئة يوم", key("يوم"), "")]),
    ("ماذا أنجزت الحكومة خلال المائة يوم الأولى", [(100, "المائة يوم", key("يوم"), "")]),
    ("كرّم النادي لاعبيه بالخمسين ميدالية", [(50, "بالخمسين ميدالية", key("ميدالية"), "")]),
    ("ترقية للثلاثين موظفا المتعاقدين", [(30, "للثلاثين موظفا", key("موظف"), "")]),
    ("وصل الأربعون لاعبا إلى المعسكر", [(40, "الأربعون لاعبا", key("لاعب"), "")]),
    ("نقل المئة والخمسون مهاجرا إلى الميناء", [(150, "المئة والخمسون مهاجرا", key("مهاجر"), "")]),
    ("بلغ عددهم الثلاثة والخمسين", [(53, "الثلاثة والخمسين", None, "")]),
    # the two-letter ست with the preposition or the conjunction (not لست "I am not")
    ("توقف التشغيل بـست ولايات", [(6, "بـست ولايات", key("ولايات"), "")]),
    ("زار خمس مدن وست قرى", [(5, "خمس مدن", key("مدن"), ""), (6, "وست قرى", key("قرى"), "")]),
    ("لست أدري ما حدث", []),
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


@pytest.mark.parametrize("text", [
    "سجل الفريق هدفه في النصف الثاني من المباراة",  # the half of a match
    "حصل على النصف فقط",
    "احتفلت الجامعة بالذكرى الخمسين لتأسيسها",  # an ordinal after its definite noun
    "في الدورة الثلاثين للمهرجان",
    "وزراء مالية مجموعة العشرين يجتمعون في الرياض",  # the G20, a name
    "وصل المهاجرون المئة والخمسون إلى الميناء",  # after a definite plural: left unread, never read as 50
    "يوم الخامس والعشرين من الشهر",  # a compound ordinal
    "ارتفعت الأسعار بنسبة 7 في المئة",  # per cent, not a hundred
    "ارتفعت الأسعار 7 بالمئة",
    "أطلقت الشركة الإصدار 1.2.3 من التطبيق",  # a version
    "وقع الحادث يوم 12.03.2018 ليلا",  # a date with dots
])
def test_definite_and_dotted_look_alikes_are_no_new_figures(text):
    got = [(m.value, m.kind) for m in find_numbers(text)]
    assert [g for g in got if g[1] in ("digits", "words", "fraction") and g[0] not in (7,)] == []


@pytest.mark.parametrize("text,value,kind", [
    ("انتظر المسافرون نصف ساعة", 0.5, "fraction"),  # a fraction, not half a million
    ("في عام 2018 افتتح المصنع", 2018, "year"),
    ("تولى منصبه في الثلاثين من يونيو", 30, "date"),  # a day of the month
    ("للاتصال: 0021671123456", 21671123456, "digits"),  # a phone number stays one figure, no thousands
])
def test_look_alikes_keep_their_reading(text, value, kind):
    (m,) = find_numbers(text)
    assert (m.value, m.kind) == (value, kind)


def test_candidate_reading_finds_definite_numbers_too():
    text = "قال المدير إن النصف مليار دينار صرفت على الخمسين مدرسة، و1.473.659 نسمة استفادوا منها."
    view = TextView("body", text)
    from editorial.checks.consistency.words import NUM, token_index

    cands = [view.tokens[i] for i in token_index(view)[NUM]]
    got = find_numbers(text, view.normalized, cands)
    assert got == find_numbers(text)
    assert [m.value for m in got] == [5e8, 50, 1473659]


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
