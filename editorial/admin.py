"""The Django admin: declarations, with every write routed through the services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as StockUserAdmin
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from editorial import review, selectors, services, webhooks
from editorial.api.services import api_key_create, api_key_revoke
from editorial.checks import Param, Rule, all_rules
from editorial.models import (
    ApiClient,
    ApiKey,
    CheckRun,
    Comment,
    Dismissal,
    Draft,
    Finding,
    NewsroomPhrases,
    ReviewEvent,
    Revision,
    RuleSetting,
    UserPreferences,
    WebhookAttempt,
    WebhookDelivery,
)
from editorial.reports.queries import PRECISION_WINDOW_DAYS


class ReadOnlyAdminMixin:
    """History kept for good: every field read-only, nothing added or deleted here (the draft is soft-deleted).

    ``read_only_extra``: computed fields shown besides the model's; ``read_only_deletable``: rows that may go.
    """

    read_only_extra: tuple[str, ...] = ()
    read_only_deletable = False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields] + list(self.read_only_extra)

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.read_only_deletable and super().has_delete_permission(request, obj)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RevisionInline(ReadOnlyInline):
    model = Revision
    fields = ("number", "title", "created_by", "api_client", "note", "created_at")
    readonly_fields = fields


class ReviewEventInline(ReadOnlyInline):
    model = ReviewEvent
    fields = ("created_at", "action", "from_status", "to_status", "actor", "api_client", "comment",
              "override_reason", "overridden_findings")
    readonly_fields = fields


class DismissalInline(ReadOnlyInline):
    model = Dismissal
    fk_name = "draft"
    fields = ("rule", "text", "kind", "reason", "by_reviewer", "dismissed_by", "created_at", "undone_at")
    readonly_fields = fields


class OpenFindingFamilyFilter(admin.SimpleListFilter):
    """Drafts whose latest check has an open finding of this family: not a finding of an earlier revision, not
    one that was dismissed (``selectors.with_open_findings``, the desk's own filter)."""

    title = _("open finding family")
    parameter_name = "family"

    def lookups(self, request, model_admin):
        return [("placeholder", _("Placeholder")), ("repetition", _("Repetition")),
                ("consistency", _("Consistency"))]

    def queryset(self, request, queryset):
        return selectors.with_open_findings(queryset, family=self.value()) if self.value() else queryset


class OpenFindingSeverityFilter(OpenFindingFamilyFilter):
    title = _("open finding severity")
    parameter_name = "severity"

    def lookups(self, request, model_admin):
        from editorial.models import SEVERITY_CHOICES

        return SEVERITY_CHOICES

    def queryset(self, request, queryset):
        return selectors.with_open_findings(queryset, severity=self.value()) if self.value() else queryset


def _bulk_transition(action: str):
    def run(modeladmin, request, queryset):
        done, refused = 0, []
        for draft in queryset:
            try:
                services.draft_transition(draft=draft, action=action, user=request.user,
                                          comment=str(_("Bulk action in the admin")))
                done += 1
            except services.ServiceError as exc:
                refused.append(f"#{draft.pk}: {exc.detail}")
        if done:
            modeladmin.message_user(request, ngettext("%d draft moved.", "%d drafts moved.", done) % done)
        for line in refused[:20]:
            modeladmin.message_user(request, line, level=messages.WARNING)

    run.short_description = review.ACTION_LABELS[action]
    run.__name__ = f"bulk_{action}"
    return run


class DeletedFilter(admin.SimpleListFilter):
    title = _("deleted")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("no", _("Not deleted")), ("yes", _("Deleted"))]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(deleted_at__isnull=self.value() == "no")
        return queryset


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    """Deleting here hides the draft (``services.draft_delete``); "Restore deleted drafts" undoes it."""

    list_display = ("title", "status", "desk", "author", "api_client", "revision_number", "updated_at",
                    "deleted_at")
    list_filter = (DeletedFilter, "status", "desk", "author", "api_client", OpenFindingFamilyFilter,
                   OpenFindingSeverityFilter)
    search_fields = ("title", "body_text", "external_id", "author_name")
    date_hierarchy = "updated_at"
    readonly_fields = ("status", "title", "body_text", "source_html", "revision_number", "api_client",
                       "external_id", "created_at", "updated_at")
    fields = ("title", "body_text", "status", "desk", "author", "author_name", "assignee", "api_client",
              "external_id", "metadata", "revision_number", "source_format", "created_at", "updated_at")
    inlines = [RevisionInline, ReviewEventInline, DismissalInline]
    actions = ["rerun_checks", "undelete"] + [
        _bulk_transition(a) for a in review.ACTIONS if a != review.REQUEST_CHANGES]
    autocomplete_fields = ("author", "assignee")

    def get_queryset(self, request):
        return Draft.all_objects.select_related("author", "api_client")

    def get_deleted_objects(self, objs, request):
        """Nothing but the drafts themselves goes away (and they only hide): no cascade to list or refuse."""
        drafts = [str(o) for o in objs]
        return drafts, {Draft._meta.verbose_name_plural: len(drafts)}, set(), []

    def delete_model(self, request, obj):
        try:
            services.draft_delete(draft=obj, user=request.user)
        except services.ServiceError as exc:
            self.message_user(request, exc.detail, level=messages.ERROR)

    def delete_queryset(self, request, queryset):
        for draft in queryset:
            self.delete_model(request, draft)

    @admin.action(description=_("Restore deleted drafts"))
    def undelete(self, request, queryset):
        n = 0
        for draft in queryset.filter(deleted_at__isnull=False):
            services.draft_undelete(draft=draft, user=request.user)
            n += 1
        self.message_user(request, ngettext("Restored %d draft.", "Restored %d drafts.", n) % n)

    @admin.action(description=_("Re-run checks on the latest revision"))
    def rerun_checks(self, request, queryset):
        n = sum(1 for d in queryset if services.draft_rerun_checks(draft=d))
        self.message_user(request, ngettext("Checked %d draft.", "Checked %d drafts.", n) % n)

    def has_add_permission(self, request):
        return False  # drafts are created through the desk or the API, so they get a revision and a check

    def save_model(self, request, obj, form, change):
        changed = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
        try:
            services.draft_update_details(draft=obj, user=request.user, **changed)
        except services.ServiceError as exc:
            self.message_user(request, exc.detail, level=messages.ERROR)


