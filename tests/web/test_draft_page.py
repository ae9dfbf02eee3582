"""The draft page: text with findings in place, the findings list, actions, history; nothing in a draft runs."""

import re

import pytest
from django.urls import reverse

from editorial import review, services

pytestmark = pytest.mark.django_db

PLACEHOLDER_BODY = "قال المتحدث إن الجلسة ستعقد في [تاريخ الجلسة – يرجى إضافته] بحضور الأعضاء.\n\nوأضاف أن الاجتماع مهم."


def page(client, draft):
    return client.get(reverse("editorial:draft", args=[draft.pk])).content.decode()


def test_the_draft_page_shows_the_text_status_and_history(login, writer, draft):
    html = page(login(writer), draft)
    assert draft.title in html
    assert "status-draft" in html
    assert 'id="history"' in html


def test_draft_text_with_script_is_shown_as_text(login, writer, make_draft):
    d = make_draft(title="<script>alert('t')</script> عنوان", body="نص <script>alert(1)</script> <b>غامق</b>")
    html = page(login(writer), d)
    assert "<script>alert" not in html and "<b>" not in html
    text = re.sub(r"</?mark[^>]*>", "", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;b&gt;غامق&lt;/b&gt;" in text


def test_a_placeholder_is_marked_in_place_and_listed(login, writer, make_draft):
    d = make_draft(body=PLACEHOLDER_BODY)
    finding = services.selectors.open_findings(d)
    placeholder = [f for f in finding if f.family == "placeholder"]
    assert placeholder, "the engine should flag the bracketed placeholder"
    f = placeholder[0]
    html = page(login(writer), d)
    assert f'id="f-{f.pk}"' in html
    assert 'data-check="placeholder"' in html and f'data-rule="{f.rule}"' in html
    assert f'href="#f-{f.pk}"' in html


def test_writer_submits_and_reviewer_requests_changes_with_a_comment(login, writer, reviewer, draft):
    client = login(writer)
    response = client.post(reverse("editorial:transition", args=[draft.pk]), {"action": "submit"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == review.IN_REVIEW
    client = login(reviewer)
    url = reverse("editorial:transition", args=[draft.pk])
    response = client.post(url, {"action": "request_changes", "comment": ""})
    assert response.status_code == 400
    response = client.post(url, {"action": "request_changes", "comment": "أضف التاريخ"})
    draft.refresh_from_db()
    assert draft.status == review.CHANGES_REQUESTED
    assert "أضف التاريخ" in page(client, draft)


def test_a_blocked_approval_keeps_the_comment_and_offers_an_override(login, writer, reviewer, make_draft):
    d = make_draft(body=PLACEHOLDER_BODY)
    services.draft_transition(draft=d, action="submit", user=writer)
    client = login(reviewer)
    url = reverse("editorial:transition", args=[d.pk])
    response = client.post(url, {"action": "approve", "comment": "كلام مهم"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "كلام مهم" in html and 'name="override_reason"' in html
    response = client.post(url, {"action": "approve", "override_reason": "التاريخ يُضاف عند النشر"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == review.APPROVED
    assert "التاريخ يُضاف عند النشر" in page(client, d)


def test_a_writer_without_the_override_permission_sees_the_gate_but_no_override(login, writer, make_draft):
    d = make_draft(body=PLACEHOLDER_BODY)
    html = page(login(writer), d)
    assert 'name="override_reason"' not in html
