"""Every write goes through here: drafts and revisions, check runs, dismissals, comments, transitions.

Functions are ``<entity>_<action>`` with keyword-only arguments. Views, serializers, admin actions and
management commands translate their input into one of these calls and the raised ``ServiceError`` back.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial import detail_cache, notify, review, selectors
from editorial.checks import check_draft
from editorial.checks.text import normalise_body, normalise_title
from editorial.errors import (  # noqa: F401 - the refusals callers catch as ``services.X``
    CommentRequired,
    Conflict,
    Deleted,
    GateBlocked,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    ReadOnly,
    RevisionConflict,
    ServiceError,
    TooLarge,
)
from editorial.limits import check_size
from editorial.models import (
    ApiClient,
    CheckRun,
    Comment,
    Dismissal,
    Draft,
    Finding,
    ReviewEvent,
    Revision,
    UserPreferences,
    column_limit,
    fit,
)
from editorial.reports import rollup
from editorial.rule_settings import current_config
from editorial.selectors import Actor

TITLE_MAX = column_limit(Draft, "title")


def _lock(draft: Draft) -> Draft:
    """The draft's row, locked for this transaction; a deleted draft takes no more writes."""
    locked = Draft.all_objects.select_for_update().get(pk=draft.pk)
    if locked.deleted_at is not None:
        raise Deleted(_("This draft was deleted; an admin can restore it."))
    return locked


def content_hash(title: str, body_text: str) -> str:
    return hashlib.sha256(f"{title}\x00{body_text}".encode("utf-8", "surrogatepass")).hexdigest()


def _clean_content(title: str, body_text: str) -> tuple[str, str]:
    title, body_text = normalise_title(title), normalise_body(body_text)
    if not title:
        raise InvalidInput(_("A draft needs a title."), field="title")
    if len(title) > TITLE_MAX:
        raise InvalidInput(_("The title is longer than %(n)d characters.") % {"n": TITLE_MAX}, field="title")
    return title, check_size(body_text)


def checks_run(*, revision: Revision, first: bool = False) -> CheckRun:
    """Run the engine on a revision and store its findings (one bulk insert); the reports' rollup counts them
    (``first``: the draft's first run, so nothing was seen before and nothing is read back).

    The run keeps what was written: ``run.held_findings`` (in the stored order, with their ids), so a caller
    can present the report without reading it back (``selectors.findings_with_state(..., held=True)``).
    """
    started = time.perf_counter()
    report = check_draft(revision.title, revision.body_text, current_config())
    run = CheckRun.objects.create(
        revision=revision,
        engine_version=report.engine_version,
        counts=report.counts,
        stats=report.stats,
        errors=report.errors,
        duration_ms=round((time.perf_counter() - started) * 1000, 2),
    )
    findings = Finding.objects.bulk_create([Finding.from_engine(f, check_run=run) for f in report.findings])
    run.held_findings = sorted(findings, key=lambda f: (f.field, f.start, f.pk or 0))
    rollup.run_checked(run, findings, revision.draft, first=first)
    if not first:  # a new revision or a re-check: the API's cached detail shows the old report
        detail_cache.changed(revision.draft_id)
    notify.check_run_finished(run)
    return run


def _store_revision(draft: Draft, *, user: Actor, client: ApiClient | None, note: str = "",
                    first: bool = False) -> Revision:
    """Snapshot the draft's current content as revision ``draft.revision_number`` and check it."""
    rev = Revision.objects.create(
        draft=draft, number=draft.revision_number, title=draft.title, body_text=draft.body_text,
        source_html=draft.source_html, content_hash=content_hash(draft.title, draft.body_text),
        created_by=user if _is_user(user) else None, api_client=client, note=note,
    )
    draft.held_run = checks_run(revision=rev, first=first)
    _index_later(rev)
    return rev


def _index_later(rev: Revision) -> None:
    """The archive index (and its recycled-copy findings) follows every new revision, in the background."""
    from editorial import tasks

    transaction.on_commit(lambda: tasks.index_revision.enqueue(rev.pk))


