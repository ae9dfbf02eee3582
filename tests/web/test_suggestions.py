"""A reviewer suggests a replacement for a passage; the writer accepts it (a new revision in the writer's name,
shown in the history) or rejects it, in one click."""

import pytest
from django.urls import reverse

from editorial import services
from editorial.models import Comment

PASSAGE = "بسعة 400 سرير"
BETTER = "بسعة 450 سريراً"


def _suggest(client, draft, passage=PASSAGE, replacement=BETTER, body="العدد الصحيح في بيان الوزارة"):
    return client.post(reverse("editorial:comment_add", args=[draft.pk]),
                       {"body": body, "passage": passage, "replacement": replacement})


def test_a_reviewer_suggests_and_the_writer_accepts_in_one_click(login, draft, writer, reviewer):
    assert _suggest(login(reviewer), draft).status_code == 302
    suggestion = Comment.objects.get()
    assert suggestion.is_suggestion and suggestion.replacement == BETTER and not suggestion.decision
    client = login(writer)
    page = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert reverse("editorial:suggestion_decide", args=[draft.pk, suggestion.pk]) in page and BETTER in page
    response = client.post(reverse("editorial:suggestion_decide", args=[draft.pk, suggestion.pk]),
                           {"decision": "accept"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.revision_number == 2 and BETTER in draft.body_text and PASSAGE not in draft.body_text
    revision = draft.revisions.get(number=2)
    assert revision.created_by == writer and revision.note == "Accepted a suggestion from reviewer"
    suggestion.refresh_from_db()
    assert suggestion.decision == "accepted" and suggestion.decided_by == writer
    assert suggestion.applied_revision == revision
    page = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    history = page[page.index('id="history"'):page.index('id="revisions"')]
    assert "قبل اقتراحاً من reviewer" in history and BETTER in history
    assert "outdated-tag" not in page  # an accepted suggestion's passage is gone by design


def test_the_writer_rejects_and_the_text_stays(login, draft, writer, reviewer):
    _suggest(login(reviewer), draft)
    suggestion = Comment.objects.get()
    login(writer).post(reverse("editorial:suggestion_decide", args=[draft.pk, suggestion.pk]), {"decision": "reject"})
    draft.refresh_from_db()
    suggestion.refresh_from_db()
    assert draft.revision_number == 1 and PASSAGE in draft.body_text and suggestion.decision == "rejected"
    with pytest.raises(services.Conflict):
        services.suggestion_decide(comment=suggestion, accept=True, user=writer)


def test_a_suggestion_follows_a_respelled_passage_and_refuses_when_it_is_gone(draft, writer, reviewer):
    suggestion = services.comment_add(draft=draft, user=reviewer, body="", passage=PASSAGE, replacement=BETTER)
    draft, _ = services.draft_revise(draft=draft, title=draft.title, user=writer,
                                     body_text="تمهيد.\n\n" + draft.body_text.replace(PASSAGE, "بسعة ٤٠٠ سرير"))
    services.suggestion_decide(comment=suggestion, accept=True, user=writer)
    draft.refresh_from_db()
    assert draft.body_text.startswith("تمهيد.") and BETTER in draft.body_text and "٤٠٠" not in draft.body_text
    late = services.comment_add(draft=draft, user=reviewer, body="", passage="بحضور عدد", replacement="بحضور جمع")
    draft, _ = services.draft_revise(draft=draft, title=draft.title, user=writer,
                                     body_text=draft.body_text.replace("بحضور عدد", "وحضر عدد"))
    with pytest.raises(services.Conflict):
        services.suggestion_decide(comment=late, accept=True, user=writer)
    late.refresh_from_db()
    assert not late.decision


def test_who_may_suggest_and_who_may_decide(login, draft, writer, reviewer, outsider):
    with pytest.raises(services.NotAllowed):  # the writer edits instead
        services.comment_add(draft=draft, user=writer, body="", passage=PASSAGE, replacement=BETTER)
    with pytest.raises(services.InvalidInput):
        services.comment_add(draft=draft, user=reviewer, body="", passage="", replacement=BETTER)
    with pytest.raises(services.InvalidInput):
        services.comment_add(draft=draft, user=reviewer, body="", passage=PASSAGE, replacement=PASSAGE)
    suggestion = services.comment_add(draft=draft, user=reviewer, body="", passage=PASSAGE, replacement="")
    assert suggestion.is_suggestion and suggestion.replacement == ""  # a suggestion to delete the words
    with pytest.raises(services.NotAllowed):
        services.suggestion_decide(comment=suggestion, accept=True, user=outsider)
    writer_page = login(writer).get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert 'name="replacement"' not in writer_page


def test_a_plain_comment_is_not_a_suggestion(draft, writer, reviewer):
    comment = services.comment_add(draft=draft, user=reviewer, body="ممتاز", passage=PASSAGE)
    assert not comment.is_suggestion
    with pytest.raises(services.InvalidInput):
        services.suggestion_decide(comment=comment, accept=True, user=writer)


def test_a_reviewer_suggests_deleting_words_and_the_writer_accepts_in_one_click(login, draft, writer, reviewer):
    words = "بحضور عدد"
    assert words in draft.body_text
    response = login(reviewer).post(reverse("editorial:comment_add", args=[draft.pk]),
                                    {"body": "", "passage": words, "replacement": "", "delete": "on"})
    assert response.status_code == 302
    suggestion = Comment.objects.get()
    assert suggestion.is_suggestion and suggestion.replacement == ""
    client = login(writer)
    page = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert "يقترح حذف:" in page and reverse("editorial:suggestion_decide", args=[draft.pk, suggestion.pk]) in page
    before = draft.body_text
    client.post(reverse("editorial:suggestion_decide", args=[draft.pk, suggestion.pk]), {"decision": "accept"})
    draft.refresh_from_db()
    at = before.index(words)
    assert draft.revision_number == 2 and words not in draft.body_text
    assert "  " not in draft.body_text[max(0, at - 5):at + 5]  # the space beside the words went with them
    page = client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    history = page[page.index('id="history"'):page.index('id="revisions"')]
    assert "قبل اقتراحاً من reviewer" in history and "(حذف المقطع)" in history


def test_deleting_and_new_words_at_once_are_refused_on_the_field(login, draft, reviewer):
    response = login(reviewer).post(reverse("editorial:comment_add", args=[draft.pk]),
                                     {"passage": PASSAGE, "replacement": BETTER, "delete": "on"})
    assert response.status_code == 400 and not Comment.objects.exists()
    assert 'id="id_replacement_error"' in response.content.decode()


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("قال الوزير اليوم إن", 4, 10, "قال اليوم إن"),  # the space before goes with the words
    ("قال الوزير.", 4, 10, "قال."),  # before punctuation
    ("الوزير قال", 0, 6, "قال"),  # the first words take the space after them
    ("كلمةأخرى", 0, 4, "أخرى"),  # inside a word: nothing else removed
    ("قال الوزير", 4, 10, "قال"),
])
def test_a_deletion_leaves_no_double_space(text, start, end, expected):
    assert services._replaced(text, start, end, "") == expected
