"""``GET /api/v1/stats/``: the newsroom reports' figures for a CMS's own dashboards (same rows as the CSVs)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from editorial import services
from editorial.api import schema
from editorial.api.authentication import ApiKeyAuthentication
from editorial.api.views import ApiView
from editorial.models import ApiKey
from editorial.reports.filters import PeriodForm
from editorial.reports.views import CHARTS, build_tables, may_read_reports


class IsApiClientOrReportReader(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiKey) or may_read_reports(request.user)


class StatsColumnSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(help_text="In the language of the request (Accept-Language).")


class StatsChartSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=list(CHARTS))
    title = serializers.CharField()
    columns = StatsColumnSerializer(many=True)
    rows = serializers.ListField(
        child=serializers.DictField(), help_text="One object per table row, keyed by the columns' keys; dates "
                                                 "and times in ISO 8601. The same rows as the page's CSV export.")


class StatsPeriodSerializer(serializers.Serializer):
    start = serializers.DateField(source="first_day", help_text="First day, inclusive.")
    end = serializers.DateField(source="last_day", help_text="Last day, inclusive.")
    desk = serializers.CharField(help_text="Empty for every desk.")


class StatsSerializer(serializers.Serializer):
    period = StatsPeriodSerializer()
    charts = StatsChartSerializer(many=True)


_PARAMS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (default: twelve weeks before `to`)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (default: today). At most two years."),
    OpenApiParameter("desk", OpenApiTypes.STR, description="Only this desk's drafts (default: every desk)."),
]


class StatsApi(ApiView):
    authentication_classes = (ApiKeyAuthentication, SessionAuthentication)
    permission_classes = (IsApiClientOrReportReader,)

    @extend_schema(
        operation_id="stats", parameters=_PARAMS,
        description="The newsroom reports as data: " + "; ".join(f"`{key}`" for key in CHARTS) + ". Each chart's "
                    "rows are what `/reports/csv/<key>/` exports for the same period and desk. A signed-in "
                    "publisher's or admin's browser session may call this too.",
        responses={200: StatsSerializer, **schema.errors(400, 401, 403, 429)},
    )
    def get(self, request):
        empty = [key for key in ("from", "to") if key in request.query_params and not request.query_params[key]]
        if empty:
            raise services.InvalidInput("Give a date (YYYY-MM-DD) or leave out: " + ", ".join(empty))
        form = PeriodForm(request.query_params)
        if not form.is_valid():
            raise services.InvalidInput("; ".join(e for errors in form.errors.values() for e in errors))
        period = form.period()
        charts = [table.as_dict() for table in build_tables(period)]
        return Response(StatsSerializer({"period": period, "charts": charts}).data)
