"""Steps the browser tests share: sign in and out, open a draft, press a review button."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD


def sign_in(page: Page, site: str, username: str) -> None:
    page.goto(site + "/")
    form = page.locator("form").first  # the sign-in form is the first form on the page
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    expect(page.locator("header .who")).to_have_text(username)


def sign_out(page: Page) -> None:
    page.locator("form[action$='/accounts/logout/'] button").click()
    expect(page.locator("input[name=username]")).to_be_visible()


def act(page: Page, action: str, comment: str = "") -> None:
    form = page.locator(f"form.action-{action}")
    if comment:
        details = form.locator("details")
        if details.count():
            details.locator("summary").click()
        form.locator("textarea[name=comment]").fill(comment)
    form.locator("button[type=submit]").click()


def status_of(page: Page):
    return page.locator(".draft-head .badge")
