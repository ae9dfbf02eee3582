"""The check engine: pure Python, no Django, no I/O; ``check_draft`` never raises on text."""

from .config import DEFAULT_CONFIG, CheckConfig
from .engine import ENGINE_VERSION, check_draft, fingerprint
from .registry import FAMILIES, all_rules
from .types import Document, Finding, Hit, Param, Report, Rule, Span

__all__ = [
    "DEFAULT_CONFIG",
    "ENGINE_VERSION",
    "FAMILIES",
    "CheckConfig",
    "Document",
    "Finding",
    "Hit",
    "Param",
    "Report",
    "Rule",
    "Span",
    "all_rules",
    "check_draft",
    "fingerprint",
]
