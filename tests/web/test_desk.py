"""The desk: the drafts a member cares about, most urgent first, counts of open findings, search and filters."""

import pytest
from django.urls import reverse

from editorial import selectors, services

pytestmark = pytest.mark.django_db

FAULTY = "قال قال الوزير إن [الاسم] حضر."


def titles(response) -> list[str]:
    return [row["draft"].title for row in response.context["rows"]]


def test_the_desk_lists_my_drafts_with_status_and_counts(login, writer, make_draft):
    make_draft(title="خبر فيه أخطاء", body=FAULTY)
    response = login(writer).get("/")
    html = response.content.decode()
    assert "خبر فيه أخطاء" in html and "status-draft" in html
    assert 'class="sev sev-error"' in html


def test_drafts_waiting_for_a_reviewer_come_first(login, writer, reviewer, make_draft):
    make_draft(title="مسودة قديمة")
    waiting = make_draft(title="بانتظار المراجعة")
    services.draft_transition(draft=waiting, action="submit", user=writer)
    assert titles(login(reviewer).get("/"))[0] == "بانتظار المراجعة"


def test_changes_requested_come_first_for_the_writer(login, writer, reviewer, make_draft):
    back = make_draft(title="أعيدت للتعديل")
    make_draft(title="مسودة أخرى")
    services.draft_transition(draft=back, action="submit", user=writer)
    services.draft_transition(draft=back, action="request_changes", user=reviewer, comment="عدّل")
    assert titles(login(writer).get("/"))[0] == "أعيدت للتعديل"


def test_search_matches_titles_and_writers(login, writer, make_draft):
    make_draft(title="ميزانية الكويت")
    make_draft(title="معرض الكتاب")
    client = login(writer)
    assert titles(client.get("/?q=ميزانية&scope=all")) == ["ميزانية الكويت"]
    assert len(titles(client.get("/?q=writer&scope=all"))) == 2


def test_status_filter(login, writer, make_draft):
    d = make_draft(title="مرسلة")
    make_draft(title="مسودة")
    services.draft_transition(draft=d, action="submit", user=writer)
    assert titles(login(writer).get("/?scope=all&status=in_review")) == ["مرسلة"]


def test_nonsense_filters_fall_back_to_the_default_view(login, writer, make_draft):
    make_draft()
    response = login(writer).get("/?scope=<x>&status=nope&page=abc")
    assert response.status_code == 200 and len(response.context["rows"]) == 1


def test_waiting_for_me_holds_my_assigned_and_unassigned_reviews(login, writer, reviewer, admin_user, make_draft):
    mine, other, unassigned = (make_draft(title=t) for t in ("لي", "لغيري", "بلا مراجع"))
    for d in (mine, other, unassigned):
        services.draft_transition(draft=d, action="submit", user=writer)
    services.draft_assign(draft=mine, assignee=reviewer, user=writer)
    services.draft_assign(draft=other, assignee=admin_user, user=writer)
    got = set(titles(login(reviewer).get(reverse("editorial:waiting"))))
    assert got == {"لي", "بلا مراجع"}


def test_a_writer_waits_for_nothing(login, writer, make_draft):
    d = make_draft()
    services.draft_transition(draft=d, action="submit", user=writer)
    assert titles(login(writer).get(reverse("editorial:waiting"))) == []


def test_bulk_counts_match_the_one_draft_counts(writer, make_draft):
    drafts = [make_draft(body=FAULTY), make_draft(), make_draft(body=FAULTY + " " + FAULTY)]
    f = selectors.open_findings(drafts[0])[0]
    services.finding_dismiss(finding=f, reason="سبب", user=writer)
    services.draft_rerun_checks(draft=drafts[2])
    bulk = selectors.open_counts_many(drafts)
    for d in drafts:
        assert bulk[d.pk] == selectors.open_counts(d)


def test_the_desk_query_count_does_not_grow_with_drafts(login, writer, make_draft):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(writer)
    make_draft(body=FAULTY)
    client.get("/")
    with CaptureQueriesContext(connection) as one:
        client.get("/")
    for _ in range(8):
        make_draft(body=FAULTY)
    with CaptureQueriesContext(connection) as nine:
        client.get("/")
    assert len(nine) == len(one)


