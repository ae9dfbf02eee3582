"""Lost work and bypassed review (issue 9): stale edits, read-only published drafts, reopening with a reason.

Each rule is shown on the service, on the desk (the editor keeps their text and sees the diff) and on the API.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from editorial import review, services
from editorial.models import Draft

CLEAN = {"EDITORIAL_CHECKS": {"disabled": ["placeholder", "repetition", "consistency"]}}
PARA_A = "أضاف المحرر الأول فقرة عن موعد افتتاح الجناح الجديد."
PARA_B = "أضاف المحرر الثاني فقرة عن عدد الأسرة في قسم الطوارئ."


@pytest.fixture
def published(draft, writer, reviewer, publisher, settings):
    settings.EDITORIAL_CHECKS = CLEAN["EDITORIAL_CHECKS"]
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="approve", user=reviewer)
    services.draft_transition(draft=draft, action="publish", user=publisher)
    draft.refresh_from_db()
    return draft


# --- the service ----------------------------------------------------------------------------------------------

def test_two_edits_made_on_the_same_revision_one_wins_one_is_refused(draft, writer, admin_user):
    base = draft.revision_number
    services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + "\n\n" + PARA_A, user=writer,
                          base_revision=base)
    with pytest.raises(services.RevisionConflict) as exc:
        services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + "\n\n" + PARA_B,
                              user=admin_user, base_revision=base)
    assert exc.value.extra["current_revision"] == base + 1 and exc.value.http_status == 409
    draft.refresh_from_db()
    assert PARA_A in draft.body_text and PARA_B not in draft.body_text and draft.revision_number == base + 1


def test_a_stale_edit_with_the_current_text_is_no_conflict(draft, writer):
    services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + PARA_A, user=writer,
                          base_revision=1)
    _draft, created = services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + PARA_A,
                                            user=writer, base_revision=1)
    assert created is False


def test_a_published_draft_is_read_only_until_reopened_with_a_reason(published, writer, reviewer, publisher):
    with pytest.raises(services.ReadOnly):
        services.draft_revise(draft=published, title=published.title, body_text=published.body_text + PARA_A,
                              user=writer, base_revision=published.revision_number)
    published.refresh_from_db()
    assert published.revision_number == 1 and published.status == review.PUBLISHED
    with pytest.raises(services.CommentRequired):
        services.draft_transition(draft=published, action="reopen", user=publisher)
    with pytest.raises(services.NotAllowed):
        services.draft_transition(draft=published, action="reopen", user=writer, comment="تصحيح")
    event = services.draft_transition(draft=published, action="reopen", user=publisher,
                                      comment="تصحيح رقم الأسرة بعد بيان الوزارة")
    assert (event.from_status, event.to_status, event.comment) == (
        review.PUBLISHED, review.IN_REVIEW, "تصحيح رقم الأسرة بعد بيان الوزارة")
    # The correction is saved and must be approved again before it can be published.
    services.draft_revise(draft=published, title=published.title, body_text=published.body_text + PARA_A,
                          user=writer, base_revision=1)
    with pytest.raises(services.InvalidTransition):
        services.draft_transition(draft=published, action="publish", user=publisher)
    services.draft_transition(draft=published, action="approve", user=reviewer)
    services.draft_transition(draft=published, action="publish", user=publisher)


def test_an_archived_draft_is_read_only_and_a_reviewer_reopens_it(published, writer, publisher, reviewer):
    services.draft_transition(draft=published, action="archive", user=publisher)
    with pytest.raises(services.ReadOnly):
        services.draft_revise(draft=published, title="عنوان جديد", body_text="نص", user=writer)
    services.draft_transition(draft=published, action="reopen", user=reviewer, comment="إعادة النشر بعد التحقق")
    published.refresh_from_db()
    assert published.status == review.DRAFT


# --- the desk -------------------------------------------------------------------------------------------------

def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _edit(client, draft, body, base):
    return client.post(reverse("editorial:draft_edit", args=[draft.pk]),
                       {"title": draft.title, "body": body, "base_revision": base})


def test_the_desk_refuses_the_stale_save_keeps_the_text_and_shows_both_versions(draft, writer, admin_user):
    first, second = signed_in(writer), signed_in(admin_user)
    original = draft.body_text
    assert _edit(first, draft, original + "\n" + PARA_A, 1).status_code == 302
    response = _edit(second, draft, original + "\n" + PARA_B, 1)
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="conflict"' in html and "<ins>" in html and "<del>" in html
    assert PARA_B in html and PARA_A in html  # their own text in the form, the other editor's in the diff
    assert 'name="base_revision" value="2"' in html  # saving again after comparing is made on revision 2
    draft.refresh_from_db()
    assert PARA_B not in draft.body_text and draft.revision_number == 2
    merged = original + "\n" + PARA_A + "\n" + PARA_B
    assert _edit(second, draft, merged, 2).status_code == 302
    draft.refresh_from_db()
    assert draft.body_text == merged and draft.revision_number == 3


def test_the_desk_needs_the_base_revision(draft, writer):
    response = signed_in(writer).post(reverse("editorial:draft_edit", args=[draft.pk]),
                                  {"title": draft.title, "body": draft.body_text + PARA_A})
    assert response.status_code == 400 and PARA_A in response.content.decode()


def test_the_desk_refuses_to_edit_a_published_draft(published, writer):
    client = signed_in(writer)
    page = client.get(reverse("editorial:draft_edit", args=[published.pk]))
    assert page.status_code == 302
    response = _edit(client, published, published.body_text + PARA_A, 1)
    assert response.status_code == 409 and PARA_A in response.content.decode()
    published.refresh_from_db()
    assert published.revision_number == 1
    html = client.get(reverse("editorial:draft", args=[published.pk])).content.decode()
    assert reverse("editorial:draft_edit", args=[published.pk]) not in html


# --- the API --------------------------------------------------------------------------------------------------

@pytest.fixture
def cms_a(api_client_a):
    from rest_framework.test import APIClient

    from editorial.api.services import api_key_create

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_key_create(client=api_client_a)[1]}")
    return client


@pytest.fixture
def cms_draft(cms_a):
    from tests.api.conftest import BODY, TITLE

    r = cms_a.post("/api/v1/drafts/", {"external_id": "c1", "title": TITLE, "body": BODY}, format="json")
    return r.json()


def test_the_api_refuses_a_stale_edit_with_409_and_the_current_revision(cms_a, cms_draft):
    url = f"/api/v1/drafts/{cms_draft['id']}/"
    ok = cms_a.patch(url, {"body": cms_draft["body_text"] + PARA_A, "base_revision": 1}, format="json")
    assert ok.status_code == 200 and ok.json()["revision"] == 2
    stale = cms_a.put(url, {"title": cms_draft["title"], "body": cms_draft["body_text"] + PARA_B,
                            "base_revision": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["code"] == "revision_conflict" and stale.json()["current_revision"] == 2
    missing = cms_a.patch(url, {"title": "عنوان"}, format="json")
    assert missing.status_code == 400 and "base_revision" in missing.json()["fields"]
    upsert = cms_a.post("/api/v1/drafts/", {"external_id": "c1", "title": cms_draft["title"], "body": "نص",
                                            "base_revision": 1}, format="json")
    assert upsert.status_code == 409 and upsert.json()["code"] == "revision_conflict"


def test_the_api_refuses_to_edit_a_published_draft(cms_a, cms_draft, reviewer):
    draft = Draft.objects.get(pk=cms_draft["id"])
    services.draft_transition(draft=draft, action="submit", client=draft.api_client)
    services.draft_transition(draft=draft, action="approve", user=reviewer, override_reason="اختبار")
    services.draft_transition(draft=draft, action="publish", client=draft.api_client)
    r = cms_a.patch(f"/api/v1/drafts/{draft.pk}/", {"body": "نص آخر", "base_revision": 1}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "read_only"
    same = cms_a.post("/api/v1/drafts/", {"external_id": "c1", "title": cms_draft["title"],
                                          "body": cms_draft["body_text"]}, format="json")
    assert same.status_code == 200 and same.json()["revision_created"] is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_on_the_same_revision_one_wins_one_conflicts(writer, admin_user):
    """The base check runs under the draft's row lock: two saves racing from revision 1 cannot both land."""
    draft = services.draft_create(title="عنوان الخبر", body_text="نص أول.", user=writer)
    barrier, results = threading.Barrier(2), []

    def save(user, paragraph: str) -> None:
        try:
            barrier.wait()
            services.draft_revise(draft=Draft.objects.get(pk=draft.pk), title="عنوان الخبر",
                                  body_text="نص أول.\n\n" + paragraph, user=user, base_revision=1)
            results.append("saved")
        except services.ServiceError as exc:
            results.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(writer, PARA_A)),
               threading.Thread(target=save, args=(admin_user, PARA_B))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["revision_conflict", "saved"]
    draft.refresh_from_db()
    assert draft.revision_number == 2 and (PARA_A in draft.body_text) != (PARA_B in draft.body_text)
