"""``GET /api/v1/stats/``: the reports' figures for a CMS, the same rows as the CSV exports, documented."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from editorial.api.services import api_key_create
from editorial.models import ApiClient
from editorial.reports import views
from editorial.reports.filters import PeriodForm

pytestmark = pytest.mark.django_db
URL = "/api/v1/stats/"


@pytest.fixture
def cms(db):
    _key, raw = api_key_create(client=ApiClient.objects.create(name="cms-stats"))
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return http


def test_a_cms_reads_every_chart_with_the_same_rows_as_the_page(cms, newsroom):
    body = cms.get(URL).json()
    assert [c["key"] for c in body["charts"]] == list(views.CHARTS)
    period = PeriodForm().period()
    assert body["period"] == {"start": str(period.first_day), "end": str(period.last_day), "desk": ""}
    from django.utils import timezone

    with timezone.override("UTC"):  # every API time is UTC
        for chart in body["charts"]:
            assert chart == views.CHARTS[chart["key"]](period).as_dict()
    overrides = next(c for c in body["charts"] if c["key"] == "overrides")
    assert overrides["rows"] == [{"reviewer": "reviewer", "approvals": 2, "overrides": 1, "share": 50.0}]


def test_the_desk_and_period_filter_the_figures(cms, newsroom):
    body = cms.get(URL, {"desk": "economy"}).json()
    desks = next(c for c in body["charts"] if c["key"] == "desks")
    assert {row["dim"] for row in desks["rows"]} == {"economy"}


@pytest.mark.parametrize("params", [{"from": "yesterday"}, {"to": ""}, {"from": "2026-05-01", "to": "2026-01-01"},
                                    {"from": "2020-01-01", "to": "2026-01-01"}])
def test_bad_periods_get_a_clear_400(cms, params):
    response = cms.get(URL, params)
    assert response.status_code == 400 and response.json()["detail"]


def test_who_may_read_the_stats(newsroom, publisher, writer):
    assert APIClient().get(URL).status_code in (401, 403)
    browser = APIClient()
    browser.force_login(writer)
    assert browser.get(URL).status_code == 403
    browser.force_login(publisher)
    assert browser.get(URL).status_code == 200


def test_the_schema_documents_the_stats(client):
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/stats/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"from", "to", "desk"}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    stats = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(stats["properties"]) == {"period", "charts"}
