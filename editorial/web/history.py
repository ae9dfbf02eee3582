"""A draft's history (status changes, revisions, dismissals in time order) and the side-by-side diff."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import regex
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from editorial import review, selectors
from editorial.ids import parse_id
from editorial.models import Revision
from editorial.web.access import draft_for, newsroom_required


def who(user=None, client=None) -> str:
    if user is not None:
        return user.get_username()
    if client is not None:
        return _("API: %(name)s") % {"name": client.name}
    return _("system")


# A revision's texts: what a list of revisions (number, when, who, note) never shows.
REVISION_TEXTS = ("title", "body_text", "source_html")


def timeline(draft, *, revisions=None, comments=None) -> list[dict]:
    """Every review event, revision, dismissal and decided suggestion of a draft, oldest first.

    ``revisions`` and ``comments``: the draft's, with their people, when the caller has read them already (the
    draft page): not read again.
    """
    items = []
    for e in selectors.draft_history(draft):
        items.append({
            "kind": "event", "when": e.created_at, "who": who(e.actor, e.api_client),
            "label": review.ACTION_LABELS.get(e.action, e.action), "action": e.action,
            "from": dict(review.STATUS_CHOICES).get(e.from_status, e.from_status),
            "to": dict(review.STATUS_CHOICES).get(e.to_status, e.to_status), "to_status": e.to_status,
            "comment": e.comment, "override": e.override_reason, "overridden": e.overridden_findings or [],
            "revision": e.revision.number if e.revision_id else None, "open": len(e.open_findings or []),
        })
    if revisions is None:
        revisions = draft.revisions.select_related("created_by", "api_client").defer(*REVISION_TEXTS)
    for r in revisions:
        items.append({"kind": "revision", "when": r.created_at, "who": who(r.created_by, r.api_client),
                      "revision": r.number, "note": r.note})
    for d in draft.dismissals.select_related("dismissed_by", "api_client", "undone_by"):
        items.append({"kind": "dismissal", "when": d.created_at, "who": who(d.dismissed_by, d.api_client),
                      "rule": d.rule, "text": d.text, "reason": d.reason, "dismissal_kind": d.get_kind_display(),
                      "by_reviewer": d.by_reviewer})
        if d.undone_at:
            items.append({"kind": "undo", "when": d.undone_at, "who": who(d.undone_by), "rule": d.rule,
                          "text": d.text})
    if comments is None:
        decided = draft.comments.filter(replacement__isnull=False).exclude(decision="").select_related(
            "author", "decided_by")
    else:
        decided = [c for c in comments if c.replacement is not None and c.decision != ""]
    for c in decided:
        items.append({"kind": "suggestion", "when": c.decided_at, "who": who(c.decided_by),
                      "by": c.author.get_username() if c.author_id else "?", "accepted": c.decision == "accepted",
                      "passage": c.passage, "replacement": c.replacement})
    order = {"revision": 0, "event": 1, "dismissal": 2, "undo": 3, "suggestion": 4}
    return sorted(items, key=lambda i: (i["when"], order[i["kind"]]))


# --- diff -------------------------------------------------------------------------------------------------

_TOKEN = regex.compile(r"\s+|[\p{L}\p{M}\p{N}]+|.", regex.S)


@dataclass
class Row:
    kind: str  # equal, replace, delete, insert
    left: list[tuple[str, bool]] = field(default_factory=list)  # (text, changed)
    right: list[tuple[str, bool]] = field(default_factory=list)
    left_no: int | None = None
    right_no: int | None = None


# Past these limits a changed part of a text is shown whole instead of being diffed finer. difflib is quadratic
# in repeated items (every space is a token): a 3,000-word paragraph took 7.4 s and 20,000 words a 500. The
# common beginning and end of two texts are set aside first, in linear time, so a one-word change in a long
# paragraph is still shown as one word. Figures: ``benchmarks/hostile.py``.
DIFF_MAX_TOKENS = 1000  # words, spaces and punctuation of one changed line pair, both sides together
DIFF_TOKEN_BUDGET = 10_000  # the same, summed over every line pair diffed word by word in one diff
DIFF_MAX_LINES = 2000  # lines of the changed middle, both sides together


def _opcodes(a: list, b: list, limit: int) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes: the common beginning and end, then the middle diffed if small, else one block."""
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    ops: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)] if head else []
    a2, b2 = n - tail, m - tail
    if (a2 - head) + (b2 - head) <= limit:
        matcher = difflib.SequenceMatcher(None, a[head:a2], b[head:b2], autojunk=False)
        ops += [(op, i1 + head, i2 + head, j1 + head, j2 + head)
                for op, i1, i2, j1, j2 in matcher.get_opcodes() if (i1, i2, j1, j2) != (0, 0, 0, 0)]
    elif a2 > head or b2 > head:
        op = "replace" if a2 > head and b2 > head else ("delete" if a2 > head else "insert")
        ops.append((op, head, a2, head, b2))
    if tail:
        ops.append(("equal", a2, n, b2, m))
    return ops


