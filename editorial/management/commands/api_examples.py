"""``manage.py api_examples [--check] [--docs docs/api.md]``: make the examples of docs/api.md by a real run.

The requests run against a throwaway test database (created and dropped here; the real one is not touched), and
each answer is written between its marker in the document. ``--check`` writes nothing and fails when the document
differs from a fresh run in anything but ids, times and tokens (``editorial.api.examples.masked``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

from editorial.api import examples

DEFAULT_DOCS = Path(settings.BASE_DIR) / "docs" / "api.md"


class Command(BaseCommand):
    help = "Run the API examples against a throwaway database and write them into docs/api.md."

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
        parser.add_argument("--check", action="store_true", help="Compare only; exit 1 when the document is stale.")

    def handle(self, *args, docs: Path, check: bool, **options):
        document = docs.read_text(encoding="utf-8")
        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with override_settings(ALLOWED_HOSTS=[examples.HOST]):
                fresh = examples.render(document, examples.scenario())
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        if check:
            if examples.masked(fresh) != examples.masked(document):
                raise CommandError(f"{docs} is stale: run manage.py api_examples")
            self.stdout.write(f"{docs}: the examples are true")
            return
        docs.write_text(fresh, encoding="utf-8")
        self.stdout.write(f"{docs}: examples written")
