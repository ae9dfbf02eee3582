"""The reports' rollup gives the same figures as a direct count over the source tables, however it got there:
kept step by step by the services (re-checks on other days, desk and writer changes, deletion and its undo,
dismissals and their undo, the archive's findings) or rebuilt from scratch. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from editorial import archive, review, services
from editorial.models import ApiClient, Finding, ReportCount
from editorial.reports import direct, queries, rollup, views
from editorial.reports.filters import PeriodForm
from tests.conftest import SAMPLE_BODY, SAMPLE_TITLE
from tests.reports.conftest import PLACEHOLDER_BODY

pytestmark = pytest.mark.django_db
KIND = review.DismissalKind
KUWAIT = timezone.get_default_timezone()


@contextmanager
def clock(when: dt.datetime):
    """Every write inside happens at ``when`` (auto_now_add and the services read timezone.now)."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        yield


def _rollup_rows() -> list[tuple]:
    return sorted(ReportCount.objects.exclude(n=0, c=0).values_list(*rollup.COLUMNS, "n", "c"))


def _finding(draft, family="placeholder"):
    return Finding.objects.filter(check_run__revision__draft=draft, family=family).order_by("-id").first()


@pytest.fixture
def history(writer, other_writer, reviewer, publisher, admin_user):
    """Three weeks of a newsroom, every write through the services at a chosen time (some near midnight in the
    newsroom's time zone, where the UTC day differs)."""
    today = timezone.localdate(timezone=KUWAIT)
    base = dt.datetime.combine(today - dt.timedelta(days=20), dt.time(23, 30), tzinfo=KUWAIT)

    def t(days=0, hours=0):
        return base + dt.timedelta(days=days, hours=hours)

    cms = ApiClient.objects.create(name="cms-rollup")
    with clock(t()):
        d1 = services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=writer, desk="economy")
        d2 = services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=other_writer,
                                   desk="sports")
        d3 = services.draft_create(title="خبر يحذف لاحقاً", body_text=PLACEHOLDER_BODY, user=writer, desk="sports")
        d4 = services.draft_create(title="خبر من النظام", body_text=SAMPLE_BODY, client=cms, desk="world")
    with clock(t(hours=1)):  # the next day in Kuwait already: the same finding seen again on another day
        services.draft_rerun_checks(draft=d1)
    with clock(t(hours=2)):
        services.draft_rerun_checks(draft=d1)  # and again on that day: still one sighting that day
    with clock(t(days=1)):
        for d in (d1, d2, d3):
            services.draft_transition(draft=d, action=review.SUBMIT, user=d.author)
        services.finding_dismiss(finding=_finding(d2), kind=KIND.FALSE_ALARM, user=reviewer)
        services.finding_dismiss(finding=_finding(d3), kind=KIND.INTENTIONAL,
                                 reason="الاسم يضاف من المصدر لاحقاً", user=reviewer)
    with clock(t(days=1, hours=5)):
        services.draft_transition(draft=d1, action=review.REQUEST_CHANGES, user=reviewer,
                                  comment="أضف اسم المتحدث")
        services.draft_transition(draft=d3, action=review.APPROVE, user=reviewer,
                                  override_reason="الخبر عاجل والاسم يضاف عند النشر")
    with clock(t(days=3)):
        d1, _created = services.draft_revise(draft=d1, title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY + "\n\nسطر.",
                                             user=writer, base_revision=1)
        services.draft_transition(draft=d1, action=review.SUBMIT, user=writer)
        undone = services.finding_dismiss(finding=_finding(d1), kind=KIND.FIXED_ELSEWHERE,
                                          reason="صحح في النسخة المطبوعة", user=reviewer)
    with clock(t(days=4)):
        services.dismissal_undo(dismissal=undone, user=reviewer)
        services.draft_transition(draft=d1, action=review.APPROVE, user=reviewer,
                                  override_reason="يصحح بعد النشر مباشرة")
        services.draft_transition(draft=d2, action=review.APPROVE, user=reviewer)
        services.draft_transition(draft=d4, action=review.SUBMIT, client=cms)
    with clock(t(days=6)):
        services.draft_transition(draft=d1, action=review.PUBLISH, user=publisher)
        services.draft_transition(draft=d2, action=review.PUBLISH, user=publisher)
        # the desk and the writer change afterwards: every earlier figure moves with the draft
        services.draft_update_details(draft=d2, user=admin_user, desk="culture", author=writer)
        services.draft_delete(draft=d3, user=admin_user, reason="نشر خطأً")
    with clock(t(days=8)):
        d5 = services.draft_create(title="خبر مكرر", body_text=SAMPLE_BODY, user=writer, desk="economy")
        services.draft_delete(draft=d5, user=admin_user, reason="مكرر")
        services.draft_undelete(draft=d5, user=admin_user)
        d6 = services.draft_create(title="خبر مكرر ثانية", body_text=SAMPLE_BODY, user=other_writer, desk="economy")
        # the archive replaces its findings on the latest run in the background: d6 repeats d5's paragraphs
        archive.index_revision(d5.revisions.get().pk)
        archive.index_revision(d6.revisions.get().pk)
    assert _finding(d6, family=archive.FAMILY) is not None
    return {"days": (base.date(), (base + dt.timedelta(days=8)).date()), "drafts": (d1, d2, d3, d4, d5, d6),
            "writer": writer, "other_writer": other_writer}


