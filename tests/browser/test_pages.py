"""Browser checks beside the main story: Word round trip, English switch, no-JavaScript review, hostile text,
and the screenshots for the README."""

from __future__ import annotations

import io
import re

import docx
from playwright.sync_api import Page, expect

from editorial import services
from editorial.demo import DEMO_DRAFTS
from tests.browser.helpers import act, sign_in, status_of
from tests.conftest import SAMPLE_BODY, SAMPLE_TITLE

WORD_PARAGRAPHS = [
    "افتتح وزير الصحة صباح اليوم مستشفى الجهراء الجديد بسعة 400 سرير.",
    "وقال الوزير إن المستشفى يضم أقساماً متخصصة في أمراض القلب والكلى.",
]


def word_file(path, title: str, paragraphs: list[str]) -> None:
    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.element.get_or_add_pPr().append(docx.oxml.OxmlElement("w:bidi"))
    document.save(str(path))


def test_a_word_file_goes_in_and_comes_back_out(page: Page, site, writer, tmp_path):
    source = tmp_path / "news.docx"
    word_file(source, SAMPLE_TITLE, WORD_PARAGRAPHS)
    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    page.locator("input[type=file][name=file]").set_input_files(str(source))
    page.locator("form.draft-form button[type=submit]").click()
    expect(page.locator("#draft-title")).to_have_text(SAMPLE_TITLE)
    expect(page.locator(".body-text")).to_have_text("\n\n".join(WORD_PARAGRAPHS))
    with page.expect_download() as info:
        page.locator(".toolbar a[href$='format=docx']").click()
    back = docx.Document(io.BytesIO(info.value.path().read_bytes()))
    texts = [p.text for p in back.paragraphs]
    assert texts == [SAMPLE_TITLE, *WORD_PARAGRAPHS]
    assert all(p._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None for p in back.paragraphs)


def test_the_language_switch_turns_the_desk_english_and_stays(page: Page, site, writer, make_draft, shots):
    draft = make_draft(body="قال المتحدث إن [الاسم] حضر الاجتماع.")
    sign_in(page, site, "writer")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator("footer select[name=language]").select_option("en")
    page.locator("footer form.lang-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.goto(f"{site}/drafts/{draft.pk}/")  # a new page: the choice persists
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    finding = services.selectors.open_findings(draft)[0]
    shown = page.locator(f"#item-f-{finding.pk} .message").text_content()
    assert shown.replace("\u2068", "").replace("\u2069", "") == finding.message_en
    expect(page.locator(".site-nav")).to_contain_text("Waiting for me")


def test_a_reviewer_approves_with_javascript_off(new_context, site, writer, reviewer, make_draft):
    draft = make_draft(title=SAMPLE_TITLE, body=SAMPLE_BODY)
    services.draft_transition(draft=draft, action="submit", user=writer)
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, site, "reviewer")
    page.goto(f"{site}/drafts/{draft.pk}/")
    expect(page.locator(".js-print")).to_be_hidden()  # proof that no script ran
    act(page, "approve", "جاهز للنشر")
    expect(status_of(page)).to_have_class(re.compile("status-approved"))
    expect(page.locator("#history")).to_contain_text("جاهز للنشر")


