"""Input serializers validate what a CMS sends; output serializers fix the shapes the API answers with.

Output serializers are fed plain dicts built in ``presenters`` so the documented schema and the answer are
the same thing.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import typing

from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from editorial import review
from editorial.checks import types
from editorial.models import Draft, column_limit
from editorial.services import TITLE_MAX

EXTERNAL_ID_MAX, DESK_MAX, AUTHOR_NAME_MAX = (column_limit(Draft, n) for n in ("external_id", "desk", "author_name"))

BODY_FORMATS = [("text", _("Plain text")), ("html", _("HTML")), ("markdown", _("Markdown"))]


def _no_nul_or_surrogates(value, path: str = "metadata") -> None:
    """JSON metadata goes into the database as is: refuse what PostgreSQL cannot store."""
    if isinstance(value, str):
        if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise serializers.ValidationError(_("Text may not contain NUL or unpaired surrogate characters."))
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_nul_or_surrogates(k, path)
            _no_nul_or_surrogates(v, path)
    elif isinstance(value, list):
        for v in value:
            _no_nul_or_surrogates(v, path)


# Documents (as the schema's pattern) that a required text needs more than whitespace.
NOT_ONLY_SPACE = RegexValidator(r"\S", _("This field may not be blank."))


@extend_schema_field(OpenApiTypes.OBJECT)
class MetadataField(serializers.JSONField):
    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError(_("Metadata must be a JSON object."))
        _no_nul_or_surrogates(data)
        if len(str(data)) > 20_000:
            raise serializers.ValidationError(_("Metadata is limited to 20,000 characters."))
        return super().to_internal_value(data)


_SURROGATE = re.compile("[\ud800-\udfff]")


class NoSurrogates(ProhibitSurrogateCharactersValidator):
    """DRF's refusal of surrogate characters, same message and code, found by one regular-expression search
    instead of a Python loop over every character (a 5,000-character body cost ~0.4 ms per field)."""

    def __call__(self, value):
        found = _SURROGATE.search(str(value))
        if found is not None:
            raise serializers.ValidationError(self.message.format(code_point=ord(found.group())), code=self.code)


class StrictCharField(serializers.CharField):
    """A string, and only a string (DRF would turn 5 into "5"; the schema says string)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [NoSurrogates() if isinstance(v, ProhibitSurrogateCharactersValidator) else v
                           for v in self.validators]

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TextField(StrictCharField):
    """A title or a body: NUL characters are dropped by the one text rule (``editorial.checks.text``), in the title
    as in the body, at every endpoint, never refused here; unpaired surrogates are refused by the parser."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]


class BodyField(TextField):
    """The body, kept as sent (no trimming) until the text rule reads its line endings."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)


class WriteSerializer(serializers.Serializer):
    """A request body: a field it does not accept (unknown, misspelt or read-only, like ``status``) is refused with
    400 naming it, never silently ignored."""

    def get_fields(self):
        """The declared fields, each copied shallowly: a request's serializer binds its copies (name, parent, label,
        source) and changes nothing else on them, so DRF's deep copy (every field built again from its arguments,
        its validators with it) is not needed on every request."""
        return {name: copy.copy(field) for name, field in self._declared_fields.items()}

    def to_internal_value(self, data):
        if isinstance(data, dict):
            refused = [k for k in data if k not in self.fields or self.fields[k].read_only]
            if refused:
                raise serializers.ValidationError(
                    {str(k): [_("Not a field you can write here (unknown or read-only).")] for k in refused})
        return super().to_internal_value(data)


class WriteSerializerSchema(OpenApiSerializerExtension):
    """The schema says so too: a request body of a ``WriteSerializer`` has ``additionalProperties: false``."""

    target_class = WriteSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema


class DraftInputSerializer(WriteSerializer):
    external_id = StrictCharField(max_length=EXTERNAL_ID_MAX, required=False, allow_blank=True, default="",
                                        help_text=_("Your CMS's id for this story; the same id revises it."))
    title = TextField(max_length=TITLE_MAX, validators=[NOT_ONLY_SPACE])
    body = BodyField(help_text=_("Plain text, HTML (sanitised) or Markdown, as body_format says."))
    body_format = serializers.ChoiceField(choices=BODY_FORMATS, default="text")
    desk = StrictCharField(max_length=DESK_MAX, required=False, allow_blank=True)
    author_name = StrictCharField(max_length=AUTHOR_NAME_MAX, required=False, allow_blank=True)
    metadata = MetadataField(required=False, help_text=_("Any JSON object; stored and returned as is."))
    base_revision = serializers.IntegerField(
        min_value=0, max_value=2**31, required=False,
        help_text=_("Optional here: when the external id names an existing draft, the revision this content was "
                    "made on (409 `revision_conflict` if the draft moved on)."),
    )


BASE_REVISION_HELP = _("The revision this edit was made on (the draft's `revision` when you read it). If the draft "
                       "has a newer revision, the edit is refused with 409 `revision_conflict` and "
                       "`current_revision`.")


class DraftUpdateSerializer(DraftInputSerializer):
    external_id = StrictCharField(max_length=EXTERNAL_ID_MAX, required=False, allow_blank=True,
                                  help_text=_("Read-only: accepted only unchanged (400 otherwise)."))
    base_revision = serializers.IntegerField(min_value=0, max_value=2**31, help_text=BASE_REVISION_HELP)
    patch_required = ("base_revision",)  # required of a PATCH too (``validate``); the schema says so

    def validate_external_id(self, value):
        if value != self.context["draft"].external_id:
            raise serializers.ValidationError(_("The external id of a draft cannot be changed."))
        return value

    def validate(self, attrs):
        for name in self.patch_required:  # also for PATCH: every edit names its revision
            if name not in attrs:
                raise serializers.ValidationError({name: [_("This field is required.")]})
        return attrs


class DraftListQuerySerializer(serializers.Serializer):
    """The list's query parameters; an empty value is an error, not "no filter"."""

    status = serializers.ChoiceField(choices=list(review.STATUSES), required=False)
    desk = StrictCharField(max_length=DESK_MAX, required=False, allow_blank=True)
    external_id = StrictCharField(max_length=EXTERNAL_ID_MAX, required=False, allow_blank=True)
    updated_since = serializers.DateTimeField(required=False, help_text=_("Drafts changed at or after this time."))
    cursor = StrictCharField(max_length=500, required=False,
                             help_text=_("Where the page starts: take it from `next` or `previous`, never make it "
                                         "(404 for one the list did not give; ignored with `page`)."))
    page = serializers.IntegerField(min_value=1, max_value=10**9, required=False,
                                    help_text=_("Deprecated: numbered pages by last update (may repeat or skip a "
                                                "draft that changes between pages). Without it, the cursor."))
    page_size = serializers.IntegerField(min_value=1, max_value=200, required=False)


class TransitionInputSerializer(WriteSerializer):
    action = serializers.ChoiceField(choices=list(review.ACTIONS))
    comment = StrictCharField(required=False, allow_blank=True, default="", max_length=10_000)
    override_reason = StrictCharField(required=False, allow_blank=True, default="", max_length=2_000)


class DismissInputSerializer(WriteSerializer):
    kind = serializers.ChoiceField(choices=review.DismissalKind.choices,
                                   help_text=_("Why the finding does not apply."))
    reason = StrictCharField(
        max_length=review.DISMISSAL_REASON_MAX_CHARS, required=False, allow_blank=True, default="",
        help_text=format_lazy(_("Optional for false_alarm; at least {} characters for intentional and "
                                "fixed_elsewhere."), review.DISMISSAL_REASON_MIN_CHARS),
    )


class CheckInputSerializer(WriteSerializer):
    title = TextField(max_length=TITLE_MAX, allow_blank=True, trim_whitespace=False)
    body = BodyField()
    body_format = serializers.ChoiceField(choices=BODY_FORMATS, default="text")


# ---- output ----