class FindingInline(ReadOnlyInline):
    model = Finding
    fields = ("severity", "rule", "field", "start", "end", "text", "message")
    readonly_fields = fields


@admin.register(CheckRun)
class CheckRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("revision", "engine_version", "duration_ms", "created_at")
    inlines = (FindingInline,)


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("rule", "severity", "family", "field", "text", "check_run")
    list_filter = ("severity", "family", "rule")
    search_fields = ("text", "message", "rule")


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("draft", "number", "title", "created_by", "api_client", "created_at")
    search_fields = ("title", "body_text")


@admin.register(ReviewEvent)
class ReviewEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "draft", "action", "from_status", "to_status", "actor", "api_client")
    list_filter = ("action", "to_status")
    search_fields = ("comment", "override_reason", "draft__title")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Dismissal)
class DismissalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("rule", "text", "kind", "reason", "by_reviewer", "draft", "dismissed_by", "created_at",
                    "undone_at")
    list_filter = ("kind", "by_reviewer", "rule")
    search_fields = ("reason", "text")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("draft", "author", "created_at", "body")
    search_fields = ("body",)
    readonly_fields = ("draft", "author", "revision", "created_at")

    def has_delete_permission(self, request, obj=None):
        return False  # history: kept for good (the draft itself is soft-deleted)


PRECISION_LABEL = format_lazy(_("Measured precision (last {days} days)"), days=PRECISION_WINDOW_DAYS)


PARAM_PREFIX = "param_"


