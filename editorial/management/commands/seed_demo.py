"""``manage.py seed_demo``: demo users and demo drafts (idempotent)."""

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

    def handle(self, *args, **options):
        ensure_groups()
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)
        users = {name: self._user(name, group, superuser, password) for name, group, superuser in DEMO_USERS}
        with notify.muted():  # the demo's review steps would print a dozen e-mails in the middle of `make run`
            created = self._drafts(users)
        self.stdout.write(f"demo drafts created: {created} (of {len(DEMO_DRAFTS)})")
        self.stdout.write(f"demo users: writer, reviewer, publisher, admin; password: {password}")

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

    def _user(self, name: str, group: str | None, superuser: bool, password: str):
        User = get_user_model()
        user, _created = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.com"})
        user.is_staff = superuser
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user