def draft_import(*, title: str, body_text: str, desk: str = "", author_name: str = "",
                 published_at: str = "", external_id: str = "") -> Draft:
    """An archived story, published elsewhere before: stored as published with one revision, not checked (it is
    not going through review), and indexed for recycled copy. One ``import`` event records how it came in."""
    title, body_text = _clean_content(title, body_text)
    with transaction.atomic():
        draft = Draft.objects.create(
            title=title, body_text=body_text, desk=fit(Draft, "desk", desk),
            author_name=fit(Draft, "author_name", author_name), status=review.PUBLISHED, revision_number=1,
            external_id=fit(Draft, "external_id", external_id),
            metadata={"published_at": published_at} if published_at else {},
        )
        rev = Revision.objects.create(draft=draft, number=1, title=title, body_text=body_text,
                                      content_hash=content_hash(title, body_text), note="import")
        ReviewEvent.objects.create(draft=draft, action="import", from_status=review.DRAFT,
                                   to_status=review.PUBLISHED, revision=rev, comment=published_at)
    draft.imported_revision = rev
    return draft


def _new_revision(draft: Draft, *, title: str, body_text: str, source_html: str, user: Actor,
                  client: ApiClient | None, note: str = "") -> Revision:
    draft.revision_number += 1
    draft.title, draft.body_text, draft.source_html = title, body_text, source_html
    draft.save()
    return _store_revision(draft, user=user, client=client, note=note)


def _is_user(user: Actor) -> bool:
    return user is not None and user.is_authenticated


def draft_create(*, title: str, body_text: str, user: Actor = None, client: ApiClient | None = None,
                 desk: str = "", author_name: str = "", source_html: str = "", source_format: str = "text",
                 external_id: str = "", metadata: dict | None = None) -> Draft:
    """Create a draft with its first revision, checked at once."""
    title, body_text = _clean_content(title, body_text)
    if client is None and not review.is_newsroom_member(user):
        raise NotAllowed(_("Only newsroom members can create drafts."))
    # No savepoint of its own: inside a caller's transaction, a failure here fails the caller's (as it should).
    with transaction.atomic(savepoint=False):
        draft = Draft.objects.create(
            title=title, body_text=body_text, source_html=source_html, source_format=source_format,
            author=user if _is_user(user) else None, author_name=fit(Draft, "author_name", author_name),
            desk=fit(Draft, "desk", desk),
            api_client=client, external_id=external_id or "", metadata=metadata or {}, revision_number=1,
        )
        _store_revision(draft, user=user, client=client, first=True)
    draft.held_dismissals = {}  # a new draft has nothing dismissed yet
    return draft


def draft_revise(*, draft: Draft, title: str, body_text: str, source_html: str = "", user: Actor = None,
                 client: ApiClient | None = None, note: str = "", base_revision: int | None = None,
                 **fields) -> tuple[Draft, bool]:
    """Store new content as a revision and check it; the same content again changes nothing.

    ``base_revision`` is the revision the edit was made on: if the draft has moved on since, the edit is refused
    with ``RevisionConflict`` (never applied over someone else's work). Every edit from a page or the API names
    it; ``None`` is for callers that read the latest revision inside this request.
    Returns ``(draft, created)``. A new revision of an approved draft sends it back to review; published and
    archived drafts are read-only (``ReadOnly``) until reopened.
    """
    title, body_text = _clean_content(title, body_text)
    with transaction.atomic():
        locked = _lock(draft)
        if not review.is_editor(locked, user=user, client=client):
            raise NotAllowed(_("Only the draft's writer, a reviewer, a publisher or an admin can edit it."))
        latest = selectors.latest_revision(locked)
        same = latest is not None and latest.content_hash == content_hash(title, body_text)
        if locked.status in review.READ_ONLY_STATUSES:
            if same:
                return locked, False  # a CMS re-sending what is published changes nothing
            raise ReadOnly(_("A %(s)s draft is read-only: a reviewer or publisher must reopen it, with a reason, "
                             "before it can be corrected.") % {"s": locked.get_status_display()},
                           current_status=locked.status)
        if base_revision is not None and base_revision != locked.revision_number and not same:
            raise RevisionConflict(
                _("Someone saved revision %(n)d while you were editing revision %(b)d: compare and save again.")
                % {"n": locked.revision_number, "b": base_revision},
                current_revision=locked.revision_number, base_revision=base_revision,
            )
        details = {name: fields[name] for name in ("desk", "author_name", "metadata") if fields.get(name) is not None}
        if same:
            _save_changes(locked, details)  # the same content again, details unchanged: nothing moves
            return locked, False
        place = rollup.Place.of(locked)
        for name, value in details.items():
            setattr(locked, name, value)
        rollup.moved(locked.pk, place, rollup.Place.of(locked))  # the reports count the draft's past there too
        _new_revision(locked, title=title, body_text=body_text, source_html=source_html, user=user,
                      client=client, note=note)
        if locked.status == review.APPROVED:
            _apply_transition(locked, review.REVISE, user=user, client=client,
                              comment=_("New revision after approval."))
    return locked, True


