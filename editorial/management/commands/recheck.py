"""Re-run the checks on many drafts in the background (after a rule change), with progress."""

from __future__ import annotations

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from editorial import review
from editorial.management.progress import Progress
from editorial.models import Draft


class Command(BaseCommand):
    help = "Queue a re-check of the matching drafts for the db_worker processes; --wait shows the progress."

    def add_arguments(self, parser):
        parser.add_argument("--status", action="append", choices=review.STATUSES, default=[])
        parser.add_argument("--desk", action="append", default=[])
        parser.add_argument("--since", type=date.fromisoformat, help="updated on or after (YYYY-MM-DD)")
        parser.add_argument("--until", type=date.fromisoformat, help="updated on or before (YYYY-MM-DD)")
        parser.add_argument("--batch", type=int, default=50)
        parser.add_argument("--wait", action="store_true", help="stay until the workers are done, with a bar")
        parser.add_argument("--timeout", type=float, default=3600)

    def handle(self, *args, status, desk, since, until, batch, wait, timeout, **options):
        from editorial.services import recheck_drafts

        if batch < 1:
            raise CommandError("--batch must be at least 1")
        qs = Draft.objects.all()
        if status:
            qs = qs.filter(status__in=status)
        if desk:
            qs = qs.filter(desk__in=desk)
        if since:
            qs = qs.filter(updated_at__date__gte=since)
        if until:
            qs = qs.filter(updated_at__date__lte=until)
        pks = list(qs.order_by("pk").values_list("pk", flat=True))
        results = [recheck_drafts.enqueue(pks[i:i + batch]) for i in range(0, len(pks), batch)]
        self.stdout.write(f"queued {len(pks)} drafts in {len(results)} tasks")
        if not wait or not results:
            return
        bar = Progress(len(pks), "rechecking")
        deadline = time.monotonic() + timeout
        pending = list(results)
        done = 0
        while pending and time.monotonic() < deadline:
            still = []
            for r in pending:
                if not r.is_finished:
                    r.refresh()
                if r.is_finished:
                    done += (r.return_value or 0) if r.status.name == "SUCCESSFUL" else 0
                else:
                    still.append(r)
            pending = still
            bar.set(done)
            if pending:
                time.sleep(0.5)
        bar.close()
        failed = sum(1 for r in results if r.status.name == "FAILED")
        self.stdout.write(f"rechecked {done} drafts; {failed} failed tasks; {len(pending)} tasks still waiting")
