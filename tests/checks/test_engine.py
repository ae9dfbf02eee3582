"""Engine-wide tests: every rule has examples, every example table holds, a clean text stays clean, and
``check_draft`` is safe and self-consistent on any input (hypothesis).

Each family's test module (``EXAMPLE_MODULES``) defines ``EXAMPLES: dict[rule_id, {"flag": [(title, body,
field, expected_text), ...], "pass": [(title, body), ...]}]`` and may define ``CONFIG`` (a ``CheckConfig``) to
run its examples with. A module that does not exist yet is skipped; a rule without examples fails.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editorial.checks import CheckConfig, Report, all_rules, check_draft

EXAMPLE_MODULES = ("test_placeholder", "test_repetition", "test_consistency", "test_consistency_contradictions")


def _load(name: str) -> Any | None:
    package = __package__ or ""
    try:
        return importlib.import_module(f"{package}.{name}" if package else name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[-1] == name:
            return None  # not written yet
        raise


MODULES = {name: m for name in EXAMPLE_MODULES if (m := _load(name)) is not None}


def _examples() -> list[tuple[str, str, str, tuple, Any]]:
    """(module, rule, kind, example, config) for every example of every loaded module."""
    out = []
    for name, module in MODULES.items():
        config = getattr(module, "CONFIG", None)
        for rule, table in getattr(module, "EXAMPLES", {}).items():
            for kind in ("flag", "pass"):
                for ex in table.get(kind, []):
                    out.append((name, rule, kind, tuple(ex), config))
    return out


EXAMPLE_CASES = _examples()


CASE_IDS = [f"{rule}-{kind}-{i}" for i, (_, rule, kind, _, _) in enumerate(EXAMPLE_CASES)]


# ---- every rule documented by examples ---------------------------------------------------------------


def test_every_rule_has_a_flag_and_a_pass_example():
    covered: dict[str, set[str]] = {}
    for _, rule, kind, _, _ in EXAMPLE_CASES:
        covered.setdefault(rule, set()).add(kind)
    missing = sorted(r for r in all_rules() if covered.get(r, set()) != {"flag", "pass"})
    assert not missing, f"rules without a flag and a pass example: {missing} (loaded: {sorted(MODULES)})"


def test_examples_only_name_existing_rules():
    unknown = sorted({rule for _, rule, _, _, _ in EXAMPLE_CASES} - set(all_rules()))
    assert not unknown


def test_rules_are_documented_in_both_languages():
    for rule in all_rules().values():
        assert rule.severity in ("error", "warning", "info")
        assert rule.message_ar and rule.message_en and rule.description, rule.id
        assert rule.id.split(".", 1)[0] in ("placeholder", "repetition", "consistency", "style", "archive")


# ---- the example tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=CASE_IDS)
def test_example(case):
    _, rule, kind, ex, config = case
    report = check_draft(ex[0], ex[1], config)
    assert not report.errors
    fields = {"title": report.title, "body": report.body}
    mine = [f for f in report.findings if f.rule == rule]
    if kind == "pass":
        assert not mine, [f.text for f in mine]
        return
    field, expected = ex[2], ex[3]
    exact = [f for f in mine if f.field == field and f.text == expected]
    assert exact, f"expected {expected!r} in {field}, got {[(f.field, f.text) for f in mine]}"
    for f in exact:
        assert fields[field][f.start:f.end] == expected


# ---- the neutral smoke text -------------------------------------------------------------------------------

SMOKE_TITLE = "وزارة الزراعة تطلق حملة لتشجير ضفاف الأودية"
SMOKE_BODY = (
    "أطلقت وزارة الزراعة صباح الثلاثاء حملة وطنية لتشجير ضفاف الأودية، تستهدف زراعة نحو مئتي ألف شتلة "
    "من الأنواع المحلية خلال ثلاثة أشهر.\n\n"
    "وقال مدير الغابات في الوزارة إن الحملة تعتمد على متطوعين من طلاب الجامعات وجمعيات البيئة، مشيراً "
    "إلى أن الشتلات وُزعت على المحافظات بحسب طبيعة التربة وكمية الأمطار.\n\n"
    "وتأتي المبادرة ضمن خطة تمتد حتى عام 2030 للحد من انجراف التربة وتحسين الغطاء النباتي في المناطق "
    "الريفية."
)


def test_a_clean_news_text_gives_no_finding():
    report = check_draft(SMOKE_TITLE, SMOKE_BODY)
    assert not report.errors
    assert [(f.rule, f.text) for f in report.findings] == []
    assert set(report.counts) == set(all_rules()) and not any(report.counts.values())


# ---- safety and self-consistency on any input ------------------------------------------------------------

ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["ى", "ة", "ک", "ی", "ۀ", "ٱ"]
TASHKEEL = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"]
CONTROLS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
            "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad", "\x00", "\u0301"]
PUNCT = list("[](){}<>«»\"'“”﴾﴿【】.,،؛:!؟?…-–—_/%٪$#@* \n\t") + ["\u00a0", "\u202f"]
DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
WORDS = ["فلان", "الفلاني", "ـــ", "XXX", "ملاحظة", "للمحرر:", "إليك", "يرجى", "المصدر", "lorem", "ipsum", "TODO",
         "(كونا)", "{{x}}", "﷽", "ﻻ", "ﷲ", "𝐀", "😀", "في", "في في", "مليون", "الأحد", "وزير", "وزيرة"]
ALPHABET = st.sampled_from(ARABIC + TASHKEEL + CONTROLS + PUNCT + DIGITS + list("xXaZ"))
PIECE = st.one_of(ALPHABET, st.sampled_from(WORDS), st.characters(exclude_categories=("Cs",)))
TEXT = st.one_of(
    st.text(),
    st.lists(PIECE, max_size=120).map("".join),
    st.builds(lambda s, n: s * n, st.lists(PIECE, min_size=1, max_size=12).map("".join), st.integers(1, 300)),
)
CONFIG = st.builds(
    lambda phrases: CheckConfig(extra_placeholders=tuple(phrases)),
    st.lists(st.lists(PIECE, max_size=6).map("".join), max_size=3),
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_consistent(report: Report) -> None:
    assert report.errors == []
    fields = {"title": report.title, "body": report.body}
    rules = all_rules()
    assert set(report.counts) == set(rules)
    for f in report.findings:
        text = fields[f.field]
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start:f.end]
        assert f.start_utf16 == len(text[: f.start].encode("utf-16-le", "surrogatepass")) // 2
        assert f.end_utf16 == len(text[: f.end].encode("utf-16-le", "surrogatepass")) // 2
        assert f.rule in rules and f.check == rules[f.rule].family
        assert f.severity in ("error", "warning", "info") and f.message and f.fingerprint
        for r in f.related:
            assert 0 <= r.start < r.end <= len(fields[r.field]) and r.text == fields[r.field][r.start:r.end]
    for rule, n in report.counts.items():
        assert n == sum(1 for f in report.findings if f.rule == rule)


@FAST
@given(title=TEXT, body=TEXT)
def test_any_text_gives_a_consistent_report(title, body):
    assert_consistent(check_draft(title, body))


@FAST
@given(title=TEXT, body=TEXT, config=CONFIG)
def test_any_custom_phrase_is_safe(title, body, config):
    assert_consistent(check_draft(title, body, config))


@settings(max_examples=50, deadline=None)
@given(title=TEXT, body=TEXT)
def test_checking_is_deterministic(title, body):
    assert check_draft(title, body).as_dict() == check_draft(title, body).as_dict()


HOSTILE = {
    "empty": ("", ""),
    "whitespace": (" \t ", "\n\n \u00a0\n"),
    "nul": ("\x00\x00", "نص\x00عربي\x00" * 50),
    "combining": ("\u0651\u064e", "\u0301\u0651 \u064b\u064b \u0670"),
    "rtl_overrides": ("\u202eعنوان\u202c", "\u202e[المصدر]\u202c \u2067XXX\u2069 \u200fفلان الفلاني\u200f"),
    "brackets": ("((((", "[" * 5000 + "]" * 5000 + "(" * 3000 + "{{" * 2000),
    "question_marks": ("؟؟؟", "؟" * 20000),
    "tatweel": ("ـــ", "\u0640" * 20000 + " مليون"),
    "astral": ("😀𝐀", "😀 [المصدر] 𝐀 XXX " * 200),
    "not_a_string": (None, 12345),
    "digits_overflowing_a_float": ("10" * 200, "10" * 200),  # a 400-digit figure reads as infinity
}


@pytest.mark.parametrize("title,body", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_inputs_are_checked_without_errors(title, body):
    assert_consistent(check_draft(title, body))


def test_a_one_megabyte_text_is_checked_without_errors():
    para = (
        "وقال المتحدث باسم الوزارة إن أعمال الصيانة ستنتهي قبل نهاية الشهر، مضيفاً أن الفرق الفنية "
        "تعمل على مدار الساعة في {n} موقعاً. "
    )
    body = "\n\n".join(para.format(n=i) for i in range(1, 8000))
    assert len(body) > 1_000_000
    assert_consistent(check_draft("عنوان طويل", body))


def test_one_failing_consistency_check_keeps_the_others_findings(monkeypatch):
    """A check that raises loses only its own findings: the number mismatch is still reported, the failure is
    in the report's errors (one broken check once dropped every consistency finding of a draft)."""
    from editorial.checks.consistency import topic

    def broken(ctx, config):
        raise RuntimeError("topic check broken for the test")

    monkeypatch.setattr(topic, "check", broken)
    report = check_draft("وفاة 12 شخصا في حادث مرور بالطريق السريع",
                         "توفي 15 شخصا وأصيب آخرون في حادث مرور على الطريق السريع صباح اليوم.")
    assert any("topic check broken" in e for e in report.errors)
    assert [f.rule for f in report.findings if f.check == "consistency"] == ["consistency.number_mismatch"]
