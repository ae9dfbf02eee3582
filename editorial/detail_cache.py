"""The API's detail of a draft, kept rendered in the shared cache and forgotten by every write that changes it.

``GET /api/v1/drafts/{id}/`` is the API's most frequent request and its answer changes only when a service
function writes the draft, its revisions, checks, findings, dismissals or history. The rendered answer (its JSON
bytes and their ETag) is cached per draft and language, tagged with two generation tokens read in the same round
trip:

- the draft's own token (``draftgen:<id>``), replaced by every write that changes what the detail shows, at
  once and again after its commit (``changed``, called by the service functions and the archive index);
- a global token (``draftgen:*``), replaced when an API client or a user is saved (a client's name or a user's
  name appears in dismissals and history: ``apps.ready``).

A reader takes the tokens *before* reading the database and stores what it read under them; a write replaces a
token (again) *after* its commit. So an answer read before a write is stored under a token the write has already
replaced (or will replace), and no reader ever takes it: a stale answer cannot be served, whatever the
interleaving. A token that is missing (never made, evicted) is made with ``add`` by a reader about to store
what it read; if a write made it in the meantime, ``add`` fails and that reader stores nothing. Entries expire after ``TTL`` anyway, which bounds what a write outside the
services (a raw SQL fix, a database restored from a backup) could leave behind.

Only a cache every process shares can hold it: with a per-process memory cache, a write in one process (a
gunicorn worker, the ``db_worker`` indexing the archive) could not reach the copies the others hold, so the
detail is then read from the database every time (``enabled``; ``API_DETAIL_CACHE = True`` or ``False`` in the
settings decides otherwise, as the tests do: one process).

The cache is an optimisation, never a gate: when it does not answer, the detail is read from the database and
nothing is stored (``_safely``). A write whose token could not be replaced (the cache down at that moment, up
again for the next reader) is the one case left to ``TTL``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

from .cachesafe import safely as _safely

TTL = 600  # seconds an answer is kept at most
TOKEN_TTL = 86_400
SHAPE = 1  # bump when the detail's JSON changes shape (a deploy must not serve the old one for TTL seconds)
GLOBAL = "draftgen:*"


def _cache():
    return caches["default"]


def enabled() -> bool:
    """``API_DETAIL_CACHE`` when set, else whether the cache is one every process shares (Redis, the database)."""
    chosen = settings.API_DETAIL_CACHE
    if chosen is not None:
        return bool(chosen)
    return not isinstance(_cache(), (LocMemCache, DummyCache))


def _token_key(draft_id: int) -> str:
    return f"draftgen:{draft_id}"


def _entry_key(draft_id: int, language: str) -> str:
    return f"draftapi:{SHAPE}:{draft_id}:{language}"


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


@dataclass(frozen=True)
class Entry:
    client_id: int
    etag: str
    body: bytes


@dataclass
class Lookup:
    """What the cache held for one draft: the answer (``entry``, None on a miss) and the tokens a reader that
    goes to the database stores its answer under (a missing one is made then); ``answered``: False when the
    cache did not answer (store nothing)."""

    draft_id: int
    language: str
    entry: Entry | None = None
    tokens: tuple[str | None, str | None] = (None, None)
    answered: bool = False


def _token(cache, key: str, held: str | None) -> str | None:
    if held is not None:
        return held
    made = secrets.token_hex(8)
    return made if cache.add(key, made, TOKEN_TTL) else None


def keys(draft_id: int, language: str) -> tuple[str, str, str]:
    """What ``lookup`` reads: a caller may read them sooner, in a round trip it makes anyway (the API key's)."""
    return GLOBAL, _token_key(draft_id), _entry_key(draft_id, language)


def lookup(draft_id: int, language: str, held: dict | None = None) -> Lookup:
    """One round trip: both tokens and the entry (none when the caller read ``keys`` already: ``held``). A hit
    is an entry stored under the current tokens."""
    found = Lookup(draft_id, language)
    if not enabled():
        return found
    cache = _cache()
    token_key, entry_key = _token_key(draft_id), _entry_key(draft_id, language)
    if held is None:
        held = _safely(cache.get_many, [GLOBAL, token_key, entry_key])
    if held is None:
        return found
    stored = held.get(entry_key)
    found.tokens = (held.get(GLOBAL), held.get(token_key))
    found.answered = True
    if stored is not None and None not in found.tokens and tuple(stored[:2]) == found.tokens:
        found.entry = Entry(*stored[2:])
    return found


def store(found: Lookup, client_id: int, body: bytes, etag: str) -> None:
    """Keep an answer read from the database after ``found`` was looked up, under the tokens it took then. A
    token that was missing is made now, with ``add``: if a write made one meanwhile, ``add`` fails and nothing is
    stored (made only here, so reading drafts that do not exist leaves no tokens behind)."""
    if not found.answered:
        return
    cache = _cache()
    tokens = (_safely(_token, cache, GLOBAL, found.tokens[0]),
              _safely(_token, cache, _token_key(found.draft_id), found.tokens[1]))
    if None not in tokens:
        _safely(cache.set, _entry_key(found.draft_id, found.language), (*tokens, client_id, etag, body), TTL)


def _replace(keys: list[str]) -> None:
    _safely(_cache().set_many, {k: secrets.token_hex(8) for k in keys}, TOKEN_TTL)


def changed(*draft_ids: int) -> None:
    """The detail of these drafts changes with the current write: their tokens are replaced now and again once
    it commits (a reader in between read the old rows and stored them under the first replacement)."""
    keys = [_token_key(pk) for pk in draft_ids if pk is not None]
    if keys and enabled():
        _replace(keys)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: _replace(keys))


def everything_changed(sender=None, instance=None, update_fields=None, **kwargs) -> None:
    """A client or a user was saved: names shown in dismissals and history may have changed. A sign-in (which
    saves only ``last_login``) changes nothing shown."""
    if (update_fields is not None and set(update_fields) <= {"last_login"}) or not enabled():
        return
    _replace([GLOBAL])
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _replace([GLOBAL]))
