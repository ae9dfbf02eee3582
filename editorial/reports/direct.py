"""The reports' figures computed straight from the source tables: the reference the rollup is held to.

``editorial.reports.queries`` reads the same figures from the rollup (fast at any size); these functions join
check runs, findings, dismissals and review events to their drafts at read time (slow on a large newsroom), as
the reports did before the rollup. Tests and ``manage.py reports_rollup --check`` compare the two.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import CharField, Count, F, IntegerField, Q, Sum, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, Concat, TruncWeek
from django.utils import timezone

from editorial import review
from editorial.models import CheckRun, Dismissal, Draft, Finding, ReviewEvent
from editorial.reports import queries
from editorial.reports.filters import Period
from editorial.reports.tables import Table

TIMED_STATUSES = queries.TIMED_STATUSES


@dataclass
class RateCube:
    """Findings per (week, family, desk, author) and words per (week, desk, author), counted from the source
    tables: the three rate charts (by family, by desk, by writer) are sums over it (``by``)."""

    findings: dict[tuple, int]
    words: dict[tuple, int]

    def by(self, axis: str) -> tuple[dict, dict]:
        """Findings and words per (week, axis value); the family axis divides by all the week's words."""
        f_index = {"family": 1, "desk": 2, "author": 3}[axis]
        findings_by, words_by = defaultdict(int), defaultdict(int)
        for key, n in self.findings.items():
            findings_by[(key[0], key[f_index])] += n
        for (week, desk, author), w in self.words.items():
            dim = {"family": "", "desk": desk, "author": author}[axis]
            words_by[(week, dim)] += w
        return findings_by, words_by


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


def _words():
    return Cast(KT("stats__words"), IntegerField())


def rate_cube(period: Period, *, writer=None) -> RateCube:
    """One UNION ALL query: findings grouped by week, family, desk and author; words by week, desk, author.

    Words come from the check runs (the engine's own count of the checked title and body).
    """
    # Deleted drafts do not exist for reports (Draft.objects hides them; these joins must say so themselves).
    runs = CheckRun.objects.filter(created_at__gte=period.start, created_at__lt=period.end,
                                   revision__draft__deleted_at__isnull=True)
    findings = Finding.objects.filter(check_run__created_at__gte=period.start, check_run__created_at__lt=period.end,
                                      check_run__revision__draft__deleted_at__isnull=True)
    if period.desk:
        runs = runs.filter(revision__draft__desk=period.desk)
        findings = findings.filter(check_run__revision__draft__desk=period.desk)
    if writer is not None:
        runs = runs.filter(revision__draft__author=writer)
        findings = findings.filter(check_run__revision__draft__author=writer)
    f = (
        findings.order_by()
        .annotate(week=TruncWeek("check_run__created_at", tzinfo=timezone.get_default_timezone()), fam=F("family"),
                  desk_=F("check_run__revision__draft__desk"), author=F("check_run__revision__draft__author_id"))
        .values("week", "fam", "desk_", "author")
        .annotate(n=Count("id"), side=Value(1))
        .values_list("week", "fam", "desk_", "author", "n", "side")
    )
    w = (
        runs.order_by()
        .annotate(week=TruncWeek("created_at", tzinfo=timezone.get_default_timezone()), fam=Value(""), desk_=F("revision__draft__desk"),
                  author=F("revision__draft__author_id"))
        .values("week", "fam", "desk_", "author")
        .annotate(n=Coalesce(Sum(_words()), 0), side=Value(2))
        .values_list("week", "fam", "desk_", "author", "n", "side")
    )
    cube = RateCube({}, {})
    for week, family, desk, author, n, side in f.union(w, all=True).order_by():
        day = queries._day(week)
        if side == 1:
            cube.findings[(day, family, desk or "", author)] = n
        else:
            cube.words[(day, desk or "", author)] = n or 0
    return cube


