"""The desk's review buttons are the workflow's answer: the available-actions table (tests/workflow_table.py), row
by row, as a person sees it on the draft page."""

from __future__ import annotations

import re

import pytest
from workflow_table import DESK_ROWS, arrange, parse

pytestmark = pytest.mark.django_db


def _buttons(html: str) -> dict[str, set[str]]:
    """Each review form on the page: its action and what it says (comment required, blocked, override reason)."""
    out = {}
    for m in re.finditer(r'<form[^>]*class="action-form action-(\w+)"(.*?)</form>', html, re.DOTALL):
        action, body = m.group(1), m.group(2)
        flags = set()
        if re.search(rf'id="comment-{action}"[^>]*required', body):
            flags.add("comment")
        if 'class="gate"' in body:
            flags.add("blocked")
        if f'id="override-{action}"' in body:
            flags.add("override")
        out[action] = flags
    return out


@pytest.mark.parametrize(("status", "persona", "findings", "expected"), DESK_ROWS,
                         ids=["-".join(r[:3]) for r in DESK_ROWS])
def test_the_desk_offers_what_the_table_says(status, persona, findings, expected, workflow_personas, client,
                                             writer, reviewer):
    draft = arrange(status, findings, owner={"user": writer}, reviewer=reviewer)
    client.force_login(workflow_personas[persona])
    html = client.get(f"/drafts/{draft.pk}/").content.decode()
    assert _buttons(html) == parse(expected)
