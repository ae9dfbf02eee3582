"""Background tasks (Django's tasks framework; ``python manage.py db_worker`` runs them).

A task lives beside the work it does when that module also enqueues it (so no module and its tasks import each
other): the webhook tasks in ``webhooks``, ``recheck_drafts`` in ``services``. They are named here too, so the
worker still finds a task queued under its old path (``editorial.tasks.deliver_webhook``).
"""

from __future__ import annotations

from django.tasks import task

from editorial.webhooks import deliver_webhook, sweep_webhooks

__all__ = ["deliver_webhook", "index_revision", "sweep_webhooks"]


@task()
def index_revision(revision_pk: int) -> int:
    """Add a new revision's paragraphs to the archive index and flag the ones other drafts already carry."""
    from editorial import archive

    return archive.index_revision(revision_pk)
