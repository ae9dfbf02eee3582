"""``manage.py deliver_webhooks``: recover lost webhook tasks (``--sweep``), or send due deliveries here.

With ``--loop N`` it runs for good: a lost or refused database connection (a restart, a failover, backends
terminated) is logged, the connections are dropped and the next round reconnects; it never exits on its own.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import Error as DatabaseLayerError
from django.db import close_old_connections, connections
from django.utils import timezone

from editorial import webhooks
from editorial.models import WebhookDelivery


class Command(BaseCommand):
    help = ("Re-enqueue webhook deliveries whose worker died or whose task was lost (--sweep), "
            "or send the due ones in this process (--now). --loop N repeats every N seconds and survives "
            "database outages.")

    def add_arguments(self, parser):
        parser.add_argument("--sweep", action="store_true", help="Re-enqueue lost deliveries for db_worker.")
        parser.add_argument("--now", action="store_true", help="Send every due delivery in this process.")
        parser.add_argument("--grace", type=float, default=None,
                            help=f"Seconds a due delivery may wait for its task (default "
                                 f"{webhooks.sweep_grace_seconds():g}).")
        parser.add_argument("--loop", type=float, default=0,
                            help="Repeat every N seconds (a periodic sweeper; 15 picks a lost task up within a "
                                 "minute).")

    def handle(self, *args, sweep, now, grace, loop, **options):
        if not (sweep or now):
            sweep = True
        while True:
            try:
                close_old_connections()
                self._round(sweep, now, grace)
            except DatabaseLayerError as exc:
                if not loop:
                    raise
                self.stderr.write(f"database unavailable ({type(exc).__name__}: {str(exc).strip()[:200]}); "
                                  f"retrying in {loop:g} s")
                connections.close_all()  # the next round opens a fresh connection
            if not loop:
                return
            time.sleep(loop)

    def _round(self, sweep: bool, now: bool, grace: float | None) -> None:
        if sweep:
            self.stdout.write(f"re-enqueued {webhooks.sweep(grace)} deliveries")
        if now:
            self.stdout.write(f"sent {self._send_due()} deliveries")
        self.stdout.flush()

    def _send_due(self) -> int:
        pks = WebhookDelivery.objects.filter(webhooks.due(timezone.now())).values_list("pk", flat=True)[:1000]
        return sum(webhooks.deliver(pk) not in ("skipped", "deferred") for pk in list(pks))
