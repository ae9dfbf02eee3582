"""The measuring harness's pure parts (quality/): span matching, the splits, the injectors. No ../shared needed."""

from __future__ import annotations

import random

import pytest

from quality import harness, shared, spans
from quality.inject import KINDS, paragraphs, sentences
from quality.split import HOLDOUT, TUNE, split_categories, split_items

# our own short articles in the shape of real-dev rows (not taken from any corpus)
ARTICLES = [
    {
        "id": f"x{i}",
        "category": cat,
        "title": title,
        "body": body,
    }
    for i, (cat, title, body) in enumerate([
        ("sport", "الترجي يفوز على النجم الساحلي في سوسة ويتصدر بـ 30 نقطة",
         ("فاز الترجي على النجم الساحلي يوم الأحد في سوسة بهدفين مقابل هدف ليرفع رصيده إلى 30 نقطة. "
         "وقال المدرب محمد العياري إن الفريق قدم مباراة كبيرة أمام منافس قوي.\n"
         "وأضاف العياري أن اللاعبين أظهروا روحا عالية خلال الشوط الثاني، مؤكدا أن الهدف هو اللقب. "
         "كما أشار إلى أن الإصابات أثرت على التشكيلة في الأسابيع الأخيرة، وأن الجهاز الطبي يعمل بلا توقف.")),
        ("economy", "ارتفاع صادرات زيت الزيتون بنسبة 12 بالمائة",
         ("سجلت صادرات زيت الزيتون ارتفاعا بنسبة 12 بالمائة خلال الأشهر الخمسة الأولى من السنة، وفق ما أعلنه "
         "المرصد الوطني للفلاحة يوم الخميس. وأكد المرصد أن الكميات المصدرة بلغت 95 ألف طن.\n"
         "وأوضح التقرير أن الأسواق الأوروبية استوعبت الجزء الأكبر من الصادرات، في حين تطورت المبيعات نحو "
         "أمريكا الشمالية. وقال وزير الفلاحة سمير الطيب إن الموسم القادم يبشر بصابة جيدة، مشيرا إلى "
         "تحسن التساقطات في عدد من الولايات.")),
        ("politic", "وزير الخارجية كمال الجهيناوي يستقبل سفير فرنسا بتونس",
         ("استقبل وزير الخارجية كمال الجهيناوي يوم الثلاثاء سفير فرنسا بتونس، وتناول اللقاء العلاقات الثنائية "
         "وسبل دعمها. وأكد الوزير حرص تونس على تطوير التعاون مع فرنسا في مختلف المجالات.\n"
         "وأشار السفير إلى أن بلاده تدعم المسار الديمقراطي في تونس، مضيفا أن عددا من المشاريع المشتركة "
         "سينطلق خلال الأشهر القادمة. وقال الوزير إن الجانبين اتفقا على عقد اجتماع اللجنة المشتركة في "
         "باريس قبل نهاية السنة، كما اتفقا على تبادل الزيارات بين المسؤولين.")),
    ])
]


def test_occurrences_finds_overlapping_matches():
    assert spans.occurrences("ababa", "aba") == [(0, 3), (2, 5)]
    assert spans.occurrences("abc", "") == []


def test_a_finding_matches_when_it_overlaps_and_is_tight():
    target = [("body", (10, 15))]
    assert spans.hits({"field": "body", "start": 12, "end": 20}, target)
    # 4 * 5 + 10 = 30 characters at most
    assert spans.hits({"field": "body", "start": 0, "end": 30}, target)
    assert not spans.hits({"field": "body", "start": 0, "end": 31}, target)
    assert not spans.hits({"field": "title", "start": 10, "end": 15}, target)
    assert not spans.hits({"field": "body", "start": 15, "end": 20}, target)  # touching is not overlapping


def test_a_related_span_can_match():
    f = {"field": "title", "start": 0, "end": 50, "related": [{"field": "body", "start": 11, "end": 14}]}
    assert spans.hits(f, [("body", (10, 15))])


def test_found_needs_the_family_and_counts_the_earlier_wording_of_a_near_duplicate():
    report = {"title": "عنوان", "body": "جملة أولى. جملة ثانية.",
              "findings": [{"check": "repetition", "field": "body", "start": 0, "end": 10, "severity": "warning"}]}
    d = {"check": "repetition", "field": "body", "text": "جملة ثانية.", "duplicate_of": "جملة أولى."}
    assert spans.found(d, report)
    assert not spans.found({**d, "duplicate_of": None}, report)
    assert not spans.found({**d, "check": "placeholder"}, report)


