"""Comments on passages follow the text by fingerprint, as dismissals follow findings: a later revision that
respells the passage (hamza, tashkeel, tatweel, spacing) or moves it keeps the comment on it; one that removes
its words leaves the comment outdated."""

import pytest
from django.urls import reverse

from editorial import selectors, services
from editorial.checks import fingerprint

PASSAGE = "مستشفى الجهراء الجديد بسعة 400 سرير"


@pytest.fixture
def comment(draft, reviewer):
    return services.comment_add(draft=draft, user=reviewer, body="هل العدد مؤكد؟", passage=PASSAGE)


def _revise(draft, writer, body):
    draft, _changed = services.draft_revise(draft=draft, title=draft.title, body_text=body, user=writer)
    return draft


def test_the_comment_stores_the_fingerprint_a_finding_would_have(comment, draft):
    assert comment.fingerprint == selectors.passage_fingerprint(PASSAGE)
    assert comment.fingerprint == fingerprint(selectors.COMMENT_FINGERPRINT_RULE, "مستشفى  الجهراء الجديد بسعة ٤٠٠ سرير")
    assert selectors.comment_anchor(draft, comment) == ("body", draft.body_text.index(PASSAGE),
                                                        draft.body_text.index(PASSAGE) + len(PASSAGE))


@pytest.mark.parametrize("respelled", [
    "مستشفى الجَهراء الجديد بسعة 400 سرير",  # tashkeel
    "مستشفى  الجهراء\nالجديد بسعة 400 سرير",  # spacing and a line break
    "مستشفـى الجهراء الجديد بسعة ٤٠٠ سرير",  # tatweel, Arabic-Indic digits
    "مستشفي الجهراء الجديد بسعة 400 سرير",  # ى written ي
])
def test_a_respelled_passage_keeps_its_comment(comment, draft, writer, respelled):
    draft = _revise(draft, writer, "في خبر عاجل: " + draft.body_text.replace(PASSAGE, respelled))
    field, start, end = selectors.comment_anchor(draft, comment)
    assert field == "body" and draft.body_text[start:end] == respelled


def test_the_occurrence_nearest_to_where_the_comment_was_written_is_chosen(comment, draft, writer):
    at = comment.start
    body = draft.body_text[:at] + draft.body_text[at:] + "\n\nوتكرر: " + PASSAGE + "."
    draft = _revise(draft, writer, body)
    assert selectors.comment_anchor(draft, comment)[1] == at


def test_a_passage_whose_words_changed_is_outdated_on_the_page(login, comment, draft, writer, reviewer):
    draft = _revise(draft, writer, draft.body_text.replace("بسعة 400 سرير", "بسعة 450 سريراً"))
    assert selectors.comment_anchor(draft, comment) is None
    html = login(reviewer).get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert "outdated-tag" in html and f'id="f-c{comment.pk}"' not in html


def test_a_comment_written_before_fingerprints_is_found_by_its_passage(comment, draft):
    comment.fingerprint = ""
    assert selectors.comment_anchor(draft, comment) is not None


def test_the_mark_shows_the_words_as_they_are_now(login, comment, draft, writer, reviewer):
    respelled = "مستشفى الجَهراء الجديد بسعة 400 سرير"
    draft = _revise(draft, writer, draft.body_text.replace(PASSAGE, respelled))
    html = login(reviewer).get(reverse("editorial:draft", args=[draft.pk])).content.decode()
    assert f'id="f-c{comment.pk}"' in html and "outdated-tag" not in html
    assert "الجَهراء" in html


def test_the_last_letters_tashkeel_stays_inside_the_passage(draft, reviewer, writer):
    draft = _revise(draft, writer, draft.body_text + "\n\nويضم المستشفى 40 جناحاً متخصصاً.")
    comment = services.comment_add(draft=draft, user=reviewer, body="كم جناحاً؟", passage="يضم المستشفى 40 جناحاً")
    _field, start, end = selectors.comment_anchor(draft, comment)
    assert draft.body_text[start:end] == "يضم المستشفى 40 جناحاً"
