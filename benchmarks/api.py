#!/usr/bin/env python
"""Benchmark the HTTP stack: gunicorn (-w 2 --preload, production settings) on PostgreSQL, loaded by wrk.

    python benchmarks/api.py [--tree /tmp/perf-base] [--duration 10] [--connections 4]

For this checkout and every ``--tree`` (another checkout of the project, e.g. ``git worktree add /tmp/perf-base
54356e3``), in one run: a fresh PostgreSQL schema (in ``$BENCH_DATABASE_URL``'s database, default
``editorial_perf``), migrations, collectstatic, a writer with a session, an API client with a key, 60 drafts on
the desk; then one gunicorn per tree on 127.0.0.1 and, endpoint by endpoint, wrk against each tree in turn
(warm-up first), so the trees share the machine's state. Prints req/s, p50 and p99 per endpoint and tree, and the
ratio to the first ``--tree``. Loopback only, every load bounded by ``--duration``. Figures are printed, never
asserted.

The article is ours (``benchmarks/article_ar.txt``, 804 words); every POST of a draft carries a new external id.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "benchmarks" / "article_ar.txt"
DEFAULT_DB = "postgres://postgres@localhost:5432/editorial_perf"
DESK_DRAFTS = 60
# One placeholder at the end, so stored drafts have a finding to show, as most real ones do.
TAIL = "\n\n(تصوير: [اسم المصور])"

SETUP = r"""
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from editorial import review, services
from editorial.api import services as api_services
from editorial.roles import ensure_groups

title, body = os.environ["BENCH_TITLE"], os.environ["BENCH_BODY"]
ensure_groups()
writer = get_user_model().objects.create_user("bench-writer", "writer@example.com", "bench-" + os.urandom(8).hex())
writer.groups.add(Group.objects.get(name=review.GROUP_WRITERS))
client, key = api_services.api_client_create(name="bench")
drafts = [services.draft_create(title=f"{title} ({i})", body_text=body, user=writer, desk="محليات")
          for i in range(int(os.environ["BENCH_DESK_DRAFTS"]))]
api_draft, _c, _r = api_services.draft_submit(client=client, title=title, body_text=body, external_id="bench-read")
for i in range(int(os.environ["BENCH_FILL"])):  # the table a quiet run's POSTs leave, before any measure
    api_services.draft_submit(client=client, title=title, body_text=body + "\n\n(مرجع الطلب " + str(i) + ")",
                              external_id=f"bench-fill-{i}")
browser = Client()
browser.force_login(writer)
print(json.dumps({"key": key, "api_draft": api_draft.pk, "web_draft": drafts[0].pk,
                  "session": browser.cookies["sessionid"].value}))
"""

ENGINE = r"""
import os, statistics, time
from editorial.checks import check_draft
title, body = os.environ["BENCH_TITLE"], os.environ["BENCH_BODY"]
for _ in range(5):
    check_draft(title, body)
times = []
for _ in range(int(os.environ["BENCH_RUNS"])):
    t = time.perf_counter(); check_draft(title, body); times.append((time.perf_counter() - t) * 1000)
print(round(statistics.median(times), 2))
"""

# In process, through Django's test client with the same settings and data: queries, wall and CPU time per request.
# CPU time (process_time) barely moves when other programs crowd the machine; wall time under wrk does.
INPROC = r"""
import json, os, secrets, statistics, time
from django.db import connection
from django.test import Client
info = json.loads(os.environ["BENCH_INFO"])
title, body = os.environ["BENCH_TITLE"], os.environ["BENCH_BODY"]
runs = int(os.environ["BENCH_RUNS"])
http = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
api = {"HTTP_AUTHORIZATION": "Bearer " + info["key"]}
web = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
web.cookies["sessionid"] = info["session"]
def varied():  # a different text each time, as under wrk
    return body + "\n\n(مرجع الطلب " + secrets.token_hex(6) + ")"
def post_draft():
    data = {"title": title, "body": varied(), "desk": "x", "external_id": "inproc-" + secrets.token_hex(6)}
    return http.post("/api/v1/drafts/", json.dumps(data), content_type="application/json", **api)
