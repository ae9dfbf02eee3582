"""Per-client rate limits: the ``api_client`` scope rate, or the client's own ``throttle_rate``.

Counted in the shared cache (``keycache``) so every worker counts against the same limit; for an API key the
count is taken during authentication, in the same cache round trip as the key lookup. A caller without a key or
a session (the LanguageTool endpoint's, when anonymous checks are on) is counted per address at the view's
``anonymous_rate``. The count is left on the view for the ``RateLimit-*`` headers (``ApiView``).
"""

from __future__ import annotations

from rest_framework.throttling import BaseThrottle

from editorial.accounts import client_address
from editorial.api import keycache
from editorial.models import ApiKey


class ApiClientRateThrottle(BaseThrottle):
    scope = keycache.SCOPE

    def allow_request(self, request, view) -> bool:
        if isinstance(request.auth, ApiKey):
            rate = getattr(request.auth, "rate", None) or keycache.count(
                f"client-{request.auth.client_id}", request.auth.client)
        elif request.user and request.user.is_authenticated:
            rate = keycache.count(f"user-{request.user.pk}", None)
        else:
            rate = keycache.count(f"ip-{client_address(request)}", None, getattr(view, "anonymous_rate", None))
        self.rate = view.rate_count = rate
        return rate.allowed

    def wait(self) -> float | None:
        return self.rate.wait() if getattr(self, "rate", None) else None
