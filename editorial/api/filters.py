from __future__ import annotations

from datetime import UTC

import django_filters

from editorial import review
from editorial.models import Draft


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 time compared in UTC: any offset Python accepts (up to ±23:59) is valid input, while
    PostgreSQL refuses offsets past ±15:59 in a literal, so the value is converted before it reaches SQL."""

    def filter(self, qs, value):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return super().filter(qs, value)


class DraftFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=review.STATUS_CHOICES)
    desk = django_filters.CharFilter(max_length=100)
    external_id = django_filters.CharFilter(max_length=200)
    updated_since = UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Draft
        fields = ("status", "desk", "external_id", "updated_since")
