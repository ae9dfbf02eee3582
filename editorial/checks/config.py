"""Configuration passed into the engine; the engine never reads settings itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CheckConfig:
    """What the app (settings + admin rule settings) tells the engine.

    ``disabled``: rule ids (or whole families, e.g. ``"style"``) that do not run.
    ``severity``: per-rule severity overrides.
    ``params``: per-rule tuning, e.g. ``{"repetition.repeated_term": {"min_count": 4}}``.
    ``extra_placeholders``: extra literal phrases that are placeholders (matched after normalisation).
    ``stop_phrases``: phrases never reported as overused.
    ``allowed_repeats``: words/phrases that may repeat freely (house names, slogans).
    """

    disabled: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_placeholders: tuple[str, ...] = ()
    stop_phrases: tuple[str, ...] = ()
    allowed_repeats: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled and rule_id.split(".", 1)[0] not in self.disabled

    def param(self, rule_id: str, name: str, default: Any) -> Any:
        return self.params.get(rule_id, {}).get(name, default)


DEFAULT_CONFIG = CheckConfig()
