"""Drafts over the API: create, revise idempotently, read, list, and only ever one's own."""

from __future__ import annotations

import pytest

from editorial.models import Draft, Revision

from .conftest import BODY, BODY_WITH_PLACEHOLDER, PLACEHOLDER, TITLE

pytestmark = pytest.mark.django_db


def test_it_creates_a_draft_and_answers_with_its_report(submit, api_client_a):
    r = submit(body=BODY_WITH_PLACEHOLDER, desk="محليات", author_name="سارة", metadata={"section": "health"})
    assert r.status_code == 201, r.json()
    data = r.json()
    assert data["created"] is True and data["revision_created"] is True
    assert data["status"] == "draft" and data["revision"] == 1
    assert data["body_text"] == BODY_WITH_PLACEHOLDER
    assert data["desk"] == "محليات" and data["metadata"] == {"section": "health"}
    draft = Draft.objects.get(pk=data["id"])
    assert draft.api_client == api_client_a and draft.external_id == "story-1"
    finding = next(f for f in data["report"]["findings"] if f["rule"].startswith("placeholder."))
    assert finding["text"] == PLACEHOLDER
    assert data["body_text"][finding["start"]:finding["end"]] == PLACEHOLDER
    assert finding["dismissed"] is False and finding["dismissal"] is None and finding["id"]
    assert {a["action"] for a in data["actions"]} == {"submit"}


def test_it_makes_no_revision_when_the_same_content_comes_again(submit):
    first = submit().json()
    again = submit()
    assert again.status_code == 200
    assert again.json()["revision_created"] is False and again.json()["created"] is False
    assert again.json()["id"] == first["id"] and again.json()["revision"] == 1
    assert Revision.objects.filter(draft_id=first["id"]).count() == 1


def test_it_makes_a_new_revision_for_new_content_under_the_same_external_id(submit):
    first = submit().json()
    r = submit(body=BODY + "\n\nفقرة جديدة.")
    assert r.status_code == 200
    assert r.json()["id"] == first["id"] and r.json()["revision"] == 2 and r.json()["revision_created"] is True


def test_it_creates_a_new_draft_each_time_without_an_external_id(submit):
    a = submit(external_id="").json()
    b = submit(external_id="").json()
    assert a["id"] != b["id"]


def test_the_same_external_id_from_two_clients_makes_two_drafts(submit, cms_b):
    a = submit().json()
    b = submit(client=cms_b)
    assert b.status_code == 201 and b.json()["id"] != a["id"]


def test_it_reads_a_draft_with_report_actions_and_history(submit, cms_a):
    draft_id = submit().json()["id"]
    cms_a.post(f"/api/v1/drafts/{draft_id}/transitions/", {"action": "submit"}, format="json")
    r = cms_a.get(f"/api/v1/drafts/{draft_id}/")
    assert r.status_code == 200
    data = r.json()
    assert data["status"] == "in_review" and data["report"]["revision"] == 1
    assert [(e["action"], e["from_status"], e["to_status"]) for e in data["history"]] == [
        ("submit", "draft", "in_review")]
    assert data["history"][0]["actor"].startswith("API: ")
    assert data["actions"] == []


def test_it_lists_only_the_clients_own_drafts(submit, cms_a, cms_b):
    mine = submit().json()["id"]
    submit(client=cms_b, external_id="theirs")
    r = cms_a.get("/api/v1/drafts/")
    assert r.status_code == 200
    assert [d["id"] for d in r.json()["results"]] == [mine]
    assert r.json()["count"] == 1


@pytest.mark.parametrize(("query", "expected"), [
    ("status=draft", {"one", "two"}),
    ("status=in_review", {"three"}),
    ("desk=sport", {"two"}),
    ("external_id=one", {"one"}),
    ("updated_since=2000-01-01T00:00:00Z", {"one", "two", "three"}),
    ("updated_since=2999-01-01T00:00:00Z", set()),
    # Offsets Python accepts but PostgreSQL refuses in a literal (past ±15:59) are compared in UTC.
    ("updated_since=2000-01-01T00:00:00%2B19:09", {"one", "two", "three"}),
    ("updated_since=7792-05-08T01:46:11-19:09", set()),
])
def test_it_filters_the_list(submit, cms_a, query, expected):
    submit(external_id="one")
    submit(external_id="two", desk="sport", body=BODY + " ٢")
    three = submit(external_id="three", body=BODY + " ٣").json()["id"]
    cms_a.post(f"/api/v1/drafts/{three}/transitions/", {"action": "submit"}, format="json")
    r = cms_a.get(f"/api/v1/drafts/?{query}")
    assert r.status_code == 200
    assert {d["external_id"] for d in r.json()["results"]} == expected


