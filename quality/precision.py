"""Precision per rule on real published news, from alarms read and judged by a person.

    python -m quality.precision sample [--per-rule 25] [--out /tmp/pending.jsonl]   alarms to judge, with context
    python -m quality.precision score                                             precision per rule, now

``sample`` runs the checker over the real-dev articles (../shared, read at run time), draws up to ``--per-rule``
alarms (errors and warnings) of each rule with a fixed seed and prints each with its context; the JSONL it
writes has one line per alarm with ``verdict`` left empty for the judge. Judged lines go into
``quality/judgements.jsonl``: ``{"key", "article", "rule", "field", "start", "end", "verdict": "true"|"false",
"reason"}``. The key is a digest of (article id, rule, field, flagged text), so the file holds no corpus text.

``score`` runs the checker again and, for every alarm it raises now, looks its judgement up by key: precision
per rule = alarms judged true / alarms judged, among today's alarms. Alarms nobody has judged yet (a rule changed
since) are counted apart, and so are judgements whose alarm no longer fires.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from . import shared, spans
from .split import DEFAULT_SEED, seeded_rng

JUDGEMENTS = shared.ROOT / "quality" / "judgements.jsonl"
THRESHOLD = 0.80  # issue 8: a rule under this precision on real news reports info, not warning


def key(article: str, rule: str, field: str, text: str) -> str:
    return hashlib.sha256(f"{article}\x1f{rule}\x1f{field}\x1f{text}".encode()).hexdigest()[:20]


def current_alarms() -> tuple[list[dict], int]:
    """Every error and warning the checker raises on the real-dev articles now; and the number of words."""
    articles = shared.load_real()
    reports = shared.run_drafts([(f"a{i:05d}", a["title"], a["body"]) for i, a in enumerate(articles)])
    out, words = [], 0
    for i, a in enumerate(articles):
        rep = reports[f"a{i:05d}"]
        words += len((rep.get("title", "") + " " + rep.get("body", "")).split())
        for f in spans.alarms(rep):
            out.append({"key": key(str(a["id"]), f["rule"], f["field"], f["text"]), "article": str(a["id"]),
                        "rule": f["rule"], "severity": f["severity"], "field": f["field"], "start": f["start"],
                        "end": f["end"], "text": f["text"], "message": f.get("message_en", ""),
                        "related": [(r["field"], r["text"]) for r in f.get("related") or []],
                        "title": rep.get("title", ""), "body": rep.get("body", "")})
    return out, words


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict]:
    if not path.exists():
        return {}
    out = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            j = json.loads(line)
            if j.get("verdict") not in ("true", "false"):
                raise SystemExit(f"quality: {path}:{n}: verdict must be \"true\" or \"false\"")
            out[j["key"]] = j
    return out


def sample(per_rule: int, out_path: str | None, seed: int = DEFAULT_SEED) -> None:
    alarms, _ = current_alarms()
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for a in alarms:
        by_rule[a["rule"]].append(a)
    judged = load_judgements()
    picked = []
    for rule in sorted(by_rule):
        group = sorted(by_rule[rule], key=lambda a: a["key"])
        seeded_rng(seed, "precision/" + rule).shuffle(group)
        picked += group[:per_rule]
    for a in picked:
        ctx = a["title"] if a["field"] == "title" else a["body"]
        lo, hi = max(0, a["start"] - 160), min(len(ctx), a["end"] + 160)
        mark = ctx[lo:a["start"]] + "⟦" + ctx[a["start"]:a["end"]] + "⟧" + ctx[a["end"]:hi]
        state = judged[a["key"]]["verdict"] if a["key"] in judged else "unjudged"
        print(f"\n### {a['key']} {a['rule']} ({a['severity']}) article {a['article']} [{state}]")
        print(f"message: {a['message']}")
        print(f"title: {a['title']}")
        print(f"{a['field']}: …{mark}…")
        for field, text in a["related"]:
            print(f"related {field}: {text}")
    if out_path:
        with open(out_path, "w", encoding="utf-8") as fh:
            for a in picked:
                row = {k: a[k] for k in ("key", "article", "rule", "field", "start", "end")}
                fh.write(json.dumps({**row, "verdict": None, "reason": ""}) + "\n")
        print(f"\n{len(picked)} alarms written to {out_path}")


def score(out=sys.stdout) -> dict[str, tuple[int, int, int, int]]:
    """rule -> (alarms now, judged, judged true, unjudged). Prints the table."""
    from editorial.checks.engine import all_rules

    rules = all_rules()
    alarms, words = current_alarms()
    judged = load_judgements()
    now: Counter = Counter(a["rule"] for a in alarms)
    j_n: Counter = Counter()
    j_true: Counter = Counter()
    seen = set()
    for a in alarms:
        j = judged.get(a["key"])
        if j is None or a["key"] in seen:
            continue
        seen.add(a["key"])
        j_n[a["rule"]] += 1
        j_true[a["rule"]] += j["verdict"] == "true"
    gone = Counter(j["rule"] for k, j in judged.items() if k not in seen)
    table = {}
    print(f"{len(alarms)} alarms on {len(shared.load_real())} real-dev articles ({words} words); "
          f"{len(judged)} stored judgements ({JUDGEMENTS.relative_to(shared.ROOT)})", file=out)
    print(f"  {'rule':40s} {'severity':9s} {'alarms':>6s} {'judged':>6s} {'true':>5s} {'precision':>9s}", file=out)
    under = []
    for rule in sorted(set(now) | set(gone)):
        n, t = j_n[rule], j_true[rule]
        sev = rules[rule].severity if rule in rules else "?"
        prec = f"{t / n:.2f}" if n else "-"
        flag = ""
        if n and t / n < THRESHOLD and sev in spans.ALARM:
            flag = "  < 0.80: should report info" + (" (fewer than 10 judged: weak evidence)" if n < 10 else "")
            under.append(rule)
        print(f"  {rule:40s} {sev:9s} {now[rule]:6d} {n:6d} {t:5d} {prec:>9s}{flag}", file=out)
        table[rule] = (now[rule], n, t, now[rule] - n)
    unjudged = sum(now.values()) - sum(j_n.values())
    total_n, total_t = sum(j_n.values()), sum(j_true.values())
    if total_n:
        print(f"  all alarms: {total_t}/{total_n} judged true = {total_t / total_n:.2f}", file=out)
    print(f"  unjudged alarms now: {unjudged}; judged alarms that no longer fire: {sum(gone.values())}", file=out)
    print(f"  rules under {THRESHOLD:.2f} that report warning or error: {', '.join(under) or 'none'}", file=out)
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quality.precision", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--per-rule", type=int, default=25)
    s.add_argument("--out")
    sub.add_parser("score")
    a = ap.parse_args(argv)
    if a.cmd == "sample":
        sample(a.per_rule, a.out)
    else:
        score()
    return 0


if __name__ == "__main__":
    sys.exit(main())
