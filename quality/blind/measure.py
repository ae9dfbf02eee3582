"""The blind measure: blind defects and look-alikes injected into the held-out sections of real-dev, the untouched
held-out articles, and the blind drafts, all checked through ``manage.py checkdraft --format json``.

    python -m quality.blind [--per-kind 30] [--seed 8] [--no-drafts]

Prints recall per family and kind, the look-alikes wrongly flagged, false alarms on the untouched held-out
articles and the drafts' ``score.py`` figures (``../shared/eval/checker.py`` then ``score.py``, as
``quality/report.py`` scores a labelled set). No per-case listing: the misses are not printed, so nobody tunes on
them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import shared, spans
from ..split import DEFAULT_SEED, HOLDOUT, seeded_rng, split_categories
from .inject import KINDS, LOOKALIKES

FAMILIES = ("placeholder", "repetition", "consistency")
DRAFTS = Path(__file__).resolve().parent / "drafts"


@dataclass
class Case:
    name: str
    kind: str  # a KINDS or LOOKALIKES key
    article: str
    title: str
    body: str
    label: dict  # a defect (KINDS) or a trap (LOOKALIKES)

    @property
    def is_trap(self) -> bool:
        return "not" in self.label


def label_present(label: dict, title: str, body: str) -> bool:
    """Whether a label's texts stand in the draft (what ../shared/eval/check_labels.py verifies)."""
    if "not" in label:
        return bool(label["text"]) and label["text"] in (title if label["field"] == "title" else body)
    if label["check"] == "consistency":
        return bool(label["title_text"]) and label["title_text"] in title and label["body_text"] in body
    ok = bool(label["text"]) and label["text"] in (title if label["field"] == "title" else body)
    if label.get("duplicate_of"):
        ok = ok and label["duplicate_of"] in body and label["duplicate_of"] != label["text"]
    return ok


def held_out(articles: list[dict], seed: int = DEFAULT_SEED) -> list[dict]:
    """The articles of the held-out sections of quality/split.py (the harness's own held-out split)."""
    cats = split_categories([a.get("category", "") for a in articles], seed)
    return [a for a in articles if cats.get(a.get("category", "")) == HOLDOUT]


def build(articles: list[dict], per_kind: int = 30, seed: int = DEFAULT_SEED) -> list[Case]:
    """Defect and look-alike cases, deterministic for the seed; ``articles`` are the held-out ones."""
    out: list[Case] = []
    makers = [(k, inj) for k, (_f, _l, inj) in KINDS.items()] + [(k, inj) for k, (_f, inj) in LOOKALIKES.items()]
    for kind, injector in makers:
        pool = sorted(articles, key=lambda a: str(a.get("id")))
        rng = seeded_rng(seed, f"blind/{kind}")
        rng.shuffle(pool)
        made = 0
        for a in pool:
            if made >= per_kind:
                break
            got = injector(a["title"].strip(), a["body"].strip(), rng)
            if got is None or not label_present(got[2], *got[:2]):
                continue
            title, body, label = got
            out.append(Case(f"blind-{kind}-{made:03d}", kind, str(a.get("id")), title, body, label))
            made += 1
    return out


def trap_hit(trap: dict, report: dict) -> bool:
    """score.py's trap rule: an alarm of the family the trap must not get, over the trap's text."""
    fields = {"title": report.get("title", ""), "body": report.get("body", "")}
    targets = [(trap["field"], s) for s in spans.occurrences(fields[trap["field"]], trap["text"])]
    return any(f.get("check") == trap["not"] and f.get("severity") in spans.ALARM and spans.hits(f, targets)
               for f in report.get("findings", []))


def score(cases: list[Case], reports: dict[str, dict]):
    """kind -> [caught, total] for defects, kind -> [flagged, total] for look-alikes, and the rules that flag."""
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    traps: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    trap_rules: Counter = Counter()
    for c in cases:
        rep = reports[c.name]
        if c.is_trap:
            hit = trap_hit(c.label, rep)
            traps[c.kind][0] += hit
            traps[c.kind][1] += 1
            if hit:
                trap_rules.update({f["rule"] for f in spans.alarms(rep) if f.get("check") == c.label["not"]})
        else:
            recall[c.kind][0] += spans.found(c.label, rep)
            recall[c.kind][1] += 1
    return recall, traps, trap_rules


