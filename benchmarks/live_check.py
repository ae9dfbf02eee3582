#!/usr/bin/env python
"""Benchmark the editor's live check on the server: the view from request to JSON (engine, highlighted HTML,
findings list), for a 14,000- and a 60,000-character article, after a one-word edit: the whole answer, and the
editor's delta answer (it holds the previous answer: only the edited paragraph and the changed findings come
back). The browser's part (the round trip and putting the marks in) is not measured here.

    python benchmarks/live_check.py [--corpus FILE.jsonl] [--runs 15]

Two kinds of text: articles of the shared corpus (when it is there) and the demo drafts repeated, which is what
the browser test types into (``tests/browser/test_editor.py -k from_the_last``): full of placeholders and
repeated paragraphs, so about 50 findings at 14,000 characters and 200 at 60,000.

Figures are printed (median and worst of the runs), never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "editorial.settings")

import django

django.setup()

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from engine import SHARED, load_articles

from editorial.checks import check_draft
from editorial.rule_settings import current_config
from editorial.web import live

# The view without its sign-in wrapper (no database needed here): require_POST(check_live).
VIEW = live.check_live.__wrapped__


def text_of_chars(articles, n_chars: int) -> tuple[str, str]:
    parts, size, i = [], 0, 0
    while size < n_chars:
        parts.append(articles[i % len(articles)][1])
        size += len(parts[-1]) + 2
        i += 1
    return articles[0][0], "\n\n".join(parts)[:n_chars]


def _call(data: dict):
    request = RequestFactory().post("/drafts/check-live/", data)
    request.user = AnonymousUser()
    request._dont_enforce_csrf_checks = True
    started = time.perf_counter()
    response = VIEW(request)
    took = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.content[:200]
    return response, took


def _held(answer: dict) -> dict:
    return {"parts": ",".join(d for d, _html in answer["body_parts"]),
            "known": ",".join(f"{row[0]}:{row[1]}" for row in answer["finding_keys"]),
            "list": answer["list_digest"]}


def run(title: str, body: str, runs: int) -> dict[str, float]:
    view_ms, delta_ms, engine_ms, delta_bytes = [], [], [], []
    config = current_config()
    response, _ = _call({"title": title, "body": body, "delta": "1"})
    held = _held(json.loads(response.content))
    for k in range(runs):
        edited = body[: len(body) // 2] + f" كلمة{k} " + body[len(body) // 2:]  # a keystroke's worth of change
        full, took = _call({"title": title, "body": edited})
        view_ms.append(took)
        delta, took = _call({"title": title, "body": edited, "delta": "1", **held})
        delta_ms.append(took)
        delta_bytes.append(len(delta.content))
        started = time.perf_counter()
        report = check_draft(title, edited, config)
        engine_ms.append((time.perf_counter() - started) * 1000)
    return {"view_median": statistics.median(view_ms), "view_max": max(view_ms),
            "delta_median": statistics.median(delta_ms), "delta_max": max(delta_ms),
            "engine_median": statistics.median(engine_ms), "bytes": len(full.content),
            "delta_bytes": statistics.median(delta_bytes), "findings": len(report.findings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from editorial.demo import DEMO_DRAFTS

    texts = [("the demo drafts, repeated (the browser test's text: many findings)",
              [(d["title"], d["body"]) for d in DEMO_DRAFTS])]
    if args.corpus.exists():
        texts.insert(0, (f"the corpus {args.corpus}", load_articles(args.corpus)))
    print(f"{args.runs} runs each, a one-word edit each time")
    for label, articles in texts:
        print(f"texts from {label}:")
        for n in (14_000, 59_800):  # the live check takes up to 60,000 characters (title and edit included)
            title, body = text_of_chars(articles, n)
            r = run(title, body, args.runs)
            print(f"{n:>6} chars, {r['findings']} findings: whole answer median {r['view_median']:.0f} ms "
                  f"(worst {r['view_max']:.0f} ms), {r['bytes'] / 1024:.0f} KiB; editor's delta answer median "
                  f"{r['delta_median']:.0f} ms (worst {r['delta_max']:.0f} ms), {r['delta_bytes'] / 1024:.1f} KiB; "
                  f"the engine alone {r['engine_median']:.0f} ms")


if __name__ == "__main__":
    main()
