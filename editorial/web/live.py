"""The live check: title and body in, findings and highlighted HTML out, nothing stored."""

from __future__ import annotations

import hashlib
import json
import threading
import time

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from editorial import selectors
from editorial.checks import check_draft
from editorial.checks.text import normalise_body, normalise_title
from editorial.ids import parse_id
from editorial.models import Draft
from editorial.rule_settings import current_config
from editorial.templatetags.editorial_tags import localise_digits
from editorial.web import findings as fnd
from editorial.web.access import newsroom_required
from editorial.web.highlight import highlight, highlight_parts

# Past this the engine needs most of a second: saving checks it instead of every pause in typing.
LIVE_MAX_CHARS = 60_000


def _saved_state(request) -> tuple[dict, dict]:
    """Of the draft being edited: its active dismissals (so the live list matches the saved one) and its saved
    findings by fingerprint (so a live finding that is also in the saved revision can be dismissed)."""
    value = request.POST.get("draft", "")
    if not value:
        return {}, {}
    pk = parse_id(value)
    if pk is None:
        raise BadRequest("draft is not an id")
    draft = selectors.drafts_visible_to(request.user).filter(pk=pk).first()
    if not isinstance(draft, Draft):
        return {}, {}
    _run, rows = selectors.findings_with_state(draft)
    return selectors.active_dismissals(draft), {f.fingerprint: f.pk for f, _d in rows}


def _summary(counts: dict[str, int]) -> str:
    n = counts.get("error", 0) + counts.get("warning", 0) + counts.get("info", 0)
    text = ngettext("Checked as you type: %(n)s open finding.", "Checked as you type: %(n)s open findings.", n)
    return text % {"n": localise_digits(str(n))}


@newsroom_required
@require_POST
def check_live(request):
    started = time.perf_counter()
    title = normalise_title(request.POST.get("title", ""))
    body = normalise_body(request.POST.get("body", ""))
    if len(body) + len(title) > min(settings.MAX_DRAFT_CHARS, LIVE_MAX_CHARS):
        detail = _("The text is too long to check as you type; save it to check it.")
        return JsonResponse({"code": "too_large", "detail": detail}, status=413)
    report = check_draft(title, body, current_config())
    dismissed, saved = _saved_state(request)
    shown = [fnd.from_engine(i, f, dismissed.get(f.fingerprint)) for i, f in enumerate(report.findings)]
    _stable_keys(shown)
    fnd.link_related(shown)
    counts = fnd.counts(shown)
    groups = fnd.grouped(shown)
    for g in groups:
        for f in g.findings:
            f.item_html = _item_html(f)
    list_html = render_to_string("editorial/_findings_list.html",
                                 {"groups": groups, "counts": counts, "live": True}, request=request)
    findings = [{**f.as_json(), "stored_id": saved.get(f.fingerprint)} for f in shown]
    answer = {
        "counts": counts,
        "title": title,  # as checked (spaces tidied), so the editor knows whether the title's marks fit
        "title_html": str(highlight(title, "title", shown)),
        "stats": report.stats,
        "summary": _summary(counts),
    }
    if request.POST.get("delta") == "1":
        answer.update(_delta(request.POST, findings, highlight_parts(body, "body", shown), list_html))
    else:
        answer.update(findings=findings, body_html=str(highlight(body, "body", shown)), list_html=list_html)
    answer["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


class _Recent:
    """A bounded memo (oldest dropped first), shared by the threads of one process."""

    def __init__(self, size: int) -> None:
        self.size, self.items, self.lock = size, {}, threading.Lock()

    def get(self, key, make):
        with self.lock:
            if key in self.items:
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                del self.items[next(iter(self.items))]
        return value


_ITEMS = _Recent(4096)


def _item_html(f) -> str:
    """A finding's list item, rendered once for what it shows (every field _finding_item.html reads but the
    offsets, which the editor sets): a keystroke re-renders the findings it changed, not the whole list."""
    key = (get_language(), f.key, f.severity, f.family, f.rule, f.field, f.text, f.shown_message, f.suggestion,
           tuple((r.get("anchor"), r.get("field"), r.get("text")) for r in f.related_links), f.related_more)
    return _ITEMS.get(key, lambda: render_to_string("editorial/_finding_item.html", {"f": f, "live": True}))


def _stable_keys(shown: list) -> None:
    """Keys that survive an edit elsewhere (the finding's fingerprint, numbered when it repeats), so a finding
    and the paragraph holding its mark are the same on both sides of a keystroke and need not be sent again."""
    seen: dict[str, int] = {}
    for f in shown:
        base = f"l{f.fingerprint[:12]}"
        seen[base] = seen.get(base, 0) + 1
        f.key = base if seen[base] == 1 else f"{base}-{seen[base]}"


def _digest(value) -> str:
    data = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


_OFFSETS = ("start", "end", "start_utf16", "end_utf16")


def _delta(post, findings: list[dict], parts: list, list_html: str) -> dict:
    """Only what the editor does not hold yet. It says what it holds: ``parts`` (the digests of the body's
    pieces), ``known`` (``key:digest`` of each finding) and ``list`` (the findings list's digest); everything it
    holds is answered by digest alone, so a one-word edit sends one paragraph and the findings that changed."""
    held_parts = set(post.get("parts", "").split(","))
    held = set(post.get("known", "").split(","))
    body_parts = []
    for html in parts:
        d = _digest(str(html))
        body_parts.append([d, None if d in held_parts else str(html)])
    # Offsets move with every keystroke before them: they travel in the key list, the rest only when it changed.
    rows, changed = [], []
    for f in findings:
        core = {k: v for k, v in f.items() if k not in _OFFSETS}
        d = _digest(core)
        rows.append([f["key"], d, *(f[k] for k in _OFFSETS)])
        if f"{f['key']}:{d}" not in held:
            changed.append(core)
    list_digest = _digest(list_html)  # without offsets: the editor puts them in itself
    return {
        "body_parts": body_parts,
        "finding_keys": rows,
        "offset_names": list(_OFFSETS),
        "findings": changed,
        "list_digest": list_digest,
        "list_html": None if post.get("list") == list_digest else list_html,
    }
