"""POST-only actions on a draft: transitions, dismissals, suggestions, assignment, restore, re-check.

Each one translates the form into one service call; a ``ServiceError`` becomes a message or a form error on the
re-rendered draft page (with what the user typed), never a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from editorial import review, selectors, services
from editorial.ids import parse_id
from editorial.models import Comment, Dismissal, Finding
from editorial.web.access import draft_for, newsroom_required
from editorial.web.drafts import draft_context, draft_url, override_approval
from editorial.web.forms import BaseRevisionForm, DismissForm, SuggestionDecisionForm, TransitionForm


def _done(request, draft, message, *, level: int = messages.SUCCESS, anchor: str = "", status: int = 400):
    """The answer to an action: JSON for the editor's scripts, else a message and the draft page again (the
    draft page's script swaps the fresh page's parts in place; without JavaScript it is a plain redirect)."""
    if "application/json" in request.headers.get("Accept", ""):
        ok = level != messages.ERROR
        return JsonResponse({"ok": ok, "detail": str(message)}, status=200 if ok else status)
    messages.add_message(request, level, message)
    return redirect(draft_url(draft, anchor))


def _refused(request, draft, exc: services.ServiceError, anchor: str):
    """A service's refusal as the answer to an action: its own message and HTTP status."""
    return _done(request, draft, exc.detail, level=messages.ERROR, anchor=anchor, status=exc.http_status)


