"""``manage.py seed_demo``: demo users and demo drafts (idempotent).

Users that already exist keep their password, staff flags and groups unless ``--reset-passwords`` is given:
running it again (``make run`` does at every start) never undoes what an administrator changed.
"""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from editorial import notify, review, services
from editorial.demo import DEMO_DRAFTS, DEMO_PROGRESS
from editorial.models import Draft
from editorial.roles import ensure_groups

DEMO_USERS = [
    ("writer", review.GROUP_WRITERS, False),
    ("reviewer", review.GROUP_REVIEWERS, False),
    ("publisher", review.GROUP_PUBLISHERS, False),
    ("admin", None, True),
]


class Command(BaseCommand):
    help = "Create the demo users (writer, reviewer, publisher, admin) and demo drafts. Safe to run again."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reset-passwords", action="store_true",
                            help="Also set the password (and role) of demo users that already exist.")

    def handle(self, *args, **options):
        ensure_groups()
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)
        reset = options["reset_passwords"]
        users, touched = {}, []
        for name, group, superuser in DEMO_USERS:
            users[name], changed = self._user(name, group, superuser, password, reset=reset)
            if changed:
                touched.append(name)
        with notify.muted():  # the demo's review steps would print a dozen e-mails in the middle of `make run`
            created = self._drafts(users)
        self.stdout.write(f"demo drafts created: {created} (of {len(DEMO_DRAFTS)})")
        if touched:
            self.stdout.write(f"demo users with this password: {', '.join(touched)}; password: {password}")
        kept = [name for name, *_rest in DEMO_USERS if name not in touched]
        if kept:
            self.stdout.write(f"demo users kept as they were: {', '.join(kept)} "
                              "(their passwords are unchanged; --reset-passwords sets them again)")

    def _drafts(self, users) -> int:
        created = 0
        for spec in DEMO_DRAFTS:
            if Draft.objects.filter(metadata__demo=spec["slug"]).exists():
                continue
            draft = services.draft_create(title=spec["title"], body_text=spec["body"], user=users["writer"],
                                          desk=spec["desk"], metadata={"demo": spec["slug"]})
            for who, action, comment in DEMO_PROGRESS.get(spec["slug"], []):
                services.draft_transition(draft=draft, action=action, user=users[who], comment=comment)
            created += 1
        return created

    def _user(self, name: str, group: str | None, superuser: bool, password: str, *, reset: bool):
        """The demo user, and whether its password and role were set now (created, or reset on request)."""
        User = get_user_model()
        user, created = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.com"})
        if not (created or reset):
            return user, False
        user.is_staff = superuser
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user, True
