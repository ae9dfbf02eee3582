"""Settings, read from the environment through small typed helpers.

Local mode (nothing set): SQLite in WAL mode under ``DATA_DIR``, a secret generated once into it, debug on,
cookies over plain http. ``DJANGO_ENV=production``: debug off, a required ``DJANGO_SECRET_KEY``, secure cookies,
HSTS.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number") from exc


def envlist(name: str, default: str = "") -> list[str]:
    return [x.strip() for x in os.environ.get(name, default).split(",") if x.strip()]


def envseconds(name: str, default: float | None) -> float | None:
    try:
        return float(os.environ[name]) if os.environ.get(name) else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number of seconds") from exc


ENV = os.environ.get("DJANGO_ENV", "local")
PRODUCTION = ENV == "production"
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))


def _local_secret() -> str:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_ENV=production")
    SECRET_KEY = _local_secret()

DEBUG = envbool("DJANGO_DEBUG", not PRODUCTION)
ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "editorial.apps.InternalTasksConfig",  # django_tasks_db, under an Arabic heading in the admin
    "editorial.apps.EditorialConfig",
]

MIDDLEWARE = [
    "editorial.observability.HealthMiddleware",  # /healthz and /readyz, before any redirect or host check
    "editorial.observability.RequestLogMiddleware",
    "editorial.failures.FailureMiddleware",  # 413 before reading, 503 on outages and overlong requests
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "editorial.web.middleware.DefaultLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "editorial.urls"
WSGI_APPLICATION = "editorial.wsgi.application"
ASGI_APPLICATION = "editorial.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "editorial.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
# A persistent connection the database dropped (restart, failover, terminated backend) is replaced when the next
# request starts instead of failing it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A request running longer than this is stopped with a 503 (gunicorn sync workers; 0: never). Keep it below
# gunicorn's --timeout (gunicorn.conf.py) so the client gets our answer, not a killed worker's.
REQUEST_TIME_LIMIT = envint("EDITORIAL_REQUEST_TIME_LIMIT", 25 if PRODUCTION else 0)

# The one shared cache: API keys, rule settings, and the API rate limits every worker must count together.
# Redis in production (REDIS_URL); without it, EDITORIAL_CACHE=database shares through the database
# (after `manage.py createcachetable`), else each process keeps its own memory (local mode and tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "editorial")}}
elif os.environ.get("EDITORIAL_CACHE") == "database":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "editorial_cache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The API's rendered detail of a draft in that cache (editorial/detail_cache.py): None = only when the cache is
# shared by every process (Redis, database); EDITORIAL_API_DETAIL_CACHE=1 or 0 decides otherwise.
API_DETAIL_CACHE = {"1": True, "0": False}.get(os.environ.get("EDITORIAL_API_DETAIL_CACHE", ""))

# Argon2 first: memory-hard and cheaper in CPU per login than PBKDF2 at Django's default cost. Hashes made
# with the others still verify, and are rehashed with Argon2 at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "editorial:desk"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the English/Arabic choice survives a browser restart
LOCALE_PATHS = [BASE_DIR / "editorial" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Kuwait")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from finders locally but wants the folder
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "editorial.staticstorage.StaticStorage"  # a manifest; a name missing from it is no 500
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Uploads and API bodies: refuse cleanly above these sizes.
MAX_DRAFT_CHARS = envint("EDITORIAL_MAX_DRAFT_CHARS", 1_000_000)
MAX_UPLOAD_BYTES = envint("EDITORIAL_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
# HTML and Markdown: past these the sanitiser refuses before parsing (its tree builder is quadratic in depth).
MAX_MARKUP_CHARS = envint("EDITORIAL_MAX_MARKUP_CHARS", 2 * MAX_DRAFT_CHARS)
MAX_MARKUP_DEPTH = envint("EDITORIAL_MAX_MARKUP_DEPTH", 200)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
# The API's JSON body: room for the largest text with every Arabic letter escaped as \uXXXX (6 bytes).
API_MAX_REQUEST_BYTES = envint("EDITORIAL_API_MAX_REQUEST_BYTES", MAX_DRAFT_CHARS * 6 + 64 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("DJANGO_BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Our pages carry no inline script or style: draft text can never run, even if escaping were missed somewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Mail (Django 6.1 MAILERS): SMTP in production, the console locally.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "EMAIL_BACKEND",
            "django.core.mail.backends.smtp.EmailBackend"
            if PRODUCTION
            else "django.core.mail.backends.console.EmailBackend",
        ),
        "OPTIONS": {
            k: v
            for k, v in {
                "host": os.environ.get("EMAIL_HOST"),
                "port": envint("EMAIL_PORT", 0) or None,
                "username": os.environ.get("EMAIL_HOST_USER"),
                "password": os.environ.get("EMAIL_HOST_PASSWORD"),
                "use_tls": envbool("EMAIL_USE_TLS") or None,
            }.items()
            if v is not None
        },
    }
}
if MAILERS["default"]["BACKEND"].endswith("console.EmailBackend"):
    # Logs and mail go to stderr: a management command's stdout carries only its output.
    MAILERS["default"]["OPTIONS"]["stream"] = sys.stderr
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "editorial@localhost")
# Where people reach the desk: links in e-mails.
EDITORIAL_SITE_URL = os.environ.get("EDITORIAL_SITE_URL", "http://127.0.0.1:8000")




# Webhook delivery (editorial/webhooks.py), in seconds.
EDITORIAL_WEBHOOK_RETRY_DELAYS = tuple(  # after attempt n fails; the last repeats
    float(x) for x in envlist("EDITORIAL_WEBHOOK_RETRY_DELAYS", "30,120,600,3600,21600,86400"))
EDITORIAL_WEBHOOK_MAX_ATTEMPTS = envseconds("EDITORIAL_WEBHOOK_MAX_ATTEMPTS", None)  # None: one per delay, plus one
EDITORIAL_WEBHOOK_TIMEOUT = envseconds("EDITORIAL_WEBHOOK_TIMEOUT", 10)  # one attempt: connect, send, first answer
EDITORIAL_WEBHOOK_CONNECT_TIMEOUT = envseconds("EDITORIAL_WEBHOOK_CONNECT_TIMEOUT", 3)
EDITORIAL_WEBHOOK_LEASE_SECONDS = envseconds("EDITORIAL_WEBHOOK_LEASE_SECONDS", 60)  # > TIMEOUT: a live worker keeps it
EDITORIAL_WEBHOOK_SLOW_SECONDS = envseconds("EDITORIAL_WEBHOOK_SLOW_SECONDS", 5)  # slower pauses the client too
EDITORIAL_WEBHOOK_PAUSE_SECONDS = envseconds("EDITORIAL_WEBHOOK_PAUSE_SECONDS", 60)
EDITORIAL_WEBHOOK_SWEEP_GRACE_SECONDS = envseconds("EDITORIAL_WEBHOOK_SWEEP_GRACE_SECONDS", 30)  # then a due row lost its task

# Background work: Django's tasks framework on the database backend (db_worker processes).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Check engine defaults; the admin's rule settings override these per rule.
EDITORIAL_CHECKS = {
    "disabled": envlist("EDITORIAL_DISABLED_RULES"),
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_RATES": {"api_client": os.environ.get("EDITORIAL_API_RATE", "6000/min")},
}
# LanguageTool clients given only a server URL send no key: with this on, anyone may check text at
# /api/v1/languagetool/v2/check (nothing is stored), counted per client address at LANGUAGETOOL_ANONYMOUS_RATE.
LANGUAGETOOL_ANONYMOUS = envbool("EDITORIAL_LANGUAGETOOL_ANONYMOUS", False)
LANGUAGETOOL_ANONYMOUS_RATE = os.environ.get("EDITORIAL_LANGUAGETOOL_ANONYMOUS_RATE", "60/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Editorial checks API",
    "DESCRIPTION": "Submit Arabic news drafts, read their findings, move them through review.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "editorial.api.schema.rate_limit_headers",
                             "editorial.api.schema.patch_required_fields"],
}

# Production logs one JSON object per line (one per request, one per background task); local logs are plain text
# and leave request lines to runserver. LOG_FORMAT=json|plain overrides.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "editorial.observability.JsonFormatter"},
    },
    "filters": {"routine_refusals": {"()": "editorial.failures.RoutineRefusals"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": LOG_FORMAT,
                            "filters": ["routine_refusals"]}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "editorial.requests": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
        # editorial.tasks writes the one line per task; django.tasks would add two more.
        "django.tasks": {"level": "WARNING"},
    },
}
