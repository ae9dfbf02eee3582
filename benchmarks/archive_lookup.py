#!/usr/bin/env python
"""Benchmark the archive lookup (recycled copy) on PostgreSQL at scale: signature + band-table query.

    python benchmarks/archive_lookup.py [--paragraphs 1000000] [--lookups 300]

Fills a fresh schema (``bench_archive`` in ``$BENCH_DATABASE_URL``'s database, default ``editorial_perf``) with
``--paragraphs`` synthetic paragraph signatures (random bytes) and their band keys (16 per paragraph), plus the
real paragraphs of our benchmark article, then times lookups in process: the signature of one paragraph alone,
and of a whole 800-word article (all its paragraphs in one query), each followed by the band-table query and the
verification of the candidates. Prints p50/p99. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api import bench_database

SCHEMA = "bench_archive"


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=300)
    ap.add_argument("--keep", action="store_true", help="reuse the filled schema of a previous run")
    a = ap.parse_args()
    base = bench_database()
    parts = urllib.parse.urlsplit(base)
    url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode({"options": f"-c search_path={SCHEMA}"})))

    import psycopg

    if not a.keep:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{SCHEMA}"')
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "editorial.settings"}
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)

    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "editorial.settings")
    import django

    django.setup()
    from django.db import connection

    from editorial import archive, services
    from editorial.models import ArchiveBand, Draft

    title, _, body = (ROOT / "benchmarks" / "article_ar.txt").read_text(encoding="utf-8").partition("\n")
    body = body.strip()
    if not a.keep:
        owner = services.draft_import(title=title, body_text=body, desk="bench")
        archive.store(owner.imported_revision, archive.signed_paragraphs(body))
        t = time.perf_counter()
        with connection.cursor() as cur:
            cur.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'editorial_archiveband' "
                        "AND indexdef LIKE '%%(key)%%'")
            index = cur.fetchone()[0]
            cur.execute(f'DROP INDEX "{index}"')
            # Synthetic signatures: 64 values of 8 bytes from md5s; band keys: random signed 64-bit integers.
            cur.execute(
                "INSERT INTO editorial_archiveparagraph (draft_id, revision_id, index, start, \"end\", signature) "
                "SELECT %s, %s, 1000000 + g, 0, 100, decode(repeat(md5(g::text), 32), 'hex') "
                "FROM generate_series(1, %s) g",
                [owner.pk, owner.imported_revision.pk, a.paragraphs],
            )
            cur.execute(
                "INSERT INTO editorial_archiveband (key, paragraph_id) "
                "SELECT (random() * 18446744073709551615 - 9223372036854775808)::numeric(20)::bigint, p.id "
                "FROM editorial_archiveparagraph p CROSS JOIN generate_series(1, %s) b WHERE p.index > 1000000",
                [archive.BANDS],
            )
            cur.execute(f'CREATE INDEX "{index}" ON editorial_archiveband (key)')
            cur.execute("ANALYZE editorial_archiveband")
            cur.execute("ANALYZE editorial_archiveparagraph")
        print(f"filled {a.paragraphs:,} synthetic paragraph signatures in {time.perf_counter() - t:.0f} s")
    bands = ArchiveBand.objects.count()
    print(f"PostgreSQL schema {SCHEMA}: {bands:,} band rows "
          f"({archive.BANDS} per paragraph, {archive.PERMUTATIONS} permutations)")

    # A draft that re-sends two of the article's paragraphs (lightly edited) among new text.
    paras = [p for p in body.split("\n\n") if p.strip()]
    reader = Draft.objects.create(title="قارئ", body_text="", revision_number=0)

    def one_paragraph(i: int) -> int:
        text = paras[i % len(paras)].replace("الوزارة", "الهيئة", 1)
        return len(archive.find_matches(archive.signed_paragraphs(text), exclude_draft_id=reader.pk))

    def whole_article(i: int) -> int:
        text = "\n\n".join(paras[i % 3:] + paras[:i % 3])
        return len(archive.find_matches(archive.signed_paragraphs(text), exclude_draft_id=reader.pk))

    def signature_only(i: int) -> int:
        return len(archive.signed_paragraphs(paras[i % len(paras)]))

    for name, fn in (("signature of one paragraph (no query)", signature_only),
                     ("lookup: one paragraph, signature included", one_paragraph),
                     (f"lookup: an {len(body.split())}-word article ({len(paras)} paragraphs), signature included",
                      whole_article)):
        for i in range(20):
            fn(i)
        times, hits = [], 0
        for i in range(a.lookups):
            t = time.perf_counter()
            hits += fn(i)
            times.append((time.perf_counter() - t) * 1000)
        print(f"{name}: p50 {statistics.median(times):.2f} ms, p99 {pct(times, 99):.2f} ms "
              f"({a.lookups} runs, {hits / a.lookups:.1f} matches each)")


if __name__ == "__main__":
    main()
