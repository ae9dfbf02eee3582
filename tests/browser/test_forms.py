"""Honest forms in the browser: upload errors at the top with the focus on them and the file still chosen."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from editorial.models import Draft
from tests.browser.helpers import sign_in


def test_an_upload_error_is_focused_at_the_top_and_the_file_stays_chosen(page: Page, site, writer, tmp_path):
    bad = tmp_path / "خبر.txt"
    bad.write_bytes("عنوان\nنص الخبر".encode("cp1256"))
    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    page.evaluate("window.__stay = 1")
    page.locator("input[type=file][name=file]").set_input_files(str(bad))
    page.locator("form.draft-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("UTF-8")
    expect(page.locator("#id_file_error")).to_be_visible()
    expect(page.locator("#id_body_error")).to_have_count(0)
    assert page.evaluate("document.querySelector('input[type=file]').files[0].name") == "خبر.txt"
    assert page.evaluate("window.__stay") == 1
    # Fixing the file and saving goes to the new draft.
    bad.write_bytes("عنوان الخبر\nافتتح الوزير المعرض.".encode())
    page.locator("input[type=file][name=file]").set_input_files(str(bad))
    page.locator("form.draft-form button[type=submit]").click()
    expect(page.locator("#draft-title")).to_have_text("عنوان الخبر")
    expect(page.locator(".messages")).to_be_visible()
    assert Draft.objects.count() == 1


def test_without_javascript_the_error_summary_is_focused_and_names_the_file(new_context, site, writer, tmp_path):
    empty = tmp_path / "فارغ.txt"
    empty.write_bytes(b"")
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    page.locator("input[type=file][name=file]").set_input_files(str(empty))
    page.locator("form.draft-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("فارغ.txt")
    expect(page.locator("#id_title_error")).to_have_count(0)


def test_a_long_title_is_refused_with_the_limit_and_a_body_without_letters_on_its_field(page: Page, site, writer):
    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    title = page.locator("input[name=title]")
    title.fill("وزير الصحة يفتتح المستشفى " * 80)  # about 2,100 characters, pasted whole: nothing cut
    assert len(title.input_value()) > 2000
    page.locator("textarea[name=body]").fill("\u200f\u200e \u061c 🙂🙂")
    page.locator("form.draft-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_title_error")).to_contain_text("١٬٠٠٠")  # the limit in words, Arabic digits
    expect(page.locator("#id_body_error")).to_be_visible()
    expect(page.locator("#id_file_error")).to_have_count(0)
    assert len(title.input_value()) > 2000 and not Draft.objects.exists()
