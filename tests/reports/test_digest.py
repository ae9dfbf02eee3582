"""The weekly digest: the reports' tables for the last days, mailed to publishers with an address."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_digest_goes_to_publishers_with_this_weeks_figures(newsroom, publisher, writer):
    call_command("reports_digest")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {publisher.email, "admin@example.com"} and writer.email not in message.to
    assert message.subject.startswith("تقارير غرفة الأخبار")
    # the override a week ago is in the last seven days, with its reviewer
    assert "الاعتماد رغم أخطاء مفتوحة، حسب المراجع" in message.body
    assert "reviewer | 2 | 1 | 50.0" in message.body


def test_a_dry_run_prints_and_sends_nothing(newsroom, capsys):
    call_command("reports_digest", "--dry-run", "--days", "3")
    assert mail.outbox == []
    out = capsys.readouterr().out
    # the approvals were a week ago: no approvals row for the reviewer (the waiting draft's row names its id,
    # which may itself start with a 2 on PostgreSQL, so the whole row is compared)
    assert "Subject:" in out and "reviewer | 2 | 1 | 50.0" not in out
