"""Writes the API adds on top of ``editorial.services``: clients and keys, and a draft upsert by external id."""

from __future__ import annotations

import hashlib
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial import detail_cache, services
from editorial.checks.text import normalise_body
from editorial.limits import check_size
from editorial.models import ApiClient, ApiKey, Draft
from editorial.sanitize import MarkupRefused, sanitize_html, sanitize_markdown

KEY_PREFIX = "edk_"


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def api_key_create(*, client: ApiClient, label: str = "") -> tuple[ApiKey, str]:
    """A new random key for ``client``; only its SHA-256 is stored, so the raw key is returned once."""
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey.objects.create(client=client, label=label[:100], prefix=raw[:12], key_hash=hash_key(raw))
    return key, raw


def api_key_revoke(*, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def api_client_create(*, name: str, webhook_url: str = "", webhook_secret: str = "",
                      throttle_rate: str = "") -> tuple[ApiClient, str]:
    """Create a client with its first key; returns the client and the raw key (shown once)."""
    name = " ".join((name or "").split())
    if not name:
        raise services.InvalidInput(_("A client needs a name."), field="name")
    if ApiClient.objects.filter(name=name).exists():
        raise services.Conflict(_("A client with this name already exists."), field="name")
    with transaction.atomic():
        client = ApiClient(name=name, webhook_url=webhook_url, webhook_secret=webhook_secret,
                           throttle_rate=throttle_rate)
        client.full_clean()
        client.save()
        _key, raw = api_key_create(client=client, label=_("created with the client"))
    return client, raw


def body_to_text(body: str, body_format: str) -> tuple[str, str]:
    """``(body_text, source_html)`` for a body sent as text, HTML or Markdown: plain text by the one line-ending
    rule (``checks.text``), within the one size limit (``limits``), so every endpoint checks the same text."""
    body = body or ""
    clean = ""
    if body_format in ("html", "markdown"):
        try:
            clean, body = sanitize_html(body) if body_format == "html" else sanitize_markdown(body)
        except MarkupRefused as exc:
            refusal = services.TooLarge if exc.status == services.TooLarge.http_status else services.InvalidInput
            raise refusal(str(exc), field="body") from None
    return check_size(normalise_body(body)), clean


def draft_submit(*, client: ApiClient, title: str, body_text: str, source_html: str = "",
                 source_format: str = "text", external_id: str = "", desk: str | None = None,
                 author_name: str | None = None, metadata: dict | None = None,
                 base_revision: int | None = None) -> tuple[Draft, bool, bool]:
    """Create the client's draft, or revise the one with this ``external_id``.

    Returns ``(draft, draft_created, revision_created)``. Two requests racing on a new external id both
    land on one draft: the loser of the unique constraint revises the winner's draft.
    """
    fields = {"desk": desk, "author_name": author_name, "metadata": metadata}
    existing = None
    if external_id:  # one draft at most (``draft_external_id_unique``): no ordering to compile or sort by
        existing = next(iter(Draft.objects.filter(api_client=client, external_id=external_id).order_by()[:1]), None)
    if existing is None:
        try:
            with transaction.atomic():
                draft = services.draft_create(
                    title=title, body_text=body_text, client=client, source_html=source_html,
                    source_format=source_format, external_id=external_id, desk=desk or "",
                    author_name=author_name or "", metadata=metadata or {},
                )
            return draft, True, True
        except IntegrityError:
            existing = Draft.all_objects.get(api_client=client, external_id=external_id)  # deleted: refused
    return draft_revise(client=client, draft=existing, title=title, body_text=body_text,
                        source_html=source_html, source_format=source_format, base_revision=base_revision, **fields)


def draft_revise(*, client: ApiClient, draft: Draft, title: str, body_text: str, source_html: str = "",
                 source_format: str = "text", base_revision: int | None = None,
                 **fields) -> tuple[Draft, bool, bool]:
    draft, created = services.draft_revise(draft=draft, title=title, body_text=body_text,
                                           source_html=source_html, client=client, base_revision=base_revision,
                                           **fields)
    if created and draft.source_format != source_format:
        Draft.objects.filter(pk=draft.pk).update(source_format=source_format)
        draft.source_format = source_format
        detail_cache.changed(draft.pk)
    return draft, False, created
