"""The review workflow's one home: statuses, actions, who may take them, the gate, and every policy answer.

One table maps (status, action) to the next status and the roles allowed to act. ``roles_for`` says which roles a
person or a CMS holds on a draft; the ``can_*`` answers and the approval gate are read from the table and those
roles; ``available_actions(draft, actor, state)`` answers, for every action, whether it is allowed, blocked (and by
which findings), and whether it needs a comment or an override. The desk's buttons, the API's ``actions`` and the
transition service (``services.draft_transition``, through ``refusal``) all take that one answer.
No queries of its own: a user's groups are read once per request user; findings come in as ``state``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.errors import (
    CommentRequired,
    GateBlocked,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    ServiceError,
)

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


# --- who holds which role ------------------------------------------------------------------------------------

def _group_names(user) -> frozenset[str]:
    """The user's group names, read once per user object (a request's user lives for one request)."""
    names = getattr(user, "_editorial_groups", None)
    if names is None:
        names = user._editorial_groups = frozenset(user.groups.values_list("name", flat=True))
    return names


def user_roles(user) -> frozenset[str]:
    """Newsroom roles from groups; superusers and the ``admins`` group are admins."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    groups = _group_names(user)
    roles = set()
    if user.is_superuser or "admins" in groups:
        roles.add(ADMIN)
    if GROUP_REVIEWERS in groups:
        roles.add(REVIEWER)
    if GROUP_PUBLISHERS in groups:
        roles.add(PUBLISHER)
    return frozenset(roles)


def is_newsroom_member(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_group_names(user))


def roles_for(draft, *, user=None, client=None) -> frozenset[str]:
    """The roles a person or a CMS holds on this draft (AUTHOR and CMS come from ownership)."""
    if client is not None:
        return frozenset({CMS}) if draft.api_client_id == client.pk else frozenset()
    roles = set(user_roles(user))
    if user is not None and user.is_authenticated and draft.author_id == user.pk:
        roles.add(AUTHOR)
    return frozenset(roles)


# --- what they may do ------------------------------------------------------------------------------------------

def is_editor(draft, *, user=None, client=None) -> bool:
    """Whether this person or CMS may write the draft's text at all: its writer, its CMS, an admin, and the desk
    (a reviewer or publisher correcting a word themselves, as a revision in their own name)."""
    return bool(roles_for(draft, user=user, client=client) & TEXT_EDITORS)


def can_edit(draft, *, user=None, client=None) -> bool:
    """Whether they may save a new revision now (published and archived drafts are read-only)."""
    return draft.status not in READ_ONLY_STATUSES and is_editor(draft, user=user, client=client)


def can_delete(draft, *, user=None, client=None) -> bool:
    """Admins delete any draft; its writer or CMS only before it went further than ``OWNER_DELETABLE_STATUSES``."""
    roles = roles_for(draft, user=user, client=client)
    if ADMIN in roles:
        return True
    return bool(roles & {AUTHOR, CMS}) and draft.status in OWNER_DELETABLE_STATUSES


DISMISSING_ROLES = frozenset({AUTHOR, REVIEWER, ADMIN, CMS})


def can_dismiss(draft, *, user=None, client=None) -> bool:
    return bool(roles_for(draft, user=user, client=client) & DISMISSING_ROLES)


def can_suggest(draft, *, user=None) -> bool:
    """Whether this person may propose a replacement for a passage (``SUGGESTING_ROLES``)."""
    return bool(roles_for(draft, user=user) & SUGGESTING_ROLES)


def clears_gate(draft, *, user=None, client=None) -> bool:
    """Whether this person's dismissal of an error clears the approval gate (``GATE_CLEARING_ROLES``)."""
    return bool(roles_for(draft, user=user, client=client) & GATE_CLEARING_ROLES)


REVIEWING_ROLES = frozenset({REVIEWER, ADMIN})
PUBLISHING_ROLES = frozenset({PUBLISHER, ADMIN})


def reviews(user) -> bool:
    """A reviewer (or an admin): takes reviews, may be assigned one, sees unassigned reviews as waiting."""
    return bool(user_roles(user) & REVIEWING_ROLES)


def publishes(user) -> bool:
    """A publisher (or an admin): approved drafts wait for them; the reports are theirs."""
    return bool(user_roles(user) & PUBLISHING_ROLES)


def can_override(user) -> bool:
    """Whether this person may approve over the gate, with a reason (the ``override_gate`` permission)."""
    return bool(user is not None and user.is_authenticated and user.has_perm("editorial.override_gate"))


