"""The reports' rollup: what each chart counts, summed per day, desk and person in one narrow table.

The charts read ``ReportCount`` (a few thousand rows for a period) instead of joining check runs, findings and
review events to their drafts at read time. One definition, ``contributions``, says what a draft's rows add to
the rollup; the service functions add the same as they write (``run_checked``, ``status_changed``,
``dismissal_changed``), move a draft's part when its desk, writer or deletion changes (``moved``), and
``rebuild`` (``manage.py reports_rollup``) computes it all again from the source tables.

Kinds of row (``kind``, then what ``key``, ``sub``, ``person`` and ``value`` hold):

- ``words``: one check run; ``person`` its writer, ``n`` the words the engine counted.
- ``family``: one finding; ``key`` its family, ``person`` the writer.
- ``sighting``: a finding seen on a day in a draft (by rule and fingerprint, once a day); ``key`` the rule,
  ``sub`` the day it was last seen before in that draft ("" for never). A period counts a finding once per
  draft by counting the sightings in it whose previous one is before it.
- ``dismissal``: an active dismissal; ``key`` the rule, ``sub`` its kind.
- ``approval``: an approval; ``person`` the reviewer, ``sub`` "override" when given over open errors.
- ``stay``: a stay in a timed status, on the day it began; ``key`` the status, ``person`` who moved it on,
  ``value`` its length in microseconds (so percentiles stay exact).

Days are the newsroom's (``settings.TIME_ZONE``); deleted drafts add nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from django.apps import apps as global_apps
from django.db import connection, transaction
from django.db.models import IntegerField, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone

from editorial import review

# Statuses whose time is measured (from entering them to the draft's next status change).
TIMED_STATUSES = (review.IN_REVIEW, review.CHANGES_REQUESTED, review.APPROVED)
OVERRIDE = "override"
REBUILD_BATCH = 20_000  # drafts per batch when rebuilding

Key = tuple  # (kind, span, day, desk, person, key, sub, value)
DAY, WEEK = 1, 7  # every count is kept for its day and again for its week (``day`` then names the Monday)
COLUMNS = ("kind", "span", "day", "desk", "person", "key", "sub", "value")


def day_of(when: dt.datetime) -> dt.date:
    """The newsroom's day of a moment (every report counts by this day)."""
    return timezone.localtime(when, timezone.get_default_timezone()).date()


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def span_ranges(first_day: dt.date, last_day: dt.date | None) -> list[tuple[int, dt.date, dt.date | None]]:
    """The rollup rows that make up the days [first_day, last_day] (``None``: no end), each day counted once:
    (span, first row day, last row day) for the whole weeks inside as week rows, the days around them as day rows."""
    full = first_day + dt.timedelta(days=(7 - first_day.weekday()) % 7)  # the first Monday in the period
    last_full = None if last_day is None else monday(last_day + dt.timedelta(days=1)) - dt.timedelta(days=7)
    if last_full is not None and last_full < full:
        return [(DAY, first_day, last_day)]
    out = [(DAY, first_day, full - dt.timedelta(days=1))] if full > first_day else []
    out.append((WEEK, full, last_full))
    if last_full is not None and last_full + dt.timedelta(days=6) < last_day:
        out.append((DAY, last_full + dt.timedelta(days=7), last_day))
    return out


def spans(first_day: dt.date, last_day: dt.date | None) -> Q:
    """``span_ranges`` as a filter on ``ReportCount``."""
    q = Q(pk__in=[])
    for span, lo, hi in span_ranges(first_day, last_day):
        q |= Q(span=span, day__gte=lo, **({"day__lte": hi} if hi is not None else {}))
    return q


class Delta(defaultdict):
    """Rollup rows to add: key -> [n, c]."""

    def __init__(self):
        super().__init__(lambda: [0, 0])

    def add(self, kind: str, day: dt.date, desk: str, person: int | None = 0, key: str = "", sub: str = "",
            value: int = 0, n: int = 1, c: int = 1) -> None:
        for span, start in ((DAY, day), (WEEK, monday(day))):
            cell = self[(kind, span, start, desk or "", person or 0, key, sub, value)]
            cell[0] += n
            cell[1] += c

    def minus(self, other: Delta) -> Delta:
        out = Delta()
        for k, (n, c) in self.items():
            out[k][0] += n
            out[k][1] += c
        for k, (n, c) in other.items():
            out[k][0] -= n
            out[k][1] -= c
        return out


