"""The reports pages: every chart with its data table, each chart's CSV, and a writer's own trend."""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi

from editorial import review
from editorial.reports import queries
from editorial.reports.charts import chart_svg
from editorial.reports.filters import Period, period_from
from editorial.reports.tables import Table

# The charts of the newsroom page, in page order; each key is also its CSV's name and the API's key.
CHARTS: dict[str, Callable[[Period], Table]] = {
    "families": queries.findings_by_family,
    "desks": queries.findings_by_desk,
    "dismissals": queries.dismissals_by_rule,
    "status_times": queries.status_times,
    "waiting": queries.waiting_longest,
    "overrides": queries.overrides,
    "writers": queries.writer_trend,
}


def build_tables(period: Period) -> list[Table]:
    """Every chart's table, in page order."""
    return [build(period) for build in CHARTS.values()]


def may_read_reports(user) -> bool:
    return review.publishes(user)


def _signed_in(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _newsroom_reader(view):
    """Publishers and admins; everyone else signed in gets 403."""

    @wraps(view)
    @_signed_in
    def wrapper(request, *args, **kwargs):
        if not may_read_reports(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _writer_for(request, username: str):
    """The writer whose trend is asked for: themselves, or anyone for publishers and admins."""
    writer = get_object_or_404(get_user_model(), **{get_user_model().USERNAME_FIELD: username})
    if writer.pk != request.user.pk and not may_read_reports(request.user):
        raise PermissionDenied
    return writer


def _chart(table: Table, period: Period, csv_url: str) -> dict:
    body = [
        [{"value": value, "numeric": column.numeric, "date": hasattr(value, "isoformat"),
          "href": reverse("editorial:draft", args=[value]) if column.key == "draft" else ""}
         for column, value in zip(table.columns, row, strict=True)]
        for row in table.cells()
    ]
    return {"table": table, "svg": chart_svg(table, rtl=get_language_bidi()), "csv_url": csv_url, "body": body}


def _with_query(url: str, period: Period) -> str:
    return f"{url}?{urlencode(period.query())}"


@_newsroom_reader
def reports(request):
    form, period = period_from(request.GET, desks=queries.desks())
    charts = [
        _chart(table, period, _with_query(reverse("reports:csv", args=[table.key]), period))
        for table in build_tables(period)
    ]
    return render(request, "reports/reports.html", {
        "form": form, "period": period, "charts": charts,
        "reasons": queries.override_reasons(period),
        "writer_links": charts[-1]["table"].rows and _writer_links(charts[-1]["table"]),
    })


def _writer_links(table: Table) -> list[str]:
    return list(dict.fromkeys(row["dim"] for row in table.rows))


@_newsroom_reader
def chart_csv(request, key: str):
    if key not in CHARTS:
        raise Http404
    _form, period = period_from(request.GET, desks=queries.desks())
    return _csv(CHARTS[key](period), f"{key}-{period.first_day}-{period.last_day}")


@_signed_in
def my_trend(request):
    return redirect("reports:writer", username=request.user.get_username())


@_signed_in
def writer(request, username: str):
    person = _writer_for(request, username)
    form, period = period_from(request.GET)
    table = queries.writer_trend(period, writer=person)
    csv_url = _with_query(reverse("reports:writer_csv", args=[username]), period)
    return render(request, "reports/writer.html", {
        "form": form, "period": period, "person": person, "chart": _chart(table, period, csv_url),
        "may_read_reports": may_read_reports(request.user),
    })


@_signed_in
def writer_csv(request, username: str):
    person = _writer_for(request, username)
    _form, period = period_from(request.GET)
    return _csv(queries.writer_trend(period, writer=person), f"trend-{username}-{period.first_day}")


def _csv(table: Table, name: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # spreadsheet programs read the Arabic as UTF-8 only with the BOM
    out = csv.writer(response)
    out.writerow([c.key for c in table.columns])
    for row in table.cells():
        out.writerow(row)
    return response
