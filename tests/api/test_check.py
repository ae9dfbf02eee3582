"""The stateless check (key or newsroom session) and the LanguageTool-compatible endpoint."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from editorial.models import CheckRun, Draft

from .conftest import BODY, BODY_WITH_PLACEHOLDER, PLACEHOLDER, TITLE

pytestmark = pytest.mark.django_db


def _utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_check_returns_a_report_and_stores_nothing(cms_a):
    r = cms_a.post("/api/v1/check/", {"title": TITLE, "body": BODY_WITH_PLACEHOLDER}, format="json")
    assert r.status_code == 200
    data = r.json()
    assert set(data) >= {"title", "body", "findings", "counts", "stats", "engine_version"}
    f = next(f for f in data["findings"] if f["text"] == PLACEHOLDER)
    assert data["body"][f["start"]:f["end"]] == PLACEHOLDER
    assert all(v >= 0 for v in data["counts"].values())
    assert Draft.objects.count() == 0 and CheckRun.objects.count() == 0


def test_check_accepts_html_and_reports_offsets_into_the_derived_text(cms_a):
    html = f"<h1>مقدمة</h1><script>alert('{PLACEHOLDER}')</script><p>الخبر {PLACEHOLDER} هنا.</p>"
    r = cms_a.post("/api/v1/check/", {"title": TITLE, "body": html, "body_format": "html"}, format="json")
    data = r.json()
    assert data["body"] == f"مقدمة\n\nالخبر {PLACEHOLDER} هنا."
    spans = [(f["start"], f["end"]) for f in data["findings"] if f["text"] == PLACEHOLDER]
    assert [data["body"][s:e] for s, e in spans] == [PLACEHOLDER]


def test_check_accepts_a_blank_title(cms_a):
    assert cms_a.post("/api/v1/check/", {"title": "", "body": BODY}, format="json").status_code == 200


def test_check_accepts_a_signed_in_newsroom_member_with_csrf(writer):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(writer)
    payload = json.dumps({"title": TITLE, "body": BODY})
    refused = browser.post("/api/v1/check/", payload, content_type="application/json")
    assert refused.status_code == 403  # no CSRF token
    from django.middleware.csrf import _get_new_csrf_string

    token = _get_new_csrf_string()
    browser.cookies["csrftoken"] = token
    ok = browser.post("/api/v1/check/", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 200 and "findings" in ok.json()


def test_check_refuses_a_signed_in_outsider_and_the_anonymous(client, outsider, anonymous):
    client.force_login(outsider)
    assert client.post("/api/v1/check/", {"title": "t", "body": "b"}, content_type="application/json"
                       ).status_code == 403
    assert anonymous.post("/api/v1/check/", {"title": "t", "body": "b"}, format="json").status_code == 401


LT = "/api/v1/languagetool/v2/check"


def test_languagetool_check_reports_utf16_offsets_into_the_whole_text(cms_a):
    text = f"{TITLE} 😀\n\nافتتح الوزير 😀 صباح {PLACEHOLDER} المستشفى."
    r = cms_a.post(LT, {"text": text, "language": "ar"})
    assert r.status_code == 200, r.json()
    data = r.json()
    assert data["language"]["code"] == "ar" and data["software"]["apiVersion"] == 1
    match = next(m for m in data["matches"] if m["rule"]["id"].startswith("placeholder."))
    start = text.index(PLACEHOLDER)
    assert match["offset"] == _utf16(text[:start]) and match["length"] == _utf16(PLACEHOLDER)
    assert match["rule"]["category"]["id"] == "PLACEHOLDER" and match["rule"]["issueType"]
    ctx = match["context"]
    assert ctx["text"].encode("utf-16-le")[2 * ctx["offset"]:2 * (ctx["offset"] + ctx["length"])].decode(
        "utf-16-le") == PLACEHOLDER
    assert PLACEHOLDER in match["sentence"]


def test_languagetool_accepts_the_key_as_the_apiKey_form_field(cms_a, anonymous):
    r = anonymous.post(LT, {"text": BODY, "language": "ar", "apiKey": cms_a.raw_key})
    assert r.status_code == 200
    assert anonymous.post(LT, {"text": BODY, "apiKey": "wrong"}).status_code == 401
    assert anonymous.post(LT, {"text": BODY}).status_code == 401


def test_languagetool_data_annotation_counts_markup_in_offsets(cms_a):
    data = {"annotation": [{"markup": "<p>"}, {"text": TITLE}, {"markup": "</p>\n\n<p>", "interpretAs": "\n\n"},
                           {"text": f"الخبر {PLACEHOLDER} هنا."}, {"markup": "</p>"}]}
    whole = "<p>" + TITLE + "</p>\n\n<p>" + f"الخبر {PLACEHOLDER} هنا." + "</p>"
    r = cms_a.post(LT, {"data": json.dumps(data), "language": "ar-SA"})
    assert r.status_code == 200, r.json()
    match = next(m for m in r.json()["matches"] if m["rule"]["id"].startswith("placeholder."))
    assert match["offset"] == _utf16(whole[:whole.index(PLACEHOLDER)]) and match["length"] == len(PLACEHOLDER)


def test_languagetool_takes_a_single_paragraph_as_body_only(cms_a):
    r = cms_a.post(LT, {"text": f"الخبر {PLACEHOLDER} هنا.", "language": "auto"})
    match = next(m for m in r.json()["matches"] if m["rule"]["id"].startswith("placeholder."))
    assert match["offset"] == len("الخبر ")


@pytest.mark.parametrize(("payload", "field"), [
    ({"language": "ar"}, "text"),
    ({"text": "نص", "language": "en-US"}, "language"),
    ({"data": "not json"}, "data"),
    ({"data": json.dumps({"annotation": "x"})}, "data"),
    ({"data": json.dumps({"annotation": [{"other": 1}]})}, "data"),
    ({"data": json.dumps({"annotation": [3]})}, "data"),
    ({"data": json.dumps([])}, "data"),
])
def test_languagetool_refuses_bad_input(cms_a, payload, field):
    r = cms_a.post(LT, payload)
    assert r.status_code == 400 and field in r.json()["fields"], r.json()


def test_languagetool_wants_a_form_not_json(cms_a):
    r = cms_a.post(LT, {"text": "x"}, format="json")
    assert r.status_code == 415


def test_languagetool_refuses_oversize_text(cms_a, settings):
    settings.MAX_DRAFT_CHARS = 50
    assert cms_a.post(LT, {"text": "ن" * 51}).status_code == 413


def test_languagetool_lists_arabic(anonymous):
    r = anonymous.get("/api/v1/languagetool/v2/languages")
    assert r.status_code == 200 and r.json()[0]["code"] == "ar"


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def test_languagetool_anonymous_checks_are_off_unless_the_setting_allows_them(anonymous, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert anonymous.post(LT, {"text": BODY_WITH_PLACEHOLDER, "language": "ar"}).status_code == 401
    settings.LANGUAGETOOL_ANONYMOUS = True
    with CaptureQueriesContext(connection) as queries:
        r = anonymous.post(LT, {"text": BODY_WITH_PLACEHOLDER, "language": "ar", "username": "desk@example.com"})
    assert r.status_code == 200 and r.json()["matches"]
    assert _writes(queries.captured_queries) == [] and not Draft.objects.exists()
    # a key that is sent is still checked: a wrong one is refused, not taken as anonymous
    assert anonymous.post(LT, {"text": BODY, "apiKey": "wrong"}).status_code == 401


def test_languagetool_anonymous_checks_are_limited_per_address(settings):
    settings.LANGUAGETOOL_ANONYMOUS = True
    settings.LANGUAGETOOL_ANONYMOUS_RATE = "2/min"
    first, second = Client(REMOTE_ADDR="192.0.2.10"), Client(REMOTE_ADDR="192.0.2.11")
    answers = [first.post(LT, {"text": BODY}) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[0]["RateLimit-Limit"] == "2" and answers[0]["RateLimit-Remaining"] == "1"
    assert answers[1]["RateLimit-Remaining"] == "0"
    assert 1 <= int(answers[2]["Retry-After"]) <= 60 and answers[2].json()["code"] == "throttled"
    assert second.post(LT, {"text": BODY}).status_code == 200  # another address has its own count


def test_languagetool_rule_choice_needs_rules_for_enabled_only(cms_a):
    r = cms_a.post(LT, {"text": BODY_WITH_PLACEHOLDER, "enabledOnly": "true"})
    assert r.status_code == 400 and "enabledOnly" in r.json()["fields"]
    r = cms_a.post(LT, {"text": BODY_WITH_PLACEHOLDER, "enabledOnly": "true",
                        "enabledCategories": "placeholder"})  # category ids in any case
    assert {m["rule"]["category"]["id"] for m in r.json()["matches"]} == {"PLACEHOLDER"}


CRLF_BODY = BODY_WITH_PLACEHOLDER.replace("\n", "\r\n") + "\r\nوقال الوزير إن إن المستشفى جاهز."


def test_every_endpoint_reads_windows_line_endings_alike(cms_a):
    """/check/, /drafts/ and LanguageTool find the same things at the same places in the same CRLF text."""
    checked = cms_a.post("/api/v1/check/", {"title": TITLE, "body": CRLF_BODY}, format="json").json()
    stored = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": CRLF_BODY}, format="json").json()
    assert checked["body"] == stored["body_text"] == CRLF_BODY.replace("\r\n", "\n")

    def spans(findings):
        return sorted((f["rule"], f["field"], f["start"], f["end"], f["start_utf16"], f["end_utf16"])
                      for f in findings)

    assert spans(checked["findings"]) == spans(stored["report"]["findings"])
    assert {f["rule"] for f in checked["findings"]} >= {"placeholder.bracket_instruction", "repetition.doubled_word"}
    # LanguageTool answers in the text as sent (CRLF kept), for the same findings
    lt = cms_a.post(LT, {"text": f"{TITLE}\r\n\r\n{CRLF_BODY}"}).json()["matches"]
    sent = f"{TITLE}\r\n\r\n{CRLF_BODY}"
    assert sorted(m["rule"]["id"] for m in lt) == sorted(f["rule"] for f in checked["findings"])
    for m in lt:
        f = next(f for f in checked["findings"] if f["rule"] == m["rule"]["id"])
        units = sent.encode("utf-16-le")[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
        assert units == f["text"]


def test_a_nul_is_dropped_from_a_title_as_from_a_body_at_every_endpoint(cms_a):
    title, body = "وزير\x00 الصحة يفتتح مستشفى", f"افتتح\x00 الوزير صباح {PLACEHOLDER} المستشفى."
    checked = cms_a.post("/api/v1/check/", {"title": title, "body": body}, format="json")
    stored = cms_a.post("/api/v1/drafts/", {"title": title, "body": body}, format="json")
    assert checked.status_code == 200 and stored.status_code == 201, (checked.json(), stored.json())
    assert checked.json()["title"] == stored.json()["title"] == title.replace("\x00", "")
    assert checked.json()["body"] == stored.json()["body_text"] == body.replace("\x00", "")
    assert [f["start"] for f in checked.json()["findings"]] == [f["start"] for f in stored.json()["report"]["findings"]]
    # elsewhere (desk, author, metadata) a NUL is still refused, naming the field
    r = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": BODY, "desk": "محل\x00يات"}, format="json")
    assert r.status_code == 400 and set(r.json()["fields"]) == {"desk"}


def test_the_languagetool_paths_one_level_up_are_sent_on_with_their_method_and_form(anonymous, cms_a):
    r = anonymous.post("/api/v1/v2/check?x=1", {"text": BODY})
    assert r.status_code == 308 and r["Location"] == "/api/v1/languagetool/v2/check?x=1"
    assert anonymous.get("/api/v1/v2/languages")["Location"] == "/api/v1/languagetool/v2/languages"
    r = anonymous.get("/api/v1/v2/other")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    followed = cms_a.post("/api/v1/v2/check", {"text": BODY_WITH_PLACEHOLDER, "apiKey": cms_a.raw_key},
                          follow=True)
    assert followed.status_code == 200 and followed.json()["matches"]
