"""The review workflow as data: statuses, actions, who may take them, and the gates. No ORM here.

One table maps (status, action) to the next status and the roles allowed to act. The service layer computes a
caller's roles for a draft and calls ``transition_for``; pages and the API list actions with ``actions_for``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED, ARCHIVED = (
    "draft", "in_review", "changes_requested", "approved", "published", "archived",
)
STATUS_CHOICES = [
    (DRAFT, _("Draft")),
    (IN_REVIEW, _("In review")),
    (CHANGES_REQUESTED, _("Changes requested")),
    (APPROVED, _("Approved")),
    (PUBLISHED, _("Published")),
    (ARCHIVED, _("Archived")),
]
STATUSES = tuple(s for s, _label in STATUS_CHOICES)

SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, REOPEN, ARCHIVE, REVISE = (
    "submit", "request_changes", "approve", "publish", "reopen", "archive", "revise",
)
ACTION_LABELS = {
    SUBMIT: _("Submit for review"),
    REQUEST_CHANGES: _("Request changes"),
    APPROVE: _("Approve"),
    PUBLISH: _("Publish"),
    REOPEN: _("Reopen"),
    ARCHIVE: _("Archive"),
    REVISE: _("New revision"),
}
# Actions a person or a CMS asks for; REVISE is taken by the system when a new revision lands.
ACTIONS = (SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, REOPEN, ARCHIVE)

# Roles: AUTHOR is the draft's own writer; CMS is the API client that owns the draft.
AUTHOR, REVIEWER, PUBLISHER, ADMIN, CMS = "author", "reviewer", "publisher", "admin", "cms"
ROLES = (AUTHOR, REVIEWER, PUBLISHER, ADMIN, CMS)

# Django groups that grant the newsroom roles (AUTHOR and CMS come from ownership, not groups).
GROUP_WRITERS, GROUP_REVIEWERS, GROUP_PUBLISHERS = "writers", "reviewers", "publishers"


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    roles: frozenset[str]
    needs_comment: bool = False
    gated: bool = False  # approval gate: latest revision checked, no open error finding (or an override)


def _t(source, action, target, roles, **kw) -> Transition:
    return Transition(source, action, target, frozenset(roles), **kw)


_EDITORS = (AUTHOR, ADMIN, CMS)
# Who may change a draft's text: its writer, the desk (a reviewer or publisher correcting a word themselves,
# as a revision in their own name) and admins.
TEXT_EDITORS = frozenset({AUTHOR, REVIEWER, PUBLISHER, ADMIN, CMS})
_DESK = (REVIEWER, ADMIN)
# Who may suggest a replacement for a passage, which the writer accepts or rejects in one click.
SUGGESTING_ROLES = frozenset({REVIEWER, PUBLISHER, ADMIN})
_PUBLISHING = (PUBLISHER, ADMIN, CMS)
_REOPENING = (REVIEWER, PUBLISHER, ADMIN)

# Published and archived drafts are read-only: no new revision until someone in _REOPENING reopens them, with a
# reason, through ``REOPEN``; the correction then goes through review again.
READ_ONLY_STATUSES = frozenset({PUBLISHED, ARCHIVED})

TRANSITIONS: dict[tuple[str, str], Transition] = {
    (t.source, t.action): t
    for t in [
        _t(DRAFT, SUBMIT, IN_REVIEW, _EDITORS),
        _t(CHANGES_REQUESTED, SUBMIT, IN_REVIEW, _EDITORS),
        _t(IN_REVIEW, REQUEST_CHANGES, CHANGES_REQUESTED, _DESK, needs_comment=True),
        _t(APPROVED, REQUEST_CHANGES, CHANGES_REQUESTED, _DESK, needs_comment=True),
        _t(IN_REVIEW, APPROVE, APPROVED, _DESK, gated=True),
        _t(APPROVED, PUBLISH, PUBLISHED, _PUBLISHING),
        _t(APPROVED, REOPEN, IN_REVIEW, _DESK),
        _t(PUBLISHED, REOPEN, IN_REVIEW, _REOPENING, needs_comment=True),
        _t(ARCHIVED, REOPEN, DRAFT, _REOPENING, needs_comment=True),
        _t(DRAFT, ARCHIVE, ARCHIVED, (PUBLISHER, ADMIN)),
        _t(CHANGES_REQUESTED, ARCHIVE, ARCHIVED, (PUBLISHER, ADMIN)),
        _t(APPROVED, ARCHIVE, ARCHIVED, _PUBLISHING),
        _t(PUBLISHED, ARCHIVE, ARCHIVED, _PUBLISHING),
        # Taken by the system, never offered as a button: a new revision of an approved draft.
        _t(APPROVED, REVISE, IN_REVIEW, TEXT_EDITORS),
    ]
}


class DismissalKind(TextChoices):
    """Why a finding does not apply. Stored on every dismissal; reports count them by kind."""

    FALSE_ALARM = "false_alarm", _("False alarm")
    INTENTIONAL = "intentional", _("Intentional")
    FIXED_ELSEWHERE = "fixed_elsewhere", _("Fixed elsewhere")


# "False alarm" is a complete statement (the check is wrong here). "Intentional" and "fixed elsewhere" are
# claims a reviewer must be able to weigh: their reason text is the justification and needs some words.
DISMISSAL_KINDS_NEEDING_WORDS = frozenset({DismissalKind.INTENTIONAL, DismissalKind.FIXED_ELSEWHERE})
DISMISSAL_REASON_MIN_CHARS = 10
# Whose dismissal of an ``error`` finding clears the approval gate; anyone else's must be overridden by name.
GATE_CLEARING_ROLES = frozenset({REVIEWER, ADMIN})
DISMISSAL_REASON_MAX_CHARS = 2000


def dismissal_needs_words(kind: str) -> bool:
    return kind in DISMISSAL_KINDS_NEEDING_WORDS


# Deleting a draft hides it (soft delete, undone by an admin); its revisions, findings and events stay.
# An admin may delete any draft; its writer or its CMS only while it has not gone further than these statuses.
DELETE, UNDELETE = "delete", "undelete"
OWNER_DELETABLE_STATUSES = frozenset({DRAFT, CHANGES_REQUESTED})
ACTION_LABELS.update({DELETE: _("Deleted"), UNDELETE: _("Restored after deletion")})


def transition_for(status: str, action: str) -> Transition | None:
    return TRANSITIONS.get((status, action))


def may_ever(action: str, roles: frozenset[str] | set[str]) -> bool:
    """Whether these roles may take this action from some status (403 vs 409 for the API)."""
    return any(t.action == action and t.roles & set(roles) for t in TRANSITIONS.values())


def actions_for(status: str, roles: frozenset[str] | set[str]) -> list[Transition]:
    """The transitions these roles may offer from this status, in table order (buttons, API lists)."""
    return [
        t for t in TRANSITIONS.values()
        if t.source == status and t.action in ACTIONS and t.roles & set(roles)
    ]