@newsroom_required
@require_POST
def transition(request, pk: int):
    draft = draft_for(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown action."))
        return redirect(draft_url(draft))
    action = form.cleaned_data["action"]
    confirm = None if form.cleaned_data["confirm"] else confirmation(draft, action)
    if confirm:
        ctx = draft_context(request, draft, confirm={**confirm, "action": action,
                                                     "comment": form.cleaned_data["comment"]})
        return render(request, "editorial/draft_detail.html", ctx, status=409)
    try:
        services.draft_transition(
            draft=draft, action=action, user=request.user, comment=form.cleaned_data["comment"],
            override_reason=form.cleaned_data["override_reason"],
        )
    except services.ServiceError as exc:
        error = {"action": action, "message": exc.detail, "comment": form.cleaned_data["comment"],
                 "override_reason": form.cleaned_data["override_reason"], "code": exc.code}
        draft.refresh_from_db()
        return render(request, "editorial/draft_detail.html", draft_context(request, draft, action_error=error),
                      status=exc.http_status)
    messages.success(request, _("%(action)s: done. The draft is now “%(status)s”.") % {
        "action": review.ACTION_LABELS[action], "status": draft.get_status_display()})
    return redirect(draft_url(draft))


def confirmation(draft, action: str) -> dict | None:
    """What to confirm before a click with weight: submitting with open errors, publishing a draft that was
    approved over open errors (with the reviewer's reason)."""
    if action == review.SUBMIT:
        errors = [f for f in selectors.open_findings(draft) if f.severity == "error"]
        if errors:
            return {"kind": "open_errors", "errors": errors}
    if action == review.PUBLISH:
        approval = override_approval(draft)
        if approval is not None:
            return {"kind": "override", "event": approval}
    return None


def _finding(draft, fid: int) -> Finding:
    return get_object_or_404(Finding.objects.select_related("check_run__revision"), pk=fid,
                             check_run__revision__draft=draft)


@newsroom_required
@require_POST
def finding_dismiss(request, pk: int, fid: int):
    draft = draft_for(request, pk)
    finding = _finding(draft, fid)
    form = DismissForm(request.POST)
    if not form.is_valid():
        return _done(request, draft, _("Choose what kind of dismissal this is."), level=messages.ERROR,
                     anchor=f"item-f-{fid}")
    try:
        services.finding_dismiss(finding=finding, kind=form.cleaned_data["kind"],
                                 reason=form.cleaned_data["reason"], user=request.user)
    except services.ServiceError as exc:
        return _refused(request, draft, exc, "findings")
    return _done(request, draft, _("Finding dismissed. You can undo this under “Dismissed”."), anchor="findings")


@newsroom_required
@require_POST
def suggestion_decide(request, pk: int, cid: int):
    """Accept (a new revision in the user's name) or reject a reviewer's suggestion, in one click."""
    draft = draft_for(request, pk)
    comment = get_object_or_404(Comment, pk=cid, draft=draft)
    form = SuggestionDecisionForm(request.POST)
    if not form.is_valid():
        return _done(request, draft, _("Choose to accept or reject the suggestion."), level=messages.ERROR,
                     anchor="comments")
    accept = form.cleaned_data["decision"] == "accept"
    try:
        services.suggestion_decide(comment=comment, accept=accept, user=request.user)
    except services.ServiceError as exc:
        return _refused(request, draft, exc, "comments")
    draft.refresh_from_db()
    if accept:
        return _done(request, draft, _("Suggestion accepted as revision %(n)d.") % {"n": draft.revision_number},
                     anchor="comments")
    return _done(request, draft, _("Suggestion rejected; the text is unchanged."), anchor="comments")


@newsroom_required
@require_POST
def dismissal_undo(request, pk: int, did: int):
    draft = draft_for(request, pk)
    dismissal = get_object_or_404(Dismissal, pk=did, draft=draft)
    try:
        services.dismissal_undo(dismissal=dismissal, user=request.user)
    except services.ServiceError as exc:
        messages.error(request, exc.detail)
    else:
        messages.success(request, _("Dismissal undone; the finding is open again."))
    return redirect(draft_url(draft, "findings"))


@newsroom_required
@require_POST
def suggestion_apply(request, pk: int, fid: int):
    """Replace a finding's span by its suggestion in the latest text, as a new revision."""
    draft = draft_for(request, pk)
    finding = _finding(draft, fid)
    latest = selectors.latest_revision(draft)
    texts = {"title": latest.title, "body": latest.body_text} if latest else {}
    current = texts.get(finding.field, "")
    if (finding.suggestion is None or latest is None or finding.check_run.revision_id != latest.pk
            or current[finding.start:finding.end] != finding.text):
        messages.error(request, _("This suggestion no longer fits the latest text."))
        return redirect(draft_url(draft, "findings"))
    texts[finding.field] = current[:finding.start] + finding.suggestion + current[finding.end:]
    try:
        draft, _created = services.draft_revise(
            draft=draft, title=texts["title"], body_text=texts["body"], user=request.user,
            note="Applied a suggestion",  # stored in English, shown translated (editorial_tags.revision_note)
            base_revision=latest.number,
        )
    except services.ServiceError as exc:
        messages.error(request, exc.detail)
    else:
        messages.success(request, _("Suggestion applied as revision %(n)d.") % {"n": draft.revision_number})
    return redirect(draft_url(draft, "findings"))


@newsroom_required
@require_POST
def assign(request, pk: int):
    draft = draft_for(request, pk)
    value = request.POST.get("assignee", "")
    if value == "me":
        assignee = request.user
    elif value:
        if parse_id(value) is None:
            raise BadRequest("assignee is not an id")
        assignee = get_user_model().objects.filter(pk=parse_id(value), is_active=True).first()
        if assignee is None:
            messages.error(request, _("Choose a reviewer from the list."))
            return redirect(draft_url(draft, "assign"))
    else:
        assignee = None
    try:
        services.draft_assign(draft=draft, assignee=assignee, user=request.user)
    except services.ServiceError as exc:
        messages.error(request, exc.detail)
    else:
        if assignee is None:
            messages.success(request, _("The draft is no longer assigned."))
        else:
            messages.success(request, _("Assigned to %(name)s.") % {"name": assignee.get_username()})
    return redirect(draft_url(draft))


@newsroom_required
@require_POST
def revision_restore(request, pk: int, number: int):
    draft = draft_for(request, pk)
    revision = get_object_or_404(draft.revisions, number=number)
    form = BaseRevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the page and try again: it did not say which revision it showed."))
        return redirect(draft_url(draft))
    try:
        draft, created = services.revision_restore(draft=draft, revision=revision, user=request.user,
                                                   base_revision=form.cleaned_data["base_revision"])
    except services.ServiceError as exc:
        messages.error(request, exc.detail)
    else:
        if created:
            messages.success(request, _("Revision %(old)d restored as revision %(new)d.")
                             % {"old": number, "new": draft.revision_number})
        else:
            messages.info(request, _("That revision is already the current text."))
    return redirect(draft_url(draft))


@newsroom_required
@require_POST
def recheck(request, pk: int):
    draft = draft_for(request, pk)
    services.draft_rerun_checks(draft=draft)
    messages.success(request, _("Checked again with the current rules."))
    return redirect(draft_url(draft, "findings"))


@newsroom_required
@require_POST
def delete(request, pk: int):
    """Hide the draft (an admin can restore it); its history is kept."""
    draft = draft_for(request, pk)
    try:
        services.draft_delete(draft=draft, user=request.user, reason=request.POST.get("reason", ""))
    except services.ServiceError as exc:
        messages.error(request, exc.detail)
        return redirect(draft_url(draft))
    messages.success(request, _("Draft deleted. An admin can restore it; its history is kept."))
    return redirect("editorial:desk")