def revision_restore(*, draft: Draft, revision: Revision, user: Actor,
                     base_revision: int | None = None) -> tuple[Draft, bool]:
    if revision.draft_id != draft.pk:
        raise InvalidInput(_("That revision belongs to another draft."))
    return draft_revise(draft=draft, title=revision.title, body_text=revision.body_text,
                        source_html=revision.source_html, user=user, base_revision=base_revision,
                        note=f"Restored from revision {revision.number}")  # shown translated: revision_note


def draft_rerun_checks(*, draft: Draft) -> CheckRun | None:
    with transaction.atomic():  # the row locked: the reports count one re-check at a time per draft
        locked = Draft.all_objects.select_for_update().get(pk=draft.pk)
        rev = selectors.latest_revision(locked)
        return checks_run(revision=rev) if rev else None


def _blocker_summary(f: Finding, dismissal: Dismissal | None) -> dict:
    summary = selectors.finding_summary(f)
    if dismissal is not None:
        summary["dismissed"] = {"kind": dismissal.kind, "reason": dismissal.reason,
                                "by": dismissal.dismissed_by.get_username() if dismissal.dismissed_by_id
                                else (f"API: {dismissal.api_client}" if dismissal.api_client_id else "")}
    return summary


def _apply_transition(draft: Draft, action: str, *, user: Actor, client: ApiClient | None, comment: str = "",
                      override_reason: str = "") -> ReviewEvent:
    """Inside a transaction, with ``draft`` locked: take the workflow's answer for this action (``review.answer``,
    the one the buttons and the API's ``actions`` show) and apply it, or raise its refusal."""
    # Read the latest run and its open findings once: the answer, the gate and the event see the same state.
    run, rows = selectors.findings_with_state(draft)
    answer = review.answer(draft, action, client if client is not None else user, (run, rows))
    comment, override_reason = (comment or "").strip(), (override_reason or "").strip()
    refused = review.refusal(answer, draft, comment=comment, override_reason=override_reason,
                             summary=_blocker_summary)
    if refused is not None:
        raise refused
    used_override = override_reason if answer.blocked else ""
    previous = rollup.previous_move(draft)
    event = ReviewEvent.objects.create(
        draft=draft, action=action, from_status=draft.status, to_status=answer.target,
        actor=user if _is_user(user) else None, api_client=client,
        revision=run.revision if run else selectors.latest_revision(draft), comment=comment,
        override_reason=used_override,
        open_findings=[selectors.finding_summary(f) for f, dismissal in rows if dismissal is None],
        overridden_findings=[_blocker_summary(f, d) for f, d in answer.blockers] if used_override else [],
    )
    draft.status = answer.target
    draft.save(update_fields=["status", "updated_at"])
    detail_cache.changed(draft.pk)
    rollup.status_changed(event, draft, previous)
    notify.status_changed(event)
    return event


