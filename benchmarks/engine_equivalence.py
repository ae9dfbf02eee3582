#!/usr/bin/env python
"""Prove that an engine change leaves every finding as it was: one digest line per text, over a fixed set.

    python benchmarks/engine_equivalence.py --out /tmp/new.txt                  # this checkout's engine
    python benchmarks/engine_equivalence.py --tree /tmp/main-copy --out /tmp/old.txt   # another checkout's
    diff /tmp/old.txt /tmp/new.txt && echo same

The texts are built once into ``--texts`` (default /tmp/engine_equivalence_texts.jsonl, reused when present, so
both runs check exactly the same texts): the Arabic string literals of tests/ (each alone as a body, and each
two neighbours in a file as title and body), the project's own drafts (quality/drafts/), the demo drafts, and
when ../shared is beside the checkout the real articles (corpus/real-dev), the dev drafts (corpus/dev), the ANS
headline pairs (corpus/ans) and each real article again with one defect injected by quality/inject.py, plus a
few long texts (60,000 characters and more, pasted paragraphs included), plus 1,000 seeded random texts mixing
those words with tashkeel, controls, ligatures, astral characters, stray quotes and markers. Nothing from ../shared is written into
the repository; the texts file stays in /tmp.

Each output line is ``<text id> <sha256 of the report>`` where the report hashed is every finding (rule, field,
offsets in code points and UTF-16, severity, text, both messages, related spans, suggestion, fingerprint), the
counts, the stats and the errors, under the default configuration and one with allowed repeats, stop phrases,
extra placeholders, a disabled rule and a severity override. The last line is the digest of all lines.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_TEXTS = Path("/tmp/engine_equivalence_texts.jsonl")
_ARABIC = range(0x0600, 0x0700)


def _arabic(s: str) -> bool:
    return any(ord(c) in _ARABIC for c in s)


def _test_literals() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        lits = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and len(n.value) >= 3 and _arabic(n.value)]
        name = path.relative_to(ROOT).as_posix()
        for i, s in enumerate(lits):
            out.append((f"{name}:{i}", "", s))
            if i + 1 < len(lits):
                out.append((f"{name}:{i}+{i + 1}", s, lits[i + 1]))
    return out


def _draft_file(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.strip(), body.lstrip("\n")


def build_texts() -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(ROOT))
    texts = _test_literals()
    for path in sorted((ROOT / "quality" / "drafts").rglob("*.txt")):
        texts.append((path.relative_to(ROOT).as_posix(), *_draft_file(path)))
    from editorial.demo import DEMO_DRAFTS

    texts += [(f"demo:{i}", d["title"], d["body"]) for i, d in enumerate(DEMO_DRAFTS)]
    real: list[tuple[str, str]] = []
    jsonl = SHARED / "real-dev" / "jawharafm.jsonl"
    if jsonl.exists():
        with jsonl.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        real = [(r.get("title") or "", r.get("body") or "") for r in rows]
        texts += [(f"real-dev:{i}", t, b) for i, (t, b) in enumerate(real)]
        texts += _injected(real)
    for path in sorted((SHARED / "dev").glob("*.txt")):
        texts.append((f"dev:{path.name}", *_draft_file(path)))
    for split in ("dev", "train"):
        p = SHARED / "ans" / f"{split}.jsonl"
        if p.exists():
            with p.open(encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    texts.append((r["id"], r["s1"], r["s2"]))
    texts += _long_texts(real or [(b, b) for _, _, b in texts if len(b) > 500])
    texts += _odd_texts([w for _, t, b in texts[:3000] for w in (t + " " + b).split()])
    return texts


# What natural text rarely holds: tashkeel, tatweel, zero-width and bidi controls, ligatures and presentation forms
# that expand (ﷺ), astral characters, unbalanced quotes and brackets, digits of every script, template and filler
# markers, doubled words and phrases, English assistant chatter.
_ODD = ["\u064e", "\u064b", "\u0651", "\u0640", "\u200c", "\u200d", "\u200f", "\u202b", "\ufeff", "\ufdfa",
        "\ufefb", "\ufdf2", "\U0001f600", "\U0001d400", "«", "»", "“", "”", '"', "(", ")", "[", "]", "{{", "}}",
        "\n", "\n\n", "،", ".", "؟", "!", "...", "-", "–", "•", "١٢٣", "3ر747", "1,200", "16.8", "%", "٪", "XXX",
        "ـــ", "TODO", "İ", "  ", "\t", " في في ", "في إطار في إطار", " و ", "وفي هذا الإطار", " هل ", " تم ",
        "فلان", "lorem ipsum", "As an AI"]


def _odd_texts(words: list[str], n: int = 1000) -> list[tuple[str, str, str]]:
    """Seeded random texts: real words mixed with the characters and markers of ``_ODD``."""
    if not words:
        return []
    rng, out = random.Random(11), []
    for k in range(n):
        parts = []
        for _ in range(rng.randint(1, 400)):
            parts.append(rng.choice(_ODD) if rng.random() < 0.3 else rng.choice(words))
            parts.append(rng.choice([" ", " ", " ", "", "\n"]))
        title = " ".join(rng.choice(words + _ODD) for _ in range(rng.randint(0, 12)))
        out.append((f"odd:{k}", title, "".join(parts)))
    return out


def _injected(real: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Each real article with one defect of a kind chosen by a seeded generator (where the article has room)."""
    try:
        from quality.inject import KINDS
    except ImportError:
        return []
    rng, out, kinds = random.Random(10), [], sorted(KINDS)
    for i, (title, body) in enumerate(real):
        for attempt in range(3):
            kind = kinds[(i + attempt * 7) % len(kinds)]
            _family, items, fn = KINDS[kind]
            try:
                res = fn(title, body, rng, list(items))
            except Exception:  # noqa: BLE001 - an injector that cannot place its defect here
                res = None
            if res:
                out.append((f"inject:{i}:{kind}", res[0], res[1]))
                break
    return out


