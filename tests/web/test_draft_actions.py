"""Actions on the draft page: dismiss and undo, apply a suggestion, edit, restore, diff, download, comment, assign."""

import io

import docx
import pytest
from django.core import mail
from django.urls import reverse

from editorial import review, selectors, services
from editorial.models import Dismissal
from tests.conftest import SAMPLE_BODY

pytestmark = pytest.mark.django_db

DOUBLED = "قال قال الوزير إن المستشفى جاهز. وأكد أن [الاسم] حضر الافتتاح."


def url(name, draft, *args):
    return reverse(f"editorial:{name}", args=[draft.pk, *args])


def open_finding(draft, rule_prefix):
    return next(f for f in selectors.open_findings(draft) if f.rule.startswith(rule_prefix))


@pytest.fixture
def faulty(make_draft):
    return make_draft(body=DOUBLED)


def test_dismissing_a_finding_needs_a_reason(login, writer, faulty):
    f = open_finding(faulty, "placeholder")
    client = login(writer)
    response = client.post(url("dismiss", faulty, f.pk), {"kind": "intentional", "reason": ""}, follow=True)
    assert not Dismissal.objects.exists()
    assert response.status_code == 200 and "10" in response.content.decode()
    client.post(url("dismiss", faulty, f.pk), {"kind": "intentional", "reason": "الاسم يضاف لاحقاً"})
    assert f not in selectors.open_findings(faulty)
    html = client.get(url("draft", faulty)).content.decode()
    assert "الاسم يضاف لاحقاً" in html and f'id="f-{f.pk}"' not in html


def test_a_dismissal_can_be_undone(login, writer, faulty):
    f = open_finding(faulty, "placeholder")
    dismissal = services.finding_dismiss(finding=f, reason="سبب", user=writer)
    login(writer).post(url("undo_dismissal", faulty, dismissal.pk))
    assert f in selectors.open_findings(faulty)


def test_a_publisher_may_not_dismiss(login, publisher, faulty):
    f = open_finding(faulty, "placeholder")
    response = login(publisher).post(url("dismiss", faulty, f.pk), {"kind": "false_alarm"}, follow=True)
    assert response.status_code == 200 and not Dismissal.objects.exists()


def test_a_finding_of_another_draft_is_a_404(login, writer, faulty, make_draft):
    other = make_draft(body=DOUBLED)
    f = open_finding(other, "placeholder")
    assert login(writer).post(url("dismiss", faulty, f.pk), {"kind": "false_alarm"}).status_code == 404


def test_applying_a_suggestion_makes_a_new_revision_with_the_replaced_text(login, writer, faulty):
    f = open_finding(faulty, "repetition.doubled_word")
    login(writer).post(url("apply", faulty, f.pk))
    faulty.refresh_from_db()
    assert faulty.revision_number == 2
    assert faulty.body_text.startswith("قال الوزير إن")
    assert not [x for x in selectors.open_findings(faulty) if x.rule == "repetition.doubled_word"]


def test_a_stale_suggestion_is_refused(login, writer, faulty):
    f = open_finding(faulty, "repetition.doubled_word")
    services.draft_revise(draft=faulty, title=faulty.title, body_text="نص جديد تماماً.", user=writer)
    login(writer).post(url("apply", faulty, f.pk))
    faulty.refresh_from_db()
    assert faulty.body_text == "نص جديد تماماً." and faulty.revision_number == 2


def test_another_writer_cannot_apply_a_suggestion(login, other_writer, faulty):
    f = open_finding(faulty, "repetition.doubled_word")
    login(other_writer).post(url("apply", faulty, f.pk))
    faulty.refresh_from_db()
    assert faulty.revision_number == 1


def test_editing_saves_a_checked_revision(login, writer, faulty):
    response = login(writer).post(url("draft_edit", faulty), {"title": faulty.title, "body": SAMPLE_BODY,
                                                             "base_revision": 1})
    assert response.status_code == 302
    faulty.refresh_from_db()
    assert faulty.revision_number == 2 and faulty.body_text == SAMPLE_BODY
    assert not [f for f in selectors.open_findings(faulty) if f.family == "placeholder"]


def test_saving_the_same_text_makes_no_revision(login, writer, faulty):
    login(writer).post(url("draft_edit", faulty), {"title": faulty.title, "body": faulty.body_text, "base_revision": 1})
    faulty.refresh_from_db()
    assert faulty.revision_number == 1


def test_editing_with_an_empty_title_keeps_the_typed_body(login, writer, faulty):
    response = login(writer).post(url("draft_edit", faulty), {"title": "", "body": "نص كتبته للتو", "base_revision": 1})
    assert response.status_code == 400 and "نص كتبته للتو" in response.content.decode()


def test_editing_an_approved_draft_sends_it_back_to_review(login, writer, reviewer, draft):
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="approve", user=reviewer)
    login(writer).post(url("draft_edit", draft), {"title": draft.title, "body": draft.body_text + " تحديث.",
                                             "base_revision": 1})
    draft.refresh_from_db()
    assert draft.status == review.IN_REVIEW


