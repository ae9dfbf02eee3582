"""Hostile markup, files and diffs: each is answered with a clear 4xx or a bounded 2xx, never a 500.

The inputs are the ones that held a worker for tens of seconds before (issue 9): nested and flat HTML, runs
that make Python's html.parser quadratic, Markdown that made Python-Markdown take minutes, a .docx that
expands a hundredfold, and a one-paragraph diff of 20,000 words. ``benchmarks/hostile.py`` prints how long
each takes; these tests only say what the answer is (no timing here).
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from editorial import ingest, services
from editorial.models import Draft
from editorial.sanitize import MarkupRefused, markup_depth, sanitize_html, sanitize_markdown
from tests.api.conftest import TITLE

pytestmark = pytest.mark.django_db

NESTED_DIVS = "<div>" * 20_000 + "نص" + "</div>" * 20_000  # 220 KB: 67 s in bleach
FLAT_PARAGRAPHS = "<p>a</p>" * 100_000  # 800 KB: 25 s in bleach
# Quadratic in Python's html.parser (the old pre- and post-passes): 40 s and 23 s.
UNCLOSED_TAGS = "<a" * 100_000
UNCLOSED_COMMENTS = "<!--" * 50_000
MISNESTED = "<b><i>x</b></i>" * 20_000
FORMATTING_PILE = "".join(f'<b id="{i}">' for i in range(300)) + "<p>x</p>" * 1000

ACCEPTED_HTML = {"flat": FLAT_PARAGRAPHS, "unclosed-tags": UNCLOSED_TAGS, "unclosed-comments": UNCLOSED_COMMENTS,
                 "misnested": MISNESTED}
REFUSED_HTML = {"nested": NESTED_DIVS, "formatting-pile": FORMATTING_PILE,
                "nested-tables": "<table><tr><td>" * 5_000 + "x"}
# Python-Markdown: "[" 100,000 times and 2,000 nested list levels took more than 30 s each.
HOSTILE_MARKDOWN = {"brackets": "[" * 100_000, "link-openers": "[a](" * 50_000, "image-openers": "![" * 100_000,
                    "emphasis": "*a **b " * 50_000, "nested-list": "".join("  " * i + "- x\n" for i in range(1_000))}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def api_post(cms, body: str, body_format: str, path: str = "/api/v1/drafts/"):
    return cms.post(path, {"title": TITLE, "body": body, "body_format": body_format}, format="json")


# --- the sanitiser itself ------------------------------------------------------------------------------

def test_nesting_is_counted_before_parsing_and_stops_past_the_limit():
    assert markup_depth("<div><p>a<p>b<p>c</div>" + "<li>x" * 1000 + "<br>" * 1000, 10) == 1
    assert markup_depth("<div>" * 50, 10) == 11  # stops counting once past the limit
    assert markup_depth("<b></i>" * 50, 100) == 50  # an end tag closes only its own kind
    assert markup_depth("<DIV></div>" * 1000, 10) == 1


@pytest.mark.parametrize("name", REFUSED_HTML)
def test_deep_markup_is_refused_with_a_sentence(name):
    with pytest.raises(MarkupRefused, match="levels deep") as exc:
        sanitize_html(REFUSED_HTML[name])
    assert exc.value.status == 400


def test_too_much_markup_is_refused_before_parsing(settings):
    settings.MAX_MARKUP_CHARS = 1000
    with pytest.raises(MarkupRefused, match="longer than 1,000") as exc:
        sanitize_html("<p>a</p>" * 200)
    assert exc.value.status == 413
    with pytest.raises(MarkupRefused, match="longer than"):
        sanitize_markdown("a" * 2000)


@pytest.mark.parametrize("name", ACCEPTED_HTML)
def test_wide_or_broken_markup_is_cleaned(name):
    clean, text = sanitize_html(ACCEPTED_HTML[name])
    assert "<script" not in clean and "<!--" not in clean
    if name == "flat":
        assert text == "\n\n".join(["a"] * 100_000)


@pytest.mark.parametrize("name", HOSTILE_MARKDOWN)
def test_hostile_markdown_is_converted_or_refused(name):
    try:
        clean, _text = sanitize_markdown(HOSTILE_MARKDOWN[name])
    except MarkupRefused as exc:  # 1,000 nested lists are 2,000 nested elements
        assert exc.status == 400
    else:
        assert "<script" not in clean


# --- through the API --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", REFUSED_HTML)
@pytest.mark.parametrize("path", ["/api/v1/drafts/", "/api/v1/check/"])
def test_the_api_refuses_deep_html_with_a_json_400(cms_a, name, path):
    r = api_post(cms_a, REFUSED_HTML[name], "html", path)
    assert r.status_code == 400
    assert r.json()["code"] == "invalid" and "levels deep" in r.json()["fields"]["body"][0]
    assert not Draft.objects.exists()


@pytest.mark.parametrize("name", ["unclosed-tags", "unclosed-comments", "misnested"])
def test_the_api_stores_broken_html_as_clean_html(cms_a, name):
    r = api_post(cms_a, ACCEPTED_HTML[name], "html")
    assert r.status_code in (201, 400)  # 400 when nothing readable is left ("a draft needs text")
    if r.status_code == 201:
        assert "<!--" not in Draft.objects.get().source_html


def test_the_api_checks_100000_flat_paragraphs(cms_a):
    r = api_post(cms_a, FLAT_PARAGRAPHS, "html", "/api/v1/check/")
    assert r.status_code == 200 and r.json()["stats"]["paragraphs"] == 100_000


def test_the_api_refuses_too_much_html_with_a_json_413(cms_a, settings):
    settings.MAX_MARKUP_CHARS = 10_000
    r = api_post(cms_a, "<p>نص</p>" * 2_000, "html")
    assert r.status_code == 413 and r.json()["code"] == "too_large"


@pytest.mark.parametrize("name", HOSTILE_MARKDOWN)
def test_the_api_answers_hostile_markdown_without_a_500(cms_a, name):
    r = api_post(cms_a, HOSTILE_MARKDOWN[name], "markdown", "/api/v1/check/")
    assert r.status_code in (200, 400)


# --- through the desk's upload ----------------------------------------------------------------------------

def upload(login, user, name: str, data: bytes):
    return login(user).post(reverse("editorial:draft_new"),
                            {"title": "", "body": "", "file": SimpleUploadedFile(name, data)})


def test_an_upload_of_deep_html_is_refused_on_the_page(login, writer):
    html = f"<h1>{TITLE}</h1>{NESTED_DIVS}".encode()
    r = upload(login, writer, "news.html", html)
    assert r.status_code == 400 and "levels deep" in r.content.decode()
    assert not Draft.objects.exists()


def test_an_upload_of_flat_html_becomes_a_draft(login, writer):
    r = upload(login, writer, "news.html", f"<h1>{TITLE}</h1>{'<p>فقرة قصيرة</p>' * 20_000}".encode())
    assert r.status_code == 302 and Draft.objects.get().title == TITLE


def test_an_upload_of_hostile_markdown_is_answered(login, writer):
    r = upload(login, writer, "news.md", f"# {TITLE}\n\n{HOSTILE_MARKDOWN['brackets']}".encode())
    assert r.status_code == 302


# --- .docx bombs ------------------------------------------------------------------------------------------

def docx_with_body_xml(inner_xml: str) -> bytes:
    """A real Word file whose body holds ``inner_xml`` (written with python-docx, then swapped in)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    plain = io.BytesIO()
    document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode()
                at = xml.index("<w:sectPr")
                data = (xml[:at] + inner_xml + xml[at:]).encode()
            zout.writestr(item, data)
    return out.getvalue()


