"""Who may open the editor's pages: anonymous people sign in, outsiders get 403, members read every draft."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from editorial import review, selectors
from editorial.models import Draft


def newsroom_required(view):
    """Sign-in for anonymous visitors, 403 for signed-in people outside the newsroom groups."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not review.is_newsroom_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def draft_for(request, pk: int) -> Draft:
    return get_object_or_404(selectors.drafts_visible_to(request.user), pk=pk)
