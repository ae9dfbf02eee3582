"""Admin actions for API clients, keys and webhook deliveries (registered by ``editorial/admin.py``).

Add ``actions = [create_key]`` to ``ApiClientAdmin``, ``actions = [revoke_keys]`` to ``ApiKeyAdmin`` and
``actions = [retry_deliveries]`` to ``WebhookDeliveryAdmin``.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial import webhooks
from editorial.api.services import api_key_create, api_key_revoke


@admin.action(description=gettext_lazy("Create a new key (shown once)"))
def create_key(modeladmin, request, queryset):
    for client in queryset:
        _key, raw = api_key_create(client=client, label=_("created in the admin by %(u)s") % {
            "u": request.user.get_username()})
        # The only time anyone sees this key: it is stored as a hash.
        modeladmin.message_user(request, _("New key for %(c)s (copy it now, it is not shown again): %(k)s")
                                % {"c": client, "k": raw}, messages.WARNING)


@admin.action(description=gettext_lazy("Revoke the selected keys"))
def revoke_keys(modeladmin, request, queryset):
    for key in queryset:
        api_key_revoke(key=key)
    modeladmin.message_user(request, _("%(n)d key(s) revoked.") % {"n": queryset.count()}, messages.SUCCESS)


@admin.action(description=gettext_lazy("Send again now"))
def retry_deliveries(modeladmin, request, queryset):
    for delivery in queryset:
        webhooks.retry_now(delivery)
    modeladmin.message_user(request, _("%(n)d deliveries queued.") % {"n": queryset.count()}, messages.SUCCESS)