def test_consistency_targets_are_the_title_and_the_body_text():
    d = {"check": "consistency", "title_text": "الأحد", "body_text": "الخميس"}
    assert spans.targets_of(d, "اجتماع الأحد", "انعقد الخميس") == [("title", (7, 12)), ("body", (6, 12))]


def test_category_split_is_deterministic_disjoint_and_covers_every_category():
    cats = ["sport", "economy", "politic", "culture", "society", "diverse", "technology", "localNews"]
    a, b = split_categories(cats, 8), split_categories(list(reversed(cats)), 8)
    assert a == b
    assert set(a) == set(cats)
    assert {TUNE, HOLDOUT} == set(a.values())
    assert split_categories(cats, 9) != a or split_categories(cats, 10) != a  # the seed matters


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_split_is_deterministic_disjoint_and_non_empty(kind):
    items = KINDS[kind][1]
    parts = split_items(kind, items, 8)
    assert parts == split_items(kind, items, 8)
    assert parts[TUNE] and parts[HOLDOUT]
    ids = {TUNE: {repr(x) for x in parts[TUNE]}, HOLDOUT: {repr(x) for x in parts[HOLDOUT]}}
    assert not ids[TUNE] & ids[HOLDOUT]
    assert len(parts[TUNE]) + len(parts[HOLDOUT]) == len(items)


