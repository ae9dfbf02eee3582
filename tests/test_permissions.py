"""The permission matrix (issue 9): every page and endpoint × every kind of caller, expectations as a table.

Callers: anonymous, the draft's writer, another writer, a reviewer, a publisher, an admin, the CMS that owns the
draft and another CMS (reviewers and publishers may correct a draft's text themselves, as a revision in their
own name). Each row is one request against a fresh draft (the writer's for the desk and the admin,
the CMS's for the API), checked twice: what the caller got, and whether the write happened.

Cells: ``ok`` done (or shown) · ``no`` refused with a message, nothing changed · ``login`` sent to sign in ·
``401``/``403``/``404`` that status, nothing changed. CMS keys never open the desk; sessions never open the
API for drafts (only the stateless check accepts a newsroom session).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from editorial import review, services
from editorial.api.services import api_key_create
from editorial.models import ApiClient, CheckRun, Comment, Dismissal, Draft
from tests.conftest import SAMPLE_TITLE, _user

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "writer", "other_writer", "reviewer", "publisher", "admin", "cms", "other_cms")
# "قال قال" is a doubled word (with a suggestion) and "[الاسم]" an error placeholder.
BODY = "قال قال الوزير إن المستشفى جاهز. وأكد أن [الاسم] حضر الافتتاح."
CLEAN_CHECKS = {"disabled": ["placeholder", "repetition", "consistency"]}


@dataclass
class World:
    users: dict
    clients: dict  # ApiClient models
    keys: dict
    serial: int = 0

    def desk(self, actor: str) -> Client:
        c = Client()
        if actor in self.users:
            c.force_login(self.users[actor])
        elif actor in self.keys:
            c.defaults["HTTP_AUTHORIZATION"] = f"Bearer {self.keys[actor]}"
        return c

    def api(self, actor: str) -> APIClient:
        c = APIClient()
        if actor in self.keys:
            c.credentials(HTTP_AUTHORIZATION=f"Bearer {self.keys[actor]}")
        elif actor in self.users:
            c.force_login(self.users[actor])
        return c


@pytest.fixture
def world(db) -> World:
    users = {
        "writer": _user("writer", review.GROUP_WRITERS),
        "other_writer": _user("writer2", review.GROUP_WRITERS),
        "reviewer": _user("reviewer", review.GROUP_REVIEWERS),
        "publisher": _user("publisher", review.GROUP_PUBLISHERS),
        "admin": _user("admin", superuser=True),
    }
    clients, keys = {}, {}
    for actor, name in (("cms", "cms-a"), ("other_cms", "cms-b")):
        clients[actor] = ApiClient.objects.create(name=name)
        keys[actor] = api_key_create(client=clients[actor])[1]
    return World(users, clients, keys)


def writers_draft(w: World, status: str = review.DRAFT, settings=None) -> Draft:
    """The writer's draft in ``status`` (reached through the real transitions)."""
    draft = services.draft_create(title=SAMPLE_TITLE, body_text=BODY, user=w.users["writer"])
    path = {review.DRAFT: [], review.IN_REVIEW: ["submit"], review.APPROVED: ["submit", "approve"],
            review.PUBLISHED: ["submit", "approve", "publish"]}[status]
    actor = {"submit": "writer", "approve": "reviewer", "publish": "publisher"}
    for action in path:
        services.draft_transition(draft=draft, action=action, user=w.users[actor[action]],
                                  override_reason="مصفوفة الصلاحيات" if action == "approve" else "")
    draft.refresh_from_db()
    return draft


def cms_draft(w: World) -> Draft:
    """The CMS's draft (each actor gets a fresh one: the upsert row finds it by its external id)."""
    w.serial += 1
    return services.draft_create(title=SAMPLE_TITLE, body_text=BODY, client=w.clients["cms"],
                                 external_id=f"m{w.serial}")


def finding(draft, rule: str):
    return next(f for f in services.selectors.open_findings(draft) if f.rule.startswith(rule))


def outcome(response, done: bool) -> str:
    status = response.status_code
    if status == 302 and "/login/" in response["Location"]:
        return "login"
    if status in (401, 403, 404):
        return str(status)
    if status >= 500:
        return "500"
    return "ok" if done else "no"


@dataclass
class Row:
    name: str  # what it is, and which column of the matrix (see/edit/dismiss/transition/delete)
    expect: str  # one cell per actor, in ACTORS order
    run: Callable  # (world, actor) -> (response, done)