def test_restoring_an_earlier_revision(login, writer, faulty):
    services.draft_revise(draft=faulty, title=faulty.title, body_text="نص ثان.", user=writer)
    login(writer).post(url("restore", faulty, 1), {"base_revision": 2})
    faulty.refresh_from_db()
    assert faulty.revision_number == 3 and faulty.body_text == DOUBLED


def test_the_diff_shows_both_revisions_side_by_side_escaped(login, writer, draft):
    services.draft_revise(draft=draft, title=draft.title, body_text="<script>alert(1)</script> نص جديد", user=writer)
    response = login(writer).get(url("diff", draft) + "?a=1&b=2")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<ins>" in html and "<del>" in html


@pytest.mark.parametrize(("query", "status"), [("?a=9&b=1", 404), ("?a=x", 400), ("?b=-1", 400)])
def test_a_diff_of_unknown_revisions_is_a_404_and_of_non_numbers_a_400(login, writer, draft, query, status):
    assert login(writer).get(url("diff", draft) + query).status_code == status


def test_downloading_the_text(login, writer, faulty):
    response = login(writer).get(url("download", faulty) + "?format=txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert text.startswith(faulty.title + "\n\n" + DOUBLED)
    assert "placeholder." not in text


def test_downloading_the_text_with_its_findings(login, writer, faulty):
    text = login(writer).get(url("download", faulty) + "?format=txt&report=1").content.decode()
    assert "«[الاسم]»" in text.split("—", 1)[1]
    assert "placeholder.bracket_instruction" not in text  # rule ids stay in the admin and the details toggle


def test_downloading_a_word_file_keeps_paragraphs_right_to_left(login, writer, draft):
    response = login(writer).get(url("download", draft) + "?format=docx&report=1")
    assert "attachment" in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == draft.title and texts[1] in draft.body_text
    assert document.paragraphs[1]._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None


def test_a_comment_is_added_and_an_empty_one_refused(login, reviewer, draft):
    client = login(reviewer)
    assert client.post(url("comment_add", draft), {"body": "   "}).status_code == 400
    client.post(url("comment_add", draft), {"body": "<i>ملاحظة</i>"})
    html = client.get(url("draft", draft)).content.decode()
    assert "&lt;i&gt;ملاحظة&lt;/i&gt;" in html


def test_assigning_a_reviewer_mails_them_and_puts_the_draft_on_their_list(
        login, writer, reviewer, draft, django_capture_on_commit_callbacks):
    services.draft_transition(draft=draft, action="submit", user=writer)
    with django_capture_on_commit_callbacks(execute=True):
        login(writer).post(url("assign", draft), {"assignee": reviewer.pk})
    draft.refresh_from_db()
    assert draft.assignee == reviewer
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    html = login(reviewer).get(reverse("editorial:waiting")).content.decode()
    assert draft.title in html


def test_a_writer_cannot_be_assigned_as_reviewer(login, writer, other_writer, draft):
    login(writer).post(url("assign", draft), {"assignee": other_writer.pk})
    draft.refresh_from_db()
    assert draft.assignee is None


@pytest.mark.parametrize(("value", "status"), [("abc", 400), ("999999", 302), ("-1", 400)])
def test_assigning_nonsense_is_refused_cleanly(login, writer, draft, value, status):
    # not an id at all: a bad request; an id nobody has: the desk's message
    assert login(writer).post(url("assign", draft), {"assignee": value}).status_code == status


def test_unknown_actions_are_refused_cleanly(login, writer, draft):
    response = login(writer).post(url("transition", draft), {"action": "explode"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == review.DRAFT


def test_a_transition_not_allowed_from_this_status_is_a_clean_409(login, reviewer, draft):
    response = login(reviewer).post(url("transition", draft), {"action": "approve"})
    assert response.status_code == 409


def test_recheck_runs_the_checks_again(login, reviewer, draft):
    before = draft.revisions.get().check_runs.count()
    login(reviewer).post(url("recheck", draft))
    assert draft.revisions.get().check_runs.count() == before + 1


@pytest.mark.parametrize("name", ["transition", "assign", "recheck", "comment_add"])
def test_actions_take_only_post(login, writer, draft, name):
    assert login(writer).get(url(name, draft)).status_code == 405


def test_a_draft_sent_back_shows_the_reviewers_request_at_the_top(login, writer, reviewer, draft):
    services.draft_transition(draft=draft, action="submit", user=writer)
    services.draft_transition(draft=draft, action="request_changes", user=reviewer, comment="أضف المصدر")
    html = login(writer).get(url("draft", draft)).content.decode()
    top = html[:html.index('class="toolbar"')]
    assert "أضف المصدر" in top


def test_a_reviewer_takes_a_draft_with_one_click(login, writer, reviewer, draft):
    services.draft_transition(draft=draft, action="submit", user=writer)
    client = login(reviewer)
    assert 'class="assign-me"' in client.get(url("draft", draft)).content.decode()
    client.post(url("assign", draft), {"assignee": "me"})
    draft.refresh_from_db()
    assert draft.assignee == reviewer
    assert 'class="assign-me"' not in client.get(url("draft", draft)).content.decode()
    assert 'class="assign-me"' not in login(writer).get(url("draft", draft)).content.decode()
