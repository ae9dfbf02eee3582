"""The draft page reads a fixed number of queries however many findings, revisions and events it shows."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import services
from editorial.models import Finding

FAULTY = "افتتح الوزير [اسم المستشفى] اليوم.\n\nوقال الوزير إن [العدد] سريراً جاهزة."
MANY = "\n\n".join(f"الفقرة {i}: افتتح الوزير [اسم المستشفى] اليوم وقال إن [العدد] سريراً جاهزة." for i in range(8))


def _count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_draft_page_query_count_does_not_grow(login, writer, reviewer, make_draft):
    client = login(writer)
    small = make_draft(body=FAULTY)
    big = make_draft(body=MANY)
    for n in range(3):
        services.draft_revise(draft=big, title=big.title, body_text=MANY + f"\n\nإضافة {n}.", user=writer)
        services.comment_add(draft=big, user=writer, body=f"ملاحظة {n}")
    for f in Finding.objects.filter(check_run__revision__draft=big)[:2]:
        services.finding_dismiss(finding=f, reason="مقصود", user=writer)
    services.draft_transition(draft=big, action="submit", user=writer)
    assert Finding.objects.filter(check_run__revision__draft=big).count() > 3 * Finding.objects.filter(
        check_run__revision__draft=small).count()
    assert _count(client, f"/drafts/{big.pk}/") == _count(client, f"/drafts/{small.pk}/")
