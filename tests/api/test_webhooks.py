"""Webhooks end to end: a real local receiver, the real db_worker, signing, back-off, recording, recovery."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from editorial import services, webhooks
from editorial.models import ApiClient, WebhookAttempt, WebhookDelivery

from .conftest import BODY, TITLE

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits and reconnects like a real one
SECRET = "s3cret-ﺳﺮ"


class Receiver:
    """An HTTP server on 127.0.0.1 that records what it gets and answers the scripted statuses in turn."""

    def __init__(self, statuses=(200,)):
        self.statuses = list(statuses)  # 0: never answer (until closed)
        self.requests: list[dict] = []
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body, "path": self.path})
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                if status == 0:
                    receiver.release.wait(30)
                    return
                self.send_response(status)
                self.end_headers()
                self.wfile.write(f"answer {status}".encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(*statuses):
        r = Receiver(statuses or (200,))
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


@pytest.fixture(autouse=True)
def _database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EDITORIAL_WEBHOOK_RETRY_DELAYS = (30, 120, 600)


def run_worker() -> None:
    """The real db_worker, in this process, for one batch of whatever is due."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload",
                 "--worker-id", "test-worker", verbosity=0, stdout=StringIO())


def fast_forward() -> None:
    """Pretend the back-off has passed: scheduled tasks and deliveries become due now."""
    past = timezone.now() - timedelta(seconds=1)
    DBTaskResult.objects.filter(status="READY").update(run_after=past)
    WebhookDelivery.objects.filter(state="pending").update(next_attempt_at=past)


def _client(url: str) -> ApiClient:
    return ApiClient.objects.create(name="cms-hooks", webhook_url=url, webhook_secret=SECRET)


def _emit(client: ApiClient, event="draft.status_changed") -> WebhookDelivery:
    draft = services.draft_create(title=TITLE, body_text=BODY, client=client, external_id="w1")
    WebhookDelivery.objects.all().delete()  # the check run's own event: these tests follow one delivery
    DBTaskResult.objects.all().delete()
    return webhooks.emit(event, draft, {"action": "submit", "from": "draft", "to": "in_review"})


def test_the_signature_is_the_hex_hmac_sha256_of_the_raw_body():
    body = b'{"a":1}'
    expected = "sha256=" + hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert webhooks.sign("k", body) == expected
    assert webhooks.verify("k", body, expected) and not webhooks.verify("k", body + b" ", expected)


def test_status_changes_and_check_runs_reach_the_cms_signed_through_the_worker(
        receiver, cms_a, api_client_a, django_capture_on_commit_callbacks):
    hook = receiver(200)
    ApiClient.objects.filter(pk=api_client_a.pk).update(webhook_url=hook.url, webhook_secret=SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        draft_id = cms_a.post("/api/v1/drafts/", {"external_id": "x", "title": TITLE, "body": BODY},
                              format="json").json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        cms_a.post(f"/api/v1/drafts/{draft_id}/transitions/", {"action": "submit"}, format="json")
    assert hook.requests == []  # the requests only queued the deliveries; nobody waited on the CMS
    run_worker()
    events = [json.loads(r["body"])["event"] for r in hook.requests]
    assert sorted(events) == ["draft.checked", "draft.status_changed"]
    for request in hook.requests:
        body, headers = request["body"], request["headers"]
        assert webhooks.verify(SECRET, body, headers["X-Signature"])
        payload = json.loads(body)
        assert headers["X-Delivery-Id"] == payload["delivery_id"] and payload["draft"]["id"] == draft_id
        assert headers["Content-Type"].startswith("application/json")
    status_event = next(json.loads(r["body"]) for r in hook.requests if b"status_changed" in r["body"])
    assert status_event["data"]["to"] == "in_review" and status_event["draft"]["status"] == "in_review"
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {"delivered"}
    assert list(WebhookAttempt.objects.values_list("status_code", flat=True)) == [200, 200]


def test_failures_are_retried_with_exponential_back_off_and_every_attempt_recorded(receiver):
    hook = receiver(500, 503, 200)
    delivery = _emit(_client(hook.url))
    before = timezone.now()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert timedelta(seconds=25) < delivery.next_attempt_at - before < timedelta(seconds=40)
    queued = DBTaskResult.objects.get(status="READY")
    assert abs((queued.run_after - delivery.next_attempt_at).total_seconds()) < 1

    run_worker()  # not due yet: nothing is sent
    assert len(hook.requests) == 1

    fast_forward()
    before = timezone.now()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code) == (2, 503)
    assert timedelta(seconds=115) < delivery.next_attempt_at - before < timedelta(seconds=130)

    fast_forward()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.delivered_at is not None) == ("delivered", 3, True)
    attempts = list(delivery.attempt_log.values_list("number", "status_code", "response"))
    assert attempts == [(1, 500, "answer 500"), (2, 503, "answer 503"), (3, 200, "answer 200")]
    ids = {r["headers"]["X-Delivery-Id"] for r in hook.requests}
    assert ids == {str(delivery.delivery_id)}  # the same id every time: the receiver can drop repeats


