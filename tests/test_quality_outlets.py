"""quality.outlets: swapped titles come from the same outlet and section, and the per-outlet figures print."""

import json

from quality import outlets

SPORT = [("الترجي يفوز على النجم في الدربي", "فاز الترجي على النجم الساحلي بهدفين دون رد في الدربي " * 8),
         ("الإفريقي يتعادل مع الصفاقسي", "تعادل النادي الإفريقي مع النادي الصفاقسي بهدف لمثله في الجولة " * 8)]
ECONOMY = [("ارتفاع صادرات التمور", "ارتفعت صادرات التمور التونسية بنسبة عشرين في المئة منذ بداية الموسم " * 8),
           ("تراجع العجز التجاري", "تراجع عجز الميزان التجاري خلال الأشهر الثلاثة الأولى من السنة الجارية " * 8)]


def _rows():
    rows = [{"outlet": "A", "category": "sport", "title": t, "body": b} for t, b in SPORT]
    rows += [{"outlet": "A", "category": "economy", "title": t, "body": b} for t, b in ECONOMY]
    rows += [{"outlet": "B", "category": "sport", "title": "عنوان وحيد", "body": "نص " * 100}]  # alone: no swap
    return rows


def test_a_swapped_title_comes_from_another_story_of_the_same_outlet_and_section():
    by_outlet = outlets.pairs(_rows(), n=10, seed=3)
    assert set(by_outlet) == {"A"}
    sections = {t: s for s, pairs in (("sport", SPORT), ("economy", ECONOMY)) for t, _ in pairs}
    for title, other, body in by_outlet["A"]:
        assert other != title and sections[other] == sections[title]
        assert (title, body) in SPORT + ECONOMY


def test_the_command_prints_each_outlet_and_the_tune_and_report_totals(tmp_path, capsys):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _rows()), encoding="utf-8")
    outlets.main(["--data", str(path), "--tune", "A"])
    out = capsys.readouterr().out
    assert "[tune  ] A" in out and "swaps caught" in out and "tune     n=    4" in out
