"""Title/body checks on other outlets: true titles flagged and same-section swaps caught, outlet by outlet.

    python -m quality.outlets --data FILE.jsonl [--tune OUTLET,OUTLET] [--n 400] [-v]
    python -m quality.outlets --ans FILE.jsonl

``--data``: real articles of several outlets, one JSON object a line with "outlet", "category", "title" and
"body" (read at run time; keep the file outside the repository). Articles are loaded as
``../shared/eval/realdata.py`` loads them (a title, a body over 200 characters, no "flags"), grouped by outlet
and section, and each body is checked twice: under its own title and under the next title of the same outlet
and section (realdata.py's swap, outlet by outlet). An alarm is a consistency finding of severity error or
warning, as realdata.py counts it. Outlets named by ``--tune`` are the ones to tune on (``-v`` lists their
flagged true titles); the others are only reported.

``--ans``: ANS stance pairs (headline, one-sentence restatement): the share of restatements ("agree") that the
topic rules call absent, a proxy for headlines paraphrased by other writers.

The engine runs in this process with its default settings (what ``manage.py checkdraft`` runs when no rule
setting is stored), so the figures match realdata.py's swap while costing no subprocess per batch.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from editorial.checks import check_draft

ALARM = ("error", "warning")
TOPIC = ("consistency.topic_absent", "consistency.topic_weak")


def load(path: Path) -> list[dict]:
    if not path.exists():
        print(f"quality.outlets: {path} is missing (the data is read at run time, never stored here).",
              file=sys.stderr)
        raise SystemExit(2)
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if not r.get("flags") and r.get("title") and len(r.get("body") or "") > 200]


def pairs(rows: list[dict], n: int, seed: int) -> dict[str, list[tuple[str, str, str]]]:
    """outlet -> up to n (title, swapped title, body) triples; a swapped title comes from the same section."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(str(r.get("outlet")), str(r.get("category")))].append(r)
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (outlet, _cat), rs in sorted(groups.items()):
        if len(rs) < 2:
            continue
        rng.shuffle(rs)
        out[outlet] += [(r["title"], rs[(i + 1) % len(rs)]["title"], r["body"]) for i, r in enumerate(rs)]
    for outlet, triples in out.items():
        rng.shuffle(triples)
        del triples[n:]
    return dict(out)


def alarms(title: str, body: str) -> list[dict]:
    report = check_draft(title.strip(), body.strip()).as_dict()
    return [f for f in report["findings"] if f["check"] == "consistency" and f["severity"] in ALARM]


def measure_outlets(path: Path, tune: set[str], n: int, seed: int, verbose: bool) -> None:
    rows = load(path)
    print(f"{path.name}: true titles flagged / swapped titles caught (consistency error or warning), "
          f"up to {n} articles an outlet, seed {seed}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for outlet, triples in sorted(pairs(rows, n, seed).items()):
        fa = det = 0
        rules: Counter[str] = Counter()
        shown = []
        for title, other, body in triples:
            true_hits = alarms(title, body)
            if true_hits:
                fa += 1
                rules.update({f["rule"] for f in true_hits})
                shown.append((title, true_hits))
            det += bool(alarms(other, body))
        split = "tune" if outlet in tune else "report"
        k = len(triples)
        for key in (split, "all"):
            totals[key][0] += k
            totals[key][1] += fa
            totals[key][2] += det
        top = ", ".join(f"{r.split('.')[-1]}={v}" for r, v in rules.most_common(4))
        print(f"  [{split:6s}] {outlet:12s} n={k:4d}  true flagged {fa / k:6.1%}  swaps caught {det / k:6.1%}"
              f"   ({top})")
        if verbose and split == "tune":
            for title, hits in shown:
                print(f"      {title}  <- {'; '.join(h['rule'].split('.')[-1] + ':' + h['text'] for h in hits)}")
    for key in ("tune", "report", "all"):
        k, fa, det = totals[key]
        if k:
            print(f"  {key:8s} n={k:5d}  true flagged {fa / k:6.1%}  swaps caught {det / k:6.1%}")


def measure_ans(path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    agree = [r for r in rows if r.get("stance") == "agree"]
    hits: Counter[str] = Counter()
    for r in agree:
        report = check_draft(r["s1"], r["s2"]).as_dict()
        hits.update({f["rule"] for f in report["findings"] if f["rule"] in TOPIC})
    k = max(len(agree), 1)
    print(f"{path.name}: {len(agree)} restatements; called topic_absent {hits[TOPIC[0]] / k:.1%}, "
          f"topic_weak {hits[TOPIC[1]] / k:.1%}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path)
    ap.add_argument("--ans", type=Path)
    ap.add_argument("--tune", default="", help="comma-separated outlets to tune on (the rest are reported)")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if not (a.data or a.ans):
        ap.error("give --data or --ans")
    if a.data:
        measure_outlets(a.data, {t.strip() for t in a.tune.split(",") if t.strip()}, a.n, a.seed, a.verbose)
    if a.ans:
        measure_ans(a.ans)


if __name__ == "__main__":
    main()
