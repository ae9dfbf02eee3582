"""Parsers that refuse oversize bodies (413) before reading them whole; DRF's own read without a limit."""

from __future__ import annotations

import codecs
import json
import re

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import exceptions, negotiation, parsers

from editorial.api.exceptions import TooLarge
from editorial.failures import max_request_bytes


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


# JSON nested deeper than this is refused: no request of ours needs more than a few levels, and deep values
# cost recursion wherever they are read again (serializers, the JSON field, the renderer).
MAX_JSON_DEPTH = 32
# An escaped UTF-16 surrogate ("\\ud800"): JSON allows it alone, UTF-8 (the database, our answers) does not.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class LoneSurrogate(ValueError):
    """A string holds an unpaired UTF-16 surrogate; ``field`` is the top-level key it was under, if any."""

    def __init__(self, field: str | None) -> None:
        super().__init__(_("Text may not contain unpaired surrogate characters (such as \\ud800)."))
        self.field = field


def loads_bounded(text: str):
    """``json.loads`` that raises ``ValueError`` with a sentence for nesting past ``MAX_JSON_DEPTH`` (or deep
    enough to exhaust the stack), ``NaN``/``Infinity``, and ``LoneSurrogate`` for an unpaired surrogate in any
    key or value: none of these can be stored or sent back as UTF-8."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ValueError(_("JSON nested more than %(n)d levels deep.") % {"n": MAX_JSON_DEPTH}) from None
    check_surrogates = bool(_ESCAPED_SURROGATE.search(text))
    stack = [(data, 1, None)]
    while stack:  # iterative: a deep value must not cost recursion here either
        value, depth, field = stack.pop()
        if isinstance(value, str):
            if check_surrogates and _SURROGATE.search(value):
                raise LoneSurrogate(field)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > MAX_JSON_DEPTH:
            raise ValueError(_("JSON nested more than %(n)d levels deep.") % {"n": MAX_JSON_DEPTH})
        if isinstance(value, dict):
            for key, item in value.items():
                if check_surrogates and _SURROGATE.search(key):
                    raise LoneSurrogate(None)
                stack.append((item, depth + 1, key if depth == 1 else field))
        else:
            stack += [(item, depth + 1, field) for item in value]
    return data


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = read_limited(stream, parser_context)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return loads_bounded(codecs.decode(raw, encoding))
        except LoneSurrogate as exc:
            if exc.field:  # checked before it is used as a field name
                raise exceptions.ValidationError({exc.field: [str(exc)]}) from None
            raise exceptions.ParseError(str(exc)) from None
        except (ValueError, LookupError) as exc:
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
