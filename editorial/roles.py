"""Newsroom roles as Django groups, with the permissions each one carries in the admin."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from editorial import review

# Model permissions per group (codename prefixes on editorial models); reviewers also hold override_gate.
GROUP_PERMISSIONS: dict[str, list[str]] = {
    review.GROUP_WRITERS: ["add_draft", "change_draft", "view_draft", "view_revision", "view_finding",
                           "add_comment", "view_comment", "add_dismissal", "view_dismissal", "view_reviewevent"],
    review.GROUP_REVIEWERS: ["view_draft", "view_revision", "view_finding", "view_checkrun", "add_comment",
                             "view_comment", "add_dismissal", "view_dismissal", "view_reviewevent",
                             "override_gate"],
    review.GROUP_PUBLISHERS: ["view_draft", "view_revision", "view_finding", "view_comment", "view_reviewevent"],
    "admins": [],
}


def ensure_groups() -> dict[str, Group]:
    """Create the role groups and give them their permissions (idempotent)."""
    groups = {}
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="editorial", codename__in=codenames)
        group.permissions.add(*perms)
        groups[name] = group
    return groups
