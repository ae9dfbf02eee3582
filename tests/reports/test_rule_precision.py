"""Each rule's measured precision: findings once per draft, dismissals counted by kind, shown in the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from editorial import review, services
from editorial.models import Finding, RuleSetting
from editorial.reports import queries
from editorial.reports.filters import PeriodForm
from tests.conftest import SAMPLE_TITLE
from tests.reports.conftest import PLACEHOLDER_BODY

pytestmark = pytest.mark.django_db
KIND = review.DismissalKind


@pytest.fixture
def judged(writer, reviewer):
    """Five drafts with the same placeholder: one dismissal of each kind, one undone, one left alone."""
    drafts = [services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=writer, desk="economy")
              for _ in range(5)]
    rule = Finding.objects.filter(check_run__revision__draft=drafts[0], family="placeholder").first().rule

    def finding(d):
        return Finding.objects.filter(check_run__revision__draft=d, rule=rule).first()

    reason = "الاسم سيضاف من المصدر في النسخة النهائية"
    services.finding_dismiss(finding=finding(drafts[0]), kind=KIND.FALSE_ALARM, user=reviewer)
    services.finding_dismiss(finding=finding(drafts[1]), kind=KIND.INTENTIONAL, reason=reason, user=reviewer)
    services.finding_dismiss(finding=finding(drafts[2]), kind=KIND.FIXED_ELSEWHERE, reason=reason, user=reviewer)
    undone = services.finding_dismiss(finding=finding(drafts[3]), kind=KIND.FALSE_ALARM, user=reviewer)
    services.dismissal_undo(dismissal=undone, user=reviewer)
    services.draft_rerun_checks(draft=drafts[0])  # a re-check repeats the finding: still one finding
    return rule


def test_dismissals_of_each_kind_and_the_measured_precision(judged):
    p = queries.recent_precision()[judged]
    assert (p.findings, p.false_alarm, p.intentional, p.fixed_elsewhere) == (5, 1, 1, 1)
    assert p.false_alarm_share == 20.0 and p.precision == 80.0


def test_the_chart_lists_the_rule_with_its_kinds(judged):
    rows = queries.dismissals_by_rule(PeriodForm().period()).rows
    assert rows == [{"rule": judged, "findings": 5, "false_alarm": 1, "intentional": 1, "fixed_elsewhere": 1,
                     "false_alarm_share": 20.0, "precision": 80.0}]
    other_desk = PeriodForm({"desk": "sports"}, desks=["economy", "sports"]).period()
    assert queries.dismissals_by_rule(other_desk).rows == []


def test_precision_stands_beside_the_rule_in_the_admin(client, judged, admin_user):
    setting = RuleSetting.objects.create(rule=judged)
    RuleSetting.objects.create(rule="repetition.doubled_word")
    client.force_login(admin_user)
    client.cookies["django_language"] = "en"
    listing = client.get(reverse("admin:editorial_rulesetting_changelist")).content.decode()
    assert "Measured precision (last 90 days)" in listing
    assert "80.0% — 1 of 5 findings dismissed as false alarms (1 intentional, 1 fixed elsewhere)" in listing
    assert "no findings in the last 90 days" in listing
    form = client.get(reverse("admin:editorial_rulesetting_change", args=[setting.pk])).content.decode()
    assert "80.0% — 1 of 5 findings dismissed as false alarms" in form


def test_a_rule_only_ever_dismissed_as_false_alarm_has_no_precision_left(writer, reviewer):
    d = services.draft_create(title=SAMPLE_TITLE, body_text=PLACEHOLDER_BODY, user=writer)
    for f in Finding.objects.filter(check_run__revision__draft=d):
        services.finding_dismiss(finding=f, kind=KIND.FALSE_ALARM, user=reviewer)
    figures = queries.recent_precision()
    assert figures and all(p.precision == 0.0 for p in figures.values())
