"""Health probes and the structured log lines."""

from __future__ import annotations

import json
import logging

import pytest

from editorial.observability import JsonFormatter


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_the_probes_answer_without_a_session_or_a_known_host(client, path):
    r = client.get(path, HTTP_HOST="10.0.0.7")  # a load balancer probes by address
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["cache"] == "ok"
    assert "sessionid" not in r.cookies


@pytest.mark.django_db
def test_a_broken_cache_makes_healthz_fail(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *a, **k: None)
    r = client.get("/healthz")
    assert r.status_code == 503
    assert r.json()["cache"].startswith("error") and r.json()["database"] == "ok"


@pytest.mark.django_db
def test_every_request_is_one_json_line(client, caplog, settings):
    caplog.set_level(logging.INFO, logger="editorial.requests")
    client.get("/accounts/login/")
    records = [r for r in caplog.records if r.name == "editorial.requests"]
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    assert "\n" not in line
    data = json.loads(line)
    assert data["method"] == "GET" and data["path"] == "/accounts/login/" and data["status"] == 200
    assert data["ms"] >= 0 and data["logger"] == "editorial.requests" and data["msg"] == "GET /accounts/login/ 200"


def test_a_task_ending_is_one_json_line(caplog):
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    from editorial.observability import log_task_finished

    caplog.set_level(logging.INFO, logger="editorial.tasks")
    now = datetime.now(UTC)
    result = SimpleNamespace(task=SimpleNamespace(module_path="editorial.tasks.index_revision"), id="abc",
                             status="SUCCESSFUL", started_at=now, finished_at=now + timedelta(milliseconds=12),
                             attempts=1)
    log_task_finished(None, result)
    data = json.loads(JsonFormatter().format(caplog.records[-1]))
    assert data["task"] == "editorial.tasks.index_revision" and data["status"] == "SUCCESSFUL"
    assert data["ms"] == 12.0
