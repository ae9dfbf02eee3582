#!/usr/bin/env python
"""Where the engine's instructions go: a count per step of one family (or of preparing the text), per 800-word check.

    python benchmarks/engine_steps.py prep|repetition|placeholder|consistency [--tree /tmp/eng-base] [--texts 20]

The child process (under valgrind's callgrind, instrumentation off) checks ``--texts`` 800-word texts once (word
memos warm), prepares each text's ``Document`` (and, for a family, its words, sentences and quotations, uncounted),
then runs the steps one after the other over every text; callgrind is on from the first step and its counters are
dumped after each (``callgrind_control -d``), so each step's count is its own. A step reads what the steps before
it left (a family's shared columns, then each pass), in the order the family runs them; ``prep`` starts from the
bare text. Figures are printed, never asserted; the sum is about what ``engine_instructions.py`` counts for that
part (the engine's own bookkeeping around the families aside). Needs valgrind; a minute or two per run.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from callgrind import ENGINE_TEXTS  # benchmarks/ is this script's folder, first on sys.path

ROOT = Path(__file__).resolve().parent.parent

_PREPARED = "v.tokens; v.sentences; v.paragraphs; v.vocabulary; v.quotations"
_BODY = ["quoted_tokens", "sentence_keys", "list_sentences", "content", "stem_df", "stem_weight", "token_flags",
         "sentence_of", "joined", "formula_sentences", "excluded_tokens"]
_MODULES = ["numbers", "people", "gender", "counts", "places", "teams", "dates", "polarity", "roles", "scores",
            "results", "swapped", "topic"]
STEPS: dict[str, list[tuple[str, str]]] = {
    "prep": [(p, f"d.title.{p}; d.body.{p}") for p in
             ("normalized", "_columns", "tokens", "paragraphs", "sentences", "vocabulary", "quotations")],
    "repetition": [("Body.of", "d.b = Body.of(d.body, C)")] + [(p, f"d.b.{p}") for p in _BODY] + [
        ("doubled words", ("list(exact.doubled_words(d.title, None, d.b.allowed)); "
                           "list(exact.doubled_words(d.body, d.b, d.b.allowed))")),
        ("duplicated paragraphs", "d.pc = exact.duplicated_paragraphs(d.b)"),
        ("duplicated sentences", "list(exact.duplicated_sentences(d.b, d.pc[1]))"),
        ("repeated sentences", "d.ex = exact.repeated_sentences(d.b)"),
        ("comparable", "d.ok = similar.comparable(d.b)"),
        ("near duplicates", "d.near = similar.near_duplicates(d.b, d.ex, d.ok)"),
        ("restatements", "list(similar.restatements(d.b, d.near[1] | d.ex, d.ok))"),
        ("restated figures", "list(similar.restated_figures(d.b, d.near[1] | d.ex))"),
        ("repeated terms", "list(phrases.overused_phrases(d.b, d.title))"),
        ("stock phrases", "list(phrases.overused_stock_phrases(d.b))"),
        ("openers", "list(openers.repeated_openers(d.b))"),
    ],
    "placeholder": [
        ("present runs", "P.present_runs(d.title); P.present_runs(d.body)"),
        ("brackets", ("list(B.bracket_hits(d.title.text, d.title.quotations)); "
                      "list(B.bracket_hits(d.body.text, d.body.quotations))")),
        ("templates", "list(B.template_hits(d.title.text)); list(B.template_hits(d.body.text))"),
        ("filler markers", ("list(M.marker_hits(d.title.text, d.title.quotations)); "
                            "list(M.marker_hits(d.body.text, d.body.quotations))")),
        ("notes", "list(P.note_hits(d.title)); list(P.note_hits(d.body))"),
        ("dummy text", "list(P.dummy_hits(d.title)); list(P.dummy_hits(d.body))"),
        ("names", "list(P.name_hits(d.title)); list(P.name_hits(d.body))"),
        ("ai leftovers", "list(P.ai_hits(d.title, d.title.quotations)); list(P.ai_hits(d.body, d.body.quotations))"),
    ],
    "consistency": [("Context", "d.ctx = Context(d); d.on = bool(d.title.tokens and d.body.tokens)")] + [
        (m, f"d.on and list(MODULES[{i}].check(d.ctx, C))") for i, m in enumerate(_MODULES)],
}

CHILD = ENGINE_TEXTS + r"""
import gc
from editorial.checks.config import DEFAULT_CONFIG as C
from editorial.checks.types import Document
from editorial.checks.repetition import exact, openers, phrases, similar
from editorial.checks.repetition.prep import Body
from editorial.checks.placeholder import brackets as B, markers as M, phrases as P
from editorial.checks.consistency import _MODULES as MODULES, Context
import json
steps = [(name, compile(code, name, "exec")) for name, code in json.loads(os.environ["BENCH_STEPS"])]
docs = [Document(t, b) for t, b in texts]
if os.environ["BENCH_PART"] != "prep":
    for d in docs:
        for v in (d.title, d.body):
            PREPARED