def test_it_gives_up_after_the_last_attempt(receiver, settings):
    settings.EDITORIAL_WEBHOOK_MAX_ATTEMPTS = 2
    hook = receiver(500)
    delivery = _emit(_client(hook.url))
    run_worker()
    fast_forward()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.next_attempt_at) == ("failed", 2, None)
    assert not DBTaskResult.objects.filter(status="READY").exists()
    fast_forward()
    run_worker()
    assert len(hook.requests) == 2


def test_a_dead_worker_is_recovered_once_its_lease_expires(receiver):
    hook = receiver(200)
    delivery = _emit(_client(hook.url))
    DBTaskResult.objects.all().delete()  # the task was claimed by a worker that then died
    leased = webhooks.lease(delivery.pk)
    assert leased is not None
    assert webhooks.deliver(delivery.pk) == "skipped"  # nobody else may send while the lease holds
    assert webhooks.sweep(grace_seconds=0) == 0

    WebhookDelivery.objects.filter(pk=delivery.pk).update(leased_until=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    call_command("deliver_webhooks", "--sweep", "--grace", "0", stdout=out)
    assert "re-enqueued 1" in out.getvalue()
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered" and len(hook.requests) == 1


def test_a_lost_task_is_re_enqueued_by_the_sweeper_after_the_grace_period(receiver):
    hook = receiver(200)
    delivery = _emit(_client(hook.url))
    DBTaskResult.objects.all().delete()  # e.g. the queue insert failed
    assert webhooks.sweep() == 0  # still within the grace period
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - timedelta(hours=1))
    assert webhooks.sweep() == 1
    assert webhooks.sweep() == 0  # touched: not re-enqueued again until another grace period passes
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered" and len(hook.requests) == 1


def test_a_duplicate_task_sends_nothing_twice(receiver):
    hook = receiver(200)
    delivery = _emit(_client(hook.url))
    webhooks.enqueue(delivery)
    run_worker()
    assert len(hook.requests) == 1 and delivery.attempt_log.count() == 1


@pytest.mark.parametrize("url_kind", ["refused", "redirect"])
def test_an_unreachable_or_redirecting_cms_is_a_failed_attempt(receiver, url_kind):
    if url_kind == "redirect":
        url = receiver(302).url
    else:
        probe = receiver(200)
        url = probe.url
        probe.close()
    delivery = _emit(_client(url))
    run_worker()
    delivery.refresh_from_db()
    attempt = delivery.attempt_log.get()
    assert delivery.state == "pending" and delivery.attempts == 1
    if url_kind == "redirect":
        assert attempt.status_code == 302
    else:
        assert attempt.status_code is None and attempt.error


def test_the_deliver_now_command_sends_due_deliveries_without_a_worker(receiver):
    hook = receiver(200)
    delivery = _emit(_client(hook.url))
    out = StringIO()
    call_command("deliver_webhooks", "--now", stdout=out)
    delivery.refresh_from_db()
    assert delivery.state == "delivered" and "sent 1" in out.getvalue()


def test_retry_now_sends_a_delivery_that_gave_up_again(receiver, settings):
    settings.EDITORIAL_WEBHOOK_MAX_ATTEMPTS = 1
    hook = receiver(500, 200)
    delivery = _emit(_client(hook.url))
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "failed"
    webhooks.retry_now(delivery)
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered"


def test_no_delivery_for_a_client_without_a_url_or_an_inactive_one(api_client_a):
    draft = services.draft_create(title=TITLE, body_text=BODY, client=api_client_a)
    assert webhooks.emit("draft.checked", draft, {}) is None
    ApiClient.objects.filter(pk=api_client_a.pk).update(webhook_url="http://127.0.0.1:9/", is_active=False)
    draft.api_client.refresh_from_db()
    assert webhooks.emit("draft.checked", draft, {}) is None


