"""The blind set's injectors (quality/blind/) make well-formed labelled cases. No ../shared needed.

These tests read the injectors' output only through the label format; they do not look at the engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality import spans
from quality.blind import measure
from quality.blind.inject import KINDS, LOOKALIKES

# the kinds of ../shared/eval/check_labels.py (the labelled sets' vocabulary)
VOCABULARY = {
    "placeholder": {"bracketed_instruction", "template_variable", "filler_marker", "editor_note", "dummy_text",
                    "placeholder_name", "ai_leftover"},
    "repetition": {"duplicated_sentence", "near_duplicate_sentence", "duplicated_paragraph", "overused_phrase",
                   "doubled_word", "repeated_opener", "restated_fact"},
    "consistency": {"number_mismatch", "person_name_mismatch", "place_mismatch", "gender_mismatch",
                    "count_mismatch", "date_mismatch", "polarity_mismatch", "topic_absent"},
}

# our own articles in the shape of real-dev rows, written for this test (not taken from any corpus)
_LONG = (
    "أعلن الوزير كمال الورغي يوم الخميس في صفاقس عن 12 مشروعا جديدا لفائدة الجهة، بكلفة جملية تبلغ 340 مليون "
    "دينار، وذلك خلال زيارة عمل أدّاها إلى عدد من المعتمديات. وأكد الوزير أن المشاريع تشمل الطرقات والمستشفيات "
    "والمدارس، وأن الأشغال ستنطلق خلال السنة المقبلة بعد استكمال الدراسات الفنية وموافقة البنك الدولي.\n"
    "وقال كمال الورغي إن الحكومة قررت تخصيص اعتمادات إضافية للمناطق الداخلية، مشيرا إلى أن عدد المستفيدين من "
    "هذه المشاريع يقدر بنحو 90 ألف ساكن. وأضاف أن الجهة عانت طويلا من نقص التجهيزات، وأن الوقت حان لتدارك "
    "التأخير. كما أفاد بأن لجنة جهوية ستتابع تقدم الأشغال كل ثلاثة أشهر، وستقدم تقاريرها إلى رئاسة الحكومة.\n"
    "وأوضح الوالي أن المشروع الأكبر يتعلق بتوسعة المستشفى الجامعي، وأن الطاقة الاستيعابية سترتفع إلى 600 سرير. "
    "وأشار إلى أن المواطنين طالبوا منذ سنوات بهذه التوسعة، وأن القرار جاء بعد اجتماعات متتالية مع الوزارة. "
    "وفي ختام الزيارة، التقى الوزير بممثلي المجتمع المدني الذين عبروا عن ارتياحهم، مطالبين باحترام الآجال "
    "وبإشراك الكفاءات المحلية في التنفيذ، ومؤكدين أن الجهة تنتظر منذ مدة طويلة مثل هذه القرارات."
)
ARTICLES = [
    {"id": "b1", "category": "politic",
     "title": "الوزير كمال الورغي يعلن في صفاقس عن 12 مشروعا جديدا بتمويل من البنك الدولي",
     "body": _LONG},
    {"id": "b2", "category": "society",
     "title": "القيروان: إيقاف 4 أشخاص والمصادقة على خطة أمنية جديدة",
     "body": ("تمكنت وحدات الأمن بالقيروان يوم السبت من إيقاف 4 أشخاص يشتبه في تورطهم في سرقة محلات تجارية، "
              "وفق ما أفاد به مصدر أمني. وأضاف المصدر أن الموقوفين اعترفوا بارتكاب 7 عمليات سرقة خلال الشهر "
              "الماضي.\nوقد صادق المجلس الجهوي للأمن على خطة جديدة لتكثيف الدوريات في الأحياء التجارية، "
              "وأكد الوالي أن الخطة ستدخل حيز التنفيذ بداية من الأسبوع القادم بعد استكمال الترتيبات.")},
    {"id": "b3", "category": "economy",
     "title": "وزيرة التجارة سنية الدريدي تؤكد استقرار الأسعار في تونس",
     "body": ("أكدت وزيرة التجارة سنية الدريدي يوم الإثنين أن أسعار المواد الأساسية ستبقى مستقرة خلال شهر "
              "رمضان، مشيرة إلى أن الوزارة وفرت مخزونا كافيا من الحليب والسكر والزيت بلغ 25 ألف طن. وقالت الوزيرة "
              "إن فرق المراقبة الاقتصادية حررت 300 مخالفة خلال الأسبوع الماضي في تونس وعدد من الولايات.\n"
              "ودعت الوزيرة المواطنين إلى الإبلاغ عن أي تجاوزات عبر الرقم الأخضر، مؤكدة أن الوزارة لن تتسامح "
              "مع المحتكرين وأن العقوبات ستكون صارمة في حق المخالفين.")},
]


def _cases(per_kind: int = 3, seeds=range(6)):
    out = []
    for seed in seeds:
        out += measure.build(ARTICLES, per_kind=per_kind, seed=seed)
    return out


@pytest.fixture(scope="module")
def cases():
    return _cases()


def test_every_kind_and_lookalike_makes_cases(cases):
    made = {c.kind for c in cases}
    assert set(KINDS) | set(LOOKALIKES) <= made, sorted(set(KINDS) | set(LOOKALIKES) - made)


def test_defect_labels_are_well_formed(cases):
    for c in cases:
        if c.is_trap:
            continue
        lab = c.label
        family, set_kind, _inj = KINDS[c.kind]
        assert lab["check"] == family and lab["kind"] == set_kind in VOCABULARY[family], c.kind
        assert lab["difficulty"] in ("easy", "medium", "hard")
        if family == "consistency":
            assert lab["title_text"] and lab["title_text"] in c.title, (c.kind, lab)
            assert lab["body_text"] in c.body, (c.kind, lab)
        else:
            text = c.title if lab["field"] == "title" else c.body
            assert lab["field"] in ("title", "body") and lab["text"] and lab["text"] in text, (c.kind, lab)
        # every target the scorer will look for lies inside the text it names
        targets = spans.targets_of(lab, c.title, c.body)
        assert targets, (c.kind, lab)
        for field, (s, e) in targets:
            assert 0 <= s < e <= len(c.title if field == "title" else c.body)


def test_repetition_labels_say_what_repeats(cases):
    for c in cases:
        if c.is_trap or KINDS[c.kind][0] != "repetition":
            continue
        lab, body = c.label, c.body
        if lab["kind"] in ("duplicated_sentence", "duplicated_paragraph"):
            assert body.count(lab["text"]) >= 2
        if lab["kind"] == "duplicated_paragraph":
            assert body.split("\n").count(lab["text"]) >= 2
        if lab["kind"] == "overused_phrase":
            assert 2 <= len(lab["text"].split()) <= 4 and body.count(lab["text"]) >= 5
        if lab["kind"] == "repeated_opener":
            assert body.count(lab["text"]) >= 3
        if lab["kind"] in ("near_duplicate_sentence", "restated_fact"):
            assert lab["duplicate_of"] in body and lab["duplicate_of"] != lab["text"]


def test_consistency_cases_change_the_title_and_keep_the_body_claim(cases):
    originals = {a["title"]: a for a in ARTICLES}
    for c in cases:
        if c.is_trap or KINDS[c.kind][0] != "consistency":
            continue
        assert c.title not in originals, c.kind  # the title now says something else
        if c.label["body_text"] and c.kind not in ("count_vs_items", "count_people_meeting", "score_digits_words"):
            original = next(a for a in ARTICLES if str(a["id"]) == c.article)
            assert c.label["body_text"] in original["body"]  # the body's claim is the article's own


def test_lookalike_traps_are_well_formed(cases):
    for c in cases:
        if not c.is_trap:
            continue
        t = c.label
        assert t["not"] == LOOKALIKES[c.kind][0] and t["why"]
        assert t["field"] in ("title", "body") and t["text"] in (c.title if t["field"] == "title" else c.body)


def test_build_is_deterministic_for_a_seed():
    a = [(c.name, c.title, c.body, json.dumps(c.label, ensure_ascii=False)) for c in measure.build(ARTICLES, 2, 3)]
    b = [(c.name, c.title, c.body, json.dumps(c.label, ensure_ascii=False)) for c in measure.build(ARTICLES, 2, 3)]
    assert a == b


def test_trap_hit_follows_the_score_rule():
    report = {"title": "t", "body": "اتصل بالرقم 98XXXXXX الآن",
              "findings": [{"check": "placeholder", "severity": "warning", "rule": "placeholder.x", "field": "body",
                            "start": 12, "end": 20}]}
    trap = {"not": "placeholder", "field": "body", "text": "98XXXXXX", "why": "example"}
    assert measure.trap_hit(trap, report)
    report["findings"][0]["severity"] = "info"  # info is not an alarm
    assert not measure.trap_hit(trap, report)
    report["findings"][0].update(severity="error", check="repetition")
    assert not measure.trap_hit(trap, report)


def test_held_out_uses_the_harness_split():
    rows = [{"id": i, "category": c, "title": "t", "body": "b"} for i, c in enumerate(
        ["politic", "economy", "sport", "culture", "society", "internationalNews", "technology", "diverse",
         "localNews"])]
    got = {r["category"] for r in measure.held_out(rows)}
    from quality.split import HOLDOUT, split_categories
    cats = split_categories([r["category"] for r in rows])
    assert got == {c for c, s in cats.items() if s == HOLDOUT} and got


def test_the_drafts_labels_stand_in_their_files():
    folder = Path(measure.DRAFTS)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(p.name for p in folder.glob("*.txt")) and len(labels) >= 12
    clean = [n for n, lab in labels.items() if lab["clean"]]
    assert len(clean) >= 2
    for name, lab in labels.items():
        raw = (folder / name).read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        assert lab["clean"] is (not lab["defects"])
        for d in lab["defects"]:
            assert d["kind"] in VOCABULARY[d["check"]]
            assert measure.label_present(d, title, body.rstrip("\n")), (name, d)
        for t in lab["traps"]:
            assert t["text"] in (title if t["field"] == "title" else body), (name, t)