def draft_transition(*, draft: Draft, action: str, user: Actor = None, client: ApiClient | None = None,
                     comment: str = "", override_reason: str = "") -> ReviewEvent:
    """The one way to change a draft's status: atomic, row locked, one ReviewEvent written."""
    with transaction.atomic():
        locked = _lock(draft)
        event = _apply_transition(locked, action, user=user, client=client, comment=comment,
                                  override_reason=override_reason)
    draft.status = locked.status
    return event


def _dismissal_reason(kind: str, reason: str) -> str:
    """The one check of a dismissal's kind and reason (limits in ``review``)."""
    if kind not in review.DismissalKind.values:
        raise InvalidInput(_("Choose what kind of dismissal this is."), field="kind")
    reason = " ".join((reason or "").split())
    if len(reason) > review.DISMISSAL_REASON_MAX_CHARS:
        raise InvalidInput(_("The reason is longer than %(n)d characters.")
                           % {"n": review.DISMISSAL_REASON_MAX_CHARS}, field="reason")
    if review.dismissal_needs_words(kind) and len(reason) < review.DISMISSAL_REASON_MIN_CHARS:
        raise InvalidInput(
            _("Say why in at least %(n)d characters: “%(kind)s” needs an explanation a reviewer can check.")
            % {"n": review.DISMISSAL_REASON_MIN_CHARS, "kind": review.DismissalKind(kind).label},
            field="reason",
        )
    return reason


def finding_dismiss(*, finding: Finding, reason: str = "", kind: str = review.DismissalKind.FALSE_ALARM,
                    user: Actor = None, client: ApiClient | None = None) -> Dismissal:
    """Dismiss a finding with a kind (and a reason where the kind needs one); it follows the finding's
    fingerprint to later revisions. Only a reviewer's or an admin's dismissal clears an error at the gate."""
    draft = finding.check_run.revision.draft
    reason = _dismissal_reason(kind, reason)
    if not review.can_dismiss(draft, user=user, client=client):
        raise NotAllowed(_("You may not dismiss findings on this draft."))
    by_reviewer = review.clears_gate(draft, user=user, client=client)
    with transaction.atomic():
        locked = _lock(draft)
        if draft.dismissals.filter(fingerprint=finding.fingerprint, undone_at__isnull=True).exists():
            raise Conflict(_("This finding is already dismissed."))
        dismissal = Dismissal.objects.create(
            draft=draft, fingerprint=finding.fingerprint, rule=finding.rule, text=finding.text[:500], kind=kind,
            reason=reason, by_reviewer=by_reviewer, dismissed_by=user if _is_user(user) else None,
            api_client=client,
        )
        rollup.dismissal_changed(dismissal, locked, sign=1)
        detail_cache.changed(draft.pk)
    return dismissal


def dismissal_undo(*, dismissal: Dismissal, user: Actor = None, client: ApiClient | None = None) -> Dismissal:
    if not review.can_dismiss(dismissal.draft, user=user, client=client):
        raise NotAllowed(_("You may not change dismissals on this draft."))
    with transaction.atomic():
        if Dismissal.objects.filter(pk=dismissal.pk, undone_at__isnull=True).update(
                undone_at=timezone.now(), undone_by=user if _is_user(user) else None):
            dismissal.refresh_from_db(fields=["undone_at", "undone_by"])
            rollup.dismissal_changed(dismissal, Draft.all_objects.get(pk=dismissal.draft_id), sign=-1)
            detail_cache.changed(dismissal.draft_id)
    return dismissal


