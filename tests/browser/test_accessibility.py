"""Accessibility basics in a real browser: labels, language and direction, keyboard focus that shows, print."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from editorial import services
from tests.browser.helpers import sign_in

FAULTY = "قال قال المتحدث إن [الاسم] حضر الاجتماع.\n\nوأضاف أن الجلسة ناجحة."

UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
    .filter(el => el.tagName === 'BUTTON' ? !(el.textContent.trim() || el.getAttribute('aria-label'))
                                          : !(el.labels.length || el.getAttribute('aria-label')))
    .map(el => el.outerHTML.slice(0, 120))"""

FOCUS_RING = """() => { const el = document.activeElement; const s = getComputedStyle(el);
    return {tag: el.tagName, width: parseFloat(s.outlineWidth), style: s.outlineStyle}; }"""


@pytest.fixture
def pages(make_draft, writer):
    draft = make_draft(body=FAULTY)
    services.draft_revise(draft=draft, title=draft.title, body_text=FAULTY + " تحديث.", user=writer)
    d = draft.pk
    return ["/", "/waiting/", "/drafts/new/", f"/drafts/{d}/", f"/drafts/{d}/edit/", f"/drafts/{d}/diff/",
            "/accounts/password_change/"]


def test_every_page_has_labels_language_direction_and_one_heading(page: Page, site, pages):
    page.goto(site + "/")
    assert page.evaluate(UNLABELLED) == []  # the sign-in page
    sign_in(page, site, "writer")
    for path in pages:
        page.goto(site + path)
        assert page.evaluate(UNLABELLED) == [], path
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("h1")).to_have_count(1)


def test_the_keyboard_reaches_the_controls_and_focus_is_visible(page: Page, site, pages):
    sign_in(page, site, "writer")
    page.goto(site + pages[3])
    seen = set()
    for _ in range(25):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        seen.add(ring["tag"])
    assert {"A", "BUTTON"} <= seen
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUS_RING)["width"] >= 2


def test_the_skip_link_jumps_to_the_content(page: Page, site, pages):
    sign_in(page, site, "writer")
    page.goto(site + pages[3])
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_the_print_stylesheet_keeps_the_text_and_findings_without_controls(page: Page, site, pages):
    sign_in(page, site, "writer")
    page.goto(site + pages[3])
    page.emulate_media(media="print")
    for hidden in (".toolbar", "#review", ".site-header", ".site-footer", "#comments form"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".body-text mark.hl").first).to_be_visible()
    expect(page.locator("#findings li.finding").first).to_be_visible()
