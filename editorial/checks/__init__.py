"""The check engine: pure Python, no Django, no I/O; ``check_draft`` never raises on text."""

from .config import DEFAULT_CONFIG, CheckConfig
from .engine import ENGINE_VERSION, Document, Hit, all_rules, check_draft, fingerprint
from .types import Finding, Report, Rule, Span

__all__ = [
    "DEFAULT_CONFIG",
    "ENGINE_VERSION",
    "CheckConfig",
    "Document",
    "Finding",
    "Hit",
    "Report",
    "Rule",
    "Span",
    "all_rules",
    "check_draft",
    "fingerprint",
]
