"""Webhooks with real processes (issue 9): the ``db_worker`` and the sweeper run as separate processes against
the test database, and CMS receivers are real HTTP servers on 127.0.0.1 (in this project's port range).

A receiver that hangs, one that answers 500 and one that is down do not hold up another client's delivery; a
worker killed mid-delivery loses nothing; the sweeper outlives terminated database backends. Assertions are on
counts and order, never on wall-clock time; ``wait_for`` only bounds how long a broken build can hang.

These need a database another process can open, so they run on PostgreSQL (the SQLite test database is in
memory); the same rules are tested in-process on both databases in ``test_webhooks.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from editorial import services
from editorial.models import ApiClient, Draft, WebhookDelivery

from .conftest import BODY, TITLE

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="worker processes need a database they can share (PostgreSQL)"),
]
ROOT = Path(__file__).resolve().parents[2]
SECRET = "process-secret"
PORTS = range(8500, 8600)  # this helper's port range


def _free_port(taken: set[int]) -> int:
    import socket

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    half = int(worker[2:] or 0) % 2 if worker.startswith("gw") else 0
    for port in PORTS[half * 50:(half + 1) * 50]:
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise RuntimeError("no free port in 8500-8599")


class Receiver:
    """A CMS endpoint. ``mode``: "ok" (200), "error" (500) or "hang" (answers only when released)."""

    arrivals: ClassVar[list[tuple[str, str]]] = []  # (receiver name, delivery id) in arrival order, all receivers

    def __init__(self, name: str, port: int, mode: str = "ok"):
        self.name, self.port, self.mode = name, port, mode
        self.requests: list[dict] = []
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                delivery_id = self.headers["X-Delivery-Id"]
                receiver.requests.append({"id": delivery_id, "attempt": self.headers["X-Attempt"]})
                Receiver.arrivals.append((receiver.name, delivery_id))
                mode = receiver.mode
                if mode == "hang":
                    receiver.release.wait(120)
                    mode = "ok"
                try:
                    self.send_response(500 if mode == "error" else 200)
                    self.end_headers()
                except OSError:
                    pass  # the sender gave up (deadline) or died

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass

        self.server = Server(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def ids(self) -> set[str]:
        return {r["id"] for r in self.requests}

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def world(tmp_path, settings):
    """Receivers, worker and sweeper processes; everything is stopped (by its own handle) at the end."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Receiver.arrivals = []
    taken: set[int] = set()
    made: list = []
    procs: list[subprocess.Popen] = []

    class World:
        def port(self) -> int:
            return _free_port(taken)

        def receiver(self, name, mode="ok", port=None) -> Receiver:
            r = Receiver(name, port or self.port(), mode)
            made.append(r)
            return r

        def client(self, name: str, url: str) -> ApiClient:
            return ApiClient.objects.create(name=name, webhook_url=url, webhook_secret=SECRET)

        def process(self, *args, **env) -> subprocess.Popen:
            environ = {**os.environ, "DATABASE_URL": _database_url(),
                       "TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "PYTHONUNBUFFERED": "1",
                       **{f"EDITORIAL_WEBHOOK_{k.upper()}": str(v) for k, v in env.items()}}
            log = open(tmp_path / f"proc{len(procs)}.log", "w")  # noqa: SIM115 (closed with the process)
            proc = subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=environ, stdout=log,
                                    stderr=subprocess.STDOUT)
            proc.log_path = log.name
            procs.append(proc)
            return proc

        def worker(self, **env) -> subprocess.Popen:
            return self.process("db_worker", "--no-reload", "--interval", "0.2", "--no-startup-delay",
                                "--worker-id", f"w{len(procs)}", **env)

    yield World()
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
    for r in made:
        r.close()


def wait_for(what: str, predicate, limit: float = 120) -> None:
    """Poll until ``predicate()``; the limit only stops a broken build from hanging (never a timing claim)."""
    end = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for: {what}")
        time.sleep(0.1)


def _story(client: ApiClient, n: int) -> Draft:
    """A draft from this client: its check run emits one ``draft.checked`` delivery (committed, queued)."""
    return services.draft_create(title=TITLE, body_text=f"{BODY}\n\n{n}", client=client, external_id=f"s{n}")


def webhook_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="deliver_webhook")


def _deliveries(client) -> list[WebhookDelivery]:
    return list(WebhookDelivery.objects.filter(client=client).order_by("pk"))


