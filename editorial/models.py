"""Drafts, their immutable revisions, check runs and findings, dismissals, the review log, rules, API clients."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from editorial import review
from editorial.checks import all_rules
from editorial.checks.types import FINDING_FIELDS
from editorial.checks.types import Finding as EngineFinding

SEVERITY_CHOICES = [("error", _("Error")), ("warning", _("Warning")), ("info", _("Info"))]
FIELD_CHOICES = [("title", _("Title")), ("body", _("Body"))]
FORMAT_CHOICES = [("text", _("Plain text")), ("html", _("HTML")), ("markdown", _("Markdown")), ("docx", _("Word"))]


def column_limit(model: type[models.Model], name: str) -> int:
    """A column's declared ``max_length``: forms, serializers and services read limits here, never as literals."""
    return model._meta.get_field(name).max_length


def fit(model: type[models.Model], name: str, value: str) -> str:
    """``value`` cut to the column's limit (imports and details that are kept rather than refused)."""
    return (value or "")[:column_limit(model, name)]


class ApiClient(models.Model):
    """A CMS that talks to the API with its own keys and owns the drafts it sends."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    webhook_url = models.URLField(_("webhook URL"), blank=True)
    webhook_secret = models.CharField(_("webhook secret"), max_length=128, blank=True)
    webhook_paused_until = models.DateTimeField(
        _("webhooks paused until"), null=True, blank=True,
        help_text=_("Set when the receiver timed out, refused or answered slowly: this client's deliveries wait "
                    "until then so they never hold up other clients. \"Send again now\" lifts it."),
    )
    throttle_rate = models.CharField(
        _("rate limit"), max_length=20, blank=True, help_text=_("e.g. 600/min; empty for the default")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self) -> str:
        return self.name


class ApiKey(models.Model):
    """A bearer key, stored as its SHA-256; the key itself is shown once when created."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="keys", verbose_name=_("client"))
    label = models.CharField(_("label"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.client} {self.prefix}…"


class DraftQuerySet(models.QuerySet):
    def deleted(self) -> DraftQuerySet:
        return self.filter(deleted_at__isnull=False)


class LiveDraftManager(models.Manager.from_queryset(DraftQuerySet)):
    """The default manager: deleted drafts do not exist for pages, the API, reports and searches."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Draft(models.Model):
    title = models.CharField(_("title"), max_length=1000)
    body_text = models.TextField(_("body"), blank=True)
    source_html = models.TextField(_("sanitised source HTML"), blank=True)
    source_format = models.CharField(_("source format"), max_length=10, choices=FORMAT_CHOICES, default="text")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="drafts", verbose_name=_("author"),
    )
    author_name = models.CharField(_("author name"), max_length=200, blank=True)
    desk = models.CharField(_("desk"), max_length=100, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=review.STATUS_CHOICES, default=review.DRAFT, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assigned_drafts", verbose_name=_("assigned reviewer"),
    )
    api_client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="drafts",
        verbose_name=_("API client"),
    )
    external_id = models.CharField(_("external id"), max_length=200, blank=True, default="")
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    revision_number = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("deleted by"),
    )

    objects = LiveDraftManager()
    all_objects = models.Manager.from_queryset(DraftQuerySet)()  # deleted ones too: the admin, undo

    class Meta:
        ordering = ["-updated_at"]
        base_manager_name = "all_objects"
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        permissions = [("override_gate", _("Can approve over open errors, with a reason"))]
        constraints = [
            models.UniqueConstraint(
                fields=["api_client", "external_id"], condition=~Q(external_id=""), name="draft_external_id_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title[:80]


class Revision(models.Model):
    """An immutable snapshot of a draft's content."""

    # PROTECT: a draft is never deleted for real while it has history (the admin and views soft-delete it).
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("draft"))
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=1000)
    body_text = models.TextField(_("body"), blank=True)
    source_html = models.TextField(_("sanitised source HTML"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("created by")
    )
    api_client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("API client")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["draft", "-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="revision_number_unique")]

    def __str__(self) -> str:
        return f"{self.draft_id} r{self.number}"

    def delete(self, *args, **kwargs):
        raise ValueError("Revisions are kept: delete the draft (soft) instead")


class CheckRun(models.Model):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="check_runs")
    engine_version = models.CharField(_("engine version"), max_length=20)
    counts = models.JSONField(_("counts per rule"), default=dict)
    stats = models.JSONField(_("statistics"), default=dict)
    errors = models.JSONField(_("engine errors"), default=list, blank=True)
    duration_ms = models.FloatField(_("duration (ms)"), default=0)
    created_at = models.DateTimeField(_("checked"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        verbose_name = _("check run")
        verbose_name_plural = _("check runs")
        indexes = [
            models.Index(fields=["created_at"], name="checkrun_created_idx"),  # reports' period
            # The latest run of a revision (``selectors.current_runs``): one index step per draft. Without it
            # PostgreSQL may walk checkrun_created_idx backwards over every run to find one draft's latest (the
            # desk read each of its 50 rows' runs that way: time grew with the whole table).
            models.Index(fields=["revision", "-created_at", "-id"], name="checkrun_revision_latest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.revision} @ {self.created_at:%Y-%m-%d %H:%M}"


class Finding(models.Model):
    """One finding in the engine's declared shape (``checks.types.Finding``, ``FINDING_FIELDS``): one column per
    declared field, ``from_engine`` and ``as_dict`` read the declaration; offsets refer to the revision's text."""

    # Declared field -> column, where they differ.
    COLUMNS = {"check": "family"}

    check_run = models.ForeignKey(CheckRun, on_delete=models.CASCADE, related_name="findings")
    # ``check`` would shadow Model.check(); the API and reports still call it "check".
    family = models.CharField(_("check"), max_length=30, db_index=True)
    rule = models.CharField(_("rule"), max_length=80, db_index=True)
    severity = models.CharField(_("severity"), max_length=10, choices=SEVERITY_CHOICES, db_index=True)
    field = models.CharField(_("field"), max_length=10, choices=FIELD_CHOICES)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    start_utf16 = models.PositiveIntegerField()
    end_utf16 = models.PositiveIntegerField()
    text = models.TextField(_("text"))
    message = models.TextField(_("message"))
    message_en = models.TextField(_("message (English)"), blank=True)
    related = models.JSONField(_("related spans"), default=list, blank=True)
    suggestion = models.TextField(_("suggestion"), null=True, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, db_index=True)

    class Meta:
        ordering = ["check_run", "field", "start", "id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.rule}: {self.text[:40]}"

    @classmethod
    def column(cls, name: str) -> str:
        return cls.COLUMNS.get(name, name)

    @classmethod
    def from_engine(cls, finding: EngineFinding, **columns) -> Finding:
        """An (unsaved) row for an engine finding; ``columns`` adds the rest (``check_run``)."""
        declared = finding.as_dict()
        return cls(**{cls.column(name): declared[name] for name in FINDING_FIELDS}, **columns)

    def as_dict(self) -> dict:
        return {"id": self.pk, **{name: getattr(self, self.column(name)) for name in FINDING_FIELDS}}


class Dismissal(models.Model):
    """An editor's decision that a finding does not apply; it carries over to later revisions by fingerprint."""

    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="dismissals")
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    rule = models.CharField(_("rule"), max_length=80)
    text = models.TextField(_("text"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=review.DismissalKind.choices,
                            default=review.DismissalKind.FALSE_ALARM, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    by_reviewer = models.BooleanField(
        _("by a reviewer"), default=False,
        help_text=_("Dismissed by a reviewer or an admin: only such a dismissal clears an error at the approval "
                    "gate; anyone else's dismissal of an error must be named as an override when approving."),
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("dismissed by"),
    )
    api_client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("dismissed"), auto_now_add=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dismissal")
        verbose_name_plural = _("dismissals")
        indexes = [models.Index(fields=["created_at"], name="dismissal_created_idx")]  # reports' period
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "fingerprint"], condition=Q(undone_at__isnull=True), name="one_active_dismissal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.get_kind_display()} {self.reason[:40]}".rstrip()


class ReviewEvent(models.Model):
    """Append-only log of every status change and what it was taken against."""

    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=review.STATUS_CHOICES)
    to_status = models.CharField(_("to"), max_length=20, choices=review.STATUS_CHOICES)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("actor"),
    )
    api_client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("API client")
    )
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    override_reason = models.TextField(_("override reason"), blank=True)
    open_findings = models.JSONField(_("open findings"), default=list, blank=True)
    overridden_findings = models.JSONField(
        _("overridden findings"), default=list, blank=True,
        help_text=_("The error findings an override approved over: open ones and those dismissed without a "
                    "reviewer (with that dismissal)."),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")
        indexes = [  # reports: a draft's events in order (time in status, waiting since); approvals by period
            models.Index(fields=["draft", "created_at"], name="event_draft_time_idx"),
            models.Index(fields=["action", "created_at"], name="event_action_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id}: {self.from_status} → {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Review events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Review events are append-only")

    @property
    def actor_name(self) -> str:
        if self.actor_id:
            return self.actor.get_username()
        return f"API: {self.api_client}" if self.api_client_id else "system"


class ReportCount(models.Model):
    """The newsroom reports' rollup: what the report charts count, summed per day, desk and person.

    Kept by the service functions as they write (``editorial.reports.rollup``), rebuilt from the source tables by
    ``manage.py reports_rollup``. ``kind`` says what a row counts (``rollup`` lists the kinds); every count is
    kept per day and again per week, so a long period reads its whole weeks and only its first and last days.
    """

    kind = models.CharField(max_length=10)
    span = models.PositiveSmallIntegerField(default=1)  # 1: the day ``day``; 7: the week from Monday ``day``
    day = models.DateField()  # in the newsroom's time zone (settings.TIME_ZONE)
    desk = models.CharField(max_length=100, blank=True)
    person = models.IntegerField(default=0)  # the writer (rates) or who acted (approvals, stays); 0 for nobody
    key = models.CharField(max_length=80, blank=True)  # a family, a rule or a status
    sub = models.CharField(max_length=20, blank=True)  # a dismissal kind, a previous day, "override"
    value = models.BigIntegerField(default=0)  # a stay's length in microseconds
    n = models.BigIntegerField(default=0)  # words checked (kind "words"), else the same as c
    c = models.BigIntegerField(default=0)  # the source rows counted

    class Meta:
        verbose_name = _("report count")
        verbose_name_plural = _("report counts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "span", "day", "desk", "person", "key", "sub", "value"],
                                    name="reportcount_key"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.day} {self.desk} {self.key} {self.sub}: {self.c}"


class Comment(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("comment"))
    # The passage a comment is about (empty: about the whole draft). It is found again in later revisions by its
    # fingerprint, as a dismissal finds its finding (``selectors.comment_anchor``); when no span of the text has
    # it any more the comment is shown as outdated.
    passage = models.TextField(_("passage"), blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    field = models.CharField(_("field"), max_length=10, blank=True)
    start = models.PositiveIntegerField(_("start"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)
    # A suggestion: what the passage should say instead (None: a plain comment; "": delete the passage). The
    # writer accepts it (a new revision in their name, ``applied_revision``) or rejects it, once.
    replacement = models.TextField(_("suggested replacement"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, blank=True,
                                choices=[("accepted", _("Accepted")), ("rejected", _("Rejected"))])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    applied_revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+")
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_suggestion(self) -> bool:
        return self.replacement is not None


class RuleSetting(models.Model):
    """Admin-editable settings for one engine rule (rules without a row use the built-in defaults).

    ``params`` holds values for the parameters the rule declares (``checks.Param``), checked by ``clean``.
    """

    rule = models.CharField(_("rule"), max_length=80, unique=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    severity = models.CharField(_("severity override"), max_length=10, choices=SEVERITY_CHOICES, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["rule"]
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")

    def __str__(self) -> str:
        return self.rule

    def clean(self) -> None:
        """The rule exists and ``params`` names only its declared parameters, each of its type and in bounds."""
        rule = all_rules().get(self.rule)
        if rule is None:
            raise ValidationError({"rule": _("The checks have no rule with this id.")})
        try:
            self.params = rule.parse_params(self.params or {})
        except ValueError as exc:
            # Not tied to the ``params`` field: the admin's form shows a field per parameter instead.
            raise ValidationError(_("Parameters refused: %(why)s"), params={"why": exc}) from exc


class NewsroomPhrases(models.Model):
    """The newsroom's own phrase lists, one row for the whole newsroom (every check reads them together)."""

    extra_placeholders = models.TextField(
        _("extra placeholder phrases"), blank=True,
        help_text=_("One per line: phrases reported as placeholders wherever they appear."))
    stop_phrases = models.TextField(_("stop phrases"), blank=True,
                                    help_text=_("One per line: never reported as overused."))
    allowed_repeats = models.TextField(_("allowed repeats"), blank=True,
                                       help_text=_("One per line: words and phrases that may repeat freely."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("newsroom phrase lists")
        verbose_name_plural = _("newsroom phrase lists")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="newsroom_phrases_single_row")]

    def __str__(self) -> str:
        return str(_("Newsroom phrase lists"))

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> NewsroomPhrases:
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class WebhookDelivery(models.Model):
    """One event to deliver to one client, with its attempts; a worker leases it while sending."""

    PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
    STATE_CHOICES = [(PENDING, _("Pending")), (DELIVERED, _("Delivered")), (FAILED, _("Gave up"))]

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="deliveries")
    delivery_id = models.UUIDField(_("delivery id"), default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("event"), max_length=50)
    draft = models.ForeignKey(Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    url = models.URLField(_("URL"))
    payload = models.JSONField(_("payload"))
    state = models.CharField(_("state"), max_length=10, choices=STATE_CHOICES, default=PENDING, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    leased_until = models.DateTimeField(_("leased until"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_response = models.TextField(_("last response (start)"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} → {self.client} ({self.state})"


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField(_("attempt"))
    status_code = models.PositiveIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    response = models.TextField(_("response (start)"), blank=True)
    duration_ms = models.FloatField(_("duration (ms)"), default=0)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")

    def __str__(self) -> str:
        return f"{self.delivery_id} #{self.number}"


class ArchiveParagraph(models.Model):
    """A paragraph of a draft's latest indexed revision, with its MinHash signature (``editorial.archive``)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    signature = models.BinaryField()

    class Meta:
        verbose_name = _("archive paragraph")
        verbose_name_plural = _("archive paragraphs")

    def __str__(self) -> str:
        return f"{self.draft_id} ¶{self.index}"


class ArchiveBand(models.Model):
    """One LSH band key of one paragraph: paragraphs sharing a key are candidates for the same text."""

    key = models.BigIntegerField(db_index=True)
    paragraph = models.ForeignKey(ArchiveParagraph, on_delete=models.CASCADE, related_name="bands")

    class Meta:
        verbose_name = _("archive band")
        verbose_name_plural = _("archive bands")

    def __str__(self) -> str:
        return str(self.key)


class UserPreferences(models.Model):
    """What one person chose for themselves: the language of their pages and of the mail sent to them."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    language = models.CharField(_("language"), max_length=10, blank=True, choices=settings.LANGUAGES,
                                help_text=_("Pages after signing in and e-mail; empty: the newsroom's language."))

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return str(self.user)
