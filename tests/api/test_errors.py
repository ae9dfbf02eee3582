"""Every error is JSON {"code", "detail", "fields"} with the right status, and no input yields a 500."""

from __future__ import annotations

import json

import pytest

from .conftest import BODY, TITLE

pytestmark = pytest.mark.django_db

VALID = {"external_id": "e1", "title": TITLE, "body": BODY}


def _shape(r) -> dict:
    data = r.json()
    assert set(data) >= {"code", "detail", "fields"} and isinstance(data["fields"], dict), data
    assert r["Content-Type"].startswith("application/json")
    return data


def _raw(cms, body: bytes | str, content_type="application/json", path="/api/v1/drafts/", **extra):
    return cms.generic("POST", path, body, content_type=content_type, **extra)


@pytest.mark.parametrize("body", [b"{", b"not json", b'{"title": }', b"\xff\xfe", b'{"a": NaN}',
                                  b"[" * 100_000, b'{"title": "x",}'])
def test_malformed_json_is_a_400_parse_error(cms_a, body):
    r = _raw(cms_a, body)
    assert r.status_code == 400 and _shape(r)["code"] == "parse_error"


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x",
                                          "application/x-www-form-urlencoded", "image/png"])
def test_a_wrong_content_type_is_a_415(cms_a, content_type):
    r = _raw(cms_a, "title=x", content_type=content_type)
    assert r.status_code == 415 and _shape(r)["code"] == "unsupported_media_type"


def test_a_body_over_the_byte_limit_is_a_413_before_it_is_read(cms_a, settings):
    settings.API_MAX_REQUEST_BYTES = 1000
    r = _raw(cms_a, json.dumps({**VALID, "body": "ا" * 2000}))
    assert r.status_code == 413 and _shape(r)["code"] == "too_large"


def test_a_text_over_max_draft_chars_is_a_413(cms_a, settings):
    settings.MAX_DRAFT_CHARS = 500
    r = cms_a.post("/api/v1/drafts/", {**VALID, "body": "ب" * 501}, format="json")
    assert r.status_code == 413 and _shape(r)["code"] == "too_large" and "body" in r.json()["fields"]


def test_html_whose_text_is_over_max_draft_chars_is_a_413(cms_a, settings):
    settings.MAX_DRAFT_CHARS = 500
    html = "<p>" + "ب" * 600 + "</p>"
    r = cms_a.post("/api/v1/drafts/", {**VALID, "body": html, "body_format": "html"}, format="json")
    assert r.status_code == 413


def test_the_check_endpoint_refuses_oversize_text_with_413(cms_a, settings):
    settings.MAX_DRAFT_CHARS = 100
    r = cms_a.post("/api/v1/check/", {"title": "t", "body": "ج" * 101}, format="json")
    assert r.status_code == 413


INVALID_DRAFTS = [
    ({"body": BODY}, "title"),
    ({"title": TITLE}, "body"),
    ({"title": "", "body": BODY}, "title"),
    ({"title": "   ", "body": BODY}, "title"),
    ({"title": "x" * 1001, "body": BODY}, "title"),
    ({"title": TITLE, "body": 5}, "body"),
    ({"title": TITLE, "body": None}, "body"),
    ({"title": ["a"], "body": BODY}, "title"),
    ({"title": TITLE, "body": BODY, "body_format": "docx"}, "body_format"),
    ({"title": TITLE, "body": BODY, "metadata": []}, "metadata"),
    ({"title": TITLE, "body": BODY, "metadata": "x"}, "metadata"),
    ({"title": TITLE, "body": BODY, "metadata": {"a": "b\u0000"}}, "metadata"),
    ({"title": "\u0000 \u0000", "body": BODY}, "title"),  # NULs are dropped (as from a body): nothing is left
    ({"title": TITLE, "body": BODY, "desk": "d" * 101}, "desk"),
    ({"title": TITLE, "body": BODY, "external_id": "e" * 201}, "external_id"),
    ({"title": TITLE, "body": BODY, "external_id": {"a": 1}}, "external_id"),
]


@pytest.mark.parametrize(("payload", "field"), INVALID_DRAFTS)
def test_it_refuses_invalid_drafts_naming_the_field(cms_a, payload, field):
    r = cms_a.post("/api/v1/drafts/", payload, format="json")
    assert r.status_code == 400, r.json()
    data = _shape(r)
    assert data["code"] == "invalid" and field in data["fields"], data


@pytest.mark.parametrize("payload", [[], "x", 3, None, [VALID]])
def test_it_refuses_json_that_is_not_an_object(cms_a, payload):
    r = _raw(cms_a, json.dumps(payload))
    assert r.status_code == 400 and _shape(r)["code"] == "invalid"


def test_lone_surrogates_in_the_title_are_refused(cms_a):
    r = _raw(cms_a, '{"title": "\\ud800", "body": "x"}')
    assert r.status_code == 400 and "title" in _shape(r)["fields"]


def test_nul_characters_in_the_body_are_dropped_not_stored(cms_a):
    r = cms_a.post("/api/v1/drafts/", {**VALID, "body": "نص\u0000 آخر"}, format="json")
    assert r.status_code == 201 and r.json()["body_text"] == "نص آخر"


@pytest.mark.parametrize(("method", "path"), [
    ("delete", "/api/v1/drafts/"), ("put", "/api/v1/check/"), ("get", "/api/v1/check/"),
    ("delete", "/api/v1/drafts/1/transitions/"),
])
def test_an_unsupported_method_is_a_405_with_allow(cms_a, method, path):
    r = getattr(cms_a, method)(path)
    assert r.status_code == 405 and _shape(r)["code"] == "method_not_allowed" and r["Allow"]


@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/drafts", "/api/v1/drafts/abc/",
                                  "/api/v1/drafts/0/", f"/api/v1/drafts/{2**70}/", "/api/v1/drafts/999/"])
def test_unknown_paths_and_drafts_are_json_404s(cms_a, path):
    r = cms_a.get(path)
    assert r.status_code == 404 and _shape(r)["code"] == "not_found"


def test_a_post_to_a_path_without_its_slash_is_a_404_not_a_crash(cms_a):
    r = cms_a.post("/api/v1/drafts", VALID, format="json")
    assert r.status_code == 404


def test_the_accept_header_never_turns_an_answer_into_a_406(cms_a):
    r = cms_a.get("/api/v1/drafts/?format=xml", HTTP_ACCEPT="text/html")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")


def test_the_json_404_and_500_handlers_answer_json_for_api_paths(rf):
    from editorial.api.exceptions import json_not_found, json_server_error

    r = json_not_found(rf.get("/api/other"))
    assert r.status_code == 404 and json.loads(r.content)["code"] == "not_found"
    r = json_server_error(rf.get("/api/v1/drafts/"))
    assert r.status_code == 500 and json.loads(r.content)["code"] == "server_error"
    assert json_not_found(rf.get("/desk/"), None)["Content-Type"].startswith("text/html")


def test_an_unexpected_exception_becomes_a_json_500_when_debug_is_off(cms_a, settings, monkeypatch):
    from editorial.api import presenters

    settings.DEBUG = False
    monkeypatch.setattr(presenters, "summary", lambda d: 1 / 0)
    cms_a.post("/api/v1/drafts/", VALID, format="json")
    r = cms_a.get("/api/v1/drafts/")
    assert r.status_code == 500 and _shape(r)["code"] == "server_error"