def rule_precision(first_day: dt.date, last_day: dt.date | None = None, *, desk: str = "",
                   rules: list[str] | None = None) -> dict[str, queries.Precision]:
    """Findings and active dismissals of each kind per rule, in one UNION ALL query, days inclusive."""
    start = _moment(first_day)
    end = _moment(last_day + dt.timedelta(days=1)) if last_day is not None else None
    findings = Finding.objects.filter(check_run__created_at__gte=start, check_run__revision__draft__deleted_at__isnull=True)
    dismissals = Dismissal.objects.filter(created_at__gte=start, undone_at__isnull=True, draft__deleted_at__isnull=True)
    if end is not None:
        findings = findings.filter(check_run__created_at__lt=end)
        dismissals = dismissals.filter(created_at__lt=end)
    if desk:
        findings = findings.filter(check_run__revision__draft__desk=desk)
        dismissals = dismissals.filter(draft__desk=desk)
    if rules is not None:
        findings, dismissals = findings.filter(rule__in=rules), dismissals.filter(rule__in=rules)
    once_per_draft = Concat(Cast("check_run__revision__draft_id", CharField()), Value(":"), "fingerprint",
                            output_field=CharField())
    zero = Value(0)
    f = (findings.order_by().values("rule")
         .annotate(n=Count(once_per_draft, distinct=True), fa=zero, it=zero, fe=zero)
         .values_list("rule", "n", "fa", "it", "fe"))
    kinds = review.DismissalKind
    d = (dismissals.order_by().values("rule")
         .annotate(n=zero, fa=Count("id", filter=Q(kind=kinds.FALSE_ALARM)),
                   it=Count("id", filter=Q(kind=kinds.INTENTIONAL)),
                   fe=Count("id", filter=Q(kind=kinds.FIXED_ELSEWHERE)))
         .values_list("rule", "n", "fa", "it", "fe"))
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for rule, *counts in f.union(d, all=True).order_by():
        sums[rule] = [a + b for a, b in zip(sums[rule], counts, strict=True)]
    return {rule: queries.Precision(*counts) for rule, counts in sums.items()}


def _seconds_sql(later: str, earlier: str) -> str:
    if connection.vendor == "postgresql":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
    return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


def status_times(period: Period) -> Table:
    """Median and 90th percentile of the time drafts spent in each status, by who moved them on, from the log.

    A stay in a status runs from the review event that entered it to the next event of the same draft; the
    person who took that next action is the one the wait ended with (for "in review", the reviewer). The
    percentiles are nearest-rank, computed with window functions so SQLite and PostgreSQL agree.
    """
    ev, dr = ReviewEvent._meta.db_table, Draft._meta.db_table
    user_table = get_user_model()._meta.db_table
    desk_sql = "AND d.desk = %s" if period.desk else ""
    statuses = ", ".join(["%s"] * len(TIMED_STATUSES))
    sql = f"""
        WITH ev AS (
            SELECT e.to_status AS status, e.created_at AS entered,
                   LEAD(e.created_at) OVER (PARTITION BY e.draft_id ORDER BY e.created_at, e.id) AS left_at,
                   LEAD(e.actor_id) OVER (PARTITION BY e.draft_id ORDER BY e.created_at, e.id) AS mover
            FROM {ev} e JOIN {dr} d ON d.id = e.draft_id
            WHERE e.created_at >= %s AND d.deleted_at IS NULL AND e.from_status <> e.to_status {desk_sql}
        ), stays AS (
            SELECT status, mover, {_seconds_sql("left_at", "entered")} AS secs
            FROM ev WHERE left_at IS NOT NULL AND entered < %s AND status IN ({statuses})
        ), ranked AS (
            SELECT status, mover, secs,
                   ROW_NUMBER() OVER (PARTITION BY status, mover ORDER BY secs) AS rn,
                   COUNT(*) OVER (PARTITION BY status, mover) AS n
            FROM stays
        )
        SELECT r.status, u.{get_user_model().USERNAME_FIELD}, MAX(r.n),
               MIN(CASE WHEN r.rn * 100 >= r.n * 50 THEN r.secs END),
               MIN(CASE WHEN r.rn * 100 >= r.n * 90 THEN r.secs END)
        FROM ranked r LEFT JOIN {user_table} u ON u.id = r.mover
        GROUP BY r.status, u.{get_user_model().USERNAME_FIELD}
    """
    params = [period.start] + ([period.desk] if period.desk else []) + [period.end, *TIMED_STATUSES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return queries.status_table(cursor.fetchall())

def overrides(period: Period) -> Table:
    """Approvals, and approvals over open errors (overrides), by reviewer, counted from the review log."""
    events = ReviewEvent.objects.filter(action=review.APPROVE, created_at__gte=period.start,
                                        created_at__lt=period.end, draft__deleted_at__isnull=True)
    if period.desk:
        events = events.filter(draft__desk=period.desk)
    found = (
        events.order_by()
        .values("actor__username")
        .annotate(approvals=Count("id"), overrides=Count("id", filter=~Q(override_reason="")))
        .values_list("actor__username", "approvals", "overrides")
    )
    return queries.overrides_table(list(found))
