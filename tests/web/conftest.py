import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def login(client):
    """Sign a persona in on the Django test client; returns the client."""

    def sign_in(user):
        assert client.login(username=user.username, password=PASSWORD)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Personas are created per test: a fast hasher keeps the web tests quick (production keeps PBKDF2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