def comment_add(*, draft: Draft, user: Actor, body: str, passage: str = "", replacement: str | None = None) -> Comment:
    """A comment on the draft, or on a passage of its current text (found by its fingerprint).

    ``replacement``: a reviewer's suggestion for the passage (the comment text is then optional), which the
    writer accepts or rejects with ``suggestion_decide``.
    """
    body = (body or "").strip()
    if not body and replacement is None:
        raise InvalidInput(_("A comment cannot be empty."), field="body")
    if not review.is_newsroom_member(user):
        raise NotAllowed(_("Only newsroom members can comment."))
    passage = (passage or "").strip()[:2000]
    if replacement is not None:
        if not passage:
            raise InvalidInput(_("A suggestion replaces a passage: select or paste the words it replaces."),
                               field="passage")
        if not review.can_suggest(draft, user=user):
            raise NotAllowed(_("Reviewers and publishers suggest changes; as the writer, edit the text instead."))
        replacement = replacement.strip()
        if replacement == passage:
            raise InvalidInput(_("The suggestion is the same as the passage."), field="replacement")
    comment = Comment(draft=draft, author=user, body=body[:10000], revision=selectors.latest_revision(draft),
                      passage=passage, fingerprint=selectors.passage_fingerprint(passage) if passage else "",
                      replacement=None if replacement is None else replacement[:2000])
    if passage:
        anchor = selectors.comment_anchor(draft, comment)
        if anchor is None:
            raise InvalidInput(_("That passage is not in the current text: copy the words exactly."),
                               field="passage")
        comment.field, comment.start, comment.end = anchor
    comment.save()
    notify.comment_added(comment)
    return comment


def _replaced(text: str, start: int, end: int, new: str) -> str:
    """``text`` with ``[start, end)`` replaced by ``new``; a deletion takes a space beside the words with it, so
    "أ كلمة ب" loses "كلمة" and becomes "أ ب" (not two spaces), and a sentence's first words take the space after."""
    if not new:
        after = text[end:end + 1]
        if text[start - 1:start] == " " and (not after or after.isspace() or unicodedata.category(after)[0] == "P"):
            start -= 1
        elif (start == 0 or text[start - 1] == "\n") and after == " ":
            end += 1
    return text[:start] + new + text[end:]


def suggestion_decide(*, comment: Comment, accept: bool, user: Actor) -> Comment:
    """The writer's one click on a suggestion. Accepted: the passage, found by its fingerprint in the current
    text, is replaced as a new revision in the deciding user's name (history and diff show it). Rejected: the
    text stays. Either way the decision is recorded once."""
    draft = comment.draft
    if not comment.is_suggestion:
        raise InvalidInput(_("This comment is not a suggestion."))
    if not review.can_edit(draft, user=user):
        raise NotAllowed(_("You may not change this draft's text."))
    with transaction.atomic():
        locked = _lock(draft)
        comment = Comment.objects.select_for_update(of=("self",)).select_related("author").get(pk=comment.pk)
        if comment.decision:
            raise Conflict(_("This suggestion was already decided: %(decision)s.")
                           % {"decision": comment.get_decision_display()})
        if accept:
            anchor = selectors.comment_anchor(locked, comment)
            if anchor is None:
                raise Conflict(_("The passage has changed since the suggestion was made: it can no longer be "
                                 "applied. Edit the text instead."))
            field, start, end = anchor
            texts = {"title": locked.title, "body": locked.body_text}
            texts[field] = _replaced(texts[field], start, end, comment.replacement)
            by = comment.author.get_username() if comment.author_id else "?"
            locked, _changed = draft_revise(
                draft=locked, title=texts["title"], body_text=texts["body"], user=user,
                note=f"Accepted a suggestion from {by}",  # stored in English, shown translated (revision_note)
                base_revision=locked.revision_number)
            comment.applied_revision = selectors.latest_revision(locked)
        comment.decision = "accepted" if accept else "rejected"
        comment.decided_by = user if _is_user(user) else None
        comment.decided_at = timezone.now()
        comment.save(update_fields=["decision", "decided_by", "decided_at", "applied_revision"])
    return comment


def user_language_set(*, user, language: str) -> None:
    """Keep a person's language (the switch on every page): their pages after signing in and their mail."""
    if language not in dict(settings.LANGUAGES):
        raise InvalidInput(_("Unknown language."), field="language")
    UserPreferences.objects.update_or_create(user=user, defaults={"language": language})


def draft_assign(*, draft: Draft, assignee, user: Actor) -> Draft:
    """Assign a reviewer (or clear the assignment with ``assignee=None``)."""
    if not review.is_newsroom_member(user):
        raise NotAllowed(_("Only newsroom members can assign drafts."))
    if assignee is not None and not review.reviews(assignee):
        raise InvalidInput(_("Only reviewers can be assigned."), field="assignee")
    with transaction.atomic():
        locked = _lock(draft)
        changed = _save_changes(locked, {"assignee": assignee})
    if assignee is not None and changed:
        notify.draft_assigned(locked, assignee, by=user)
    return locked


