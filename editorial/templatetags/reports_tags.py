"""The reports entry in the site navigation: the newsroom reports for publishers and admins."""

from __future__ import annotations

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def reports_url(user) -> str:
    from editorial.reports.views import may_read_reports

    return reverse("reports:reports") if may_read_reports(user) else ""
