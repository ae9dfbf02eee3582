"""``POST /api/v1/languagetool/v2/check``: our checks behind LanguageTool's HTTP API (form in, JSON out)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from editorial import services
from editorial.api import languagetool, schema
from editorial.api.authentication import ApiKeyAuthentication
from editorial.api.parsers import FormParser, MultiPartParser
from editorial.api.permissions import IsApiClientOrNewsroomMember
from editorial.api.views import ApiView
from editorial.rule_settings import current_config


class LTInputSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    data = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False,
                                 help_text=_('LanguageTool annotation JSON: {"annotation": [{"text": "..."}, '
                                             '{"markup": "<p>"}]}'))
    language = serializers.CharField(max_length=20, default="ar", allow_blank=True)
    apiKey = serializers.CharField(required=False, allow_blank=True, help_text=_("Your API key (or use Bearer)."))

    def validate_language(self, value: str) -> str:
        if value and value.lower() != "auto" and value.split("-")[0].lower() != "ar":
            raise serializers.ValidationError(_("Only Arabic (ar) is supported."))
        return value

    def validate(self, attrs):
        if "text" not in attrs and "data" not in attrs:
            raise serializers.ValidationError({"text": [_("Send 'text' or 'data'.")]})
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
    permission_classes = (IsApiClientOrNewsroomMember,)
    parser_classes = (FormParser, MultiPartParser)

    @extend_schema(
        operation_id="languagetool_check", request={"application/x-www-form-urlencoded": LTInputSerializer},
        examples=[OpenApiExample("Arabic text", request_only=True,
                                 value={"text": f"{schema.EXAMPLE_TITLE}\n\n{schema.EXAMPLE_BODY}", "language": "ar"})],
        description="LanguageTool-compatible check. The first line is the title when the text has several.",
        responses={200: LTResponseSerializer, **schema.errors(400, 401, 403, 413, 415, 429)},
    )
    def post(self, request):
        serializer = LTInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "text" in data:
            original, checked, index_map = data["text"], data["text"], None
        else:
            try:
                original, checked, index_map = languagetool.parse_annotation(data["data"])
            except languagetool.AnnotationError as exc:
                raise serializers.ValidationError({"data": [str(exc)]}) from None
        if len(original) > settings.MAX_DRAFT_CHARS:
            raise services.InvalidInput(
                _("The text is longer than %(n)d characters.") % {"n": settings.MAX_DRAFT_CHARS},
                field="text", status=413,
            )
        return Response(LTResponseSerializer(
            languagetool.check(original, checked, index_map, current_config())).data)


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
