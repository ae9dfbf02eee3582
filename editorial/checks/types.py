"""The engine's shapes: what checks see (``Document``) and report (``Hit``), and what the engine returns (rules,
findings and reports; see DESIGN.md).

Plain dataclasses with ``as_dict()`` so the CLI, the API and the models share one shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .arabic import TextView
from .config import CheckConfig

SEVERITIES = ("error", "warning", "info")
FIELDS = ("title", "body")


@dataclass(frozen=True)
class Rule:
    """A stable, documented rule id. Ids are stored with findings: never rename or reuse one."""

    id: str
    severity: str
    message_ar: str
    message_en: str
    description: str = ""

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Span:
    field: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Finding:
    check: str
    rule: str
    severity: str
    field: str
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    text: str
    message: str
    message_en: str
    related: list[Span] = field(default_factory=list)
    suggestion: str | None = None
    fingerprint: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "rule": self.rule,
            "severity": self.severity,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "start_utf16": self.start_utf16,
            "end_utf16": self.end_utf16,
            "text": self.text,
            "message": self.message,
            "message_en": self.message_en,
            "related": [r.as_dict() for r in self.related],
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }


@dataclass
class Report:
    title: str
    body: str
    findings: list[Finding]
    counts: dict[str, int]
    stats: dict[str, Any]
    engine_version: str
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "body": self.body,
            "findings": [f.as_dict() for f in self.findings],
            "counts": dict(self.counts),
            "stats": dict(self.stats),
            "engine_version": self.engine_version,
            "errors": list(self.errors),
        }


@dataclass
class Hit:
    """What a check reports; offsets are code points into the field's original text."""

    rule: str
    field: str
    start: int
    end: int
    related: list[tuple[str, int, int]] = field(default_factory=list)
    args: dict[str, Any] = field(default_factory=dict)  # message template arguments
    suggestion: str | None = None
    context: str = ""  # extra fingerprint material (e.g. the conflicting body value)


class Document:
    """The draft as the checks see it."""

    def __init__(self, title: str, body: str) -> None:
        self.title = TextView("title", title)
        self.body = TextView("body", body)

    def field(self, name: str) -> TextView:
        return self.title if name == "title" else self.body


class CheckModule(Protocol):
    RULES: tuple[Rule, ...]

    def run(self, doc: Document, config: CheckConfig) -> Iterable[Hit]: ...
