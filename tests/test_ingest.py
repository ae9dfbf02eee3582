"""Files in, title and text out: every supported type, and a clear refusal for everything else."""

import io
import zipfile

import docx
import pytest
from django.utils import translation

from editorial.ingest import IngestError, ingest_file, split_title


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the Arabic catalogue translates them on Arabic pages."""
    with translation.override("en"):
        yield


ARABIC = "الوزير يفتتح المستشفى\nافتتح الوزير اليوم المستشفى الجديد.\n\nوقال إنه يخدم المحافظة."


def make_docx(*paragraphs: str, heading: str | None = None) -> bytes:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_text_file_gives_its_first_line_as_the_title():
    got = ingest_file("a.txt", ARABIC.encode())
    assert got.title == "الوزير يفتتح المستشفى"
    assert got.body_text == "افتتح الوزير اليوم المستشفى الجديد.\n\nوقال إنه يخدم المحافظة."
    assert got.source_format == "text"


def test_a_byte_order_mark_is_dropped():
    assert ingest_file("a.txt", b"\xef\xbb\xbf" + ARABIC.encode()).title == "الوزير يفتتح المستشفى"


def test_windows_line_ends_become_newlines():
    got = ingest_file("a.txt", ARABIC.replace("\n", "\r\n").encode())
    assert "\r" not in got.body_text and got.title == "الوزير يفتتح المستشفى"


def test_utf16_with_a_byte_order_mark_is_read():
    assert ingest_file("a.txt", ARABIC.encode("utf-16")).title == "الوزير يفتتح المستشفى"


def test_a_typed_title_keeps_the_whole_file_as_the_body():
    got = ingest_file("a.txt", ARABIC.encode(), title="  عنوان   آخر ")
    assert got.title == "عنوان آخر"
    assert got.body_text.startswith("الوزير يفتتح المستشفى\n")


def test_it_refuses_windows_1256_text_with_a_clear_message():
    with pytest.raises(IngestError, match="UTF-8"):
        ingest_file("a.txt", ARABIC.encode("cp1256"))


def test_it_refuses_a_binary_file():
    with pytest.raises(IngestError, match="binary"):
        ingest_file("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("name", ["a.pdf", "a.doc", "a", "a.exe", ""])
def test_it_refuses_other_file_types(name):
    with pytest.raises(IngestError, match=r"\.docx"):
        ingest_file(name, b"text")


def test_it_refuses_an_empty_file():
    with pytest.raises(IngestError):
        ingest_file("a.txt", b"  \n\n ")


def test_it_refuses_a_file_over_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(IngestError, match="too large"):
        ingest_file("a.txt", "ب".encode() * 100)


def test_a_word_file_gives_its_heading_as_the_title_and_paragraphs_as_the_body():
    got = ingest_file("a.docx", make_docx("الفقرة الأولى.", "الفقرة الثانية.", heading="عنوان الخبر"))
    assert got.title == "عنوان الخبر"
    assert got.body_text == "الفقرة الأولى.\n\nالفقرة الثانية."
    assert got.source_format == "docx"


def test_a_word_file_keeps_right_to_left_paragraphs_and_tables_in_order():
    document = docx.Document()
    document.add_paragraph("عنوان")
    p = document.add_paragraph("نص عربي")
    p.paragraph_format.element.get_or_add_pPr().append(docx.oxml.OxmlElement("w:bidi"))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "خلية ١", "خلية ٢"
    out = io.BytesIO()
    document.save(out)
    got = ingest_file("a.DOCX", out.getvalue())
    assert got.body_text == "نص عربي\n\nخلية ١\n\nخلية ٢"


def test_it_refuses_a_broken_word_file():
    with pytest.raises(IngestError, match="Word"):
        ingest_file("a.docx", b"PK\x03\x04 not really a zip")


def test_it_refuses_a_word_file_that_expands_too_far(settings):
    settings.MAX_UPLOAD_BYTES = 1000
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "a" * 100_000)
    with pytest.raises(IngestError, match="too much"):
        ingest_file("a.docx", out.getvalue())


def test_html_is_sanitised_and_its_first_block_is_the_title():
    html = "<h1>العنوان</h1><p>النص <b>المهم</b></p><script>alert('x')</script><p onclick='x()'>فقرة</p>"
    got = ingest_file("a.html", html.encode())
    assert got.title == "العنوان"
    assert "alert" not in got.body_text and "alert" not in got.source_html
    assert "onclick" not in got.source_html
    assert "النص المهم" in got.body_text and got.source_format == "html"


def test_markdown_becomes_text_with_its_heading_as_the_title():
    got = ingest_file("a.md", "# العنوان\n\nنص **مهم**.\n\n- بند\n".encode())
    assert got.title == "العنوان"
    assert "نص مهم." in got.body_text and "**" not in got.body_text
    assert got.source_format == "markdown"


def test_split_title_skips_blank_lines():
    assert split_title("\n\n  عنوان  \n\nنص") == ("عنوان", "نص")
    assert split_title("   ") == ("", "")
