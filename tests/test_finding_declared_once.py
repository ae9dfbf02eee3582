"""The finding is declared once (``checks.types.Finding``/``Span``): every face of it — the model, the API's
serializers and answers, the desk's view and its JSON — has every declared field, related spans included, with
code-point and UTF-16 offsets."""

from __future__ import annotations

import dataclasses

import pytest

from editorial import services
from editorial.api import serializers as s
from editorial.checks import check_draft, types
from editorial.models import Finding
from editorial.web import findings as fnd

TITLE = "افتتاح مستشفى الجهراء"
# The emoji counts twice in UTF-16: the related span's offsets differ in the two units.
BODY = ("افتتح الوزير 🏥 المستشفى اليوم.\n\nقال الوزير إن المستشفى جاهز للعمل.\n\n"
        "وأضاف أن الخدمات متاحة.\n\nقال الوزير إن المستشفى جاهز للعمل.")


def faces_missing(finding_fields: tuple[str, ...], span_fields: tuple[str, ...]) -> dict[str, list[str]]:
    """For each face that is declared (not computed from the tuples), the declared fields it lacks."""
    columns = {f.name for f in Finding._meta.get_fields()}
    faces = {
        "model": [n for n in finding_fields if Finding.column(n) not in columns],
        "FindingSerializer": [n for n in finding_fields if n not in s.FindingSerializer().fields],
        "SpanSerializer": [n for n in span_fields if n not in s.SpanSerializer().fields],
    }
    return {face: missing for face, missing in faces.items() if missing}


def test_the_declared_tuples_are_the_dataclasses_fields():
    assert types.FINDING_FIELDS == tuple(f.name for f in dataclasses.fields(types.Finding))
    assert types.SPAN_FIELDS == tuple(f.name for f in dataclasses.fields(types.Span))
    assert {"start_utf16", "end_utf16"} <= set(types.SPAN_FIELDS)


def test_every_face_has_every_declared_field():
    assert faces_missing(types.FINDING_FIELDS, types.SPAN_FIELDS) == {}


def test_a_field_added_to_the_declaration_but_not_to_a_face_fails(monkeypatch):
    """The check above can fail: a new declared field the model and the serializers do not have is reported."""
    monkeypatch.setattr(types, "FINDING_FIELDS", (*types.FINDING_FIELDS, "confidence"))
    monkeypatch.setattr(types, "SPAN_FIELDS", (*types.SPAN_FIELDS, "paragraph"))
    assert faces_missing(types.FINDING_FIELDS, types.SPAN_FIELDS) == {
        "model": ["confidence"], "FindingSerializer": ["confidence"], "SpanSerializer": ["paragraph"]}


def _related_finding(findings):
    return next(f for f in findings if f["related"])


def _assert_complete(finding: dict, body: str) -> None:
    assert set(types.FINDING_FIELDS) <= set(finding)
    for span in finding["related"]:
        assert set(span) == set(types.SPAN_FIELDS)
        assert body[span["start"]:span["end"]] == span["text"]
        # UTF-16: the emoji before the span counts twice.
        assert span["start_utf16"] == len(body[:span["start"]].encode("utf-16-le")) // 2 == span["start"] + 1
        assert span["end_utf16"] - span["start_utf16"] == span["end"] - span["start"]


def test_the_engine_report_gives_related_spans_utf16_offsets():
    report = check_draft(TITLE, BODY)
    _assert_complete(_related_finding([f.as_dict() for f in report.findings]), BODY)


def test_a_stored_finding_is_the_engine_finding_with_its_id():
    report = check_draft(TITLE, BODY)
    for f in report.findings:
        stored = Finding.from_engine(f).as_dict()
        assert stored.pop("id") is None and stored == f.as_dict()


@pytest.mark.django_db
def test_the_api_answers_every_declared_field_for_stored_and_checked_findings(api_client_a):
    from rest_framework.test import APIClient

    from editorial.api.services import api_key_create

    _key, raw = api_key_create(client=api_client_a)
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    stored = http.post("/api/v1/drafts/", {"title": TITLE, "body": BODY}, format="json").json()
    _assert_complete(_related_finding(stored["report"]["findings"]), BODY)
    read = http.get(f"/api/v1/drafts/{stored['id']}/").json()
    _assert_complete(_related_finding(read["report"]["findings"]), BODY)
    checked = http.post("/api/v1/check/", {"title": TITLE, "body": BODY}, format="json").json()
    _assert_complete(_related_finding(checked["findings"]), BODY)


def test_the_desk_view_reads_every_declared_field_from_the_finding(writer):
    draft = services.draft_create(title=TITLE, body_text=BODY, user=writer)
    stored = [fnd.from_model(f) for f in Finding.objects.filter(check_run__revision__draft=draft)]
    live = [fnd.from_engine(i, f) for i, f in enumerate(check_draft(TITLE, BODY).findings)]
    for shown in stored + live:
        for name in types.FINDING_FIELDS:
            assert getattr(shown, Finding.column(name)) == getattr(shown.finding, Finding.column(name))
        assert set(types.FINDING_FIELDS) - {"related"} <= set(shown.as_json())  # related: marks in the text
    _assert_complete(_related_finding([{**f.as_json(), "related": f.related} for f in live]), BODY)
