"""The whole review story in a real browser: upload, findings in place, dismiss, submit, request changes, fix
with the live check, resubmit, approve, history."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import act, sign_in, sign_out, status_of

PLACEHOLDER = "[تاريخ الجلسة – يرجى إضافته]"
TITLE = "وزيرة التربية تستقبل سفيري اليابان والهند"  # the body says وزير: a gender conflict
FIXED_TITLE = "وزير التربية يستقبل سفيري اليابان والهند"
STORY = f"""{TITLE}

استقبل وزير التربية الدكتور خالد المطيري صباح اليوم سفيرة اليابان لدى الكويت يوكو تاناكا وسفير الهند أرجون مهتا، في لقاءين منفصلين بمقر الوزارة.

وعقدت اللقاءات يوم {PLACEHOLDER} وتناولت سبل تعزيز التعاون التعليمي بين الكويت والبلدين. وتبادل الجانبان الخبرات في مجال تدريب المعلمين.

وأكدت السفيرة اليابانية أن تعزيز التعاون التعليمي أولوية لبلادها. وأشار السفير الهندي إلى أن تعزيز التعاون التعليمي يفتح آفاقاً جديدة أمام الطلبة.

وقال المطيري إن الوزارة تعمل على تعزيز التعاون التعليمي مع الدول الصديقة. وأضاف أن برامج التبادل الطلابي جزء أساسي من تعزيز التعاون التعليمي.

ومن المقرر أن تشكَّل لجنة مشتركة لمتابعة تعزيز التعاون التعليمي. وستعقد اللجنة اجتماعها الأول مطلع العام المقبل لبحث تعزيز التعاون التعليمي في المرحلة الجامعية.
"""
CHANGES = "أضيفي تاريخ الجلسة وصحّحي صفة الوزير في العنوان."
DISMISS_REASON = "التعاون التعليمي هو موضوع الخبر"


def upload_story(page: Page, site: str, tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    page.goto(site + "/drafts/new/")
    page.locator("input[type=file][name=file]").set_input_files(str(path))
    page.locator("form.draft-form button[type=submit]").click()
    expect(page.locator("#draft-title")).to_contain_text(TITLE)


def check_the_placeholder_is_marked_and_listed(page: Page) -> None:
    mark = page.locator("mark.hl[data-check=placeholder][id]")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text(PLACEHOLDER)
    expect(mark).to_have_attribute("data-rule", re.compile(r"^placeholder\."))
    expect(mark).to_have_attribute("data-severity", "error")
    item = page.locator("#findings li.finding[data-check=placeholder]")
    expect(item).to_contain_text(PLACEHOLDER)
    item.locator("a.goto").click()  # scrolls to the mark and focuses it
    expect(mark).to_be_focused()
    page.keyboard.press("Escape")  # and back to the list
    expect(item.locator("a.goto")).to_be_focused()
    expect(page.locator("mark.hl[data-check=consistency]")).to_have_count(1)


def dismiss_the_repetition_warning(page: Page) -> None:
    item = page.locator("#findings li.finding[data-rule='repetition.repeated_term']")
    expect(item).to_have_count(1)
    expect(page.locator("mark.hl[data-rule='repetition.repeated_term']")).to_have_count(1)
    expect(page.locator("mark.hl-rel-repetition")).to_have_count(6)
    item.locator("details.dismiss summary").click()
    item.locator("input[name=kind][value=intentional]").check()
    item.locator("input[name=reason]").fill(DISMISS_REASON)
    item.locator("details.dismiss button[type=submit]").click()
    expect(page.locator("#findings li.finding[data-rule='repetition.repeated_term']")).to_have_count(0)
    expect(page.locator("mark.hl[data-check=repetition]")).to_have_count(0)
    expect(page.locator("#dismissed")).to_contain_text(DISMISS_REASON)


def fix_with_the_live_check(page: Page) -> None:
    page.locator(".toolbar a[href$='/edit/']").click()
    form = page.locator("#edit-form")
    live = page.locator("#live-findings")
    expect(live.locator("li.finding[data-check=placeholder]")).to_have_count(1)
    body = form.locator("textarea[name=body]")
    body.fill(body.input_value().replace(PLACEHOLDER, "الأحد التاسع والعشرين من نوفمبر"))
    expect(live.locator("li.finding[data-check=placeholder]")).to_have_count(0)  # gone without a reload
    expect(page.locator("[data-editor=body] .editor-mirror mark[data-check=placeholder]")).to_have_count(0)
    expect(live.locator("li.finding[data-check=consistency]")).to_have_count(1)
    form.locator("input[name=title]").fill(FIXED_TITLE)
    expect(live.locator("li.finding[data-check=consistency]")).to_have_count(0)
    expect(page.locator("#live-status")).not_to_be_empty()
    form.locator("button[type=submit]").click()
    expect(page.locator("#draft-title")).to_have_text(FIXED_TITLE)
    expect(page.locator("#findings li.finding.sev-error")).to_have_count(0)


def test_a_draft_goes_from_upload_to_approval(page: Page, site, writer, reviewer, tmp_path, shots):
    sign_in(page, site, "writer")
    upload_story(page, site, tmp_path)
    check_the_placeholder_is_marked_and_listed(page)
    page.screenshot(path=str(shots / "draft-ar.png"), full_page=True)
    dismiss_the_repetition_warning(page)
    act(page, "submit")
    expect(page.locator("#confirm-submit")).to_contain_text(PLACEHOLDER)  # open errors: asked first
    page.locator("form.action-submit button[type=submit]").click()
    expect(status_of(page)).to_have_class(re.compile("status-in_review"))
    draft_url = page.url.split("#")[0]
    sign_out(page)

    sign_in(page, site, "reviewer")
    page.locator(".site-nav a[href='/waiting/']").click()
    page.locator("table.drafts a", has_text=TITLE).click()
    act(page, "request_changes", CHANGES)
    expect(status_of(page)).to_have_class(re.compile("status-changes_requested"))
    sign_out(page)

    sign_in(page, site, "writer")
    expect(page.locator("table.drafts tbody tr").first).to_contain_text(TITLE)  # sent back: first on the desk
    page.goto(draft_url)
    expect(page.locator("#history")).to_contain_text(CHANGES)
    fix_with_the_live_check(page)
    act(page, "submit")
    expect(status_of(page)).to_have_class(re.compile("status-in_review"))
    sign_out(page)

    sign_in(page, site, "reviewer")
    page.goto(draft_url)
    act(page, "approve")
    expect(status_of(page)).to_have_class(re.compile("status-approved"))
    history = page.locator("#history ol.timeline > li")
    expect(history.filter(has=page.locator("blockquote", has_text=CHANGES))).to_have_count(1)
    kinds = [c.split()[0] for c in history.evaluate_all("els => els.map(e => e.className)")]
    assert kinds == ["tl-revision", "tl-dismissal", "tl-event", "tl-event", "tl-revision", "tl-event", "tl-event"]
    targets = history.evaluate_all("els => els.map(e => e.className.split(' ')[1] || '')")
    assert [t for t in targets if t] == ["to-in_review", "to-changes_requested", "to-in_review", "to-approved"]
    expect(page.locator("#history")).to_contain_text(DISMISS_REASON)
