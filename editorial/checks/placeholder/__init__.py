"""placeholder checks (to be written)."""

from __future__ import annotations

from collections.abc import Iterable

from .config import CheckConfig
from .engine import Document, Hit
from .types import Rule

RULES: tuple[Rule, ...] = ()


def run(doc: Document, config: CheckConfig) -> Iterable[Hit]:
    return ()
