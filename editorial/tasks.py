"""Background tasks (Django's tasks framework; ``python manage.py db_worker`` runs them)."""

from __future__ import annotations

from django.tasks import task

from editorial import webhooks


@task()
def deliver_webhook(delivery_pk: int) -> str:
    """One attempt at one webhook delivery; the next attempt, if any, is enqueued by the attempt itself."""
    return webhooks.deliver(delivery_pk)


@task()
def sweep_webhooks() -> int:
    """Re-enqueue deliveries whose task was lost (see ``webhooks.sweep``)."""
    return webhooks.sweep()


@task()
def index_revision(revision_pk: int) -> int:
    """Add a new revision's paragraphs to the archive index and flag the ones other drafts already carry."""
    from editorial import archive

    return archive.index_revision(revision_pk)


@task()
def recheck_drafts(draft_pks: list[int]) -> int:
    """Re-run the checks on the latest revision of each draft (after a rule change); returns how many ran."""
    from editorial import services
    from editorial.models import Draft

    done = 0
    for draft in Draft.objects.filter(pk__in=draft_pks):
        if services.draft_rerun_checks(draft=draft) is not None:
            done += 1
    return done
