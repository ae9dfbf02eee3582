"""API keys and rate limits through the shared cache: one round trip per request once a worker knows the key.

The cache holds each key's row (with its client) under ``apikey:<hash>`` and one counter per client and rate
window under ``rate:<client>:<seconds>:<window>``, so every worker counts against the same limit. A key never
changes client, so a worker remembers which client a key belongs to and, in one step, reads the key's row and
bumps that client's counter: on Redis in one pipelined round trip, on the other caches in two calls. A key's row
leaves the cache when the key or its client is saved (revoked, deactivated, rate changed; see ``apps.ready``) and
expires after ``KEY_TTL`` anyway. Limits count in fixed windows (a burst may straddle two).

The cache is an optimisation and a counter, never a gate: when it does not answer, keys are read from the database
and requests are let through uncounted (logged; ``/healthz`` reports the cache as failing).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from rest_framework.settings import api_settings

from editorial.cachesafe import safely as _safely
from editorial.models import ApiClient, ApiKey

KEY_TTL = 300
SCOPE = "api_client"
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_MEMO_MAX = 10_000
_client_of: dict[str, tuple[int, int]] = {}  # key hash -> (client id, window seconds) last used by this worker


@dataclass(frozen=True)
class Count:
    """Requests counted so far in this window for one client, against its limit."""

    used: int
    limit: int
    seconds: int
    window_end: float

    @property
    def allowed(self) -> bool:
        return self.used <= self.limit

    def wait(self) -> float:
        return max(1.0, self.window_end - time.time())


def parse_rate(rate: str) -> tuple[int, int]:
    """``"600/min"`` -> ``(600, 60)``; raises ValueError on anything else."""
    num, _, period = (rate or "").partition("/")
    if not period or period[0] not in _PERIODS or int(num) < 0:
        raise ValueError(rate)
    return int(num), _PERIODS[period[0]]


def rate_for(client: ApiClient | None) -> tuple[int, int]:
    """The client's own rate, or the ``api_client`` scope default (a mistyped client rate falls back)."""
    if client is not None and client.throttle_rate:
        try:
            return parse_rate(client.throttle_rate)
        except ValueError:
            pass
    return parse_rate(api_settings.DEFAULT_THROTTLE_RATES[SCOPE])


def key_name(key_hash: str) -> str:
    return f"apikey:{key_hash}"


def _window(ident: str, seconds: int, now: float) -> tuple[str, float]:
    n = int(now // seconds)
    return f"rate:{ident}:{seconds}:{n}", (n + 1) * seconds


def _cache():
    return caches["default"]


def _redis_pipeline(cache):
    return cache._cache.get_client(write=True).pipeline(transaction=False)


def _get_and_count(name: str | None, window: str, seconds: int, also: tuple = ()):
    """The cached value under ``name`` (None when absent or not asked), the counter after one more request, and
    the values under the ``also`` keys (absent keys left out) on Redis, in the same round trip (None elsewhere:
    the caller reads them itself)."""
    cache = _cache()
    if isinstance(cache, RedisCache):
        w = cache.make_and_validate_key(window)
        pipe = _redis_pipeline(cache)
        if name is not None:
            pipe.get(cache.make_and_validate_key(name))
        if also:
            pipe.mget([cache.make_and_validate_key(k) for k in also])
        pipe.incr(w)
        pipe.expire(w, seconds + 1)
        out = pipe.execute()
        loads = cache._cache._serializer.loads
        value = None
        if name is not None and out[0] is not None:
            value = loads(out[0])
        fetched = None
        if also:
            fetched = {k: loads(v) for k, v in zip(also, out[-3], strict=True) if v is not None}
        return value, int(out[-2]), fetched
    value = cache.get(name) if name is not None else None
    if cache.add(window, 1, seconds + 1):
        return value, 1, None
    try:
        return value, cache.incr(window), None
    except ValueError:  # expired between add and incr
        cache.set(window, 1, seconds + 1)
        return value, 1, None


def count(ident: str, client: ApiClient | None, rate: str | None = None) -> Count:
    """One more request for ``ident`` (a browser session's user, say) against ``rate``, else ``client``'s rate or
    the default."""
    limit, seconds = parse_rate(rate) if rate else rate_for(client)
    window, end = _window(ident, seconds, time.time())
    _value, used, _also = _safely(_get_and_count, None, window, seconds, default=(None, 0, None))
    return Count(used, limit, seconds, end)


def resolve(key_hash: str, also: tuple = ()) -> tuple[ApiKey | None, Count | None, dict | None]:
    """The key with this hash (its client loaded), its client's request count, counting this request, and the
    cache's values under the ``also`` keys when they could be read in the same round trip (else None)."""
    now = time.time()
    known = _client_of.get(key_hash)
    used = fetched = None
    if known is not None:
        window, end = _window(f"client-{known[0]}", known[1], now)
        key, used, fetched = _safely(_get_and_count, key_name(key_hash), window, known[1], also,
                                     default=(None, None, None))
    else:
        key = _safely(_cache().get, key_name(key_hash))
    if key is None:
        key = ApiKey.objects.select_related("client").filter(key_hash=key_hash).first()
        if key is None:
            return None, None, None
        remember(key)
    if key.revoked_at is not None or not key.client.is_active:
        return key, None, None
    limit, seconds = rate_for(key.client)
    if used is None or known[1] != seconds:
        window, end = _window(f"client-{key.client_id}", seconds, now)
        _value, used, _also = _safely(_get_and_count, None, window, seconds, default=(None, 0, None))
    if len(_client_of) >= _MEMO_MAX:
        _client_of.clear()
    _client_of[key_hash] = (key.client_id, seconds)
    return key, Count(used, limit, seconds, end), fetched


def remember(key: ApiKey) -> None:
    _safely(_cache().set, key_name(key.key_hash), key, KEY_TTL)


def forget(key_hashes) -> None:
    _safely(_cache().delete_many, [key_name(h) for h in key_hashes])


def forget_key(sender, instance: ApiKey, **kwargs) -> None:
    forget([instance.key_hash])


def forget_client(sender, instance: ApiClient, **kwargs) -> None:
    forget(ApiKey.objects.filter(client_id=instance.pk).values_list("key_hash", flat=True))
