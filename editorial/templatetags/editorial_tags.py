"""Template helpers for the editor's pages: highlighted draft text, numbers and dates in the page's language."""

from __future__ import annotations

import re
from datetime import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial import review
from editorial.web.findings import _ARABIC_DIGITS, FAMILY_ICONS, family_label
from editorial.web.highlight import highlight

register = template.Library()

_QUOTED = re.compile(r"([“«])([^”»]*)([”»])")
FSI, PDI = "\u2068", "\u2069"


def localise_digits(value: str) -> str:
    """Arabic-Indic digits on Arabic pages (the CLDR default for Arabic); never applied to draft text."""
    return value.translate(_ARABIC_DIGITS) if (get_language() or "").startswith("ar") else value


def localise_number(n: int) -> str:
    """A count with thousands grouped, in the page's digits (Arabic: ١٬٠٠٠)."""
    text = f"{n:,}"
    if (get_language() or "").startswith("ar"):
        text = text.replace(",", "\u066c")
    return localise_digits(text)


@register.simple_tag
def highlighted(text: str, field: str, findings) -> SafeString:
    return highlight(text, field, list(findings or []))


@register.filter
def num(value) -> str:
    if value is None or value == "":
        return ""
    return localise_digits(str(value))


@register.filter
def when(value: datetime | None, fmt: str = "DATETIME_FORMAT") -> SafeString | str:
    """A ``<time>`` element in the page's language and the site's time zone."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    if fmt == "DATETIME_FORMAT":
        fmt = "j F Y، H:i" if (get_language() or "").startswith("ar") else "j M Y, H:i"
    text = date_filter(local, fmt)
    direction = "rtl" if (get_language() or "").startswith("ar") else "ltr"
    # dir isolates the date from the text around it (Arabic-Indic digits would otherwise reorder).
    return format_html('<time datetime="{}" dir="{}">{}</time>', value.isoformat(), direction,
                       localise_digits(text))


@register.filter
def isolate_quotes(message: str) -> str:
    """Wrap quoted draft text in a finding's message in bidi isolates, so Arabic quoted inside an English
    sentence (or the reverse) keeps its quotes in place. Invisible; the result is still escaped."""
    return _QUOTED.sub(lambda m: f"{m[1]}{FSI}{m[2]}{PDI}{m[3]}", message or "")


@register.filter
def family_icon(family: str) -> str:
    return FAMILY_ICONS.get(family, "•")


@register.filter
def family_name(family: str) -> str:
    return family_label(family)


# Notes the system writes on revisions are stored in English and shown in the page's language; people's and
# a CMS's notes are shown as written.
_SYSTEM_NOTES = [
    (re.compile(r"^Restored from revision (\d+)$"), lambda m: _("Restored from revision %(n)s") % {
        "n": localise_digits(m[1])}),
    (re.compile(r"^Applied a suggestion$"), lambda m: _("Applied a suggestion")),
    (re.compile(r"^Accepted a suggestion from (.+)$"), lambda m: _("Accepted a suggestion from %(who)s") % {
        "who": m[1]}),
]


@register.filter
def revision_note(note: str) -> str:
    for pattern, say in _SYSTEM_NOTES:
        m = pattern.match(note or "")
        if m:
            return say(m)
    return note


@register.filter
def rule_family(rule: str) -> str:
    """A rule in words for people (its family); the rule id itself stays in the details toggle and the admin."""
    return family_label((rule or "").split(".", 1)[0])


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, 0)


@register.simple_tag
def waiting_count(user) -> int:
    from editorial import selectors

    if not review.is_newsroom_member(user):
        return 0
    return selectors.waiting_for(user).count()


@register.simple_tag
def open_summary(counts) -> dict:
    """What ``_counts.html`` prints of a draft's open counts (``selectors.open_counts``): the three severities (0
    when none) and the families that have some, in the engine's order, each ``{code, label, icon, n}``.

    Computed here rather than in the template, which read every family of every row through ``fam.0`` and
    ``counts.info`` lookups: each such lookup first fails (a tuple has no item "0", a dict no attribute "info")
    and costs an exception and a ``dir()``, ~550 of them on a 50-row desk.
    """
    from editorial.web.findings import FAMILY_ORDER

    counts = counts or {}
    return {
        "error": counts.get("error", 0), "warning": counts.get("warning", 0), "info": counts.get("info", 0),
        "families": [{"code": f, "label": family_label(f), "icon": FAMILY_ICONS[f], "n": counts[f]}
                     for f in FAMILY_ORDER if counts.get(f)],
    }


@register.simple_tag
def family_list(everything: bool = False) -> list[tuple[str, str, str]]:
    """(family, label, icon) for the three families the engine has today (all known ones on request)."""
    from editorial.web.findings import FAMILY_ORDER

    families = FAMILY_ORDER if everything else FAMILY_ORDER[:3]
    return [(f, family_label(f), FAMILY_ICONS[f]) for f in families]


@register.simple_tag
def dismissal_kinds() -> list:
    from editorial import review

    return review.DismissalKind.choices


@register.simple_tag
def dismissal_reason_min() -> int:
    from editorial import review

    return review.DISMISSAL_REASON_MIN_CHARS
