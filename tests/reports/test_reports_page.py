"""The reports page: who may see it, its charts and tables, the CSV of each chart, the figures themselves."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.reports import queries, views
from editorial.reports.filters import PeriodForm

pytestmark = pytest.mark.django_db


def _page(client, user, url=None, **params):
    client.force_login(user)
    return client.get(url or reverse("reports:reports"), params)


# --- who may see what ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["publisher", "admin_user"])
def test_publishers_and_admins_see_the_reports(client, newsroom, persona, request):
    assert _page(client, request.getfixturevalue(persona)).status_code == 200


@pytest.mark.parametrize("persona", ["writer", "reviewer", "outsider"])
def test_everyone_else_is_refused_the_newsroom_reports(client, newsroom, persona, request):
    assert _page(client, request.getfixturevalue(persona)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("reports:reports"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_writer_sees_their_own_trend_and_nobody_elses(client, newsroom, writer, other_writer):
    own = _page(client, writer, reverse("reports:writer", args=[writer.username]))
    assert own.status_code == 200 and 'class="chart"' in own.content.decode()
    assert client.get(reverse("reports:writer", args=[other_writer.username])).status_code == 403
    assert client.get(reverse("reports:writer_csv", args=[other_writer.username])).status_code == 403
    assert client.get(reverse("reports:csv", args=["families"])).status_code == 403
    me = client.get(reverse("reports:me"))
    assert me.status_code == 302 and me["Location"] == reverse("reports:writer", args=[writer.username])


def test_a_publisher_opens_any_writers_trend(client, newsroom, publisher, other_writer):
    assert _page(client, publisher, reverse("reports:writer", args=[other_writer.username])).status_code == 200


def test_a_writers_page_counts_only_their_drafts(client, newsroom, writer):
    table = queries.writer_trend(PeriodForm().period(), writer=writer)
    assert {row["dim"] for row in table.rows} == {writer.username}
    from editorial.models import Finding

    assert sum(row["findings"] for row in table.rows) == Finding.objects.filter(
        check_run__revision__draft__author=writer).count()
    assert Finding.objects.exclude(check_run__revision__draft__author=writer).exists()


# --- the page -------------------------------------------------------------------------------------------------

def test_every_chart_has_its_data_table_and_csv_link(client, newsroom, publisher):
    html = _page(client, publisher).content.decode()
    charts = re.findall(r'<svg[^>]*class="chart"', html)
    tables = re.findall(r'<table class="report-table" id="table-(\w+)"', html)
    assert len(charts) >= 5 and len(tables) == len(charts) == len(views.CHARTS)
    assert tables == list(views.CHARTS)
    for key in views.CHARTS:
        assert reverse("reports:csv", args=[key]) in html


def test_charts_are_drawn_without_inline_styles_or_scripts(client, newsroom, publisher):
    response = _page(client, publisher)
    html = response.content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert svgs and not any(re.search(r"\sstyle=|<style|<script", svg) for svg in svgs)
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids in the charts are unique on the page"


def test_series_are_told_apart_without_colour(client, newsroom, publisher):
    html = _page(client, publisher).content.decode()
    desks = re.search(r'id="report-desks".*?</svg>', html, re.DOTALL).group(0)
    # each line carries its name as text at its end, not only a colour
    assert "economy" in desks and "sports" in desks
    overrides = re.search(r'id="report-overrides".*?</svg>', html, re.DOTALL).group(0)
    assert overrides.count("<pattern") >= 2, "bars are hatched, one pattern per series"


def test_the_page_is_arabic_right_to_left_by_default_and_english_on_request(client, newsroom, publisher):
    html = _page(client, publisher).content.decode()
    assert 'dir="rtl"' in html and "تقارير غرفة الأخبار" in html
    client.cookies["django_language"] = "en"
    html = client.get(reverse("reports:reports")).content.decode()
    assert 'dir="ltr"' in html and "Newsroom reports" in html


@pytest.mark.parametrize("params", [{"from": "not-a-date"}, {"from": "2026-05-01", "to": "2026-01-01"},
                                    {"from": "1990-01-01", "to": "2026-01-01"}, {"desk": "x" * 5000},
                                    {"desk": "\x00"}])
def test_bad_filters_get_the_default_period_not_an_error(client, newsroom, publisher, params):
    response = _page(client, publisher, **params)
    assert response.status_code == 200
    for key in views.CHARTS:
        assert client.get(reverse("reports:csv", args=[key]), params).status_code == 200


def test_the_desk_filter_narrows_every_chart(client, newsroom, publisher):
    period = PeriodForm({"desk": "economy"}, desks=queries.desks()).period()
    assert {row["dim"] for row in queries.findings_by_desk(period).rows} == {"economy"}
    assert queries.overrides(period).rows == [
        {"reviewer": "reviewer", "approvals": 1, "overrides": 0, "share": 0.0}]
    assert queries.waiting_longest(period).rows == []


# --- the CSV of each chart ------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", list(views.CHARTS))
def test_each_csv_holds_exactly_the_charts_data(client, newsroom, publisher, key):
    response = _page(client, publisher, reverse("reports:csv", args=[key]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    table = views.CHARTS[key](PeriodForm().period())
    assert rows[0] == [c.key for c in table.columns]
    assert rows[1:] == [["" if v is None else str(v) for v in row] for row in table.cells()]
    assert len(rows) > 1, "the fixture newsroom gives every chart some data"
    # what the chart draws is read from the same rows: every plotted value is in the CSV
    plotted = {v for _name, points in table.chart_series() for _x, v in points}
    in_csv = {float(v) for row in rows[1:] for v in row if re.fullmatch(r"-?\d+(\.\d+)?", v)}
    assert plotted <= in_csv


# --- the figures ------------------------------------------------------------------------------------------------

def test_findings_per_thousand_words_by_family_and_desk(newsroom):
    period = PeriodForm().period()
    fams = queries.findings_by_family(period).rows
    words = {row["words"] for row in fams}
    assert len(words) == 1, "every family is divided by the same words checked that week"
    total_words = words.pop()
    placeholder = next(r for r in fams if r["findings"] and "[" not in r["dim"] and r["dim"])
    assert placeholder["per_1000"] == round(placeholder["findings"] * 1000 / total_words, 2)
    desks = {row["dim"]: row for row in queries.findings_by_desk(period).rows}
    assert desks["economy"]["findings"] == 0 and desks["sports"]["findings"] >= 1
    assert desks["economy"]["words"] + desks["sports"]["words"] == total_words


def test_time_in_status_median_and_90th_percentile(newsroom):
    rows = queries.status_times(PeriodForm().period()).rows
    in_review = next(r for r in rows if r["person"] == "reviewer")
    # two stays in review ended by the reviewer: 2 h and 6 h; nearest-rank median 2 h, p90 6 h
    assert (in_review["stays"], in_review["median_hours"], in_review["p90_hours"]) == (2, 2.0, 6.0)


def test_drafts_waiting_longest_per_reviewer(newsroom):
    rows = queries.waiting_longest(PeriodForm().period()).rows
    assert [(r["reviewer"], r["draft"], r["waiting"]) for r in rows] == [("reviewer", newsroom["waiting"].pk, 1)]
    assert rows[0]["days"] == pytest.approx(3.0, abs=0.1)


def test_overrides_by_reviewer_with_their_reasons(newsroom):
    period = PeriodForm().period()
    assert queries.overrides(period).rows == [
        {"reviewer": "reviewer", "approvals": 2, "overrides": 1, "share": 50.0}]
    reasons = queries.override_reasons(period)
    assert [(r["reviewer"], r["draft"], r["open_errors"]) for r in reasons] == [
        ("reviewer", newsroom["dirty"].pk, 1)]
    assert reasons[0]["reason"] == "الخبر عاجل والاسم يضاف عند النشر"


def test_a_period_that_excludes_the_events_shows_nothing(newsroom):
    today = timezone.localdate()
    period = PeriodForm({"from": str(today - dt.timedelta(days=2)), "to": str(today)}).period()
    assert queries.overrides(period).rows == [] and queries.findings_by_family(period).rows == []


def test_deleted_drafts_do_not_count(newsroom, admin_user):
    from editorial import services

    services.draft_delete(draft=newsroom["dirty"], user=admin_user, reason="نشر خطأً")
    period = PeriodForm().period()
    assert queries.overrides(period).rows == [
        {"reviewer": "reviewer", "approvals": 1, "overrides": 0, "share": 0.0}]
    assert queries.override_reasons(period) == []
    assert [r["stays"] for r in queries.status_times(period).rows] == [1]
    from editorial.models import Finding

    desks = {row["dim"]: row for row in queries.findings_by_desk(period).rows}
    live = Finding.objects.filter(check_run__revision__draft__desk="sports",
                                  check_run__revision__draft__deleted_at__isnull=True).count()
    assert desks["sports"]["findings"] == live < Finding.objects.filter(
        check_run__revision__draft__desk="sports").count()
