"""The examples in ``docs/api.md``, made by a real run: a CMS's requests against the API, answered by the app.

``manage.py api_examples`` runs ``scenario()`` on a throwaway test database and writes each example between its
markers in the document (``<!-- example: NAME -->`` ... ``<!-- /example -->``); ``tests/api/test_docs_examples.py``
runs it again and compares. What may differ between two honest runs is masked on both sides before comparing
(``masked``): database ids, times, delivery and cursor tokens, the rate window's seconds. Everything else
(findings, offsets, messages, statuses, codes, headers) must be what the document says.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.core.cache import cache
from rest_framework.test import APIClient

from editorial import webhooks
from editorial.models import WebhookDelivery

HOST, PORT = "127.0.0.1", "8000"
API = f"http://{HOST}:{PORT}/api/v1"
SHOWN_HEADERS = ("Location", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After")
MARKER = re.compile(r"(<!-- example: ([a-z_]+) -->\n)(.*?)(<!-- /example -->)", re.DOTALL)

TITLE = "وزير الصحة يفتتح مستشفى جديداً في الجهراء"
BODY = ("افتتح وزير الصحة صباح [تاريخ اليوم – يرجى إضافته] مستشفى الجهراء الجديد بسعة 400 سرير.\n\n"
        "وقال الوزير إن المستشفى يخدم سكان المحافظة والمناطق المجاورة.")
DRAFT = {"external_id": "cms-2026-1187", "title": TITLE, "body": BODY, "body_format": "text", "desk": "محليات",
         "author_name": "سارة العلي", "metadata": {"section": "health"}}


@dataclass
class Example:
    text: str


def _curl(method: str, path: str, payload: dict | None, form: dict | None) -> str:
    verb = f" -X {method}" if method not in ("GET", "POST") or (method == "POST" and payload is None and form is None) else ""
    auth = '-H "Authorization: Bearer $KEY"' if form is None else '-d apiKey="$KEY"'
    lines = [f'curl -s{verb} "$API{path}" {auth}']
    if payload is not None:
        body = json.dumps(payload, ensure_ascii=False).replace("'", "'\\''")
        lines += ['-H "Content-Type: application/json"', f"-d '{body}'"]
    for name, value in (form or {}).items():
        value = value.replace("\n", "\\n").replace("'", "\\'")
        lines.append(f"--data-urlencode $'{name}={value}'")
    return " \\\n     ".join(lines)


def _show(value, shorten):
    return shorten(value) if shorten else value


class Run:
    """One CMS talking to the API through Django's test client, as ``http://127.0.0.1:8000``."""

    def __init__(self, key: str) -> None:
        self.http = APIClient(HTTP_HOST=f"{HOST}:{PORT}")
        self.key = key
        self.http.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")

    def call(self, method: str, path: str, payload: dict | None = None, *, form: dict | None = None,
             shorten=None, headers: bool = False):
        url = f"/api/v1{path}"
        if form is not None:
            response = self.http.post(url, {**form, "apiKey": self.key})
        else:
            response = getattr(self.http, method.lower())(url, payload, format="json")
        data = response.json() if response.content else None
        lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
        if headers:
            lines += [f"{h}: {response[h]}" for h in SHOWN_HEADERS if response.has_header(h)]
        elif response.has_header("Location"):
            lines.append(f"Location: {response['Location']}")
        shown = json.dumps(_show(data, shorten), ensure_ascii=False, indent=2)
        text = "```sh\n" + _curl(method, path, payload, form) + "\n```\n\n```http\n" + "\n".join(lines)
        return response, Example(text + "\n\n" + shown + "\n```\n")


def _one_finding(data: dict) -> dict:
    return {**data, "report": {**data["report"], "findings": data["report"]["findings"][:1]} if data["report"]
            else None}


def _nonzero(counts: dict) -> dict:
    return {**{rule: n for rule, n in counts.items() if n}, "…": "every other rule: 0"}


def _summary(data: dict) -> dict:
    """A long draft answer, cut for the page: the findings but one, the stats and the rules counted 0 are elided
    (as ``…``)."""
    data = _one_finding(data)
    if data.get("report"):
        data["report"] = {**data["report"], "counts": _nonzero(data["report"]["counts"]), "stats": "…"}
        data["report"]["findings"] = [*data["report"]["findings"], "…"]
    return data


