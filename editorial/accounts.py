"""Signing in and resetting passwords without giving away accounts or CPU.

- Login: after ``LOGIN_LIMITS`` failures for one username or from one address within the window, further tries
  are refused before any password is hashed (a message says when to come back). A success clears the
  username's count. The desk's and the admin's login forms both go through ``ThrottledLogin``.
- Password reset: the answer is the same page, taking the same time, whether the address is known or not: the
  lookup and the mail happen in a background task. Requests per address and per e-mail are limited too.

Counters live in Django's cache (``django.core.cache``): whatever ``CACHES["default"]`` is (Redis in
production, shared by every worker), keyed by a hash of the username, e-mail or address. Like the API's rate
limits, the cache is never a gate: when it does not answer, sign-ins go through uncounted (logged).
"""

from __future__ import annotations

import hashlib
import logging
import time

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.cache import cache
from django.http import HttpResponse
from django.tasks import task
from django.utils.translation import ngettext

from editorial.api.keycache import _safely  # the house's one never-a-gate cache call

log = logging.getLogger(__name__)

# (tries, seconds): how many failures, or reset requests, a window allows.
LOGIN_LIMITS = {"user": (5, 15 * 60), "address": (30, 15 * 60)}
RESET_LIMITS = {"email": (3, 60 * 60), "address": (10, 60 * 60)}


def client_address(request) -> str:
    """The client's address: behind our proxy (``DJANGO_BEHIND_PROXY``) the last X-Forwarded-For entry, the one
    the proxy appended; otherwise the socket's peer. Never the first entry, which the client writes itself."""
    if request is None:
        return "unknown"
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(scope: str, kind: str, ident: str) -> str:
    digest = hashlib.sha256(ident.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"throttle:{scope}:{kind}:{digest}"


def _window_key(key: str) -> str:
    return f"{key}:until"


def wait_seconds(scope: str, limits: dict, idents: dict[str, str]) -> int:
    """Seconds until every limit allows another try (0: allowed now, or the cache does not answer)."""
    return _safely(_wait_seconds, scope, limits, idents, default=0)


def count(scope: str, limits: dict, idents: dict[str, str]) -> None:
    _safely(_count, scope, limits, idents)


def clear(scope: str, kind: str, ident: str) -> None:
    _safely(cache.delete_many, [_key(scope, kind, ident), _window_key(_key(scope, kind, ident))])


def _wait_seconds(scope: str, limits: dict, idents: dict[str, str]) -> int:
    wait = 0
    for kind, ident in idents.items():
        tries, _window = limits[kind]
        key = _key(scope, kind, ident)
        if (cache.get(key) or 0) >= tries:
            until = cache.get(_window_key(key)) or 0
            wait = max(wait, int(until - time.time()) + 1)
    return wait


def _count(scope: str, limits: dict, idents: dict[str, str]) -> None:
    for kind, ident in idents.items():
        _tries, window = limits[kind]
        key = _key(scope, kind, ident)
        if cache.add(key, 1, window):
            cache.set(_window_key(key), time.time() + window, window)
        else:
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, window)


def _minutes(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    from editorial.templatetags.editorial_tags import localise_digits  # noqa: PLC0415 (the tags import the web)

    return ngettext("Too many attempts. Try again in %(n)s minute.",
                    "Too many attempts. Try again in %(n)s minutes.", minutes) % {"n": localise_digits(str(minutes))}


class ThrottledLogin(AuthenticationForm):
    """The login form, refusing before the password is checked once a username or address has failed often."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        idents = {"user": username, "address": client_address(self.request)}
        wait = wait_seconds("login", LOGIN_LIMITS, idents)
        if wait:
            log.warning("login throttled for %r from %s", username[:100], idents["address"])
            raise forms.ValidationError(_minutes(wait), code="throttled")
        try:
            data = super().clean()
        except forms.ValidationError:
            count("login", LOGIN_LIMITS, idents)
            raise
        clear("login", "user", username)
        return data


class ThrottledAdminLogin(ThrottledLogin, AdminAuthenticationForm):
    """The admin's login form (staff only), throttled the same way."""


class QuietPasswordResetForm(PasswordResetForm):
    """Hands the lookup and the mail to a background task: the answer cannot tell a known address apart."""

    def save(self, domain_override=None, subject_template_name="registration/password_reset_subject.txt",
             email_template_name="registration/password_reset_email.html", use_https=False,
             token_generator=None, from_email=None, request=None, html_email_template_name=None,
             extra_email_context=None):
        send_password_reset.enqueue(
            email=self.cleaned_data["email"],
            domain=domain_override or (request.get_host() if request is not None else "localhost"),
            use_https=use_https,
        )


@task()
def send_password_reset(email: str, domain: str, use_https: bool) -> None:
    """The reset mail, if the address belongs to an active user; failures are logged, never raised."""
    form = PasswordResetForm(data={"email": email})
    if not form.is_valid():
        return
    try:
        form.save(domain_override=domain, use_https=use_https)
    except Exception as exc:  # noqa: BLE001 - mail trouble must not retry forever or leak
        log.warning("password reset mail failed (%s): %s", type(exc).__name__, exc)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QuietPasswordResetForm

    def form_valid(self, form):
        idents = {"email": form.cleaned_data["email"], "address": client_address(self.request)}
        if wait_seconds("reset", RESET_LIMITS, {"address": idents["address"]}):
            return HttpResponse(_minutes(wait_seconds("reset", RESET_LIMITS, idents)), status=429,
                                content_type="text/plain; charset=utf-8")
        over_for_email = wait_seconds("reset", RESET_LIMITS, {"email": idents["email"]})
        count("reset", RESET_LIMITS, idents)
        if over_for_email:  # the same answer as always, but no more mail to that inbox for now
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """Signing in also brings back the language the person picked (``UserPreferences``) on this browser."""

    authentication_form = ThrottledLogin

    def form_valid(self, form):
        from editorial.notify import preferred_language

        response = super().form_valid(form)
        language = preferred_language(form.get_user())
        if language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                                secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY)
        return response


def set_language(request):
    """Django's language switch; a signed-in person's choice is also kept for them (their mail, next sign-in)."""
    from django.views.i18n import set_language as switch

    from editorial import services

    response = switch(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.user_language_set(user=request.user, language=language)
    return response
