"""One database query per chart: the aggregates behind the newsroom reports.

Every function takes a ``Period`` (days and an optional desk) and returns a ``Table``. The counting charts read
the rollup (``editorial.reports.rollup``: a few rows per day, desk and person, kept as the services write), so
their cost follows the period, not the newsroom's size; ``editorial.reports.direct`` computes the same figures
from the source tables (the reference the tests and ``reports_rollup --check`` hold the rollup to). The
grouping happens in SQL; Python only turns the grouped rows into table rows (rates, labels, order, percentiles).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import BigIntegerField, Count, F, Q, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial import review
from editorial.models import Draft, ReportCount, ReviewEvent
from editorial.reports import rollup
from editorial.reports.filters import Period
from editorial.reports.tables import ChartSpec, Column, Table
from editorial.web.findings import family_label

TOP_WRITERS = 6  # lines on the writers' chart (more are unreadable); each writer has their own page
WAITING_PER_REVIEWER = 3  # drafts listed per reviewer under "waiting longest"
OVERRIDE_REASONS_SHOWN = 50
TIMED_STATUSES = rollup.TIMED_STATUSES
STATUS_LABELS = dict(review.STATUS_CHOICES)
NO_DESK = _("(no desk)")
NOBODY = _("(unassigned)")


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value, timezone.get_default_timezone())
        return value.date()
    if isinstance(value, str):  # SQLite in a UNION hands back text
        return dt.datetime.fromisoformat(value).date()
    return value


def _rate(findings: int, words: int) -> float:
    return round(findings * 1000 / words, 2) if words else 0.0


def _families() -> list[str]:
    from editorial.checks import all_rules

    return list(dict.fromkeys(rule.family for rule in all_rules().values()))


AXIS_COLUMNS = {"family": "key", "desk": "desk", "author": "person"}


def rates(period: Period, axis: str, *, persons: list[int] | None = None) -> tuple[dict, dict]:
    """Findings and words per (week, family / desk / writer) from the rollup, grouped in SQL: one query a chart.

    The family axis divides by all the week's words (its words are keyed ""); ``persons`` keeps only those
    writers' drafts. Words are the engine's own count of each checked title and body (``CheckRun.stats.words``).
    Rows are grouped by their day, not by week in SQL: a week row's day is its Monday already, and the few day
    rows at the period's ends are put in their week here.
    """
    rows = ReportCount.objects.filter(rollup.spans(period.first_day, period.last_day),
                                      kind__in=("words", "family"))
    if period.desk:
        rows = rows.filter(desk=period.desk)
    if persons is not None:
        rows = rows.filter(person__in=persons)
    column = AXIS_COLUMNS[axis]
    findings_by, words_by = defaultdict(int), defaultdict(int)
    for day, kind, dim, n in (rows.order_by().values("day", "kind", column)
                              .annotate(total=_total("n"), rows=_total("c")).filter(rows__gt=0)
                              .values_list("day", "kind", column, "total")):
        if axis == "author":
            dim = dim or None  # drafts from a CMS have no writer account
        if kind == "family":
            findings_by[(rollup.monday(day), dim)] += n
        else:
            words_by[(rollup.monday(day), dim)] += n
    return dict(findings_by), dict(words_by)


def _writer_words(period: Period) -> dict[int, int]:
    """Words checked per writer in the period (who the writers' chart shows)."""
    rows = ReportCount.objects.filter(rollup.spans(period.first_day, period.last_day), kind="words")
    if period.desk:
        rows = rows.filter(desk=period.desk)
    return {person: words for person, words in (
        rows.order_by().exclude(person=0).values("person").annotate(words=_total("n"), rows=_total("c"))
        .filter(rows__gt=0).values_list("person", "words"))}


def _total(column: str):
    """A sum of a rollup column as a plain integer (not PostgreSQL's numeric, slower to read)."""
    return Cast(Sum(column), BigIntegerField())


RATE_COLUMNS = [
    ("findings", _("Findings")),
    ("words", _("Words checked")),
    ("per_1000", _("Findings per 1,000 words")),
]


def _rate_table(key, title, description, dim_label, findings_by, words_by, *, per_dim_words: bool,
                dims: list, names=None) -> Table:
    rows = []
    weeks = sorted({w for w, _d in findings_by} | {w for w, _d in words_by})
    for dim in dims:
        for week in weeks:
            n = findings_by.get((week, dim), 0)
            words = words_by.get((week, dim if per_dim_words else ""), 0)
            if not words and not n:
                continue
            label = names(dim) if names else (dim if dim != "" else str(NO_DESK))
            rows.append({"week": week, "dim": label, "findings": n, "words": words, "per_1000": _rate(n, words)})
    columns = [Column("week", _("Week of")), Column("dim", dim_label)] + [
        Column(k, label, numeric=True) for k, label in RATE_COLUMNS
    ]
    return Table(key, title, description, columns, rows,
                 ChartSpec("lines", values=("per_1000",), x="week", series="dim", unit=str(_("per 1,000 words"))))


def findings_by_family(period: Period) -> Table:
    families = _families()
    findings_by, words_by = rates(period, "family")
    present = {d for _w, d in findings_by}
    dims = [f for f in families if f in present] + sorted(present - set(families))
    return _rate_table(
        "families", _("Findings per 1,000 words, by check family"),
        _("Every check run in the period, week by week: findings of each family over the words checked."),
        _("Family"), findings_by, words_by, per_dim_words=False, dims=dims, names=family_label,
    )


def findings_by_desk(period: Period) -> Table:
    findings_by, words_by = rates(period, "desk")
    dims = sorted({d for _w, d in words_by}, key=lambda d: (d == "", d))
    return _rate_table(
        "desks", _("Findings per 1,000 words, by desk"),
        _("Every check run in the period, week by week: all findings on the desk's drafts over their words."),
        _("Desk"), findings_by, words_by, per_dim_words=True, dims=dims,
    )


def writer_trend(period: Period, *, writer=None) -> Table:
    """Findings per 1,000 words week by week for one writer, or for the writers with the most words."""
    if writer is not None:
        findings_by, words_by = rates(period, "author", persons=[writer.pk])
        totals = defaultdict(int)
        for (_w, dim), words in words_by.items():
            if dim is not None:
                totals[dim] += words
    else:
        totals = _writer_words(period)
    usernames = dict(get_user_model().objects.filter(pk__in=list(totals)).values_list("pk", "username")
                     ) if totals else {}
    totals = {dim: words for dim, words in totals.items() if dim in usernames}  # a removed account: nobody's
    dims = sorted(totals, key=lambda d: (-totals[d], d))[:TOP_WRITERS]
    if writer is None:
        findings_by, words_by = rates(period, "author", persons=dims)
    table = _rate_table(
        "writers", _("Each writer's trend: findings per 1,000 words"),
        _("Findings on the writer's own drafts over their words, week by week."),
        _("Writer"), findings_by, words_by, per_dim_words=True, dims=dims, names=usernames.get,
    )
    if writer is None and len(totals) > TOP_WRITERS:
        table.notes.append(str(_("The %(n)d writers with the most words checked in the period; every writer "
                                 "has a page of their own.") % {"n": TOP_WRITERS}))
    return table


PRECISION_WINDOW_DAYS = 90  # the admin's measured precision: recent enough to reflect the rule as tuned now


@dataclass(frozen=True)
class Precision:
    """How editors judged one rule's findings: a finding is counted once per draft (by fingerprint)."""

    findings: int
    false_alarm: int
    intentional: int
    fixed_elsewhere: int

    @property
    def false_alarm_share(self) -> float | None:
        return round(100 * self.false_alarm / self.findings, 1) if self.findings else None

    @property
    def precision(self) -> float | None:
        """The share of the rule's findings not dismissed as false alarms: its measured precision here."""
        return round(100 - self.false_alarm_share, 1) if self.findings else None


def rule_precision(first_day: dt.date, last_day: dt.date | None = None, *, desk: str = "",
                   rules: list[str] | None = None) -> dict[str, Precision]:
    """Findings (once per draft) and active dismissals of each kind per rule, days inclusive, from the rollup.

    A finding seen in the period counts once per draft: the period counts its sightings whose previous sighting
    in the same draft is before the period (or none).
    """
    rows = ReportCount.objects.filter(rollup.spans(first_day, last_day), kind__in=("sighting", "dismissal"))
    if desk:
        rows = rows.filter(desk=desk)
    if rules is not None:
        rows = rows.filter(key__in=rules)
    first_seen = Q(kind="sighting") & (Q(sub="") | Q(sub__lt=first_day.isoformat()))
    rows = rows.filter(first_seen | Q(kind="dismissal"))
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    column = {review.DismissalKind.FALSE_ALARM: 1, review.DismissalKind.INTENTIONAL: 2,
              review.DismissalKind.FIXED_ELSEWHERE: 3}
    for kind, rule, sub, n in (rows.order_by().values("kind", "key", "sub").annotate(total=_total("c"))
                               .values_list("kind", "key", "sub", "total")):
        if kind == "sighting":
            sums[rule][0] += n
        elif sub in column:
            sums[rule][column[sub]] += n
    return {rule: Precision(*counts) for rule, counts in sums.items() if any(counts)}


def precision_text(p: Precision | None) -> str:
    """The admin's wording of a rule's measured precision."""
    if p is None or not p.findings:
        return str(_("no findings in the last %(days)d days") % {"days": PRECISION_WINDOW_DAYS})
    return str(_("%(precision)s%% — %(fa)d of %(n)d findings dismissed as false alarms (%(it)d intentional, "
                 "%(fe)d fixed elsewhere)") % {"precision": p.precision, "fa": p.false_alarm, "n": p.findings,
                                               "it": p.intentional, "fe": p.fixed_elsewhere})


def precision_since() -> dt.date:
    """The first day of the admin's window: from the start of the newsroom's day PRECISION_WINDOW_DAYS ago."""
    return timezone.localdate(timezone=timezone.get_default_timezone()) - dt.timedelta(days=PRECISION_WINDOW_DAYS)


def recent_precision(rules: list[str] | None = None) -> dict[str, Precision]:
    return rule_precision(precision_since(), rules=rules)


def dismissals_by_rule(period: Period) -> Table:
    """The rules editors dismiss, by dismissal kind, with each rule's measured precision."""
    figures = rule_precision(period.first_day, period.last_day, desk=period.desk)
    judged = sorted(((rule, p) for rule, p in figures.items() if p.false_alarm + p.intentional
                     + p.fixed_elsewhere), key=lambda item: (-item[1].false_alarm, -item[1].findings, item[0]))
    rows = [
        {"rule": rule, "findings": p.findings, "false_alarm": p.false_alarm, "intentional": p.intentional,
         "fixed_elsewhere": p.fixed_elsewhere, "false_alarm_share": p.false_alarm_share,
         "precision": p.precision}
        for rule, p in judged
    ]
    kinds = dict(review.DismissalKind.choices)
    columns = [
        Column("rule", _("Rule")), Column("findings", _("Findings"), True),
        Column("false_alarm", kinds[review.DismissalKind.FALSE_ALARM], True),
        Column("intentional", kinds[review.DismissalKind.INTENTIONAL], True),
        Column("fixed_elsewhere", kinds[review.DismissalKind.FIXED_ELSEWHERE], True),
        Column("false_alarm_share", _("Dismissed as false alarms (%)"), True),
        Column("precision", _("Measured precision (%)"), True),
    ]
    return Table(
        "dismissals", _("Rules editors dismiss, by kind of dismissal"),
        _("Findings are counted once per draft. A rule's measured precision is the share of its findings not "
          "dismissed as false alarms; the same figure stands beside the rule in the admin's rule settings."),
        columns, rows, ChartSpec("bars", values=("false_alarm", "intentional", "fixed_elsewhere"),
                                 label=("rule",)),
    )


def _names(people) -> dict[int, str]:
    ids = [p for p in set(people) if p]
    return dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", get_user_model().USERNAME_FIELD)
                ) if ids else {}


