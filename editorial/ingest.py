"""Files in, title and plain text out: .txt, .docx, .html and .md.

Every branch ends in plain text (offsets of findings refer to it); HTML and Markdown also keep their sanitised
HTML. When the editor typed no title, the file's first non-empty line (or first paragraph/heading) becomes the
title and the rest the body. Failures raise ``IngestError`` with a message for the editor, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

KINDS = {".txt": "text", ".text": "text", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
         ".markdown": "markdown"}
ACCEPT = ".txt,.docx,.html,.htm,.md"
# A .docx is a zip: refuse archives that would expand far beyond the upload limit (zip bombs).
DOCX_EXPANSION_LIMIT = 20


class IngestError(ValueError):
    """A file we cannot turn into a draft; ``str(exc)`` is a sentence for the editor."""


@dataclass
class Ingested:
    title: str
    body_text: str
    source_html: str = ""
    source_format: str = "text"


def split_title(text: str) -> tuple[str, str]:
    """The first non-empty line is the title, the rest (leading blank lines dropped) the body."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1:]).strip("\n")
    return "", ""


def ingest_file(name: str, data: bytes, *, title: str = "") -> Ingested:
    """Read one uploaded file. With ``title`` given, the whole file is the body."""
    kind = KINDS.get(PurePath(name or "").suffix.lower())
    if kind is None:
        raise IngestError(_("This file type is not supported. Upload a .txt, .docx, .html or .md file."))
    if len(data) > settings.MAX_UPLOAD_BYTES:
        raise IngestError(_("The file is too large (the limit is %(mb)s MB).") % {"mb": _mb()})
    if not data.strip():
        raise IngestError(_("The file is empty."))
    text, html = _READERS[kind](data)
    text = _normalise_newlines(text)
    title = " ".join((title or "").split())
    if title:
        body = text.strip("\n")
    else:
        title, body = split_title(text)
        if not title:
            raise IngestError(_("The file has no text in it."))
    return Ingested(title=title, body_text=body, source_html=html, source_format=kind)


def _mb() -> str:
    return f"{settings.MAX_UPLOAD_BYTES / (1024 * 1024):g}"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def decode_text(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data[:4096]:
        raise IngestError(_("This looks like a binary file, not text. Upload a .txt, .docx, .html or .md file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(
            _("The file is not UTF-8 text. Save it as UTF-8 (in most editors: Save as… > Encoding: UTF-8) "
              "and upload it again.")
        ) from None


def _read_text(data: bytes) -> tuple[str, str]:
    return decode_text(data), ""


def _read_html(data: bytes) -> tuple[str, str]:
    from editorial.sanitize import sanitize_html

    clean, text = sanitize_html(decode_text(data))
    return text, clean


def _read_markdown(data: bytes) -> tuple[str, str]:
    from editorial.sanitize import sanitize_markdown

    clean, text = sanitize_markdown(decode_text(data))
    return text, clean


def _read_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and table cells in document order, one blank line apart; text direction is the text's own."""
    import docx
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            expanded = sum(i.file_size for i in zf.infolist())
        if expanded > DOCX_EXPANSION_LIMIT * settings.MAX_UPLOAD_BYTES:
            raise IngestError(_("The Word file expands to too much data to read."))
        document = docx.Document(io.BytesIO(data))
    except IngestError:
        raise
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on a damaged or non-Word file
        raise IngestError(
            _("This is not a readable Word (.docx) file. Older .doc files must be saved as .docx first.")
        ) from None
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            paragraphs += [c.text.strip() for row in block.rows for c in row.cells]
        else:
            paragraphs.append(block.text.strip())
    return "\n\n".join(p for p in paragraphs if p), ""


_READERS = {"text": _read_text, "html": _read_html, "markdown": _read_markdown, "docx": _read_docx}
