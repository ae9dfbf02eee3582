"""Webhook deliveries to a CMS: one signed JSON POST per event, sent by a background worker, retried.

Our ``WebhookDelivery`` row is the source of truth, not the task queue (django-tasks-db has neither retries nor
leases):

- **Outbox.** ``emit`` writes the delivery row inside the transaction of the change that causes it, so the change
  and its webhook commit together or not at all; the task is queued when that transaction commits.
- **Leases.** A task leases the row, sends, records the attempt and either finishes the row or schedules the next
  attempt with exponential back-off. ``sweep`` re-enqueues rows whose worker died (lease expired) or whose task
  never ran (due for longer than the grace period, 30 s: run the sweeper every 15 s and a lost enqueue is picked up
  within a minute). A lost task delays a delivery but never loses it.
- **Per-client isolation.** One attempt is bounded: a short connect timeout and a hard deadline for the whole
  exchange. A receiver that times out, refuses the connection or answers slowly pauses *its own client* for
  ``pause_seconds``: that client's other deliveries are deferred without touching the network, so a dead or slow
  receiver costs the workers one bounded attempt per pause, never one per delivery, and other clients' deliveries
  go out in between.

Receivers drop repeats by the delivery id (``X-Delivery-Id`` header and in the body): a delivery keeps its id
through every attempt, so at-least-once never means "twice under a new id".
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import socket
import ssl
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from editorial.models import ApiClient, WebhookAttempt, WebhookDelivery

log = logging.getLogger(__name__)

# The tunable timings are settings (``EDITORIAL_WEBHOOK_*`` in settings.py, with their defaults and meaning).
SWEEP_EVERY_SECONDS = 15  # how often to run the sweeper (make run, the docs): grace + this stays under a minute
RESPONSE_KEEP = 2000
USER_AGENT = "editorial-webhooks/1"


def retry_delays() -> tuple[float, ...]:
    return tuple(settings.EDITORIAL_WEBHOOK_RETRY_DELAYS)


def max_attempts() -> int:
    return int(settings.EDITORIAL_WEBHOOK_MAX_ATTEMPTS or len(retry_delays()) + 1)


def lease_seconds() -> float:
    return float(settings.EDITORIAL_WEBHOOK_LEASE_SECONDS)


def timeout() -> float:
    return float(settings.EDITORIAL_WEBHOOK_TIMEOUT)


def connect_timeout() -> float:
    return min(float(settings.EDITORIAL_WEBHOOK_CONNECT_TIMEOUT), timeout())


def slow_seconds() -> float:
    return float(settings.EDITORIAL_WEBHOOK_SLOW_SECONDS)


def pause_seconds() -> float:
    return float(settings.EDITORIAL_WEBHOOK_PAUSE_SECONDS)


def sweep_grace_seconds() -> float:
    return float(settings.EDITORIAL_WEBHOOK_SWEEP_GRACE_SECONDS)


def sign(secret: str, body: bytes) -> str:
    """The ``X-Signature`` value: ``sha256=`` and the hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    """What a receiver does (also used by our tests)."""
    return hmac.compare_digest(sign(secret, body), signature or "")


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def emit(event: str, draft, data: dict) -> WebhookDelivery | None:
    """Store one delivery for the draft's CMS in the current transaction (the outbox row); queue it on commit."""
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
    transaction.on_commit(lambda: enqueue(delivery))
    return delivery


def enqueue(delivery: WebhookDelivery, run_after: datetime | None = None) -> bool:
    """Queue a delivery task; if that fails the sweeper picks the row up later."""
    from django.tasks.exceptions import InvalidTask

    queued = deliver_webhook
    if run_after is not None:
        if not queued.get_backend().supports_defer:
            return False  # e.g. the immediate backend: the sweeper sends it when it is due
        queued = queued.using(run_after=run_after)
    try:
        queued.enqueue(delivery.pk)
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

    @property
    def pauses_client(self) -> bool:
        """No answer at all (refused, timed out, cut off) or a slow one: spare the workers this receiver."""
        return self.status_code is None or self.duration_ms > slow_seconds() * 1000