def _number(value) -> str:
    """A parameter's value as typed in its field (``85``, ``0.4``): not localised, it is shown left to right."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _param_field(p: Param, current) -> forms.Field:
    """A typed, bounded form field for one declared parameter; empty means the declared default."""
    kind = forms.IntegerField if p.type is int else forms.FloatField
    return kind(label=p.name, required=False, min_value=p.minimum, max_value=p.maximum, initial=current,
                help_text=format_lazy("{} {}", gettext(p.description), format_lazy(_("Default: {}."), _number(p.default))),
                widget=forms.NumberInput(attrs={"placeholder": p.default, "dir": "ltr",
                                                "step": "any" if p.type is float else 1}))


class RuleSettingForm(forms.ModelForm):
    """The setting of one rule: on/off, severity and a field per parameter the rule declares (no JSON box)."""

    rule_declaration: Rule | None = None

    class Meta:
        model = RuleSetting
        fields = ("rule", "enabled", "severity")

    def clean(self):
        data = super().clean()
        rule = all_rules().get(data.get("rule") or self.instance.rule)
        if rule is not None:
            self.instance.params = {p.name: data[PARAM_PREFIX + p.name] for p in rule.params
                                    if data.get(PARAM_PREFIX + p.name) is not None}
        return data


def rule_setting_form(rule: Rule | None, instance: RuleSetting | None) -> type[RuleSettingForm]:
    """``RuleSettingForm`` with the fields of ``rule``'s parameters (the model's ``clean`` validates them again)."""
    saved = (instance.params or {}) if instance else {}
    fields = {PARAM_PREFIX + p.name: _param_field(p, saved.get(p.name)) for p in (rule.params if rule else ())}
    return type("RuleSettingParamsForm", (RuleSettingForm,), {**fields, "rule_declaration": rule})


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ("rule", "enabled", "severity", "parameters", "updated_at")
    list_filter = ("enabled", "severity")
    list_editable = ("enabled", "severity")
    search_fields = ("rule",)
    readonly_fields = ("description", "measured_precision")

    def _rule_of(self, request, obj) -> Rule | None:
        rule_id = obj.rule if obj else (request.POST.get("rule") or request.GET.get("rule") or "")
        return all_rules().get(rule_id)

    def get_form(self, request, obj=None, change=False, **kwargs):
        rule = self._rule_of(request, obj)
        kwargs["form"] = rule_setting_form(rule, obj)
        kwargs["fields"] = None  # every field of that form, the parameters included
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        rule = self._rule_of(request, obj)
        params = [PARAM_PREFIX + p.name for p in (rule.params if rule else ())]
        main = ("rule", "description", "enabled", "severity", "measured_precision")
        sets = [(None, {"fields": main})]
        if params:
            sets.append((_("Parameters"), {"fields": params, "description": _(
                "Leave a field empty to use the default. Values outside the bounds are refused.")}))
        elif rule is None:
            sets.append((_("Parameters"), {"fields": (), "description": _(
                "Choose a rule from the list of every rule to see its parameters.")}))
        return sets

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "rule") if obj else self.readonly_fields

    @admin.display(description=_("What it finds"))
    def description(self, obj):
        rule = all_rules().get(obj.rule) if obj and obj.rule else None
        return gettext(rule.description) if rule else "—"

    @admin.display(description=_("Parameters"))
    def parameters(self, obj):
        return ", ".join(f"{k} = {v}" for k, v in sorted((obj.params or {}).items())) or "—"

    def get_list_display(self, request):
        """Each rule's measured precision beside it, from one query for the whole list."""
        from editorial.reports.queries import precision_text, recent_precision

        figures = recent_precision()

        @admin.display(description=PRECISION_LABEL)
        def measured_precision(obj):
            return precision_text(figures.get(obj.rule))

        return (*super().get_list_display(request), measured_precision)

    @admin.display(description=PRECISION_LABEL)
    def measured_precision(self, obj):
        from editorial.reports.queries import precision_text, recent_precision

        return precision_text(recent_precision([obj.rule]).get(obj.rule)) if obj and obj.rule else "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "rule":
            choices = [(r.id, f"{r.id} — {gettext(r.description)}" if r.description else r.id)
                       for r in sorted(all_rules().values(), key=lambda r: r.id)]
            return forms.ChoiceField(choices=choices, label=db_field.verbose_name)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def changelist_view(self, request, extra_context=None):
        """Above the saved settings: every rule the engine has, with what it finds, its default severity and its
        parameters (default and, when tuned, the value in use)."""
        from editorial.web.findings import SEVERITY_LABELS

        settings_by_rule = {s.rule: s for s in RuleSetting.objects.all()}
        every = []
        for r in sorted(all_rules().values(), key=lambda r: r.id):
            setting = settings_by_rule.get(r.id)
            values = (setting.params or {}) if setting else {}
            every.append({"id": r.id, "description": gettext(r.description), "setting": setting,
                          "default_severity": SEVERITY_LABELS.get(r.severity, r.severity),
                          "params": [{"name": p.name, "default": _number(p.default),
                                      "value": None if values.get(p.name) is None else _number(values[p.name]),
                                      "description": gettext(p.description), "minimum": _number(p.minimum),
                                      "maximum": _number(p.maximum)}
                                     for p in r.params]})
        return super().changelist_view(request, {**(extra_context or {}), "every_rule": every})


