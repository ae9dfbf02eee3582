"""Side effects of a write: webhooks to the owning CMS, email to people.

A webhook's delivery row is written inside the write's transaction (so it commits with the change or not at
all) and queued on commit; mail is sent on ``transaction.on_commit``. A rolled-back write notifies nobody.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

log = logging.getLogger(__name__)


def _webhook(event: str, draft, data: dict) -> None:
    """The delivery row is written now, in the caller's transaction (an outbox); it is queued on commit."""
    from editorial import webhooks

    if draft.api_client_id:
        webhooks.emit(event, draft, data)


def status_changed(event) -> None:
    data = {"action": event.action, "from": event.from_status, "to": event.to_status,
            "comment": event.comment, "event_id": event.pk,
            "revision": event.revision.number if event.revision_id else None}
    _webhook("draft.status_changed", event.draft, data)
    author = event.draft.author
    if author and author.email and event.actor_id != author.pk and event.to_status in (
            "changes_requested", "approved", "published"):
        subject = f"[{event.to_status}] {event.draft.title[:80]}"
        _mail(subject, event.comment or subject, [author.email])


def check_run_finished(run) -> None:
    draft = run.revision.draft
    data = {"revision": run.revision.number, "check_run": run.pk, "counts": run.counts}
    _webhook("draft.checked", draft, data)


def comment_added(comment) -> None:
    """Comments are shown on the draft page; no mail, to keep inboxes calm."""


def draft_assigned(draft, assignee, *, by) -> None:
    if assignee.email:
        _mail(f"Draft waiting for your review: {draft.title[:80]}", draft.title, [assignee.email])


def _mail(subject: str, body: str, to: list[str]) -> None:
    def send() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except OSError as exc:  # a mail outage must never fail an editor's action
            log.warning("mail to %s failed: %s", to, exc)

    transaction.on_commit(send)