def test_approved_drafts_wait_on_the_publishers_desk(login, writer, reviewer, publisher, make_draft):
    d = make_draft(title="جاهزة للنشر")
    make_draft(title="مسودة")
    services.draft_transition(draft=d, action="submit", user=writer)
    services.draft_transition(draft=d, action="approve", user=reviewer)
    assert titles(login(publisher).get("/")) == ["جاهزة للنشر"]


def test_the_findings_filter(login, writer, make_draft):
    from tests.conftest import SAMPLE_BODY, SAMPLE_TITLE

    faulty = make_draft(title="خبر فيه نص مؤقت", body=FAULTY)
    make_draft(title=SAMPLE_TITLE, body=SAMPLE_BODY)
    client = login(writer)
    assert titles(client.get("/?scope=all&findings=errors")) == ["خبر فيه نص مؤقت"]
    assert titles(client.get("/?scope=all&findings=placeholder")) == ["خبر فيه نص مؤقت"]
    assert faulty.title not in titles(client.get("/?scope=all&findings=clean"))
    for f in selectors.open_findings(faulty):
        services.finding_dismiss(finding=f, reason="سبب", user=writer)
    assert titles(client.get("/?scope=all&findings=errors")) == []
    assert faulty.title in titles(client.get("/?scope=all&findings=clean"))


def test_bulk_counts_of_a_draft_never_checked_are_empty(writer, make_draft):
    from editorial.models import Draft

    checked = make_draft(body=FAULTY)
    unchecked = Draft.objects.create(title="بلا فحص", body_text="نص", author=writer)
    counts = selectors.open_counts_many([checked, unchecked])
    assert counts[unchecked.pk] == {} and counts[checked.pk] == selectors.open_counts(checked)


def test_the_latest_run_of_each_row_is_one_index_step_on_postgresql(writer, make_draft):
    """The desk reads each row's latest run through (revision, -created_at, -id): PostgreSQL never walks the
    reports' created_at index over every run of the table to find one draft's latest (the desk's cost then grew
    with the whole table: 55 ms for 50 rows beside 1,164 runs, without fresh statistics)."""
    from django.db import connection, transaction
    from django.db.models import OuterRef, Subquery

    from editorial.models import Draft

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL plan")
    drafts = [make_draft(body=FAULTY) for _ in range(3)]
    qs = Draft.all_objects.filter(pk__in=[d.pk for d in drafts]).annotate(
        run=Subquery(selectors.current_runs(OuterRef("pk"), OuterRef("revision_number")).values("id")[:1]))
    sql, params = qs.order_by().values_list("run", "pk").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan a large table gets, on a small one
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "checkrun_revision_latest_idx" in plan and "checkrun_created_idx" not in plan


def test_a_rows_counts_name_the_families_present_in_the_engines_order_and_each_severity():
    from django.template.loader import render_to_string
    from django.utils import translation

    from editorial.templatetags.editorial_tags import open_summary

    counts = {"info": 1, "style": 1, "warning": 3, "repetition": 3, "error": 0, "placeholder": 0}
    summary = open_summary(counts)
    assert [f["code"] for f in summary["families"]] == ["repetition", "style"]
    assert (summary["error"], summary["warning"], summary["info"]) == (0, 3, 1)
    with translation.override("en"):
        html = render_to_string("editorial/_counts.html", {"counts": counts})
        clean = render_to_string("editorial/_counts.html", {"counts": {}})
    assert html.index('class="fam fam-repetition"') < html.index('class="fam fam-style"')
    assert "fam-placeholder" not in html and "sev-error" not in html
    assert 'title="Repetition"' in html and "3 warnings" in html and "1 note" in html
    assert '<span class="clean">No open findings</span>' in clean and "<ul" not in clean
    assert open_summary(None) == {"error": 0, "warning": 0, "info": 0, "families": []}
