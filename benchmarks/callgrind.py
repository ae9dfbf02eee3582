"""Instructions a child process executes in one phase of its run, counted by valgrind's callgrind.

The child (Python code run with ``python -c``) starts with instrumentation off, prepares and warms up, creates
``FLAG.ready`` and waits for ``FLAG.go``; it then does the work to measure, creates ``FLAG.done`` and waits for
``FLAG.end`` before exiting. Instrumentation is switched on between ``go`` and ``done`` only
(``callgrind_control -i on|off``), so imports and warm-up are not counted. ``FLAG`` is passed to the child in
``BENCH_FLAG``. Used by ``engine_instructions.py`` and ``api_instructions.py``; needs valgrind.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time


def _wait(path: str, proc: subprocess.Popen) -> None:
    while not os.path.exists(path):
        if proc.poll() is not None:
            raise SystemExit(f"the child stopped early: {proc.stderr.read()[-3000:] if proc.stderr else ''}")
        time.sleep(0.2)


def collected(child: str, env: dict[str, str], cwd: str | None = None) -> int:
    """Instructions the child executed between its ``go`` and ``done`` flags."""
    with tempfile.TemporaryDirectory() as tmp:
        flag = os.path.join(tmp, "flag")
        proc = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/out",
             sys.executable, "-c", child], cwd=cwd, env={**env, "BENCH_FLAG": flag}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        _wait(flag + ".ready", proc)
        subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True, capture_output=True)
        open(flag + ".go", "w").close()
        _wait(flag + ".done", proc)
        subprocess.run(["callgrind_control", "-i", "off", str(proc.pid)], check=True, capture_output=True)
        open(flag + ".end", "w").close()
        _out, err = proc.communicate()
    found = re.search(r"Collected : (\d+)", err)
    if not found:
        raise SystemExit(f"no count from callgrind: {err[-500:]}")
    return int(found.group(1))


# The start of an engine child: the tree to measure first on sys.path, the ``BENCH_TEXTS`` 800-word texts of
# ``engine.py`` (real-dev articles when ../shared is there), each checked once so imports and word memos are warm.
# Shared by ``engine_instructions.py`` and ``engine_steps.py``, which append what they measure.
ENGINE_TEXTS = r"""
import os, sys, time
sys.path.insert(0, os.environ["ENGINE_BENCH_TREE"])
sys.path.insert(0, os.path.join(os.environ["BENCH_ROOT"], "benchmarks"))
from engine import SHARED, load_articles, text_of_words
from editorial.checks import check_draft
articles = load_articles(SHARED)
texts = [text_of_words(articles, 800, start=i * 3) for i in range(int(os.environ["BENCH_TEXTS"]))]
for title, body in texts:
    check_draft(title, body)
"""