@dataclass(frozen=True)
class Place:
    """Where a draft's rows count: its desk and writer, and whether it counts at all (not deleted)."""

    desk: str
    author: int
    live: bool

    @classmethod
    def of(cls, draft) -> Place:
        return cls(draft.desk or "", draft.author_id or 0, draft.deleted_at is None)


@dataclass
class Rows:
    """A draft's source rows, as ``contributions`` reads them."""

    runs: list = field(default_factory=list)  # (run id, created_at, words)
    findings: list = field(default_factory=list)  # (run id, family, rule, fingerprint)
    events: list = field(default_factory=list)  # (id, created_at, action, from, to, actor id, overridden)
    dismissals: list = field(default_factory=list)  # (created_at, rule, kind), active ones


def contributions(place: Place, rows: Rows) -> Delta:
    """What one draft's rows add to the rollup: the one definition of every count the charts show."""
    out = Delta()
    if not place.live:
        return out
    desk, author = place.desk, place.author
    run_day = {}
    for run_id, created, words in rows.runs:
        run_day[run_id] = day = day_of(created)
        out.add("words", day, desk, author, n=words or 0)
    seen: dict[tuple[str, str], set] = defaultdict(set)
    for run_id, family, rule, fingerprint in rows.findings:
        day = run_day[run_id]
        out.add("family", day, desk, author, key=family)
        seen[(rule, fingerprint)].add(day)
    for (rule, _fp), days in seen.items():
        previous = ""
        for day in sorted(days):
            out.add("sighting", day, desk, key=rule, sub=previous)
            previous = day.isoformat()
    moves = sorted((e for e in rows.events if e[3] != e[4]), key=lambda e: (e[1], e[0]))
    for _id, created, action, _from, _to, actor, overridden in rows.events:
        if action == review.APPROVE:
            out.add("approval", day_of(created), desk, actor, sub=OVERRIDE if overridden else "")
    for entered, left in pairwise(moves):
        _stay(out, desk, entered_at=entered[1], status=entered[4], left_at=left[1], mover=left[5])
    for created, rule, kind in rows.dismissals:
        out.add("dismissal", day_of(created), desk, key=rule, sub=kind)
    return out


