"""Parsers that refuse oversize bodies (413) before reading them whole; DRF's own read without a limit."""

from __future__ import annotations

import codecs
import json

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import exceptions, negotiation, parsers

from editorial.api.exceptions import TooLarge


def max_request_bytes() -> int:
    # JSON may escape every Arabic letter as \uXXXX (6 bytes): leave room for the largest allowed text.
    return getattr(settings, "API_MAX_REQUEST_BYTES", settings.MAX_DRAFT_CHARS * 6 + 64 * 1024)


def read_limited(stream, parser_context: dict | None) -> bytes:
    limit = max_request_bytes()
    request = (parser_context or {}).get("request")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
    except ValueError:
        declared = 0
    if declared > limit:
        raise TooLarge()
    data = stream.read(limit + 1) if stream is not None else b""
    if len(data) > limit:
        raise TooLarge()
    return data


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = read_limited(stream, parser_context)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
            return json.loads(text, parse_constant=_refuse_constant)
        except (ValueError, LookupError, RecursionError) as exc:
            raise exceptions.ParseError(_("Malformed JSON: %(e)s") % {"e": str(exc)[:200]}) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = read_limited(stream, parser_context)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return QueryDict(raw, encoding=encoding)
        except TooManyFieldsSent:
            raise exceptions.ParseError(_("Too many form fields.")) from None


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except ValueError:
            declared = 0
        if declared > max_request_bytes():
            raise TooLarge()
        return super().parse(stream, media_type, parser_context)


class JSONOnlyNegotiation(negotiation.DefaultContentNegotiation):
    """Always answer JSON, whatever the Accept header or ?format= asks for (never a 406 or a 404)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