def _get(path_of):
    """A page or endpoint that only shows something: done = answered 200."""
    def run(w, actor):
        draft = writers_draft(w)
        r = w.desk(actor).get(path_of(draft))
        return r, r.status_code == 200
    return run


def _desk_post(name, data_of=lambda d: {}, done_of=None, status=review.DRAFT, prepare=None, url_args=None):
    def run(w, actor):
        draft = writers_draft(w, status)
        extra = prepare(w, draft) if prepare else None
        draft.refresh_from_db()
        args = url_args(draft, extra) if url_args else [draft.pk]
        before = done_of(draft, extra, None) if done_of else None
        r = w.desk(actor).post(reverse(f"editorial:{name}", args=args), data_of(draft) if not extra else
                               data_of(draft, extra))
        draft = Draft.all_objects.get(pk=draft.pk)
        return r, done_of(draft, extra, before)
    return run


def _page(name):
    def run(w, actor):
        r = w.desk(actor).get(reverse(name))
        return r, r.status_code == 200
    return run


def _live(w, actor):
    r = w.desk(actor).post(reverse("editorial:check_live"), {"title": "عنوان", "body": BODY})
    return r, r.status_code == 200


def _create(w, actor):
    before = Draft.objects.count()
    r = w.desk(actor).post(reverse("editorial:draft_new"), {"title": "خبر جديد", "body": "نص الخبر الجديد."})
    return r, Draft.objects.count() > before


def _assign(w, actor):
    draft = writers_draft(w)
    r = w.desk(actor).post(reverse("editorial:assign", args=[draft.pk]), {"assignee": w.users["reviewer"].pk})
    return r, Draft.objects.get(pk=draft.pk).assignee_id is not None


def _admin_delete(w, actor):
    draft = writers_draft(w)
    r = w.desk(actor).post(reverse("admin:editorial_draft_delete", args=[draft.pk]), {"post": "yes"})
    return r, Draft.all_objects.get(pk=draft.pk).deleted_at is not None


def _revision_moved(draft, extra, before):
    return draft.revision_number if before is None else draft.revision_number > before


def _status_is(target):
    return lambda draft, extra, before: draft.status == target


