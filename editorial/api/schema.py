"""Schema helpers: documented error answers and Arabic examples for drf-spectacular."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse

from editorial.api.serializers import ConflictErrorSerializer, ErrorSerializer

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