def _periods(history):
    first, last = history["days"]
    yield PeriodForm().period()
    for desk in ("economy", "sports", "culture", "world", "nowhere"):
        yield PeriodForm({"desk": desk}, desks=queries.desks() + ["nowhere"]).period()
    for a, b in ((1, 1), (1, 3), (2, 5), (4, 8), (9, 12), (0, 20), (1, 15), (-30, 6)):
        yield PeriodForm({"from": str(first + dt.timedelta(days=a)), "to": str(first + dt.timedelta(days=b))}).period()
    yield PeriodForm({"from": str(first), "to": str(first)}).period()
    yield PeriodForm({"from": str(first), "to": str(last), "desk": "economy"},
                     desks=queries.desks()).period()


def _same_figures(history):
    for period in _periods(history):
        cube = direct.rate_cube(period)
        for axis in ("family", "desk", "author"):
            assert queries.rates(period, axis) == _without_zeros(cube.by(axis)), (period, axis)
        for person in (history["writer"], history["other_writer"]):
            assert (queries.rates(period, "author", persons=[person.pk])
                    == _without_zeros(direct.rate_cube(period, writer=person).by("author")))
        for key in ("families", "desks", "writers"):
            assert views.CHARTS[key](period).rows == _direct_table(key, period).rows, (period, key)
        assert (queries.rule_precision(period.first_day, period.last_day, desk=period.desk)
                == direct.rule_precision(period.first_day, period.last_day, desk=period.desk)), period
        assert queries.status_times(period).rows == direct.status_times(period).rows, period
        assert queries.overrides(period).rows == direct.overrides(period).rows, period
    since = queries.precision_since()
    assert queries.recent_precision() == direct.rule_precision(since)


def _without_zeros(pair):
    return tuple(dict(d) for d in pair)


def _direct_table(key, period):
    """A rate chart's table drawn from the direct count (the rollup's functions fed the reference's sums)."""
    cube = direct.rate_cube(period)
    axis = {"families": "family", "desks": "desk", "writers": "author"}[key]
    with mock.patch.object(queries, "rates", lambda _p, a, persons=None: _filtered(cube.by(a), persons)), \
            mock.patch.object(queries, "_writer_words", lambda _p: _totals(cube)):
        return views.CHARTS[key](period)


def _filtered(pair, persons):
    if persons is None:
        return tuple(dict(d) for d in pair)
    return tuple({k: v for k, v in d.items() if k[1] in persons} for d in pair)


def _totals(cube):
    totals = {}
    for (_week, _desk, author), words in cube.words.items():
        if author is not None:
            totals[author] = totals.get(author, 0) + words
    return totals


def test_the_rollup_kept_by_the_services_gives_the_direct_figures(history):
    _same_figures(history)


def test_a_rebuild_gives_the_same_rollup_as_the_services_kept(history):
    kept = _rollup_rows()
    assert kept, "the history put rows in the rollup"
    call_command("reports_rollup")
    assert _rollup_rows() == kept
    _same_figures(history)


def test_the_history_has_what_the_figures_must_cover(history):
    """The comparison means something: re-sightings, stays of every timed status, overrides, moved desks."""
    period = PeriodForm().period()
    kinds = set(ReportCount.objects.exclude(c=0).values_list("kind", flat=True))
    assert kinds == {"words", "family", "sighting", "dismissal", "approval", "stay"}
    assert ReportCount.objects.filter(kind="sighting").exclude(sub="").exists(), "a finding seen on two days"
    statuses = {row["status"] for row in queries.status_times(period).rows}
    assert len(statuses) == 3
    assert {row["dim"] for row in queries.findings_by_desk(period).rows} >= {"economy", "culture", "world"}
    assert "sports" not in {row["dim"] for row in queries.findings_by_desk(period).rows}, "d2 moved, d3 deleted"
    assert [r["overrides"] for r in queries.overrides(period).rows] == [1]  # d3's was deleted with it
    judged = queries.dismissals_by_rule(period).rows
    assert sum(r["false_alarm"] for r in judged) == 1 and sum(r["fixed_elsewhere"] for r in judged) == 0


def test_the_check_command_compares_the_rollup_with_the_source(history, capsys):
    call_command("reports_rollup", "--check")
    assert "the rollup matches" in capsys.readouterr().out
    ReportCount.objects.filter(kind="words").update(n=1)  # corrupt it
    with pytest.raises(SystemExit):
        call_command("reports_rollup", "--check")
    assert "differs" in capsys.readouterr().out


@pytest.mark.parametrize("first", [dt.date(2026, 11, 30) + dt.timedelta(days=i) for i in range(7)])
def test_the_day_and_week_rows_of_a_period_cover_each_day_once(first):
    for length in range(40):
        last = first + dt.timedelta(days=length)
        covered = []
        for span, lo, hi in rollup.span_ranges(first, last):
            day = lo
            while day <= hi:
                assert span == rollup.DAY or day.weekday() == 0
                covered.extend(lo_day for lo_day in (day + dt.timedelta(days=i) for i in range(span)))
                day += dt.timedelta(days=span)
        assert covered == [first + dt.timedelta(days=i) for i in range(length + 1)], (first, last)
    assert rollup.span_ranges(first, None)[-1][2] is None