cases = {
    "POST /api/v1/drafts/ (new draft)": post_draft,
    "POST /api/v1/check/": lambda: http.post("/api/v1/check/", json.dumps({"title": title, "body": varied()}),
                                             content_type="application/json", **api),
    "GET /api/v1/drafts/{id}/": lambda: http.get(f"/api/v1/drafts/{info['api_draft']}/", **api),
    "GET / (desk, 50 rows)": lambda: web.get("/"),
    "GET /drafts/{id}/ (page)": lambda: web.get(f"/drafts/{info['web_draft']}/"),
}
out = {}
for name, fn in cases.items():
    for _ in range(3):
        assert fn().status_code in (200, 201), name
    counted = [0]
    def counter(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)
    with connection.execute_wrapper(counter):  # request_started empties connection.queries: count here instead
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    out[name] = {"queries": counted[0], "wall": statistics.median(wall), "cpu": statistics.median(cpu)}
print(json.dumps(out))
"""

# wrk script: fixed method, path, headers and body, or a body made per request around a fresh id (put in one or
# two places: ``prefix id middle id suffix``).
LUA = r"""
local counter = 0
local nonce = "%(nonce)s"
local prefix = [==[%(prefix)s]==]
local middle = [==[%(middle)s]==]
local suffix = [==[%(suffix)s]==]
wrk.method = "%(method)s"
wrk.path = "%(path)s"
%(headers)s
if %(per_request)s then
  request = function()
    counter = counter + 1
    local id = nonce .. "-" .. counter
    if #middle > 0 then
      return wrk.format(nil, nil, nil, prefix .. id .. middle .. id .. suffix)
    end
    return wrk.format(nil, nil, nil, prefix .. id .. suffix)
  end
elseif #prefix > 0 then
  wrk.body = prefix
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%%d,"duration_us":%%d,"p50_us":%%d,"p99_us":%%d,"non2xx":%%d,"socket_errors":%%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class Tree:
    path: Path
    label: str
    schema: str
    port: int
    data_dir: Path
    env: dict = field(default_factory=dict)
    info: dict = field(default_factory=dict)
    server: subprocess.Popen | None = None
    engine_ms: float = 0.0
    inproc: dict = field(default_factory=dict)


def article() -> tuple[str, str]:
    title, _, body = ARTICLE.read_text(encoding="utf-8").partition("\n")
    return title.strip(), body.strip() + TAIL


def label_of(path: Path) -> str:
    try:
        rev = subprocess.run(["git", "-C", str(path), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(path), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=False).stdout.strip()
        return rev + ("+" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return path.name


def database_url(base: str, schema: str) -> str:
    parts = urllib.parse.urlsplit(base)
    query = urllib.parse.urlencode({"options": f"-c search_path={schema}"})
    return urllib.parse.urlunsplit(parts._replace(query=query))


def bench_database() -> str:
    """``$BENCH_DATABASE_URL`` (default ``editorial_perf`` on localhost), the database created when a fresh
    machine has none yet: every PostgreSQL benchmark works in schemas of its own inside it."""
    import psycopg
    from psycopg import sql

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    try:
        psycopg.connect(url).close()
    except psycopg.OperationalError:
        with psycopg.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return url


def reset_schema(base_url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')


def run_in(tree: Tree, *args: str, extra_env: dict | None = None) -> str:
    out = subprocess.run([sys.executable, *args], cwd=tree.path, env={**tree.env, **(extra_env or {})},
                         capture_output=True, text=True, timeout=600, check=False)
    if out.returncode:
        sys.exit(f"[{tree.label}] {' '.join(args[:2])} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def prepare(tree: Tree, base_url: str, redis_url: str, title: str, body: str, fill: int = 0) -> None:
    reset_schema(base_url, tree.schema)
    shutil.rmtree(tree.data_dir, ignore_errors=True)
    tree.data_dir.mkdir(parents=True)
    tree.env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "EDITORIAL_"))},
        "PYTHONPATH": str(tree.path),
        "DJANGO_SETTINGS_MODULE": "editorial.settings",
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",  # wrk plays the TLS-terminating proxy: X-Forwarded-Proto: https
        "DATABASE_URL": database_url(base_url, tree.schema),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": tree.schema,  # each tree its own keys: the trees reuse the same ids (key, draft 1)
        "DATA_DIR": str(tree.data_dir),
        "EDITORIAL_API_RATE": "1000000/min",  # the throttle runs, but never refuses the benchmark
        "LOG_LEVEL": "INFO",
    }
    run_in(tree, "manage.py", "migrate", "--noinput", "-v0")
    run_in(tree, "manage.py", "collectstatic", "--noinput", "-v0")
    env = {"BENCH_TITLE": title, "BENCH_BODY": body, "BENCH_DESK_DRAFTS": str(DESK_DRAFTS), "BENCH_RUNS": "40",
           "BENCH_FILL": str(fill)}
    tree.info = json.loads(run_in(tree, "manage.py", "shell", "-c", SETUP, extra_env=env).strip().splitlines()[-1])
    tree.engine_ms = float(run_in(tree, "-c", "import django; django.setup()\n" + ENGINE, extra_env=env).strip())