def _long_texts(real: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    out = []
    for n, (start, chars) in enumerate(((0, 60_000), (300, 60_000), (600, 120_000))):
        parts, i = [], start
        while sum(map(len, parts)) < chars:
            parts.append(real[i % len(real)][1])
            i += 1
        body = "\n\n".join(parts)
        out.append((f"long:{n}", real[start % len(real)][0], body))
    # pasted paragraphs and sentences: the repetition family's worst case
    rng = random.Random(7)
    paras = [p for _, b in real[:200] for p in b.split("\n") if len(p) > 80]
    doc = []
    while sum(map(len, doc)) < 60_000:
        doc.append(rng.choice(paras) if rng.random() < 0.3 and doc else paras[len(doc) % len(paras)])
        if rng.random() < 0.2:
            doc.append(rng.choice(doc))
    out.append(("long:pasted", real[0][0], "\n".join(doc)))
    return out


def load_texts(path: Path) -> list[tuple[str, str, str]]:
    if not path.exists():
        texts = build_texts()
        with path.open("w", encoding="utf-8") as fh:
            for row in texts:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with path.open(encoding="utf-8") as fh:
        return [tuple(json.loads(line)) for line in fh]


def report_digest(report) -> str:
    d = report.as_dict()
    material = json.dumps([d["findings"], d["counts"], d["stats"], d["errors"]], ensure_ascii=False,
                          sort_keys=True)
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, help="check with the engine of this checkout instead of this one")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--only", help="only the texts whose id starts with this")
    ap.add_argument("--hash-seed", default="0", help="PYTHONHASHSEED for the run (string hashing order)")
    a = ap.parse_args()
    if os.environ.get("PYTHONHASHSEED") != a.hash_seed:
        # the same string-hash order in both runs: an order-dependent tie then shows as a difference only when
        # the code changed, and ``--hash-seed`` on the same checkout finds such ties
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": a.hash_seed})
    texts = load_texts(a.texts)
    if a.only:
        texts = [t for t in texts if t[0].startswith(a.only)]
    for mod in [m for m in sys.modules if m == "editorial" or m.startswith("editorial.")]:
        del sys.modules[mod]  # build_texts may have imported this checkout's package
    sys.path.insert(0, str((a.tree or ROOT).resolve()))
    import editorial.checks as checks_pkg
    from editorial.checks import check_draft
    from editorial.checks.config import CheckConfig

    print(f"engine: {Path(checks_pkg.__file__).parent}; {len(texts)} texts from {a.texts}", file=sys.stderr)
    custom = CheckConfig(
        disabled=frozenset({"repetition.repeated_opener"}),
        severity={"placeholder.bracketed_instruction": "warning"},
        extra_placeholders=("يضاف لاحقا", "اسم المصدر"),
        stop_phrases=("وزير الخارجية", "في هذا الإطار"),
        allowed_repeats=("تونس", "كأس العالم"),
    )
    lines, t0 = [], time.process_time()
    for tid, title, body in texts:
        one = report_digest(check_draft(title, body))
        two = report_digest(check_draft(title, body, custom))
        lines.append(f"{tid} {one} {two}")
    total = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    a.out.write_text("\n".join(lines) + f"\nALL {total}\n", encoding="utf-8")
    print(f"{len(lines)} texts, digest {total[:16]}, CPU {time.process_time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
