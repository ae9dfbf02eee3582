"""The check families, listed once: adding a family means adding it here (no filesystem scanning).

Each family is a module with ``RULES`` (its ``Rule`` declarations, parameters included) and ``run(doc, config)``.
"""

from __future__ import annotations

from . import consistency, placeholder, repetition
from .types import CheckModule, Rule

FAMILIES: tuple[CheckModule, ...] = (placeholder, repetition, consistency)


def all_rules() -> dict[str, Rule]:
    """Every rule of every family, by id."""
    return {r.id: r for m in FAMILIES for r in m.RULES}
