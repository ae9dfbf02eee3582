"""What a request gets when it asks too much or something beneath it fails: one home for those answers.

- A body declared larger than ``max_body_bytes()`` is answered 413 before a byte of it is read.
- The database down or lost (``OperationalError``/``InterfaceError``) is a 503 with ``Retry-After``: JSON
  ``{"code": "unavailable"}`` under ``/api/``, a plain page (no database needed to draw it) elsewhere.
- A request still running after ``settings.REQUEST_TIME_LIMIT`` seconds is stopped the same way (503), so a
  worker answers before gunicorn's ``--timeout`` kills it with an HTML page (see ``gunicorn.conf.py``).
- Routine refusals (403, 404...) are logged as one line, without the traceback Django attaches.
"""

from __future__ import annotations

import logging
import signal
import threading

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class RequestTimeout(Exception):
    """Raised inside a request that ran past ``settings.REQUEST_TIME_LIMIT``."""


def max_request_bytes() -> int:
    """The API's body limit (``settings.API_MAX_REQUEST_BYTES``)."""
    return settings.API_MAX_REQUEST_BYTES


def max_body_bytes() -> int:
    """The largest request body anything here accepts: the API's JSON limit or an upload with its form."""
    return max(max_request_bytes(), settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


def error_body(code: str, detail: str, fields: dict | None = None, **extra) -> dict:
    """The one error shape of the API: ``{"code", "detail", "fields"}``."""
    return {"code": code, "detail": str(detail), "fields": fields or {}, **extra}


def is_unavailable(exc: BaseException) -> bool:
    """The database (or the request's time) is gone: not the request's fault, worth retrying."""
    if isinstance(exc, RequestTimeout):
        return True
    return isinstance(exc, (OperationalError, InterfaceError))


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def error_json(code: str, detail: str, status: int, **headers) -> JsonResponse:
    response = JsonResponse(error_body(code, detail), status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def unavailable_response(request, exc: BaseException) -> HttpResponse:
    if isinstance(exc, RequestTimeout):
        log.error("request stopped after %ss: %s %s", settings.REQUEST_TIME_LIMIT, request.method, request.path)
        detail = _("The request took too long and was stopped. Try again, or send less at once.")
    else:
        log.error("database unavailable: %s: %s", type(exc).__name__, str(exc).strip()[:300])
        detail = _("The service is briefly unavailable. Try again in a minute; nothing was lost.")
    if _is_api(request):
        return error_json("unavailable", detail, 503, Retry_After=str(RETRY_AFTER_SECONDS))
    page = render_to_string("503.html", {"detail": detail})  # a page that needs no database
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def too_large_response(request) -> HttpResponse:
    detail = _("The request body is too large (the limit is %(mb)s MB).") % {
        "mb": f"{max_body_bytes() / (1024 * 1024):.1f}"}
    if _is_api(request):
        return error_json("too_large", detail, 413)
    return HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")


class FailureMiddleware:
    """First in ``MIDDLEWARE``: refuses oversize bodies, bounds the request's time, answers outages."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > max_body_bytes():
            return too_large_response(request)
        limit = settings.REQUEST_TIME_LIMIT
        # Only a process's main thread receives signals: gunicorn's sync workers, not runserver's threads.
        if not limit or threading.current_thread() is not threading.main_thread():
            return self.get_response(request)
        previous = signal.signal(signal.SIGALRM, _stop)
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return self.get_response(request)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def process_exception(self, request, exception):
        if is_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def _stop(signum, frame):
    raise RequestTimeout


class RoutineRefusals(logging.Filter):
    """Keep the one-line record of a 4xx answer but drop the traceback Django attaches to it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500 and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True
