"""The draft pages: new, read (with findings in place), edit (with the live check)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from editorial import review, selectors, services
from editorial.checks.text import normalise_body, normalise_title
from editorial.web import findings as fnd
from editorial.web.access import draft_for, newsroom_required
from editorial.web.forms import CommentForm, DraftForm, NewDraftForm, service_error
from editorial.web.history import REVISION_TEXTS, diff_rows, timeline, who


def draft_url(draft, anchor: str = "") -> str:
    return reverse("editorial:draft", args=[draft.pk]) + (f"#{anchor}" if anchor else "")


@newsroom_required
@require_http_methods(["GET", "POST"])
def draft_new(request):
    form = NewDraftForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        got = form.ingested
        upload = form.cleaned_data.get("file")
        try:
            draft = services.draft_create(
                title=got.title, body_text=got.body_text, source_html=got.source_html,
                source_format=got.source_format, desk=form.cleaned_data.get("desk", ""), user=request.user,
            )
        except services.ServiceError as exc:
            if upload:  # the text came from the file: the file is what to fix
                form.add_error("file", exc.detail)
            else:
                service_error(form, exc)
        else:
            messages.success(request, _("Draft created and checked."))
            if "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"redirect": draft_url(draft)})
            return redirect(draft_url(draft))
    chosen = request.FILES.get("file")
    ctx = {"form": form, "chosen_file": chosen.name if chosen else "", "desk_names": selectors.desk_names()}
    return render(request, "editorial/draft_new.html", ctx, status=400 if form.errors else 200)


def shown_findings(draft) -> tuple[object, list[fnd.Shown]]:
    run, rows = selectors.findings_with_state(draft)
    shown = [fnd.from_model(f, d) for f, d in rows]
    fnd.link_related(shown)
    return run, shown


def desk_actions(draft, user, run, shown: list[fnd.Shown]) -> list[review.Answer]:
    """The buttons: the workflow's answer (``review.available_actions``) for the actions this user may take now."""
    state = (run, [(f.finding, f.dismissal) for f in shown])
    return [a for a in review.available_actions(draft, user, state) if a.allowed]


def override_approval(draft):
    """The approval an approved draft stands on, when it was given over open errors (else None)."""
    if draft.status != review.APPROVED:
        return None
    event = draft.events.filter(to_status=review.APPROVED).select_related("actor").order_by("-created_at", "-id").first()
    if event is None or not event.override_reason:
        return None
    event.open_errors = sum(1 for f in event.open_findings or [] if f.get("severity") == "error")
    return event


def draft_context(request, draft, **extra) -> dict:
    run, shown = shown_findings(draft)
    counts = fnd.counts(shown)
    comments = list(draft.comments.select_related("author", "decided_by", "applied_revision"))
    comment_marks, anchors = fnd.comment_marks(draft, [c for c in comments if not c.decision])
    for c in comments:
        c.outdated = bool(c.passage) and not c.decision and anchors.get(c.pk) is None
    user = request.user
    revisions = list(draft.revisions.select_related("created_by", "api_client").defer(*REVISION_TEXTS)
                     .order_by("-number"))
    items = timeline(draft, revisions=revisions, comments=comments)
    sent_back = None
    if draft.status == review.CHANGES_REQUESTED:
        sent_back = next((i for i in reversed(items) if i.get("to_status") == review.CHANGES_REQUESTED), None)
    return {
        "draft": draft,
        "run": run,
        "findings": shown,
        "text_marks": shown + comment_marks,
        "comments": comments,
        "groups": fnd.grouped(shown),
        "dismissed": [f for f in shown if not f.is_open],
        "counts": counts,
        "can_edit": review.can_edit(draft, user=user),
        "can_suggest": review.can_suggest(draft, user=user),
        "can_dismiss": review.can_dismiss(draft, user=user),
        "can_delete": review.can_delete(draft, user=user),
        "actions": desk_actions(draft, user, run, shown),
        "dismissal_kinds": review.DismissalKind.choices,
        "reason_min": review.DISMISSAL_REASON_MIN_CHARS,
        "timeline": items,
        "sent_back": sent_back,
        "override": override_approval(draft),
        "reviewed_by": None if draft.assignee_id else selectors.last_reviewer(draft),
        "may_take_review": review.reviews(user)
        and draft.assignee_id != user.pk,
        "revisions": revisions,
        "reviewers": list(selectors.reviewers()),
        "comment_form": extra.pop("comment_form", None) or CommentForm(),
        **extra,
    }


