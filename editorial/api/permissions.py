"""Who may call the API: a CMS with a key, or (for the stateless check) a signed-in newsroom member."""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from editorial import selectors
from editorial.models import ApiKey


class IsApiClient(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiKey)


class IsApiClientOrNewsroomMember(BasePermission):
    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiKey) or selectors.is_newsroom_member(request.user)
