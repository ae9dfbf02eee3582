"""Per-client rate limits: the ``api_client`` scope rate, or the client's own ``throttle_rate``."""

from __future__ import annotations

from rest_framework.throttling import SimpleRateThrottle

from editorial.models import ApiKey


class ApiClientRateThrottle(SimpleRateThrottle):
    scope = "api_client"

    def allow_request(self, request, view) -> bool:
        client = request.auth.client if isinstance(request.auth, ApiKey) else None
        if client is not None and client.throttle_rate:
            try:
                self.num_requests, self.duration = self.parse_rate(client.throttle_rate)
                self.rate = client.throttle_rate
            except (ValueError, KeyError, IndexError):
                pass  # a mistyped admin value falls back to the default rather than breaking the client
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str | None:
        if isinstance(request.auth, ApiKey):
            ident = f"client-{request.auth.client_id}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