def scenario() -> dict[str, Example]:
    """Every example of ``docs/api.md``, in the order a CMS would meet them. Needs an empty database."""
    from editorial.api.services import api_client_create

    cache.clear()
    _client, key = api_client_create(name="Al-Sabah CMS", webhook_url="https://cms.example.com/hooks/editorial",
                                      webhook_secret="example-secret")
    run = Run(key)
    ex: dict[str, Example] = {}

    created, ex["submit"] = run.call("POST", "/drafts/", DRAFT, shorten=_summary, headers=True)
    draft = created.json()
    finding = draft["report"]["findings"][0]
    ex["finding"] = Example("```json\n" + json.dumps(finding, ensure_ascii=False, indent=2) + "\n```\n")
    _again, ex["resubmit"] = run.call("POST", "/drafts/", DRAFT, shorten=lambda d: {
        k: d[k] for k in ("id", "status", "revision", "created", "revision_created")})
    _stale, ex["revision_conflict"] = run.call("PATCH", f"/drafts/{draft['id']}/", {
        "body": BODY.replace("400", "450"), "base_revision": 0})
    _refused, ex["unknown_field"] = run.call("POST", "/drafts/", {**DRAFT, "status": "published", "titel": TITLE})

    for i, word in enumerate(("الثاني", "الثالث"), start=2):
        run.http.post("/api/v1/drafts/", {**DRAFT, "external_id": f"cms-2026-118{6 + i}",
                                          "body": BODY.replace("الجديد", f"الجديد {word}")}, format="json")
    first, ex["list"] = run.call("GET", "/drafts/?page_size=2")
    _second, ex["list_next"] = run.call("GET", first.json()["next"].split("/api/v1", 1)[1])

    _moved, ex["submit_transition"] = run.call(
        "POST", f"/drafts/{draft['id']}/transitions/", {"action": "submit", "comment": "جاهز للمراجعة"},
        shorten=lambda d: {k: d[k] for k in ("id", "status", "revision", "actions", "history")})
    _no, ex["publish_refused"] = run.call("POST", f"/drafts/{draft['id']}/transitions/", {"action": "publish"})
    _d, ex["dismiss"] = run.call("POST", f"/drafts/{draft['id']}/findings/{finding['id']}/dismiss/",
                                 {"kind": "intentional", "reason": "العبارة مقصودة في الاقتباس"})
    delivery = WebhookDelivery.objects.filter(event="draft.status_changed").order_by("pk").first()
    # as sent: keys sorted (webhooks.encode), here with the spaces and line breaks a person needs
    ex["webhook"] = Example("```json\n" + json.dumps(json.loads(webhooks.encode(delivery.payload)),
                                                      ensure_ascii=False, indent=2) + "\n```\n")

    _c, ex["check"] = run.call("POST", "/check/", {"title": "عنوان الخبر", "body": "<p>النص [اسم المصدر] هنا.</p>",
                                                   "body_format": "html"},
                           shorten=lambda d: {**d, "counts": _nonzero(d["counts"])})
    _lt, ex["languagetool"] = run.call("POST", "/languagetool/v2/check", form={
        "language": "ar", "disabledCategories": "CONSISTENCY",
        "text": "عنوان الخبر\n\nالنص [تاريخ اليوم – يرجى إضافته] هنا."})
    return ex


def render(document: str, examples: dict[str, Example]) -> str:
    """The document with every marked example replaced; a marker without an example (or the reverse) is an
    error, so the document and the scenario cannot drift apart silently."""
    names = [m.group(2) for m in MARKER.finditer(document)]
    missing, unused = set(names) - set(examples), set(examples) - set(names)
    if missing or unused:
        raise ValueError(f"docs markers without an example: {sorted(missing)}; examples without a marker: "
                         f"{sorted(unused)}")
    return MARKER.sub(lambda m: m.group(1) + examples[m.group(2)].text + m.group(4), document)


_VOLATILE = [
    (re.compile(r'"(id|check_run|event_id|delivery_id)": ("[^"]*"|\d+)'), r'"\1": <id>'),
    (re.compile(r'"(created_at|updated_at|checked_at)": "[^"]*"'), r'"\1": <time>'),
    (re.compile(r"\b(drafts|findings)/\d+/"), r"\1/<id>/"),
    (re.compile(r"cursor=[A-Za-z0-9%_=-]+"), "cursor=<cursor>"),
    (re.compile(r"(RateLimit-Reset|Retry-After): \d+"), r"\1: <seconds>"),
]


def masked(text: str) -> str:
    """``text`` with what differs between two honest runs replaced by a stand-in (see the module's docstring)."""
    for pattern, stand_in in _VOLATILE:
        text = pattern.sub(stand_in, text)
    return text
