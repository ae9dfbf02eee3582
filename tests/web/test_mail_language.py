"""Mail in the recipient's language: the one they picked with the language switch (kept for them), else the
newsroom's; the status in words, who acted, the comment and the link, whatever the language."""

from django.core import mail
from django.urls import reverse

from editorial import services
from editorial.models import UserPreferences


def _request_changes(draft, writer, reviewer, capture, comment="أضف المصدر"):
    services.draft_transition(draft=draft, action="submit", user=writer)
    with capture(execute=True):
        services.draft_transition(draft=draft, action="request_changes", user=reviewer, comment=comment)
    [message] = mail.outbox
    return message


def test_without_a_choice_the_mail_is_in_the_newsrooms_language(writer, reviewer, draft,
                                                                 django_capture_on_commit_callbacks):
    message = _request_changes(draft, writer, reviewer, django_capture_on_commit_callbacks)
    assert message.subject.startswith("طُلبت تعديلات") or "تعديلات" in message.subject
    assert "Changes requested" not in message.subject


def test_a_writer_who_picked_english_gets_english_mail(login, writer, reviewer, draft,
                                                       django_capture_on_commit_callbacks, settings):
    settings.EDITORIAL_SITE_URL = "https://desk.example.com"
    client = login(writer)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert UserPreferences.objects.get(user=writer).language == "en"
    message = _request_changes(draft, writer, reviewer, django_capture_on_commit_callbacks)
    assert message.subject.startswith("Changes requested") and draft.title[:20] in message.subject
    assert "reviewer changed the status" in message.body and "“Changes requested”" in message.body
    assert "أضف المصدر" in message.body and f"https://desk.example.com/drafts/{draft.pk}/" in message.body


def test_the_reviewer_assigned_gets_the_mail_in_their_language(writer, reviewer, draft,
                                                               django_capture_on_commit_callbacks):
    services.user_language_set(user=reviewer, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_assign(draft=draft, assignee=reviewer, user=writer)
    [message] = mail.outbox
    assert message.subject.startswith("Waiting for your review") and "writer asked you" in message.body


def test_signing_in_brings_back_the_persons_language(client, writer, settings):
    from tests.conftest import PASSWORD

    services.user_language_set(user=writer, language="en")
    response = client.post(reverse("login"), {"username": writer.username, "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert 'lang="en"' in client.get("/").content.decode()[:300]


def test_an_anonymous_switch_keeps_nothing(client, writer):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert not UserPreferences.objects.exists()
