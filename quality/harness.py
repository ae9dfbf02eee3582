"""Defects injected into real news, scored through ``manage.py checkdraft --format json``.

    python -m quality.harness [--split tune|holdout|both] [--per-kind 40] [--seed 8] [-v] [--export DIR]

The 1,018 real-dev articles are read from ../shared at run time. Sections (categories) are split into a tune
part and a held-out part, and so are each kind's templates (see ``split.py``): the tune split puts tune
templates into tune sections, the held-out split held-out templates into held-out sections. One defect per
injected draft. A defect is found when a finding of its family matches it as ``../shared/eval/score.py``
matches (``spans.py``). False alarms: errors and warnings on the untouched articles of each split's sections.

``-v`` lists the tune split's misses (never the held-out split's: those are for reporting, not for tuning).
``--export DIR`` writes the tune split as a labelled set (NN-name.txt + labels.json, the dev set's format), so
``../shared/eval/score.py -v`` can be used on it; the folder must be outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from . import shared, spans
from .inject import KINDS
from .split import DEFAULT_SEED, HOLDOUT, SPLITS, TUNE, seeded_rng, split_categories, split_items

FAMILIES = ("placeholder", "repetition", "consistency")


@dataclass
class Injected:
    name: str
    split: str
    kind: str
    article: str  # the article's id in real-dev
    title: str
    body: str
    defect: dict


def build(articles: list[dict], seed: int = DEFAULT_SEED, per_kind: int = 40,
          splits: tuple[str, ...] = SPLITS) -> tuple[list[Injected], dict[str, str]]:
    """Injected drafts for the requested splits (deterministic for the seed) and the category split."""
    cats = split_categories([a.get("category", "") for a in articles], seed)
    out: list[Injected] = []
    for kind, (_family, items, injector) in KINDS.items():
        parts = split_items(kind, items, seed)
        for split in splits:
            pool = [a for a in articles if cats.get(a.get("category", "")) == split]
            pool.sort(key=lambda a: str(a.get("id")))
            rng = seeded_rng(seed, f"articles/{kind}/{split}")
            rng.shuffle(pool)
            made = 0
            for a in pool:
                if made >= per_kind:
                    break
                got = injector(a["title"].strip(), a["body"].strip(), rng, parts[split])
                if got is None:
                    continue
                title, body, defect = got
                if not _label_present(defect, title, body):
                    continue
                out.append(Injected(f"{split[0]}-{kind}-{made:03d}", split, kind, str(a.get("id")), title, body,
                                    defect))
                made += 1
    return out, cats


def _label_present(defect: dict, title: str, body: str) -> bool:
    if defect["check"] == "consistency":
        return bool(defect["title_text"]) and defect["title_text"] in title and defect["body_text"] in body
    return defect["text"] in (title if defect["field"] == "title" else body)


def score(injected: list[Injected], reports: dict[str, dict]):
    """(split, kind) -> [found, total]; and (split, rule) -> Counter of the kinds that rule caught."""
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_rule: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for d in injected:
        rules = spans.matching_rules(d.defect, reports[d.name])
        table[(d.split, d.kind)][0] += bool(rules)
        table[(d.split, d.kind)][1] += 1
        for r in rules:
            by_rule[(d.split, r)][d.kind] += 1
    return table, by_rule


def false_alarms(articles: list[dict], cats: dict[str, str], reports: dict[str, dict], splits):
    """split -> (alarms, words, articles with an alarm, articles, Counter of rules)."""
    out = {}
    for split in splits:
        alarms = words = flagged = n = 0
        rules: Counter = Counter()
        for i, a in enumerate(articles):
            if cats.get(a.get("category", "")) != split:
                continue
            rep = reports[f"clean-{i:05d}"]
            found = spans.alarms(rep)
            alarms += len(found)
            flagged += bool(found)
            n += 1
            words += len((rep.get("title", "") + " " + rep.get("body", "")).split())
            rules.update(f["rule"] for f in found)
        out[split] = (alarms, words, flagged, n, rules)
    return out


def _fmt(h: int, n: int) -> str:
    return f"{h:3d}/{n:<3d} {h / n:4.2f}" if n else "   -/0       "


def print_rules(by_rule, splits, out=sys.stdout) -> None:
    heads = {TUNE: "tune", HOLDOUT: "held-out"}
    print("Injected defects caught, per rule (a defect can be caught by several rules):", file=out)
    for rule in sorted({r for _, r in by_rule}):
        row = f"  {rule:40s}"
        for s in splits:
            row += f" {heads[s]} {sum(by_rule[(s, rule)].values()):3d}"
        kinds = Counter()
        for s in splits:
            kinds.update(by_rule[(s, rule)])
        print(row + "  (" + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + ")", file=out)


def print_tables(table, cats, fa, splits, out=sys.stdout) -> None:
    heads = {TUNE: "tune", HOLDOUT: "held-out"}
    print("Injected defects in real news (real-dev), recall per kind", file=out)
    for split in splits:
        print(f"  {heads[split]} sections: {', '.join(sorted(c for c, s in cats.items() if s == split))}", file=out)
    print(f"  {'family/kind':36s}" + "".join(f"{heads[s]:>16s}" for s in splits), file=out)
    for family in FAMILIES:
        for kind, (fam, _i, _f) in KINDS.items():
            if fam == family:
                print(f"  {family + '/' + kind:36s}" + "".join(f"{_fmt(*table[(s, kind)]):>16s}" for s in splits),
                      file=out)
    print("  recall per family:", file=out)
    for family in FAMILIES:
        row = f"  {family:36s}"
        for s in splits:
            h = sum(v[0] for (sp, k), v in table.items() if sp == s and KINDS[k][0] == family)
            n = sum(v[1] for (sp, k), v in table.items() if sp == s and KINDS[k][0] == family)
            row += f"{_fmt(h, n):>16s}"
        print(row, file=out)
    print("False alarms (errors and warnings) on the untouched articles:", file=out)
    for s in splits:
        alarms, words, flagged, n, rules = fa[s]
        rate = alarms * 1000 / max(words, 1)
        top = ", ".join(f"{r}={c}" for r, c in rules.most_common(6)) or "none"
        print(f"  {heads[s]:9s} {alarms} alarms in {n} articles ({words} words): {rate:.2f} per 1,000 words, "
              f"{flagged / max(n, 1):.1%} of articles; {top}", file=out)


def export(injected: list[Injected], folder: str) -> None:
    if os.path.abspath(folder).startswith(str(shared.ROOT) + os.sep):
        raise SystemExit("quality: --export writes real articles; give a folder outside the repository")
    os.makedirs(folder, exist_ok=True)
    labels = {}
    for i, d in enumerate(injected):
        name = f"{i:04d}-{d.kind.replace('_', '-')}.txt"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(d.title + "\n\n" + d.body + "\n")
        labels[name] = {"clean": False, "topic": f"{d.kind} / real-dev {d.article}", "defects": [d.defect],
                        "traps": []}
    with open(os.path.join(folder, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, ensure_ascii=False, indent=1)


def measure(splits=SPLITS, seed=DEFAULT_SEED, per_kind=40, verbose=False, export_dir=None, out=sys.stdout):
    articles = shared.load_real()
    injected, cats = build(articles, seed, per_kind, splits)
    drafts = [(d.name, d.title, d.body) for d in injected]
    drafts += [(f"clean-{i:05d}", a["title"], a["body"]) for i, a in enumerate(articles)
               if cats.get(a.get("category", "")) in splits]
    reports = shared.run_drafts(drafts)
    table, by_rule = score(injected, reports)
    fa = false_alarms(articles, cats, reports, splits)
    print_tables(table, cats, fa, splits, out)
    print_rules(by_rule, splits, out)
    if verbose:
        for d in injected:
            if d.split == TUNE and not spans.found(d.defect, reports[d.name]):
                rules = sorted({f["rule"] for f in reports[d.name]["findings"]})
                print(f"  MISS {d.name} (article {d.article}) {json.dumps(d.defect, ensure_ascii=False)} "
                      f"findings: {rules}", file=out)
    if export_dir:
        export([d for d in injected if d.split == TUNE], export_dir)
        print(f"tune split written to {export_dir}", file=out)
    return (table, by_rule), fa, cats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quality.harness", description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["tune", "holdout", "both"], default="both")
    ap.add_argument("--per-kind", type=int, default=40, help="injected drafts per kind and split (default 40)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the tune split's misses")
    ap.add_argument("--export", metavar="DIR", help="write the tune split as a labelled set (outside the repo)")
    a = ap.parse_args(argv)
    splits = SPLITS if a.split == "both" else (a.split,)
    if a.export and TUNE not in splits:
        ap.error("--export writes the tune split only")
    measure(splits, a.seed, a.per_kind, a.verbose, a.export)
    return 0


if __name__ == "__main__":
    sys.exit(main())