def _stay(out: Delta, desk: str, *, entered_at, status: str, left_at, mover) -> None:
    if status in TIMED_STATUSES:
        out.add("stay", day_of(entered_at), desk, mover, key=status, value=(left_at - entered_at) // MICROSECOND)


MICROSECOND = dt.timedelta(microseconds=1)


# --- reading the source rows ---------------------------------------------------------------------------------

def _words():
    return Cast(KT("stats__words"), IntegerField())


def _source_rows(draft_filter: dict, get_model: Callable = global_apps.get_model) -> dict[int, Rows]:
    """The source rows of the drafts ``draft_filter`` selects (keys on the draft id), by draft."""
    CheckRun, Finding = get_model("editorial", "CheckRun"), get_model("editorial", "Finding")
    ReviewEvent, Dismissal = get_model("editorial", "ReviewEvent"), get_model("editorial", "Dismissal")
    by_draft: dict[int, Rows] = defaultdict(Rows)
    on_run = {f"revision__draft_id{k}": v for k, v in draft_filter.items()}
    on_finding = {f"check_run__revision__draft_id{k}": v for k, v in draft_filter.items()}
    on_draft = {f"draft_id{k}": v for k, v in draft_filter.items()}
    run_draft = {}
    for run_id, draft_id, created, words in (CheckRun.objects.filter(**on_run).order_by()
                                             .values_list("id", "revision__draft_id", "created_at", _words())):
        by_draft[draft_id].runs.append((run_id, created, words))
        run_draft[run_id] = draft_id
    for run_id, family, rule, fingerprint in (Finding.objects.filter(**on_finding).order_by()
                                              .values_list("check_run_id", "family", "rule", "fingerprint")):
        by_draft[run_draft[run_id]].findings.append((run_id, family, rule, fingerprint))
    for pk, draft_id, created, action, src, dst, actor, reason in (
            ReviewEvent.objects.filter(**on_draft).order_by()
            .values_list("id", "draft_id", "created_at", "action", "from_status", "to_status", "actor_id",
                         "override_reason")):
        by_draft[draft_id].events.append((pk, created, action, src, dst, actor, bool(reason)))
    for draft_id, created, rule, kind in (Dismissal.objects.filter(undone_at__isnull=True, **on_draft).order_by()
                                          .values_list("draft_id", "created_at", "rule", "kind")):
        by_draft[draft_id].dismissals.append((created, rule, kind))
    return by_draft


# --- writing ---------------------------------------------------------------------------------------------------

def apply(delta: Delta, get_model: Callable = global_apps.get_model) -> None:
    """Add the delta to the rollup (upserts: concurrent writers add up, never overwrite; rows in key order, so
    two writers lock shared rows in the same order and never deadlock)."""
    rows = sorted((*k, n, c) for k, (n, c) in delta.items() if n or c)
    if not rows:
        return
    table = get_model("editorial", "ReportCount")._meta.db_table
    q = connection.ops.quote_name
    keys = ", ".join(q(c) for c in COLUMNS)
    width = len(COLUMNS) + 2
    # Many rows a statement (the keys of a delta are distinct, as one upsert statement needs).
    per_statement = max(1, min(1000, (connection.features.max_query_params or 10_000) // width))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            values = ", ".join([f"({', '.join(['%s'] * width)})"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {q(table)} ({keys}, {q('n')}, {q('c')}) VALUES {values} "
                f"ON CONFLICT ({keys}) DO UPDATE SET {q('n')} = {q(table)}.{q('n')} + EXCLUDED.{q('n')}, "
                f"{q('c')} = {q(table)}.{q('c')} + EXCLUDED.{q('c')}",
                [v for row in chunk for v in row])


def run_checked(run, findings: Iterable, draft, *, first: bool) -> None:
    """A check run was stored with these findings (``first``: the draft's first run, nothing seen before)."""
    place = Place.of(draft)
    if not place.live:
        return
    out = Delta()
    day = day_of(run.created_at)
    words = (run.stats or {}).get("words")
    out.add("words", day, place.desk, place.author, n=words if isinstance(words, int) else 0)
    pairs = set()
    for f in findings:
        out.add("family", day, place.desk, place.author, key=f.family)
        pairs.add((f.rule, f.fingerprint))
    earlier: dict[tuple[str, str], set] = defaultdict(set)
    if pairs and not first:
        Finding = global_apps.get_model("editorial", "Finding")
        for rule, fingerprint, created in (
                Finding.objects.filter(check_run__revision__draft_id=draft.pk,
                                       fingerprint__in={fp for _r, fp in pairs})
                .exclude(check_run_id=run.pk).order_by()
                .values_list("rule", "fingerprint", "check_run__created_at")):
            if (rule, fingerprint) in pairs:
                earlier[(rule, fingerprint)].add(day_of(created))
    for rule, fingerprint in pairs:
        days = earlier[(rule, fingerprint)]
        if day in days:
            continue  # already seen that day
        before = [d for d in days if d < day]
        previous = max(before).isoformat() if before else ""
        out.add("sighting", day, place.desk, key=rule, sub=previous)
        after = [d for d in days if d > day]
        if after:  # a run stored out of time order: the next sighting was last seen before on this day now
            out.add("sighting", min(after), place.desk, key=rule, sub=previous, n=-1, c=-1)
            out.add("sighting", min(after), place.desk, key=rule, sub=day.isoformat())
    apply(out)


def previous_move(draft) -> tuple | None:
    """The draft's latest status change (when, to which status), read before a new one is written."""
    from django.db.models import F

    ReviewEvent = global_apps.get_model("editorial", "ReviewEvent")
    return (ReviewEvent.objects.filter(draft_id=draft.pk).exclude(from_status=F("to_status"))
            .order_by("-created_at", "-id").values_list("created_at", "to_status").first())


def status_changed(event, draft, previous: tuple | None) -> None:
    """A review event was written; ``previous`` is ``previous_move(draft)`` as read before it."""
    place = Place.of(draft)
    if not place.live:
        return
    out = Delta()
    if event.action == review.APPROVE:
        out.add("approval", day_of(event.created_at), place.desk, event.actor_id,
                sub=OVERRIDE if event.override_reason else "")
    if previous is not None and event.from_status != event.to_status:
        _stay(out, place.desk, entered_at=previous[0], status=previous[1], left_at=event.created_at,
              mover=event.actor_id)
    apply(out)


def dismissal_changed(dismissal, draft, *, sign: int) -> None:
    """A dismissal was made (``sign=1``) or undone (``sign=-1``)."""
    place = Place.of(draft)
    if place.live:
        out = Delta()
        out.add("dismissal", day_of(dismissal.created_at), place.desk, key=dismissal.rule, sub=dismissal.kind,
                n=sign, c=sign)
        apply(out)


def moved(draft_id: int, old: Place, new: Place) -> None:
    """The draft's desk, writer or deletion changed: its rows now count elsewhere (or not at all)."""
    if old == new:
        return
    rows = _source_rows({"": draft_id}).get(draft_id, Rows())
    apply(contributions(new, rows).minus(contributions(old, rows)))


class tracked:
    """Around a write whose effect on a draft's rows is not known in advance (e.g. the archive index replacing
    findings): the draft's contributions before and after, and the difference applied."""

    def __init__(self, draft_id: int):
        self.draft_id = draft_id

    def _now(self, *, lock: bool = False) -> Delta:
        Draft = global_apps.get_model("editorial", "Draft")
        drafts = Draft.all_objects.select_for_update() if lock else Draft.all_objects
        draft = drafts.get(pk=self.draft_id)
        return contributions(Place.of(draft), _source_rows({"": self.draft_id}).get(self.draft_id, Rows()))

    def __enter__(self):
        # The draft's row locked (inside the caller's transaction): no other write to the draft (a check run, a
        # transition) lands between the two counts and is counted twice.
        self.before = self._now(lock=True)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            apply(self._now().minus(self.before))
        return False


def computed(*, get_model: Callable = global_apps.get_model, batch: int = REBUILD_BATCH,
             progress: Callable[[int], None] | None = None) -> Iterable[Delta]:
    """The whole rollup computed from the source tables, a batch of drafts at a time."""
    drafts = get_model("editorial", "Draft")._default_manager  # at run time the live ones; ``Place`` tells anyway
    first = drafts.order_by("id").values_list("id", flat=True).first()
    last = drafts.order_by("-id").values_list("id", flat=True).first()
    done = 0
    for start in range(first or 0, (last or -1) + 1, batch):
        end = start + batch
        places = {pk: Place(desk or "", author or 0, deleted is None) for pk, desk, author, deleted in
                  drafts.filter(id__gte=start, id__lt=end).order_by()
                  .values_list("id", "desk", "author_id", "deleted_at")}
        total = Delta()
        for draft_id, rows in _source_rows({"__gte": start, "__lt": end}, get_model).items():
            if draft_id not in places:
                continue  # deleted
            for k, (n, c) in contributions(places[draft_id], rows).items():
                cell = total[k]
                cell[0] += n
                cell[1] += c
        done += len(places)
        if progress:
            progress(done)
        yield total


def rebuild(*, get_model: Callable = global_apps.get_model, batch: int = REBUILD_BATCH,
            progress: Callable[[int], None] | None = None) -> int:
    """Compute the whole rollup again from the source tables; returns the rollup rows written."""
    ReportCount = get_model("editorial", "ReportCount")
    with transaction.atomic():
        ReportCount._default_manager.all().delete()
        for delta in computed(get_model=get_model, batch=batch, progress=progress):
            apply(delta, get_model)
        return ReportCount._default_manager.count()


def differences(limit: int = 20) -> tuple[int, list[str]]:
    """Compare the rollup with what the source tables say: (how many keys differ, the first few)."""
    ReportCount = global_apps.get_model("editorial", "ReportCount")
    expected: dict[Key, tuple[int, int]] = {}
    for delta in computed():
        for k, (n, c) in delta.items():
            old = expected.get(k, (0, 0))
            expected[k] = (old[0] + n, old[1] + c)
    stored = {tuple(row[:-2]): tuple(row[-2:]) for row in ReportCount.objects.values_list(*COLUMNS, "n", "c")}
    wrong = [k for k in expected.keys() | stored.keys() if expected.get(k, (0, 0)) != stored.get(k, (0, 0))]
    return len(wrong), [f"{k}: stored {stored.get(k, (0, 0))}, expected {expected.get(k, (0, 0))}"
                        for k in sorted(wrong, key=str)[:limit]]
