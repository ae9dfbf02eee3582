"""Where the measuring data lives (``../shared`` beside the checkout) and how the checker is run on it.

Everything is read at run time; nothing from ``../shared`` is copied into the repository. When the folder is
missing, ``need`` stops the command with a clear message and exit status 2 instead of a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUALITY_SHARED", ROOT.parent / "shared"))
REAL_DEV = SHARED / "corpus" / "real-dev" / "jawharafm.jsonl"
DEV_SET = SHARED / "corpus" / "dev"
ANS_DEV = SHARED / "corpus" / "ans" / "dev.jsonl"
EVAL = SHARED / "eval"


def need(*paths: Path) -> None:
    for p in paths:
        if not p.exists():
            print(f"quality: {p} is missing. These measurements read the shared corpora at run time from "
                  f"{SHARED} (set QUALITY_SHARED to another folder); nothing is measured without them.",
                  file=sys.stderr)
            raise SystemExit(2)


def project_python() -> str:
    env = os.environ.get("PROJECT_PY")
    if env:
        return env
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def load_real(path: Path = REAL_DEV) -> list[dict]:
    """The real articles, as the shared realdata.py loads them (no flags, a title, a body over 200 characters)."""
    need(path)
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if not r.get("flags") and r.get("title") and len(r.get("body") or "") > 200]


def run_files(paths: list[str], chunk: int = 400) -> list[dict]:
    """``manage.py checkdraft --format json`` over files, as ../shared/eval/checker.py runs it."""
    out: list[dict] = []
    for i in range(0, len(paths), chunk):
        part = paths[i:i + chunk]
        p = subprocess.run([project_python(), "manage.py", "checkdraft", "--format", "json", *part],
                           cwd=ROOT, capture_output=True, text=True, check=False)
        if p.returncode != 0:
            sys.stderr.write(p.stderr[-3000:])
            raise SystemExit(f"quality: checkdraft exited {p.returncode}")
        out.extend(json.loads(p.stdout))
    broken = [r for r in out if r.get("errors")]
    if broken:
        # a check that raised was skipped for that draft: every figure would be wrong, so measure nothing
        print(f"quality: the checker reported internal errors on {len(broken)} of {len(out)} drafts, e.g. "
              f"{broken[0]['errors'][0]}. Fix the engine or the environment (make install-dev) and run again.",
              file=sys.stderr)
        raise SystemExit(3)
    return out


def run_drafts(drafts: list[tuple[str, str, str]]) -> dict[str, dict]:
    """drafts: (name, title, body). Each is written as ``title\\n\\nbody\\n`` (the draft file format) and checked."""
    with tempfile.TemporaryDirectory(prefix="quality-") as d:
        paths = []
        for name, title, body in drafts:
            path = os.path.join(d, name + ".txt")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(title.strip() + "\n\n" + body.strip() + "\n")
            paths.append(path)
        reports = run_files(paths)
    return {os.path.basename(r["file"])[:-4]: r for r in reports}
