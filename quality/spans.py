"""Matching a finding against a labelled defect: the rule ``../shared/eval/score.py`` applies, written here so
the harness and its tests do not depend on ``../shared``.

A finding matches a defect when it has the defect's family and one of its spans (the main span or a ``related``
one) lies in the same field as a target, overlaps it, and is tight: no longer than four times the target's
length plus ten characters (a span over a whole title points at nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

ALARM = ("error", "warning")

Target = tuple[str, tuple[int, int]]  # (field, (start, end))


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (overlapping) occurrence of ``needle`` in ``text`` as code-point spans."""
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def tight(span: tuple[int, int], target: tuple[int, int]) -> bool:
    return (span[1] - span[0]) <= 4 * (target[1] - target[0]) + 10


def finding_spans(f: dict) -> Iterator[Target]:
    yield f.get("field"), (f.get("start", -1), f.get("end", -1))
    for r in f.get("related") or []:
        yield r.get("field"), (r.get("start", -1), r.get("end", -1))


def hits(f: dict, targets: Iterable[Target]) -> bool:
    targets = list(targets)
    for field, span in finding_spans(f):
        for tf, ts in targets:
            if field == tf and overlaps(span, ts) and tight(span, ts):
                return True
    return False


def targets_of(defect: dict, title: str, body: str) -> list[Target]:
    """Where a labelled defect sits in the checked title and body (labels.json format of ../shared/corpus/dev)."""
    if defect["check"] == "consistency":
        out = [("title", s) for s in occurrences(title, defect.get("title_text", ""))]
        out += [("body", s) for s in occurrences(body, defect.get("body_text", ""))]
        return out
    fields = {"title": title, "body": body}
    text = fields[defect["field"]]
    out = [(defect["field"], s) for s in occurrences(text, defect["text"])]
    if defect.get("duplicate_of"):  # near-duplicates: the earlier wording counts too
        out += [(defect["field"], s) for s in occurrences(text, defect["duplicate_of"])]
    return out


def matching_rules(defect: dict, report: dict) -> set[str]:
    """The rules of the findings that match the defect (any severity, as score.py counts recall)."""
    targets = targets_of(defect, report.get("title", ""), report.get("body", ""))
    return {f.get("rule", "") for f in report.get("findings", [])
            if f.get("check") == defect["check"] and hits(f, targets)}


def found(defect: dict, report: dict) -> bool:
    return bool(matching_rules(defect, report))


def alarms(report: dict) -> list[dict]:
    return [f for f in report.get("findings", []) if f.get("severity") in ALARM]