def false_alarms(articles: list[dict], reports: dict[str, dict]):
    alarms = words = flagged = 0
    rules: Counter = Counter()
    for i in range(len(articles)):
        rep = reports[f"clean-{i:05d}"]
        found = spans.alarms(rep)
        alarms += len(found)
        flagged += bool(found)
        words += len((rep.get("title", "") + " " + rep.get("body", "")).split())
        rules.update(f["rule"] for f in found)
    return alarms, words, flagged, len(articles), rules


def _fmt(h: int, n: int) -> str:
    return f"{h}/{n} = {h / n:.2f}" if n else "-"


def measure(per_kind: int = 30, seed: int = DEFAULT_SEED, drafts: bool = True, out=sys.stdout) -> dict:
    articles = held_out(shared.load_real(), seed)
    cases = build(articles, per_kind, seed)
    batch = [(c.name, c.title, c.body) for c in cases]
    batch += [(f"clean-{i:05d}", a["title"], a["body"]) for i, a in enumerate(articles)]
    reports = shared.run_drafts(batch)
    recall, traps, trap_rules = score(cases, reports)
    fa = false_alarms(articles, reports)
    res = {"recall": recall, "traps": traps, "trap_rules": trap_rules, "fa": fa, "per_kind": per_kind,
           "command": f"{os.path.relpath(shared.project_python(), shared.ROOT)} -m quality.blind --per-kind {per_kind}"}
    print_tables(res, out)
    if drafts and (DRAFTS / "labels.json").exists():
        from ..report import labelled_set

        shared.need(shared.EVAL / "checker.py", shared.EVAL / "score.py")
        res["drafts"] = labelled_set("blind drafts (quality/blind/drafts)", os.path.relpath(DRAFTS, shared.ROOT))
    return res


def family_totals(recall) -> dict[str, tuple[int, int]]:
    out = {}
    for fam in FAMILIES:
        out[fam] = (sum(recall[k][0] for k, v in KINDS.items() if v[0] == fam),
                    sum(recall[k][1] for k, v in KINDS.items() if v[0] == fam))
    return out


def print_tables(res: dict, out=sys.stdout) -> None:
    recall, traps, fa = res["recall"], res["traps"], res["fa"]
    print(f"Blind set: defects written without reading the engine, injected into the held-out sections of "
          f"real-dev (up to {res['per_kind']} per kind)", file=out)
    print(f"  {'family / kind':64s} {'caught':>14s}", file=out)
    for fam in FAMILIES:
        for kind, (f, lab, _i) in KINDS.items():
            if f == fam:
                print(f"  {fam + ' / ' + kind + ' (' + lab + ')':64s} {_fmt(*recall[kind]):>14s}", file=out)
    print("  recall per family:", file=out)
    for fam, (h, n) in family_totals(recall).items():
        print(f"  {fam:64s} {_fmt(h, n):>14s}", file=out)
    print("Look-alikes flagged (an error or warning of the family over the look-alike; lower is better):", file=out)
    for kind, (fam, _i) in LOOKALIKES.items():
        print(f"  {kind + ' (not ' + fam + ')':64s} {_fmt(*traps[kind]):>14s}", file=out)
    h, n = sum(v[0] for v in traps.values()), sum(v[1] for v in traps.values())
    rules = ", ".join(f"{r}={c}" for r, c in res["trap_rules"].most_common(5)) or "none"
    print(f"  {'all look-alikes':64s} {_fmt(h, n):>14s}  ({rules})", file=out)
    alarms, words, flagged, n, rules = fa
    top = ", ".join(f"{r}={c}" for r, c in rules.most_common(6)) or "none"
    print(f"False alarms on the {n} untouched held-out articles: {alarms} alarms ({words} words), "
          f"{alarms * 1000 / max(words, 1):.2f} per 1,000 words, {flagged / max(n, 1):.1%} of articles; {top}",
          file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quality.blind", description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-kind", type=int, default=30, help="injected drafts per kind and look-alike (default 30)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--no-drafts", action="store_true", help="skip the blind drafts (no ../shared/eval needed)")
    a = ap.parse_args(argv)
    measure(a.per_kind, a.seed, not a.no_drafts)
    return 0
