"""Webhook deliveries to a CMS: one signed JSON POST per event, sent by a background worker, retried.

Our ``WebhookDelivery`` row is the source of truth, not the task queue (django-tasks-db has neither retries nor
leases): a task leases the row, sends, records the attempt and either finishes the row or schedules the next
attempt with exponential back-off. ``sweep`` re-enqueues rows whose worker died (lease expired) or whose
scheduled task never ran, so a lost task delays a delivery but never loses it. Receivers drop repeats by the
delivery id, which is in the ``X-Delivery-Id`` header and in the body.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from editorial.models import WebhookAttempt, WebhookDelivery

log = logging.getLogger(__name__)

# Seconds to wait after attempt n fails (the last value repeats); give up after MAX_ATTEMPTS.
RETRY_DELAYS = (30, 120, 600, 3600, 6 * 3600, 24 * 3600)
LEASE_SECONDS = 60  # longer than the send timeout, so a live worker never loses its lease
TIMEOUT_SECONDS = 10
SWEEP_GRACE_SECONDS = 300  # a due row untouched this long has lost its task
RESPONSE_KEEP = 2000
USER_AGENT = "editorial-webhooks/1"


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "EDITORIAL_WEBHOOK_RETRY_DELAYS", RETRY_DELAYS))


def max_attempts() -> int:
    return int(getattr(settings, "EDITORIAL_WEBHOOK_MAX_ATTEMPTS", len(retry_delays()) + 1))


def lease_seconds() -> int:
    return int(getattr(settings, "EDITORIAL_WEBHOOK_LEASE_SECONDS", LEASE_SECONDS))


def sign(secret: str, body: bytes) -> str:
    """The ``X-Signature`` value: ``sha256=`` and the hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    """What a receiver does (also used by our tests)."""
    return hmac.compare_digest(sign(secret, body), signature or "")


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def emit(event: str, draft, data: dict) -> WebhookDelivery | None:
    """Store one delivery for the draft's CMS and hand it to a worker (called after the write commits)."""
    client = draft.api_client
    if client is None or not client.is_active or not client.webhook_url:
        return None
    now = timezone.now()
    delivery_id = uuid.uuid4()
    payload = {
        "delivery_id": str(delivery_id), "event": event, "created_at": now.isoformat(),
        "draft": {"id": draft.pk, "external_id": draft.external_id, "status": draft.status,
                  "revision": draft.revision_number},
        "data": data,
    }
    delivery = WebhookDelivery.objects.create(
        client=client, delivery_id=delivery_id, event=event, draft=draft, url=client.webhook_url,
        payload=payload, next_attempt_at=now,
    )
    enqueue(delivery)
    return delivery


def enqueue(delivery: WebhookDelivery, run_after: datetime | None = None) -> bool:
    """Queue a delivery task; if that fails the sweeper picks the row up later."""
    from django.tasks.exceptions import InvalidTask

    from editorial.tasks import deliver_webhook

    task = deliver_webhook
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return False  # e.g. the immediate backend: the sweeper sends it when it is due
        task = task.using(run_after=run_after)
    try:
        task.enqueue(delivery.pk)
    except (DatabaseError, InvalidTask) as exc:
        log.warning("could not enqueue webhook delivery %s: %s", delivery.pk, exc)
        return False
    return True


def due(now: datetime) -> Q:
    return (Q(state=WebhookDelivery.PENDING)
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            & (Q(leased_until__isnull=True) | Q(leased_until__lt=now)))


def lease(pk: int, now: datetime | None = None) -> tuple[WebhookDelivery, datetime] | None:
    """Take the row for this worker until the lease ends, or None if it is not due or someone holds it."""
    now = now or timezone.now()
    until = now + timedelta(seconds=lease_seconds())
    with transaction.atomic():
        rows = WebhookDelivery.objects.filter(due(now), pk=pk)
        if connection.features.has_select_for_update_skip_locked:
            row = rows.select_for_update(skip_locked=True).first()
            if row is None:
                return None
            WebhookDelivery.objects.filter(pk=pk).update(leased_until=until)
        elif not rows.update(leased_until=until):  # SQLite: the conditional update is the lock
            return None
    row = WebhookDelivery.objects.select_related("client").get(pk=pk)
    return row, until