def draft_update_details(*, draft: Draft, user: Actor, **fields) -> Draft:
    """Change a draft's details that are not content (desk, author, assignee, metadata), e.g. from the admin."""
    allowed = {"desk", "author", "author_name", "assignee", "metadata"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(_("These fields cannot be changed here: %(f)s") % {"f": ", ".join(sorted(unknown))})
    if review.ADMIN not in review.user_roles(user) and not review.can_edit(draft, user=user):
        raise NotAllowed(_("Only the draft's writer or an admin can change it."))
    with transaction.atomic():
        locked = _lock(draft)
        _save_changes(locked, fields)
    return locked


def _save_changes(draft: Draft, fields: dict) -> list[str]:
    """Set the fields whose value differs and save only those: a request that changes nothing writes nothing,
    so ``updated_at`` (what a CMS syncs by) moves only on a real change. Returns the changed names."""
    place = rollup.Place.of(draft)
    changed = [name for name, value in fields.items() if getattr(draft, name) != value]
    for name in changed:
        setattr(draft, name, fields[name])
    if changed:
        draft.save(update_fields=[*changed, "updated_at"])
        rollup.moved(draft.pk, place, rollup.Place.of(draft))  # a new desk or writer: the reports follow
        detail_cache.changed(draft.pk)
    return changed


def _log_event(draft: Draft, action: str, *, user: Actor, client: ApiClient | None, comment: str) -> ReviewEvent:
    """An entry in the append-only history that is not a status change (deletion and its undo)."""
    return ReviewEvent.objects.create(
        draft=draft, action=action, from_status=draft.status, to_status=draft.status,
        actor=user if _is_user(user) else None, api_client=client, revision=selectors.latest_revision(draft),
        comment=comment,
    )


def draft_delete(*, draft: Draft, user: Actor = None, client: ApiClient | None = None, reason: str = "") -> Draft:
    """Hide a draft (soft delete): its revisions, findings, dismissals and history stay; an admin can undo it."""
    with transaction.atomic():
        locked = _lock(draft)
        if not review.can_delete(locked, user=user, client=client):
            raise NotAllowed(_("You may not delete this draft."))
        place = rollup.Place.of(locked)
        locked.deleted_at = timezone.now()
        locked.deleted_by = user if _is_user(user) else None
        locked.save(update_fields=["deleted_at", "deleted_by"])
        rollup.moved(locked.pk, place, rollup.Place.of(locked))
        _log_event(locked, review.DELETE, user=user, client=client, comment=(reason or "").strip()[:2000])
        detail_cache.changed(locked.pk)
    draft.deleted_at = locked.deleted_at
    return locked


def draft_undelete(*, draft: Draft, user: Actor) -> Draft:
    """An admin brings a deleted draft back, as it was."""
    if review.ADMIN not in review.user_roles(user):
        raise NotAllowed(_("Only an admin can restore a deleted draft."))
    with transaction.atomic():
        locked = Draft.all_objects.select_for_update().get(pk=draft.pk)
        if locked.deleted_at is None:
            return locked
        place = rollup.Place.of(locked)
        locked.deleted_at, locked.deleted_by = None, None
        locked.save(update_fields=["deleted_at", "deleted_by"])
        rollup.moved(locked.pk, place, rollup.Place.of(locked))
        _log_event(locked, review.UNDELETE, user=user, client=None, comment="")
        detail_cache.changed(locked.pk)
    draft.deleted_at = None
    return locked


@task()
def recheck_drafts(draft_pks: list[int]) -> int:
    """Re-run the checks on the latest revision of each draft (after a rule change); returns how many ran."""
    done = 0
    for draft in Draft.objects.filter(pk__in=draft_pks):
        if draft_rerun_checks(draft=draft) is not None:
            done += 1
    return done
