"""The engine's shapes: what checks see (``Document``) and report (``Hit``), and what the engine returns (rules,
findings and reports; see DESIGN.md).

Plain dataclasses with ``as_dict()`` so the CLI, the API and the models share one shape. ``Finding`` and ``Span``
are the declaration of that shape: ``FINDING_FIELDS`` and ``SPAN_FIELDS`` are read from them, and the model
(``models.Finding.from_engine``/``as_dict``), the API serializers and the desk's view of a finding derive from
those tuples (``tests/test_finding_declared_once.py`` fails when any face lacks a field).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

from .arabic import TextView
from .config import CheckConfig

SEVERITIES = ("error", "warning", "info")
FIELDS = ("title", "body")


class PartialFailure(Exception):
    """Raised by a family whose parts run separately when some of them failed: ``hits`` are the findings of the
    parts that ran, ``errors`` say which failed. The engine keeps the hits and reports the errors, so one
    failing check does not take its whole family's findings with it."""

    def __init__(self, hits: list, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.hits = hits
        self.errors = errors


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


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Code point offset -> UTF-16 offset (JavaScript's string index) in ``text``: the identity unless the text has
    characters beyond the BMP (emoji), which count twice."""
    # An astral character is the one that takes two UTF-16 units: the encoded length tells in one C pass (max()
    # would compare one-character strings, a hundred times slower on an 800-word article).
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return lambda i: i
    astral = [i for i, c in enumerate(text) if c > "\uffff"]
    return lambda i: i + bisect_left(astral, i)


@dataclass(frozen=True)
class Span:
    """A related passage of a finding. Its UTF-16 offsets are filled in by ``Report`` from the checked text."""

    field: str
    start: int
    end: int
    text: str
    start_utf16: int | None = None
    end_utf16: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SPAN_FIELDS}


SPAN_FIELDS = tuple(f.name for f in fields(Span))


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
        out = {name: getattr(self, name) for name in FINDING_FIELDS}
        out["related"] = [r.as_dict() for r in self.related]
        return out


FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass
class Report:
    title: str
    body: str
    findings: list[Finding]
    counts: dict[str, int]
    stats: dict[str, Any]
    engine_version: str
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Every related span gets its UTF-16 offsets too, from the text it points into, as the findings have."""
        to16: dict[str, Callable[[int], int]] = {}
        for f in self.findings:
            if any(r.start_utf16 is None for r in f.related):
                for name in FIELDS:
                    if name not in to16:  # once per field: setdefault would scan the text for every finding
                        to16[name] = utf16_offsets(getattr(self, name))
                f.related = [replace(r, start_utf16=to16[r.field](r.start), end_utf16=to16[r.field](r.end))
                             if r.start_utf16 is None else r for r in f.related]

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
