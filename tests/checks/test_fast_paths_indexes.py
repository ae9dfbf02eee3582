"""Cheaper ways to the same answers (speed work of 2026-12-07, helper speed5): each agrees with what it replaces."""

from __future__ import annotations

import random

import regex

from editorial.checks import check_draft
from editorial.checks.arabic import norm
from editorial.checks.arabic import numbers as N
from editorial.checks.arabic.normalize import normalize
from editorial.checks.arabic.tokens import TextView
from editorial.checks.config import DEFAULT_CONFIG
from editorial.checks.repetition import prep
from editorial.checks.repetition import similar as S
from editorial.checks.repetition.openers import repeated_openers

_TEXTS = (
    "قالَ الوزيرُ إنّ الصادراتِ بلغت 3.2 مليار دينار عام 2024. وأضاف أنّ نحو 1,200 شخصٍ استفادوا.",
    "ارتفعت الأسعار بنسبة ١٢٫٥٪ في ٢٠٢٣\u200b حسب المعهد ﷺ، أي ما مجموعه 45 هدفاً.",
    "بلغ عدد الزوار 3ر747 ألفاً 😀 في الموسم 𝟏𝟐 الماضي — ـــ وـــ ذلك.",
    "Café naïve İstanbul: 16.8% ... 10:30 / 28/3/2015 و٢٠٢٥-٢٠٢٦",
)


def test_a_part_of_a_normalised_text_is_the_part_normalised() -> None:
    rng = random.Random(5)
    for text in _TEXTS:
        nz = normalize(text)
        for _ in range(200):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert nz.part(a, b) == norm(text[a:b])

def test_years_and_digit_counts_read_without_a_pattern_agree_with_the_patterns() -> None:
    values = ["1999", "2024", "2100", "1899", "20.5", "19,9", "٢٠٢٤", "𝟏𝟗𝟗𝟗", "2", "12", "1.200.000", "19999", "ab"]
    for v in values:
        assert S._year(v) == bool(S._YEAR_RE.fullmatch(v)), v
        if regex.fullmatch(r"\d+(?:[.,]\d+)*", v):
            assert S._digit_count(v) == len(S._DIGITS_RE.findall(v)), v

def test_the_connective_words_are_the_words_the_connective_test_accepts() -> None:
    words = {w for text in _TEXTS for w in norm(text).split()} | set(S._CONNECTIVE_WORDS)
    words |= {"و" + w for w in words} | {"ف" + w for w in words} | {w[1:] for w in words}
    assert {w for w in words if w and S._connective(w)} == {w for w in words if w in S._CONNECTIVE_WORDS}

def test_the_bare_keys_by_sets_are_the_plain_dictionary() -> None:
    text = ("لفحص الطلاب قررت الوزارة فحص المدارس، ولفحص المعدات وصل الخبراء. وللتعاون مع الجامعة أكد التعاون "
            "الوثيق أن بالتعاون تتحقق الأهداف. والمشروع مشروع كبير.")
    for _ in range(2):  # a second time from the sets kept
        view = TextView("body", text)
        stems = set(view.stems)
        plain = {w: prep.CONCEPT.get(b, b) for w in view.vocabulary if (b := prep._bare(w)) in stems}
        assert prep._bare_keys(view) == plain
        assert plain  # the example has such words

def test_openers_still_flag_a_run_and_leave_varied_openers_alone() -> None:
    run = ("وأكد الوزير أن المشروع سيكتمل قريبا. وأكد الوزير أن التمويل متوفر بالكامل. "
           "وأكد الوزير أن الأشغال تنطلق الشهر المقبل. وتحدث المدير عن الصعوبات المالية.")
    report = check_draft("المشروع يكتمل قريبا", run)
    flagged = [f for f in report.findings if f.rule == "repetition.repeated_opener"]
    assert [f.text for f in flagged] == ["وأكد الوزير أن"]
    varied = ("أعلن الوزير أن المشروع سيكتمل قريبا. وتحدث المدير عن التمويل المتوفر بالكامل. "
              "وانطلقت الأشغال في الشهر الماضي. وأشار الخبراء إلى الصعوبات المالية.")
    view = TextView("body", varied)
    assert list(repeated_openers(prep.Body.of(view, DEFAULT_CONFIG))) == []

