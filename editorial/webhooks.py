"""Webhook deliveries to a CMS (completed by the API work: signing, sending, retry, lease)."""

from __future__ import annotations

from editorial.models import WebhookDelivery


def emit(event: str, draft, data: dict) -> WebhookDelivery | None:
    client = draft.api_client
    if client is None or not client.is_active or not client.webhook_url:
        return None
    payload = {"event": event, "draft": {"id": draft.pk, "external_id": draft.external_id,
                                         "status": draft.status}, "data": data}
    return WebhookDelivery.objects.create(client=client, event=event, draft=draft, url=client.webhook_url,
                                          payload=payload)
