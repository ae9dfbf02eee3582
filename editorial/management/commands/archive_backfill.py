"""Index every draft's latest revision for recycled copy (after an upgrade, or an import made elsewhere)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from editorial import archive
from editorial.management.progress import Progress
from editorial.models import Revision


class Command(BaseCommand):
    help = "Add the latest revision of every draft to the archive index (recycled-copy detection)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, batch: int, **options):
        from django.db.models import F

        latest = Revision.objects.filter(number=F("draft__revision_number")).order_by("pk")
        bar = Progress(latest.count(), "indexing")
        last, paragraphs = 0, 0
        while True:
            chunk = list(latest.filter(pk__gt=last)[:batch])
            if not chunk:
                break
            for rev in chunk:
                signed = archive.signed_paragraphs(rev.body_text)
                archive.store(rev, signed)
                paragraphs += len(signed)
                bar.advance()
            last = chunk[-1].pk
        bar.close()
        self.stdout.write(f"indexed {bar.done} drafts, {paragraphs} paragraphs")