@dataclass
class Outcome:
    status_code: int | None
    response: str
    error: str
    duration_ms: float

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is a failed attempt: we never re-send a signed body elsewhere


def send(delivery: WebhookDelivery) -> Outcome:
    body = encode(delivery.payload)
    request = urllib.request.Request(delivery.url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Delivery-Id": str(delivery.delivery_id),
        "X-Event": delivery.event,
        "X-Attempt": str(delivery.attempts + 1),
        "X-Signature": sign(delivery.client.webhook_secret, body),
    })
    opener = urllib.request.build_opener(_NoRedirect)
    started = time.perf_counter()
    status, text, error = None, "", ""
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status, text = response.status, response.read(RESPONSE_KEEP).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
        text = exc.read(RESPONSE_KEEP).decode("utf-8", "replace") if exc.fp else ""
    except (OSError, ValueError) as exc:  # refused, timeout, DNS, TLS, bad URL
        error = f"{type(exc).__name__}: {exc}"[:500]
    return Outcome(status, text, error, round((time.perf_counter() - started) * 1000, 2))


def record(delivery: WebhookDelivery, until: datetime, outcome: Outcome) -> WebhookDelivery:
    """Log the attempt and move the row on: delivered, failed for good, or due again after a back-off."""
    now = timezone.now()
    number = delivery.attempts + 1
    fields = {"attempts": number, "last_status_code": outcome.status_code, "last_error": outcome.error,
              "last_response": outcome.response, "leased_until": None}
    if outcome.ok:
        fields.update(state=WebhookDelivery.DELIVERED, delivered_at=now, next_attempt_at=None)
    elif number >= max_attempts():
        fields.update(state=WebhookDelivery.FAILED, next_attempt_at=None)
    else:
        delays = retry_delays() or (60,)
        fields["next_attempt_at"] = now + timedelta(seconds=delays[min(number, len(delays)) - 1])
    with transaction.atomic():
        WebhookAttempt.objects.create(delivery=delivery, number=number, status_code=outcome.status_code,
                                      error=outcome.error, response=outcome.response,
                                      duration_ms=outcome.duration_ms)
        held = WebhookDelivery.objects.filter(pk=delivery.pk, leased_until=until).update(**fields)
    if not held:
        log.warning("webhook delivery %s: lease lost while sending; the attempt is logged only", delivery.pk)
    delivery.refresh_from_db()
    if held and delivery.state == WebhookDelivery.PENDING:
        enqueue(delivery, run_after=delivery.next_attempt_at)
    return delivery


def deliver(pk: int) -> str:
    """One attempt at one delivery, if it is due and nobody else holds it. Returns what happened."""
    leased = lease(pk)
    if leased is None:
        return "skipped"
    delivery, until = leased
    return record(delivery, until, send(delivery)).state


def sweep(grace_seconds: int | None = None) -> int:
    """Re-enqueue pending deliveries whose task was lost: lease expired, or due for longer than the grace."""
    now = timezone.now()
    grace = SWEEP_GRACE_SECONDS if grace_seconds is None else grace_seconds
    stale = WebhookDelivery.objects.filter(due(now)).filter(
        Q(leased_until__isnull=False) | Q(next_attempt_at__isnull=True)
        | Q(next_attempt_at__lte=now - timedelta(seconds=grace))
    )
    count = 0
    for delivery in stale.order_by("next_attempt_at")[:1000]:
        # Touch the row so the next sweep leaves it alone for another grace period.
        if WebhookDelivery.objects.filter(due(now), pk=delivery.pk).update(next_attempt_at=now, leased_until=None):
            count += enqueue(delivery)
    return count


def retry_now(delivery: WebhookDelivery) -> None:
    """Admin action: send again now (also a delivery that gave up)."""
    WebhookDelivery.objects.filter(pk=delivery.pk).exclude(state=WebhookDelivery.DELIVERED).update(
        state=WebhookDelivery.PENDING, next_attempt_at=timezone.now(), leased_until=None)
    enqueue(delivery)
