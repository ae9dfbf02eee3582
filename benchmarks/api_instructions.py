#!/usr/bin/env python
"""Count the machine instructions a POST to the API costs outside the engine: a figure load does not move.

    python benchmarks/api_instructions.py [--tree /tmp/perf-base ...] [--requests 20]

Wall and CPU time per request swing by tens of per cent on a shared machine; instructions do not (about 0.1%
between runs of the same tree). For this checkout and each ``--tree``, a child process with production settings
(``DJANGO_ENV=production``, PostgreSQL in a schema of its own in ``$BENCH_DATABASE_URL``'s database, default
``editorial_perf``; Redis at ``$BENCH_REDIS_URL``, default db 6, under a key prefix of its own) runs under
valgrind's callgrind with instrumentation off: it migrates, makes an API client, sends a few requests (imports,
the key and the rule settings cached, the worker knowing the key), then callgrind is switched on for
``--requests`` more and off again. The engine is memoised (each text checked once, its report reused) and every
request sends the same 800-word article (``benchmarks/article_ar.txt``; a new external id for each draft), so
what is counted is the request path alone: middleware, authentication and the rate count, parsing and validating,
the writes, presenting and rendering. The database's and Redis's own work is not counted (another process): the
queries are (``benchmarks/api.py`` counts them). Needs valgrind; about a minute per tree and endpoint. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from api import (  # benchmarks/ is this script's folder, first on sys.path
    article,
    bench_database,
    database_url,
    reset_schema,
)
from callgrind import collected

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = ("POST /api/v1/check/", "POST /api/v1/drafts/")

CHILD = r"""
import json, logging, os, secrets, sys, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
from django.test import Client
from editorial.api import services as api_services
import editorial.services as write_services
import editorial.api.views as api_views
for handler in logging.getLogger().handlers:  # the request log is still formatted, as in production
    handler.stream = open(os.devnull, "w")
memo = {}
def memoised(check):
    def check_once(title, body, *args, **kwargs):
        if (title, body) not in memo:
            memo[(title, body)] = check(title, body, *args, **kwargs)
        return memo[(title, body)]
    return check_once
write_services.check_draft = memoised(write_services.check_draft)
api_views.check_draft = memoised(api_views.check_draft)
title, body = os.environ["BENCH_TITLE"], os.environ["BENCH_BODY"]
_client, key = api_services.api_client_create(name="instructions-" + secrets.token_hex(4))
http = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_AUTHORIZATION="Bearer " + key)
check_json = json.dumps({"title": title, "body": body}, ensure_ascii=False)
def post_check():
    return http.post("/api/v1/check/", check_json, content_type="application/json")
def post_draft():
    data = {"title": title, "body": body, "desk": "محليات", "external_id": "i-" + secrets.token_hex(6)}
    return http.post("/api/v1/drafts/", json.dumps(data, ensure_ascii=False), content_type="application/json")
send = {"POST /api/v1/check/": post_check, "POST /api/v1/drafts/": post_draft}[os.environ["BENCH_ENDPOINT"]]
for _ in range(8):
    assert send().status_code in (200, 201)
flag = os.environ["BENCH_FLAG"]
open(flag + ".ready", "w").close()
while not os.path.exists(flag + ".go"):
    time.sleep(0.05)
for _ in range(int(os.environ["BENCH_REQUESTS"])):
    send()
open(flag + ".done", "w").close()
while not os.path.exists(flag + ".end"):
    time.sleep(0.05)
"""


def instructions(tree: Path, schema: str, endpoint: str, requests: int, base_url: str, redis_url: str) -> float:
    reset_schema(base_url, schema)
    title, body = article()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "EDITORIAL_"))},
            "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", "DJANGO_SETTINGS_MODULE": "editorial.settings",
            "DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "instructions-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_BEHIND_PROXY": "1",
            "DATABASE_URL": database_url(base_url, schema),
            "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": schema, "DATA_DIR": os.path.join(tmp, "data"),
            "EDITORIAL_API_RATE": "1000000/min", "LOG_LEVEL": "INFO",
            "BENCH_TITLE": title, "BENCH_BODY": body, "BENCH_ENDPOINT": endpoint,
            "BENCH_REQUESTS": str(requests),
        }
        os.makedirs(os.path.join(tmp, "data", "static"))
        total = collected(CHILD, env, cwd=str(tree))
    reset_schema(base_url, schema)
    return total / requests


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout (repeatable)")
    ap.add_argument("--requests", type=int, default=20, help="requests per endpoint in the counted pass")
    a = ap.parse_args()
    base_url = bench_database()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
    trees = [("this checkout", ROOT)] + [(str(t), t.resolve()) for t in a.tree]
    counts: dict[tuple[str, str], float] = {}
    for i, (name, tree) in enumerate(trees):
        for endpoint in ENDPOINTS:
            counts[name, endpoint] = instructions(tree, f"instr_{i}", endpoint, a.requests, base_url, redis_url)
            print(f"{name}: {endpoint} {counts[name, endpoint] / 1e6:.2f} M instructions per request outside "
                  f"the engine ({a.requests} requests)", flush=True)
    for name, _tree in trees[1:]:
        for endpoint in ENDPOINTS:
            print(f"this checkout / {name}, {endpoint}: "
                  f"x{counts['this checkout', endpoint] / counts[name, endpoint]:.3f}")


if __name__ == "__main__":
    main()
