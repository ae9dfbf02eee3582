"""What the title/body tests read of a report: the consistency findings that alarm (error or warning)."""

from __future__ import annotations

from editorial.checks import check_draft


def consistency_alarms(title: str, body: str) -> list[tuple[str, str]]:
    """(rule, flagged text) of every consistency finding above ``info``; the engine must report no error."""
    report = check_draft(title, body)
    assert not report.errors
    return [(f.rule, f.text) for f in report.findings if f.check == "consistency" and f.severity != "info"]