def _declared_fields(shape, **special) -> dict[str, serializers.Field]:
    """One serializer field per field the engine declares on ``shape`` (``checks.types``), typed from its
    annotation: the API's finding and span shapes are read from the declaration, never written out again."""
    hints = typing.get_type_hints(shape)
    made = {}
    for f in dataclasses.fields(shape):
        kind = hints[f.name]
        if f.name in special:  # made here, in declaration order (DRF orders fields by creation)
            made[f.name] = special[f.name]()
        elif kind is str:
            made[f.name] = serializers.CharField(allow_blank=True)
        elif kind == str | None:
            made[f.name] = serializers.CharField(allow_null=True, allow_blank=True)
        elif kind in (int, int | None):  # offsets: always filled in a report (``Report`` completes the spans)
            made[f.name] = serializers.IntegerField()
        else:
            raise TypeError(f"{shape.__name__}.{f.name}: no serializer field for {kind}")
    return made


SpanSerializer = type("SpanSerializer", (serializers.Serializer,), {
    "__doc__": "A related passage (offsets in code points and in UTF-16 units).",
    **_declared_fields(types.Span, field=lambda: serializers.ChoiceField(choices=list(types.FIELDS))),
})
FindingSerializer = type("FindingSerializer", (serializers.Serializer,), {
    "__doc__": "A finding in the engine's declared shape (offsets in code points and in UTF-16 units).",
    **_declared_fields(types.Finding, severity=lambda: serializers.ChoiceField(choices=list(types.SEVERITIES)),
                       field=lambda: serializers.ChoiceField(choices=list(types.FIELDS)),
                       related=lambda: SpanSerializer(many=True)),
})


class DismissalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=review.DismissalKind.choices)
    reason = serializers.CharField(allow_blank=True)
    clears_gate = serializers.BooleanField(
        help_text=_("False for an error dismissed without a reviewer: it still blocks approval unless overridden."))
    by = serializers.CharField()
    created_at = serializers.DateTimeField()


class StoredFindingSerializer(FindingSerializer):
    id = serializers.IntegerField()
    dismissed = serializers.BooleanField()
    dismissal = DismissalSerializer(allow_null=True)


class StoredReportSerializer(serializers.Serializer):
    check_run = serializers.IntegerField()
    revision = serializers.IntegerField()
    engine_version = serializers.CharField()
    checked_at = serializers.DateTimeField()
    counts = serializers.DictField(child=serializers.IntegerField())
    stats = serializers.DictField()
    findings = StoredFindingSerializer(many=True)


class ActionSerializer(serializers.Serializer):
    """One action this client may take now, as the workflow answers it (``review.available_actions``)."""

    action = serializers.CharField()
    label = serializers.CharField()
    target = serializers.CharField(help_text=_("The status the draft moves to."))
    needs_comment = serializers.BooleanField(help_text=_("Refused (`comment_required`) without a comment."))
    blocked = serializers.BooleanField(help_text=_("Refused now: error findings block it (or the text is unchecked)."))
    blocking_findings = serializers.ListField(child=serializers.IntegerField(),
                                              help_text=_("The ids of the findings that block it."))
    needs_override = serializers.BooleanField(
        help_text=_("Possible over the blocking findings only with an `override_reason`."))


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField()
    revision = serializers.IntegerField(allow_null=True)
    comment = serializers.CharField(allow_blank=True)
    override_reason = serializers.CharField(allow_blank=True)
    open_findings = serializers.IntegerField(help_text=_("Open findings when the action was taken."))
    overridden_findings = serializers.ListField(
        child=serializers.DictField(), help_text=_("The error findings an override approved over."))
    created_at = serializers.DateTimeField()


class DraftSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField(allow_blank=True)
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=list(review.STATUSES))
    revision = serializers.IntegerField()
    desk = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class DraftSerializer(DraftSummarySerializer):
    body_format = serializers.CharField()
    body_text = serializers.CharField(allow_blank=True, help_text=_("The stored text; finding offsets refer to it."))
    author_name = serializers.CharField(allow_blank=True)
    metadata = serializers.DictField()
    actions = ActionSerializer(many=True, help_text=_("Transitions this client may take now."))
    report = StoredReportSerializer(allow_null=True)
    history = EventSerializer(many=True)


