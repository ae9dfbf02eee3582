"""Refusals that explain themselves, and the text rules every way in shares (``editorial.errors``,
``editorial.checks.text``, ``editorial.limits``): one status per refusal, one size check, one title split, one line-ending rule, every setting
read in settings.py and listed in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editorial import errors, limits, review, services
from editorial.checks import text
from editorial.models import Draft, column_limit

ROOT = Path(__file__).resolve().parent.parent
TITLE = "وزير الصحة يفتتح مستشفى جديداً في الجهراء"
BODY = "افتتح وزير الصحة صباح [تاريخ اليوم – يرجى إضافته] مستشفى الجهراء.\n\nوقال الوزير إن المستشفى يخدم سكان المحافظة."


@pytest.mark.parametrize("cls", errors.ERRORS)
def test_every_refusal_carries_a_code_and_a_status_the_api_answers_with(cls):
    from editorial.api.exceptions import api_exception_handler

    exc = cls("رفض", field="body")
    r = api_exception_handler(exc, {})
    assert (r.status_code, r.data["code"]) == (cls.http_status, cls.code)
    assert r.data["fields"] == {"body": ["رفض"]} and "status" not in r.data


def test_refusal_codes_are_distinct_and_statuses_are_http_errors():
    assert len({c.code for c in errors.ERRORS}) == len(errors.ERRORS)
    assert all(400 <= c.http_status < 500 for c in errors.ERRORS)


@pytest.fixture
def cms_a(api_client_a):
    from rest_framework.test import APIClient

    from editorial.api.services import api_key_create

    _key, raw = api_key_create(client=api_client_a)
    http = APIClient()
    http.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return http


def test_the_desk_answers_a_refused_transition_with_the_refusals_own_status(client, draft, writer):
    client.force_login(writer)
    r = client.post(f"/drafts/{draft.pk}/transition/", {"action": review.APPROVE, "confirm": "1"})
    assert r.status_code == errors.NotAllowed.http_status == 403


@pytest.mark.parametrize(("raw", "title", "body"), [
    ("\n\n  عنوان الخبر  \n\n\nنص الخبر هنا.\n\n", "عنوان الخبر", "نص الخبر هنا."),
    ("عنوان فقط", "عنوان فقط", ""),
    ("   \n\t\n", "", ""),
    ("العنوان\nالسطر الأول\n\nالسطر الثاني", "العنوان", "السطر الأول\n\nالسطر الثاني"),
])
def test_the_first_non_empty_line_is_the_title_with_offsets_into_the_text(raw, title, body):
    found = text.split_title_at(raw)
    assert (found.title, found.body) == (title, body) == text.split_title(raw)
    if title:
        assert raw[found.title_start:found.title_start + len(title)] == title
    if body:
        assert raw[found.body_start:found.body_start + len(body)] == body


def test_one_line_ending_rule_drops_nul_and_makes_every_break_lf():
    assert text.normalise_body("سطر\r\nسطر\rسطر\x00\n") == "سطر\nسطر\nسطر\n"
    assert text.normalise_title("  عنوان\t\n الخبر ") == "عنوان الخبر"


def test_the_one_size_check_refuses_with_413(settings):
    settings.MAX_DRAFT_CHARS = 10
    assert limits.check_size("ن" * 10) == "ن" * 10
    with pytest.raises(errors.TooLarge) as exc:
        limits.check_size("ن" * 11, field="text")
    assert exc.value.http_status == 413 and exc.value.extra == {"field": "text"}
    assert "10" in exc.value.detail


def test_the_desk_form_and_the_service_give_the_same_size_refusal(settings, writer):
    from editorial.web.forms import DraftForm

    settings.MAX_DRAFT_CHARS = 20
    form = DraftForm({"title": TITLE, "body": "ن" * 21, "base_revision": 1})
    assert not form.is_valid()
    with pytest.raises(services.TooLarge) as exc:
        services.draft_create(title=TITLE, body_text="ن" * 21, user=writer)
    assert form.errors["body"] == [exc.value.detail]


def test_check_and_drafts_give_the_same_offsets_for_windows_line_endings(cms_a):
    crlf = BODY.replace("\n", "\r\n")
    checked = cms_a.post("/api/v1/check/", {"title": TITLE, "body": crlf}, format="json").json()
    stored = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": crlf}, format="json").json()
    spans = [(f["rule"], f["field"], f["start"], f["end"]) for f in checked["findings"]]
    assert spans and spans == [(f["rule"], f["field"], f["start"], f["end"]) for f in stored["report"]["findings"]]
    assert checked["body"] == stored["body_text"] == BODY


def test_column_limits_come_from_the_model(cms_a):
    limit = column_limit(Draft, "desk")
    r = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": BODY, "desk": "ق" * (limit + 1)}, format="json")
    assert r.status_code == 400 and "desk" in r.json()["fields"]
    imported = services.draft_import(title=TITLE, body_text=BODY, desk="ق" * (limit + 5))
    assert imported.desk == "ق" * limit


def _settings_read_from_the_environment() -> set[str]:
    source = (ROOT / "editorial" / "settings.py").read_text()
    names = set(re.findall(r"""(?:os\.environ\.get|os\.environ\[|env\w*)\(?\s*["']([A-Z][A-Z0-9_]+)["']""", source))
    assert "EDITORIAL_MAX_DRAFT_CHARS" in names and "DATABASE_URL" in names  # the pattern reads them
    return names


def test_every_setting_read_from_the_environment_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = sorted(n for n in _settings_read_from_the_environment() if f"`{n}`" not in readme
                     and not re.search(rf"`{n}[ =(`]", readme))
    assert missing == []


def test_settings_are_read_in_settings_py_only():
    """No module reads a setting with a fallback of its own (``getattr(settings, ...)``) or the environment."""
    offenders = []
    for path in (ROOT / "editorial").rglob("*.py"):
        if path.name in ("settings.py", "wsgi.py", "asgi.py") or "migrations" in path.parts:
            continue
        source = path.read_text()
        if re.search(r"getattr\(settings|os\.environ|os\.getenv", source):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == ["editorial/management/commands/seed_demo.py"]  # DEMO_PASSWORD: the command's own input
