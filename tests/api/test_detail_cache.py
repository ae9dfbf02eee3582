"""The API's cached detail of a draft (``editorial.detail_cache``): every write that changes what the detail shows
is seen by the next read, on every write path; ETags answer 304; a reader racing a write never keeps the old
answer; the cache down changes nothing but speed."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from editorial import archive, detail_cache, review, services
from editorial.models import ApiClient, Dismissal, Draft, Finding
from tests.api.conftest import BODY, BODY_WITH_PLACEHOLDER, TITLE
from tests.test_archive import ORIGINAL, RECYCLED
from tests.test_archive import TITLE as ARCHIVE_TITLE


@pytest.fixture
def pk(submit):
    r = submit(external_id="cached", body=BODY_WITH_PLACEHOLDER)
    assert r.status_code == 201
    return r.json()["id"]


def _read(cms, pk) -> dict:
    r = cms.get(f"/api/v1/drafts/{pk}/")
    assert r.status_code == 200
    return r.json()


def _fresh(cms, pk) -> dict:
    """The detail as the database has it now, whatever the cache holds."""
    cache.clear()
    return _read(cms, pk)


def _finding(pk) -> Finding:
    return Finding.objects.filter(check_run__revision__draft_id=pk).order_by("id").first()


def _dismiss_api(cms, pk):
    f = _finding(pk)
    r = cms.post(f"/api/v1/drafts/{pk}/findings/{f.pk}/dismiss/", {"kind": "false_alarm"}, format="json")
    assert r.status_code == 201


def _undo(cms, pk):
    services.dismissal_undo(dismissal=Dismissal.objects.get(draft_id=pk), client=Draft.objects.get(pk=pk).api_client)


def _revise_api(cms, pk):
    r = cms.patch(f"/api/v1/drafts/{pk}/", {"body": BODY, "base_revision": 1}, format="json")
    assert r.status_code == 200 and r.json()["revision_created"]


def _resubmit_api(cms, pk):
    r = cms.post("/api/v1/drafts/", {"external_id": "cached", "title": TITLE, "body": BODY}, format="json")
    assert r.status_code == 200 and r.json()["revision_created"]


def _body_format_api(cms, pk):
    r = cms.put(f"/api/v1/drafts/{pk}/", {"title": TITLE, "body": f"<p>{BODY}</p>", "body_format": "html",
                                        "base_revision": 1}, format="json")
    assert r.status_code == 200


def _details_only_api(cms, pk):
    r = cms.post("/api/v1/drafts/", {"external_id": "cached", "title": TITLE, "body": BODY_WITH_PLACEHOLDER,
                                     "desk": "اقتصاد", "metadata": {"section": 2}}, format="json")
    assert r.status_code == 200 and not r.json()["revision_created"]


def _transition_api(cms, pk):
    r = cms.post(f"/api/v1/drafts/{pk}/transitions/", {"action": "submit"}, format="json")
    assert r.status_code == 200


def _transition_desk(cms, pk, reviewer):
    services.draft_transition(draft=Draft.objects.get(pk=pk), action=review.REQUEST_CHANGES, user=reviewer,
                              comment="أعد صياغة المقدمة")


def _rerun(cms, pk):
    services.draft_rerun_checks(draft=Draft.objects.get(pk=pk))


def _assign(cms, pk, reviewer):
    services.draft_assign(draft=Draft.objects.get(pk=pk), assignee=reviewer, user=reviewer)  # updated_at moves


def _update_details(cms, pk, admin_user):
    services.draft_update_details(draft=Draft.objects.get(pk=pk), user=admin_user, author_name="مراسلنا")


def _delete_then_undelete(cms, pk, admin_user):
    services.draft_delete(draft=Draft.objects.get(pk=pk), client=Draft.objects.get(pk=pk).api_client)
    assert cms.get(f"/api/v1/drafts/{pk}/").status_code == 404
    services.draft_undelete(draft=Draft.all_objects.get(pk=pk), user=admin_user)


def _rename_client(cms, pk):
    client = ApiClient.objects.get(name="cms-a")
    client.name = "cms-a (renamed)"
    client.save()


def _suggestion_accepted(cms, pk, reviewer, admin_user):
    draft = Draft.objects.get(pk=pk)
    comment = services.comment_add(draft=draft, user=reviewer, body="", passage="بسعة 400 سرير",
                                   replacement="بسعة 500 سرير")
    services.suggestion_decide(comment=comment, accept=True, user=admin_user)


def _nothing(cms, pk):
    pass


# name: (what comes first, the write whose change the next read must show)
WRITES = {
    "dismiss (API)": _dismiss_api,
    "undo a dismissal": (_dismiss_api, _undo),
    "revise (API PATCH)": _revise_api,
    "new revision by external id (API POST)": _resubmit_api,
    "body format changes (API PUT)": _body_format_api,
    "details only, same content (API POST)": _details_only_api,
    "transition (API)": _transition_api,
    "transition (desk)": (_transition_api, _transition_desk),
    "re-run the checks": _rerun,
    "assign a reviewer": _assign,
    "change details (admin)": _update_details,
    "delete and restore": _delete_then_undelete,
    "rename the client": (_dismiss_api, _rename_client),
    "accept a suggestion": _suggestion_accepted,
}


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_is_seen_by_the_next_read(write, cms_a, pk, reviewer, admin_user):
    prepare, fn = WRITES[write] if isinstance(WRITES[write], tuple) else (_nothing, WRITES[write])
    prepare(cms_a, pk)
    before = _read(cms_a, pk)
    assert _read(cms_a, pk) == before  # cached from here on
    kwargs = {name: value for name, value in (("reviewer", reviewer), ("admin_user", admin_user))
              if name in fn.__code__.co_varnames[:fn.__code__.co_argcount]}
    fn(cms_a, pk, **kwargs)
    after = _read(cms_a, pk)
    assert after != before, "the write changed nothing shown: the test proves nothing"
    assert after == _fresh(cms_a, pk)


def test_archive_findings_are_seen_by_the_next_read(cms_a, make_draft):
    original = make_draft(title=ARCHIVE_TITLE, body=ORIGINAL)
    archive.index_revision(original.revisions.get().pk)
    r = cms_a.post("/api/v1/drafts/", {"external_id": "again", "title": ARCHIVE_TITLE, "body": RECYCLED},
                   format="json")
    pk = r.json()["id"]
    before = _read(cms_a, pk)
    assert not [f for f in before["report"]["findings"] if f["check"] == "archive"]
    archive.index_revision(Draft.objects.get(pk=pk).revisions.get().pk)
    after = _read(cms_a, pk)
    assert [f["rule"] for f in after["report"]["findings"] if f["check"] == "archive"] == ["archive.recycled"]
    assert after == _fresh(cms_a, pk)


def test_each_language_is_cached_apart(cms_a, pk):
    arabic = cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_ACCEPT_LANGUAGE="ar")
    english = cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert arabic.json()["actions"][0]["label"] != english.json()["actions"][0]["label"]
    assert cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_ACCEPT_LANGUAGE="ar").content == arabic.content


def test_another_client_never_gets_the_cached_answer(cms_a, cms_b, pk):
    _read(cms_a, pk)
    assert cms_b.get(f"/api/v1/drafts/{pk}/").status_code == 404


def test_the_race_when_no_token_was_made_yet(cms_a, pk):
    """No token yet: the reader reads, a write makes the token, the reader's ``add`` fails and it stores nothing."""
    old = cms_a.get(f"/api/v1/drafts/{pk}/").content
    cache.clear()
    found = detail_cache.lookup(pk, "ar")
    assert found.tokens == (None, None)
    _transition_api(cms_a, pk)  # replaces the draft's token (made now)
    detail_cache.store(found, found_client(pk), old, detail_cache.etag_of(old))
    assert _read(cms_a, pk)["status"] == review.IN_REVIEW


