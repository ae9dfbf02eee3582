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
