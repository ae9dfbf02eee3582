"""Load an existing archive: one JSON object per line with title, body, desk, author, published (date)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from editorial import archive, services
from editorial.management.progress import Progress


class Command(BaseCommand):
    help = "Import published stories from a JSONL file (title, body, desk, author, published) and index them."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file: str, **options):
        try:
            with open(file, encoding="utf-8") as fh:
                lines = [line for line in fh if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        bar = Progress(len(lines), "importing")
        imported, refused = 0, []
        for n, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise TypeError("not an object")
                draft = services.draft_import(
                    title=str(row.get("title") or ""), body_text=str(row.get("body") or ""),
                    desk=str(row.get("desk") or ""), author_name=str(row.get("author") or ""),
                    published_at=str(row.get("published") or ""), external_id=str(row.get("id") or ""),
                )
            except (ValueError, TypeError, services.ServiceError) as exc:
                refused.append(f"line {n}: {getattr(exc, 'detail', exc)}")
            else:
                archive.store(draft.imported_revision, archive.signed_paragraphs(draft.body_text))
                imported += 1
            bar.advance()
        bar.close()
        for r in refused[:50]:
            self.stderr.write(r)
        self.stdout.write(f"imported {imported} stories, refused {len(refused)}")