@newsroom_required
def draft_detail(request, pk: int):
    draft = draft_for(request, pk)
    return render(request, "editorial/draft_detail.html", draft_context(request, draft))


def _conflict(draft, form) -> dict:
    """Both versions side by side: the saved revision that moved on, and what this editor typed (kept in the form)."""
    current = selectors.latest_revision(draft)
    mine_title, mine_body = form.data.get("title", ""), form.data.get("body", "")
    return {
        "current": current,
        "by": who(current.created_by, current.api_client),
        "title_rows": diff_rows(current.title, normalise_title(mine_title)),
        "body_rows": diff_rows(current.body_text, normalise_body(mine_body)),
    }


@newsroom_required
@require_http_methods(["GET", "POST"])
def draft_edit(request, pk: int):
    draft = draft_for(request, pk)
    if not review.is_editor(draft, user=request.user):
        raise PermissionDenied
    if request.method == "GET" and draft.status in review.READ_ONLY_STATUSES:
        messages.error(request, _("A %(s)s draft is read-only: a reviewer or publisher must reopen it, with a "
                                  "reason, before it can be corrected.") % {"s": draft.get_status_display()})
        return redirect(draft_url(draft))
    initial = {"title": draft.title, "body": draft.body_text, "base_revision": draft.revision_number}
    form = DraftForm(request.POST or None, initial=initial)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            draft, created = services.draft_revise(
                draft=draft, title=form.cleaned_data["title"], body_text=form.cleaned_data["body"],
                user=request.user, base_revision=form.cleaned_data["base_revision"],
            )
        except services.RevisionConflict as exc:
            draft.refresh_from_db()
            conflict = _conflict(draft, form)
            # Their text stays in the form; saving again (after comparing) is made on the current revision.
            data = request.POST.copy()
            data["base_revision"] = str(exc.extra["current_revision"])
            form = DraftForm(data)
            form.is_valid()
            form.add_error(None, exc.detail)
            status = 409
        except services.ServiceError as exc:
            service_error(form, exc)
            status = exc.http_status
        else:
            if created:
                messages.success(request, _("Saved as revision %(n)d and checked.") % {"n": draft.revision_number})
            else:
                messages.info(request, _("Nothing changed; no new revision."))
            return redirect(draft_url(draft))
    if "base_revision" in form.errors:
        form.add_error(None, _("This page did not say which revision it was opened on: copy your text, reload the "
                               "page and save again."))
    if form.errors and status == 200:
        status = 400
    _run, shown = shown_findings(draft)
    ctx = {"draft": draft, "form": form, "findings": shown, "groups": fnd.grouped(shown),
           "counts": fnd.counts(shown), "live": False, "conflict": conflict}
    return render(request, "editorial/draft_edit.html", ctx, status=status)


@newsroom_required
@require_http_methods(["POST"])
def comment_add(request, pk: int):
    draft = draft_for(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_add(draft=draft, user=request.user, body=form.cleaned_data["body"],
                                           passage=form.cleaned_data["passage"],
                                           replacement=form.suggestion())
        except services.ServiceError as exc:
            service_error(form, exc, "body")
        else:
            messages.success(request, _("Suggestion sent to the writer.") if comment.is_suggestion
                             else _("Comment added."))
            return redirect(draft_url(draft, "comments"))
    ctx = draft_context(request, draft, comment_form=form)
    return render(request, "editorial/draft_detail.html", ctx, status=400)
