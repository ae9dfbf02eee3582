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
from lxml import etree

from editorial.checks.text import normalise_body, normalise_title, split_title

KINDS = {".txt": "text", ".text": "text", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
         ".markdown": "markdown"}
ACCEPT = ".txt,.docx,.html,.htm,.md"


class IngestError(ValueError):
    """A file we cannot turn into a draft; ``str(exc)`` is a sentence for the editor."""


@dataclass
class Ingested:
    title: str
    body_text: str
    source_html: str = ""
    source_format: str = "text"


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
    text = normalise_body(text)
    title = normalise_title(title)
    if title:
        body = text.strip("\n")
    else:
        title, body = split_title(text)
        if not title:
            raise IngestError(_("The file has no text in it."))
    return Ingested(title=title, body_text=body, source_html=html, source_format=kind)


def _mb() -> str:
    return f"{settings.MAX_UPLOAD_BYTES / (1024 * 1024):g}"


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
    from editorial.sanitize import MarkupRefused, sanitize_html

    try:
        clean, text = sanitize_html(decode_text(data))
    except MarkupRefused as exc:
        raise IngestError(str(exc)) from None
    return text, clean


def _read_markdown(data: bytes) -> tuple[str, str]:
    from editorial.sanitize import MarkupRefused, sanitize_markdown

    try:
        clean, text = sanitize_markdown(decode_text(data))
    except MarkupRefused as exc:
        raise IngestError(str(exc)) from None
    return text, clean


# --- .docx ------------------------------------------------------------------------------------------------
# A .docx is a zip of XML parts. Its directory says how far each part expands: parts past these limits are
# refused before anything is decompressed. The main part is then read in one streaming pass (lxml iterparse,
# each top-level paragraph or table dropped once read), so time and memory stay linear in the XML and
# bounded by the limit: python-docx's objects took 17 s and 180 MB for 100,000 paragraphs and 38 s for
# 16 MB of empty ones; this reader's figures are printed by ``benchmarks/hostile.py``.
DOCX_MAX_XML_BYTES = 8 * 1024 * 1024  # the main document part (a 1,000,000-character article is 3-5 MB)
DOCX_MAX_PARAGRAPHS = 100_000  # cells' paragraphs included: the cost is per element, not per byte
DOCX_MAX_EXPANDED_FACTOR = 4  # every part together, times MAX_UPLOAD_BYTES (images barely compress)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_BODY, _P, _TBL, _R, _SDT, _SDT_CONTENT, _BR_TYPE = (
    f"{{{_W}}}{n}" for n in ("body", "p", "tbl", "r", "sdt", "sdtContent", "type"))
# The runs of a paragraph as Word shows them: plain, in links, tracked insertions, smart tags, simple fields
# and content controls; not deleted text, not the paragraphs of text boxes nested inside.
_RUN_HOLDERS = frozenset(f"{{{_W}}}{n}" for n in ("hyperlink", "ins", "smartTag", "fldSimple"))
_TEXT, _TAB = f"{{{_W}}}t", "\t"
_RUN_CONTENT = {f"{{{_W}}}tab": _TAB, f"{{{_W}}}ptab": _TAB, f"{{{_W}}}cr": "\n", f"{{{_W}}}noBreakHyphen": "-"}
_BR = f"{{{_W}}}br"
_CELLS = etree.XPath("./w:tr/w:tc", namespaces={"w": _W})
_CELL_PARAGRAPHS = etree.XPath("./w:p", namespaces={"w": _W})
_CONTENT_TYPE_LIMIT = 1024 * 1024


def _main_part(zf: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The main document part named by [Content_Types].xml (word/document.xml in every Word we saw)."""
    name = "word/document.xml"
    try:
        info = zf.getinfo("[Content_Types].xml")
        if info.file_size <= _CONTENT_TYPE_LIMIT:
            types = etree.fromstring(zf.read(info), _safe_parser())
            for override in types.iter(f"{{{_CT}}}Override"):
                if override.get("ContentType") == _MAIN_TYPE:
                    name = (override.get("PartName") or "").lstrip("/") or name
                    break
    except KeyError:
        pass
    return zf.getinfo(name)


def _safe_parser() -> etree.XMLParser:
    # No entities, no network, libxml2's own depth and text-node limits (huge_tree off).
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _runs(p):
    for child in p:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _RUN_HOLDERS or tag == _SDT:
            holder = child.find(_SDT_CONTENT) if tag == _SDT else child
            if holder is not None:
                yield from (r for r in holder if r.tag == _R)


def _paragraph_text(p) -> str:
    out = []
    for run in _runs(p):
        for e in run:
            tag = e.tag
            if tag == _TEXT:
                out.append(e.text or "")
            elif tag == _BR:
                if e.get(_BR_TYPE, "textWrapping") == "textWrapping":
                    out.append("\n")
            elif tag in _RUN_CONTENT:
                out.append(_RUN_CONTENT[tag])
    return "".join(out).strip()


def _block_texts(block) -> list[str]:
    if block.tag == _P:
        return [_paragraph_text(block)]
    # A table: each cell once (a merged cell is one cell), its own paragraphs one line apart.
    return ["\n".join(_paragraph_text(p) for p in _CELL_PARAGRAPHS(cell)).strip() for cell in _CELLS(block)]


def _read_docx(data: bytes) -> tuple[str, str]:
    """Paragraphs and table cells in document order, one blank line apart; text direction is the text's own."""
    too_much = IngestError(_("The Word file holds too much to read (at most %(mb)s MB of text and markup and "
                             "%(n)s paragraphs). Split it, or save it as plain text.")
                           % {"mb": f"{DOCX_MAX_XML_BYTES / (1024 * 1024):g}", "n": f"{DOCX_MAX_PARAGRAPHS:,}"})
    paragraphs: list[str] = []
    count = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > DOCX_MAX_EXPANDED_FACTOR * settings.MAX_UPLOAD_BYTES:
                raise too_much
            main = _main_part(zf)
            if main.file_size > DOCX_MAX_XML_BYTES:
                raise too_much
            with zf.open(main) as stream:  # zipfile stops at the declared size (and checks the CRC)
                for _event, block in etree.iterparse(stream, events=("end",), tag=(_P, _TBL),
                                                     resolve_entities=False, no_network=True, huge_tree=False):
                    count += block.tag == _P
                    if count > DOCX_MAX_PARAGRAPHS:
                        raise too_much
                    parent = block.getparent()
                    if parent is None or parent.tag != _BODY:
                        continue  # a cell's paragraph: read with its table
                    paragraphs += _block_texts(block)
                    block.clear()
                    while block.getprevious() is not None:
                        del parent[0]
    except IngestError:
        raise
    except Exception:  # noqa: BLE001 - a damaged or non-Word zip raises many kinds
        raise IngestError(
            _("This is not a readable Word (.docx) file. Older .doc files must be saved as .docx first.")
        ) from None
    return "\n\n".join(p for p in paragraphs if p), ""


_READERS = {"text": _read_text, "html": _read_html, "markdown": _read_markdown, "docx": _read_docx}
