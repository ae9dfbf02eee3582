"""The desk, round 2: reviewers correct text themselves, e-mails people can read, a quiet demo seed."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from editorial import services

pytestmark = pytest.mark.django_db


def edit_url(draft):
    return reverse("editorial:draft_edit", args=[draft.pk])


@pytest.mark.parametrize("persona", ["reviewer", "publisher"])
def test_reviewers_and_publishers_correct_a_word_as_a_revision_in_their_name(login, writer, draft, persona,
                                                                             request):
    person = request.getfixturevalue(persona)
    services.draft_transition(draft=draft, action="submit", user=writer)
    client = login(person)
    assert client.get(edit_url(draft)).status_code == 200
    response = client.post(edit_url(draft), {"title": draft.title, "body": draft.body_text + " تصحيح.",
                                             "base_revision": draft.revision_number})
    assert response.status_code == 302
    latest = services.selectors.latest_revision(draft)
    assert latest.number == 2 and latest.created_by == person
    draft.refresh_from_db()
    assert draft.status == "in_review"
    html = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert f"<strong>{person.username}</strong>" in html  # the history names who saved it


def test_another_writer_still_may_not_edit(login, other_writer, draft):
    assert login(other_writer).get(edit_url(draft)).status_code == 403


def test_a_status_mail_says_the_status_in_words_who_the_comment_and_the_link(
        writer, reviewer, draft, django_capture_on_commit_callbacks, settings):
    settings.EDITORIAL_SITE_URL = "https://desk.example.com"
    services.draft_transition(draft=draft, action="submit", user=writer)
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_transition(draft=draft, action="request_changes", user=reviewer, comment="أضف المصدر")
    [message] = mail.outbox
    assert message.to == [writer.email]
    assert "changes_requested" not in message.subject and "[" not in message.subject
    assert draft.title[:20] in message.subject
    assert "reviewer" in message.body and "أضف المصدر" in message.body
    assert f"https://desk.example.com/drafts/{draft.pk}/" in message.body


def test_assigning_mails_the_reviewer_with_the_sender_and_link(writer, reviewer, draft,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_assign(draft=draft, assignee=reviewer, user=writer)
    [message] = mail.outbox
    assert "writer" in message.body and f"/drafts/{draft.pk}/" in message.body


def test_seed_demo_prints_only_its_summary(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    out, err = capsys.readouterr()
    assert mail.outbox == [] and err == ""
    assert out.splitlines()[0].startswith("demo drafts created:") and len(out.splitlines()) == 2


def test_a_word_download_has_real_paragraphs_and_the_findings_as_comments_at_their_words(login, writer,
                                                                                          make_draft):
    import io

    import docx

    body = "افتتح الوزير المعرض يوم [التاريخ] بحضور الزوار.\nوقال الوزير الوزير إن المعرض كبير.\n\n# الخلفية\nنص أخير."
    draft = make_draft(title="الوزير يفتتح المعرض", body=body)
    client = login(writer)
    response = client.get(reverse("editorial:download", args=[draft.pk]) + "?format=docx&report=1")
    disposition = response["Content-Disposition"]
    assert "filename*=utf-8''" in disposition.lower()
    from urllib.parse import unquote

    name = unquote(disposition.split("''", 1)[1])
    assert name.startswith("الوزير يفتتح المعرض") and "١" in name and name.endswith(".docx")
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert texts[:5] == ["الوزير يفتتح المعرض", "افتتح الوزير المعرض يوم [التاريخ] بحضور الزوار.",
                         "وقال الوزير الوزير إن المعرض كبير.", "الخلفية", "نص أخير."]
    assert document.paragraphs[3].style.name.startswith("Heading")
    comments = list(document.comments)
    assert len(comments) == 2
    anchored = {c.text.split(":")[0] for c in comments}
    assert len(anchored) == 2
    # Each comment is anchored at its words: the runs between its range marks are the finding's text.
    xml = document.paragraphs[1]._p.xml
    assert "commentRangeStart" in xml and "[التاريخ]" in xml
    plain = client.get(reverse("editorial:download", args=[draft.pk]) + "?format=docx")
    assert len(list(docx.Document(io.BytesIO(plain.content)).comments)) == 0
    assert unquote(plain["Content-Disposition"].split("''", 1)[1]) != name


def test_the_admin_is_branded_and_lists_every_rule_with_its_description(login, admin_user, draft):
    from editorial.checks import all_rules

    client = login(admin_user)
    html = client.get(reverse("admin:index")).content.decode()
    assert "جانغو" not in html and "Django administration" not in html
    html = client.get(reverse("admin:editorial_rulesetting_changelist")).content.decode()
    rules = all_rules()
    assert all(rule_id in html for rule_id in rules)
    from django.utils import translation

    some = next(r for r in rules.values() if r.description)
    with translation.override("ar"):
        shown = translation.gettext(some.description)
    assert shown.split("(")[0].strip()[:30] in html.replace("&#x27;", "'")
    html = client.get(reverse("admin:editorial_draft_change", args=[draft.pk])).content.decode()
    assert "admin-autocomplete" in html


@pytest.mark.parametrize(("language", "words"), [("ar", "الصفحة غير موجودة"), ("en", "Page not found")])
def test_a_missing_page_is_the_sites_own_page_in_the_chosen_language(login, writer, settings, language, words):
    settings.DEBUG = False
    client = login(writer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and words in response.content.decode()


def test_the_500_page_needs_nothing_but_the_language(rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        html = render_to_string("500.html")
    assert 'dir="rtl"' in html and "base.css" in html


def test_a_comment_on_a_passage_follows_the_text_and_is_outdated_when_it_goes(login, writer, reviewer, draft):
    client = login(reviewer)
    passage = "بسعة 400 سرير"
    url = reverse("editorial:comment_add", args=[draft.pk])
    assert client.post(url, {"body": "تحقق من العدد", "passage": "ليست في النص"}).status_code == 400
    client.post(url, {"body": "تحقق من العدد", "passage": passage})
    comment = draft.comments.get()
    assert comment.field == "body" and draft.body_text[comment.start:comment.end] == passage
    page = reverse("editorial:draft", args=[draft.pk])
    html = client.get(page).content.decode()
    assert f'id="f-c{comment.pk}"' in html and "hl-comment" in html
    services.draft_revise(draft=draft, title=draft.title, body_text="مقدمة جديدة. " + draft.body_text, user=writer)
    html = client.get(page).content.decode()
    assert f'id="f-c{comment.pk}"' in html and "outdated-tag" not in html  # moved with its words
    services.draft_revise(draft=draft, title=draft.title, body_text=draft.body_text.replace(passage, "بسعة كبيرة"),
                          user=writer)
    html = client.get(page).content.decode()
    assert f'id="f-c{comment.pk}"' not in html and "outdated-tag" in html
