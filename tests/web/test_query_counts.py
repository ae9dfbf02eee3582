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


def test_the_draft_pages_timeline_equals_the_one_read_alone(login, writer, reviewer, draft):
    """The draft page hands the timeline the revisions and comments it has read (two queries fewer, no revision
    text): the same items in the same order as the timeline reading them itself."""
    from editorial.web.drafts import draft_context
    from editorial.web.history import timeline

    services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + "\n\nإضافة.", user=writer)
    services.comment_add(draft=draft, user=writer, body="ملاحظة")
    kept = services.comment_add(draft=draft, user=reviewer, body="", passage="بسعة 400 سرير",
                                replacement="بسعة 450 سريراً")
    refused = services.comment_add(draft=draft, user=reviewer, body="", passage="بحضور عدد",
                                   replacement="بحضور جمع")
    services.suggestion_decide(comment=kept, accept=True, user=writer)
    services.suggestion_decide(comment=refused, accept=False, user=writer)
    draft.refresh_from_db()
    request = login(writer).get(f"/drafts/{draft.pk}/").wsgi_request
    shown = draft_context(request, draft)["timeline"]
    alone = timeline(draft)
    assert shown == alone
    assert [i["kind"] for i in alone].count("suggestion") == 2 and [i["kind"] for i in alone].count("revision") == 3
