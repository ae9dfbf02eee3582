"""``manage.py reports_digest [--days 7] [--dry-run]``: e-mail the week's newsroom figures to the publishers.

Meant for a scheduler (cron, a systemd timer) once a week. The figures are the reports page's own tables for
the period ending yesterday, as plain text in Arabic (the newsroom's language), with the CSV-ready numbers.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone, translation

from editorial import review
from editorial.reports.filters import PeriodForm
from editorial.reports.views import build_tables

ROWS_PER_CHART = 8


def digest_text(days: int) -> tuple[str, str]:
    last = timezone.localdate() - dt.timedelta(days=1)
    first = last - dt.timedelta(days=days - 1)
    period = PeriodForm({"from": str(first), "to": str(last)}).period()
    lines = []
    for table in build_tables(period):
        lines += ["", f"## {table.title}"]
        if not table.rows:
            lines.append("—")
        header = " | ".join(str(c.label) for c in table.columns)
        lines += [header] if table.rows else []
        for row in table.cells()[:ROWS_PER_CHART]:
            lines.append(" | ".join("" if v is None else str(v) for v in row))
        if len(table.rows) > ROWS_PER_CHART:
            lines.append(f"… (+{len(table.rows) - ROWS_PER_CHART})")
    subject = f"{first} → {last}"
    return subject, "\n".join(lines).strip() + "\n"


def recipients() -> list[str]:
    people = get_user_model().objects.filter(is_active=True).filter(
        Q(groups__name=review.GROUP_PUBLISHERS) | Q(is_superuser=True)).exclude(email="").distinct()
    return sorted(people.values_list("email", flat=True))


class Command(BaseCommand):
    help = "E-mail the last week's newsroom figures to the publishers (run weekly by a scheduler)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true", help="print the message instead of sending it")

    def handle(self, *args, days: int, dry_run: bool, **options):
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = digest_text(max(1, min(days, 366)))
            subject = f"{translation.gettext('Newsroom reports')}: {subject}"
        to = recipients()
        if dry_run or not to:
            self.stdout.write(f"To: {', '.join(to) or '(no publisher with an e-mail address)'}\n"
                              f"Subject: {subject}\n\n{body}")
            return
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        self.stdout.write(f"sent to {len(to)} publisher(s)")
