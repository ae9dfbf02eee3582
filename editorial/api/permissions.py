"""Who may call the API: a CMS with a key, or (for the stateless check) a signed-in newsroom member."""

from __future__ import annotations

from django.conf import settings
from rest_framework.permissions import BasePermission

from editorial import review
from editorial.models import ApiKey


class IsApiClient(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiKey)


class IsApiClientOrNewsroomMember(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiKey) or review.is_newsroom_member(request.user)


class LanguageToolCaller(IsApiClientOrNewsroomMember):
    """Also anyone at all when ``EDITORIAL_LANGUAGETOOL_ANONYMOUS`` is on (clients given only a server URL)."""

    def has_permission(self, request, view) -> bool:
        return settings.LANGUAGETOOL_ANONYMOUS or super().has_permission(request, view)
