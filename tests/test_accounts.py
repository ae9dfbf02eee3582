"""Accounts: login throttled per username and per address, password resets that answer alike for every
address, Argon2 first, and seed_demo leaving existing users alone."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from editorial import accounts
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username: str, password: str, *, address: str = "203.0.113.7", path: str | None = None):
    return client.post(path or reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_username_even_for_the_right_one(client, writer):
    tries, _window = accounts.LOGIN_LIMITS["user"]
    for _ in range(tries):
        assert sign_in(client, "writer", "wrong").status_code == 200
    r = sign_in(client, "writer", PASSWORD)
    assert not signed_in(client) and "محاولات كثيرة" in r.content.decode()
    # from another address too: it is the account that is protected
    assert not signed_in(client) and "محاولات كثيرة" in sign_in(client, "writer", PASSWORD,
                                                                        address="198.51.100.1").content.decode()


def test_a_success_clears_the_username_count(client, writer):
    tries, _window = accounts.LOGIN_LIMITS["user"]
    for _ in range(tries - 1):
        sign_in(client, "writer", "wrong")
    sign_in(client, "writer", PASSWORD)
    assert signed_in(client)
    client.logout()
    for _ in range(tries - 1):
        sign_in(client, "writer", "wrong")
    sign_in(client, "writer", PASSWORD)
    assert signed_in(client)


def test_one_address_guessing_many_usernames_is_stopped(client, writer):
    tries, _window = accounts.LOGIN_LIMITS["address"]
    for i in range(tries):
        sign_in(client, f"nobody{i}", "wrong", address="192.0.2.9")
    r = sign_in(client, "writer", PASSWORD, address="192.0.2.9")
    assert not signed_in(client) and "محاولات كثيرة" in r.content.decode()
    sign_in(client, "writer", PASSWORD, address="192.0.2.10")
    assert signed_in(client)


def test_the_admin_login_is_throttled_too(client, admin_user):
    tries, _window = accounts.LOGIN_LIMITS["user"]
    for _ in range(tries):
        sign_in(client, "admin", "wrong", path="/admin/login/")
    r = sign_in(client, "admin", PASSWORD, path="/admin/login/")
    assert not signed_in(client) and "محاولات كثيرة" in r.content.decode()


# --- password reset ---------------------------------------------------------------------------------------

def reset(client, email: str, address: str = "203.0.113.7"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_a_reset_answers_alike_and_sends_nothing_in_the_request(client, writer, mailoutbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    known, unknown = reset(client, "writer@example.com"), reset(client, "nobody@example.com")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.status_code == 302 and mailoutbox == []  # the lookup and the mail wait for the worker


def test_the_reset_task_mails_a_known_address_only(client, writer, mailoutbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    reset(client, "writer@example.com")
    reset(client, "nobody@example.com")
    assert [m.to for m in mailoutbox] == [["writer@example.com"]]


def test_resets_are_limited_per_address_and_per_inbox(client, writer, mailoutbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    per_email, _window = accounts.RESET_LIMITS["email"]
    for _ in range(per_email + 2):
        assert reset(client, "writer@example.com").status_code == 302  # same answer...
    assert len(mailoutbox) == per_email  # ...but the inbox is not flooded
    per_address, _window = accounts.RESET_LIMITS["address"]
    for i in range(per_address):
        reset(client, f"x{i}@example.com", address="192.0.2.50")
    assert reset(client, "y@example.com", address="192.0.2.50").status_code == 429


# --- hashing ----------------------------------------------------------------------------------------------

def test_argon2_is_the_first_hasher_and_old_hashes_are_upgraded(client, writer, settings):
    from django.contrib.auth.hashers import make_password

    import editorial.settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    writer.password = make_password(PASSWORD, hasher="pbkdf2_sha256")  # an account from before
    writer.save()
    sign_in(client, "writer", PASSWORD)
    writer.refresh_from_db()
    assert signed_in(client) and writer.password.startswith("argon2$")


# --- seed_demo --------------------------------------------------------------------------------------------

def test_seed_demo_leaves_existing_users_alone_unless_asked(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "first-pass-123")
    call_command("seed_demo")
    User = get_user_model()
    admin = User.objects.get(username="admin")
    admin.set_password("changed-by-the-admin-9")
    admin.is_superuser = False
    admin.save()
    monkeypatch.setenv("DEMO_PASSWORD", "second-pass-456")
    call_command("seed_demo")
    admin.refresh_from_db()
    assert admin.check_password("changed-by-the-admin-9") and not admin.is_superuser
    assert "second-pass-456" not in capsys.readouterr().out
    call_command("seed_demo", "--reset-passwords")
    admin.refresh_from_db()
    assert admin.check_password("second-pass-456") and admin.is_superuser


def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.23", REMOTE_ADDR="127.0.0.1")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert accounts.client_address(request) == "127.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert accounts.client_address(request) == "198.51.100.23"  # not the client-written 1.2.3.4


def test_a_cache_that_does_not_answer_never_stops_a_sign_in(client, writer, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    for name in ("get", "add", "incr", "set", "delete_many"):
        monkeypatch.setattr(cache, name, broken)
    with pytest.raises(ConnectionError):
        cache.get("anything")
    sign_in(client, "writer", "wrong")
    sign_in(client, "writer", PASSWORD)
    assert signed_in(client)


def test_the_lockout_message_is_arabic_with_arabic_digits_and_plural_forms():
    from django.utils import translation

    from editorial.accounts import _minutes

    with translation.override("ar"):
        assert _minutes(60) == "محاولات كثيرة. أعد المحاولة بعد دقيقة."
        assert _minutes(120) == "محاولات كثيرة. أعد المحاولة بعد دقيقتين."
        assert _minutes(300) == "محاولات كثيرة. أعد المحاولة بعد ٥ دقائق."
    with translation.override("en"):
        assert _minutes(300) == "Too many attempts. Try again in 5 minutes."
