"""Every non-trivial read: who may do what to a draft, its latest report, its open findings, lists."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from editorial import review
from editorial.models import ApiClient, CheckRun, Dismissal, Draft, Finding, ReviewEvent, Revision

Actor = AbstractBaseUser | AnonymousUser | None


def latest_revision(draft: Draft) -> Revision | None:
    return draft.revisions.order_by("-number").first()


def current_runs(draft, revision_number) -> QuerySet[CheckRun]:
    """The checks of a draft's current revision, newest first (``CheckRun.Meta.ordering``): the one definition of
    "the latest check run of a draft". ``draft`` and ``revision_number`` may be ``OuterRef``s (subqueries).

    The revision is named by its id (``revision_id = (SELECT id ... WHERE draft_id = … AND number = …)``, one row:
    unique together), not joined: the latest run is then the first entry of checkrun_revision_latest_idx
    (revision, -created_at, -id). Joined, PostgreSQL could not read that index in order and, without fresh
    statistics, walked the reports' checkrun_created_idx over every run of the table instead, for every draft.
    """
    from django.db.models import OuterRef, Subquery

    def deeper(value):  # one subquery further from the query an OuterRef points into
        return OuterRef(value) if isinstance(value, OuterRef) else value

    revision = (Revision.objects.filter(draft=deeper(draft), number=deeper(revision_number))
                .order_by().values("id")[:1])
    return CheckRun.objects.filter(revision_id=Subquery(revision))


def latest_run_of(draft: Draft) -> CheckRun | None:
    """The latest check of the draft's latest revision, with that revision, in one query."""
    return current_runs(draft, draft.revision_number).select_related("revision").first()


def draft_with_run(pk: int, **draft_filters) -> tuple[Draft | None, CheckRun | None]:
    """The draft ``pk`` (if it passes ``draft_filters``, e.g. ``api_client=client``) and the latest check of its
    latest revision, read together in one query."""
    filters = {f"revision__draft__{k}": v for k, v in draft_filters.items()}
    run = (CheckRun.objects.select_related("revision__draft")
           .filter(revision__draft_id=pk, revision__draft__deleted_at__isnull=True, **filters)
           .order_by("-revision__number", *CheckRun._meta.ordering).first())
    if run is None:
        return Draft.objects.filter(pk=pk, **draft_filters).first(), None
    draft = run.revision.draft
    return draft, run if run.revision.number == draft.revision_number else None


def active_dismissals(draft: Draft) -> dict[str, Dismissal]:
    return {d.fingerprint: d for d in draft.dismissals.filter(undone_at__isnull=True)}


def _as_datetime(value):
    """A timestamp from a raw query: SQLite gives text (stored in UTC), PostgreSQL a datetime."""
    if isinstance(value, str):
        from datetime import UTC

        from django.utils.dateparse import parse_datetime

        value = parse_datetime(value)
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value
    return value


