"""The one way the app calls a shared cache that may be down: the failure is logged and the caller goes on."""

from __future__ import annotations

import logging

log = logging.getLogger("editorial.cache")


def safely(fn, *args, default=None):
    """``fn(*args)``, or ``default`` when any cache backend fails (connection, timeout, database)."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 (any cache backend's failure)
        log.warning("cache unavailable (%s: %s); going on without it", exc.__class__.__name__, exc)
        return default
