"""Plain dicts for the output serializers, read through the selectors."""

from __future__ import annotations

from editorial import review, selectors
from editorial.models import ApiClient, Draft


def _dismissal(d) -> dict | None:
    if d is None:
        return None
    by = d.dismissed_by.get_username() if d.dismissed_by_id else (f"API: {d.api_client}" if d.api_client_id else "")
    return {"id": d.pk, "kind": d.kind, "reason": d.reason, "clears_gate": d.by_reviewer, "by": by,
            "created_at": d.created_at}


def report(run, rows) -> dict | None:
    """The latest check and its findings with their dismissals (``selectors.findings_with_state``)."""
    if run is None:
        return None
    return {
        "check_run": run.pk, "revision": run.revision.number, "engine_version": run.engine_version,
        "checked_at": run.created_at, "counts": run.counts, "stats": run.stats,
        "findings": [{**f.as_dict(), "dismissed": d is not None, "dismissal": _dismissal(d)} for f, d in rows],
    }


def history(draft: Draft) -> list[dict]:
    return [
        {"id": e.pk, "action": e.action, "from_status": e.from_status, "to_status": e.to_status,
         "actor": e.actor_name, "revision": e.revision.number if e.revision_id else None, "comment": e.comment,
         "override_reason": e.override_reason, "open_findings": len(e.open_findings or []),
         "overridden_findings": e.overridden_findings or [],
         "created_at": e.created_at}
        for e in selectors.draft_history(draft)
    ]


def actions(draft: Draft, client: ApiClient, state: tuple) -> list[dict]:
    """The workflow's answer (``review.available_actions``) for the actions this client may take now: what each
    leads to, whether it needs a comment, whether it is blocked and by which findings."""
    return [{"action": a.action, "label": a.label, "target": a.target, "needs_comment": a.needs_comment,
             "blocked": a.blocked, "blocking_findings": [f.pk for f, _d in a.blockers],
             "needs_override": a.needs_override}
            for a in review.available_actions(draft, client, state) if a.allowed]


def summary(draft: Draft) -> dict:
    return {"id": draft.pk, "external_id": draft.external_id, "title": draft.title, "status": draft.status,
            "revision": draft.revision_number, "desk": draft.desk, "created_at": draft.created_at,
            "updated_at": draft.updated_at}


def detail(draft: Draft, client: ApiClient, *, run=None, written: bool = False, created: bool = False) -> dict:
    """A draft as the API shows it. ``run``: its latest check, already read (``selectors.draft_with_run``);
    ``written``: just written by a service, presented from what the write holds (a new draft has no history)."""
    state = selectors.findings_with_state(draft, run=run, held=written)
    return {**summary(draft), "body_format": draft.source_format, "body_text": draft.body_text,
            "author_name": draft.author_name, "metadata": draft.metadata if isinstance(draft.metadata, dict) else {},
            "actions": actions(draft, client, state), "report": report(*state),
            "history": [] if created else history(draft)}
