"""Every non-trivial read: who may do what to a draft, its latest report, its open findings, lists."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from editorial import review
from editorial.models import ApiClient, CheckRun, Dismissal, Draft, Finding, ReviewEvent, Revision

Actor = AbstractBaseUser | AnonymousUser | None


def user_roles(user: Actor) -> frozenset[str]:
    """Newsroom roles from groups; superusers and the ``admins`` group are admins."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    groups = set(user.groups.values_list("name", flat=True))
    roles = set()
    if user.is_superuser or "admins" in groups:
        roles.add(review.ADMIN)
    if review.GROUP_REVIEWERS in groups:
        roles.add(review.REVIEWER)
    if review.GROUP_PUBLISHERS in groups:
        roles.add(review.PUBLISHER)
    return frozenset(roles)


def is_newsroom_member(user: Actor) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.exists()


def roles_for(draft: Draft, *, user: Actor = None, client: ApiClient | None = None) -> frozenset[str]:
    """The roles a person or a CMS holds on this draft (AUTHOR and CMS come from ownership)."""
    if client is not None:
        return frozenset({review.CMS}) if draft.api_client_id == client.pk else frozenset()
    roles = set(user_roles(user))
    if user is not None and user.is_authenticated and draft.author_id == user.pk:
        roles.add(review.AUTHOR)
    return frozenset(roles)


def can_edit(draft: Draft, *, user: Actor = None, client: ApiClient | None = None) -> bool:
    if draft.status == review.ARCHIVED:
        return False
    return bool(roles_for(draft, user=user, client=client) & {review.AUTHOR, review.ADMIN, review.CMS})


def can_dismiss(draft: Draft, *, user: Actor = None, client: ApiClient | None = None) -> bool:
    allowed = {review.AUTHOR, review.REVIEWER, review.ADMIN, review.CMS}
    return bool(roles_for(draft, user=user, client=client) & allowed)


def can_override(user: Actor) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm("editorial.override_gate"))


def available_actions(draft: Draft, *, user: Actor = None, client: ApiClient | None = None) -> list:
    return review.actions_for(draft.status, roles_for(draft, user=user, client=client))


def latest_revision(draft: Draft) -> Revision | None:
    return draft.revisions.order_by("-number").first()


def latest_check_run(revision: Revision | None) -> CheckRun | None:
    if revision is None:
        return None
    return revision.check_runs.order_by("-created_at", "-id").first()


def active_dismissals(draft: Draft) -> dict[str, Dismissal]:
    return {d.fingerprint: d for d in draft.dismissals.filter(undone_at__isnull=True)}


def findings_with_state(draft: Draft) -> tuple[CheckRun | None, list[tuple[Finding, Dismissal | None]]]:
    """The latest run's findings, each with the active dismissal that hides it (or None)."""
    run = latest_check_run(latest_revision(draft))
    if run is None:
        return None, []
    dismissed = active_dismissals(draft)
    return run, [(f, dismissed.get(f.fingerprint)) for f in run.findings.all()]


def open_findings(draft: Draft) -> list[Finding]:
    _run, rows = findings_with_state(draft)
    return [f for f, dismissal in rows if dismissal is None]


def blocks_gate(severity: str, dismissal: Dismissal | None) -> bool:
    """Whether a finding in this state blocks approval: an ``error`` that is open, or that only someone
    outside ``review.GATE_CLEARING_ROLES`` (its author, a CMS) dismissed."""
    return severity == "error" and (dismissal is None or not dismissal.by_reviewer)


def gate_blockers(rows: list[tuple[Finding, Dismissal | None]]) -> list[tuple[Finding, Dismissal | None]]:
    """The ``(finding, dismissal)`` pairs from ``findings_with_state`` that block the approval gate."""
    return [(f, d) for f, d in rows if blocks_gate(f.severity, d)]


def finding_summary(f: Finding) -> dict:
    return {"id": f.pk, "rule": f.rule, "severity": f.severity, "field": f.field, "start": f.start,
            "end": f.end, "text": f.text[:200], "fingerprint": f.fingerprint}


def draft_history(draft: Draft) -> QuerySet[ReviewEvent]:
    return draft.events.select_related("actor", "api_client", "revision").order_by("created_at", "id")


def drafts_visible_to(user: Actor) -> QuerySet[Draft]:
    """Every newsroom member reads every draft; others read none."""
    if not is_newsroom_member(user):
        return Draft.objects.none()
    return Draft.objects.select_related("author", "assignee", "api_client")


def open_counts(draft: Draft) -> dict[str, int]:
    """Open findings of the latest run by severity and by family (for badges)."""
    counts: dict[str, int] = {}
    for f in open_findings(draft):
        counts[f.severity] = counts.get(f.severity, 0) + 1
        counts[f.family] = counts.get(f.family, 0) + 1
    return counts


def client_drafts(client: ApiClient) -> QuerySet[Draft]:
    return Draft.objects.filter(api_client=client)


def count_by_status(qs: QuerySet[Draft]) -> dict[str, int]:
    return dict(qs.values_list("status").annotate(n=Count("id")))


# --- the editor's desk ---------------------------------------------------------------------------------------

RECENT_DAYS = 14
DESK_SCOPES = ("attention", "mine", "waiting", "changes", "published", "all")


def _waiting_q(user: Actor) -> Q:
    """In review and assigned to this user, or unassigned when the user reviews."""
    mine = Q(assignee=user)
    if user_roles(user) & {review.REVIEWER, review.ADMIN}:
        mine |= Q(assignee__isnull=True)
    return Q(status=review.IN_REVIEW) & mine


