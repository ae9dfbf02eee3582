"""How much text the newsroom takes at once: the one size check every way in applies (desk form, services, API
bodies, the check and LanguageTool endpoints). Column limits are the model fields' own (``models.column_limit``)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from editorial.errors import TooLarge


def check_size(text: str, *, field: str = "body") -> str:
    """More than ``settings.MAX_DRAFT_CHARS`` characters is refused (``TooLarge``, 413)."""
    limit = settings.MAX_DRAFT_CHARS
    if len(text) > limit:
        raise TooLarge(_("The text is longer than %(n)d characters.") % {"n": limit}, field=field)
    return text