def test_reading_drafts_that_do_not_exist_leaves_nothing_in_the_cache(cms_a, cms_b, pk):
    cache.clear()
    for missing in (pk + 1000, pk + 1001):
        assert cms_a.get(f"/api/v1/drafts/{missing}/").status_code == 404
    assert cms_b.get(f"/api/v1/drafts/{pk}/").status_code == 404
    assert not [k for k in cache._cache if "draftgen" in k or "draftapi" in k]


def test_etag_and_not_modified(cms_a, pk):
    first = cms_a.get(f"/api/v1/drafts/{pk}/")
    etag = first["ETag"]
    assert etag.startswith('"') and first.content
    same = cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_IF_NONE_MATCH=etag)
    assert same.status_code == 304 and same.content == b"" and same["ETag"] == etag
    assert cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    cache.clear()  # computed again: the same bytes, the same ETag
    assert cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    _transition_api(cms_a, pk)
    changed = cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_reader_that_read_before_a_write_does_not_keep_the_old_answer(cms_a, pk):
    """The race: a reader takes the tokens, a write commits, the reader stores what it read before the write."""
    old = cms_a.get(f"/api/v1/drafts/{pk}/").content
    cache.clear()
    found = detail_cache.lookup(pk, "ar")  # the reader's tokens, before the write
    assert found.entry is None and found.answered
    _transition_api(cms_a, pk)
    detail_cache.store(found, found_client(pk), old, detail_cache.etag_of(old))  # too late: under old tokens
    assert _read(cms_a, pk)["status"] == review.IN_REVIEW


def found_client(pk) -> int:
    return Draft.objects.get(pk=pk).api_client_id


def test_the_cache_down_reads_from_the_database(cms_a, pk, monkeypatch, django_assert_num_queries):
    _read(cms_a, pk)

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "get_many", "set", "set_many", "add", "incr", "delete", "delete_many"):
        monkeypatch.setattr(cache, name, down)
    r = cms_a.get(f"/api/v1/drafts/{pk}/")
    assert r.status_code == 200 and r["ETag"]
    _transition_api(cms_a, pk)
    assert _read(cms_a, pk)["status"] == review.IN_REVIEW


def test_on_redis_a_cached_read_is_one_round_trip_with_the_key(redis_cache, cms_a, pk, monkeypatch,
                                                                 django_assert_num_queries):
    first = _read(cms_a, pk)
    _read(cms_a, pk)  # the worker knows the key now: the detail is read in the key's round trip

    def no_second_trip(*args, **kwargs):
        raise AssertionError("the detail was read in a round trip of its own")

    with monkeypatch.context() as m:
        m.setattr(type(redis_cache), "get_many", no_second_trip)
        with django_assert_num_queries(0):
            assert _read(cms_a, pk) == first
    _transition_api(cms_a, pk)
    after = _read(cms_a, pk)
    assert after["status"] == review.IN_REVIEW
    redis_cache.delete_many(list(detail_cache.keys(pk, "ar")))
    assert _read(cms_a, pk) == after


def test_a_per_process_memory_cache_holds_no_detail(settings, cms_a, pk, django_assert_num_queries):
    """Several processes with a memory cache each could not forget each other's copies: read every time."""
    settings.API_DETAIL_CACHE = None
    assert not detail_cache.enabled()
    first = _read(cms_a, pk)
    with django_assert_num_queries(3):
        assert _read(cms_a, pk) == first
    assert cms_a.get(f"/api/v1/drafts/{pk}/", HTTP_IF_NONE_MATCH=cms_a.get(f"/api/v1/drafts/{pk}/")["ETag"]
                     ).status_code == 304