@admin.register(NewsroomPhrases)
class NewsroomPhrasesAdmin(admin.ModelAdmin):
    """One row: the phrase lists every check reads (placeholders, stop phrases, allowed repeats)."""

    fields = ("extra_placeholders", "stop_phrases", "allowed_repeats", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request):
        return not NewsroomPhrases.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """Straight to the one row, or to the form that creates it."""
        from django.shortcuts import redirect

        if NewsroomPhrases.objects.exists():
            return redirect("admin:editorial_newsroomphrases_change", 1)
        return redirect("admin:editorial_newsroomphrases_add")


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    extra = 0
    fields = ("prefix", "label", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")

    def has_add_permission(self, request, obj=None):
        return False  # keys are made by create_api_client (or the admin action), shown once


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "is_active", "webhook_url", "webhook_paused_until", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name",)
    inlines = (ApiKeyInline,)
    actions = ("create_key",)

    @admin.action(description=_("Create a new key (shown once)"))
    def create_key(self, request, queryset):
        for client in queryset:
            _key, raw = api_key_create(client=client, label=gettext("created in the admin by %(u)s") % {
                "u": request.user.get_username()})
            # The only time anyone sees this key: it is stored as a hash.
            self.message_user(request, gettext("New key for %(c)s (copy it now, it is not shown again): %(k)s")
                              % {"c": client, "k": raw}, messages.WARNING)


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("client", "prefix", "label", "created_at", "last_used_at", "revoked_at")
    list_filter = ("client",)
    readonly_fields = ("client", "prefix", "key_hash", "created_at", "last_used_at")
    actions = ("revoke_keys",)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected keys"))
    def revoke_keys(self, request, queryset):
        for key in queryset:
            api_key_revoke(key=key)
        self.message_user(request, gettext("%(n)d key(s) revoked.") % {"n": queryset.count()}, messages.SUCCESS)


class WebhookAttemptInline(ReadOnlyInline):
    model = WebhookAttempt
    fields = ("number", "status_code", "error", "response", "duration_ms", "created_at")
    readonly_fields = fields


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("event", "client", "state", "attempts", "last_status_code", "next_attempt_at", "created_at")
    list_filter = ("state", "event", "client")
    search_fields = ("delivery_id",)
    inlines = (WebhookAttemptInline,)
    actions = ("retry_deliveries",)
    read_only_deletable = True  # an outbox row, not history

    @admin.action(description=_("Send again now"))
    def retry_deliveries(self, request, queryset):
        for delivery in queryset:
            webhooks.retry_now(delivery)
        self.message_user(request, gettext("%(n)d deliveries queued.") % {"n": queryset.count()},
                          messages.SUCCESS)


class PreferencesInline(admin.StackedInline):
    model = UserPreferences
    can_delete = False
    extra = 1
    max_num = 1


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class UserAdmin(StockUserAdmin):
    """Django's user admin with the person's own choices (language of their pages and mail)."""

    inlines = (*StockUserAdmin.inlines, PreferencesInline)
