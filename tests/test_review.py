"""The workflow table, exercised through the one transition function for every (status, action, role)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from workflow_table import AVAILABLE, arrange, flags, parse

from editorial import review, services
from editorial.models import Draft, ReviewEvent

CLEAN = {"EDITORIAL_CHECKS": {"disabled": ["placeholder", "repetition", "consistency"]}}
PLACEHOLDER_BODY = "عقد المجلس جلسته يوم [تاريخ الجلسة – يرجى إضافته] برئاسة رئيسه."

PERSONAS = ["author", "reviewer", "publisher", "admin", "cms", "other_writer", "outsider", "other_cms"]
PERSONA_ROLE = {"author": review.AUTHOR, "reviewer": review.REVIEWER, "publisher": review.PUBLISHER,
                "admin": review.ADMIN, "cms": review.CMS}


@pytest.fixture
def cast(writer, other_writer, reviewer, publisher, admin_user, outsider, api_client_a, api_client_b):
    """persona -> (user, client) keyword arguments for the services."""
    return {
        "author": {"user": writer}, "reviewer": {"user": reviewer}, "publisher": {"user": publisher},
        "admin": {"user": admin_user}, "cms": {"client": api_client_a}, "other_writer": {"user": other_writer},
        "outsider": {"user": outsider}, "other_cms": {"client": api_client_b},
    }


def _draft_in(status: str, persona: str, cast) -> Draft:
    """A draft owned by the writer, or by CMS A when the persona is a CMS (the owner is what CMS means)."""
    if persona in ("cms", "other_cms"):
        draft = services.draft_create(title="عنوان", body_text="نص الخبر.", client=cast["cms"]["client"])
    else:
        draft = services.draft_create(title="عنوان", body_text="نص الخبر.", **cast["author"])
    Draft.objects.filter(pk=draft.pk).update(status=status)  # arrange only: the act below uses the service
    draft.refresh_from_db()
    return draft


# What each action from each status does for each persona, written out (not read from the table it checks):
# a status = taken, the draft is then in that status; 403 = not_allowed (never theirs to take);
# 409 = invalid_transition (theirs to take, but not from this status).
#                                    author     reviewer   publisher  admin      cms
MATRIX = """
draft              submit           review     403        403        review     review
draft              request_changes  403        409        403        409        403
draft              approve          403        409        403        409        403
draft              publish          403        403        409        409        409
draft              reopen           403        409        409        409        403
draft              archive          403        403        archived   archived   403
in_review          submit           409        403        403        409        409
in_review          request_changes  403        changes    403        changes    403
in_review          approve          403        approved   403        approved   403
in_review          publish          403        403        409        409        409
in_review          reopen           403        409        409        409        403
in_review          archive          403        403        409        409        409
changes_requested  submit           review     403        403        review     review
changes_requested  request_changes  403        409        403        409        403
changes_requested  approve          403        409        403        409        403
changes_requested  publish          403        403        409        409        409
changes_requested  reopen           403        409        409        409        403
changes_requested  archive          403        403        archived   archived   403
approved           submit           409        403        403        409        409
approved           request_changes  403        changes    403        changes    403
approved           approve          403        409        403        409        403
approved           publish          403        403        published  published  published
approved           reopen           403        review     403        review     403
approved           archive          403        403        archived   archived   archived
published          submit           409        403        403        409        409
published          request_changes  403        409        403        409        403
published          approve          403        409        403        409        403
published          publish          403        403        409        409        409
published          reopen           403        review     review     review     403
published          archive          403        403        archived   archived   archived
archived           submit           409        403        403        409        409
archived           request_changes  403        409        403        409        403
archived           approve          403        409        403        409        403
archived           publish          403        403        409        409        409
archived           reopen           403        draft      draft      draft      403
archived           archive          403        403        409        409        409
"""
MATRIX_PERSONAS = ("author", "reviewer", "publisher", "admin", "cms")
SHORT = {"review": review.IN_REVIEW, "changes": review.CHANGES_REQUESTED}
# A writer who is not the draft's, a signed-in user in no newsroom group and another CMS hold no role on the draft:
# every action is refused to them (403), from every status.
NO_ROLE = ("other_writer", "outsider", "other_cms")
EXPECTED = {
    (status, action, persona): SHORT.get(outcome, outcome)
    for status, action, *outcomes in (line.split() for line in MATRIX.strip().splitlines())
    for persona, outcome in zip(MATRIX_PERSONAS, outcomes, strict=True)
} | {(s, a, p): "403" for s in review.STATUSES for a in review.ACTIONS for p in NO_ROLE}


def test_the_written_matrix_covers_every_status_action_and_persona():
    assert set(EXPECTED) == {(s, a, p) for s in review.STATUSES for a in review.ACTIONS for p in PERSONAS}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", review.ACTIONS)
@pytest.mark.parametrize("status", review.STATUSES)
def test_every_status_action_and_role_follows_the_written_matrix(status, action, persona, cast, settings):
    settings.EDITORIAL_CHECKS = CLEAN["EDITORIAL_CHECKS"]
    draft = _draft_in(status, persona, cast)
    before = ReviewEvent.objects.count()
    expected = EXPECTED[(status, action, persona)]
    if expected in review.STATUSES:
        event = services.draft_transition(draft=draft, action=action, comment="ملاحظة", **cast[persona])
        draft.refresh_from_db()
        assert draft.status == expected == event.to_status
        assert event.from_status == status and event.action == action
        assert ReviewEvent.objects.count() == before + 1
        return
    refusal = {"403": services.NotAllowed, "409": services.InvalidTransition}[expected]
    with pytest.raises(refusal):
        services.draft_transition(draft=draft, action=action, comment="ملاحظة", **cast[persona])
    draft.refresh_from_db()
    assert draft.status == status
    assert ReviewEvent.objects.count() == before


def test_the_table_never_offers_a_transition_to_its_own_status():
    assert all(t.source != t.target for t in review.TRANSITIONS.values())


@pytest.mark.parametrize(("status", "persona", "findings", "expected"), AVAILABLE,
                         ids=["-".join(r[:3]) for r in AVAILABLE])
def test_available_actions_answers_the_table(status, persona, findings, expected, workflow_personas, writer,
                                             reviewer, api_client_a):
    """The available-actions table (tests/workflow_table.py), answered by the workflow itself; the desk and API
    tests read the same rows through the page and the API."""
    owner = {"client": api_client_a} if persona == "cms" else {"user": writer}
    draft = arrange(status, findings, owner=owner, reviewer=reviewer)
    answers = review.available_actions(draft, workflow_personas[persona], services.selectors.findings_with_state(draft))
    assert [a.action for a in answers] == list(review.ACTIONS)  # every action is answered, allowed or not
    assert {a.action: flags(needs_comment=a.needs_comment, blocked=a.blocked, needs_override=a.needs_override)
            for a in answers if a.allowed} == parse(expected)


def test_requesting_changes_needs_a_comment(draft, reviewer, writer):
    services.draft_transition(draft=draft, action="submit", user=writer)
    with pytest.raises(services.CommentRequired):
        services.draft_transition(draft=draft, action="request_changes", user=reviewer, comment="  ")
    event = services.draft_transition(draft=draft, action="request_changes", user=reviewer,
                                      comment="أضف تاريخ الجلسة")
    assert event.comment == "أضف تاريخ الجلسة" and event.to_status == review.CHANGES_REQUESTED


@pytest.fixture
def blocked_draft(make_draft, writer):
    draft = make_draft(title="المجلس يعقد جلسته", body=PLACEHOLDER_BODY)
    services.draft_transition(draft=draft, action="submit", user=writer)
    return draft


def test_approval_is_refused_while_an_error_finding_is_open(blocked_draft, reviewer):
    with pytest.raises(services.GateBlocked) as exc:
        services.draft_transition(draft=blocked_draft, action="approve", user=reviewer)
    assert any("[تاريخ الجلسة" in f["text"] for f in exc.value.extra["findings"])
    blocked_draft.refresh_from_db()
    assert blocked_draft.status == review.IN_REVIEW


def test_a_reviewer_may_override_the_gate_with_a_reason_that_is_recorded(blocked_draft, reviewer):
    event = services.draft_transition(draft=blocked_draft, action="approve", user=reviewer,
                                      override_reason="التاريخ يضاف آلياً عند النشر")
    assert event.to_status == review.APPROVED
    assert event.override_reason == "التاريخ يضاف آلياً عند النشر"
    assert any(f["severity"] == "error" for f in event.open_findings)


def test_an_admin_without_the_override_permission_cannot_override(blocked_draft, django_user_model):
    from django.contrib.auth.models import Group

    desk_admin = django_user_model.objects.create_user("deskadmin", password="x")
    desk_admin.groups.add(Group.objects.get(name="admins"))
    with pytest.raises(services.GateBlocked):
        services.draft_transition(draft=blocked_draft, action="approve", user=desk_admin, override_reason="لا")


def _dismiss_errors(draft, user, reason="سيُضاف التاريخ عند النشر"):
    for finding in services.selectors.open_findings(draft):
        if finding.severity == "error":
            services.finding_dismiss(finding=finding, kind="fixed_elsewhere", reason=reason, user=user)


def test_a_reviewers_dismissal_of_the_error_opens_the_gate(blocked_draft, reviewer):
    _dismiss_errors(blocked_draft, reviewer)
    event = services.draft_transition(draft=blocked_draft, action="approve", user=reviewer)
    assert event.to_status == review.APPROVED and event.override_reason == "" and event.overridden_findings == []


def test_an_authors_dismissal_of_an_error_does_not_open_the_gate(blocked_draft, reviewer, writer):
    """The issue's attack: the writer dismisses their own error with a token reason, the reviewer approves."""
    with pytest.raises(services.InvalidInput) as short:
        _dismiss_errors(blocked_draft, writer, reason=".")
    assert short.value.extra["field"] == "reason"
    _dismiss_errors(blocked_draft, writer)
    assert not [f for f in services.selectors.open_findings(blocked_draft) if f.severity == "error"]
    with pytest.raises(services.GateBlocked) as exc:
        services.draft_transition(draft=blocked_draft, action="approve", user=reviewer)
    assert exc.value.extra["findings"] and all(f["dismissed"]["by"] == "writer" for f in exc.value.extra["findings"])
    blocked_draft.refresh_from_db()
    assert blocked_draft.status == review.IN_REVIEW