def _words(ta: list[str], tb: list[str], limit: int) -> tuple[list, list]:
    left, right = [], []
    for op, i1, i2, j1, j2 in _opcodes(ta, tb, limit):
        if i2 > i1:
            left.append(("".join(ta[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append(("".join(tb[j1:j2]), op != "equal"))
    return left, right


def diff_rows(a: str, b: str) -> list[Row]:
    """Line-by-line rows; changed lines paired and diffed word by word. Text stays text (the template escapes).

    Bounded: past ``DIFF_MAX_LINES`` changed lines, or once ``DIFF_TOKEN_BUDGET`` is spent, a changed line is
    shown whole; a line pair past ``DIFF_MAX_TOKENS`` shows only its common beginning and end as unchanged.
    """
    la, lb = a.split("\n"), b.split("\n")
    rows: list[Row] = []
    ops = _opcodes(la, lb, DIFF_MAX_LINES)
    budget = DIFF_TOKEN_BUDGET
    if sum(i2 - i1 + j2 - j1 for op, i1, i2, j1, j2 in ops if op != "equal") > DIFF_MAX_LINES:
        budget = 0
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            rows += [Row("equal", [(la[i], False)], [(lb[j], False)], i + 1, j + 1)
                     for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            if i < i2 and j < j2:
                if budget > 0:
                    ta, tb = _TOKEN.findall(la[i]), _TOKEN.findall(lb[j])
                    limit = min(DIFF_MAX_TOKENS, budget)
                    budget -= min(len(ta) + len(tb), limit)
                    left, right = _words(ta, tb, limit)
                else:
                    left, right = [(la[i], True)], [(lb[j], True)]
                rows.append(Row("replace", left, right, i + 1, j + 1))
            elif i < i2:
                rows.append(Row("delete", [(la[i], True)], [], i + 1, None))
            else:
                rows.append(Row("insert", [], [(lb[j], True)], None, j + 1))
    return rows


def _revision(draft, value, default: int) -> Revision:
    number = parse_id(value) if value not in (None, "") else default
    if number is None:
        raise BadRequest("not a revision number")
    rev = draft.revisions.filter(number=number).first()
    if rev is None:
        raise Http404
    return rev


@newsroom_required
def revision_diff(request, pk: int):
    draft = draft_for(request, pk)
    latest = draft.revision_number
    b = _revision(draft, request.GET.get("b"), latest)
    a = _revision(draft, request.GET.get("a"), max(1, b.number - 1))
    ctx = {
        "draft": draft, "a": a, "b": b,
        "title_rows": diff_rows(a.title, b.title), "body_rows": diff_rows(a.body_text, b.body_text),
        "revisions": list(draft.revisions.order_by("-number").values_list("number", flat=True)),
        "same": a.content_hash == b.content_hash,
    }
    return render(request, "editorial/draft_diff.html", ctx)