def test_a_hanging_a_failing_and_a_dead_receiver_do_not_hold_up_another_client(world):
    hang, error, ok = world.receiver("hang", "hang"), world.receiver("error", "error"), world.receiver("ok")
    down_port = world.port()  # nothing listens here yet: connection refused
    slow = world.client("slow-cms", hang.url)
    failing = world.client("failing-cms", error.url)
    dead = world.client("dead-cms", f"http://127.0.0.1:{down_port}/hook")
    healthy = world.client("healthy-cms", ok.url)
    n = 0
    for client, count in ((slow, 4), (dead, 3), (failing, 1), (healthy, 1)):  # the healthy client is queued last
        for _ in range(count):
            n += 1
            _story(client, n)
    assert webhook_tasks().filter(status="READY").count() == 9

    world.worker(timeout=2, connect_timeout=1, pause_seconds=600, retry_delays=600, lease_seconds=30)
    wait_for("the healthy client's delivery", lambda: WebhookDelivery.objects.filter(
        client=healthy, state="delivered").exists())

    # One worker, nine queued deliveries ahead of or beside the healthy one: each bad receiver cost one attempt.
    attempts = {c.name: sum(d.attempts for d in _deliveries(c)) for c in (slow, dead, failing)}
    assert attempts["slow-cms"] <= 1 and attempts["dead-cms"] <= 1 and attempts["failing-cms"] <= 1
    assert len(hang.requests) <= 1 and ok.ids() == {str(_deliveries(healthy)[0].delivery_id)}
    wait_for("every task handled", lambda: not DBTaskResult.objects.filter(
        status="READY", run_after__isnull=True).exists() and not DBTaskResult.objects.filter(
        status="RUNNING").exists())
    for client in (slow, dead):
        client.refresh_from_db()
        assert client.webhook_paused_until is not None
        rows = _deliveries(client)
        assert sum(d.attempts for d in rows) == 1  # the others were deferred without a network call
        assert all(d.state == "pending" and d.next_attempt_at for d in rows)  # nothing lost, nothing given up
    assert [d.state for d in _deliveries(failing)] == ["pending"]  # 500: retried later, did not pause anyone
    failing.refresh_from_db()
    assert failing.webhook_paused_until is None

    # The receivers recover; the pauses and back-offs are over. Everything arrives, each under its own id.
    hang.release.set()
    hang.mode = error.mode = "ok"
    revived = world.receiver("revived", port=down_port)
    ApiClient.objects.update(webhook_paused_until=None)
    WebhookDelivery.objects.filter(state="pending").update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
    wait_for("everything delivered", lambda: not WebhookDelivery.objects.exclude(state="delivered").exists())
    for client, receiver in ((slow, hang), (dead, revived), (failing, error), (healthy, ok)):
        rows = _deliveries(client)
        assert receiver.ids() == {str(d.delivery_id) for d in rows}  # same ids on every attempt, none new
    assert WebhookDelivery.objects.count() == 9


def test_a_worker_killed_mid_delivery_loses_nothing_and_the_retry_keeps_the_id(world):
    hook = world.receiver("cms", "hang")
    client = world.client("cms", hook.url)
    _story(client, 1)
    (delivery,) = _deliveries(client)
    first = world.worker(timeout=120, lease_seconds=3)
    wait_for("the first attempt to reach the receiver", lambda: len(hook.requests) == 1)
    first.send_signal(signal.SIGKILL)  # mid-delivery: the request is out, no answer yet, nothing recorded
    first.wait(30)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("pending", 0) and delivery.leased_until is not None

    hook.mode = "ok"
    hook.release.set()
    world.process("deliver_webhooks", "--sweep", "--loop", "0.5", "--grace", "60")
    world.worker(timeout=5, lease_seconds=3)
    wait_for("the delivery after the lease expired", lambda: WebhookDelivery.objects.filter(
        pk=delivery.pk, state="delivered").exists())
    delivery.refresh_from_db()
    assert [r["id"] for r in hook.requests] == [str(delivery.delivery_id)] * 2  # repeated, never renamed
    assert delivery.attempts == 1 and delivery.attempt_log.count() == 1
    assert WebhookDelivery.objects.count() == 1


def _backends() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()")
        return [row[0] for row in cursor.fetchall()]


def _terminate(pids: list[int]) -> None:
    with connection.cursor() as cursor:
        for pid in pids:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_the_sweeper_survives_terminated_backends_and_still_recovers_lost_deliveries(world):
    sweeper = world.process("deliver_webhooks", "--sweep", "--loop", "0.3", "--grace", "1")
    seen: set[int] = set()
    for round_ in range(3):
        wait_for(f"the sweeper's connection (round {round_})", lambda: set(_backends()) - seen)
        pids = [p for p in _backends() if p not in seen]
        seen.update(pids)
        _terminate(pids)
    wait_for("the sweeper to reconnect after the last termination", lambda: set(_backends()) - seen)
    assert sweeper.poll() is None  # still running
    log = Path(sweeper.log_path).read_text()
    # A terminated backend is either met mid-query (logged as "database unavailable") or found dead by the
    # connection health check before the next loop and replaced silently: both are survival, neither a crash.
    assert "Traceback" not in log

    hook = world.receiver("cms")
    client = world.client("cms", hook.url)
    _story(client, 1)
    webhook_tasks().delete()  # the enqueue was lost
    (delivery,) = _deliveries(client)
    wait_for("the sweeper to re-enqueue it", lambda: webhook_tasks().exists())
    world.worker(timeout=5)
    wait_for("the recovered delivery", lambda: WebhookDelivery.objects.filter(
        pk=delivery.pk, state="delivered").exists())
    assert [r["id"] for r in hook.requests] == [str(delivery.delivery_id)]
    assert sweeper.poll() is None