def _findings_with_dismissals(run: CheckRun, draft_id: int) -> list[tuple[Finding, Dismissal | None]]:
    """The run's findings, each with its active dismissal (who, which client), in one query: a LEFT JOIN on the
    fingerprint, which the ORM cannot say (a dismissal belongs to the draft, not to one finding)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    User = get_user_model()
    q = connection.ops.quote_name
    cols = ", ".join(f"f.{q(f.column)}" for f in Finding._meta.concrete_fields)
    sql = (
        f"SELECT {cols}, d.id AS d_id, d.kind AS d_kind, d.reason AS d_reason, d.by_reviewer AS d_by_reviewer, "
        f"d.created_at AS d_created_at, "
        f"d.dismissed_by_id AS d_by_id, u.{q(User.USERNAME_FIELD)} AS d_by_name, d.api_client_id AS d_client_id, "
        f"c.name AS d_client_name "
        f"FROM {q(Finding._meta.db_table)} f "
        f"LEFT JOIN {q(Dismissal._meta.db_table)} d ON d.draft_id = %s AND d.fingerprint = f.fingerprint "
        f"AND d.undone_at IS NULL "
        f"LEFT JOIN {q(User._meta.db_table)} u ON u.id = d.dismissed_by_id "
        f"LEFT JOIN {q(ApiClient._meta.db_table)} c ON c.id = d.api_client_id "
        f"WHERE f.check_run_id = %s ORDER BY f.{q('field')}, f.{q('start')}, f.id"
    )
    rows = []
    for f in Finding.objects.raw(sql, [draft_id, run.pk]):
        d = None
        if f.d_id is not None:
            d = Dismissal(pk=f.d_id, draft_id=draft_id, fingerprint=f.fingerprint, rule=f.rule, kind=f.d_kind,
                          reason=f.d_reason, by_reviewer=bool(f.d_by_reviewer), created_at=_as_datetime(f.d_created_at), dismissed_by_id=f.d_by_id, api_client_id=f.d_client_id)
            if f.d_by_id is not None:
                d.dismissed_by = User(pk=f.d_by_id, **{User.USERNAME_FIELD: f.d_by_name})
            if f.d_client_id is not None:
                d.api_client = ApiClient(pk=f.d_client_id, name=f.d_client_name)
        rows.append((f, d))
    return rows


def findings_with_state(draft: Draft, *, run: CheckRun | None = None,
                        held: bool = False) -> tuple[CheckRun | None, list[tuple[Finding, Dismissal | None]]]:
    """The latest run's findings, each with the active dismissal that hides it (or None).

    ``run``: the latest run when the caller already read it (``draft_with_run``). ``held``: the draft was just
    written by a service, which left the run and its findings on it (``services.checks_run``): nothing is read
    back but the dismissals of a draft that may have some. Otherwise two queries: the run, the findings.
    """
    held_run = getattr(draft, "held_run", None) if held else None
    if held_run is not None:
        dismissed = getattr(draft, "held_dismissals", None)
        if dismissed is None:
            dismissed = active_dismissals(draft) if held_run.held_findings else {}
        return held_run, [(f, dismissed.get(f.fingerprint)) for f in held_run.held_findings]
    run = run or latest_run_of(draft)
    if run is None:
        return None, []
    return run, _findings_with_dismissals(run, draft.pk)


def open_findings(draft: Draft) -> list[Finding]:
    _run, rows = findings_with_state(draft)
    return [f for f, dismissal in rows if dismissal is None]


def finding_summary(f: Finding) -> dict:
    return {"id": f.pk, "rule": f.rule, "severity": f.severity, "field": f.field, "start": f.start,
            "end": f.end, "text": f.text[:200], "fingerprint": f.fingerprint}


def draft_history(draft: Draft) -> QuerySet[ReviewEvent]:
    return draft.events.select_related("actor", "api_client", "revision").order_by("created_at", "id")


def drafts_visible_to(user: Actor) -> QuerySet[Draft]:
    """Every newsroom member reads every draft; others read none."""
    if not review.is_newsroom_member(user):
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
    if review.reviews(user):
        mine |= Q(assignee__isnull=True)
    return Q(status=review.IN_REVIEW) & mine


def waiting_for(user: Actor) -> QuerySet[Draft]:
    return drafts_visible_to(user).filter(_waiting_q(user)).order_by("updated_at")


def with_open_findings(qs: QuerySet[Draft], *, severity: str = "", family: str = "") -> QuerySet[Draft]:
    """Drafts whose latest check has an open (not dismissed) finding of this severity and/or family."""
    from django.db.models import Exists, OuterRef, Subquery

    latest_run = current_runs(OuterRef(OuterRef("pk")), OuterRef(OuterRef("revision_number"))).values("id")[:1]
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
    ready = Q(status=review.APPROVED) if review.publishes(user) else Q(pk__in=[])
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
        qs = with_open_findings(qs, severity="error")
    elif findings == "clean":
        qs = qs.exclude(pk__in=with_open_findings(Draft.objects.all()).values("pk"))
    elif findings:
        qs = with_open_findings(qs, family=findings)
    for word in (q or "").split()[:8]:
        qs = qs.filter(Q(title__icontains=word) | Q(author__username__icontains=word)
                       | Q(author_name__icontains=word) | Q(desk__icontains=word) | Q(external_id=word)
                       | _body_matches(word))
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


def _body_matches(word: str) -> Q:
    """A word in the text: PostgreSQL's full-text search with its Arabic configuration (stems, so وزير finds
    الوزير and وزراء' stem-mates), else a plain substring match (SQLite)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        hits = (Draft.objects.annotate(_text=SearchVector("body_text", config="arabic"))
                .filter(_text=SearchQuery(word, config="arabic", search_type="plain")).values("pk"))
        return Q(pk__in=hits) | Q(body_text__icontains=word)
    return Q(body_text__icontains=word)


