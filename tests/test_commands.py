"""Management commands: checkdraft (no database needed, never writes), seed_demo (idempotent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from editorial.models import Draft, ReviewEvent

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "البرلمان يناقش الموازنة\n\nناقش البرلمان يوم [تاريخ الجلسة – يرجى إضافته] مشروع الموازنة العامة.\n"


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_checkdraft_prints_one_json_report_per_file_without_a_migrated_database(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DRAFT, encoding="utf-8")
    b.write_text("\n\nعنوان نظيف\n\nنص قصير.\n", encoding="utf-8")
    proc = run_cli("checkdraft", "--format", "json", str(a), str(b), data_dir=tmp_path / "empty")
    assert proc.returncode == 0, proc.stderr
    reports = json.loads(proc.stdout)
    assert [r["file"] for r in reports] == [str(a), str(b)]
    assert reports[1]["title"] == "عنوان نظيف"
    (finding,) = [f for f in reports[0]["findings"] if f["rule"] == "placeholder.bracket_instruction"]
    assert reports[0]["body"][finding["start"]:finding["end"]] == "[تاريخ الجلسة – يرجى إضافته]"
    assert all(v >= 0 for v in reports[0]["counts"].values())


@pytest.mark.parametrize("content, message", [(None, "no such file"), (b"\xff\xfe\x00bad", "not UTF-8")])
def test_checkdraft_fails_cleanly_on_unreadable_files(tmp_path, content, message):
    path = tmp_path / "x.txt"
    if content is not None:
        path.write_bytes(content)
    proc = run_cli("checkdraft", str(path), data_dir=tmp_path)
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_checkdraft_text_format_lists_findings(tmp_path, capsys, db):
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    call_command("checkdraft", str(path))
    out = capsys.readouterr().out
    assert "placeholder.bracket_instruction" in out


def test_checkdraft_uses_the_admins_rule_settings(tmp_path, capsys, db):
    from editorial.models import RuleSetting

    RuleSetting.objects.create(rule="placeholder.bracket_instruction", enabled=False)
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    call_command("checkdraft", "--format", "json", str(path))
    (report,) = json.loads(capsys.readouterr().out)
    assert report["counts"]["placeholder.bracket_instruction"] == 0


def test_checkdraft_needs_a_file():
    with pytest.raises(CommandError):
        call_command("checkdraft")


def test_seed_demo_is_idempotent(db, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-123")
    call_command("seed_demo")
    drafts, events = Draft.objects.count(), ReviewEvent.objects.count()
    call_command("seed_demo")
    assert Draft.objects.count() == drafts >= 5 and ReviewEvent.objects.count() == events
    from django.contrib.auth import authenticate

    assert authenticate(username="writer", password="demo-pass-123") is not None
    assert Draft.objects.filter(author__username="writer").count() >= 3
    assert Draft.objects.filter(revisions__check_runs__findings__severity="error").exists()
    assert "demo-pass-123" in capsys.readouterr().out


def test_production_refuses_to_start_without_a_secret(tmp_path):
    env = {**os.environ, "DJANGO_ENV": "production", "DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SECRET_KEY", None)
    proc = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode != 0 and "DJANGO_SECRET_KEY is required" in proc.stderr


def test_production_turns_on_secure_cookies_and_hsts(tmp_path):
    env = {**os.environ, "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "x" * 50, "DATA_DIR": str(tmp_path),
           "DJANGO_ALLOWED_HOSTS": "news.example"}
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**env, "DJANGO_SETTINGS_MODULE": "editorial.settings"})
    assert proc.stdout.split() == ["False", "True", "True", "True"], proc.stderr


def test_importing_the_engine_needs_no_django_settings():
    code = ("import sys, editorial.checks; editorial.checks.check_draft('عنوان', 'نص [المصدر].'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
