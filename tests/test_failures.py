"""Failure answers: mail trouble of any kind never fails an action; production warns about missing mail
settings at start-up."""

from __future__ import annotations

import logging
import smtplib

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from editorial import notify, services
from editorial.system_checks import mail_settings

pytestmark = pytest.mark.django_db

MAIL_FAILURES = [ConnectionRefusedError(111, "Connection refused"), smtplib.SMTPServerDisconnected("gone"),
                 ImproperlyConfigured("no host"), ValueError("bad header"), RuntimeError("backend bug")]


@pytest.fixture
def mail_fails(monkeypatch):
    def fail_with(exc):
        def send_mail(*args, **kwargs):
            raise exc

        monkeypatch.setattr(notify, "send_mail", send_mail)

    return fail_with


@pytest.mark.parametrize("exc", MAIL_FAILURES, ids=lambda e: type(e).__name__)
def test_a_mail_failure_is_logged_and_the_action_stands(client, writer, reviewer, draft, mail_fails, exc,
                                                        django_capture_on_commit_callbacks, caplog):
    mail_fails(exc)
    services.draft_transition(draft=draft, action="submit", user=writer)
    client.force_login(reviewer)
    with caplog.at_level(logging.WARNING, logger="editorial.notify"), \
            django_capture_on_commit_callbacks(execute=True) as callbacks:
        r = client.post(reverse("editorial:transition", args=[draft.pk]),
                        {"action": "request_changes", "comment": "أضف التاريخ"})
    assert r.status_code == 302 and callbacks
    draft.refresh_from_db()
    assert draft.status == "changes_requested"
    assert any("mail to" in m and type(exc).__name__ in m for m in caplog.messages)


def test_seed_demo_finishes_when_mail_fails(mail_fails, monkeypatch, django_capture_on_commit_callbacks):
    from editorial.models import Draft

    mail_fails(ConnectionRefusedError(111, "Connection refused"))
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-123")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    from editorial.demo import DEMO_DRAFTS

    assert Draft.objects.count() == len(DEMO_DRAFTS)


def test_production_without_a_mail_host_warns_at_start_up(settings):
    settings.PRODUCTION = True
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {}}}
    settings.DEFAULT_FROM_EMAIL = "editorial@localhost"
    assert {w.id for w in mail_settings()} == {"editorial.W001", "editorial.W002"}
    settings.MAILERS["default"]["OPTIONS"] = {"host": "smtp.example.com"}
    settings.DEFAULT_FROM_EMAIL = "desk@example.com"
    assert mail_settings() == []


def test_local_mode_does_not_warn(settings):
    settings.PRODUCTION = False
    assert mail_settings() == []
