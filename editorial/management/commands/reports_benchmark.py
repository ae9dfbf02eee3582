"""``manage.py reports_benchmark [--drafts N]``: generate a newsroom of N drafts on PostgreSQL and time /reports/.

Rows are generated in bulk with ``INSERT … SELECT generate_series`` (drafts, revisions, check runs, findings,
review events, dismissals), marked ``metadata.bench`` so ``--clear`` removes them. Then the page is requested
in-process through Django's test client as a publisher, and the server time is printed (p50 and p99): warm
(charts drawn before for the same data), cold (the cache cleared: every chart drawn), right after a new draft was
checked (the charts whose figures changed are drawn), each chart's query alone and each chart's drawing. The rows
are written in SQL, not through the services, so the reports' rollup is rebuilt after generating them. Figures
are printed, never asserted. Run it on your own database only: it writes a million drafts.
"""

from __future__ import annotations

import math
import os
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from editorial import review, services
from editorial.models import CheckRun, Dismissal, Draft, Finding, ReviewEvent, Revision
from editorial.reports import queries, rollup
from editorial.reports.charts import chart_svg
from editorial.reports.filters import PeriodForm
from editorial.reports.views import CHARTS, build_tables
from editorial.roles import ensure_groups

DESKS = ("economy", "sports", "politics", "culture", "local", "world")
WRITERS, REVIEWERS = 60, 8
YEARS = 4  # the drafts are spread evenly over this many years up to now
OPEN_PER_MILLE = 3  # the newest 0.3% (about a week) are still in the workflow; older ones are published
RULES = {
    "placeholder": ("placeholder.bracketed_instruction", "placeholder.filler_marker", "placeholder.editor_note"),
    "repetition": ("repetition.doubled_word", "repetition.duplicate_sentence", "repetition.overused_phrase"),
    "consistency": ("consistency.number", "consistency.person", "consistency.place"),
}


WRITE_BODY = ("أعلن وزير المالية اليوم أن الميزانية الجديدة ستخصص مبالغ إضافية للتعليم والصحة، وقال إن العجز "
              "سينخفض خلال العامين المقبلين. وأضاف [اسم المتحدث] أن الخطة تبدأ الشهر المقبل.")


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


