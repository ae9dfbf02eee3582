"""Schema helpers: documented error answers and Arabic examples for drf-spectacular."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse

from editorial.api.serializers import ConflictErrorSerializer, DraftUpdateSerializer, ErrorSerializer

ERROR_TEXT = {
    400: "Invalid input or malformed JSON (code `parse_error`).",
    401: "No key, or an invalid or revoked one.",
    403: "This client may never take this action.",
    404: "No such draft for this client.",
    409: "Not possible from the current status (`invalid_transition`, `read_only`), or made on an older revision "
         "(`revision_conflict`, with `current_revision`).",
    413: "The body or the text is too large.",
    415: "Send JSON (or a form, for the LanguageTool endpoint).",
    429: "Rate limit reached; see Retry-After.",
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {
        c: OpenApiResponse(ConflictErrorSerializer if c == 409 else ErrorSerializer, description=ERROR_TEXT[c])
        for c in codes
    }


EXAMPLE_TITLE = "وزير الصحة يفتتح مستشفى جديداً في الجهراء"
EXAMPLE_BODY = (
    "افتتح وزير الصحة صباح [تاريخ اليوم – يرجى إضافته] مستشفى الجهراء الجديد بسعة 400 سرير.\n\n"
    "وقال الوزير إن المستشفى يخدم سكان المحافظة."
)

DRAFT_REQUEST_EXAMPLES = [
    OpenApiExample(
        "Plain text draft", request_only=True,
        value={"external_id": "cms-2026-1187", "title": EXAMPLE_TITLE, "body": EXAMPLE_BODY, "body_format": "text",
               "desk": "محليات", "author_name": "سارة العلي", "metadata": {"section": "health"}},
    ),
    OpenApiExample(
        "HTML draft", request_only=True,
        value={"external_id": "cms-2026-1188", "title": EXAMPLE_TITLE, "body_format": "html",
               "body": "<p>افتتح وزير الصحة مستشفى الجهراء الجديد.</p><script>track()</script>"
                       "<p>وقال الوزير إن المستشفى يخدم سكان المحافظة.</p>"},
    ),
]
CHECK_REQUEST_EXAMPLES = [
    OpenApiExample("Check a text", request_only=True,
                   value={"title": EXAMPLE_TITLE, "body": EXAMPLE_BODY, "body_format": "text"}),
]
TRANSITION_EXAMPLES = [
    OpenApiExample("Submit for review", request_only=True, value={"action": "submit", "comment": "جاهز للمراجعة"}),
    OpenApiExample("Publish", request_only=True, value={"action": "publish"}),
]
DISMISS_EXAMPLES = [
    OpenApiExample("Dismiss", request_only=True, value={"kind": "intentional", "reason": "العبارة مقصودة في الاقتباس"}),
]


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": "Requests allowed in the current window.",
    "RateLimit-Remaining": "Requests left in the current window.",
    "RateLimit-Reset": "Seconds until the window starts again.",
    "RateLimit-Policy": "The limit and the window in seconds, e.g. `6000;w=60`.",
}
UNCOUNTED_STATUSES = {"401", "403"}  # refused before the request is counted: no RateLimit fields


def rate_limit_headers(result, generator, request, public):
    """drf-spectacular post-processing: every answer of a rate-limited operation documents the ``RateLimit-*``
    fields (``ApiView.finalize_response``), a 429 its ``Retry-After``; read from each view's ``throttle_classes``."""
    headers = result.setdefault("components", {}).setdefault("headers", {})
    for name, description in RATE_LIMIT_HEADERS.items():
        schema = {"type": "string"} if name == "RateLimit-Policy" else {"type": "integer", "minimum": 0}
        headers[name] = {"description": description, "schema": schema}
    headers["Retry-After"] = {"description": "Seconds to wait before trying again.",
                              "schema": {"type": "integer", "minimum": 0}}
    for path, _regex, method, view in generator._get_paths_and_endpoints():
        operation = result["paths"].get(path, {}).get(method.lower())
        if operation is None or not view.throttle_classes:
            continue
        for status_code, response in operation.get("responses", {}).items():
            if status_code in UNCOUNTED_STATUSES:
                continue
            shown = response.setdefault("headers", {})
            for name in (*RATE_LIMIT_HEADERS, *(("Retry-After",) if status_code == "429" else ())):
                shown[name] = {"$ref": f"#/components/headers/{name}"}
    return result


def patch_required_fields(result, generator, request, public):
    """drf-spectacular makes every field of a PATCH body optional; the fields a serializer still requires of
    every PATCH (its ``patch_required``) are marked required again, so that the schema says what is accepted."""
    components = result.get("components", {}).get("schemas", {})
    for ser in (DraftUpdateSerializer,):
        name = "Patched" + ser.__name__.removesuffix("Serializer") + "Request"
        component = components.get(name)
        if component is None:
            continue
        component["required"] = sorted({*component.get("required", ()), *ser.patch_required})
        # a body with required fields is itself required: a PATCH with no body at all is refused too
        ref = "#/components/schemas/" + name
        for operations in result.get("paths", {}).values():
            for operation in operations.values():
                body = operation.get("requestBody") if isinstance(operation, dict) else None
                if body and any(c.get("schema", {}).get("$ref") == ref for c in body.get("content", {}).values()):
                    body["required"] = True
    return result
