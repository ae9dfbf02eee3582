"""Moving a draft over the API: 200 on success, 409 when not possible now, 403 when never allowed."""

from __future__ import annotations

import pytest

from editorial import services
from editorial.models import Draft, Finding, ReviewEvent

from .conftest import BODY_WITH_PLACEHOLDER, PLACEHOLDER

pytestmark = pytest.mark.django_db


def _move(cms, draft_id, **payload):
    return cms.post(f"/api/v1/drafts/{draft_id}/transitions/", payload, format="json")


def _approve(draft_id, reviewer):
    draft = Draft.objects.get(pk=draft_id)
    services.draft_transition(draft=draft, action="approve", user=reviewer)


def test_it_submits_a_draft_and_logs_the_event(submit, cms_a, api_client_a):
    draft_id = submit().json()["id"]
    r = _move(cms_a, draft_id, action="submit", comment="جاهز")
    assert r.status_code == 200 and r.json()["status"] == "in_review"
    event = ReviewEvent.objects.get(draft_id=draft_id)
    assert event.api_client == api_client_a and event.comment == "جاهز" and event.actor is None


def test_it_publishes_once_the_newsroom_approved(submit, cms_a, reviewer):
    draft_id = submit().json()["id"]
    _move(cms_a, draft_id, action="submit")
    _approve(draft_id, reviewer)
    assert {a["action"] for a in cms_a.get(f"/api/v1/drafts/{draft_id}/").json()["actions"]} == {
        "publish", "archive"}
    r = _move(cms_a, draft_id, action="publish")
    assert r.status_code == 200 and r.json()["status"] == "published"
    r = _move(cms_a, draft_id, action="archive")
    assert r.status_code == 200 and r.json()["status"] == "archived"


@pytest.mark.parametrize(("before", "action"), [([], "publish"), (["submit"], "publish"), (["submit"], "archive")])
def test_it_answers_409_when_the_action_is_not_possible_from_this_status(submit, cms_a, before, action):
    draft_id = submit().json()["id"]
    for step in before:
        _move(cms_a, draft_id, action=step)
    r = _move(cms_a, draft_id, action=action)
    assert r.status_code == 409
    assert r.json()["code"] == "invalid_transition" and r.json()["status"] in ("draft", "in_review")


def test_archiving_an_unsubmitted_draft_is_for_the_newsroom_only(submit, cms_a):
    # The table lets a CMS archive only what was approved or published; a draft it never sent stays put.
    draft_id = submit().json()["id"]
    assert _move(cms_a, draft_id, action="archive").status_code == 403


def test_submitting_twice_is_a_409(submit, cms_a):
    draft_id = submit().json()["id"]
    _move(cms_a, draft_id, action="submit")
    assert _move(cms_a, draft_id, action="submit").status_code == 409


@pytest.mark.parametrize("action", ["approve", "request_changes", "reopen"])
def test_it_answers_403_for_actions_a_cms_may_never_take(submit, cms_a, action):
    draft_id = submit().json()["id"]
    _move(cms_a, draft_id, action="submit")
    r = _move(cms_a, draft_id, action=action, comment="x")
    assert r.status_code == 403 and r.json()["code"] == "not_allowed"


@pytest.mark.parametrize(("payload", "field"), [
    ({}, "action"),
    ({"action": "fly"}, "action"),
    ({"action": "revise"}, "action"),
    ({"action": 3}, "action"),
    ({"action": "submit", "comment": ["a"]}, "comment"),
])
def test_it_refuses_invalid_transition_input(submit, cms_a, payload, field):
    draft_id = submit().json()["id"]
    r = _move(cms_a, draft_id, **payload)
    assert r.status_code == 400 and r.json()["code"] == "invalid" and field in r.json()["fields"]


def test_the_approval_gate_blocks_with_the_findings_listed(submit, cms_a, reviewer):
    # The CMS never approves; the gate shows up when the newsroom tries, and in the service error shape.
    draft_id = submit(body=BODY_WITH_PLACEHOLDER).json()["id"]
    _move(cms_a, draft_id, action="submit")
    with pytest.raises(services.GateBlocked) as info:
        _approve(draft_id, reviewer)
    assert any(f["text"] == PLACEHOLDER for f in info.value.extra["findings"])


