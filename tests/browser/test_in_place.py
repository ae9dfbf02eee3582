"""The draft page without reloads: dismiss (with a preset), undo, apply, comment, assign and review actions
update the page in place, the reader keeps their place; clicks with weight ask first."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from editorial import services
from tests.browser.helpers import act, sign_in, sign_out, status_of

TITLE = "الوزير يفتتح المعرض"
BODY = ("افتتح الوزير المعرض يوم [التاريخ] بحضور الزوار.\n\n"
        "وقال الوزير الوزير إن المعرض يضم 40 جناحاً من عشرين دولة.\n\n" + "وتستمر فعاليات المعرض أسبوعاً. " * 40)

NOT_RELOADED = "window.__stay === 1"


def open_draft(page: Page, site: str, draft) -> None:
    page.goto(f"{site}/drafts/{draft.pk}/")
    page.evaluate("window.__stay = 1")


def test_dismiss_undo_apply_and_comment_without_a_reload(page: Page, site, writer, make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    sign_in(page, site, "writer")
    page.set_viewport_size({"width": 1360, "height": 700})
    open_draft(page, site, draft)
    page.locator("#comments").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    y = page.evaluate("window.scrollY")
    assert y > 0

    item = page.locator("#findings li.finding[data-check=placeholder]")
    item.locator("details.dismiss summary").click()
    item.locator("input[name=kind][value=false_alarm]").check()
    item.locator("details.dismiss button[type=submit]").click()
    expect(page.locator("#findings li.finding[data-check=placeholder]")).to_have_count(0)
    expect(page.locator(".body-text mark[data-check=placeholder]")).to_have_count(0)
    expect(page.locator(".messages.toast")).to_be_visible()
    assert page.evaluate(NOT_RELOADED)
    assert abs(page.evaluate("window.scrollY") - y) < 5
    expect(page.locator("#dismissed li")).to_have_count(1)

    page.locator("#dismissed summary").click()
    page.locator("#dismissed button[type=submit]").click()
    expect(page.locator("#findings li.finding[data-check=placeholder]")).to_have_count(1)
    assert page.evaluate(NOT_RELOADED)

    page.locator("#findings li.finding[data-rule='repetition.doubled_word'] form.apply button").click()
    expect(page.locator("#revisions tbody tr")).to_have_count(2)  # a new revision, swapped in
    expect(page.locator(".draft-head .meta")).to_contain_text("النسخة ٢")  # Arabic-Indic digits
    expect(page.locator("#findings li.finding[data-rule='repetition.doubled_word']")).to_have_count(0)
    assert page.evaluate(NOT_RELOADED)
    assert "الوزير الوزير" not in services.selectors.latest_revision(draft).body_text

    page.locator("#comments textarea[name=body]").fill("راجعت الأرقام")
    page.locator("#comments button[type=submit]").click()
    expect(page.locator("#comments ol.comments")).to_contain_text("راجعت الأرقام")
    assert page.evaluate(NOT_RELOADED)


def test_submit_with_open_errors_asks_first_and_review_actions_stay_in_place(page: Page, site, writer, reviewer,
                                                                            make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    sign_in(page, site, "writer")
    open_draft(page, site, draft)
    act(page, "submit")
    confirm = page.locator("#confirm-submit")
    expect(confirm).to_be_visible()
    expect(confirm).to_be_focused()
    expect(confirm).to_contain_text("[التاريخ]")
    expect(status_of(page)).to_have_class(re.compile("status-draft"))
    page.locator("form.action-submit button[type=submit]").click()
    expect(status_of(page)).to_have_class(re.compile("status-in_review"))
    assert page.evaluate(NOT_RELOADED)

    page.locator("form[action$='/logout/'] button").click()
    sign_in(page, site, "reviewer")
    open_draft(page, site, draft)
    page.locator("form.assign-me button").click()
    expect(page.locator(".draft-head .meta")).to_contain_text("reviewer")
    act(page, "request_changes", "أضف التاريخ")
    expect(status_of(page)).to_have_class(re.compile("status-changes_requested"))
    expect(page.locator(".sent-back")).to_contain_text("أضف التاريخ")
    assert page.evaluate(NOT_RELOADED)


def test_publishing_a_draft_approved_over_an_error_shows_the_reason_and_asks(page: Page, site, writer, reviewer,
                                                                            publisher, make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="approve", user=reviewer,
                              override_reason="التاريخ يضاف عند النشر")
    sign_in(page, site, "publisher")
    open_draft(page, site, draft)
    expect(page.locator(".override-notice")).to_contain_text("التاريخ يضاف عند النشر")
    act(page, "publish")
    expect(page.locator("#confirm-publish")).to_contain_text("التاريخ يضاف عند النشر")
    expect(status_of(page)).to_have_class(re.compile("status-approved"))
    page.locator("form.action-publish button[type=submit]").click()
    expect(status_of(page)).to_have_class(re.compile("status-published"))
    assert page.evaluate(NOT_RELOADED)


def test_the_confirmation_works_without_javascript(new_context, site, writer, make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, site, "writer")
    page.goto(f"{site}/drafts/{draft.pk}/")
    act(page, "submit")
    expect(page.locator("#confirm-submit")).to_be_visible()
    page.locator("form.action-submit button[type=submit]").click()
    expect(status_of(page)).to_have_class(re.compile("status-in_review"))


def test_selected_words_become_the_passage_of_a_comment(page: Page, site, writer, reviewer, make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    sign_in(page, site, "reviewer")
    open_draft(page, site, draft)
    page.evaluate("""() => { const box = document.querySelector('.draft-text .body-text');
        const node = [...box.childNodes].find(n => n.nodeType === 3 && n.data.includes('بحضور الزوار'));
        const at = node.data.indexOf('بحضور الزوار'); const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + 'بحضور الزوار'.length);
        const s = getSelection(); s.removeAllRanges(); s.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup')); }""")
    expect(page.locator("#id_passage")).to_have_value("بحضور الزوار")
    page.locator("#comments textarea[name=body]").fill("من هم الزوار؟")
    page.locator("#comments button[type=submit]").click()
    mark = page.locator(".draft-text mark.hl-comment")
    expect(mark).to_have_text("بحضور الزوار")
    assert page.evaluate(NOT_RELOADED)
    page.locator("#comments a.goto").click()
    expect(mark).to_be_focused()


