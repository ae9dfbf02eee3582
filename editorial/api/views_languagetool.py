"""``POST /api/v1/languagetool/v2/check``: our checks behind LanguageTool's HTTP API (form in, JSON out).

``/api/v1/languagetool/`` is a LanguageTool server's root: a client given it as its server URL (with the final
slash) finds ``v2/check`` and ``v2/languages`` under it, as on a self-hosted LanguageTool.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from editorial.api import languagetool, schema
from editorial.api.authentication import ApiKeyAuthentication
from editorial.api.exceptions import json_not_found
from editorial.api.parsers import FormParser, MultiPartParser
from editorial.api.permissions import LanguageToolCaller
from editorial.api.views import ApiView
from editorial.limits import check_size
from editorial.rule_settings import current_config


class LTInputSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    data = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False,
                                 help_text=_('LanguageTool annotation JSON: {"annotation": [{"text": "..."}, '
                                             '{"markup": "<p>"}]}'))
    language = serializers.CharField(max_length=20, default="ar", allow_blank=True)
    apiKey = serializers.CharField(required=False, allow_blank=True, help_text=_("Your API key (or use Bearer)."))
    username = serializers.CharField(required=False, allow_blank=True,
                                     help_text=_("Accepted and not used (LanguageTool clients send it with apiKey)."))
    disabledRules = serializers.CharField(required=False, allow_blank=True,
                                          help_text=_("Comma-separated rule ids not to run."))
    enabledRules = serializers.CharField(required=False, allow_blank=True,
                                         help_text=_("Comma-separated rule ids to run (with enabledOnly=true)."))
    disabledCategories = serializers.CharField(required=False, allow_blank=True,
                                               help_text=_("Comma-separated families not to run (e.g. REPETITION)."))
    enabledCategories = serializers.CharField(required=False, allow_blank=True,
                                              help_text=_("Comma-separated families to run (with enabledOnly=true)."))
    enabledOnly = serializers.ChoiceField(choices=["true", "false"], required=False, default="false",
                                          help_text=_("true: run only enabledRules and enabledCategories."))

    def validate_language(self, value: str) -> str:
        if value and value.lower() != "auto" and value.split("-")[0].lower() != "ar":
            raise serializers.ValidationError(_("Only Arabic (ar) is supported."))
        return value

    def validate(self, attrs):
        if "text" not in attrs and "data" not in attrs:
            raise serializers.ValidationError({"text": [_("Send 'text' or 'data'.")]})
        if attrs["enabledOnly"] == "true" and not (attrs.get("enabledRules") or attrs.get("enabledCategories")):
            raise serializers.ValidationError(
                {"enabledOnly": [_("enabledOnly=true needs enabledRules or enabledCategories.")]})
        return attrs


class LTCategorySerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()


class LTRuleSerializer(serializers.Serializer):
    id = serializers.CharField()
    description = serializers.CharField()
    issueType = serializers.CharField()
    category = LTCategorySerializer()


class LTContextSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)
    offset = serializers.IntegerField()
    length = serializers.IntegerField()


class LTReplacementSerializer(serializers.Serializer):
    value = serializers.CharField(allow_blank=True)


class LTMatchSerializer(serializers.Serializer):
    message = serializers.CharField(allow_blank=True)
    shortMessage = serializers.CharField(allow_blank=True)
    offset = serializers.IntegerField(help_text=_("UTF-16 units into the whole submitted text."))
    length = serializers.IntegerField()
    replacements = LTReplacementSerializer(many=True)
    rule = LTRuleSerializer()
    context = LTContextSerializer()
    sentence = serializers.CharField(allow_blank=True)


class LTResponseSerializer(serializers.Serializer):
    software = serializers.DictField()
    warnings = serializers.DictField()
    language = serializers.DictField()
    matches = LTMatchSerializer(many=True)


class LanguageToolCheckApi(ApiView):
    authentication_classes = (ApiKeyAuthentication, SessionAuthentication)
    accepts_form_key = True
    permission_classes = (LanguageToolCaller,)
    parser_classes = (FormParser, MultiPartParser)

    @property
    def anonymous_rate(self) -> str:
        return settings.LANGUAGETOOL_ANONYMOUS_RATE

    @extend_schema(
        operation_id="languagetool_check", request={"application/x-www-form-urlencoded": LTInputSerializer},
        examples=[OpenApiExample("Arabic text", request_only=True,
                                 value={"text": f"{schema.EXAMPLE_TITLE}\n\n{schema.EXAMPLE_BODY}", "language": "ar"})],
        description="LanguageTool-compatible check. The first line is the title when the text has several. "
                    "Without a key when the server allows anonymous checks (EDITORIAL_LANGUAGETOOL_ANONYMOUS).",
        responses={200: LTResponseSerializer, **schema.errors(400, 401, 403, 413, 415, 429)},
    )
    def post(self, request):
        serializer = LTInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "text" in data:
            original, checked, index_map = languagetool.read_text(data["text"])
        else:
            try:
                original, checked, index_map = languagetool.parse_annotation(data["data"])
            except languagetool.AnnotationError as exc:
                raise serializers.ValidationError({"data": [str(exc)]}) from None
        check_size(original, field="text")
        config = languagetool.rule_choice(
            current_config(), disabled_rules=data.get("disabledRules", ""), enabled_rules=data.get("enabledRules", ""),
            disabled_categories=data.get("disabledCategories", ""),
            enabled_categories=data.get("enabledCategories", ""), enabled_only=data["enabledOnly"] == "true")
        return Response(LTResponseSerializer(languagetool.check(original, checked, index_map, config)).data)


class LTLanguageSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    longCode = serializers.CharField()


class LanguageToolLanguagesApi(ApiView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()

    @extend_schema(operation_id="languagetool_languages", responses={200: LTLanguageSerializer(many=True)})
    def get(self, request):
        return Response([{"name": "Arabic", "code": "ar", "longCode": "ar"}])


@csrf_exempt
def languagetool_unslashed(request, rest: str):
    """``/api/v1/v2/check`` and ``/api/v1/v2/languages``: where ``language_tool_python`` (and any client that
    resolves ``v2/`` against the URL it was given) lands when the final slash of ``.../languagetool/`` is left out.
    A 308 keeps the method and the form, so the client follows it to the real endpoint."""
    if rest not in ("check", "languages"):
        return json_not_found(request)
    target = reverse(f"api:languagetool-{rest}")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target, preserve_request=True)