def test_sentences_and_paragraphs():
    body = "جملة أولى فيها 2.5 مليون. جملة ثانية!\nفقرة ثانية بلا نقطة"
    got = [body[s:e] for s, e in sentences(body)]
    assert got == ["جملة أولى فيها 2.5 مليون.", "جملة ثانية!", "فقرة ثانية بلا نقطة"]
    quoted = 'وقال الوزير: "انتهى العمل. وسنبدأ غدا." ثم غادر. وعاد مساء.'
    assert [quoted[s:e] for s, e in sentences(quoted)] == ['وقال الوزير: "انتهى العمل. وسنبدأ غدا." ثم غادر.',
                                                            "وعاد مساء."]
    assert [body[s:e] for s, e in paragraphs(body)] == ["جملة أولى فيها 2.5 مليون. جملة ثانية!",
                                                         "فقرة ثانية بلا نقطة"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_injector_leaves_its_label_in_the_text(kind):
    family, items, injector = KINDS[kind]
    made = 0
    for seed in range(30):
        for a in ARTICLES:
            got = injector(a["title"], a["body"], random.Random(seed), items)
            if got is None:
                continue
            title, body, defect = got
            made += 1
            assert defect["check"] == family and defect["kind"] == kind
            assert harness._label_present(defect, title, body)
            assert (title, body) != (a["title"], a["body"])
            if family != "consistency":
                text = title if defect["field"] == "title" else body
                assert len(spans.occurrences(text, defect["text"])) >= (
                    5 if kind == "overused_phrase" else 3 if kind == "repeated_opener"
                    else 2 if kind.startswith("duplicated") else 1)
    assert made, f"no article of the fixture takes a {kind}"


def test_build_is_deterministic_and_the_splits_use_their_own_sections():
    articles = ARTICLES * 3
    a, cats = harness.build(articles, seed=8, per_kind=2)
    b, _ = harness.build(articles, seed=8, per_kind=2)
    assert [(d.name, d.title, d.body) for d in a] == [(d.name, d.title, d.body) for d in b]
    by_id = {x["id"]: x for x in ARTICLES}
    for d in a:
        assert cats[by_id[d.article]["category"]] == d.split


def test_a_missing_shared_folder_stops_with_a_clear_message(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        shared.need(tmp_path / "nothing-here")
    assert exc.value.code == 2
    assert "nothing-here is missing" in capsys.readouterr().err


def test_the_stored_judgements_are_well_formed_and_hold_no_corpus_text():
    from quality import precision

    judged = precision.load_judgements()
    assert judged, "quality/judgements.jsonl is empty"
    for k, j in judged.items():
        assert k == j["key"] and len(k) == 20
        assert j["verdict"] in ("true", "false") and j["reason"].strip()
        assert set(j) == {"key", "article", "rule", "field", "start", "end", "verdict", "reason"}
        assert j["rule"].split(".", 1)[0] in harness.FAMILIES


def test_a_judgement_key_depends_on_every_part():
    from quality.precision import key

    base = key("a1", "repetition.doubled_word", "body", "في في")
    assert len({base, key("a2", "repetition.doubled_word", "body", "في في"),
                key("a1", "repetition.overused_phrase", "body", "في في"),
                key("a1", "repetition.doubled_word", "title", "في في"),
                key("a1", "repetition.doubled_word", "body", "من من")}) == 5


def test_the_docs_block_is_generated_from_the_figures(tmp_path):
    from collections import Counter

    from quality import report

    table = {(s, k): [1, 2] for s in ("tune", "holdout") for k in KINDS}
    by_rule = {("tune", "placeholder.filler_marker"): Counter({"filler_marker": 1})}
    fa = {s: (3, 1000, 2, 10, Counter({"consistency.topic_absent": 3})) for s in ("tune", "holdout")}
    dev = {"kinds": {("placeholder", "filler_marker"): (2, 2), ("repetition", "doubled_word"): (1, 1)},
           "summary": "recall ...", "command": "score.py dev", "by_rule": Counter({"placeholder.filler_marker": 2})}
    res = {"harness": ((table, by_rule), fa, {"sport": "tune", "economy": "holdout"}), "per_kind": 2,
           "harness_cmd": "h", "precision_cmd": "p", "drafts": {"tune": dev, "holdout": dev}, "dev": dev,
           "precision": {"consistency.topic_absent": (3, 3, 0, 0), "placeholder.filler_marker": (1, 1, 1, 0)},
           "fp": ("real news: 0.30 alarms per 1,000 words", "fp"), "swap": ("title swap: 97%", "swap"),
           "ans": ("stance pairs: 14%", "ans")}
    doc = tmp_path / "q.md"
    doc.write_text("# Title\n\nhand-written text\n", encoding="utf-8")
    report.write_docs(str(doc), res)
    first = doc.read_text(encoding="utf-8")
    assert "hand-written text" in first and first.count(report.START) == 1
    assert "| `consistency.topic_absent` | warning | 3 | **0/3 = 0.00** (fewer than 10 judged) |" in first
    assert "Rules under 0.80 that still report a warning or an error" in first
    assert "| placeholder / filler_marker | 1/2 = 0.50 | 1/2 = 0.50 | 2/2 = 1.00 | 2/2 = 1.00 | 2/2 = 1.00 |" in first
    assert "| repetition / doubled_word | not injected |" in first
    assert "| consistency / negation | 1/2 = 0.50 | 1/2 = 0.50 | under polarity_mismatch |" in first
    assert "| `placeholder.filler_marker` | error | 1 | 1/1 = 1.00 | 1 / 0 | filler_marker | 2 / 2 | 2 |" in first
    report.write_docs(str(doc), res)  # the generated block is replaced, not appended
    assert doc.read_text(encoding="utf-8").count(report.START) == 1


def test_caught_by_rule_counts_the_rules_whose_findings_match_a_label(tmp_path):
    import json

    from quality import report

    labels = {"01-a.txt": {"clean": False, "defects": [
        {"check": "placeholder", "kind": "filler_marker", "field": "body", "text": "XXX", "difficulty": "easy"}]}}
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    findings = [{"check": "placeholder", "rule": "placeholder.filler_marker", "field": "body", "start": 5, "end": 8},
                {"check": "placeholder", "rule": "placeholder.editor_note", "field": "body", "start": 0, "end": 40}]
    rep = tmp_path / "rep.json"
    rep.write_text(json.dumps([{"file": "/x/01-a.txt", "title": "t", "body": "بلغ  XXX دينار", "findings": findings}]),
                   encoding="utf-8")
    assert report.caught_by_rule(str(tmp_path), str(rep)) == {"placeholder.filler_marker": 1}


@pytest.mark.parametrize("argv", [[], ["--tune"]])
def test_make_quality_stops_with_exit_status_2_when_the_shared_folder_is_missing(argv, tmp_path, monkeypatch, capsys):
    from quality import report

    monkeypatch.setattr(shared, "REAL_DEV", tmp_path / "missing" / "jawharafm.jsonl")
    with pytest.raises(SystemExit) as exc:
        report.main(argv)
    assert exc.value.code == 2
    assert "is missing" in capsys.readouterr().err


def test_a_checker_with_internal_errors_stops_the_measurement(monkeypatch, capsys):
    import json
    import subprocess

    def fake_run(*args, **kwargs):
        reports = [{"file": "a.txt", "title": "", "body": "", "findings": [], "errors": ["consistency: ImportError"]}]
        return subprocess.CompletedProcess(args, 0, stdout=json.dumps(reports), stderr="")

    monkeypatch.setattr(shared.subprocess, "run", fake_run)
    with pytest.raises(SystemExit) as exc:
        shared.run_files(["a.txt"])
    assert exc.value.code == 3
    assert "internal errors on 1 of 1 drafts" in capsys.readouterr().err