# --- the approval gate -------------------------------------------------------------------------------------------

def blocks_gate(severity: str, dismissal) -> bool:
    """Whether a finding in this state blocks approval: an ``error`` that is open, or that only someone
    outside ``GATE_CLEARING_ROLES`` (its author, a CMS) dismissed."""
    return severity == "error" and (dismissal is None or not dismissal.by_reviewer)


def gate_blockers(rows: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The ``(finding, dismissal)`` pairs (``selectors.findings_with_state``) that block the approval gate."""
    return [(f, d) for f, d in rows if blocks_gate(f.severity, d)]


# --- every action, answered once ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    """One action on one draft for one actor: the desk's button, the API's ``actions`` entry, the service's verdict."""

    action: str
    allowed: bool  # the actor's roles may take it from the draft's status
    target: str | None = None
    needs_comment: bool = False
    gated: bool = False
    unchecked: bool = False  # gated, and the latest revision has no check yet
    blockers: tuple = field(default=())  # gated: the (finding, dismissal) pairs that block it
    may_override: bool = False  # gated: this actor may approve over the blockers with a reason
    ever: bool = False  # the actor's roles may take this action from some status

    @property
    def blocked(self) -> bool:
        return self.gated and (self.unchecked or bool(self.blockers))

    @property
    def needs_override(self) -> bool:
        """Possible only with an override reason (blocked by findings, and this actor may override)."""
        return self.blocked and not self.unchecked and self.may_override

    @property
    def label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


def _actor(actor) -> dict:
    """``user=`` or ``client=``: an actor is a person (a user) or a CMS (an ``ApiClient``)."""
    return {"client": actor} if type(actor).__name__ == "ApiClient" else {"user": actor}


def answer(draft, action: str, actor, state: tuple) -> Answer:
    """``state``: ``(run, rows)`` as ``selectors.findings_with_state`` reads them (the latest check and its
    findings with their dismissals)."""
    roles = roles_for(draft, **_actor(actor))
    t = transition_for(draft.status, action)
    ever = may_ever(action, roles)
    if t is None or not t.roles & roles:
        return Answer(action, False, ever=ever)
    run, rows = state
    user = _actor(actor).get("user")
    return Answer(action, True, t.target, t.needs_comment, t.gated, unchecked=t.gated and run is None,
                  blockers=tuple(gate_blockers(rows)) if t.gated else (),
                  may_override=t.gated and can_override(user), ever=True)


def available_actions(draft, actor, state: tuple) -> list[Answer]:
    """Every action a person or a CMS asks for (``ACTIONS``), answered for this draft and actor."""
    return [answer(draft, action, actor, state) for action in ACTIONS]


def refusal(a: Answer, draft, *, comment: str, override_reason: str, summary) -> ServiceError | None:
    """Why the service must refuse this action (None: go ahead), from the answer the buttons were drawn from.
    ``summary(finding, dismissal)``: how a blocking finding is named in a ``gate_blocked`` refusal."""
    if a.action not in ACTIONS and a.action != REVISE:
        return InvalidInput(gettext("Unknown action: %(a)s") % {"a": a.action[:50]}, field="action")
    if not a.allowed:
        if not a.ever:
            return NotAllowed(gettext("You may not %(a)s drafts.") % {"a": a.action})
        if transition_for(draft.status, a.action) is not None:
            return NotAllowed(gettext("You may not %(a)s this draft.") % {"a": a.action})
        return InvalidTransition(
            gettext("A draft that is %(s)s cannot be sent to %(a)s.") % {"s": draft.get_status_display(),
                                                                            "a": a.action},
            status=draft.status)
    if a.needs_comment and not comment:
        return CommentRequired(gettext("Say what needs to change: a comment is required."), field="comment")
    if a.unchecked:
        return GateBlocked(gettext("The latest revision has not been checked yet."), findings=[])
    if a.blocked and not (override_reason and a.may_override):
        open_n = sum(1 for _f, d in a.blockers if d is None)
        detail = gettext("%(n)d error finding(s) block approval.") % {"n": len(a.blockers)}
        if open_n < len(a.blockers):
            detail += " " + gettext("%(n)d of them were dismissed without a reviewer: approving over them is an "
                                    "override.") % {"n": len(a.blockers) - open_n}
        if override_reason:
            detail += " " + gettext("You may not override the gate.")
        return GateBlocked(detail, findings=[summary(f, d) for f, d in a.blockers])
    return None
