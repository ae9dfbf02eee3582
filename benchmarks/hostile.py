"""Time each hostile input of issue 9 against this checkout and, with ``--against REF``, another commit.

    .venv/bin/python benchmarks/hostile.py                    # this checkout only
    .venv/bin/python benchmarks/hostile.py --against fddc63c  # before/after, in the same run

Each case runs in its own process (the same Python, the checkout's code on ``sys.path``) and is stopped after
``--timeout`` seconds (wall time); the figures are the wall and CPU time of the one call (sanitiser, file
reader or diff), the inputs being built first. On a shared machine the CPU time is the one to compare. The other commit is unpacked with ``git archive`` into a temporary folder: its own
dependencies must be importable from this Python (for the commits before this work: bleach, Markdown).
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETUP = r"""
import io, json, os, sys, time, zipfile
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "editorial.settings")
import django
django.setup()

def docx_of(inner_xml):
    import docx
    document = docx.Document()
    document.add_paragraph("عنوان الخبر")
    plain = io.BytesIO(); document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode(); at = xml.index("<w:sectPr")
                data = (xml[:at] + inner_xml + xml[at:]).encode()
            zout.writestr(item, data)
    return out.getvalue()

WORDS = ["الوزير", "افتتح", "المستشفى", "الجديد", "في", "المحافظة", "اليوم", "بحضور", "المسؤولين", "وقال"]
def paragraph_of(n, offset=0):
    return " ".join(WORDS[(i * 7 + offset) % len(WORDS)] + str(i % 13) for i in range(n))

def outcome(call):
    started, cpu = time.perf_counter(), time.process_time()
    try:
        result = call()
        summary = "ok"
        if isinstance(result, tuple) and result and isinstance(result[-1], str):
            summary = f"ok, {len(result[-1]):,} chars of text"
        elif isinstance(result, list):
            summary = f"ok, {len(result):,} rows"
        elif hasattr(result, "body_text"):
            summary = f"ok, {len(result.body_text):,} chars of text"
    except RecursionError:
        summary = "RecursionError (a 500)"
    except Exception as exc:
        summary = f"refused: {type(exc).__name__}: {str(exc)[:70]}"
    print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                      "summary": summary}))
"""

CASES: dict[str, tuple[str, str]] = {
    "html: 20,000 nested <div> (220 KB)": (
        "from editorial.sanitize import sanitize_html; x = '<div>' * 20000 + 'نص' + '</div>' * 20000",
        "sanitize_html(x)"),
    "html: 100,000 flat <p>a</p> (800 KB)": (
        "from editorial.sanitize import sanitize_html; x = '<p>a</p>' * 100000", "sanitize_html(x)"),
    "html: 100,000 unclosed <a (200 KB)": (
        "from editorial.sanitize import sanitize_html; x = '<a' * 100000", "sanitize_html(x)"),
    "html: 50,000 unclosed <!-- (200 KB)": (
        "from editorial.sanitize import sanitize_html; x = '<!--' * 50000", "sanitize_html(x)"),
    "markdown: 100,000 [ (100 KB)": (
        "from editorial.sanitize import sanitize_markdown; x = '[' * 100000", "sanitize_markdown(x)"),
    "markdown: 1,000 nested list levels (1 MB)": (
        "from editorial.sanitize import sanitize_markdown; x = ''.join('  ' * i + '- x\\n' for i in range(1000))",
        "sanitize_markdown(x)"),
    "docx: 100,000 paragraphs of 8 words (11 MB of XML)": (
        ("from editorial.ingest import ingest_file; "
         "x = docx_of(('<w:p><w:r><w:t>' + ' '.join(['كلمة'] * 8) + '</w:t></w:r></w:p>') * 100000)"),
        "ingest_file('bomb.docx', x)"),
    "docx: 1,000,000 empty paragraphs (6 MB of XML, 60 KB zip)": (
        "from editorial.ingest import ingest_file; x = docx_of('<w:p/>' * 1000000)",
        "ingest_file('bomb.docx', x)"),
    "docx: 20,000 paragraphs of 8 words (2.2 MB of XML, read)": (
        ("from editorial.ingest import ingest_file; "
         "x = docx_of(('<w:p><w:r><w:t>' + ' '.join(['كلمة'] * 8) + '</w:t></w:r></w:p>') * 20000)"),
        "ingest_file('long.docx', x)"),
    "diff: one paragraph of 3,000 words, every 3rd word changed": (
        ("from editorial.web.history import diff_rows; a = paragraph_of(3000); "
         "b = ' '.join(w if i % 3 else 'تغيير' for i, w in enumerate(a.split(' ')))"),
        "diff_rows(a, b)"),
    "diff: one paragraph of 20,000 words, one word changed": (
        ("from editorial.web.history import diff_rows; a = paragraph_of(20000); w = a.split(' '); "
         "w[10000] = 'تغيير'; b = ' '.join(w)"),
        "diff_rows(a, b)"),
    "diff: one paragraph of 20,000 words, every word changed": (
        "from editorial.web.history import diff_rows; a = paragraph_of(20000); b = paragraph_of(20000, 3)",
        "diff_rows(a, b)"),
    "diff: 2,000 paragraphs of 30 words, a third changed": (
        ("from editorial.web.history import diff_rows; "
         "a = '\\n\\n'.join(paragraph_of(30, i) for i in range(2000)); "
         "b = '\\n\\n'.join(paragraph_of(30, i + (i % 3 == 0)) for i in range(2000))"),
        "diff_rows(a, b)"),
}


def run_case(checkout: Path, prepare: str, call: str, timeout: float, data_dir: str) -> str:
    code = f"{SETUP}\n{prepare}\noutcome(lambda: {call})\n"
    env = {**os.environ, "DATA_DIR": data_dir, "DJANGO_SETTINGS_MODULE": "editorial.settings"}
    try:
        proc = subprocess.run([sys.executable, "-c", code], cwd=checkout, capture_output=True, text=True,
                              timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return f"failed: {tail[:80]}"
    got = json.loads(lines[-1])
    return f"{got['seconds']:7.2f} s wall {got['cpu']:7.2f} s CPU  {got['summary']}"


def unpack(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", help="another commit to time the same cases on (e.g. fddc63c)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is stopped")
    parser.add_argument("-k", default="", help="only the cases whose name contains this")
    args = parser.parse_args()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=False).stdout.strip() or "checkout"
    with tempfile.TemporaryDirectory() as tmp:
        checkouts = []
        if args.against:
            target = Path(tmp) / "against"
            target.mkdir()
            checkouts.append((args.against, unpack(args.against, target)))
        checkouts.append((f"{head} (this checkout)", ROOT))
        load = os.getloadavg()[0]
        print(f"load average {load:.1f} on {os.cpu_count()} cores; timeout {args.timeout:.0f} s")
        for name, (prepare, call) in CASES.items():
            if args.k not in name:
                continue
            print(name, flush=True)
            for label, checkout in checkouts:
                data_dir = tempfile.mkdtemp(dir=tmp)
                print(f"  {label:24s} {run_case(checkout, prepare, call, args.timeout, data_dir)}", flush=True)


if __name__ == "__main__":
    main()
