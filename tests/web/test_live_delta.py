"""The live check sends only what changed: the body in pieces cut at paragraph breaks no mark crosses (joined,
exactly the whole highlight), findings keyed by fingerprint with their offsets apart, the list by digest."""

import pytest
from django.urls import reverse

from editorial.checks import check_draft
from editorial.models import Finding
from editorial.web import findings as fnd
from editorial.web.highlight import highlight, highlight_parts

pytestmark = pytest.mark.django_db

LIVE = reverse("editorial:check_live")
TITLE = "افتتاح معرض الكتاب في الرباط"
PARAGRAPHS = [
    "افتتح وزير الثقافة معرض الكتاب في الرباط يوم [التاريخ] بمشاركة مئات الناشرين.",
    "وقال الوزير الوزير إن المعرض يضم أجنحة من أربعين دولة عربية وأجنبية.",
    "ويستمر المعرض عشرة أيام، وتقام على هامشه ندوات وأمسيات شعرية.",
    "وأكد منظمون أن عدد الزوار المتوقع يفوق نصف مليون زائر هذا العام.",
]
BODY = "\n\n".join(PARAGRAPHS)


def _post(client, body, held=None):
    data = {"title": TITLE, "body": body, "delta": "1"}
    if held:
        data.update(held)
    return client.post(LIVE, data).json()


def _held(answer):
    return {"parts": ",".join(d for d, _html in answer["body_parts"]),
            "known": ",".join(f"{row[0]}:{row[1]}" for row in answer["finding_keys"]),
            "list": answer["list_digest"]}


def test_the_pieces_join_into_the_whole_highlight_and_no_mark_is_cut():
    report = check_draft(TITLE, BODY)
    shown = [fnd.from_engine(i, f) for i, f in enumerate(report.findings)]
    fnd.link_related(shown)
    parts = highlight_parts(BODY, "body", shown)
    assert len(parts) == 4 and "".join(parts) == str(highlight(BODY, "body", shown))
    assert all(p.count("<mark") == p.count("</mark>") for p in parts)


def test_a_mark_across_a_paragraph_break_keeps_those_paragraphs_in_one_piece():
    row = Finding(family="repetition", rule="repetition.duplicated_paragraph", severity="error", field="body",
                  start=10, end=len(PARAGRAPHS[0]) + 10, text="", message="")
    shown = [fnd.Shown(row, key="x")]
    parts = highlight_parts(BODY, "body", shown)
    assert len(parts) == 3 and "".join(parts) == str(highlight(BODY, "body", shown))


def test_after_a_one_word_edit_only_the_edited_paragraph_and_changed_findings_are_sent(login, writer):
    client = login(writer)
    first = _post(client, BODY)
    assert all(html is not None for _d, html in first["body_parts"]) and first["list_html"]
    assert {f["rule"] for f in first["findings"]} >= {"placeholder.bracket_instruction", "repetition.doubled_word"}
    edited = BODY.replace("عشرة أيام", "أحد عشر يوماً")
    second = _post(client, edited, _held(first))
    sent = [html for _d, html in second["body_parts"] if html is not None]
    assert len(sent) == 1 and "أحد عشر يوماً" in sent[0]
    assert second["findings"] == [] and second["list_html"] is None  # same findings: keys and digests only
    doubled = next(row for row in second["finding_keys"] if row[0] == next(
        f["key"] for f in first["findings"] if f["rule"] == "repetition.doubled_word"))
    assert doubled[2] == edited.index("الوزير الوزير")  # offsets travel in the key list


def test_a_new_finding_is_sent_alone_with_the_list(login, writer):
    client = login(writer)
    first = _post(client, BODY)
    edited = BODY.replace("تقام على هامشه", "تقام على على هامشه")
    second = _post(client, edited, _held(first))
    assert [f["rule"] for f in second["findings"]] == ["repetition.doubled_word"]
    assert second["list_html"] and len([h for _d, h in second["body_parts"] if h is not None]) == 1


def test_without_delta_the_whole_answer_comes_as_before(login, writer):
    data = login(writer).post(LIVE, {"title": TITLE, "body": BODY}).json()
    assert "body_html" in data and "body_parts" not in data and len(data["findings"]) >= 2
