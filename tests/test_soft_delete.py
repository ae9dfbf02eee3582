"""Soft delete (issue 9): deleting a draft hides it, an admin undoes it, and its history is never deleted."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site as admin_site
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from editorial import review, services
from editorial.models import CheckRun, Comment, Dismissal, Draft, Finding, ReviewEvent, Revision


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_once_submitted_only_an_admin_may_delete(draft, writer, admin_user):
    services.draft_transition(draft=draft, action="submit", user=writer)
    with pytest.raises(services.NotAllowed):
        services.draft_delete(draft=draft, user=writer)
    services.draft_delete(draft=draft, user=admin_user)
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_the_writer_deletes_their_draft_and_an_admin_restores_it(draft, writer, admin_user):
    revisions, findings = Revision.objects.count(), Finding.objects.count()
    services.draft_delete(draft=draft, user=writer, reason="نسخة مكررة")
    assert not Draft.objects.filter(pk=draft.pk).exists()
    assert Draft.all_objects.get(pk=draft.pk).deleted_by == writer
    assert (Revision.objects.count(), Finding.objects.count()) == (revisions, findings)
    assert signed_in(writer).get(reverse("editorial:draft", args=[draft.pk])).status_code == 404
    with pytest.raises(services.Deleted):
        services.draft_revise(draft=draft, title="عنوان", body_text="نص", user=writer)
    with pytest.raises(services.NotAllowed):
        services.draft_undelete(draft=draft, user=writer)
    services.draft_undelete(draft=draft, user=admin_user)
    assert Draft.objects.get(pk=draft.pk).deleted_at is None
    actions = list(ReviewEvent.objects.filter(draft=draft).values_list("action", "actor__username", "comment"))
    assert actions == [(review.DELETE, "writer", "نسخة مكررة"), (review.UNDELETE, "admin", "")]


def test_another_writer_may_not_delete(draft, other_writer):
    response = signed_in(other_writer).post(reverse("editorial:delete", args=[draft.pk]))
    assert response.status_code == 302 and Draft.objects.filter(pk=draft.pk).exists()


def test_the_desk_delete_button_hides_the_draft(draft, writer):
    client = signed_in(writer)
    assert reverse("editorial:delete", args=[draft.pk]) in client.get(
        reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert client.post(reverse("editorial:delete", args=[draft.pk])).status_code == 302
    assert not Draft.objects.filter(pk=draft.pk).exists()
    assert draft.title not in client.get(reverse("editorial:desk") + "?scope=all").content.decode()


def test_the_admin_delete_hides_and_the_admin_action_restores(draft, writer, admin_user):
    f = services.selectors.open_findings(draft)
    if f:
        services.finding_dismiss(finding=f[0], user=writer)
    services.comment_add(draft=draft, user=writer, body="تعليق")
    client = signed_in(admin_user)
    url = reverse("admin:editorial_draft_delete", args=[draft.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "protected" not in confirm.content.decode().lower()
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert Draft.all_objects.get(pk=draft.pk).deleted_at is not None
    assert Revision.objects.filter(draft=draft).exists() and Comment.objects.filter(draft=draft).exists()
    listing = client.get(reverse("admin:editorial_draft_changelist") + "?deleted=yes").content.decode()
    assert draft.title[:30] in listing
    client.post(reverse("admin:editorial_draft_changelist"),
                {"action": "undelete", "_selected_action": [draft.pk]})
    assert Draft.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("model", [Revision, ReviewEvent, Finding, CheckRun, Dismissal, Comment])
def test_the_admin_never_deletes_history(model, admin_user, rf):
    request = rf.get("/")
    request.user = admin_user
    assert admin_site._registry[model].has_delete_permission(request) is False


def test_the_event_log_and_revisions_refuse_deletion_and_a_hard_draft_delete_is_refused(draft, writer):
    event = services.draft_transition(draft=draft, action="submit", user=writer)
    with pytest.raises(ValueError):
        event.delete()
    with pytest.raises(ValueError):
        draft.revisions.first().delete()
    with pytest.raises(ProtectedError):
        Draft.all_objects.get(pk=draft.pk).delete()


def test_a_cms_deletes_its_draft_and_cannot_resurrect_it_by_external_id(api_client_a):
    from rest_framework.test import APIClient

    from editorial.api.services import api_key_create
    from tests.api.conftest import BODY, TITLE

    _key, raw = api_key_create(client=api_client_a)
    cms = APIClient()
    cms.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    made = cms.post("/api/v1/drafts/", {"external_id": "gone", "title": TITLE, "body": BODY}, format="json").json()
    assert cms.delete(f"/api/v1/drafts/{made['id']}/").status_code == 204
    assert cms.get(f"/api/v1/drafts/{made['id']}/").status_code == 404
    again = cms.post("/api/v1/drafts/", {"external_id": "gone", "title": TITLE, "body": BODY}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "deleted"