def measure_in_process(tree: Tree, title: str, body: str, runs: int) -> None:
    env = {"BENCH_TITLE": title, "BENCH_BODY": body, "BENCH_RUNS": str(runs), "BENCH_INFO": json.dumps(tree.info),
           "LOG_LEVEL": "WARNING"}
    out = run_in(tree, "manage.py", "shell", "-c", INPROC, extra_env=env)
    tree.inproc = json.loads(out.strip().splitlines()[-1])


def start(tree: Tree) -> None:
    log = (tree.data_dir / "gunicorn.log").open("w")
    tree.server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "editorial.wsgi", "-w", "2", "--preload", "--chdir", str(tree.path),
         "-b", f"127.0.0.1:{tree.port}", "--timeout", "60", "--no-control-socket"],
        cwd=tree.path, env=tree.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            probe = urllib.request.Request(f"http://127.0.0.1:{tree.port}/static/editorial/base.css",
                                           headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(probe, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
        if tree.server.poll() is not None:
            break
    stop(tree)
    sys.exit(f"[{tree.label}] gunicorn did not start; see {tree.data_dir / 'gunicorn.log'}")


def stop(tree: Tree) -> None:
    if tree.server and tree.server.poll() is None:
        os.killpg(tree.server.pid, signal.SIGTERM)
        try:
            tree.server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(tree.server.pid, signal.SIGKILL)


def endpoints(tree: Tree, title: str, body: str) -> list[tuple[str, dict]]:
    api = {"Authorization": f"Bearer {tree.info['key']}", "Content-Type": "application/json"}
    web = {"Cookie": f"sessionid={tree.info['session']}"}
    # Every POST sends a different text (its last line carries the request's id), so nothing keyed on the text
    # can answer a repeated body; a new draft also gets a new external id.
    varied = body + "\n\n(مرجع الطلب @@)"
    draft_json = json.dumps({"title": title, "body": varied, "desk": "محليات", "external_id": "bench-@@"},
                            ensure_ascii=False)
    d_prefix, d_middle, d_suffix = draft_json.split("@@")
    c_prefix, c_suffix = json.dumps({"title": title, "body": varied}, ensure_ascii=False).split("@@")
    return [
        ("POST /api/v1/drafts/ (new draft)", {"method": "POST", "path": "/api/v1/drafts/", "headers": api,
                                             "prefix": d_prefix, "middle": d_middle, "suffix": d_suffix,
                                             "per_request": True}),
        ("POST /api/v1/check/", {"method": "POST", "path": "/api/v1/check/", "headers": api,
                                 "prefix": c_prefix, "suffix": c_suffix, "per_request": True}),
        ("GET /api/v1/drafts/{id}/", {"method": "GET", "path": f"/api/v1/drafts/{tree.info['api_draft']}/",
                                      "headers": api}),
        ("GET / (desk, 50 rows)", {"method": "GET", "path": "/", "headers": web}),
        ("GET /drafts/{id}/ (page)", {"method": "GET", "path": f"/drafts/{tree.info['web_draft']}/",
                                      "headers": web}),
        ("GET static file (ceiling)", {"method": "GET", "path": "/static/editorial/base.css", "headers": {}}),
    ]


def lua(spec: dict, nonce: str) -> str:
    headers = {"X-Forwarded-Proto": "https", **spec["headers"]}
    lines = "\n".join(f'wrk.headers["{k}"] = [==[{v}]==]' for k, v in headers.items())
    return LUA % {"nonce": nonce, "prefix": spec.get("prefix", ""), "middle": spec.get("middle", ""),
                  "suffix": spec.get("suffix", ""),
                  "method": spec["method"], "path": spec["path"], "headers": lines,
                  "per_request": "true" if spec.get("per_request") else "false"}


def wrk(tree: Tree, spec: dict, seconds: float, connections: int, workdir: Path) -> dict:
    script = workdir / f"{tree.schema}.lua"
    script.write_text(lua(spec, secrets.token_hex(4)), encoding="utf-8")
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script),
         f"http://127.0.0.1:{tree.port}"],
        capture_output=True, text=True, timeout=seconds + 60, check=False,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith('{"requests"')), None)
    if line is None:
        sys.exit(f"wrk failed:\n{out.stdout}\n{out.stderr}")
    r = json.loads(line)
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", action="append", type=Path, default=[],
                    help="another checkout to measure in the same run (the first is the baseline for ratios)")
    ap.add_argument("--duration", type=float, default=10, help="seconds of load per endpoint and tree")
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8600")))
    ap.add_argument("--only", default="", help="substring of the endpoint names to run")
    ap.add_argument("--inprocess-runs", type=int, default=30,
                    help="requests per endpoint through the test client (0: skip)")
    ap.add_argument("--fill", type=int, default=0,
                    help="API drafts filed in each tree before any measure, so the pages are read beside a table "
                         "of a known size (a quiet run's POSTs file ~1,000 before the desk is loaded; a crowded "
                         "machine's far fewer)")
    a = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed")
    base_url = bench_database()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
    title, body = article()
    workdir = Path(tempfile.mkdtemp(prefix="bench-api-"))
    paths = [p.resolve() for p in a.tree] + [ROOT]
    trees = [Tree(path=p, label=label_of(p) + (" (this)" if p == ROOT else ""), schema=f"bench_{i}", port=a.port + i, data_dir=workdir / f"t{i}")
             for i, p in enumerate(paths)]
    print(f"gunicorn -w 2 --preload, DJANGO_ENV=production, PostgreSQL ({urllib.parse.urlsplit(base_url).path[1:]}),"
          f" wrk -c{a.connections} for {a.duration:g}s per endpoint; article: {len(body.split())} words; "
          f"{os.cpu_count()} CPUs" + (f"; {a.fill} API drafts filed first" if a.fill else ""))
    try:
        for t in trees:
            print(f"preparing {t.label} ({t.path}) ...", flush=True)
            prepare(t, base_url, redis_url, title, body, a.fill)
        if a.inprocess_runs:
            for t in trees:
                print(f"in process: {t.label} ...", flush=True)
                measure_in_process(t, title, body, a.inprocess_runs)
        for t in trees:
            start(t)
        results: dict[str, dict[str, dict]] = {}
        names = [n for n, _spec in endpoints(trees[0], title, body) if a.only in n]
        for name in names:
            for t in trees:
                spec = dict(endpoints(t, title, body))[name]
                wrk(t, spec, a.warmup, a.connections, workdir)
                results.setdefault(name, {})[t.label] = wrk(t, spec, a.duration, a.connections, workdir)
            print(f"  measured {name}", flush=True)
    finally:
        for t in trees:
            stop(t)
    report(trees, results)
    shutil.rmtree(workdir, ignore_errors=True)


