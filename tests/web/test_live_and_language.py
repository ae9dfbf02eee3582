"""The live check (JSON, escaped, fast) and the language switch (Arabic by default, English persists)."""

import pytest
from django.urls import reverse

from editorial import services

pytestmark = pytest.mark.django_db

LIVE = reverse("editorial:check_live")


def article_of(n_words: int) -> str:
    """About ``n_words`` words of real-looking news: the demo drafts' bodies, one after another."""
    from editorial.demo import DEMO_DRAFTS

    paragraphs, count, i = [], 0, 0
    while count < n_words:
        body = DEMO_DRAFTS[i % len(DEMO_DRAFTS)]["body"]
        paragraphs.append(body)
        count += len(body.split())
        i += 1
    return " ".join("\n\n".join(paragraphs).split(" ")[:n_words])


WORDS_800 = article_of(800)


def test_the_live_check_returns_findings_and_escaped_highlights(login, writer):
    body = "قال <script>alert(1)</script> إن [الاسم] حضر."
    data = login(writer).post(LIVE, {"title": "عنوان", "body": body}).json()
    assert any(f["check"] == "placeholder" for f in data["findings"])
    assert "<script>alert" not in data["body_html"] + data["list_html"]
    assert 'data-check="placeholder"' in data["body_html"]
    assert data["summary"]


def test_the_live_check_leaves_dismissed_findings_out(login, writer, make_draft):
    draft = make_draft(body="قال إن [الاسم] حضر.")
    f = services.selectors.open_findings(draft)[0]
    services.finding_dismiss(finding=f, reason="سبب", user=writer)
    data = login(writer).post(LIVE, {"title": draft.title, "body": draft.body_text, "draft": draft.pk}).json()
    assert f.rule not in [x["rule"] for x in data["findings"] if not x["dismissed"]]


def test_the_live_check_needs_a_member_and_a_post(client, login, outsider, writer):
    assert client.post(LIVE, {"title": "x", "body": "y"}).status_code == 302
    assert login(outsider).post(LIVE, {"title": "x", "body": "y"}).status_code == 403
    assert login(writer).get(LIVE).status_code == 405


def test_the_live_check_refuses_oversize_text_cleanly(login, writer, settings):
    settings.MAX_DRAFT_CHARS = 50
    response = login(writer).post(LIVE, {"title": "x", "body": "ب" * 60})
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_the_live_check_enforces_csrf(writer):
    from django.test import Client

    from tests.conftest import PASSWORD

    client = Client(enforce_csrf_checks=True)
    client.login(username=writer.username, password=PASSWORD)
    assert client.post(LIVE, {"title": "x", "body": "y"}).status_code == 403


def test_the_live_check_answers_an_800_word_article_with_the_engine_run_once(login, writer, monkeypatch):
    """Work, not time: one engine run per request (``benchmarks/live_check.py`` prints the timings)."""
    from editorial.web import live

    assert 780 <= len(WORDS_800.split()) <= 820
    client = login(writer)
    runs = []
    real = live.check_draft
    monkeypatch.setattr(live, "check_draft", lambda *a, **k: runs.append(1) or real(*a, **k))
    for _ in range(3):
        response = client.post(LIVE, {"title": "فائض في الميزانية", "body": WORDS_800})
        assert response.status_code == 200
    assert len(runs) == 3


def test_pages_are_arabic_and_right_to_left_by_default(login, writer):
    html = login(writer).get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_an_english_browser_still_gets_arabic_until_the_switch_is_used(login, writer, settings):
    settings.MIDDLEWARE = ["editorial.web.middleware.DefaultLanguageMiddleware", *settings.MIDDLEWARE]
    client = login(writer)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_the_language_switch_persists(login, writer):
    client = login(writer)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    assert '<html lang="ar" dir="rtl">' in client.get("/").content.decode()


def test_english_pages_show_english_finding_messages(login, writer, make_draft):
    draft = make_draft(body="قال إن [الاسم] حضر.")
    f = services.selectors.open_findings(draft)[0]
    client = login(writer)
    arabic = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert f.message in arabic
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    english = english.replace("\u2068", "").replace("\u2069", "")  # bidi isolates around quoted text
    assert f.message_en and f.message_en.replace('"', "&quot;").replace("'", "&#x27;") in english