def test_a_passage_comment_follows_a_respelled_passage_and_is_outdated_when_it_goes(page: Page, site, writer,
                                                                                   reviewer, make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    sign_in(page, site, "reviewer")
    open_draft(page, site, draft)
    page.locator("#id_passage").fill("يضم 40 جناحاً")
    page.locator("#comments textarea[name=body]").fill("كم جناحاً بالضبط؟")
    page.locator("#comments button[type=submit]").click()
    expect(page.locator(".draft-text mark.hl-comment")).to_have_text("يضم 40 جناحاً")
    # the writer respells the passage (tashkeel, Arabic-Indic digits) and adds a paragraph before it
    draft, _ = services.draft_revise(draft=draft, title=TITLE, user=writer,
                                     body_text="تمهيد للخبر.\n\n" + BODY.replace("يضم 40 جناحاً", "يَضُمّ ٤٠ جناحاً"))
    page.reload()
    expect(page.locator(".draft-text mark.hl-comment")).to_have_text("يَضُمّ ٤٠ جناحاً")
    expect(page.locator("#comments .outdated-tag")).to_have_count(0)
    services.draft_revise(draft=draft, title=TITLE, user=writer, body_text=BODY.replace("يضم 40 جناحاً", "يضم أجنحة"))
    page.reload()
    expect(page.locator(".draft-text mark.hl-comment")).to_have_count(0)
    expect(page.locator("#comments .outdated-tag")).to_be_visible()
    expect(page.locator("#comments li.outdated")).to_contain_text("كم جناحاً بالضبط؟")


def _open_as(page: Page, site, who: str, draft) -> None:
    sign_in(page, site, who)
    open_draft(page, site, draft)


def test_a_reviewer_suggestion_is_accepted_by_the_writer_in_one_click(page: Page, site, writer, reviewer,
                                                                       make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    _open_as(page, site, "reviewer", draft)
    page.locator("#id_passage").fill("40 جناحاً من عشرين دولة")
    page.locator("#id_replacement").fill("42 جناحاً من 21 دولة")
    page.locator("#comments button[type=submit]").last.click()
    expect(page.locator("#comments .suggestion ins")).to_have_text("42 جناحاً من 21 دولة")
    assert page.evaluate(NOT_RELOADED)
    sign_out(page)
    _open_as(page, site, "writer", draft)
    expect(page.locator("#id_replacement")).to_have_count(0)  # the writer edits the text instead
    page.locator("form.suggestion-decide button[value=accept]").click()
    expect(page.locator("#comments .decision-accepted")).to_be_visible()
    expect(page.locator(".draft-text .body-text")).to_contain_text("42 جناحاً من 21 دولة")
    expect(page.locator("#history")).to_contain_text("قبل اقتراحاً من reviewer")
    assert page.evaluate(NOT_RELOADED)
    draft.refresh_from_db()
    assert draft.revisions.get(number=2).created_by == writer


def test_a_reviewer_suggests_deleting_words_and_the_writer_accepts_in_one_click(page: Page, site, writer, reviewer,
                                                                                 make_draft):
    draft = make_draft(title=TITLE, body=BODY)
    _open_as(page, site, "reviewer", draft)
    page.locator("#id_passage").fill("من عشرين دولة")
    page.locator("#id_delete").check()
    page.locator("#comments button[type=submit]").last.click()
    expect(page.locator("#comments .suggestion")).to_contain_text("يقترح حذف:")
    expect(page.locator("#comments .suggestion del")).to_have_text("من عشرين دولة")
    assert page.evaluate(NOT_RELOADED)
    sign_out(page)
    _open_as(page, site, "writer", draft)
    page.locator("form.suggestion-decide button[value=accept]").click()
    expect(page.locator("#comments .decision-accepted")).to_be_visible()
    expect(page.locator(".draft-text .body-text")).to_contain_text("يضم 40 جناحاً.")
    expect(page.locator(".draft-text .body-text")).not_to_contain_text("عشرين دولة")
    expect(page.locator("#history")).to_contain_text("(حذف المقطع)")
    assert page.evaluate(NOT_RELOADED)
    draft.refresh_from_db()
    assert "يضم 40 جناحاً.\n" in draft.body_text and draft.revisions.get(number=2).created_by == writer
