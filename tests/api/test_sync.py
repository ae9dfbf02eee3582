"""Syncing a CMS with the list: a cursor over a stable key, ``updated_since``, and ``updated_at`` that moves only
when something changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import quote

import pytest

from editorial.models import Draft

from .conftest import BODY, TITLE

pytestmark = pytest.mark.django_db

LIST = "/api/v1/drafts/"
STORIES = [f"{BODY} وأضاف أن المرحلة {word} تبدأ الشهر المقبل." for word in
           ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة")]


@pytest.fixture
def seven(submit) -> list[int]:
    return [submit(external_id=f"s{i}", body=body).json()["id"] for i, body in enumerate(STORIES)]


def _revise(cms, draft_id: int, body: str):
    revision = cms.get(f"{LIST}{draft_id}/").json()["revision"]
    r = cms.patch(f"{LIST}{draft_id}/", {"body": body, "base_revision": revision}, format="json")
    assert r.status_code == 200 and r.json()["revision_created"], r.json()


def _walk(cms, first: str, between=None) -> list[int]:
    """Every id the list gives, following ``next``; ``between(page_number)`` runs after each page."""
    seen, url, n = [], first, 0
    while url:
        data = cms.get(url).json()
        seen += [d["id"] for d in data["results"]]
        url, n = data["next"], n + 1
        if between:
            between(n)
    return seen


def test_drafts_changing_between_pages_are_neither_repeated_nor_skipped(cms_a, seven):
    def edit(page: int):
        if page == 1:  # one already read and one not yet read both change; a new draft arrives
            _revise(cms_a, seven[0], STORIES[0] + " تحديث")
            _revise(cms_a, seven[5], STORIES[5] + " تحديث")
            cms_a.post(LIST, {"external_id": "late", "title": TITLE, "body": BODY + " متأخر"}, format="json")

    seen = _walk(cms_a, f"{LIST}?page_size=2", between=edit)
    late = Draft.objects.get(external_id="late").pk
    assert seen == [*seven, late]  # each once, in id order, the new one at the end


def test_the_old_page_numbers_by_last_update_repeat_and_skip_a_draft_that_moves(cms_a, seven):
    """Why the cursor: the deprecated paging (still answered when ``page`` is sent) walks by last update, so a
    draft changed mid-walk jumps to the front: one draft is shown twice and the changed one never."""
    first = cms_a.get(f"{LIST}?page=1&page_size=3").json()
    _revise(cms_a, seven[2], STORIES[2] + " تحديث")
    rest = [cms_a.get(f"{LIST}?page={n}&page_size=3").json() for n in (2, 3)]
    shown = [d["id"] for page in (first, *rest) for d in page["results"]]
    assert first["count"] == 7
    assert shown == [seven[6], seven[5], seven[4], seven[4], seven[3], seven[1], seven[0]]


def test_a_sync_from_the_last_update_seen_picks_up_every_later_change(cms_a, seven):
    listed = cms_a.get(f"{LIST}?page_size=200").json()["results"]
    watermark = max(datetime.fromisoformat(d["updated_at"]) for d in listed) - timedelta(seconds=60)
    _revise(cms_a, seven[3], STORIES[3] + " تحديث")
    since = quote(watermark.isoformat())
    changed = {d["id"] for d in cms_a.get(f"{LIST}?updated_since={since}").json()["results"]}
    assert seven[3] in changed
    later = quote(datetime.fromisoformat(cms_a.get(f"{LIST}{seven[3]}/").json()["updated_at"]).isoformat())
    assert [d["id"] for d in cms_a.get(f"{LIST}?updated_since={later}").json()["results"]] == [seven[3]]


@pytest.mark.parametrize(("query", "status"), [("cursor=bm9wZQ", 404), ("cursor=0", 404), ("cursor=", 400),
                                               ("page=0", 400), ("page=9", 404)])
def test_a_cursor_is_taken_only_as_the_list_gave_it_like_a_page_past_the_end(cms_a, seven, query, status):
    r = cms_a.get(f"{LIST}?{query}")
    assert r.status_code == status, r.json()
    assert r.json()["code"] == ("not_found" if status == 404 else "invalid")


def test_with_a_page_number_the_cursor_is_ignored(cms_a, seven):
    cursor = cms_a.get(f"{LIST}?page_size=2").json()["next"].split("cursor=")[1].split("&")[0]
    r = cms_a.get(f"{LIST}?page=1&page_size=2&cursor={cursor}").json()
    assert [d["id"] for d in r["results"]] == [seven[6], seven[5]]


def test_a_cursor_page_keeps_the_count_and_goes_back_with_previous(cms_a, seven):
    first = cms_a.get(f"{LIST}?page_size=3").json()
    second = cms_a.get(first["next"]).json()
    assert first["count"] == second["count"] == 7 and first["previous"] is None
    assert [d["id"] for d in cms_a.get(second["previous"]).json()["results"]] == seven[:3]


def _updated(draft_id: int) -> datetime:
    return Draft.objects.get(pk=draft_id).updated_at


def test_requests_that_change_nothing_leave_updated_at_alone(submit, cms_a):
    data = submit(desk="محليات", metadata={"section": "health"}).json()
    draft_id, before = data["id"], _updated(data["id"])
    url = f"{LIST}{draft_id}/"
    no_ops = [
        submit(desk="محليات", metadata={"section": "health"}),  # a retried upsert
        submit(),  # the same content, details not sent
        cms_a.patch(url, {"desk": "محليات", "base_revision": 1}, format="json"),
        cms_a.put(url, {"title": TITLE, "body": BODY, "base_revision": 1}, format="json"),
        cms_a.patch(url, {"title": f"  {TITLE}\x00 ", "base_revision": 1}, format="json"),  # the same, once read
        cms_a.post(f"{url}transitions/", {"action": "publish"}, format="json"),  # refused: changes nothing
        cms_a.get(url),
    ]
    assert [r.status_code for r in no_ops] == [200, 200, 200, 200, 200, 409, 200]
    assert not any(r.json().get("revision_created") for r in no_ops)
    assert _updated(draft_id) == before
    assert cms_a.patch(url, {"desk": "اقتصاد", "base_revision": 1}, format="json").status_code == 200
    moved = _updated(draft_id)
    assert moved > before
    cms_a.post(f"{url}transitions/", {"action": "submit"}, format="json")
    assert _updated(draft_id) > moved
