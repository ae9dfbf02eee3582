"""Every figure of docs/quality.md that needs no judgement, with the command that produces each.

    python -m quality.report          (make quality)       all figures, tune and held-out
    python -m quality.report --tune   (make quality-tune)  only what the engine may be tuned on

Reads ../shared at run time (set QUALITY_SHARED to use another folder); stops with a clear message when it is
missing. Exit status 0 when every step ran, whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from . import harness, precision, shared
from .split import SPLITS, TUNE

DRAFTS = shared.ROOT / "quality" / "drafts"


def _py() -> str:
    return os.path.relpath(shared.project_python(), shared.ROOT)


def _eval(script: str) -> str:
    return os.path.relpath(shared.EVAL / script, shared.ROOT)


def _corpus(*parts: str) -> str:
    return os.path.relpath(shared.SHARED.joinpath("corpus", *parts), shared.ROOT)


def _run(title: str, argv: list[str], show: str | None = None, tail: int | None = None) -> int:
    """Run one shared eval script from the checkout, print its output (or its last ``tail`` lines)."""
    print(f"\n== {title}\n$ {show or ' '.join(argv)}", flush=True)
    env = {**os.environ, "PROJECT_PY": shared.project_python(), "PROJECT": str(shared.ROOT)}
    p = subprocess.run(argv, cwd=shared.ROOT, env=env, capture_output=True, text=True, check=False)
    lines = p.stdout.rstrip("\n").split("\n")
    print("\n".join(lines[-tail:] if tail else lines))
    if p.returncode not in (0, 1):  # 1 is "a threshold was missed", a figure, not a failure
        print(p.stderr[-2000:], file=sys.stderr)
    return p.returncode


def labelled_set(title: str, folder: str) -> None:
    """A labelled set scored as ../shared/eval scores the dev set (checker.py, then score.py)."""
    with tempfile.NamedTemporaryFile(suffix=".json", prefix="quality-") as out:
        show = (f"PROJECT_PY={_py()} python3 {_eval('checker.py')} {folder} /tmp/set.json && "
                f"python3 {_eval('score.py')} {folder} /tmp/set.json")
        print(f"\n== {title}\n$ {show}", flush=True)
        env = {**os.environ, "PROJECT_PY": shared.project_python(), "PROJECT": str(shared.ROOT)}
        subprocess.run([sys.executable, str(shared.EVAL / "checker.py"), folder, out.name], cwd=shared.ROOT,
                       env=env, capture_output=True, check=True)
        p = subprocess.run([sys.executable, str(shared.EVAL / "score.py"), folder, out.name], cwd=shared.ROOT,
                           capture_output=True, text=True, check=False)
        print(p.stdout.rstrip("\n"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quality.report", description=__doc__.split("\n\n")[0])
    ap.add_argument("--tune", action="store_true", help="only the tuning-split figures")
    ap.add_argument("--per-kind", type=int, default=40)
    a = ap.parse_args(argv)
    shared.need(shared.REAL_DEV, shared.EVAL / "checker.py", shared.EVAL / "score.py")
    started = time.perf_counter()
    splits = (TUNE,) if a.tune else SPLITS
    split_arg = "tune" if a.tune else "both"
    print(f"== injected defects\n$ {_py()} -m quality.harness --split {split_arg} --per-kind {a.per_kind}",
          flush=True)
    harness.measure(splits, per_kind=a.per_kind)

    for split in splits:
        folder = DRAFTS / split
        if (folder / "labels.json").exists():
            labelled_set(f"our labelled drafts, {split} part", os.path.relpath(folder, shared.ROOT))

    if not a.tune:
        shared.need(shared.DEV_SET, shared.ANS_DEV)
        labelled_set("the shared dev set", _corpus("dev"))
        _run("ANS dev split (headline vs restatement or contradiction)",
             [sys.executable, str(shared.EVAL / "stance_pairs.py"), "--data", str(shared.ANS_DEV)],
             f"PROJECT_PY={_py()} python3 {_eval('stance_pairs.py')} --data {_corpus('ans', 'dev.jsonl')}", tail=1)
        real = _corpus("real-dev", "jawharafm.jsonl")
        _run("titles swapped within a section (Jawhara FM)",
             [sys.executable, str(shared.EVAL / "realdata.py"), "swap", "--data", str(shared.REAL_DEV)],
             f"PROJECT_PY={_py()} python3 {_eval('realdata.py')} swap --data {real}")
        _run("alarms on real published news (Jawhara FM)",
             [sys.executable, str(shared.EVAL / "realdata.py"), "fp", "--data", str(shared.REAL_DEV), "--n", "2000"],
             f"PROJECT_PY={_py()} python3 {_eval('realdata.py')} fp --data {real} --n 2000")
        print(f"\n== precision per rule on real news (stored judgements)\n$ {_py()} -m quality.precision score",
              flush=True)
        precision.score()
    print(f"\n({time.perf_counter() - started:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
