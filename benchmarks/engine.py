#!/usr/bin/env python
"""Benchmark the check engine: throughput, latency of an 800-word article, single 20k/100k-word texts, memory.

    python benchmarks/engine.py [--corpus FILE.jsonl] [--runs 300]

Texts come from a JSONL file of articles ({"title", "body"} per line) when given (or when the shared
development corpus sits beside the checkout), else from the project's own demo drafts, varied by a seeded
generator so no two sentences repeat. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editorial.checks import check_draft
from editorial.demo import DEMO_DRAFTS

SHARED = ROOT.parent / "shared" / "corpus" / "real-dev" / "jawharafm.jsonl"


def load_articles(path: Path | None) -> list[tuple[str, str]]:
    if path and path.exists():
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        return [(r["title"], r["body"]) for r in rows if r.get("title") and r.get("body")]
    return synthetic_articles(400)


def synthetic_articles(n: int) -> list[tuple[str, str]]:
    """Articles made from the demo drafts' vocabulary, shuffled per sentence by a seeded generator."""
    rng = random.Random(42)
    words = [w for d in DEMO_DRAFTS for w in d["body"].split() if not w.startswith(("[", "XXX"))]
    out = []
    for _ in range(n):
        sentences = [" ".join(rng.choices(words, k=rng.randint(12, 25))) + "." for _ in range(rng.randint(8, 14))]
        paras = ["  ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        out.append((" ".join(rng.choices(words, k=8)), "\n\n".join(paras)))
    return out


def text_of_words(articles: list[tuple[str, str]], n_words: int, start: int = 0) -> tuple[str, str]:
    """A title and a body of about ``n_words`` words made of consecutive distinct articles."""
    parts, count, i = [], 0, start
    while count < n_words:
        body = articles[i % len(articles)][1]
        parts.append(body)
        count += len(body.split())
        i += 1
    words = "\n\n".join(parts).split(" ")
    return articles[start % len(articles)][0], " ".join(words[:n_words])


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def time_one(title: str, body: str) -> float:
    t = time.perf_counter()
    check_draft(title, body)
    return (time.perf_counter() - t) * 1000


def family_scaling() -> None:
    """The consistency family alone on 1,000 and 3,000 dense paragraphs (its test counts work; this times it)."""
    from editorial.checks import Document, consistency
    from editorial.checks.config import DEFAULT_CONFIG

    title = "ارتفاع صادرات تونس من زيت الزيتون 38 بالمئة الأحد في صفاقس"
    para = ("قال وزير الفلاحة محمد الكبيسي إن صادرات زيت الزيتون ارتفعت بنسبة {n} في المئة يوم الإثنين، "
            "وإن السفيرة الإسبانية زارت مدينة سوسة لبحث {k} اتفاقيات جديدة مع رجال الأعمال.\n")
    times = {}
    for n in (1000, 3000):
        doc = Document(title, "".join(para.format(n=i, k=i % 7 + 3) for i in range(n)))
        _ = doc.title.tokens, doc.body.tokens, doc.body.sentences
        t = time.perf_counter()
        list(consistency.run(doc, DEFAULT_CONFIG))
        times[n] = (time.perf_counter() - t) * 1000
    print(f"consistency family: 1,000 paragraphs {times[1000]:,.0f} ms, 3,000 paragraphs {times[3000]:,.0f} ms "
          f"(ratio {times[3000] / times[1000]:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else None)
    ap.add_argument("--runs", type=int, default=300)
    a = ap.parse_args()
    articles = load_articles(a.corpus)
    print(f"texts: {a.corpus or 'synthetic (demo vocabulary)'}; {len(articles)} articles")

    check_draft(*articles[0])  # warm caches and imports
    total_words, t0 = 0, time.perf_counter()
    for title, body in articles:
        check_draft(title, body)
        total_words += len(title.split()) + len(body.split())
    secs = time.perf_counter() - t0
    print(f"throughput: {total_words / secs:,.0f} words/s over {len(articles)} articles ({total_words:,} words)")

    samples = [time_one(*text_of_words(articles, 800, start=i * 3)) for i in range(a.runs)]
    print(f"800-word article: p50 {percentile(samples, 50):.2f} ms, p99 {percentile(samples, 99):.2f} ms "
          f"({a.runs} runs)")
    for n, runs in ((20_000, 5), (100_000, 3)):
        title, body = text_of_words(articles, n)
        times = [time_one(title, body) for _ in range(runs)]
        print(f"{n:,}-word text: median {statistics.median(times):,.0f} ms, max {max(times):,.0f} ms ({runs} runs)")

    family_scaling()

    title, body = text_of_words(articles, 100_000)
    tracemalloc.start()
    check_draft(title, body)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak / 2**20:.1f} MiB allocated while checking the 100,000-word text; "
          f"process max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
