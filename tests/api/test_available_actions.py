"""The API's ``actions`` on a draft are the workflow's answer: the CMS rows of the available-actions table
(tests/workflow_table.py), as a CMS reads them."""

from __future__ import annotations

import pytest
from workflow_table import API_ROWS, arrange, flags, parse

from editorial.models import Finding

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("status", "persona", "findings", "expected"), API_ROWS,
                         ids=["-".join(r[:3]) for r in API_ROWS])
def test_the_api_lists_what_the_table_says(status, persona, findings, expected, cms_a, api_client_a, reviewer):
    draft = arrange(status, findings, owner={"client": api_client_a}, reviewer=reviewer)
    actions = cms_a.get(f"/api/v1/drafts/{draft.pk}/").json()["actions"]
    assert {a["action"]: flags(needs_comment=a["needs_comment"], blocked=a["blocked"],
                               needs_override=a["needs_override"]) for a in actions} == parse(expected)


def test_a_blocked_action_names_its_blocking_findings(cms_a, api_client_a, reviewer):
    """A CMS never approves (so nothing it may take is gated); the same answer names the blockers for a reviewer."""
    from editorial import review, selectors

    draft = arrange("in_review", "open_error", owner={"client": api_client_a}, reviewer=reviewer)
    approve = next(a for a in review.available_actions(draft, reviewer, selectors.findings_with_state(draft))
                   if a.action == "approve")
    errors = set(Finding.objects.filter(check_run__revision__draft=draft, severity="error").values_list("pk", flat=True))
    assert errors and approve.blocked and {f.pk for f, _d in approve.blockers} == errors
    assert all(not a["blocked"] and a["blocking_findings"] == [] for a in cms_a.get(
        f"/api/v1/drafts/{draft.pk}/").json()["actions"])