def test_with_the_immediate_backend_a_failed_delivery_waits_for_the_sweeper(receiver, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    hook = receiver(500, 500, 200)  # the first 500 goes to the draft's own check event
    delivery = _emit(_client(hook.url))
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.state == "pending"  # sent at once, no deferred retry
    fast_forward()
    webhooks.sweep(grace_seconds=0)
    delivery.refresh_from_db()
    assert delivery.state == "delivered"


# --- outbox, lost enqueue, per-client isolation (issue 9) ------------------------------------------------------

def test_the_delivery_row_is_written_in_the_transaction_of_the_change(receiver, api_client_a):
    from django.db import transaction

    hook = receiver(200)
    ApiClient.objects.filter(pk=api_client_a.pk).update(webhook_url=hook.url, webhook_secret=SECRET)
    api_client_a.refresh_from_db()
    draft = services.draft_create(title=TITLE, body_text=BODY, client=api_client_a, external_id="o1")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.draft_transition(draft=draft, action="submit", client=api_client_a)
        assert WebhookDelivery.objects.filter(event="draft.status_changed").exists()  # the outbox row, uncommitted
        raise RuntimeError("the request dies before commit")
    assert not WebhookDelivery.objects.filter(event="draft.status_changed").exists()  # gone with the change
    services.draft_transition(draft=draft, action="submit", client=api_client_a)
    assert WebhookDelivery.objects.filter(event="draft.status_changed").count() == 1


def test_a_lost_enqueue_is_picked_up_within_a_minute(receiver, monkeypatch):
    hook = receiver(200)
    client = _client(hook.url)
    monkeypatch.setattr(webhooks, "enqueue", lambda *a, **k: False)  # the process dies after commit
    draft = services.draft_create(title=TITLE, body_text=BODY, client=client, external_id="lost")
    monkeypatch.undo()
    (delivery,) = WebhookDelivery.objects.filter(draft=draft)
    queued = DBTaskResult.objects.filter(task_path__endswith="deliver_webhook")
    assert not queued.exists() and delivery.state == "pending"  # committed, never queued
    grace = webhooks.sweep_grace_seconds()
    assert webhooks.sweep() == 0  # just committed: its task may still be on the way
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=grace + 1))
    assert webhooks.sweep() == 1
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered" and len(hook.requests) == 1
    # The sweeper runs every SWEEP_EVERY_SECONDS (make run, docs): grace + one interval stays within a minute.
    assert grace + webhooks.SWEEP_EVERY_SECONDS <= 60
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert f"deliver_webhooks --sweep --loop {webhooks.SWEEP_EVERY_SECONDS}" in makefile


def test_a_receiver_that_hangs_pauses_only_its_own_client(receiver, settings):
    settings.EDITORIAL_WEBHOOK_TIMEOUT = 0.5
    slow_hook, ok_hook = receiver(0), receiver(200)  # 0: never answers
    slow = ApiClient.objects.create(name="slow", webhook_url=slow_hook.url, webhook_secret=SECRET)
    fine = ApiClient.objects.create(name="fine", webhook_url=ok_hook.url, webhook_secret=SECRET)
    for n in range(3):
        services.draft_create(title=TITLE, body_text=f"{BODY} {n}", client=slow, external_id=f"s{n}")
    services.draft_create(title=TITLE, body_text=BODY, client=fine, external_id="f")
    run_worker()
    slow.refresh_from_db()
    rows = list(WebhookDelivery.objects.filter(client=slow))
    assert sum(d.attempts for d in rows) == 1 and slow.webhook_paused_until is not None
    attempt = WebhookAttempt.objects.get(delivery__client=slow)
    assert attempt.status_code is None and attempt.error
    deferred = [d for d in rows if d.attempts == 0]
    assert len(deferred) == 2 and all(d.next_attempt_at == slow.webhook_paused_until for d in deferred)
    assert all(d.state == "pending" for d in rows)
    assert WebhookDelivery.objects.get(client=fine).state == "delivered" and len(ok_hook.requests) == 1
    fine.refresh_from_db()
    assert fine.webhook_paused_until is None


def test_a_500_does_not_pause_the_client_and_retry_now_lifts_a_pause(receiver):
    hook = receiver(500, 200)
    delivery = _emit(_client(hook.url))
    run_worker()
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.client.webhook_paused_until is None
    ApiClient.objects.filter(pk=delivery.client_id).update(webhook_paused_until=timezone.now() + timedelta(hours=1))
    webhooks.retry_now(delivery)
    run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "delivered"


def test_a_receiver_that_dribbles_is_cut_at_the_deadline(settings):
    """Bytes every 0.2 s reset a per-read timeout forever; the attempt's deadline still ends it."""
    import socket
    import time

    settings.EDITORIAL_WEBHOOK_TIMEOUT = 1
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def dribble():
        conn, _addr = server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while not stop.is_set():
            try:
                conn.sendall(b"X-Slow: 1\r\n")
            except OSError:
                break
            time.sleep(0.2)
        conn.close()

    threading.Thread(target=dribble, daemon=True).start()
    client = ApiClient(name="dribble", webhook_url=f"http://127.0.0.1:{server.getsockname()[1]}/",
                       webhook_secret="k")
    delivery = WebhookDelivery(client=client, event="e", url=client.webhook_url, payload={"a": 1})
    outcome = webhooks.send(delivery)
    stop.set()
    server.close()
    assert outcome.status_code is None and outcome.error and outcome.pauses_client
