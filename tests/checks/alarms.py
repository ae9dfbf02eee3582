"""The one helper the title-against-body case files share: a draft's consistency alarms (error or warning)."""

from __future__ import annotations

from editorial.checks import check_draft


def title_alarms(title: str, body: str) -> list[tuple[str, str]]:
    """(rule, flagged text) of every consistency error or warning; the report must carry no engine error."""
    report = check_draft(title, body)
    assert not report.errors
    return [(f.rule, f.text) for f in report.findings if f.check == "consistency" and f.severity != "info"]
