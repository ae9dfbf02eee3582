#!/usr/bin/env python
"""Count the machine instructions the engine executes per 800-word check: a figure load does not move.

    python benchmarks/engine_instructions.py [--tree /tmp/eng-base ...] [--texts 30]

On a shared machine CPU time moves by 10-20% from run to run, more than most single changes to the engine take
away; the number of instructions executed does not (about 0.2% between runs of the same tree). For this checkout
and each ``--tree``, a child process runs under valgrind's callgrind with instrumentation off, checks ``--texts``
800-word texts once (imports, word memos warm), then callgrind is switched on (``callgrind_control -i on``) for
one more pass over the same texts and off again: the instructions collected, divided by the number of texts, are
printed per tree with the ratio to this checkout. Needs valgrind; takes about a minute per tree. The texts are
``benchmarks/engine.py``'s (real articles from ../shared when present). Figures are printed, never asserted.
Instructions are not time (a cache miss costs more than an add), but a change that executes fewer of them in
Python's interpreter and in ``regex`` is, in practice, a faster one.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from callgrind import ENGINE_TEXTS, collected  # benchmarks/ is this script's folder, first on sys.path

ROOT = Path(__file__).resolve().parent.parent

CHILD = ENGINE_TEXTS + r"""
flag = os.environ["BENCH_FLAG"]
open(flag + ".ready", "w").close()
while not os.path.exists(flag + ".go"):
    time.sleep(0.05)
for title, body in texts:
    check_draft(title, body)
open(flag + ".done", "w").close()
while not os.path.exists(flag + ".end"):
    time.sleep(0.05)
"""


def instructions(tree: Path, texts: int) -> int:
    env = {**os.environ, "ENGINE_BENCH_TREE": str(tree), "BENCH_ROOT": str(ROOT), "BENCH_TEXTS": str(texts),
           "PYTHONHASHSEED": "0"}
    return collected(CHILD, env) // texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout (repeatable)")
    ap.add_argument("--texts", type=int, default=30, help="800-word texts checked in the counted pass")
    a = ap.parse_args()
    trees = [("this checkout", ROOT)] + [(str(t), t.resolve()) for t in a.tree]
    counts = {}
    for name, tree in trees:
        counts[name] = instructions(tree, a.texts)
        print(f"{name}: {counts[name] / 1e6:.2f} M instructions per 800-word check ({a.texts} texts)", flush=True)
    for name, _tree in trees[1:]:
        print(f"this checkout / {name}: x{counts['this checkout'] / counts[name]:.3f}")


if __name__ == "__main__":
    main()