def test_script_in_a_draft_is_shown_as_text_and_never_runs(page: Page, site, writer, make_draft):
    evil = "<script>window.__pwned = 1; alert('x')</script><img src=x onerror=\"window.__pwned = 2\">"
    draft = make_draft(title=f"عنوان {evil}", body=f"نص قبل {evil} ونص بعد [الاسم] هنا.")
    services.comment_add(draft=draft, user=writer, body=evil)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, site, "writer")
    for path in (f"/drafts/{draft.pk}/", f"/drafts/{draft.pk}/edit/", "/"):
        page.goto(site + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
    page.goto(f"{site}/drafts/{draft.pk}/")
    expect(page.locator(".body-text")).to_contain_text("<script>window.__pwned = 1;")
    expect(page.locator("#comments ol.comments")).to_contain_text("<img src=x")
    page.goto(f"{site}/drafts/{draft.pk}/edit/")
    page.locator("#edit-form textarea[name=body]").fill(f"جديد {evil} [الاسم]")
    expect(page.locator("#live-findings li.finding[data-check=placeholder]").first).to_be_visible()
    expect(page.locator("[data-editor=body] .editor-mirror")).to_contain_text("<img src=x")
    assert page.evaluate("window.__pwned") is None and dialogs == []


def test_the_live_check_round_trip_of_an_800_word_article_is_printed(page: Page, site, writer, make_draft):
    words = " ".join(d["body"] for d in DEMO_DRAFTS * 3).split(" ")[:800]
    draft = make_draft(body=" ".join(words))
    sign_in(page, site, "writer")
    page.goto(f"{site}/drafts/{draft.pk}/edit/")
    timings = page.evaluate("""async () => {
        const form = document.getElementById("edit-form");
        const times = [], server = [];
        for (let i = 0; i < 7; i++) {
            const data = new FormData(form);
            const started = performance.now();
            const response = await fetch(form.dataset.liveUrl, {method: "POST", body: data,
                headers: {"X-CSRFToken": form.elements.csrfmiddlewaretoken.value}});
            const json = await response.json();
            times.push(performance.now() - started);
            server.push(json.took_ms);
        }
        return [times, server];
    }""")
    timings, server = timings
    median = sorted(timings[1:])[3]
    print(f"live check, 800 words: browser round trip median {median:.1f} ms (all {[round(t) for t in timings]}), "
          f"server {sorted(server[1:])[3]:.1f} ms")
    assert len(timings) == 7 and len(server) == 7  # figures printed above, never asserted (load bends them)


def seed_desk(writer, reviewer, publisher):
    """A desk like the demo's: drafts in every state, some with findings."""
    drafts = []
    for i, spec in enumerate(DEMO_DRAFTS):
        d = services.draft_create(title=spec["title"], body_text=spec["body"], user=writer, desk=spec["desk"])
        drafts.append(d)
        if i % 3 == 1:
            services.draft_transition(draft=d, action="submit", user=writer)
        if i % 3 == 2:
            services.draft_transition(draft=d, action="submit", user=writer)
            services.draft_transition(draft=d, action="request_changes", user=reviewer, comment="راجع الأرقام")
    return drafts


def test_screenshots_of_the_desk_and_a_draft(page: Page, site, writer, reviewer, publisher, shots):
    drafts = seed_desk(writer, reviewer, publisher)
    with_findings = max(drafts, key=lambda d: len(services.selectors.open_findings(d)))
    services.draft_assign(draft=drafts[1], assignee=reviewer, user=writer)
    sign_in(page, site, "writer")
    page.goto(site + "/")
    page.screenshot(path=str(shots / "desk-ar.png"), full_page=True)
    page.locator("footer select[name=language]").select_option("en")
    page.locator("footer form.lang-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.screenshot(path=str(shots / "desk-en.png"), full_page=True)
    page.goto(f"{site}/drafts/{with_findings.pk}/")
    page.screenshot(path=str(shots / "draft-en.png"), full_page=True)


def test_pasted_text_is_checked_while_typing_a_new_draft(page: Page, site, writer):
    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    form = page.locator("form.draft-form")
    form.locator("input[name=title]").fill("الوزير يفتتح المعرض")
    form.locator("textarea[name=body]").fill("افتتح الوزير المعرض يوم [التاريخ] بحضور الزوار.")
    live = page.locator("#live-findings li.finding[data-check=placeholder]")
    expect(live).to_have_count(1)
    expect(page.locator("[data-editor=body] .editor-mirror mark[data-check=placeholder]")).to_have_text("[التاريخ]")
    live.locator("a.goto").click()  # selects the span in the text box
    assert page.evaluate("document.activeElement.name") == "body"
    assert page.evaluate("(() => { const t = document.activeElement; "
                         "return t.value.slice(t.selectionStart, t.selectionEnd); })()") == "[التاريخ]"
    form.locator("button[type=submit]").click()
    expect(page.locator("#draft-title")).to_have_text("الوزير يفتتح المعرض")


def test_a_new_draft_has_a_desk_the_desk_search_reads_the_body_and_the_reviewer_shows(page: Page, site, writer,
                                                                                      reviewer, admin_user):
    from editorial.models import Draft
    from tests.browser.helpers import sign_out

    sign_in(page, site, "writer")
    page.goto(site + "/drafts/new/")
    page.locator("input[name=title]").fill("الحكومة تعلن خطة جديدة للتصدير")
    page.locator("textarea[name=body]").fill("أعلنت الحكومة اليوم خطة لزيادة صادرات الفوسفات خلال العام المقبل.")
    page.locator("input[name=desk]").fill("اقتصاد")
    page.locator("form.draft-form button[type=submit]").click()
    expect(page.locator("#draft-title")).to_have_text("الحكومة تعلن خطة جديدة للتصدير")
    draft = Draft.objects.get()
    assert draft.desk == "اقتصاد"
    page.goto(site + "/")
    page.locator("input[name=q]").fill("الفوسفات")  # a word of the text only, not of the title
    page.locator("input[name=q]").press("Enter")
    row = page.locator("table.drafts tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator(".desk-name")).to_have_text("اقتصاد")
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="approve", user=reviewer)
    page.goto(f"{site}/drafts/{draft.pk}/")
    expect(page.locator(".draft-head")).to_contain_text("reviewer")  # nobody assigned, but the reviewer acted
    sign_out(page)
    # The admin is the newsroom's (no Django branding), in Arabic, and finds users by name as one types.
    sign_in(page, site, "admin")
    page.goto(f"{site}/admin/editorial/draft/{draft.pk}/change/")
    expect(page.locator("#site-name")).not_to_contain_text("جانغو")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    page.locator("#id_assignee + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill("revi")
    expect(page.locator(".select2-results__option", has_text="reviewer")).to_be_visible()
