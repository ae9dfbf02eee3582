"""The API's request paths in a fixed, small number of queries (counted, never timed)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import detail_cache, services
from editorial.models import Draft, Finding
from tests.api.conftest import BODY_WITH_PLACEHOLDER, TITLE

REPEATS = "\n\n".join(f"{BODY_WITH_PLACEHOLDER}\n\nالفقرة رقم {i} تكرر [اسم المصور] مرة أخرى." for i in range(6))


def _dismiss_one(draft: Draft, client) -> None:
    finding = Finding.objects.filter(check_run__revision__draft=draft).first()
    services.finding_dismiss(finding=finding, reason="مقصود", client=client)


def test_reading_a_draft_takes_three_queries_whatever_it_holds(cms_a, submit, api_client_a,
                                                                 django_assert_num_queries):
    small = submit(external_id="small", body=BODY_WITH_PLACEHOLDER).json()["id"]
    big = submit(external_id="big", body=REPEATS).json()["id"]
    draft = Draft.objects.get(pk=big)
    _dismiss_one(draft, api_client_a)
    cms_a.post(f"/api/v1/drafts/{big}/transitions/", {"action": "submit"}, format="json")
    assert len(cms_a.get(f"/api/v1/drafts/{big}/").json()["report"]["findings"]) > 3
    for pk in (small, big):
        detail_cache.changed(pk)  # read from the database, as after a write
        with django_assert_num_queries(3):  # the draft with its latest run, the findings, the history
            r = cms_a.get(f"/api/v1/drafts/{pk}/")
        assert r.status_code == 200
        with django_assert_num_queries(0):  # unchanged since: the rendered answer from the cache
            again = cms_a.get(f"/api/v1/drafts/{pk}/")
        assert again.content == r.content and again["ETag"] == r["ETag"]
    shown = cms_a.get(f"/api/v1/drafts/{big}/").json()
    dismissed = [f for f in shown["report"]["findings"] if f["dismissed"]]
    assert dismissed and len({f["fingerprint"] for f in dismissed}) == 1
    assert {(f["dismissal"]["reason"], f["dismissal"]["by"]) for f in dismissed} == {("مقصود", "API: cms-a")}
    assert [e["action"] for e in shown["history"]] == ["submit"]


def test_a_new_draft_is_presented_from_what_was_written(cms_a, submit, django_assert_num_queries):
    submit(external_id="warm-up")  # the key is cached from here on
    with CaptureQueriesContext(connection) as ctx:
        r = submit(external_id="fresh", body=REPEATS)
    assert r.status_code == 201
    sql = [q["sql"] for q in ctx.captured_queries]
    # Nothing is read back after the write: no SELECT after the first INSERT, findings in one INSERT.
    first_insert = next(i for i, q in enumerate(sql) if q.startswith("INSERT"))
    assert not [q for q in sql[first_insert:] if q.startswith("SELECT")]
    assert sum(q.startswith('INSERT INTO "editorial_finding"') for q in sql) == 1
    # The lookup by external id, then the draft, its revision, the run, its findings and the reports' rollup (the
    # archive's task is queued after the commit; the test's own transaction adds a savepoint).
    statements = [q[:60] for q in sql if not q.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(statements) == 6, statements
    stored = cms_a.get(f"/api/v1/drafts/{r.json()['id']}/").json()
    assert r.json()["report"] == stored["report"]
    assert len(r.json()["report"]["findings"]) > 3


def test_a_new_revision_shows_carried_dismissals(cms_a, submit, api_client_a):
    pk = submit(external_id="rev", body=BODY_WITH_PLACEHOLDER).json()["id"]
    _dismiss_one(Draft.objects.get(pk=pk), api_client_a)
    r = submit(external_id="rev", body=BODY_WITH_PLACEHOLDER + "\n\nفقرة جديدة أضيفت إلى الخبر.")
    assert r.json()["revision_created"] is True
    assert [f["dismissed"] for f in r.json()["report"]["findings"]] == \
        [f["dismissed"] for f in cms_a.get(f"/api/v1/drafts/{pk}/").json()["report"]["findings"]]
    assert any(f["dismissed"] for f in r.json()["report"]["findings"])


def test_the_key_and_the_rate_come_from_the_cache(cms_a, submit, django_assert_num_queries):
    submit(external_id="k", title=TITLE)
    with django_assert_num_queries(0):
        r = cms_a.post("/api/v1/check/", {"title": TITLE, "body": BODY_WITH_PLACEHOLDER}, format="json")
    assert r.status_code == 200


def test_a_cache_outage_does_not_break_the_api(cms_a, submit, monkeypatch):
    from django.core.cache import caches

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    cache = caches["default"]
    for name in ("get", "set", "add", "incr", "delete", "delete_many", "get_many", "set_many"):
        monkeypatch.setattr(cache, name, down)
    created = submit(external_id="outage")
    assert created.status_code == 201
    read = cms_a.get(f"/api/v1/drafts/{created.json()['id']}/")
    assert read.status_code == 200 and read.json()["report"] == created.json()["report"]
    assert cms_a.post("/api/v1/check/", {"title": TITLE, "body": BODY_WITH_PLACEHOLDER},
                      format="json").status_code == 200


def test_on_redis_a_check_reads_the_rule_settings_with_the_key(redis_cache, cms_a, submit, monkeypatch,
                                                                 django_assert_num_queries):
    from editorial.models import RuleSetting

    check = {"title": TITLE, "body": BODY_WITH_PLACEHOLDER}
    first = cms_a.post("/api/v1/check/", check, format="json").json()
    assert first["findings"]
    cms_a.post("/api/v1/check/", check, format="json")  # the worker knows the key now

    def no_second_trip(*args, **kwargs):
        raise AssertionError("the cache was read in a round trip of its own")

    with monkeypatch.context() as m:
        m.setattr(type(redis_cache), "get", no_second_trip)
        with django_assert_num_queries(0):
            assert cms_a.post("/api/v1/check/", check, format="json").json() == first
        created = submit(external_id="held", body=BODY_WITH_PLACEHOLDER)
        assert created.status_code == 201
        assert [f["rule"] for f in created.json()["report"]["findings"]] == [f["rule"] for f in first["findings"]]
    # A rule switched off is forgotten in the cache: the next check reads the settings again and goes without it.
    rule = first["findings"][0]["rule"]
    RuleSetting.objects.create(rule=rule, enabled=False)
    after = cms_a.post("/api/v1/check/", check, format="json").json()
    assert rule not in {f["rule"] for f in after["findings"]}
    revised = submit(external_id="held", body=BODY_WITH_PLACEHOLDER + "\n\nفقرة أخرى.")
    assert revised.json()["revision_created"] and rule not in {f["rule"] for f in revised.json()["report"]["findings"]}