def test_approving_over_an_authors_dismissal_is_an_override_the_history_shows(blocked_draft, reviewer, writer):
    _dismiss_errors(blocked_draft, writer)
    event = services.draft_transition(draft=blocked_draft, action="approve", user=reviewer,
                                      override_reason="راجعت التاريخ مع المحرر")
    assert event.override_reason == "راجعت التاريخ مع المحرر"
    assert event.overridden_findings and all(f["dismissed"]["kind"] == "fixed_elsewhere"
                                             for f in event.overridden_findings)
    assert event.open_findings == []  # nothing was open: the override is what the history must show


@pytest.mark.parametrize(("kind", "reason", "ok"), [
    ("false_alarm", "", True),                 # the kind is the whole statement
    ("intentional", "", False),                # the words are the justification
    ("intentional", "مقصود", False),           # ... and need more than one word
    ("intentional", "اقتباس حرفي من البيان", True),
    ("fixed_elsewhere", "      .      ", False),
    ("fixed_elsewhere", "صُحّح في نظام النشر", True),
    ("nonsense", "اقتباس حرفي من البيان", False),
])
def test_a_dismissal_has_a_kind_and_words_where_the_kind_needs_them(blocked_draft, writer, kind, reason, ok):
    finding = services.selectors.open_findings(blocked_draft)[0]
    if ok:
        d = services.finding_dismiss(finding=finding, kind=kind, reason=reason, user=writer)
        assert (d.kind, d.by_reviewer) == (kind, False)
    else:
        with pytest.raises(services.InvalidInput):
            services.finding_dismiss(finding=finding, kind=kind, reason=reason, user=writer)


