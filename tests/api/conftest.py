"""API fixtures: each CMS persona with a key, and a test client that sends it."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from editorial.api.services import api_key_create

PLACEHOLDER = "[تاريخ اليوم – يرجى إضافته]"
BODY_WITH_PLACEHOLDER = (
    f"افتتح وزير الصحة صباح {PLACEHOLDER} مستشفى الجهراء الجديد بسعة 400 سرير.\n\n"
    "وقال الوزير في تصريح للصحفيين إن المستشفى يخدم سكان المحافظة والمناطق المجاورة."
)


TITLE = "وزير الصحة يفتتح مستشفى جديداً في الجهراء"
BODY = (
    "افتتح وزير الصحة الدكتور سالم الحربي صباح اليوم الأحد مستشفى الجهراء الجديد بسعة 400 سرير، "
    "بحضور عدد من المسؤولين في الوزارة.\n\n"
    "وقال الحربي في تصريح للصحفيين إن المستشفى يضم أقساماً متخصصة في أمراض القلب والكلى، "
    "ويخدم سكان المحافظة والمناطق المجاورة."
)


@pytest.fixture(autouse=True)
def _fresh_throttle_cache():
    cache.clear()
    yield
    cache.clear()


def _client_for(api_client_model) -> APIClient:
    _key, raw = api_key_create(client=api_client_model)
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    http.raw_key = raw
    return http


@pytest.fixture
def cms_a(api_client_a) -> APIClient:
    return _client_for(api_client_a)


@pytest.fixture
def cms_b(api_client_b) -> APIClient:
    return _client_for(api_client_b)


@pytest.fixture
def anonymous(db) -> APIClient:
    return APIClient()


@pytest.fixture
def submit(cms_a):
    """POST a draft as CMS A; returns the response."""
    def post(client=None, **fields):
        payload = {"external_id": "story-1", "title": TITLE, "body": BODY, **fields}
        return (client or cms_a).post("/api/v1/drafts/", payload, format="json")

    return post


@pytest.fixture
def redis_cache(settings):
    """The shared cache on a real Redis (``TEST_REDIS_URL``, else db 13 on localhost), under a key prefix of its
    own; skipped when no Redis answers."""
    import os
    import secrets

    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis to test against")
    prefix = "test-" + secrets.token_hex(6)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                                   "KEY_PREFIX": prefix}}
    from django.core.cache import caches

    yield caches["default"]
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