def _nearest_rank(histogram: list[tuple[int, int]], share: int) -> int:
    """The nearest-rank percentile (``share`` in %) of sorted (value, count) pairs."""
    n = sum(c for _v, c in histogram)
    seen = 0
    for value, count in histogram:
        seen += count
        if seen * 100 >= n * share:
            return value
    raise ValueError("empty histogram")


def status_times(period: Period) -> Table:
    """Median and 90th percentile of the time drafts spent in each status, by who moved them on.

    A stay in a status runs from the review event that entered it to the draft's next status change; the
    person who took that next action is the one the wait ended with (for "in review", the reviewer). Stays are
    counted on the day they began; the percentiles are nearest-rank, over the stays' exact lengths (the rollup
    keeps each length with how many stays had it).
    """
    rows = ReportCount.objects.filter(rollup.spans(period.first_day, period.last_day), kind="stay")
    if period.desk:
        rows = rows.filter(desk=period.desk)
    counted = list(rows.order_by().values("key", "person", "value").annotate(stays=_total("c")).filter(stays__gt=0)
                   .values_list("key", "person", "value", "stays"))
    names = _names(p for _s, p, _v, _c in counted)
    histograms: dict[tuple, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for status, person, value, stays in counted:
        histograms[(status, names.get(person))][value] += stays
    found = []
    for (status, name), histogram in histograms.items():
        pairs = sorted(histogram.items())
        found.append((status, name, sum(histogram.values()), _nearest_rank(pairs, 50) / 1e6,
                      _nearest_rank(pairs, 90) / 1e6))
    return status_table(found)


def status_table(found: list[tuple]) -> Table:
    """(status, who, stays, median seconds, 90th percentile seconds) rows as the chart's table."""
    order = {s: i for i, s in enumerate(TIMED_STATUSES)}
    found.sort(key=lambda r: (order[r[0]], r[1] or ""))
    rows = [
        {"status": str(STATUS_LABELS[status]), "person": name or "API", "stays": n,
         "median_hours": round(float(p50) / 3600, 1), "p90_hours": round(float(p90) / 3600, 1)}
        for status, name, n, p50, p90 in found
    ]
    columns = [
        Column("status", _("Status")), Column("person", _("Moved on by")), Column("stays", _("Stays"), True),
        Column("median_hours", _("Median (hours)"), True), Column("p90_hours", _("90th percentile (hours)"), True),
    ]
    return Table(
        "status_times", _("Time in each status"),
        _("How long drafts stayed in review, in changes requested and approved before the next step, by the "
          "person who took it (for \"in review\", the reviewer)."),
        columns, rows, ChartSpec("bars", values=("median_hours", "p90_hours"), label=("status", "person"),
                                 unit=str(_("hours"))),
    )


def waiting_longest(period: Period) -> Table:
    """Drafts in review now, the longest-waiting few for each assigned reviewer (unassigned ones together)."""
    from django.db.models import OuterRef, Subquery, Window
    from django.db.models.functions import RowNumber

    entered = Subquery(
        ReviewEvent.objects.filter(draft=OuterRef("pk")).order_by("-created_at", "-id").values("created_at")[:1]
    )
    drafts = Draft.objects.filter(status=review.IN_REVIEW)
    if period.desk:
        drafts = drafts.filter(desk=period.desk)
    drafts = (
        drafts.order_by()
        .annotate(since=Coalesce(entered, F("updated_at")))
        .annotate(rank=Window(RowNumber(), partition_by=[F("assignee_id")], order_by=[F("since").asc(), F("pk")]),
                  waiting=Window(Count("pk"), partition_by=[F("assignee_id")]))
        .filter(rank__lte=WAITING_PER_REVIEWER)
        .values_list("pk", "title", "assignee__username", "since", "waiting", "rank")
    )
    now = timezone.now()
    found = sorted(drafts, key=lambda r: (r[2] is None, r[2] or "", r[5]))
    rows = [
        {"reviewer": name or str(NOBODY), "draft": pk, "title": title[:120], "since": timezone.localtime(since)
         .strftime("%Y-%m-%d %H:%M"), "days": round((now - since).total_seconds() / 86400, 1),
         "waiting": waiting}
        for pk, title, name, since, waiting, _rank in found
    ]
    columns = [
        Column("reviewer", _("Reviewer")), Column("draft", _("Draft"), True), Column("title", _("Title")),
        Column("since", _("In review since")), Column("days", _("Days waiting"), True),
        Column("waiting", _("Drafts waiting for this reviewer"), True),
    ]
    return Table(
        "waiting", _("Drafts waiting longest, per reviewer"),
        _("Drafts in review now (whatever the period), the %(n)d oldest for each reviewer they are assigned "
          "to.") % {"n": WAITING_PER_REVIEWER},
        columns, rows, ChartSpec("bars", values=("days",), label=("reviewer", "draft"), unit=str(_("days"))),
    )


def overrides(period: Period) -> Table:
    """Approvals, and approvals over open errors (overrides), by reviewer: from the rollup."""
    rows = ReportCount.objects.filter(rollup.spans(period.first_day, period.last_day), kind="approval")
    if period.desk:
        rows = rows.filter(desk=period.desk)
    counted = list(rows.order_by().values("person", "sub").annotate(total=_total("c"))
                   .values_list("person", "sub", "total"))
    names = _names(p for p, _s, _t in counted)
    by_name: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for person, sub, total in counted:
        by_name[names.get(person)][0] += total
        if sub == rollup.OVERRIDE:
            by_name[names.get(person)][1] += total
    return overrides_table([(name, a, o) for name, (a, o) in by_name.items() if a])


def overrides_table(found: list[tuple]) -> Table:
    """(reviewer, approvals, overrides) rows as the chart's table."""
    rows = [
        {"reviewer": name or "API", "approvals": a, "overrides": o, "share": round(100 * o / a, 1) if a else 0.0}
        for name, a, o in sorted(found, key=lambda r: (-r[2], -r[1], r[0] or ""))
    ]
    columns = [
        Column("reviewer", _("Reviewer")), Column("approvals", _("Approvals"), True),
        Column("overrides", _("Over open errors"), True), Column("share", _("Share of approvals (%)"), True),
    ]
    return Table(
        "overrides", _("Approvals over open errors, by reviewer"),
        _("Every approval in the period, and those a reviewer gave over open error findings with a reason "
          "(the reasons are listed below)."),
        columns, rows, ChartSpec("bars", values=("approvals", "overrides"), label=("reviewer",)),
    )


def override_reasons(period: Period, *, limit: int = OVERRIDE_REASONS_SHOWN) -> list[dict]:
    """The latest override reasons in the period (a list, not a chart: shown under the overrides chart)."""
    events = ReviewEvent.objects.filter(action=review.APPROVE, created_at__gte=period.start,
                                        created_at__lt=period.end, draft__deleted_at__isnull=True
                                        ).exclude(override_reason="")
    if period.desk:
        events = events.filter(draft__desk=period.desk)
    return [
        {"when": timezone.localtime(when), "reviewer": name or "API", "draft": draft_id, "title": title,
         "reason": reason,
         "open_errors": sum(1 for f in open_findings or [] if f.get("severity") == "error")}
        for when, name, draft_id, title, reason, open_findings in events.order_by("-created_at", "-id")
        .values_list("created_at", "actor__username", "draft_id", "draft__title", "override_reason",
                     "open_findings")[:limit]
    ]


def desks() -> list[str]:
    """The desks of live drafts, in order: a loose index scan (one index probe per desk, not a scan of every
    draft), the same SQL on SQLite and PostgreSQL."""
    table = connection.ops.quote_name(Draft._meta.db_table)
    sql = f"""
        WITH RECURSIVE found(desk) AS (
            SELECT MIN(desk) FROM {table} WHERE desk > '' AND deleted_at IS NULL
            UNION ALL
            SELECT (SELECT MIN(desk) FROM {table} WHERE desk > found.desk AND deleted_at IS NULL)
            FROM found WHERE found.desk IS NOT NULL
        )
        SELECT desk FROM found WHERE desk IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [desk for (desk,) in cursor.fetchall()]