DESK_ROWS = [
    #                                                    anon    writer  other   review  publish admin   cms     other
    Row("see: the desk", "login ok ok ok ok ok login login", _page("editorial:desk")),
    Row("see: waiting for my review", "login ok ok ok ok ok login login", _page("editorial:waiting")),
    Row("see: a draft", "login ok ok ok ok ok login login",
        _get(lambda d: reverse("editorial:draft", args=[d.pk]))),
    Row("see: the revision diff", "login ok ok ok ok ok login login",
        _get(lambda d: reverse("editorial:diff", args=[d.pk]) + "?a=1&b=1")),
    Row("see: download", "login ok ok ok ok ok login login",
        _get(lambda d: reverse("editorial:download", args=[d.pk]) + "?format=txt")),
    Row("see: the live check", "login ok ok ok ok ok login login", _live),
    Row("edit: open the editor", "login ok 403 ok ok ok login login",
        _get(lambda d: reverse("editorial:draft_edit", args=[d.pk]))),
    Row("edit: save a revision", "login ok 403 ok ok ok login login",
        _desk_post("draft_edit", lambda d: {"title": d.title, "body": BODY + " تعديل", "base_revision": 1},
                   _revision_moved)),
    Row("edit: create a draft", "login ok ok ok ok ok login login", _create),
    Row("edit: apply a suggestion", "login ok no ok ok ok login login",
        _desk_post("apply", done_of=_revision_moved, prepare=lambda w, d: finding(d, "repetition.doubled"),
                   url_args=lambda d, f: [d.pk, f.pk], data_of=lambda d, f=None: {})),
    Row("edit: restore a revision", "login ok no ok ok ok login login",
        _desk_post("restore", data_of=lambda d, extra=None: {"base_revision": 2}, done_of=_revision_moved,
                   prepare=lambda w, d: services.draft_revise(draft=d, title=d.title, body_text="نص ثان.",
                                                              user=w.users["writer"]),
                   url_args=lambda d, extra: [d.pk, 1])),
    Row("edit: comment", "login ok ok ok ok ok login login",
        _desk_post("comment_add", lambda d: {"body": "تعليق"},
                   lambda d, e, b: Comment.objects.filter(draft=d).exists())),
    Row("edit: suggest a replacement", "login no no ok ok ok login login",
        _desk_post("comment_add", lambda d: {"body": "", "passage": "المستشفى جاهز", "replacement": "المستشفى مجهز"},
                   lambda d, e, b: Comment.objects.filter(draft=d, replacement__isnull=False).exists())),
    Row("edit: accept a suggestion", "login ok no ok ok ok login login",
        _desk_post("suggestion_decide", data_of=lambda d, c=None: {"decision": "accept"}, done_of=_revision_moved,
                   prepare=lambda w, d: services.comment_add(draft=d, user=w.users["reviewer"], body="",
                                                             passage="المستشفى جاهز", replacement="المستشفى مجهز"),
                   url_args=lambda d, c: [d.pk, c.pk])),
    Row("edit: assign a reviewer", "login ok ok ok ok ok login login", _assign),
    Row("edit: check again", "login ok ok ok ok ok login login",
        _desk_post("recheck", done_of=lambda d, e, b: CheckRun.objects.filter(revision__draft=d).count() > 1)),
    Row("dismiss: a finding", "login ok no ok no ok login login",
        _desk_post("dismiss", data_of=lambda d, f=None: {"kind": "false_alarm"},
                   done_of=lambda d, f, b: Dismissal.objects.filter(draft=d).exists(),
                   prepare=lambda w, d: finding(d, "placeholder"), url_args=lambda d, f: [d.pk, f.pk])),
    Row("dismiss: undo a dismissal", "login ok no ok no ok login login",
        _desk_post("undo_dismissal", data_of=lambda d, x=None: {},
                   done_of=lambda d, x, b: Dismissal.objects.filter(draft=d, undone_at__isnull=False).exists(),
                   prepare=lambda w, d: services.finding_dismiss(finding=finding(d, "placeholder"),
                                                                 user=w.users["writer"]),
                   url_args=lambda d, x: [d.pk, x.pk])),
    Row("transition: submit", "login ok 403 403 403 ok login login",
        _desk_post("transition", lambda d: {"action": "submit", "confirm": "1"}, _status_is(review.IN_REVIEW))),
    Row("transition: approve (over an error, with a reason)", "login 403 403 ok 403 ok login login",
        _desk_post("transition", lambda d: {"action": "approve", "override_reason": "مراجعة"},
                   _status_is(review.APPROVED), status=review.IN_REVIEW)),
    Row("transition: publish", "login 403 403 403 ok ok login login",
        _desk_post("transition", lambda d: {"action": "publish", "confirm": "1"}, _status_is(review.PUBLISHED),
                   status=review.APPROVED)),
    Row("transition: reopen a published draft", "login 403 403 ok ok ok login login",
        _desk_post("transition", lambda d: {"action": "reopen", "comment": "تصحيح"}, _status_is(review.IN_REVIEW),
                   status=review.PUBLISHED)),
    Row("edit: a published draft (read-only)", "login no 403 no no no login login",
        _desk_post("draft_edit", lambda d: {"title": d.title, "body": BODY + " تعديل", "base_revision": 1},
                   _revision_moved, status=review.PUBLISHED)),
    Row("delete: the draft", "login ok no no no ok login login",
        _desk_post("delete", done_of=lambda d, e, b: d.deleted_at is not None)),
    Row("see: the admin page of a draft", "login login login login login ok login login",
        _get(lambda d: reverse("admin:editorial_draft_change", args=[d.pk]))),
    Row("delete: in the admin (soft)", "login login login login login ok login login", _admin_delete),
]


def _api(method, path_of, data_of=lambda d: None, done_of=lambda d, r: r.status_code < 300):
    def run(w, actor):
        draft = cms_draft(w)
        data = data_of(draft)
        r = getattr(w.api(actor), method)(path_of(draft), data, format="json") if data is not None else \
            getattr(w.api(actor), method)(path_of(draft))
        return r, done_of(Draft.all_objects.get(pk=draft.pk), r)
    return run