def test_gate_blocked_maps_to_409_with_the_blocking_findings():
    from editorial.api.exceptions import api_exception_handler

    exc = services.GateBlocked("blocked", findings=[{"id": 1, "rule": "placeholder.x"}])
    r = api_exception_handler(exc, {})
    assert r.status_code == 409
    assert r.data == {"code": "gate_blocked", "detail": "blocked", "fields": {}, "findings": [
        {"id": 1, "rule": "placeholder.x"}]}


@pytest.mark.parametrize(("exc", "status", "code"), [
    (services.InvalidInput("bad", field="title"), 400, "invalid"),
    (services.TooLarge("big", field="body"), 413, "too_large"),
    (services.CommentRequired("say", field="comment"), 400, "comment_required"),
    (services.NotAllowed("no"), 403, "not_allowed"),
    (services.InvalidTransition("not now", status="draft"), 409, "invalid_transition"),
    (services.Conflict("again"), 409, "conflict"),
])
def test_every_service_error_maps_to_one_status(exc, status, code):
    from editorial.api.exceptions import api_exception_handler

    r = api_exception_handler(exc, {})
    assert (r.status_code, r.data["code"]) == (status, code)
    assert set(r.data) >= {"code", "detail", "fields"}


def test_it_dismisses_a_finding_with_a_kind_and_a_reason(submit, cms_a):
    data = submit(body=BODY_WITH_PLACEHOLDER).json()
    finding = next(f for f in data["report"]["findings"] if f["text"] == PLACEHOLDER)
    url = f"/api/v1/drafts/{data['id']}/findings/{finding['id']}/dismiss/"
    r = cms_a.post(url, {"kind": "intentional", "reason": "مقصود في نص البيان"}, format="json")
    assert r.status_code == 201 and r.json()["dismissed"] is True
    assert r.json()["dismissal"]["reason"] == "مقصود في نص البيان" and r.json()["dismissal"]["kind"] == "intentional"
    assert r.json()["dismissal"]["clears_gate"] is False  # a CMS is the draft's owner, not a reviewer
    shown = cms_a.get(f"/api/v1/drafts/{data['id']}/").json()["report"]["findings"]
    assert next(f for f in shown if f["id"] == finding["id"])["dismissed"] is True
    again = cms_a.post(url, {"kind": "false_alarm"}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "conflict"


@pytest.mark.parametrize(("payload", "field"), [
    ({}, "kind"), ({"reason": "اقتباس حرفي من البيان"}, "kind"), ({"kind": "other"}, "kind"),
    ({"kind": "intentional"}, "reason"), ({"kind": "intentional", "reason": "."}, "reason"),
    ({"kind": "fixed_elsewhere", "reason": "   "}, "reason"), ({"kind": "false_alarm", "reason": None}, "reason"),
])
def test_it_refuses_a_dismissal_without_a_kind_or_the_words_the_kind_needs(submit, cms_a, payload, field):
    data = submit(body=BODY_WITH_PLACEHOLDER).json()
    url = f"/api/v1/drafts/{data['id']}/findings/{data['report']['findings'][0]['id']}/dismiss/"
    r = cms_a.post(url, payload, format="json")
    assert r.status_code == 400 and field in r.json()["fields"]


def test_it_answers_404_for_a_finding_of_another_draft(submit, cms_a):
    a = submit(body=BODY_WITH_PLACEHOLDER).json()
    b = submit(external_id="other", body=BODY_WITH_PLACEHOLDER + " ب").json()
    url = f"/api/v1/drafts/{b['id']}/findings/{a['report']['findings'][0]['id']}/dismiss/"
    assert cms_a.post(url, {"kind": "false_alarm"}, format="json").status_code == 404
    huge = f"/api/v1/drafts/{a['id']}/findings/{2**70}/dismiss/"
    assert cms_a.post(huge, {"kind": "false_alarm"}, format="json").status_code == 404
    assert Finding.objects.count() >= 2
