"""``manage.py create_api_client NAME``: a CMS client and its first key (printed once, alone on the last line)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from editorial.api.services import api_client_create, api_key_create
from editorial.models import ApiClient
from editorial.services import ServiceError


class Command(BaseCommand):
    help = "Create an API client for a CMS and print its key (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--webhook-url", default="")
        parser.add_argument("--webhook-secret", default="")
        parser.add_argument("--rate", default="", help="Rate limit such as 600/min (default: the site's).")
        parser.add_argument("--new-key", action="store_true",
                            help="The client exists already: make it another key.")

    def handle(self, *args, name, webhook_url, webhook_secret, rate, new_key, **options):
        if new_key:
            client = ApiClient.objects.filter(name=name).first()
            if client is None:
                raise CommandError(f"No API client named {name!r}.")
            _key, raw = api_key_create(client=client, label="create_api_client --new-key")
        else:
            try:
                client, raw = api_client_create(name=name, webhook_url=webhook_url, webhook_secret=webhook_secret,
                                                throttle_rate=rate)
            except ServiceError as exc:
                raise CommandError(exc.detail) from None
            except ValidationError as exc:
                raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from None
        self.stdout.write(f"API client {client.name!r} (id {client.pk}). Its key is shown only once; store it now:")
        if client.webhook_url and not client.webhook_secret:
            self.stderr.write("Warning: a webhook URL without a secret: deliveries will be signed with an empty key.")
        self.stdout.write(raw)
