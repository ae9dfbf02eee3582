"""Download a draft's latest text as .txt or .docx, with or without its open findings.

In Word the findings are comments anchored at their words (each line of the text is a paragraph, Markdown-style
``#`` lines are headings); in the text file they follow the text, quoted, without offsets nobody could find.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.templatetags.editorial_tags import localise_digits
from editorial.web import findings as fnd
from editorial.web.access import draft_for, newsroom_required
from editorial.web.drafts import shown_findings

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_HEADING = re.compile(r"^(#{1,3})[ \t]+")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def filename(draft, ext: str, with_findings: bool) -> str:
    """The title, the revision and whether the findings are in it: every download of a revision is told apart."""
    title = " ".join(_UNSAFE_NAME.sub(" ", draft.title).split())[:60].strip() or _("draft")
    parts = [title, _("revision %(n)s") % {"n": localise_digits(str(draft.revision_number))}]
    if with_findings:
        parts.append(_("with findings"))
    return " — ".join(parts) + f".{ext}"


def _open(shown: list[fnd.Shown]) -> list[fnd.Shown]:
    return sorted((f for f in shown if f.is_open), key=fnd.sort_key)


def comment_text(f: fnd.Shown) -> str:
    text = f"{f.family_label} ({f.severity_label}): {f.shown_message}"
    if f.suggestion is not None:
        text += "\n" + (_("Suggestion: %(s)s") % {"s": f.suggestion} if f.suggestion else
                        _("Suggestion: remove this text."))
    return text


def report_lines(shown: list[fnd.Shown]) -> list[str]:
    open_ = _open(shown)
    if not open_:
        return [_("No open findings.")]
    lines = []
    for f in open_:
        where = _("in the title") if f.field == "title" else ""
        lines.append(f"[{f.severity_label}] {f.family_label}{' ' + where if where else ''}: «{f.text}» — "
                     f"{f.shown_message}")
        if f.suggestion is not None:
            lines.append("    " + _("Suggestion: %(s)s") % {"s": f.suggestion})
    return lines


def as_text(draft, shown, with_report: bool) -> str:
    parts = [draft.title, "", draft.body_text]
    if with_report:
        parts += ["", "", "— " + _("Findings report") + " —", *report_lines(shown)]
    return "\n".join(parts).rstrip("\n") + "\n"


@dataclass
class _Para:
    start: int  # offset of the paragraph's first character in the field's text
    text: str
    heading: int = 0


def paragraphs(body: str) -> list[_Para]:
    """Every non-empty line is a paragraph (Word shows a paragraph per line, not line breaks inside one)."""
    out, pos = [], 0
    for line in body.split("\n"):
        if line.strip():
            m = _HEADING.match(line)
            skip = m.end() if m else 0
            out.append(_Para(pos + skip, line[skip:], len(m.group(1)) if m else 0))
        pos += len(line) + 1
    return out


def _rtl(paragraph, rtl: bool) -> None:
    """Mark a paragraph and its runs right-to-left so Word lays Arabic out correctly."""
    from docx.oxml import OxmlElement

    if not rtl:
        return
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run.font.rtl = True


def _fill(document, paragraph, para: _Para, findings: list[fnd.Shown], author: str) -> None:
    """Write the paragraph as runs cut at every finding boundary and hang each finding's comment on its runs."""
    end = para.start + len(para.text)
    mine = [f for f in findings if f.start < end and f.end > para.start]
    cuts = sorted({para.start, end} | {min(max(x, para.start), end) for f in mine for x in (f.start, f.end)})
    runs = []
    for a, b in pairwise(cuts):
        if b > a:
            runs.append((a, b, paragraph.add_run(para.text[a - para.start:b - para.start])))
    for f in mine:
        if f.start < para.start:  # a span across paragraphs gets its comment where it starts
            continue
        covered = [r for a, b, r in runs if a >= f.start and b <= f.end]
        if covered:
            document.add_comment(covered, text=comment_text(f), author=author, initials="ED")


def as_docx(draft, shown, with_report: bool) -> bytes:
    import docx

    rtl = bool(_ARABIC.search(draft.title + draft.body_text[:2000]))
    open_ = _open(shown) if with_report else []
    author = _("Editorial checks")
    document = docx.Document()
    title = document.add_heading(level=1)
    _fill(document, title, _Para(0, draft.title), [f for f in open_ if f.field == "title"], author)
    _rtl(title, rtl)
    body_findings = [f for f in open_ if f.field == "body"]
    for para in paragraphs(draft.body_text):
        p = document.add_heading(level=min(para.heading + 1, 4)) if para.heading else document.add_paragraph()
        _fill(document, p, para, body_findings, author)
        _rtl(p, rtl)
    if with_report:
        ui_rtl = (get_language() or "").startswith("ar")
        _rtl(document.add_heading(_("Findings report"), level=2), ui_rtl)
        for line in report_lines(shown):
            _rtl(document.add_paragraph(line), ui_rtl)
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
        name = filename(draft, "docx", with_report)
    else:
        response = HttpResponse(as_text(draft, shown, with_report), content_type="text/plain; charset=utf-8")
        name = filename(draft, "txt", with_report)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
