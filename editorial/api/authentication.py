"""Bearer keys: ``Authorization: Bearer <key>``, looked up by SHA-256; LanguageTool clients may send ``apiKey``."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from editorial.api import keycache
from editorial.api.services import hash_key
from editorial.models import ApiKey

# last_used_at is for people reading the admin: one write a minute per key is precise enough.
LAST_USED_PRECISION = timedelta(seconds=60)


def key_from_raw(raw: str, also: tuple = ()) -> ApiKey:
    """The live key for a raw bearer key, with its client and this request counted (``key.rate``), and the
    cache's values under the view's ``also`` keys when read in the same round trip (``key.fetched``, else None).

    One shared-cache round trip in the usual case (``keycache``); the database only on a cache miss and, at most
    once a minute per key, to record ``last_used_at``.
    """
    raw = (raw or "").strip()
    key = rate = fetched = None
    if raw and len(raw) <= 200:
        key, rate, fetched = keycache.resolve(hash_key(raw), also)
    if key is None or key.revoked_at is not None or not key.client.is_active:
        raise exceptions.AuthenticationFailed(_("Invalid or revoked API key."))
    now = timezone.now()
    if key.last_used_at is None or key.last_used_at < now - LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=key.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        ).update(last_used_at=now)
        key.last_used_at = now
        keycache.remember(key)
    key.rate = rate
    key.fetched = fetched
    return key


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """``request.user`` stays anonymous; ``request.auth`` is the ``ApiKey`` (its ``client`` owns drafts)."""

    keyword = "Bearer"

    def authenticate(self, request):
        # Read the header as text: DRF's helper raises on characters outside Latin-1.
        header = str(request.META.get("HTTP_AUTHORIZATION", "")).split()
        if not header or header[0].lower() != self.keyword.lower():
            return self._form_key(request)
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid Authorization header: use 'Bearer <key>'."))
        view = (getattr(request, "parser_context", None) or {}).get("view")
        also = view.cache_keys(request) if hasattr(view, "cache_keys") else ()
        key = key_from_raw(header[1], also)
        request._request.api_client_id = key.client_id  # for the request log line
        return _anonymous(), key

    def _form_key(self, request):
        """LanguageTool's ``apiKey`` form field, for views that accept it (editor plug-ins)."""
        view = (getattr(request, "parser_context", None) or {}).get("view")
        if not getattr(view, "accepts_form_key", False):
            return None
        raw = request.data.get("apiKey") if hasattr(request.data, "get") else None
        return (_anonymous(), key_from_raw(str(raw))) if raw else None

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="api"'


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def client_of(request):
    """The ``ApiClient`` behind this request, or None for a browser session."""
    return request.auth.client if isinstance(request.auth, ApiKey) else None


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "editorial.api.authentication.ApiKeyAuthentication"
    name = "bearerKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A key made by `create_api_client`."}
