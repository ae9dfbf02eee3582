"""Static files collected without ``DJANGO_ENV=production`` (no manifest), then served by gunicorn in production:
the API reference and the sign-in page still work, their assets load, and the start-up checks say what to run."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60  # bounds the wait for gunicorn to answer; not a speed assertion


def _env(data_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "DATABASE_URL", "EDITORIAL_", "REDIS_URL")) and "proxy" not in k.lower()}
    return {**env, "DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "editorial.settings", **extra}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_static_collected_without_production_still_serves_the_api_reference_under_gunicorn(tmp_path):
    manage = [sys.executable, "manage.py"]
    local = _env(tmp_path)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=local, check=True, timeout=300)
    assert not (tmp_path / "static" / "staticfiles.json").exists()  # the mistake: no manifest

    production = _env(tmp_path, DJANGO_ENV="production", DJANGO_SECRET_KEY="x" * 50,
                      DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE_SSL_REDIRECT="0", LOG_LEVEL="WARNING")
    checked = subprocess.run([*manage, "check"], cwd=ROOT, env=production, capture_output=True, text=True,
                             timeout=120, check=False)
    assert "editorial.W003" in checked.stderr + checked.stdout

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "editorial.wsgi", "-w", "1", "-b",
                               f"127.0.0.1:{port}"], cwd=ROOT, env=production, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                status, page = _get(f"{base}/api/v1/docs/")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "gunicorn did not answer"
                time.sleep(0.3)
        assert status == 200, page[:500]
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
        assert any("swagger-ui" in a for a in assets), assets
        assert all(_get(base + a)[0] == 200 for a in assets), assets
        status, login = _get(f"{base}/accounts/login/")
        assert status == 200
        css = re.findall(r'href="(/static/[^"]+\.css)"', login)
        assert css and all(_get(base + a)[0] == 200 for a in css), css
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
