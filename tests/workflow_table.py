"""The available-actions table, written out: for a draft in a status with its findings in a state, what each
persona is offered, as ``review.available_actions`` answers it. The unit test (tests/test_review.py), the desk
test (tests/web/test_available_actions.py) and the API test (tests/api/test_available_actions.py) all read it.

Each expectation lists the allowed actions in table order; ``+comment`` needs a comment, ``+blocked`` is blocked
by error findings, ``+override`` may be taken over them with a reason.
"""

from __future__ import annotations

from editorial import services
from editorial.models import Draft

CLEAN_BODY = "افتتح وزير الصحة صباح اليوم مستشفى الجهراء الجديد بسعة 400 سرير."
ERROR_BODY = "افتتح وزير الصحة صباح [تاريخ اليوم – يرجى إضافته] مستشفى الجهراء الجديد بسعة 400 سرير."
TITLE = "وزير الصحة يفتتح مستشفى الجهراء"

# (status, persona, findings, expected)
#   findings: clean | open_error | owner_dismissed (an error dismissed by the draft's writer or CMS)
#             | reviewer_dismissed (an error dismissed by a reviewer: it clears the gate)
AVAILABLE = [
    ("draft", "author", "clean", "submit"),
    ("draft", "author", "open_error", "submit"),
    ("draft", "reviewer", "clean", ""),
    ("draft", "publisher", "clean", "archive"),
    ("draft", "admin", "clean", "submit archive"),
    ("in_review", "author", "open_error", ""),
    ("in_review", "reviewer", "clean", "request_changes+comment approve"),
    ("in_review", "reviewer", "open_error", "request_changes+comment approve+blocked+override"),
    ("in_review", "reviewer", "owner_dismissed", "request_changes+comment approve+blocked+override"),
    ("in_review", "reviewer", "reviewer_dismissed", "request_changes+comment approve"),
    ("in_review", "admin", "open_error", "request_changes+comment approve+blocked+override"),
    ("in_review", "group_admin", "open_error", "request_changes+comment approve+blocked"),
    ("in_review", "publisher", "open_error", ""),
    ("changes_requested", "author", "open_error", "submit"),
    ("changes_requested", "reviewer", "clean", ""),
    ("approved", "reviewer", "clean", "request_changes+comment reopen"),
    ("approved", "publisher", "open_error", "publish archive"),
    ("published", "author", "clean", ""),
    ("published", "publisher", "clean", "reopen+comment archive"),
    ("published", "reviewer", "clean", "reopen+comment"),
    ("archived", "admin", "clean", "reopen+comment"),
    ("draft", "cms", "clean", "submit"),
    ("draft", "cms", "open_error", "submit"),
    ("changes_requested", "cms", "owner_dismissed", "submit"),
    ("in_review", "cms", "open_error", ""),
    ("approved", "cms", "clean", "publish archive"),
    ("published", "cms", "clean", "archive"),
    ("archived", "cms", "clean", ""),
]
DESK_ROWS = [row for row in AVAILABLE if row[1] != "cms"]
API_ROWS = [row for row in AVAILABLE if row[1] == "cms"]


def parse(expected: str) -> dict[str, set[str]]:
    """``"approve+blocked+override"`` -> ``{"approve": {"blocked", "override"}}``."""
    out = {}
    for item in expected.split():
        action, *flags = item.split("+")
        out[action] = set(flags)
    return out


def flags(*, needs_comment: bool, blocked: bool, needs_override: bool) -> set[str]:
    return {name for name, on in (("comment", needs_comment), ("blocked", blocked), ("override", needs_override))
            if on}


def arrange(status: str, findings: str, *, owner: dict, reviewer) -> Draft:
    """A draft of ``owner`` (``{"user": writer}`` or ``{"client": cms}``) in ``status`` with its findings so."""
    draft = services.draft_create(title=TITLE, body_text=CLEAN_BODY if findings == "clean" else ERROR_BODY,
                                  **owner)
    dismisser = {"owner_dismissed": owner, "reviewer_dismissed": {"user": reviewer}}.get(findings)
    if dismisser:
        for f in services.selectors.open_findings(draft):
            if f.severity == "error":
                services.finding_dismiss(finding=f, kind="fixed_elsewhere", reason="يضاف التاريخ عند النشر",
                                         **dismisser)
    Draft.objects.filter(pk=draft.pk).update(status=status)  # arrange only
    draft.refresh_from_db()
    return draft