@pytest.mark.parametrize("query", ["status=nonsense", "updated_since=yesterday", "desk=%00"])
def test_it_refuses_bad_filters_with_400(cms_a, query):
    r = cms_a.get(f"/api/v1/drafts/?{query}")
    assert r.status_code == 400 and r.json()["code"] == "invalid"


def test_it_paginates(submit, cms_a):
    for i in range(3):
        submit(external_id=f"p{i}", body=BODY + f" {i}")
    r = cms_a.get("/api/v1/drafts/?page_size=2")
    assert r.json()["count"] == 3 and len(r.json()["results"]) == 2 and r.json()["next"]
    assert cms_a.get("/api/v1/drafts/?page=9").status_code == 404


def test_a_second_client_cannot_see_or_touch_the_first_ones_draft(submit, cms_b):
    data = submit(body=BODY_WITH_PLACEHOLDER).json()
    draft_id, finding_id = data["id"], data["report"]["findings"][0]["id"]
    calls = [
        cms_b.get(f"/api/v1/drafts/{draft_id}/"),
        cms_b.put(f"/api/v1/drafts/{draft_id}/", {"title": "x", "body": "y"}, format="json"),
        cms_b.patch(f"/api/v1/drafts/{draft_id}/", {"title": "x"}, format="json"),
        cms_b.post(f"/api/v1/drafts/{draft_id}/transitions/", {"action": "submit"}, format="json"),
        cms_b.post(f"/api/v1/drafts/{draft_id}/findings/{finding_id}/dismiss/", {"kind": "false_alarm"}, format="json"),
    ]
    assert [c.status_code for c in calls] == [404] * 5
    assert all(c.json()["code"] == "not_found" for c in calls)
    assert Draft.objects.get(pk=draft_id).status == "draft"


def test_it_cannot_reach_a_newsroom_draft_made_in_the_browser(draft, cms_a):
    assert cms_a.get(f"/api/v1/drafts/{draft.pk}/").status_code == 404


def test_put_makes_a_new_revision_by_id(submit, cms_a):
    draft_id = submit().json()["id"]
    r = cms_a.put(f"/api/v1/drafts/{draft_id}/", {"title": TITLE, "body": BODY + " جديد", "base_revision": 1},
                  format="json")
    assert r.status_code == 200 and r.json()["revision"] == 2 and r.json()["revision_created"] is True


def test_patch_keeps_the_body_when_only_the_title_changes(submit, cms_a):
    draft_id = submit().json()["id"]
    r = cms_a.patch(f"/api/v1/drafts/{draft_id}/", {"title": "عنوان آخر للخبر نفسه", "base_revision": 1},
                    format="json")
    assert r.status_code == 200 and r.json()["title"] == "عنوان آخر للخبر نفسه"
    assert r.json()["body_text"] == BODY and r.json()["revision"] == 2


def test_patch_with_metadata_only_creates_no_revision(submit, cms_a):
    draft_id = submit().json()["id"]
    r = cms_a.patch(f"/api/v1/drafts/{draft_id}/", {"metadata": {"k": "v"}, "base_revision": 1}, format="json")
    assert r.status_code == 200 and r.json()["revision_created"] is False and r.json()["metadata"] == {"k": "v"}


def test_a_new_revision_of_an_approved_draft_goes_back_to_review(submit, cms_a, reviewer):
    from editorial import services

    draft_id = submit().json()["id"]
    draft = Draft.objects.get(pk=draft_id)
    services.draft_transition(draft=draft, action="submit", client=draft.api_client)
    services.draft_transition(draft=draft, action="approve", user=reviewer)
    r = submit(body=BODY + " تعديل")
    assert r.status_code == 200 and r.json()["status"] == "in_review"
