"""Personas and helpers shared by every Django test (see STYLE.md: one line per access rule)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from editorial import review, services
from editorial.roles import ensure_groups

PASSWORD = "correct-horse-battery-42"

SAMPLE_TITLE = "وزير الصحة يفتتح مستشفى جديداً في الجهراء"
SAMPLE_BODY = (
    "افتتح وزير الصحة الدكتور سالم الحربي صباح اليوم الأحد مستشفى الجهراء الجديد بسعة 400 سرير، "
    "بحضور عدد من المسؤولين في الوزارة.\n\n"
    "وقال الحربي في تصريح للصحفيين إن المستشفى يضم أقساماً متخصصة في أمراض القلب والكلى، "
    "ويخدم سكان المحافظة والمناطق المجاورة."
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 at full strength costs ~0.3 s a user; tests create hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _api_detail_cached(settings):
    """The API's detail cache on, though the tests' cache is a per-process memory cache (one process here)."""
    settings.API_DETAIL_CACHE = True


@pytest.fixture(autouse=True)
def _represented_as_the_serializer_would(monkeypatch):
    """Every API answer presented through ``serializers.represent`` (the serializers' plan, no field copies) is
    checked against the serializer itself: the same JSON, byte for byte, key order included."""
    from rest_framework.renderers import JSONRenderer

    from editorial.api import serializers as s

    fast = s.represent

    def checked(serializer_class, data):
        out = fast(serializer_class, data)
        expected = serializer_class(data).data
        assert JSONRenderer().render(out) == JSONRenderer().render(expected), serializer_class.__name__
        return out

    monkeypatch.setattr(s, "represent", checked)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives a test's rolled-back transaction: start each test with nothing cached."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _user(username: str, *groups: str, superuser: bool = False):
    ensure_groups()
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD)
    from django.contrib.auth.models import Group

    for g in groups:
        user.groups.add(Group.objects.get(name=g))
    return user


@pytest.fixture
def writer(db):
    return _user("writer", review.GROUP_WRITERS)


@pytest.fixture
def other_writer(db):
    return _user("writer2", review.GROUP_WRITERS)


@pytest.fixture
def reviewer(db):
    return _user("reviewer", review.GROUP_REVIEWERS)


@pytest.fixture
def publisher(db):
    return _user("publisher", review.GROUP_PUBLISHERS)


@pytest.fixture
def admin_user(db):
    return _user("admin", superuser=True)


@pytest.fixture
def outsider(db):
    """Signed in, but in no newsroom group."""
    return _user("outsider")


@pytest.fixture
def api_client_a(db):
    from editorial.models import ApiClient

    return ApiClient.objects.create(name="cms-a")


@pytest.fixture
def api_client_b(db):
    from editorial.models import ApiClient

    return ApiClient.objects.create(name="cms-b")


@pytest.fixture
def make_draft(writer):
    def make(title: str = SAMPLE_TITLE, body: str = SAMPLE_BODY, user=None, **kw):
        return services.draft_create(title=title, body_text=body, user=user or writer, **kw)

    return make


@pytest.fixture
def draft(make_draft):
    return make_draft()


@pytest.fixture
def group_admin(db):
    """In the admins group but not a superuser: an admin without the override_gate permission."""
    return _user("groupadmin", "admins")


@pytest.fixture
def workflow_personas(writer, reviewer, publisher, admin_user, group_admin, api_client_a):
    """The available-actions table's personas (tests/workflow_table.py): who acts, and as whom a draft is owned."""
    return {"author": writer, "reviewer": reviewer, "publisher": publisher, "admin": admin_user,
            "group_admin": group_admin, "cms": api_client_a}