gc.disable()  # as check_draft does
flag = os.environ["BENCH_FLAG"]
def sync(tag):
    open(flag + "." + tag, "w").close()
    while not os.path.exists(flag + "." + tag + ".ok"):
        time.sleep(0.02)
sync("ready")
for k, (name, code) in enumerate(steps):
    for d in docs:
        exec(code)
    sync(str(k))
open(flag + ".end", "w").close()
""".replace("PREPARED", _PREPARED)


def counts(tree: Path, part: str, texts: int) -> list[tuple[str, float]]:
    """Instructions per text of each step of ``part``, in millions."""
    import json

    steps = STEPS[part]
    with tempfile.TemporaryDirectory() as tmp:
        flag = os.path.join(tmp, "flag")
        env = {**os.environ, "ENGINE_BENCH_TREE": str(tree), "BENCH_ROOT": str(ROOT), "BENCH_TEXTS": str(texts),
               "PYTHONHASHSEED": "0", "BENCH_PART": part, "BENCH_STEPS": json.dumps(steps), "BENCH_FLAG": flag}
        proc = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/out",
             sys.executable, "-c", CHILD], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def wait(path: str) -> None:
            while not os.path.exists(path):
                if proc.poll() is not None:
                    raise SystemExit(f"the child stopped early: {proc.stderr.read()[-3000:] if proc.stderr else ''}")
                time.sleep(0.1)

        def control(*args: str) -> None:
            subprocess.run(["callgrind_control", *args, str(proc.pid)], check=True, capture_output=True)

        wait(flag + ".ready")
        control("-i", "on")
        open(flag + ".ready.ok", "w").close()
        for k in range(len(steps)):
            wait(f"{flag}.{k}")
            control("-d")
            open(f"{flag}.{k}.ok", "w").close()
        wait(flag + ".end")
        control("-i", "off")
        proc.communicate()
        dumps = sorted(glob.glob(f"{tmp}/out.*"), key=lambda p: int(p.rsplit(".", 1)[1]))
        out = []
        for (name, _code), path in zip(steps, dumps, strict=True):
            found = re.search(r"^(?:summary|totals): (\d+)", Path(path).read_text(), re.MULTILINE)
            out.append((name, int(found.group(1)) / texts / 1e6 if found else float("nan")))
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("part", choices=sorted(STEPS))
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another checkout (repeatable)")
    ap.add_argument("--texts", type=int, default=20, help="800-word texts per step")
    a = ap.parse_args()
    trees = [("this checkout", ROOT)] + [(str(t), t.resolve()) for t in a.tree]
    results = [(label, counts(tree, a.part, a.texts)) for label, tree in trees]
    print(f"{a.part}: M instructions per 800-word check, by step ({a.texts} texts)")
    print(f"{'step':24s}" + "".join(f"{label[-18:]:>20s}" for label, _ in results))
    for k, (name, _) in enumerate(STEPS[a.part]):
        print(f"{name:24s}" + "".join(f"{r[k][1]:20.3f}" for _, r in results))
    print(f"{'sum':24s}" + "".join(f"{sum(x for _, x in r):20.3f}" for _, r in results))


if __name__ == "__main__":
    main()
