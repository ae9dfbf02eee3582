"""Time budgets that stay meaningful on a busy machine (parallel test workers, CI neighbours)."""

from __future__ import annotations

import os


def budget_ms(base: float) -> float:
    """``base`` on an idle machine, stretched by how far the load average exceeds the CPU count."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # not available on this platform
        return base
    return base * max(1.0, load / (os.cpu_count() or 1))