def _exchange(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST once with a connect timeout and a hard deadline for the whole exchange; no redirects followed."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url[:200]}")
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=connect_timeout(),
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=connect_timeout())
    deadline = time.monotonic() + timeout()
    # A receiver that dribbles bytes would reset a per-read timeout forever: cut the socket at the deadline.
    cut = threading.Event()
    watchdog = threading.Timer(timeout(), _cut, args=(conn, cut))
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.connect()
        conn.sock.settimeout(max(0.1, deadline - time.monotonic()))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read(RESPONSE_KEEP).decode("utf-8", "replace")
    finally:
        watchdog.cancel()
        conn.close()
    if cut.is_set():  # what was read before the cut may parse as a complete answer: it is not one
        raise TimeoutError(f"no complete answer within {timeout():g} s")
    return response.status, text


def _cut(conn: http.client.HTTPConnection, cut: threading.Event) -> None:
    cut.set()
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def send(delivery: WebhookDelivery) -> Outcome:
    body = encode(delivery.payload)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Delivery-Id": str(delivery.delivery_id),
        "X-Event": delivery.event,
        "X-Attempt": str(delivery.attempts + 1),
        "X-Signature": sign(delivery.client.webhook_secret, body),
    }
    started = time.perf_counter()
    status, text, error = None, "", ""
    try:
        status, text = _exchange(delivery.url, body, headers)
        if not 200 <= status < 300:
            error = f"HTTP {status}"
    except (OSError, ValueError, http.client.HTTPException) as exc:  # refused, timeout, cut, DNS, TLS, bad URL
        error = f"{type(exc).__name__}: {exc}"[:500]
    return Outcome(status, text, error, round((time.perf_counter() - started) * 1000, 2))


def _pause(client_id: int, now: datetime, outcome: Outcome) -> None:
    until = now + timedelta(seconds=pause_seconds())
    ApiClient.objects.filter(pk=client_id).update(webhook_paused_until=until)
    log.warning("webhooks to client %s paused until %s: %s (%.0f ms)", client_id, until.isoformat(),
                outcome.error or "slow answer", outcome.duration_ms)


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
        if outcome.pauses_client:
            _pause(delivery.client_id, now, outcome)
        elif delivery.client.webhook_paused_until is not None:
            ApiClient.objects.filter(pk=delivery.client_id).update(webhook_paused_until=None)
    if not held:
        log.warning("webhook delivery %s: lease lost while sending; the attempt is logged only", delivery.pk)
    delivery.refresh_from_db()
    if held and delivery.state == WebhookDelivery.PENDING:
        enqueue(delivery, run_after=delivery.next_attempt_at)
    return delivery


def _defer(delivery: WebhookDelivery, until: datetime, paused_until: datetime) -> None:
    """The client is paused: hand the row back, due when the pause ends; no attempt is counted or sent."""
    held = WebhookDelivery.objects.filter(pk=delivery.pk, leased_until=until).update(
        leased_until=None, next_attempt_at=paused_until)
    if held:
        enqueue(delivery, run_after=paused_until)


def deliver(pk: int) -> str:
    """One attempt at one delivery, if it is due and nobody else holds it. Returns what happened."""
    leased = lease(pk)
    if leased is None:
        return "skipped"
    delivery, until = leased
    paused_until = delivery.client.webhook_paused_until
    if paused_until is not None and paused_until > timezone.now():
        _defer(delivery, until, paused_until)
        return "deferred"
    return record(delivery, until, send(delivery)).state


def sweep(grace_seconds: float | None = None) -> int:
    """Re-enqueue pending deliveries whose task was lost: lease expired, or due for longer than the grace."""
    now = timezone.now()
    grace = sweep_grace_seconds() if grace_seconds is None else grace_seconds
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
    """Admin action: send again now (also a delivery that gave up); lifts the client's pause."""
    WebhookDelivery.objects.filter(pk=delivery.pk).exclude(state=WebhookDelivery.DELIVERED).update(
        state=WebhookDelivery.PENDING, next_attempt_at=timezone.now(), leased_until=None)
    ApiClient.objects.filter(pk=delivery.client_id).update(webhook_paused_until=None)
    enqueue(delivery)


@task()
def deliver_webhook(delivery_pk: int) -> str:
    """One attempt at one webhook delivery; the next attempt, if any, is enqueued by the attempt itself."""
    return deliver(delivery_pk)


@task()
def sweep_webhooks() -> int:
    """Re-enqueue deliveries whose task was lost (see ``sweep``)."""
    return sweep()