def test_a_name_asked_of_one_token_is_the_names_marked_for_all() -> None:
    from editorial.checks.repetition import phrases as P

    text = ("أعلنت وزارة الصحة العمومية اليوم عن حملة. وقال رئيس الجمعية الوطنية للأطباء إن وزارة الصحة "
            "العمومية ستدعم الحملة، وأكد مدير المستشفى الجهوي بصفاقس ذلك. الحملة الوطنية للتلقيح تبدأ غدا.")
    body = prep.Body.of(TextView("body", text), DEFAULT_CONFIG)
    marked = P._name_tokens(body)
    assert [P._in_name(body, i) for i in range(len(marked))] == marked
    assert any(marked) and not all(marked)

def test_a_repeated_term_is_still_found_when_rare_stems_are_passed_over() -> None:
    from editorial.checks.repetition import phrases as P

    text = ("ناقش المجلس البلدي ملف النقل العمومي في جلسة طويلة. وطالب السكان بتحسين النقل العمومي في الأحياء. "
            "وأكد الوالي أن النقل العمومي أولوية هذا العام. وتحدث المدير عن الطرقات الجديدة.")
    body = prep.Body.of(TextView("body", text), DEFAULT_CONFIG)
    full = P._phrases(body)
    for least in (2, 3):
        pruned = P._phrases(body, least)
        assert {k: v for k, v in pruned.items() if len(v) >= least} == {k: v for k, v in full.items() if len(v) >= least}
    assert len(full[("نقل", "عموم")]) == 2 and len(full) > len(P._phrases(body, 2))

def test_the_number_split_by_re_is_the_regex_split() -> None:
    for text in _TEXTS:
        nt = normalize(text).text
        astral = regex.search(r"[\U00010000-\U0010ffff]", nt) is not None
        assert N._tokens(nt, astral=astral) == N._tokens(nt, astral=True)
        if not astral:
            assert N._TOKEN_SPLIT.bmp.split(nt) == N._TOKEN_SPLIT_RE.split(nt)

def test_numbers_are_found_alike_with_and_without_the_bmp_split() -> None:
    for text in _TEXTS:
        nz = normalize(text)
        found = N.find_numbers(text, nz)
        assert found == N._Parser(text, nz, N._tokens(nz.text, astral=True)).run()
    assert [m.value for m in N.find_numbers(_TEXTS[0])] == [3.2e9, 2024.0, 1200.0]

def test_filler_patterns_tried_at_their_heads_find_what_a_scan_finds() -> None:
    from editorial.checks.placeholder import markers as M

    texts = [
        "بلغت قيمة الصفقة XX مليون دينار، وحضر السيد X الاجتماع في القرن XX.",
        "ارتفع عدد الزوار إلى ... شخص (...) خلال ـــ أيام، و؟؟ لا أحد يعرف ؟ مليون",
        "رقم الهاتف 5XX XXX XXX أو ___ أو 000 و١٠٠٠ و٠٠٠ و۰۰۰ وـــ قناة __ x",
    ]
    rng = random.Random(11)
    alphabet = "xX_ـ.…؟?0٠۰ (وفبلمa1\n"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for rx, heads in ((M._ALWAYS_RE, M._ALWAYS_HEADS), (M._CONTEXT_RE, M._CONTEXT_HEADS)):
        for text in texts:
            assert [m.span() for m in M._matches_at_heads(rx, text, heads)] == [m.span() for m in rx.finditer(text)]
    found = [m.group() for m in M._matches_at_heads(M._ALWAYS_RE, texts[2], M._ALWAYS_HEADS)]
    assert "___" in found and "٠٠٠" in found and "000" in found  # the zeros of ١٠٠٠ are a number's, not a blank


def test_the_body_words_by_one_memo_are_each_words_three_keys() -> None:
    from editorial.checks.consistency import common as CM
    from editorial.checks.types import Document

    body = ("أعلنت الحكومة التونسية عن خطة لدعم المؤسسات الصغرى والمتوسطة، وقال الوزير إن البلدين وقعا اتفاقيتين. "
            * 30)
    ctx = CM.Context(Document("الحكومة تدعم المؤسسات", body))
    for words, found in ((set(ctx.body.norms), ctx.body_words), (set(ctx.body.norms[:CM.LEAD_TOKENS]), ctx.lead_words)):
        keys = {k for w in words for k in (CM.light_stem(w), CM.bare(w), CM.word_key(w))}
        assert found == frozenset(words | keys)
    assert len(ctx.body.tokens) > CM.LEAD_TOKENS
