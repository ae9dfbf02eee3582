"""Arabic by default: pages ignore the browser's Accept-Language until the person picks a language.

Django's LocaleMiddleware would otherwise serve English to every newsroom machine with an English browser.
The choice made with the language switch (a cookie) always wins; the API keeps its own negotiation.
Place it before ``django.middleware.locale.LocaleMiddleware``.
"""

from __future__ import annotations

from django.conf import settings


class DefaultLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and not request.path.startswith("/api/"):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