def last_reviewer(draft: Draft):
    """Who last acted as reviewer on a draft (requested changes or approved), for a draft nobody is assigned to."""
    event = (draft.events.filter(action__in=[review.REQUEST_CHANGES, review.APPROVE], actor__isnull=False)
             .select_related("actor").order_by("-created_at", "-id").first())
    return event.actor if event else None


def open_counts_many(drafts) -> dict[int, dict[str, int]]:
    """``open_counts`` for many drafts in three queries (latest run of each latest revision, dismissals)."""
    from django.db.models import OuterRef, Subquery

    drafts = list(drafts)
    if not drafts:
        return {}
    latest_numbers = {d.pk: d.revision_number for d in drafts}
    # A draft without a run gets None, dropped here rather than by a filter in SQL, which would run the
    # subquery a second time for every row.
    run_to_draft = {run: pk for run, pk in Draft.all_objects.filter(pk__in=latest_numbers).annotate(
        run=Subquery(current_runs(OuterRef("pk"), OuterRef("revision_number")).values("id")[:1])
    ).order_by().values_list("run", "pk") if run is not None}
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


def desk_names(limit: int = 50) -> list[str]:
    """The desks (sections) drafts were filed under, most used first: suggestions for a new draft."""
    from django.db.models import Count

    rows = (Draft.objects.exclude(desk="").values("desk").annotate(n=Count("id")).order_by("-n", "desk")[:limit])
    return [r["desk"] for r in rows]


COMMENT_FINGERPRINT_RULE = "comment.passage"


def passage_fingerprint(text: str) -> str:
    """A passage's fingerprint, made as a finding's is (``checks.fingerprint``): its words after normalisation,
    so spelling variants (أ/ا، ى/ي، ة/ه), tashkeel, tatweel and spacing do not change it."""
    from editorial.checks import fingerprint

    return fingerprint(COMMENT_FINGERPRINT_RULE, text)


def comment_anchor(draft: Draft, comment) -> tuple[str, int, int] | None:
    """Where a comment's passage is in the draft's current text: ``(field, start, end)``, the span with the
    comment's fingerprint nearest to where it was written, the way a dismissal follows its finding; None when no
    span has it any more (the comment is outdated). No query: the draft row holds the current text."""
    import regex

    from editorial.checks.arabic import norm, normalize

    words = norm(comment.passage or "").split()
    if not words:
        return None
    want = comment.fingerprint or passage_fingerprint(comment.passage)
    pattern = regex.compile(r"\s+".join(regex.escape(w) for w in words))
    texts = {"body": draft.body_text, "title": draft.title}
    first = comment.field or "body"
    for field in [first] + [f for f in texts if f != first]:
        text = texts[field]
        normalized, hits = normalize(text), []
        for m in pattern.finditer(normalized.text):
            start, end = normalized.to_original(m.start(), m.end())
            while end < len(text) and not norm(text[end]):  # the last letter's tashkeel belongs to the passage
                end += 1
            if passage_fingerprint(text[start:end]) == want:
                hits.append((start, end))
            if len(hits) >= 200:
                break
        if hits:
            return (field, *min(hits, key=lambda h: abs(h[0] - (comment.start or 0))))
    return None
