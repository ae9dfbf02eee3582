"""The engine's shapes: what checks see (``Document``) and report (``Hit``), and what the engine returns (rules,
findings and reports; see DESIGN.md).

Plain dataclasses with ``as_dict()`` so the CLI, the API and the models share one shape.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .arabic import TextView
from .config import CheckConfig

SEVERITIES = ("error", "warning", "info")
FIELDS = ("title", "body")


@dataclass(frozen=True)
class Param:
    """A tunable number of one rule: its name, type, default and bounds, declared beside the rule.

    The admin builds a typed field from it and validates with ``parse``; the engine reads the value through
    ``Rule.param``, which falls back to the default on anything ``parse`` would refuse (the engine never raises).
    """

    name: str
    type: type  # int or float
    default: int | float
    minimum: int | float
    maximum: int | float
    description: str = ""

    def parse(self, value: Any) -> int | float:
        """The value as this parameter's type, or ``ValueError`` saying why not (bools and text refused)."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"{self.name}: a number is required")
        if self.type is int and value != int(value):
            raise ValueError(f"{self.name}: a whole number is required")
        value = self.type(value)
        if not self.minimum <= value <= self.maximum:
            raise ValueError(f"{self.name}: must be between {self.minimum} and {self.maximum}")
        return value


@dataclass(frozen=True)
class Rule:
    """A stable, documented rule id. Ids are stored with findings: never rename or reuse one.

    ``params``: the rule's tunable parameters (none for most rules); the values come from ``CheckConfig.params``.
    """

    id: str
    severity: str
    message_ar: str
    message_en: str
    description: str = ""
    params: tuple[Param, ...] = ()

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def param(self, config: CheckConfig, name: str) -> Any:
        """This rule's parameter ``name`` as configured, or its declared default when unset or invalid."""
        declared = next(p for p in self.params if p.name == name)
        value = config.params.get(self.id, {}).get(name, declared.default)
        try:
            return declared.parse(value)
        except ValueError:
            return declared.default

    def parse_params(self, values: dict[str, Any]) -> dict[str, Any]:
        """``values`` checked against the declarations: unknown names and invalid values raise ``ValueError``."""
        if not isinstance(values, dict):
            raise ValueError("parameters must be a mapping of names to numbers")  # noqa: TRY004 (as above)
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise ValueError(f"{self.id} has no parameter {', '.join(unknown)}")
        return {name: declared[name].parse(v) for name, v in values.items()}


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
