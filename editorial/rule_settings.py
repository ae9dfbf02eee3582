"""The newsroom's rule settings turned into the engine's ``CheckConfig`` (whose shape is ``checks/config.py``).

Sources, later ones winning: ``settings.EDITORIAL_CHECKS``, the admin's ``RuleSetting`` rows (on/off, severity,
the parameters each rule declares) and the one ``NewsroomPhrases`` row (phrase lists every check shares).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from editorial.checks import CheckConfig, Rule, all_rules

log = logging.getLogger(__name__)


def _split_lines(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").splitlines() if x.strip())


CACHE_TTL = 60


def _cache_name() -> str:
    base = settings.EDITORIAL_CHECKS
    digest = hashlib.sha256(repr(sorted((k, tuple(v)) for k, v in base.items())).encode()).hexdigest()[:16]
    return f"checkconfig:{digest}"


def cache_key() -> str:
    """Where the configuration is kept in the shared cache: a request may read it in a round trip it makes anyway
    (the API key's, ``keycache``) and hand it over with ``held``."""
    return _cache_name()


_held: ContextVar[CheckConfig | None] = ContextVar("held_check_config", default=None)


@contextmanager
def held(fetched: dict | None) -> Iterator[None]:
    """Inside this block ``current_config`` answers with the configuration found under ``cache_key()`` in
    ``fetched`` (values the request already read from the shared cache), instead of reading it again; without it
    (not fetched, not cached), as usual."""
    config = (fetched or {}).get(_cache_name())
    if not isinstance(config, CheckConfig):
        yield
        return
    token = _held.set(config)
    try:
        yield
    finally:
        _held.reset(token)


def current_config() -> CheckConfig:
    """The configuration every check uses, from the shared cache (``forget`` drops it when a rule setting changes),
    or the one this request read from it already (``held``)."""
    config = _held.get()
    if config is not None:
        return config
    try:
        config = cache.get(_cache_name())
    except Exception as exc:  # noqa: BLE001 (the cache is an optimisation: any backend failure is survivable)
        log.warning("cache unavailable (%s); rule settings read from the database", exc.__class__.__name__)
        return build_config()
    if config is None:
        config = build_config()
        _quietly(lambda: cache.set(_cache_name(), config, CACHE_TTL))
    return config


def _quietly(fn) -> None:
    try:
        fn()
    except Exception as exc:  # noqa: BLE001
        log.warning("cache unavailable (%s)", exc.__class__.__name__)


def forget(*_args) -> None:
    _quietly(lambda: cache.delete(_cache_name()))


def _valid_params(rule: Rule, values: dict) -> dict:
    """The values the rule declares, each valid; a row written around ``RuleSetting.clean`` loses the rest."""
    declared = {p.name: p for p in rule.params}
    kept = {}
    for name, value in (values.items() if isinstance(values, dict) else ()):
        try:
            kept[name] = declared[name].parse(value)
        except (KeyError, ValueError):
            log.warning("rule setting %s: parameter %s=%r ignored", rule.id, name, value)
    return kept


def build_config() -> CheckConfig:
    """Settings defaults, overridden by ``RuleSetting`` rows when the database has them.

    Works without a migrated database (the command line must run anywhere): any database error falls back
    to the built-in defaults.
    """
    base = settings.EDITORIAL_CHECKS
    disabled = set(base.get("disabled", ()))
    severity: dict[str, str] = {}
    params: dict[str, dict] = {}
    extra: list[str] = list(base.get("extra_placeholders", ()))
    stops: list[str] = list(base.get("stop_phrases", ()))
    allowed: list[str] = list(base.get("allowed_repeats", ()))
    try:
        from editorial.models import NewsroomPhrases, RuleSetting

        rules = all_rules()
        for rs in RuleSetting.objects.all():
            if not rs.enabled:
                disabled.add(rs.rule)
            if rs.severity:
                severity[rs.rule] = rs.severity
            if rs.params and rs.rule in rules:
                params[rs.rule] = _valid_params(rules[rs.rule], rs.params)
        phrases = NewsroomPhrases.current()
        extra += _split_lines(phrases.extra_placeholders)
        stops += _split_lines(phrases.stop_phrases)
        allowed += _split_lines(phrases.allowed_repeats)
    except (DatabaseError, ImportError) as exc:
        log.debug("rule settings unavailable, using defaults: %s", exc)
    return CheckConfig(
        disabled=frozenset(disabled),
        severity=severity,
        params=params,
        extra_placeholders=tuple(extra),
        stop_phrases=tuple(stops),
        allowed_repeats=tuple(allowed),
    )