class DraftWriteResultSerializer(DraftSerializer):
    created = serializers.BooleanField(help_text=_("A new draft was created."))
    revision_created = serializers.BooleanField(help_text=_("False when the same content was sent again."))


class DraftPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("Drafts matching the filters, on every page."))
    next = serializers.URLField(allow_null=True, help_text=_("The next page (with its cursor); null at the end."))
    previous = serializers.URLField(allow_null=True)
    results = DraftSummarySerializer(many=True)


class CheckReportSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True, help_text=_("The text that was checked (HTML made plain)."))
    findings = FindingSerializer(many=True)
    counts = serializers.DictField(child=serializers.IntegerField())
    stats = serializers.DictField()
    engine_version = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stable, machine-readable."))
    detail = serializers.CharField(help_text=_("For people."))
    fields = serializers.DictField(help_text=_("Per-field messages for invalid input."))


class ConflictErrorSerializer(ErrorSerializer):
    status = serializers.CharField(required=False, help_text=_("The draft's current status (invalid_transition)."))
    current_status = serializers.CharField(required=False, help_text=_("The draft's status (read_only)."))
    current_revision = serializers.IntegerField(
        required=False, help_text=_("The draft's latest revision (revision_conflict): read it, merge, send again."))
    base_revision = serializers.IntegerField(required=False, help_text=_("The revision the refused edit named."))


# ---- the output shapes, represented without rebuilding the serializers ----

class _Unplanned(Exception):
    """Data the plan does not cover (a missing key, an object, a callable): the serializer itself answers."""


_FIELD, _ONE, _MANY = 0, 1, 2
_PLANS: dict[type, list] = {}


def _plan(serializer: serializers.Serializer) -> list:
    """The steps ``serializer.to_representation`` takes on a dict, read once from its bound fields: each
    readable field in its order, by its name, with the bound field's own ``to_representation`` (or the nested
    serializer's steps)."""
    steps = []
    for field in serializer._readable_fields:
        if field.source != field.field_name:
            raise TypeError(f"{type(serializer).__name__}.{field.field_name}: a source of its own is not planned")
        if isinstance(field, serializers.ListSerializer) and isinstance(field.child, serializers.Serializer):
            steps.append((field.field_name, _MANY, _plan(field.child)))
        elif isinstance(field, serializers.Serializer):
            steps.append((field.field_name, _ONE, _plan(field)))
        elif isinstance(field, serializers.BaseSerializer):
            raise TypeError(f"{type(serializer).__name__}.{field.field_name}: not planned")
        else:
            steps.append((field.field_name, _FIELD, _leaf(field)))
    return steps


def _leaf(field: serializers.Field):
    """The field's ``to_representation``, skipped for the values it returns unchanged."""
    method = field.to_representation
    kind = {serializers.IntegerField: int, serializers.CharField: str, serializers.BooleanField: bool}.get(type(field))
    if kind is None:
        return method
    return lambda value: value if type(value) is kind else method(value)


def _apply(steps: list, data) -> dict:
    if type(data) is not dict:
        raise _Unplanned
    out = {}
    for name, kind, arg in steps:
        try:
            value = data[name]
        except KeyError:
            raise _Unplanned from None
        if value is None:
            out[name] = None
        elif callable(value):
            raise _Unplanned
        elif kind == _FIELD:
            out[name] = arg(value)
        elif kind == _ONE:
            out[name] = _apply(arg, value)
        elif type(value) in (list, tuple):
            out[name] = [_apply(arg, item) for item in value]
        else:
            raise _Unplanned
    return out


def represent(serializer_class: type[serializers.Serializer], data: dict) -> dict:
    """``serializer_class(data).data`` for the plain dicts of ``presenters``: the same dict (same keys in the
    same order, each value through the same field's ``to_representation``), without deep-copying every field
    of the serializer on each request, which was most of the cost of presenting a draft. Anything the plan does
    not cover goes through the serializer itself (tests/api/conftest.py checks both agree on every response)."""
    steps = _PLANS.get(serializer_class)
    if steps is None:
        steps = _PLANS[serializer_class] = _plan(serializer_class())
    try:
        return _apply(steps, data)
    except _Unplanned:
        return serializer_class(data).data
