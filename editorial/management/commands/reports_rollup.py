"""``manage.py reports_rollup [--check]``: rebuild the reports' rollup from the source tables, or compare it.

The service functions keep the rollup as they write; rebuild it after changing rows by other means (a restore,
a bulk import in SQL, ``reports_benchmark``'s generated rows). ``--check`` changes nothing: it recomputes the
rollup in memory, prints the keys that differ and exits with status 1 when any does.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand

from editorial.reports import rollup


class Command(BaseCommand):
    help = "Rebuild the newsroom reports' rollup from the source tables (or --check it)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="compare, change nothing; exit 1 on a difference")
        parser.add_argument("--batch", type=int, default=rollup.REBUILD_BATCH, help="drafts read at a time")

    def handle(self, *args, check: bool, batch: int, **options):
        started = time.perf_counter()
        if check:
            wrong, shown = rollup.differences()
            if wrong:
                self.stdout.write(f"the rollup differs from the source tables on {wrong} key(s):")
                for line in shown:
                    self.stdout.write(f"  {line}")
                sys.exit(1)
            self.stdout.write(f"the rollup matches the source tables ({time.perf_counter() - started:.1f} s)")
            return

        def progress(done: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done:,} drafts")

        rows = rollup.rebuild(batch=batch, progress=progress)
        self.stdout.write(f"rebuilt the reports' rollup: {rows:,} rows in {time.perf_counter() - started:.1f} s")
