"""The API contract a CMS integrator relies on: fields it cannot write are refused by name, a created draft has a
``Location``, and every time is in UTC."""

from __future__ import annotations

from datetime import datetime

import pytest

from editorial.models import Draft

from .conftest import BODY, TITLE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("extra", [{"status": "published"}, {"titel": "عنوان"}, {"id": 5, "revision": 9}])
def test_a_submission_with_a_read_only_or_unknown_field_is_refused_naming_it(submit, extra):
    r = submit(**extra)
    assert r.status_code == 400, r.json()
    assert set(r.json()["fields"]) == set(extra)
    assert not Draft.objects.exists()


def test_an_edit_may_send_the_external_id_unchanged_but_not_change_it(submit, cms_a):
    draft_id = submit().json()["id"]
    url = f"/api/v1/drafts/{draft_id}/"
    r = cms_a.patch(url, {"external_id": "story-2", "title": "عنوان آخر", "base_revision": 1}, format="json")
    assert r.status_code == 400 and set(r.json()["fields"]) == {"external_id"}
    assert Draft.objects.get(pk=draft_id).external_id == "story-1"
    r = cms_a.patch(url, {"external_id": "story-1", "status": "approved", "base_revision": 1}, format="json")
    assert r.status_code == 400 and set(r.json()["fields"]) == {"status"}
    assert Draft.objects.get(pk=draft_id).status == "draft"
    r = cms_a.patch(url, {"external_id": "story-1", "title": "عنوان آخر للخبر", "base_revision": 1}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["title"] == "عنوان آخر للخبر" and r.json()["external_id"] == "story-1"


def test_transitions_dismissals_and_checks_refuse_unknown_fields(submit, cms_a):
    draft_id = submit().json()["id"]
    r = cms_a.post(f"/api/v1/drafts/{draft_id}/transitions/", {"action": "submit", "coment": "x"}, format="json")
    assert r.status_code == 400 and set(r.json()["fields"]) == {"coment"}
    assert Draft.objects.get(pk=draft_id).status == "draft"
    r = cms_a.post("/api/v1/check/", {"title": TITLE, "body": BODY, "language": "ar"}, format="json")
    assert r.status_code == 400 and set(r.json()["fields"]) == {"language"}


def test_a_created_draft_answers_with_its_location_and_a_revision_without(submit):
    created = submit()
    assert created.status_code == 201
    assert created["Location"] == f"http://testserver/api/v1/drafts/{created.json()['id']}/"
    revised = submit(body=BODY + " جديد")
    assert revised.status_code == 200 and "Location" not in revised


def test_api_times_are_utc_whatever_the_newsroom_time_zone(submit, cms_a, settings):
    settings.TIME_ZONE = "Asia/Kuwait"
    draft_id = submit().json()["id"]
    data = cms_a.get(f"/api/v1/drafts/{draft_id}/").json()
    listed = cms_a.get("/api/v1/drafts/").json()["results"][0]
    stored = Draft.objects.get(pk=draft_id)
    for text, expected in ((data["created_at"], stored.created_at), (data["updated_at"], stored.updated_at),
                           (listed["updated_at"], stored.updated_at)):
        shown = datetime.fromisoformat(text)
        assert shown.utcoffset().total_seconds() == 0, text
        assert shown == expected