API_ROWS = [
    #                                                    anon    writer  other   review  publish admin   cms     other
    Row("see: the list of drafts (API)", "401 401 401 401 401 401 ok no",
        _api("get", lambda d: "/api/v1/drafts/",
             done_of=lambda d, r: r.status_code == 200 and d.pk in [x["id"] for x in r.json()["results"]])),
    Row("see: a draft (API)", "401 401 401 401 401 401 ok 404",
        _api("get", lambda d: f"/api/v1/drafts/{d.pk}/")),
    Row("edit: PATCH (API)", "401 401 401 401 401 401 ok 404",
        _api("patch", lambda d: f"/api/v1/drafts/{d.pk}/", lambda d: {"body": "نص جديد", "base_revision": 1},
             lambda d, r: d.revision_number == 2)),
    Row("edit: upsert by external id (API)", "401 401 401 401 401 401 ok no",
        _api("post", lambda d: "/api/v1/drafts/",
             lambda d: {"external_id": d.external_id, "title": SAMPLE_TITLE, "body": "نص جديد"},
             lambda d, r: d.revision_number == 2)),
    Row("dismiss: a finding (API)", "401 401 401 401 401 401 ok 404",
        _api("post", lambda d: f"/api/v1/drafts/{d.pk}/findings/{finding(d, 'placeholder').pk}/dismiss/",
             lambda d: {"kind": "false_alarm"}, lambda d, r: Dismissal.objects.filter(draft=d).exists())),
    Row("transition: submit (API)", "401 401 401 401 401 401 ok 404",
        _api("post", lambda d: f"/api/v1/drafts/{d.pk}/transitions/", lambda d: {"action": "submit"},
             lambda d, r: d.status == review.IN_REVIEW)),
    Row("transition: approve (API, a CMS never reviews)", "401 401 401 401 401 401 403 404",
        _api("post", lambda d: f"/api/v1/drafts/{d.pk}/transitions/",
             lambda d: {"action": "approve", "override_reason": "x"}, lambda d, r: d.status == review.APPROVED)),
    Row("delete: the draft (API)", "401 401 401 401 401 401 ok 404",
        _api("delete", lambda d: f"/api/v1/drafts/{d.pk}/", done_of=lambda d, r: d.deleted_at is not None)),
    Row("see: the stateless check (API)", "401 ok ok ok ok ok ok ok",
        _api("post", lambda d: "/api/v1/check/", lambda d: {"title": "عنوان", "body": BODY})),
]


def _cells(row: Row) -> list[str]:
    cells = row.expect.split()
    assert len(cells) == len(ACTORS), row.name
    return cells


@pytest.mark.parametrize("row", DESK_ROWS + API_ROWS, ids=lambda r: r.name)
def test_permission_matrix(world, row, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    got = []
    for actor in ACTORS:
        response, done = row.run(world, actor)
        got.append(outcome(response, done))
    assert " ".join(got) == " ".join(_cells(row)), dict(zip(ACTORS, got, strict=True))


def test_the_matrix_covers_every_page_and_endpoint():
    """A new desk page or API endpoint must get a row here (or be named below as not about drafts)."""
    from django.urls import get_resolver

    namespaces = get_resolver().namespace_dict
    names = {f"{ns}:{n}" for ns in ("editorial", "api")
             for n in namespaces[ns][1].reverse_dict if isinstance(n, str)}
    rows = " ".join(r.name for r in DESK_ROWS + API_ROWS)
    covered_by = {
        "editorial:desk": "the desk", "editorial:waiting": "waiting", "editorial:draft": "see: a draft",
        "editorial:diff": "diff", "editorial:download": "download", "editorial:check_live": "live check",
        "editorial:draft_edit": "save a revision", "editorial:draft_new": "create a draft",
        "editorial:apply": "suggestion", "editorial:suggestion_decide": "accept a suggestion",
        "editorial:restore": "restore", "editorial:comment_add": "comment",
        "editorial:assign": "assign", "editorial:recheck": "check again", "editorial:dismiss": "dismiss: a finding",
        "editorial:undo_dismissal": "undo", "editorial:transition": "transition: submit",
        "editorial:delete": "delete: the draft", "api:drafts": "list of drafts (API)", "api:draft": "PATCH (API)",
        "api:draft-transitions": "submit (API)", "api:finding-dismiss": "a finding (API)",
        "api:check": "stateless check (API)",
    }
    # Stateless or public, about no stored draft (tested in tests/api/): the LanguageTool pair, the schema pages.
    not_about_drafts = {"api:languagetool-check", "api:languagetool-languages", "api:schema", "api:docs",
                        "api:redoc", "api:not-found",
                        "api:stats"}  # newsroom aggregates, no draft: its callers are tested in tests/reports/
    assert len(names) > 20
    assert names - not_about_drafts <= set(covered_by), sorted(names - not_about_drafts - set(covered_by))
    assert all(covered_by[n] in rows for n in names - not_about_drafts)
