"""``manage.py checkdraft [--format json|text] FILE...``: check files, write nothing.

A file is UTF-8 text: the first non-empty line is the title, the rest is the body. Exit status 0 whatever the
findings; non-zero only for usage or I/O errors.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from editorial.checks import check_draft
from editorial.checks.text import normalise_body, split_title
from editorial.rule_settings import current_config


class Command(BaseCommand):
    help = "Check draft files (title on the first non-empty line) and print the findings."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, files, format, **options):
        config = current_config()
        reports = []
        for path in files:
            try:
                with open(path, encoding="utf-8") as fh:
                    raw = fh.read()
            except FileNotFoundError:
                raise CommandError(f"{path}: no such file")
            except UnicodeDecodeError:
                raise CommandError(f"{path}: not UTF-8 text")
            except OSError as exc:
                raise CommandError(f"{path}: cannot read ({exc.strerror})")
            title, body = split_title(normalise_body(raw.lstrip("\ufeff")))
            report = check_draft(title, body, config).as_dict()
            reports.append({"file": path, **report})
        if format == "json":
            self.stdout.write(json.dumps(reports, ensure_ascii=False))
        else:
            for rep in reports:
                self.stdout.write(self._text(rep))

    def _text(self, rep: dict) -> str:
        out = [f"{rep['file']}: {len(rep['findings'])} finding(s)"]
        for f in rep["findings"]:
            out.append(f"  {f['field']}:{f['start']}-{f['end']} {f['severity']} {f['rule']}: {f['message_en']}")
            out.append(f"    «{f['text'][:80]}»")
        return "\n".join(out)
