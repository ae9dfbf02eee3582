"""Keys: hashed, shown once, revocable, last use recorded; rate limits per client."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from editorial.api.services import api_key_create, api_key_revoke
from editorial.models import ApiClient, ApiKey

pytestmark = pytest.mark.django_db


def _with(raw: str) -> APIClient:
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return http


def test_create_api_client_prints_the_key_alone_on_the_last_line():
    out = StringIO()
    call_command("create_api_client", "جريدة الصباح", "--webhook-url", "https://cms.example.com/hook",
                 "--webhook-secret", "s3cret", stdout=out)
    raw = out.getvalue().strip().splitlines()[-1]
    client = ApiClient.objects.get(name="جريدة الصباح")
    assert client.webhook_url == "https://cms.example.com/hook" and client.webhook_secret == "s3cret"
    key = client.keys.get()
    assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest() and raw not in key.key_hash
    assert len(raw) >= 40 and " " not in raw and raw.startswith(key.prefix)
    assert _with(raw).get("/api/v1/drafts/").status_code == 200


@pytest.mark.parametrize("args", [["dup"], ["bad-url", "--webhook-url", "not a url"], ["  "]])
def test_create_api_client_refuses_bad_input_with_a_message(args):
    ApiClient.objects.create(name="dup")
    with pytest.raises(CommandError):
        call_command("create_api_client", *args, stdout=StringIO())


def test_create_api_client_can_add_a_key_to_an_existing_client(api_client_a):
    out = StringIO()
    call_command("create_api_client", api_client_a.name, "--new-key", stdout=out)
    assert _with(out.getvalue().splitlines()[-1]).get("/api/v1/drafts/").status_code == 200


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Bearer ", "Bearer not-a-key", "Bearer a b", "Basic dXNlcjpwYXNz", "Token abc",
    "Bearer " + "x" * 5000, "Bearer \u0645\u0641\u062a\u0627\u062d",
])
def test_it_answers_401_without_a_valid_key(anonymous, header):
    if header is not None:
        anonymous.credentials(HTTP_AUTHORIZATION=header)
    r = anonymous.get("/api/v1/drafts/")
    assert r.status_code == 401
    assert r.json()["code"] in ("not_authenticated", "authentication_failed")
    assert r["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_key_stops_working(api_client_a):
    key, raw = api_key_create(client=api_client_a)
    assert _with(raw).get("/api/v1/drafts/").status_code == 200
    api_key_revoke(key=key)
    assert _with(raw).get("/api/v1/drafts/").status_code == 401


def test_an_inactive_client_is_refused(api_client_a):
    _key, raw = api_key_create(client=api_client_a)
    ApiClient.objects.filter(pk=api_client_a.pk).update(is_active=False)
    assert _with(raw).get("/api/v1/drafts/").status_code == 401


def test_a_client_may_hold_several_keys(api_client_a):
    raws = [api_key_create(client=api_client_a)[1] for _ in range(2)]
    assert [_with(r).get("/api/v1/drafts/").status_code for r in raws] == [200, 200]


def test_it_records_when_a_key_was_last_used(api_client_a):
    key, raw = api_key_create(client=api_client_a)
    assert key.last_used_at is None
    _with(raw).get("/api/v1/drafts/")
    assert ApiKey.objects.get(pk=key.pk).last_used_at is not None


def test_a_browser_session_cannot_use_the_draft_endpoints(client, writer):
    client.force_login(writer)
    assert client.get("/api/v1/drafts/").status_code == 401


def test_rate_limits_apply_per_client_with_a_per_client_override(api_client_a, api_client_b):
    ApiClient.objects.filter(pk=api_client_a.pk).update(throttle_rate="2/min")
    slow = _with(api_key_create(client=api_client_a)[1])
    other = _with(api_key_create(client=api_client_b)[1])
    answers = [slow.get("/api/v1/drafts/") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    r = slow.get("/api/v1/drafts/")
    assert r.json()["code"] == "throttled" and int(r["Retry-After"]) > 0
    assert other.get("/api/v1/drafts/").status_code == 200
    # every counted answer says where the client stands (IETF RateLimit fields), the refusal included
    assert [(a["RateLimit-Limit"], a["RateLimit-Remaining"]) for a in answers] == [("2", "1"), ("2", "0"), ("2", "0")]
    assert all(1 <= int(a["RateLimit-Reset"]) <= 60 and a["RateLimit-Policy"] == "2;w=60" for a in answers)
    assert abs(int(r["Retry-After"]) - int(r["RateLimit-Reset"])) <= 1


def test_errors_after_the_count_carry_the_rate_limit_fields_too(cms_a):
    r = cms_a.get("/api/v1/drafts/999/")
    assert r.status_code == 404 and r["RateLimit-Limit"] == "6000" and r["RateLimit-Remaining"] == "5999"


def test_a_mistyped_client_rate_falls_back_to_the_default(api_client_a):
    ApiClient.objects.filter(pk=api_client_a.pk).update(throttle_rate="lots")
    assert _with(api_key_create(client=api_client_a)[1]).get("/api/v1/drafts/").status_code == 200


def test_the_default_rate_comes_from_the_api_client_scope(api_client_a, settings):
    from rest_framework.throttling import SimpleRateThrottle

    from editorial.api.throttling import ApiClientRateThrottle

    assert ApiClientRateThrottle.scope == "api_client"
    assert "api_client" in SimpleRateThrottle.THROTTLE_RATES
