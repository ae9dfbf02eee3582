"""Forms for the editor's pages: thin, the services validate; ``service_error`` puts a refusal on a form."""

from __future__ import annotations

from typing import ClassVar

import regex
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from editorial import ingest, review
from editorial.checks.text import normalise_title
from editorial.errors import TooLarge
from editorial.limits import check_size
from editorial.models import Draft, column_limit
from editorial.services import TITLE_MAX, ServiceError
from editorial.templatetags.editorial_tags import localise_number


def service_error(form: forms.Form, exc: ServiceError, default_field: str | None = None) -> None:
    field = exc.extra.get("field")
    form.add_error(field if field in form.fields else default_field, exc.detail)


# Typed into the desk, a title or text needs at least one letter or digit: only spaces, direction marks, symbols or
# emoji is not a draft (the API stores what a CMS sends and lets the checks speak).
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")


class DraftForm(forms.Form):
    # The revision the editor's page was opened on: a save over a newer one is refused, never applied.
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)
    # No max_length: a browser's maxlength would cut a pasted title without a word; the limit is said instead.
    title = forms.CharField(label=_("Title"), required=False)
    body = forms.CharField(label=_("Text"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 18}))

    def clean_title(self) -> str:
        title = normalise_title(self.cleaned_data["title"])
        if len(title) > TITLE_MAX:
            raise forms.ValidationError(
                _("The title is %(n)s characters long; a title may have at most %(limit)s. Shorten it: nothing "
                  "was cut."), params={"n": localise_number(len(title)),
                                       "limit": localise_number(TITLE_MAX)})
        if title and not _HAS_WORD.search(title):
            raise forms.ValidationError(_("The title has no letters or digits."))
        return title

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        try:
            check_size(body)
        except TooLarge as exc:
            raise forms.ValidationError(exc.detail) from None
        if body.strip() and not _HAS_WORD.search(body):
            raise forms.ValidationError(
                _("The text has no letters or digits: only spaces, direction marks, symbols or emoji."))
        return body


class NewDraftForm(DraftForm):
    base_revision = None
    desk = forms.CharField(label=_("Desk"), max_length=column_limit(Draft, "desk"), required=False,
                           help_text=_("The section the story is for, e.g. Local, Economy, Sport."))
    file = forms.FileField(
        label=_("File"), required=False,
        help_text=_("A .txt (UTF-8), .docx, .html or .md file. Without a typed title, its first line is the title."),
        widget=forms.ClearableFileInput(attrs={"accept": ingest.ACCEPT}),
        allow_empty_file=True,  # an empty file gets the ingest's own message, on this field
    )

    def clean(self) -> dict:
        data = super().clean()
        title, body, upload = data.get("title", ""), data.get("body", ""), data.get("file")
        self.ingested = None
        if upload:
            if body.strip():
                self.add_error("file", _("Paste the text or upload a file, not both."))
                return data
            if upload.size > settings.MAX_UPLOAD_BYTES:
                self.add_error("file", _("The file is too large (the limit is %(mb)s MB).")
                               % {"mb": f"{settings.MAX_UPLOAD_BYTES / (1024 * 1024):g}"})
                return data
            try:
                self.ingested = ingest.ingest_file(upload.name, upload.read(), title=title)
            except ingest.IngestError as exc:
                self.add_error("file", str(exc))
                return data
            if not _HAS_WORD.search(self.ingested.title + self.ingested.body_text):
                self.ingested = None
                self.add_error("file", _("The text has no letters or digits: only spaces, direction marks, symbols or "
                                         "emoji."))
            return data
        if "file" in self.errors:  # the upload failed: say so there, not on the empty title and text boxes
            return data
        if not title.strip() and "title" not in self.errors:
            self.add_error("title", _("A draft needs a title."))
        if not body.strip() and "body" not in self.errors:
            self.add_error("body", _("Paste the text of the draft, or upload a file."))
        if not self.errors:
            self.ingested = ingest.Ingested(title=title, body_text=body)
        return data


class BaseRevisionForm(forms.Form):
    """A POST that writes content from the draft page names the revision the page showed."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class TransitionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, review.ACTION_LABELS[a]) for a in review.ACTIONS])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    override_reason = forms.CharField(
        label=_("Reason to approve over open errors"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(required=False)


class DismissForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=review.DismissalKind.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=review.DISMISSAL_REASON_MAX_CHARS)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=10000, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    passage = forms.CharField(
        label=_("On the passage (optional)"), required=False, max_length=2000,
        help_text=_("Select words in the text, or paste them here: the comment is attached to them."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    replacement = forms.CharField(
        label=_("Suggest instead (optional)"), required=False, max_length=2000,
        help_text=_("What the passage should say: the writer accepts or rejects it in one click."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    delete = forms.BooleanField(label=_("Suggest deleting the passage"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("delete") and data.get("replacement"):
            self.add_error("replacement", _("Suggest other words or deleting the passage, not both."))
        return data

    def suggestion(self) -> str | None:
        """What the passage should become: None for a plain comment, "" to delete it."""
        if self.cleaned_data.get("delete"):
            return ""
        return self.cleaned_data.get("replacement") or None


class SuggestionDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject"))])


class DeskFilterForm(forms.Form):
    SCOPES: ClassVar[list] = [
        ("attention", _("Needs attention")),
        ("mine", _("My drafts")),
        ("waiting", _("Waiting for my review")),
        ("changes", _("Changes requested")),
        ("published", _("Published")),
        ("all", _("All drafts")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    scope = forms.ChoiceField(label=_("Show"), choices=SCOPES, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status"))] + list(review.STATUS_CHOICES))
    findings = forms.ChoiceField(label=_("Findings"), required=False, choices=[
        ("", _("Any findings")),
        ("errors", _("With open errors")),
        ("placeholder", _("With placeholders")),
        ("repetition", _("With repetition")),
        ("consistency", _("With title/body conflicts")),
        ("clean", _("No open findings")),
    ])
