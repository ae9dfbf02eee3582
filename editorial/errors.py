"""Refusals that explain themselves: every service error carries its stable ``code`` and its HTTP status.

The services raise these; the API (``api.exceptions``) and the desk (``web.actions``, ``web.drafts``) answer with
``exc.code`` and ``exc.http_status`` as they are: nothing maps them again. ``extra`` holds what a client needs to
act on the refusal (``field``, the blocking ``findings``, ``current_revision``...), shown in the API's error body.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal with a stable ``code`` for the API, an HTTP status, and a message for people."""

    code = "error"
    http_status = 400

    def __init__(self, detail: str, **extra) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class InvalidInput(ServiceError):
    code = "invalid"


class TooLarge(InvalidInput):
    """More text than the newsroom stores or checks at once (``settings.MAX_DRAFT_CHARS``, the markup limits)."""

    code = "too_large"
    http_status = 413


class CommentRequired(ServiceError):
    code = "comment_required"


class NotAllowed(ServiceError):
    code = "not_allowed"
    http_status = 403


class StateConflict(ServiceError):
    """Refused because of the draft's state, not the request's form (409): ``code`` says which state."""

    http_status = 409


class InvalidTransition(StateConflict):
    """Not from this status (``status`` in the body says which it is)."""

    code = "invalid_transition"


class GateBlocked(StateConflict):
    """Approval refused over error findings (``findings``) or an unchecked revision."""

    code = "gate_blocked"


class Conflict(StateConflict):
    code = "conflict"


class RevisionConflict(StateConflict):
    """The edit was made on an older revision than the current one (``current_revision`` says which)."""

    code = "revision_conflict"


class ReadOnly(StateConflict):
    """Published and archived drafts take no new revision until reopened."""

    code = "read_only"


class Deleted(StateConflict):
    """The draft was deleted (hidden); only an admin's undo brings it back."""

    code = "deleted"


ERRORS = (InvalidInput, TooLarge, CommentRequired, NotAllowed, InvalidTransition, GateBlocked, Conflict,
          RevisionConflict, ReadOnly, Deleted)
