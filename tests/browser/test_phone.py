"""Every page fits a 375 px phone: no sideways scrolling of the page (wide tables scroll in their own box)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from editorial import services
from tests.browser.helpers import sign_in
from tests.conftest import SAMPLE_BODY, SAMPLE_TITLE

WIDTH = 375
LONG_WORD = "الاستراتيجياتالتنموية" * 4  # a long unbroken run must wrap, not widen the page

OVERFLOWING = """() => [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1) && !(el.parentElement && el.parentElement.closest('.table-scroll'))
        && getComputedStyle(el).position !== 'fixed';
}).slice(0, 5).map(el => el.tagName + '.' + el.className)"""


def test_every_page_fits_a_375_px_phone(page: Page, site, writer, reviewer, make_draft, shots):
    draft = make_draft(title=f"{SAMPLE_TITLE} {LONG_WORD}", body=SAMPLE_BODY + "\n\nقال قال [الاسم] " + LONG_WORD)
    for n in range(3):
        services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text + f" تحديث {n}.",
                              user=writer, note="تصحيح الأرقام والتواريخ في الفقرة الثانية")
    services.comment_add(draft=draft, user=writer, body="تعليق " + LONG_WORD)
    services.draft_transition(draft=draft, action="submit", user=writer)
    page.set_viewport_size({"width": WIDTH, "height": 800})
    page.goto(site + "/accounts/login/")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    sign_in(page, site, "writer")
    paths = ["/", "/waiting/", "/drafts/new/", f"/drafts/{draft.pk}/", f"/drafts/{draft.pk}/edit/",
             f"/drafts/{draft.pk}/diff/", f"/drafts/{draft.pk}/diff/?a=1&b=4", "/accounts/password_change/",
             "/no-such-page/"]
    for path in paths:
        page.goto(site + path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, (path, width, page.evaluate(OVERFLOWING))
    page.goto(f"{site}/drafts/{draft.pk}/")
    expect(page.locator("#revisions .table-scroll")).to_be_visible()
    page.screenshot(path=str(shots / "draft-phone-ar.png"))
    page.goto(f"{site}/drafts/{draft.pk}/edit/")
    expect(page.locator("[data-editor=body] .editor-mirror mark.hl").first).to_be_attached()
    page.screenshot(path=str(shots / "editor-phone-ar.png"))


def test_the_reviewer_publisher_and_admin_pages_fit_a_375_px_phone(page: Page, site, writer, admin_user, make_draft):
    draft = make_draft(title=f"{SAMPLE_TITLE} {LONG_WORD}", body=SAMPLE_BODY + "\n\n" + LONG_WORD)
    services.comment_add(draft=draft, user=admin_user, body="", passage=LONG_WORD[:40], replacement="")
    page.set_viewport_size({"width": WIDTH, "height": 800})
    page.goto(site + "/accounts/password_reset/")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    sign_in(page, site, "admin")
    paths = [f"/drafts/{draft.pk}/",  # with the suggestion form and a suggestion to decide
             "/reports/", "/admin/", "/admin/editorial/draft/", f"/admin/editorial/draft/{draft.pk}/change/",
             "/admin/editorial/rulesetting/", "/admin/editorial/rulesetting/add/", "/admin/auth/user/"]
    for path in paths:
        page.goto(site + path, timeout=60_000)  # the reports page sums every draft: slow on a loaded machine
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, (path, width, page.evaluate(OVERFLOWING))
    page.goto(f"{site}/drafts/{draft.pk}/")
    page.locator("footer select[name=language]").select_option("en")
    page.locator("footer form.lang-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for path in (f"/drafts/{draft.pk}/", "/reports/", "/no-such-page/"):
        page.goto(site + path, timeout=60_000)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, path
