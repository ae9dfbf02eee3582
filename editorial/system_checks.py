"""System checks run at start-up (``manage.py check``, ``migrate``, ``runserver``) and by ``check --deploy``.

In production, mail that would go to an SMTP server on localhost (no ``EMAIL_HOST``) or come from
``@localhost`` is a warning: nothing fails (``notify`` logs and carries on), but nobody gets the mail. So are
static files collected without their manifest: pages still work (``staticstorage``), without cache-busting names.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.compatibility)
def mail_settings(app_configs=None, **kwargs) -> list[Warning]:
    if not settings.PRODUCTION:
        return []
    mailer = settings.MAILERS["default"]
    backend = mailer.get("BACKEND", "")
    warnings = []
    if backend.endswith("smtp.EmailBackend") and not mailer.get("OPTIONS", {}).get("host"):
        warnings.append(Warning(
            "Mail goes over SMTP but EMAIL_HOST is not set: it would be sent to localhost:25, and fail.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS), or "
                 "EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend to send no mail on purpose.",
            id="editorial.W001",
        ))
    if settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        warnings.append(Warning(
            f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL}: receiving servers will reject or bin it.",
            hint="Set DEFAULT_FROM_EMAIL to an address of your domain.", id="editorial.W002",
        ))
    return warnings


@register(Tags.compatibility)  # not staticfiles: collectstatic, the cure, runs those first
def static_manifest(app_configs=None, **kwargs) -> list[Warning]:
    if not settings.PRODUCTION:
        return []
    from editorial.staticstorage import MANIFEST

    if (settings.STATIC_ROOT / MANIFEST).exists():
        return []
    return [Warning(
        f"{settings.STATIC_ROOT} has no {MANIFEST}: static files were not collected for production, so they are "
        "served under their plain names (or not at all), without cache-busting.",
        hint="Run: DJANGO_ENV=production manage.py collectstatic --noinput", id="editorial.W003",
    )]