def waiting_for(user: Actor) -> QuerySet[Draft]:
    return drafts_visible_to(user).filter(_waiting_q(user)).order_by("updated_at")


def _with_open_findings(qs: QuerySet[Draft], *, severity: str = "", family: str = "") -> QuerySet[Draft]:
    """Drafts whose latest check has an open (not dismissed) finding of this severity and/or family."""
    from django.db.models import Exists, OuterRef, Subquery

    latest_run = CheckRun.objects.filter(
        revision__draft=OuterRef(OuterRef("pk")), revision__number=OuterRef(OuterRef("revision_number"))
    ).order_by("-created_at", "-id").values("id")[:1]
    dismissed = Dismissal.objects.filter(draft=OuterRef(OuterRef("pk")), undone_at__isnull=True)
    found = Finding.objects.filter(check_run_id=Subquery(latest_run)).exclude(
        fingerprint__in=dismissed.values("fingerprint"))
    if severity:
        found = found.filter(severity=severity)
    if family:
        found = found.filter(family=family)
    return qs.filter(Exists(found))


def desk_drafts(user: Actor, *, scope: str = "attention", q: str = "", status: str = "",
                findings: str = "") -> QuerySet[Draft]:
    """The drafts a member cares about, most urgent first: waiting for them, sent back to them, their own.

    ``findings``: "errors" (an open error), a family name (an open finding of it) or "clean" (none open).
    """
    from datetime import timedelta

    from django.db.models import Case, IntegerField, Value, When
    from django.utils import timezone

    qs = drafts_visible_to(user)
    recent = Q(status=review.PUBLISHED, updated_at__gte=timezone.now() - timedelta(days=RECENT_DAYS))
    mine = Q(author=user)
    ready = Q(status=review.APPROVED) if user_roles(user) & {review.PUBLISHER, review.ADMIN} else Q(pk__in=[])
    scopes = {
        "attention": (mine & ~Q(status=review.ARCHIVED)) | _waiting_q(user)
        | Q(status=review.CHANGES_REQUESTED) | ready | recent,
        "mine": mine,
        "waiting": _waiting_q(user),
        "changes": Q(status=review.CHANGES_REQUESTED),
        "published": Q(status=review.PUBLISHED),
    }
    if scope in scopes:
        qs = qs.filter(scopes[scope])
    if status in review.STATUSES:
        qs = qs.filter(status=status)
    if findings == "errors":
        qs = _with_open_findings(qs, severity="error")
    elif findings == "clean":
        qs = qs.exclude(pk__in=_with_open_findings(Draft.objects.all()).values("pk"))
    elif findings:
        qs = _with_open_findings(qs, family=findings)
    for word in (q or "").split()[:8]:
        qs = qs.filter(Q(title__icontains=word) | Q(author__username__icontains=word)
                       | Q(author_name__icontains=word) | Q(desk__icontains=word) | Q(external_id=word))
    attention = Case(
        When(_waiting_q(user), then=Value(0)),
        When(mine & Q(status=review.CHANGES_REQUESTED), then=Value(1)),
        When(mine & Q(status=review.DRAFT), then=Value(2)),
        When(ready, then=Value(3)),
        When(status=review.CHANGES_REQUESTED, then=Value(4)),
        When(status__in=[review.IN_REVIEW, review.APPROVED], then=Value(5)),
        When(status=review.DRAFT, then=Value(6)),
        When(status=review.PUBLISHED, then=Value(7)),
        default=Value(8), output_field=IntegerField(),
    )
    return qs.annotate(attention=attention).order_by("attention", "-updated_at", "-id")


def open_counts_many(drafts) -> dict[int, dict[str, int]]:
    """``open_counts`` for many drafts in three queries (latest run of each latest revision, dismissals)."""
    drafts = list(drafts)
    if not drafts:
        return {}
    latest_numbers = {d.pk: d.revision_number for d in drafts}
    runs: dict[int, tuple] = {}
    for run_id, draft_id, number, created in CheckRun.objects.filter(
        revision__draft__in=latest_numbers.keys()
    ).values_list("id", "revision__draft_id", "revision__number", "created_at"):
        if number == latest_numbers[draft_id] and (draft_id not in runs or (created, run_id) > runs[draft_id][1:]):
            runs[draft_id] = (run_id, created, run_id)
    run_to_draft = {v[0]: k for k, v in runs.items()}
    dismissed: dict[int, set[str]] = {}
    for draft_id, fp in Dismissal.objects.filter(
        draft__in=latest_numbers.keys(), undone_at__isnull=True
    ).values_list("draft_id", "fingerprint"):
        dismissed.setdefault(draft_id, set()).add(fp)
    counts: dict[int, dict[str, int]] = {pk: {} for pk in latest_numbers}
    for run_id, family, severity, fp in Finding.objects.filter(check_run__in=run_to_draft.keys()).values_list(
        "check_run_id", "family", "severity", "fingerprint"
    ):
        draft_id = run_to_draft[run_id]
        if fp in dismissed.get(draft_id, ()):
            continue
        c = counts[draft_id]
        c[severity] = c.get(severity, 0) + 1
        c[family] = c.get(family, 0) + 1
    return counts


def reviewers() -> QuerySet:
    """People who can be assigned a review: reviewers, admins-by-group and superusers, active."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        Q(groups__name__in=[review.GROUP_REVIEWERS, "admins"]) | Q(is_superuser=True), is_active=True
    ).distinct().order_by("username")