class Command(BaseCommand):
    help = "Generate N drafts on PostgreSQL and print the server time of the reports page."

    def add_arguments(self, parser):
        parser.add_argument("--drafts", type=int, default=1_000_000)
        parser.add_argument("--runs", type=int, default=20, help="warm requests to time (cold: a quarter, >= 3)")
        parser.add_argument("--reuse", action="store_true", help="time the rows already generated")
        parser.add_argument("--clear", action="store_true", help="delete the generated rows and stop")

    def handle(self, *args, drafts: int, runs: int, reuse: bool, clear: bool, **options):
        if connection.vendor != "postgresql":
            raise CommandError("This benchmark generates rows with PostgreSQL's generate_series: set DATABASE_URL "
                               "to your own PostgreSQL database.")
        if clear:
            self._clear()
            return
        publisher = self._people()
        existing = Draft.objects.filter(metadata__bench=True).count()
        if not reuse or not existing:
            if existing:
                self._clear()
            started = time.perf_counter()
            self._generate(drafts)
            self.stdout.write(f"generated {drafts:,} drafts in {time.perf_counter() - started:.0f} s")
            started = time.perf_counter()
            rows = rollup.rebuild()  # the rows were written in SQL, not through the services
            self.stdout.write(f"rebuilt the reports' rollup: {rows:,} rows in {time.perf_counter() - started:.0f} s")
        self._report_sizes()
        self.stdout.write(f"load average before timing: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
        self._time(publisher, runs)
        self.stdout.write(f"load average after timing: {os.getloadavg()[0]:.1f}")

    # --- people and rows -----------------------------------------------------------------------------------

    def _people(self):
        groups = ensure_groups()
        User = get_user_model()

        def person(name, group):
            user, _created = User.objects.get_or_create(username=name)
            user.groups.add(groups[group])
            return user

        self.writers = [person(f"bench-writer-{i}", review.GROUP_WRITERS).pk for i in range(WRITERS)]
        self.reviewers = [person(f"bench-reviewer-{i}", review.GROUP_REVIEWERS).pk for i in range(REVIEWERS)]
        return person("bench-publisher", review.GROUP_PUBLISHERS)

    def _clear(self):
        d, r, c, f = _table(Draft), _table(Revision), _table(CheckRun), _table(Finding)
        bench = f"SELECT id FROM {d} WHERE (metadata->>'bench')::boolean"
        revisions = f"SELECT id FROM {r} WHERE draft_id IN ({bench})"
        with transaction.atomic(), connection.cursor() as cursor:  # children first: the FKs do not cascade
            cursor.execute(f"DELETE FROM {_table(Dismissal)} WHERE draft_id IN ({bench})")
            cursor.execute(f"DELETE FROM {_table(ReviewEvent)} WHERE draft_id IN ({bench})")
            cursor.execute(f"DELETE FROM {f} WHERE check_run_id IN "
                           f"(SELECT id FROM {c} WHERE revision_id IN ({revisions}))")
            cursor.execute(f"DELETE FROM {c} WHERE revision_id IN ({revisions})")
            cursor.execute(f"DELETE FROM {r} WHERE draft_id IN ({bench})")
            cursor.execute(f"DELETE FROM {d} WHERE (metadata->>'bench')::boolean")
            rollup.rebuild()
        self.stdout.write("cleared the generated drafts")

    def _generate(self, n: int) -> None:
        rules = [r for family in RULES.values() for r in family]
        params = {
            "n": n, "desks": list(DESKS), "writers": self.writers, "reviewers": self.reviewers,
            "rules": rules, "span": f"{YEARS * 365} days", "open": max(1, n * OPEN_PER_MILLE // 1000),
            "in_review": review.IN_REVIEW, "approved": review.APPROVED, "published": review.PUBLISHED,
            "draft": review.DRAFT,
        }
        d, r, c, f = _table(Draft), _table(Revision), _table(CheckRun), _table(Finding)
        e, x = _table(ReviewEvent), _table(Dismissal)
        steps = [
            ("drafts", f"""
                INSERT INTO {d} (title, body_text, source_html, source_format, author_id, author_name, desk,
                                 status, assignee_id, external_id, metadata, revision_number, created_at, updated_at)
                SELECT 'مسودة تجريبية ' || g, '', '', 'text',
                       (%(writers)s::int[])[1 + g %% cardinality(%(writers)s::int[])], '',
                       (%(desks)s::text[])[1 + g %% cardinality(%(desks)s::text[])],
                       CASE WHEN g <= %(n)s - %(open)s OR g %% 10 < 6 THEN %(published)s
                            WHEN g %% 10 < 7 THEN %(approved)s WHEN g %% 10 < 9 THEN %(in_review)s
                            ELSE %(draft)s END,
                       CASE WHEN g > %(n)s - %(open)s AND g %% 10 IN (7, 8)
                            THEN (%(reviewers)s::int[])[1 + g %% cardinality(%(reviewers)s::int[])] END,
                       '', '{{"bench": true}}'::jsonb, 1,
                       now() - %(span)s::interval * (1 - g::float / %(n)s),
                       now() - %(span)s::interval * (1 - g::float / %(n)s) + interval '3 hours'
                FROM generate_series(1, %(n)s) g"""),
            ("revisions", f"""
                INSERT INTO {r} (draft_id, number, title, body_text, source_html, content_hash, created_by_id,
                                 note, created_at)
                SELECT id, 1, title, '', '', md5(id::text), author_id, '', created_at
                FROM {d} WHERE (metadata->>'bench')::boolean"""),
            ("check runs", f"""
                INSERT INTO {c} (revision_id, engine_version, counts, stats, errors, duration_ms, created_at)
                SELECT rv.id, 'bench', '{{}}'::jsonb, jsonb_build_object('words', 250 + rv.id %% 900), '[]'::jsonb,
                       5, rv.created_at + interval '1 minute'
                FROM {r} rv JOIN {d} dr ON dr.id = rv.draft_id WHERE (dr.metadata->>'bench')::boolean"""),
            ("findings", f"""
                INSERT INTO {f} (check_run_id, family, rule, severity, field, start, "end", start_utf16,
                                 end_utf16, text, message, message_en, related, fingerprint)
                SELECT cr.id, split_part(rule, '.', 1), rule,
                       CASE WHEN rule LIKE 'placeholder.%%' THEN 'error' ELSE 'warning' END, 'body',
                       j * 10, j * 10 + 5, j * 10, j * 10 + 5, 'نص', 'رسالة', 'message', '[]'::jsonb,
                       md5(rule || (cr.id %% 5000)::text)
                FROM {c} cr JOIN {r} rv ON rv.id = cr.revision_id JOIN {d} dr ON dr.id = rv.draft_id
                CROSS JOIN LATERAL generate_series(1, cr.id %% 4) j
                CROSS JOIN LATERAL (SELECT (%(rules)s::text[])[1 + (cr.id * 7 + j * 3) %% cardinality(
                                           %(rules)s::text[])] AS rule) picked
                WHERE (dr.metadata->>'bench')::boolean"""),
            ("review events", f"""
                INSERT INTO {e} (draft_id, action, from_status, to_status, actor_id, comment, override_reason,
                                 open_findings, overridden_findings, created_at)
                SELECT dr.id, s.action, s.from_status, s.to_status, s.actor, '', s.reason, '[]'::jsonb,
                       '[]'::jsonb, dr.created_at + s.after
                FROM {d} dr
                CROSS JOIN LATERAL (VALUES
                    (1, 'submit', %(draft)s, %(in_review)s, dr.author_id, '', interval '1 hour'),
                    (2, 'approve', %(in_review)s, %(approved)s,
                        (%(reviewers)s::int[])[1 + dr.id %% cardinality(%(reviewers)s::int[])],
                        CASE WHEN dr.id %% 20 = 0 THEN 'عاجل: يصحح الاسم بعد النشر' ELSE '' END,
                        interval '1 hour' + (dr.id %% 48) * interval '1 hour'),
                    (3, 'publish', %(approved)s, %(published)s, NULL::int, '',
                        interval '50 hours' + (dr.id %% 24) * interval '1 hour')
                ) AS s(step, action, from_status, to_status, actor, reason, after)
                WHERE (dr.metadata->>'bench')::boolean AND dr.status <> %(draft)s
                  AND (s.step = 1 OR (s.step = 2 AND dr.status IN (%(approved)s, %(published)s))
                       OR (s.step = 3 AND dr.status = %(published)s))"""),
            ("dismissals", f"""
                INSERT INTO {x} (draft_id, fingerprint, rule, text, kind, reason, by_reviewer, dismissed_by_id,
                                 created_at)
                SELECT DISTINCT ON (dr.id, fi.fingerprint) dr.id, fi.fingerprint, fi.rule, fi.text,
                       (ARRAY['false_alarm', 'intentional', 'fixed_elsewhere'])[1 + fi.id %% 3],
                       'سبب التجاهل في الاختبار', true,
                       (%(reviewers)s::int[])[1 + dr.id %% cardinality(%(reviewers)s::int[])],
                       cr.created_at + interval '30 minutes'
                FROM {f} fi JOIN {c} cr ON cr.id = fi.check_run_id JOIN {r} rv ON rv.id = cr.revision_id
                JOIN {d} dr ON dr.id = rv.draft_id
                WHERE (dr.metadata->>'bench')::boolean AND fi.id %% 7 = 0"""),
        ]
        for name, sql in steps:
            started = time.perf_counter()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, params)
                count = cursor.rowcount
            self.stdout.write(f"  {name}: {count:,} rows in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _report_sizes(self):
        counts = {m.__name__: m.objects.count() for m in (Draft, CheckRun, Finding, ReviewEvent, Dismissal)}
        self.stdout.write("rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    # --- timing -------------------------------------------------------------------------------------------------

    @override_settings(ALLOWED_HOSTS=["*"])
    def _time(self, publisher, runs: int) -> None:
        client = Client()
        client.force_login(publisher)
        url = reverse("reports:reports")
        writer = get_user_model().objects.get(username="bench-writer-0")
        for label, target, params in (
                ("/reports/, default period (12 weeks), every desk", url, {}),
                ("/reports/, 12 weeks, one desk", url, {"desk": DESKS[0]}),
                ("/reports/, two years, every desk", url, {"from": _days_ago(729), "to": _days_ago(0)}),
                ("/reports/writers/bench-writer-0/ (12 weeks)", reverse("reports:writer", args=[writer.username]),
                 {}),
                ("/api/v1/stats/ (12 weeks, JSON, no drawing)", "/api/v1/stats/", {})):
            cold = []
            for _ in range(max(3, runs // 4)):
                cache.clear()  # every chart drawn again
                cold.append(_ms(lambda target=target, params=params: client.get(target, params)))
            cold_text = _summary(cold)
            warm = [_ms(lambda target=target, params=params: client.get(target, params)) for _ in range(runs)]
            self.stdout.write(f"{label}: warm (charts already drawn) {_summary(warm)}; cold (every chart drawn, "
                              f"cache cleared) {cold_text}")
        after_write = []
        for i in range(max(3, runs // 4)):
            # A new draft checked through the services: this week's figures change, so the rate charts that show
            # them are drawn again on the next request (the others come from the cache).
            services.draft_create(title=f"خبر جديد للقياس {i}", body_text=WRITE_BODY, user=writer, desk=DESKS[0],
                                  metadata={"bench": True})
            after_write.append(_ms(lambda: client.get(url)))
        self.stdout.write(f"/reports/ (12 weeks) right after a new draft was checked: {_summary(after_write)}")
        period = PeriodForm().period()
        per_chart = {key: statistics.median(_ms(lambda build=build: build(period)) for _ in range(5))
                     for key, build in CHARTS.items()}
        per_chart["all seven"] = statistics.median(
            _ms(lambda: build_tables(period)) for _ in range(5))
        per_chart["desks list"] = statistics.median(_ms(queries.desks) for _ in range(5))
        per_chart["override reasons"] = statistics.median(_ms(lambda: queries.override_reasons(period))
                                                          for _ in range(5))
        self.stdout.write("  queries alone, 12 weeks (median of 5): " + ", ".join(
            f"{k} {v:.1f} ms" for k, v in per_chart.items()))
        tables = build_tables(period)
        drawing = []
        for table in tables:
            cache.clear()
            drawing.append(_ms(lambda table=table: chart_svg(table, rtl=True)))
        self.stdout.write("  drawing each chart once (matplotlib SVG): " + ", ".join(
            f"{t.key} {ms:.0f} ms" for t, ms in zip(tables, drawing, strict=True)))


def _summary(times: list[float]) -> str:
    cpu = sorted(CPU_MS[-len(times):])
    times = sorted(times)
    p99 = times[min(len(times) - 1, math.ceil(0.99 * len(times)) - 1)]
    return (f"p50 {statistics.median(times):.0f} ms, p99 {p99:.0f} ms (Python CPU p50 {statistics.median(cpu):.0f} ms),"
            f" n={len(times)}")


def _ms(call) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    CPU_MS.append((time.process_time() - cpu) * 1000)
    if getattr(response, "status_code", 200) != 200:
        raise CommandError(f"the page answered {response.status_code}")
    return elapsed


CPU_MS: list[float] = []  # this process's CPU time of each call timed (Django and Python; PostgreSQL's is apart)


def _days_ago(days: int) -> str:
    import datetime as dt

    from django.utils import timezone

    return str(timezone.localdate() - dt.timedelta(days=days))
