"""Every API error as JSON ``{"code", "detail", "fields"}``: the one place that maps refusals to HTTP."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from editorial import failures
from editorial.errors import ServiceError
from editorial.failures import error_body

log = logging.getLogger(__name__)


class TooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


def _service_response(exc: ServiceError) -> Response:
    """A refusal as its own code and status say (``editorial.errors``); its ``field`` names the input at fault."""
    extra = dict(exc.extra)
    field = extra.pop("field", None)
    fields = {field: [exc.detail]} if field else {}
    return Response(error_body(exc.code, exc.detail, fields, **extra), status=exc.http_status)


def _flatten_first(detail) -> str:
    while isinstance(detail, (dict, list)) and detail:
        detail = next(iter(detail.values())) if isinstance(detail, dict) else detail[0]
    return str(detail) if detail else _("Invalid input.")


def _validation_body(exc: exceptions.ValidationError) -> dict:
    detail = exc.detail
    fields = detail if isinstance(detail, dict) else {"non_field_errors": detail}
    first_field = next(iter(fields), "")
    summary = _flatten_first(fields)
    if first_field and first_field != "non_field_errors":
        summary = f"{first_field}: {summary}"
    return error_body("invalid", summary, fields)


def _coerce(exc: Exception) -> Exception:
    """Django's own refusals, seen inside a DRF view, become their DRF equivalents."""
    if isinstance(exc, RequestDataTooBig):
        return TooLarge()
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError()
    return exc


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, ServiceError):
        return _service_response(exc)
    if failures.is_unavailable(exc):
        return failures.unavailable_response(context["request"], exc)
    exc = _coerce(exc)
    if not isinstance(exc, exceptions.APIException):
        if settings.DEBUG:
            return None  # let the developer see the traceback
        log.exception("API error", exc_info=exc)
        return Response(error_body("server_error", _("Internal error.")), status=500)
    response = drf_exception_handler(exc, context)  # keeps WWW-Authenticate, Retry-After, Allow
    if isinstance(exc, exceptions.ValidationError):
        response.data = _validation_body(exc)
    else:
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        response.data = error_body(code, _flatten_first(exc.detail))
    return response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


@csrf_exempt  # also the catch-all under /api/v1/: an unknown path is a 404 whatever the method
def json_not_found(request, exception=None):
    """handler404 for /api/ paths (others get Django's page)."""
    if _is_api(request):
        return JsonResponse(error_body("not_found", _("Not found.")), status=404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def json_server_error(request):
    """handler500: an outage or the request's time limit raised outside any view (while resolving the URL, in
    another middleware), where ``FailureMiddleware.process_exception`` never sees it, is still the 503 it is
    inside a view; anything else is a 500, JSON under /api/."""
    exc = sys.exc_info()[1]
    if exc is not None and failures.is_unavailable(exc):
        return failures.unavailable_response(request, exc)
    if _is_api(request):
        return JsonResponse(error_body("server_error", _("Internal error.")), status=500)
    from django.views.defaults import server_error

    return server_error(request)


def json_bad_request(request, exception=None):
    if _is_api(request):
        return JsonResponse(error_body("bad_request", _("Bad request.")), status=400)
    from django.views.defaults import bad_request

    return bad_request(request, exception)
