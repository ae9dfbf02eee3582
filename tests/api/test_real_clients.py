"""Real third-party clients against the live test server, as an integrator would use them.

Each client runs in a child process (``tests/api/interop/``) behind ``guard.py``: it may reach this machine's
loopback addresses only and start no process, so a client that tried to download LanguageTool, start Java or
call a public server would fail the test rather than go to the internet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editorial.models import Draft

from .conftest import BODY_WITH_PLACEHOLDER, PLACEHOLDER, TITLE

pytestmark = pytest.mark.django_db(transaction=True)

INTEROP = Path(__file__).parent / "interop"
CHILD_TIMEOUT = 120  # a hung child fails the test instead of holding the suite; it is not a speed assertion

LT_TITLE = "وزير الصحة يفتتح مستشفى بسعة 300 سرير في الجهراء"
# Windows line endings and a character outside the BMP before the findings: the client's offsets must still
# point into the text exactly as it sent it.
LT_BODY = (f"افتتح وزير الصحة 🏥 صباح {PLACEHOLDER} مستشفى الجهراء الجديد بسعة 400 سرير.\r\n\r\n"
           "وقال الوزير إن إن المستشفى يخدم سكان المحافظة.")
LT_TEXT = f"{LT_TITLE}\r\n\r\n{LT_BODY}"


def child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(INTEROP)
    return env


def run_child(script: str, job: dict) -> dict:
    done = subprocess.run([sys.executable, str(INTEROP / script)], input=json.dumps(job), capture_output=True,
                          text=True, env=child_env(), timeout=CHILD_TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_the_guard_stops_a_client_that_reaches_past_this_machine(tmp_path):
    """The guard itself can fail: a child that resolves a public name or starts a process is stopped."""
    for code in ("import socket; socket.getaddrinfo('languagetool.org', 443)",
                 "import subprocess; subprocess.run(['java', '-version'])"):
        script = tmp_path / "probe.py"
        script.write_text(f"import guard\n{code}\nprint('went through')\n")
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=child_env(),
                              timeout=CHILD_TIMEOUT, check=False)
        assert done.returncode == 3 and "went through" not in done.stdout, (code, done.stderr)


def test_language_tool_python_checks_arabic_given_only_the_server_url(live_server, settings):
    settings.LANGUAGETOOL_ANONYMOUS = True
    out = run_child("languagetool_client.py", {
        "url": f"{live_server.url}/api/v1/languagetool/",
        "text": LT_TEXT,
        "runs": [
            {},
            {"disabled_categories": ["PLACEHOLDER"]},
            {"disabled_rules": ["repetition.doubled_word", "consistency.number_mismatch"]},
            {"enabled_only": True, "enabled_rules": ["repetition.doubled_word"]},
            {"enabled_only": True, "enabled_categories": ["CONSISTENCY"]},
        ],
    })
    assert out["remote"] and out["url"] == f"{live_server.url}/api/v1/languagetool/v2/"
    every, no_placeholders, no_two_rules, only_doubled, only_consistency = out["runs"]
    found = {m["rule"]: LT_TEXT[m["offset"]:m["offset"] + m["length"]] for m in every}
    assert found == {"consistency.number_mismatch": "300 سرير", "placeholder.bracket_instruction": PLACEHOLDER,
                     "repetition.doubled_word": "إن إن"}
    assert {m["category"] for m in every} == {"CONSISTENCY", "PLACEHOLDER", "REPETITION"}
    assert {m["rule"] for m in no_placeholders} == {"consistency.number_mismatch", "repetition.doubled_word"}
    assert {m["rule"] for m in no_two_rules} == {"placeholder.bracket_instruction"}
    assert {m["rule"] for m in only_doubled} == {"repetition.doubled_word"}
    assert {m["rule"] for m in only_consistency} == {"consistency.number_mismatch"}
    doubled = next(m for m in every if m["rule"] == "repetition.doubled_word")
    if doubled["replacements"]:  # the client applies the first replacement at the offset it was given
        assert "إن إن" not in out["corrected"] and out["corrected"].count("\r\n") == LT_TEXT.count("\r\n")


def test_language_tool_python_given_the_url_without_its_final_slash_is_sent_on(live_server, settings):
    settings.LANGUAGETOOL_ANONYMOUS = True
    out = run_child("languagetool_client.py", {"url": f"{live_server.url}/api/v1/languagetool", "text": LT_TEXT,
                                               "runs": [{"disabled_categories": ["CONSISTENCY"]}]})
    assert out["url"] == f"{live_server.url}/api/v1/v2/"  # the client's URL rules, followed by our 308
    assert {m["rule"] for m in out["runs"][0]} == {"placeholder.bracket_instruction", "repetition.doubled_word"}


def test_without_anonymous_checks_a_keyless_client_is_refused_and_a_keyed_one_is_not(live_server, cms_a):
    import requests  # language_tool_python's own HTTP library, here only to read the status code

    url = f"{live_server.url}/api/v1/languagetool/v2/check"
    assert requests.post(url, data={"language": "ar", "text": LT_TEXT}, timeout=30).status_code == 401
    keyed = requests.post(url, data={"language": "ar", "text": LT_TEXT, "username": "desk@example.com",
                                     "apiKey": cms_a.raw_key}, timeout=30)
    assert keyed.status_code == 200 and len(keyed.json()["matches"]) == 3


def _generate_client(schema: bytes, folder: Path) -> Path:
    """``openapi-python-client`` (MIT) turns the live schema into a package, offline (behind the guard; no
    formatter run, which would be a child process)."""
    (folder / "openapi.json").write_bytes(schema)
    (folder / "config.yml").write_text("project_name_override: editorial-api-client\n"
                                       "package_name_override: editorial_api_client\npost_hooks: []\n")
    generate = ("import guard, sys; from openapi_python_client.cli import app; "
                "sys.argv = ['openapi-python-client', *sys.argv[1:]]; app()")
    done = subprocess.run(
        [sys.executable, "-c", generate, "generate", "--path", "openapi.json", "--config", "config.yml",
         "--output-path", "client", "--meta", "none"],
        cwd=folder, capture_output=True, text=True, env=child_env(), timeout=CHILD_TIMEOUT, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Warning" not in done.stdout, done.stdout  # every operation and model generated
    package = folder / "pkg"
    package.mkdir()
    (folder / "client").rename(package / "editorial_api_client")
    return package


def test_a_client_generated_from_the_schema_drives_the_live_server(live_server, api_client_a, tmp_path):
    import requests

    from editorial.api.services import api_key_create

    schema = requests.get(f"{live_server.url}/api/v1/schema/?format=json", timeout=30)
    assert schema.status_code == 200
    package = _generate_client(schema.content, tmp_path)
    _key, raw = api_key_create(client=api_client_a)
    out = run_child("openapi_client.py", {"package_dir": str(package), "base_url": live_server.url, "key": raw,
                                          "title": TITLE, "body": BODY_WITH_PLACEHOLDER})
    created = out["created"]
    assert created["status_code"] == 201 and created["created"] and created["status"] == "draft"
    assert created["location"] == f"{live_server.url}/api/v1/drafts/{created['id']}/"
    assert "placeholder.bracket_instruction" in out["findings"] and out["check"] == out["findings"]
    assert out["dismissed"] == {"rule": "placeholder.bracket_instruction", "dismissed": True, "clears_gate": False}
    assert out["listed"] == sorted(Draft.objects.values_list("pk", flat=True)) and len(out["listed"]) == 4
    assert out["after_submit"] == "in_review"
    assert out["publish"] == {"status_code": 409, "code": "invalid_transition", "status": "in_review"}
    assert Draft.objects.get(pk=created["id"]).status == "in_review"