def test_a_docx_with_too_many_paragraphs_is_refused():
    bomb = docx_with_body_xml("<w:p/>" * (ingest.DOCX_MAX_PARAGRAPHS + 1))
    assert len(bomb) < 100_000  # a small file...
    with pytest.raises(ingest.IngestError, match="too much"):
        ingest.ingest_file("bomb.docx", bomb)


def test_a_docx_whose_text_expands_past_the_limit_is_refused_before_reading():
    run = "<w:r><w:t>" + "كلمة " * 100 + "</w:t></w:r>"
    paragraphs = (ingest.DOCX_MAX_XML_BYTES // len(run.encode())) // 50 + 1
    bomb = docx_with_body_xml(("<w:p>" + run * 50 + "</w:p>") * paragraphs)
    assert len(bomb) < ingest.DOCX_MAX_XML_BYTES / 50  # ...that expands more than fiftyfold
    with pytest.raises(ingest.IngestError, match="too much"):
        ingest.ingest_file("bomb.docx", bomb)


def test_a_docx_bomb_upload_is_refused_on_the_page(login, writer):
    bomb = docx_with_body_xml("<w:p/>" * (ingest.DOCX_MAX_PARAGRAPHS + 1))
    r = upload(login, writer, "bomb.docx", bomb)
    assert r.status_code == 400 and "too much" in r.content.decode()


def test_a_docx_just_under_the_paragraph_limit_is_read():
    body = "<w:p><w:r><w:t>فقرة</w:t></w:r></w:p>" * 20_000
    got = ingest.ingest_file("long.docx", docx_with_body_xml(body))
    assert got.title == TITLE and got.body_text.count("فقرة") == 20_000


def test_a_docx_reads_links_tabs_breaks_and_insertions_but_not_deletions():
    body = ('<w:p><w:r><w:t xml:space="preserve">أ </w:t></w:r>'
            '<w:hyperlink><w:r><w:t>رابط</w:t></w:r></w:hyperlink>'
            '<w:r><w:tab/><w:t>ب</w:t><w:br/><w:t>ج</w:t><w:br w:type="page"/></w:r>'
            '<w:ins w:id="1" w:author="x"><w:r><w:t>مضاف</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="x"><w:r><w:delText>محذوف</w:delText></w:r></w:del></w:p>')
    assert ingest.ingest_file("a.docx", docx_with_body_xml(body)).body_text == "أ رابط\tب\nجمضاف"


def test_a_merged_table_cell_is_read_once():
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text, table.cell(0, 2).text = "مدمجة", "ثالثة"
    out = io.BytesIO()
    document.save(out)
    assert ingest.ingest_file("t.docx", out.getvalue()).body_text == "مدمجة\n\nثالثة"


# --- the revision diff ------------------------------------------------------------------------------------

WORDS = ["الوزير", "افتتح", "المستشفى", "الجديد", "في", "المحافظة", "اليوم", "بحضور", "المسؤولين", "وقال"]


def paragraph_of(n: int, offset: int = 0) -> str:
    return " ".join(WORDS[(i * 7 + offset) % len(WORDS)] + str(i % 13) for i in range(n))


@pytest.mark.parametrize("second", ["one-word", "all-words"])
def test_a_20000_word_one_paragraph_diff_is_shown(login, writer, second):
    first = paragraph_of(20_000)
    if second == "one-word":
        words = first.split(" ")
        words[10_000] = "تغيير"
        changed = " ".join(words)
    else:
        changed = paragraph_of(20_000, offset=3)
    draft = services.draft_create(title=TITLE, body_text=first, user=writer)
    services.draft_revise(draft=draft, title=TITLE, body_text=changed, user=writer)
    r = login(writer).get(reverse("editorial:diff", args=[draft.pk]) + "?a=1&b=2")
    assert r.status_code == 200
    html = r.content.decode()
    if second == "one-word":  # the common beginning and end are set aside: the change is one word
        assert "<ins>تغيير</ins>" in html and html.count("<ins>") == 1
    else:  # past the token limit the changed middle is one block on each side
        assert html.count("<ins>") == 1 and html.count("<del>") == 1


def test_the_diff_of_many_changed_lines_stays_line_by_line():
    from editorial.web.history import DIFF_MAX_LINES, diff_rows

    a = "\n".join(paragraph_of(30, i) for i in range(DIFF_MAX_LINES))
    b = "\n".join(paragraph_of(30, i + 1) for i in range(DIFF_MAX_LINES))
    rows = diff_rows(a, b)
    assert len(rows) == DIFF_MAX_LINES and all(r.kind == "replace" for r in rows)
    assert rows[0].left == [(a.split("\n")[0], True)]
