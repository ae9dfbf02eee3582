"""End to end on PostgreSQL with a real ``db_worker`` process: a CMS submits a story over the API, the checks run
in the request, the worker indexes it for recycled copy and delivers the signed webhook to a receiver."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from django.db import connection

from editorial import webhooks
from editorial.api.services import api_client_create
from editorial.models import Finding
from tests.test_archive import ORIGINAL, RECYCLED, TITLE

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker shares a PostgreSQL database"),
]


class Receiver(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[dict, bytes]]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def _database_url() -> str:
    s = connection.settings_dict
    auth = urllib.parse.quote(s["USER"] or "") + (":" + urllib.parse.quote(s["PASSWORD"]) if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def receiver():
    Receiver.received = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", Receiver.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def worker():
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "editorial.settings"}
    env.pop("DJANGO_ENV", None)
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_for(condition, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.django_db(transaction=True)
def test_submit_check_index_and_webhook_through_a_real_worker(receiver, worker):
    from rest_framework.test import APIClient

    url, received = receiver
    _client, key = api_client_create(name="cms-e2e", webhook_url=url, webhook_secret="s3cret")
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")

    first = http.post("/api/v1/drafts/", {"external_id": "story-1", "title": TITLE, "body": ORIGINAL},
                      format="json")
    assert first.status_code == 201 and first.json()["report"] is not None  # checked in the request
    first_id = first.json()["id"]
    assert _wait_for(lambda: any(json.loads(b)["draft"]["id"] == first_id for _h, b in received)), \
        worker.stderr and "no webhook"

    # The same story filed again under another id: the worker indexes it and flags the recycled paragraphs.
    again = http.post("/api/v1/drafts/", {"external_id": "story-1-bis", "title": TITLE, "body": RECYCLED},
                      format="json")
    assert again.status_code == 201
    again_id = again.json()["id"]
    assert _wait_for(lambda: Finding.objects.filter(check_run__revision__draft_id=again_id,
                                                    rule="archive.recycled").exists())
    finding = Finding.objects.get(check_run__revision__draft_id=again_id, rule="archive.recycled")
    assert str(first_id) in finding.message
    shown = http.get(f"/api/v1/drafts/{again_id}/").json()
    assert [f["check"] for f in shown["report"]["findings"]].count("archive") == 1

    assert _wait_for(lambda: any(json.loads(b)["draft"]["id"] == again_id for _h, b in received))
    headers, body = next((h, b) for h, b in received if json.loads(b)["draft"]["id"] == again_id)
    assert webhooks.verify("s3cret", body, headers["X-Signature"])
    assert json.loads(body)["event"] == "draft.checked"
