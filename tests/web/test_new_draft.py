"""The new-draft form: paste or upload; clear errors; nothing typed is lost."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.models import Draft

pytestmark = pytest.mark.django_db

URL = reverse("editorial:draft_new")
BODY = "افتتح الوزير اليوم المستشفى الجديد في المحافظة."


def upload(name: str, data: bytes):
    return SimpleUploadedFile(name, data)


def test_pasting_a_title_and_body_creates_a_checked_draft(login, writer):
    response = login(writer).post(URL, {"title": "الوزير يفتتح المستشفى", "body": BODY})
    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("editorial:draft", args=[draft.pk])
    assert draft.author == writer and draft.revision_number == 1
    assert draft.revisions.get().check_runs.exists()


def test_an_empty_title_is_refused_and_the_body_is_kept(login, writer):
    response = login(writer).post(URL, {"title": "  ", "body": BODY})
    assert response.status_code == 400
    html = response.content.decode()
    assert BODY in html and 'id="id_title_error"' in html
    assert not Draft.objects.exists()


def test_an_empty_body_is_refused_and_the_title_is_kept(login, writer):
    html = login(writer).post(URL, {"title": "عنوان محفوظ", "body": ""}).content.decode()
    assert 'value="عنوان محفوظ"' in html and 'id="id_body_error"' in html


def test_a_text_upload_without_a_title_takes_its_first_line(login, writer):
    data = f"عنوان من الملف\n\n{BODY}".encode()
    login(writer).post(URL, {"title": "", "body": "", "file": upload("news.txt", data)})
    draft = Draft.objects.get()
    assert draft.title == "عنوان من الملف" and draft.body_text == BODY and draft.source_format == "text"


def test_a_word_upload_creates_a_draft(login, writer):
    document = docx.Document()
    document.add_heading("عنوان وورد", level=1)
    document.add_paragraph(BODY)
    out = io.BytesIO()
    document.save(out)
    login(writer).post(URL, {"file": upload("news.docx", out.getvalue())})
    draft = Draft.objects.get()
    assert (draft.title, draft.body_text, draft.source_format) == ("عنوان وورد", BODY, "docx")


def test_an_html_upload_is_sanitised(login, writer):
    data = "<h1>عنوان</h1><p>نص</p><script>alert(1)</script>".encode()
    login(writer).post(URL, {"file": upload("news.html", data)})
    draft = Draft.objects.get()
    assert draft.title == "عنوان" and "alert" not in draft.body_text + draft.source_html


def test_a_file_in_another_encoding_is_refused_and_the_title_kept(login, writer):
    response = login(writer).post(URL, {"title": "عنوان مكتوب", "file": upload("a.txt", BODY.encode("cp1256"))})
    html = response.content.decode()
    assert response.status_code == 400 and "UTF-8" in html and 'value="عنوان مكتوب"' in html
    assert not Draft.objects.exists()


def test_a_wrong_file_type_is_refused(login, writer):
    response = login(writer).post(URL, {"file": upload("a.pdf", b"%PDF-1.4")})
    assert response.status_code == 400 and ".docx" in response.content.decode()


def test_an_oversize_file_is_refused(login, writer, settings):
    settings.MAX_UPLOAD_BYTES = 50
    response = login(writer).post(URL, {"file": upload("a.txt", ("ب" * 100).encode())})
    assert response.status_code == 400 and not Draft.objects.exists()


def test_pasting_and_uploading_at_once_is_refused(login, writer):
    response = login(writer).post(URL, {"body": BODY, "file": upload("a.txt", b"x\ny")})
    assert response.status_code == 400 and BODY in response.content.decode()


def test_a_title_over_the_limit_is_refused(login, writer):
    response = login(writer).post(URL, {"title": "ع" * 1001, "body": BODY})
    assert response.status_code == 400 and not Draft.objects.exists()


def test_a_text_over_the_limit_is_refused_not_crashed(login, writer, settings):
    settings.MAX_DRAFT_CHARS = 100
    response = login(writer).post(URL, {"title": "عنوان", "body": "ب" * 101})
    assert response.status_code == 400 and not Draft.objects.exists()


def test_a_typed_title_wins_over_the_files_first_line(login, writer):
    login(writer).post(URL, {"title": "عنوان مكتوب", "file": upload("a.txt", f"سطر أول\n{BODY}".encode())})
    draft = Draft.objects.get()
    assert draft.title == "عنوان مكتوب" and draft.body_text.startswith("سطر أول")


def errors_of(html: str, field: str) -> str:
    start = html.find(f'id="id_{field}_error"')
    return html[start:html.find("</ul>", start)] if start >= 0 else ""


def test_an_empty_file_is_refused_on_the_file_field_alone(login, writer):
    html = login(writer).post(URL, {"file": upload("empty.txt", b"")}).content.decode()
    assert errors_of(html, "file") and not errors_of(html, "title") and not errors_of(html, "body")
    assert 'id="error-summary"' in html and "empty.txt" in html  # at the top, naming the file chosen


def test_a_file_whose_text_is_over_the_limit_is_refused_on_the_file_field(login, writer, settings):
    settings.MAX_DRAFT_CHARS = 100
    html = login(writer).post(URL, {"file": upload("long.txt", ("عنوان\n" + "ب" * 200).encode())}).content.decode()
    assert errors_of(html, "file") and not errors_of(html, "body")


def test_a_long_title_is_refused_with_the_limit_said_and_nothing_cut(login, writer):
    title = "ع" * 2000
    html = login(writer).post(URL, {"title": title, "body": BODY}).content.decode()
    assert "٢٬٠٠٠" in errors_of(html, "title") and "١٬٠٠٠" in errors_of(html, "title")
    assert f'value="{title}"' in html and 'maxlength="1000"' not in html


@pytest.mark.parametrize("body", ["\u200f\u200e\u200f", "😀🎉 🚀", "\u061c ... !!"])
def test_a_text_without_letters_is_refused(login, writer, body):
    response = login(writer).post(URL, {"title": "عنوان", "body": body})
    assert response.status_code == 400 and errors_of(response.content.decode(), "body")
    assert not Draft.objects.exists()


def test_a_new_draft_is_filed_under_its_desk(login, writer, make_draft):
    make_draft(desk="الاقتصاد")
    assert 'value="الاقتصاد"' in login(writer).get(URL).content.decode()  # suggested
    login(writer).post(URL, {"title": "الوزير يفتتح المستشفى", "body": BODY, "desk": "محليات"})
    assert Draft.objects.get(desk="محليات").author == writer


def test_a_script_gets_json_with_where_to_go(login, writer):
    response = login(writer).post(URL, {"title": "الوزير يفتتح المستشفى", "body": BODY},
                                  HTTP_ACCEPT="application/json")
    assert response.json() == {"redirect": reverse("editorial:draft", args=[Draft.objects.get().pk])}
