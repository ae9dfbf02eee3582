"""Health probes and structured logs.

``/healthz``: the database and the shared cache answer (200, or 503 naming what failed). ``/readyz``: that, and
every migration applied, so a load balancer sends traffic only to a server that can serve it. Both are answered
before any other middleware: no session, no redirect to https, no host check (probes come by IP over plain http).

In production every log record is one JSON object on one line (``JsonFormatter``): one per request
(``RequestLogMiddleware``, logger ``editorial.requests``) and one per background task when it ends
(``log_task_finished``, logger ``editorial.tasks``).
"""

from __future__ import annotations

import json
import logging
import time
import traceback
import uuid
from datetime import UTC, datetime

from django.http import JsonResponse

request_log = logging.getLogger("editorial.requests")
task_log = logging.getLogger("editorial.tasks")
PROBES = ("/healthz", "/readyz")
_migrated = False


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "msg", ...fields}``; fields come from ``extra={"fields": {...}}``."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            out["exc"] = "".join(traceback.format_exception(*record.exc_info))[-4000:]
        return json.dumps(out, ensure_ascii=False, default=str)


def _check_database() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_cache() -> str:
    from django.core.cache import cache

    token = uuid.uuid4().hex
    cache.set("healthz", token, 30)
    if cache.get("healthz") != token:
        raise RuntimeError("the cache did not return what was stored")
    return "ok"


def _check_migrations() -> str:
    global _migrated
    if not _migrated:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise RuntimeError("migrations not applied")
        _migrated = True  # once applied they stay applied for this process's code
    return "ok"


def probe(checks: dict) -> JsonResponse:
    results, healthy = {}, True
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as exc:  # noqa: BLE001 (a probe reports every failure, whatever it is)
            results[name] = f"error: {exc.__class__.__name__}: {str(exc)[:200]}"
            healthy = False
    status = 200 if healthy else 503
    return JsonResponse({"status": "ok" if healthy else "unavailable", **results}, status=status,
                        headers={"Cache-Control": "no-store"})


class HealthMiddleware:
    """First in the chain: answers the probes itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/")
        if path == "/healthz":
            return probe({"database": _check_database, "cache": _check_cache})
        if path == "/readyz":
            return probe({"database": _check_database, "cache": _check_cache, "migrations": _check_migrations})
        return self.get_response(request)


class RequestLogMiddleware:
    """One line per request: method, path, status, duration, who (user id or API client id)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request_log.isEnabledFor(logging.INFO):
            fields = {"method": request.method, "path": request.path[:300], "status": response.status_code,
                      "ms": round((time.perf_counter() - started) * 1000, 1)}
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                fields["user"] = user.pk
            client = getattr(request, "api_client_id", None)
            if client is not None:
                fields["client"] = client
            request_log.info("%s %s %s", request.method, fields["path"], response.status_code,
                             extra={"fields": fields})
        return response


def log_task_finished(sender, task_result, **kwargs) -> None:
    """One line per background task when it ends (django.tasks ``task_finished``)."""
    started, finished = task_result.started_at, task_result.finished_at
    fields = {"task": task_result.task.module_path, "id": str(task_result.id), "status": str(task_result.status),
              "attempts": getattr(task_result, "attempts", None)}
    if started and finished:
        fields["ms"] = round((finished - started).total_seconds() * 1000, 1)
    level = logging.ERROR if str(task_result.status).endswith("FAILED") else logging.INFO
    task_log.log(level, "task %s %s", fields["task"], fields["status"], extra={"fields": fields})