def report(trees: list[Tree], results: dict[str, dict[str, dict]]) -> None:
    head = "| request | " + " | ".join(f"{t.label} req/s | p50 ms | p99 ms" for t in trees)
    if len(trees) > 1:
        head += " | " + " | ".join(f"req/s ×{t.label}" for t in trees[1:])
    print()
    print(head + " |")
    print("|" + "---|" * (1 + 3 * len(trees) + max(0, len(trees) - 1)))
    for name, by_tree in results.items():
        cells = []
        for t in trees:
            r = by_tree[t.label]
            bad = f" ({r['non2xx']} non-2xx)" if r["non2xx"] or r["socket_errors"] else ""
            cells.append(f"{r['rps']:,.0f}{bad} | {r['p50_us'] / 1000:.1f} | {r['p99_us'] / 1000:.1f}")
        base = by_tree[trees[0].label]["rps"]
        ratios = [f"{by_tree[t.label]['rps'] / base:.2f}" for t in trees[1:]] if base else []
        print(f"| {name} | " + " | ".join(cells + ratios) + " |")
    if all(t.inproc for t in trees):
        print()
        print("In process (Django test client, same settings and data): queries, then p50 wall and CPU ms per request")
        print("| request | " + " | ".join(f"{t.label} queries | wall ms | CPU ms" for t in trees) + " |")
        print("|" + "---|" * (1 + 3 * len(trees)))
        for name in trees[0].inproc:
            cells = [f"{t.inproc[name]['queries']} | {t.inproc[name]['wall']:.1f} | {t.inproc[name]['cpu']:.1f}"
                     for t in trees]
            print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    for t in trees:
        line = f"{t.label}: engine alone on this article, in process, p50 {t.engine_ms:.1f} ms"
        post = results.get("POST /api/v1/drafts/ (new draft)", {}).get(t.label)
        if post and post["rps"]:
            # Two workers on two cores: each request holds a worker about 2/rps seconds.
            held = 2000 / post["rps"]
            line += f"; a POST holds a worker ~{held:.1f} ms, of which ~{max(0.0, held - t.engine_ms):.1f} ms is ours"
        print(line)


if __name__ == "__main__":
    main()
