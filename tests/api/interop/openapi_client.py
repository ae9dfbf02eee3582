"""Run by tests/api/test_real_clients.py in a child process: the client ``openapi-python-client`` generated from
our schema a moment ago (package ``editorial_api_client`` in the folder given), driving the live server as a CMS
would. Reads ``{"package_dir", "base_url", "key", "title", "body"}`` as JSON on stdin; prints what it saw.

Every answer is parsed by the generated models (``raise_on_unexpected_status``: a status the schema does not
document raises), so a shape that differs from the schema fails here."""

import guard  # noqa: F401, I001 (first: loopback only, no processes)

import json
import sys
from urllib.parse import parse_qs, urlsplit

job = json.load(sys.stdin)
sys.path.insert(0, job["package_dir"])

from editorial_api_client import AuthenticatedClient
from editorial_api_client.api.check import check
from editorial_api_client.api.drafts import (
    drafts_list,
    drafts_read,
    drafts_submit,
    drafts_transition,
    findings_dismiss,
)
from editorial_api_client.models import (
    ActionEnum,
    CheckInputRequest,
    DismissInputRequest,
    Draft,
    DraftInputRequest,
    DraftWriteResult,
    KindEnum,
    TransitionInputRequest,
)

api = AuthenticatedClient(base_url=job["base_url"], token=job["key"], raise_on_unexpected_status=True)
out = {}

created = drafts_submit.sync_detailed(client=api, body=DraftInputRequest(
    external_id="cms-oas-1", title=job["title"], body=job["body"], desk="محليات"))
assert isinstance(created.parsed, DraftWriteResult), created.content
draft = created.parsed
out["created"] = {"status_code": int(created.status_code), "location": created.headers.get("location"),
                  "id": draft.id, "status": draft.status.value, "created": draft.created}
for i in range(2, 5):  # more drafts, to page through
    drafts_submit.sync(client=api, body=DraftInputRequest(external_id=f"cms-oas-{i}", title=job["title"],
                                                          body=f"{job['body']} ({i})"))

read = drafts_read.sync(draft.id, client=api)
assert isinstance(read, Draft)
out["findings"] = sorted(f.rule for f in read.report.findings)
error = next(f for f in read.report.findings if f.severity.value == "error")
dismissed = findings_dismiss.sync(draft.id, error.id, client=api,
                                  body=DismissInputRequest(kind=KindEnum("intentional"), reason="العبارة مقصودة في النص"))
out["dismissed"] = {"rule": dismissed.rule, "dismissed": dismissed.dismissed,
                    "clears_gate": dismissed.dismissal.clears_gate}

ids, cursor = [], None
while True:
    page = drafts_list.sync(client=api, page_size=3, **({"cursor": cursor} if cursor else {}))
    ids += [d.id for d in page.results]
    if not page.next_:
        break
    cursor = parse_qs(urlsplit(page.next_).query)["cursor"][0]
out["listed"] = ids

moved = drafts_transition.sync(draft.id, client=api, body=TransitionInputRequest(action=ActionEnum("submit"), comment="جاهز"))
assert isinstance(moved, Draft), moved
out["after_submit"] = moved.status.value
refused = drafts_transition.sync_detailed(draft.id, client=api, body=TransitionInputRequest(action=ActionEnum("publish")))
# the 409 answer parsed by the schema's error model for that status (whatever the schema names it)
assert not isinstance(refused.parsed, Draft) and hasattr(refused.parsed, "to_dict"), refused.content
out["publish"] = {"status_code": int(refused.status_code), "code": refused.parsed.code,
                  "status": refused.parsed.to_dict().get("status")}

report = check.sync(client=api, body=CheckInputRequest(title=job["title"], body=job["body"]))
out["check"] = sorted(f.rule for f in report.findings)
json.dump(out, sys.stdout, ensure_ascii=False)
