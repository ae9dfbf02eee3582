"""Playwright in Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium every browser test is skipped with the reason, unless REQUIRE_BROWSER=1 (CI), where
they fail instead. The sync Playwright API runs an event loop in the test thread, so Django's async-safety
guard is relaxed for these tests only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    ours = [i for i in items if here in Path(str(i.fspath)).parents]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    if not Path(CHROMIUM).exists() and os.environ.get("REQUIRE_BROWSER") != "1":
        for item in ours:
            item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install -y chromium"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():  # only reached with REQUIRE_BROWSER=1: the tests were not skipped
        pytest.fail(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Arabic, like a newsroom machine; the English test switches with the page's own control.
    return {**browser_context_args, "locale": "ar", "viewport": {"width": 1360, "height": 900}}


@pytest.fixture(autouse=True)
def _fast_and_patient(request, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    request.getfixturevalue("page").set_default_timeout(TIMEOUT_MS)


@pytest.fixture
def site(live_server):
    return live_server.url


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where the screenshot tests write: the README's folder only when asked (UPDATE_SCREENSHOTS=1), so a test run
    never changes tracked files."""
    if os.environ.get("UPDATE_SCREENSHOTS") != "1":
        return tmp_path
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
