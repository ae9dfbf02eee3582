"""Side effects of a write: webhooks to the owning CMS, email to people.

A webhook's delivery row is written inside the write's transaction (so it commits with the change or not at
all) and queued on commit; mail is sent on ``transaction.on_commit``. A rolled-back write notifies nobody.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
_muted = False


@contextmanager
def muted():
    """No e-mail inside this block (seeding demo data); webhooks still go out."""
    global _muted
    before, _muted = _muted, True
    try:
        yield
    finally:
        _muted = before


def preferred_language(user) -> str:
    """The language the person picked (``UserPreferences``), or "" when they have not."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return user.preferences.language
    except (ObjectDoesNotExist, AttributeError):
        return ""


def _language(user) -> str:
    """The recipient's language: the one they picked, else the newsroom's."""
    return preferred_language(user) or settings.LANGUAGE_CODE


def _link(draft) -> str:
    return settings.EDITORIAL_SITE_URL.rstrip("/") + reverse("editorial:draft", args=[draft.pk])


def _name(user) -> str:
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()


# What a status change means to the writer, in words (subject line and first sentence).
def _status_lines(event) -> tuple[str, str]:
    from editorial import review

    title = event.draft.title[:80]
    who = _name(event.actor) if event.actor_id else _("API: %(name)s") % {"name": event.api_client}
    status = str(dict(review.STATUS_CHOICES).get(event.to_status, event.to_status))
    subjects = {
        review.CHANGES_REQUESTED: _("Changes requested: «%(title)s»"),
        review.APPROVED: _("Approved: «%(title)s»"),
        review.PUBLISHED: _("Published: «%(title)s»"),
    }
    subject = subjects.get(event.to_status, _("«%(title)s» is now %(status)s")) % {"title": title, "status": status}
    first = _("%(who)s changed the status of «%(title)s» to “%(status)s”.") % {
        "who": who, "title": title, "status": status}
    return subject, first


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
        with translation.override(_language(author)):
            subject, first = _status_lines(event)
            lines = [first]
            if event.comment:
                lines += ["", _("Comment:"), event.comment]
            if event.override_reason:
                lines += ["", _("Approved over open errors. Reason:"), event.override_reason]
            lines += ["", _("Open the draft: %(link)s") % {"link": _link(event.draft)}]
            _mail(subject, "\n".join(lines), [author.email])


def check_run_finished(run) -> None:
    draft = run.revision.draft
    data = {"revision": run.revision.number, "check_run": run.pk, "counts": run.counts}
    _webhook("draft.checked", draft, data)


def comment_added(comment) -> None:
    """Comments are shown on the draft page; no mail, to keep inboxes calm."""


def draft_assigned(draft, assignee, *, by) -> None:
    if not assignee.email or (by is not None and getattr(by, "pk", None) == assignee.pk):
        return
    with translation.override(_language(assignee)):
        subject = _("Waiting for your review: «%(title)s»") % {"title": draft.title[:80]}
        body = "\n".join([
            _("%(who)s asked you to review «%(title)s».") % {"who": _name(by), "title": draft.title[:200]},
            "",
            _("Open the draft: %(link)s") % {"link": _link(draft)},
        ])
        _mail(subject, body, [assignee.email])


def _mail(subject: str, body: str, to: list[str]) -> None:
    """Send after the commit; any failure (no server, refused, bad settings, a bug in a backend) is logged
    and swallowed: the action it reports has already happened and must not answer an error."""
    if _muted:
        return

    def send() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except Exception as exc:  # noqa: BLE001 - a mail outage must never fail an editor's action
            log.warning("mail to %s failed (%s): %s", to, type(exc).__name__, exc)

    transaction.on_commit(send, robust=True)
