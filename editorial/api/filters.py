from __future__ import annotations

import django_filters

from editorial import review
from editorial.models import Draft


class DraftFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=review.STATUS_CHOICES)
    desk = django_filters.CharFilter(max_length=100)
    external_id = django_filters.CharFilter(max_length=200)
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Draft
        fields = ("status", "desk", "external_id", "updated_since")
