"""``manage.py deliver_webhooks``: recover lost webhook tasks (``--sweep``), or send due deliveries here."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from editorial import webhooks
from editorial.models import WebhookDelivery


class Command(BaseCommand):
    help = ("Re-enqueue webhook deliveries whose worker died or whose task was lost (--sweep), "
            "or send the due ones in this process (--now). --loop N repeats every N seconds.")

    def add_arguments(self, parser):
        parser.add_argument("--sweep", action="store_true", help="Re-enqueue lost deliveries for db_worker.")
        parser.add_argument("--now", action="store_true", help="Send every due delivery in this process.")
        parser.add_argument("--grace", type=int, default=None,
                            help=f"Seconds a due delivery may wait for its task (default "
                                 f"{webhooks.SWEEP_GRACE_SECONDS}).")
        parser.add_argument("--loop", type=float, default=0, help="Repeat every N seconds (a periodic sweeper).")

    def handle(self, *args, sweep, now, grace, loop, **options):
        if not (sweep or now):
            sweep = True
        while True:
            if sweep:
                self.stdout.write(f"re-enqueued {webhooks.sweep(grace)} deliveries")
            if now:
                self.stdout.write(f"sent {self._send_due()} deliveries")
            if not loop:
                return
            time.sleep(loop)

    def _send_due(self) -> int:
        pks = WebhookDelivery.objects.filter(webhooks.due(timezone.now())).values_list("pk", flat=True)[:1000]
        return sum(webhooks.deliver(pk) != "skipped" for pk in list(pks))
