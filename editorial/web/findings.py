"""Findings as the pages show them: one shape for stored findings and live-check results, grouped for the list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from editorial.models import Finding

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": _("Error"), "warning": _("Warning"), "info": _("Info")}
RELATED_LINKS = 8
FAMILY_ORDER = ("placeholder", "consistency", "repetition", "style", "archive")
FAMILY_LABELS = {
    "placeholder": _("Placeholders"),
    "consistency": _("Title and body consistency"),
    "repetition": _("Repetition"),
    "style": _("Style"),
    "archive": _("Archive"),
    "comment": _("Comment"),
}
# A symbol per family so a highlight never relies on colour alone (also shown in the list and the legend).
FAMILY_ICONS = {"placeholder": "⌧", "consistency": "≠", "repetition": "↻", "style": "✎", "archive": "⧉",
               "comment": "❝"}


_QUOTED = re.compile(r"(«[^»]*»|“[^”]*”)")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def localise_message(message: str) -> str:
    """One digit style on an Arabic page: the message's own numbers in Arabic-Indic digits, the draft text it
    quotes («…») exactly as written."""
    if not (get_language() or "").startswith("ar"):
        return message
    return "".join(part if i % 2 else part.translate(_ARABIC_DIGITS)
                   for i, part in enumerate(_QUOTED.split(message or "")))


def family_label(family: str) -> str:
    return str(FAMILY_LABELS.get(family, family))


class Shown:
    """A finding as a page shows it: a view of the finding itself (a stored row, or a live check's unsaved one made
    by ``models.Finding.from_engine``), so its declared fields are read through, never copied; the page adds a DOM
    key, the dismissal that hides it, and link targets for its related spans."""

    item_html = None  # its list item when already rendered (the live check remembers them)
    _shown: tuple[str, str] | None = None

    def __init__(self, finding, *, key: str, dismissal: Any = None) -> None:
        self.finding = finding
        self.key = key
        self.dismissal = dismissal
        self.related_targets: list[dict[str, Any]] = []

    def __getattr__(self, name: str) -> Any:  # the finding's own fields: rule, severity, start, related...
        if name == "finding":
            raise AttributeError(name)
        return getattr(self.finding, name)

    @property
    def anchor(self) -> str:
        return f"f-{self.key}"

    @property
    def related_links(self) -> list[dict[str, Any]]:
        """The first related spans, linked from the list (a long story can repeat a phrase dozens of times)."""
        return self.related_targets[:RELATED_LINKS]

    @property
    def related_more(self) -> int:
        return max(0, len(self.related_targets) - RELATED_LINKS)

    @property
    def is_open(self) -> bool:
        return self.dismissal is None

    @property
    def icon(self) -> str:
        return FAMILY_ICONS.get(self.family, "•")

    @property
    def family_label(self) -> str:
        return family_label(self.family)

    @property
    def severity_label(self) -> str:
        return str(SEVERITY_LABELS.get(self.severity, self.severity))

    @property
    def shown_message(self) -> str:
        lang = get_language() or ""
        if self._shown is None or self._shown[0] != lang:  # read several times a page (mark, list, card)
            english = lang.startswith("en") and self.message_en
            self._shown = (lang, self.message_en if english else localise_message(self.message))
        return self._shown[1]

    def as_json(self) -> dict[str, Any]:
        """The finding for the editor's script: every declared field but ``related``, whose spans travel as marks
        in the highlighted text (their offsets move with every keystroke; the live check's delta leaves them out)."""
        declared = self.finding.as_dict()
        del declared["related"]
        return {
            **declared, "key": self.key, "message": self.shown_message, "dismissed": not self.is_open,
            "anchor": self.anchor, "icon": self.icon, "family_label": self.family_label,
            "severity_label": self.severity_label,
        }


def from_model(f, dismissal=None) -> Shown:
    return Shown(f, key=str(f.pk), dismissal=dismissal)


def from_engine(i: int, f, dismissal=None) -> Shown:
    return Shown(Finding.from_engine(f), key=f"live{i}", dismissal=dismissal)


def link_related(findings: list[Shown]) -> None:
    """Give every related span a link target: the open finding on that exact span, or a related-span mark."""
    by_span = {(f.field, f.start, f.end): f for f in findings if f.is_open}
    for f in findings:
        f.related_targets = []
        for k, r in enumerate(f.related):
            other = by_span.get((r.get("field"), r.get("start"), r.get("end")))
            anchor = other.anchor if other is not None and other is not f else f"{f.anchor}-r{k}"
            f.related_targets.append({**r, "anchor": anchor, "own_mark": other is None})


def sort_key(f: Shown) -> tuple:
    fam = FAMILY_ORDER.index(f.family) if f.family in FAMILY_ORDER else len(FAMILY_ORDER)
    return (fam, f.family, SEVERITY_ORDER.get(f.severity, 9), 0 if f.field == "title" else 1, f.start)


@dataclass
class Group:
    family: str
    severity: str
    findings: list[Shown]

    @property
    def label(self) -> str:
        return family_label(self.family)

    @property
    def severity_label(self) -> str:
        return str(SEVERITY_LABELS.get(self.severity, self.severity))

    @property
    def icon(self) -> str:
        return FAMILY_ICONS.get(self.family, "•")


def grouped(findings: list[Shown]) -> list[Group]:
    """Open findings by family, then severity (errors first), in reading order inside a group."""
    groups: list[Group] = []
    for f in sorted((f for f in findings if f.is_open), key=sort_key):
        if groups and (groups[-1].family, groups[-1].severity) == (f.family, f.severity):
            groups[-1].findings.append(f)
        else:
            groups.append(Group(f.family, f.severity, [f]))
    return groups


def counts(findings: list[Shown]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        if f.is_open:
            out[f.severity] = out.get(f.severity, 0) + 1
            out[f.family] = out.get(f.family, 0) + 1
    return out


def comment_marks(draft, comments) -> tuple[list[Shown], dict[int, tuple | None]]:
    """Comments on passages as marks for the text (``hl-comment``), and each comment's place now (None: outdated)."""
    from editorial import selectors

    marks, anchors = [], {}
    for c in comments:
        if not c.passage:
            continue
        anchors[c.pk] = anchor = selectors.comment_anchor(draft, c)
        if anchor is not None:
            field_name, start, end = anchor
            now = draft.title if field_name == "title" else draft.body_text
            mark = Finding(family="comment", rule="comment", severity="info", field=field_name, start=start,
                           end=end, text=now[start:end], message=c.body[:200])
            marks.append(Shown(mark, key=f"c{c.pk}"))
    return marks, anchors
