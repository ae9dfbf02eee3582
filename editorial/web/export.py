"""Download a draft's latest text as .txt or .docx, with or without a report of its open findings."""

from __future__ import annotations

import io
import re

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.web import findings as fnd
from editorial.web.access import draft_for, newsroom_required
from editorial.web.drafts import shown_findings

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _filename(draft, ext: str) -> str:
    return f"draft-{draft.pk}-r{draft.revision_number}.{ext}"


def report_lines(shown: list[fnd.Shown]) -> list[str]:
    open_ = sorted((f for f in shown if f.is_open), key=fnd.sort_key)
    if not open_:
        return [_("No open findings.")]
    lines = []
    for f in open_:
        where = _("title") if f.field == "title" else _("body")
        lines.append(f"[{f.severity_label}] {f.family_label} ({f.rule}, {where} {f.start}–{f.end}): "
                     f"«{f.text}» — {f.shown_message}")
        if f.suggestion is not None:
            lines.append("    " + _("Suggestion: %(s)s") % {"s": f.suggestion})
    return lines


def as_text(draft, shown, with_report: bool) -> str:
    parts = [draft.title, "", draft.body_text]
    if with_report:
        parts += ["", "", "— " + _("Findings report") + " —", *report_lines(shown)]
    return "\n".join(parts).rstrip("\n") + "\n"


def _rtl(paragraph, rtl: bool) -> None:
    """Mark a paragraph and its runs right-to-left so Word lays Arabic out correctly."""
    from docx.oxml import OxmlElement

    if not rtl:
        return
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run.font.rtl = True


def as_docx(draft, shown, with_report: bool) -> bytes:
    import docx

    rtl = bool(re.search(r"[\u0600-\u06FF]", draft.title + draft.body_text[:2000]))
    document = docx.Document()
    _rtl(document.add_heading(draft.title, level=1), rtl)
    for para in re.split(r"\n\s*\n", draft.body_text.strip()):
        if para.strip():
            _rtl(document.add_paragraph(para.strip("\n")), rtl)
    if with_report:
        _rtl(document.add_heading(_("Findings report"), level=2), (get_language() or "").startswith("ar"))
        for line in report_lines(shown):
            _rtl(document.add_paragraph(line), (get_language() or "").startswith("ar"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@newsroom_required
def download(request, pk: int):
    draft = draft_for(request, pk)
    with_report = request.GET.get("report") in ("1", "on", "true")
    _run, shown = shown_findings(draft)
    if request.GET.get("format") == "docx":
        response = HttpResponse(as_docx(draft, shown, with_report), content_type=DOCX_TYPE)
        name = _filename(draft, "docx")
    else:
        response = HttpResponse(as_text(draft, shown, with_report), content_type="text/plain; charset=utf-8")
        name = _filename(draft, "txt")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
