#!/usr/bin/env python
"""Benchmark the check engine: throughput, latency of an 800-word article, single 20k/100k-word texts, memory.

    python benchmarks/engine.py [--corpus FILE.jsonl] [--runs 300]
    python benchmarks/engine.py --tree /tmp/eng-base [--rounds 6] [--runs 300]   # side by side, one run

With ``--tree`` (another checkout, e.g. ``git worktree add /tmp/eng-base 54356e3``) the latency figures are
measured for this checkout and each tree in child processes, alternating in ``--rounds`` rounds (a noisy, shared
machine slows both alike; each child checks its articles once before timing them, so word caches are warm as after
the throughput pass below), and printed side by side: 800-word p50/p99 wall and CPU time, and the 20,000- and
100,000-word texts; the texts are the same for every tree.

Texts come from a JSONL file of articles ({"title", "body"} per line) when given (or when the shared
development corpus sits beside the checkout), else from the project's own demo drafts, varied by a seeded
generator so no two sentences repeat. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a child measuring another checkout puts that checkout first (see --tree)
sys.path.insert(0, os.environ.get("ENGINE_BENCH_TREE") or str(ROOT))

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
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def time_one(title: str, body: str) -> float:
    t = time.perf_counter()
    check_draft(title, body)
    return (time.perf_counter() - t) * 1000


def time_cpu(title: str, body: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one check (CPU time moves little when other programs crowd the machine)."""
    t, c = time.perf_counter(), time.process_time()
    check_draft(title, body)
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000


def family_split(articles: list[tuple[str, str]], n: int) -> None:
    """CPU time per 800-word article (warm) of preparing the text (normalising, tokens, sentences) and of each
    family, run one after another on one Document as the engine does (a family reusing what an earlier one
    computed on the Document is not charged for it)."""
    from editorial.checks import Document
    from editorial.checks.config import DEFAULT_CONFIG

    try:
        from editorial.checks.registry import FAMILIES
    except ImportError:  # an older checkout
        from editorial.checks import consistency, placeholder, repetition
        FAMILIES = (placeholder, repetition, consistency)
    texts = [text_of_words(articles, 800, start=i * 3) for i in range(n)]
    for title, body in texts:
        check_draft(title, body)
    cpu = {"text": 0.0, **{m.__name__.rsplit(".", 1)[-1]: 0.0 for m in FAMILIES}}
    for title, body in texts:
        c = time.process_time()
        doc = Document(title, body)
        _ = doc.title.sentences, doc.body.sentences
        cpu["text"] += time.process_time() - c
        for m in FAMILIES:
            c = time.process_time()
            list(m.run(doc, DEFAULT_CONFIG))
            cpu[m.__name__.rsplit(".", 1)[-1]] += time.process_time() - c
    print("CPU per 800-word article: " + ", ".join(f"{k} {v * 1000 / n:.2f} ms" for k, v in cpu.items()))


def child(a: argparse.Namespace) -> None:
    """One round for --tree: samples printed as JSON for the parent."""
    articles = load_articles(a.corpus)
    texts = [text_of_words(articles, 800, start=i * 3) for i in a.starts]
    for title, body in texts:  # warm, as the throughput pass warms ``main``: a server has seen most words before
        check_draft(title, body)
    out = {"article": [time_cpu(*t) for t in texts]}
    for n in a.long:
        out[str(n)] = [time_cpu(*text_of_words(articles, n))]
    if a.families:
        family_split(articles, a.families)
        return
    print(json.dumps(out))


def compare(a: argparse.Namespace) -> None:
    """This checkout and each --tree, alternating by rounds, one table."""
    trees = [("this checkout", None)] + [(str(t), t.resolve()) for t in a.tree]
    for _name, tree in trees[1:]:
        if not (tree / "editorial" / "checks").is_dir():
            raise SystemExit(f"{tree}: no editorial/checks there")
    samples: dict[str, dict[str, list]] = {name: {} for name, _ in trees}
    per_round = max(1, a.runs // a.rounds)
    for r in range(a.rounds):
        starts = [str(i) for i in range(r * per_round, (r + 1) * per_round)]
        long = ["100000"] if r % 2 == 0 else ["20000"]
        order = trees if r % 2 == 0 else trees[::-1]
        for name, tree in order:
            env = {**os.environ, "ENGINE_BENCH_TREE": str(tree or ROOT)}
            cmd = [sys.executable, __file__, "--child", "--starts", *starts, "--long", *long]
            if a.corpus:
                cmd += ["--corpus", str(a.corpus)]
            res = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout)
            for k, v in res.items():
                samples[name].setdefault(k, []).extend(v)
        print(f"round {r + 1}/{a.rounds} done", file=sys.stderr)
    print(f"texts: {a.corpus or 'synthetic (demo vocabulary)'}; {a.rounds} rounds alternating the trees")
    print("| tree | 800-word p50 ms | p99 ms | CPU p50 ms | 20,000 words ms (median) | 100,000 words ms (median) |")
    print("|---|---|---|---|---|---|")
    base = None
    for name, _tree in trees:
        s = samples[name]
        wall, cpu = [w for w, _ in s["article"]], [c for _, c in s["article"]]
        p50 = percentile(wall, 50)
        base = base or p50
        w20 = statistics.median(w for w, _ in s.get("20000", [(0, 0)]))
        w100 = statistics.median(w for w, _ in s.get("100000", [(0, 0)]))
        print(f"| {name} | {p50:.2f} | {percentile(wall, 99):.2f} | {percentile(cpu, 50):.2f} | {w20:,.0f} | "
              f"{w100:,.0f} |")
    if a.families:
        for name, tree in trees:
            env = {**os.environ, "ENGINE_BENCH_TREE": str(tree or ROOT)}
            cmd = [sys.executable, __file__, "--child", "--families", str(a.families)]
            if a.corpus:
                cmd += ["--corpus", str(a.corpus)]
            line = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout.strip()
            print(f"{name}: {line}")
    for name, _tree in trees[1:]:
        s, t = samples[name], samples[trees[0][0]]
        ratio = percentile([w for w, _ in t["article"]], 50) / percentile([w for w, _ in s["article"]], 50)
        cpu_ratio = percentile([c for _, c in t["article"]], 50) / percentile([c for _, c in s["article"]], 50)
        print(f"this checkout / {name}: 800-word p50 wall x{ratio:.2f}, CPU x{cpu_ratio:.2f} "
              f"({len(t['article'])} articles each)")


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
    ap.add_argument("--tree", type=Path, action="append", default=[],
                    help="another checkout measured side by side (repeatable)")
    ap.add_argument("--rounds", type=int, default=6, help="with --tree: rounds alternating the checkouts")
    ap.add_argument("--families", type=int, default=0, metavar="N",
                    help="also print the CPU time of each family over N 800-word articles (with --tree: per tree)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--starts", type=int, nargs="*", default=[], help=argparse.SUPPRESS)
    ap.add_argument("--long", type=int, nargs="*", default=[], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return child(a)
    if a.tree:
        return compare(a)
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
    if a.families:
        family_split(articles, a.families)
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
