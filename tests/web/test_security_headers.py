"""Headers and defaults a newsroom deployment relies on."""

from __future__ import annotations

from tests.conftest import PASSWORD


def test_pages_forbid_inline_scripts_through_the_content_security_policy(client, writer, draft):
    client.login(username="writer", password=PASSWORD)
    csp = client.get(f"/drafts/{draft.pk}/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_only_the_api_reference_pages_allow_inline_code(client):
    assert "unsafe-inline" in client.get("/api/v1/docs/").headers["Content-Security-Policy"]


def test_an_english_browser_still_gets_arabic_until_the_editor_switches(client):
    page = client.get("/accounts/login/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="ar"' in page.text and 'dir="rtl"' in page.text
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="en"' in page.text and 'dir="ltr"' in page.text