def test_approval_needs_the_latest_revision_checked(draft, writer, reviewer, settings):
    settings.EDITORIAL_CHECKS = CLEAN["EDITORIAL_CHECKS"]
    services.draft_transition(draft=draft, action="submit", user=writer)
    draft.revisions.get().check_runs.all().delete()
    with pytest.raises(services.GateBlocked):
        services.draft_transition(draft=draft, action="approve", user=reviewer)


def test_a_new_revision_of_an_approved_draft_returns_it_to_review(draft, writer, reviewer, settings):
    settings.EDITORIAL_CHECKS = CLEAN["EDITORIAL_CHECKS"]
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="approve", user=reviewer)
    draft, created = services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + " تحديث.",
                                           user=writer)
    assert created and draft.status == review.IN_REVIEW
    last = draft.events.last()
    assert (last.action, last.from_status, last.to_status) == ("revise", "approved", "in_review")
    assert last.revision.number == 2


def test_the_same_content_again_makes_no_revision(draft, writer):
    _draft, created = services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text, user=writer)
    assert not created and draft.revisions.count() == 1


def test_review_events_are_append_only(draft, writer):
    event = services.draft_transition(draft=draft, action="submit", user=writer)
    event.comment = "rewritten"
    with pytest.raises(ValueError):
        event.save()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_transitions_let_exactly_one_win(writer, reviewer, settings):
    settings.EDITORIAL_CHECKS = CLEAN["EDITORIAL_CHECKS"]
    draft = services.draft_create(title="عنوان", body_text="نص.", user=writer)
    services.draft_transition(draft=draft, action="submit", user=writer)
    barrier, results = threading.Barrier(2), []

    def act(action: str, comment: str) -> None:
        try:
            barrier.wait()
            services.draft_transition(draft=Draft.objects.get(pk=draft.pk), action=action, user=reviewer,
                                      comment=comment)
            results.append(action)
        except services.ServiceError as exc:
            results.append(exc.code)
        finally:
            connection.close()

    # Two reviewers approve at once: the second must see the first one's status, not overwrite it.
    threads = [threading.Thread(target=act, args=("approve", "")) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["approve", "invalid_transition"]
    assert draft.events.filter(action="approve").count() == 1
