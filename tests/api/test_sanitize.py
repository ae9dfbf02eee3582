"""HTML in, safe HTML and plain text out; checks and offsets work on the stored body_text."""

from __future__ import annotations

import pytest

from editorial.models import Draft
from editorial.sanitize import sanitize_html, sanitize_markdown

from .conftest import PLACEHOLDER, TITLE

HOSTILE = [
    ("<script>alert(1)</script>نص", "نص"),
    ("<SCRIPT type='text/javascript'>document.cookie</SCRIPT>نص", "نص"),
    ("<style>body{display:none}</style>نص", "نص"),
    ("<iframe src='https://evil.example'>داخل</iframe>نص", "نص"),
    ("<noscript><img src=x onerror=alert(1)>داخل</noscript>نص", "نص"),
    ("<template><p>داخل</p></template>نص", "نص"),
    ("<svg><script>alert(1)</script><text>داخل</text></svg>نص", "نص"),
    ("<script>unclosed نص", ""),
    ("<p onclick='steal()'>نص</p>", "نص"),
    ("<a href='javascript:alert(1)'>نص</a>", "نص"),
    ("<img src=x onerror=alert(1)>نص", "نص"),
    ("<!-- <script>alert(1)</script> -->نص", "نص"),
    ("<object data='x.swf'>داخل</object>نص", "نص"),
    ("&lt;script&gt;نص", "<script>نص"),
]


@pytest.mark.parametrize(("html", "text"), HOSTILE)
def test_hostile_markup_leaves_only_safe_html_and_text(html, text):
    clean, plain = sanitize_html(html)
    assert plain == text
    lowered = clean.lower()
    for bad in ("<script", "<style", "<iframe", "<img", "onerror", "onclick", "javascript:", "<object", "<svg",
                "alert(1)", "داخل"):
        assert bad not in lowered


@pytest.mark.parametrize(("html", "text"), [
    ("<p>أولى</p><p>ثانية</p>", "أولى\n\nثانية"),
    ("<div>أولى<br>سطر</div>", "أولى\nسطر"),
    ("<h2>عنوان</h2>نص   حر\n  هنا", "عنوان\n\nنص حر هنا"),
    ("<ul><li>أ</li><li>ب</li></ul>", "أ\n\nب"),
    ("<p>كلمة <b>قوية</b> و<i>مائلة</i></p>", "كلمة قوية ومائلة"),
    ("<p>&amp; &quot;اقتباس&quot; &#1575;</p>", '& "اقتباس" ا'),
    ("<p dir='rtl'>نص</p>", "نص"),
    ("", ""),
    ("<p>   </p>", ""),
])
def test_block_elements_become_paragraphs(html, text):
    assert sanitize_html(html)[1] == text


def test_it_keeps_structural_markup_and_safe_links():
    clean, _text = sanitize_html('<p dir="rtl">نص <a href="https://example.com" onclick="x">رابط</a></p>')
    assert clean == '<p dir="rtl">نص <a href="https://example.com">رابط</a></p>'


def test_markdown_becomes_sanitised_html_and_text():
    clean, text = sanitize_markdown("# عنوان\n\nفقرة *مهمة*\n\n<script>alert(1)</script>\n\n- أ\n- ب")
    assert "<script" not in clean and "<em>مهمة</em>" in clean
    assert text == "عنوان\n\nفقرة مهمة\n\nأ\n\nب"


@pytest.mark.django_db
def test_an_html_draft_is_stored_as_sanitised_html_with_offsets_into_body_text(cms_a):
    html = (f"<p>افتتح <b>الوزير</b> صباح {PLACEHOLDER} المستشفى.</p>"
            f"<script>var x = '{PLACEHOLDER}';</script><p onclick='x()'>فقرة ثانية.</p>")
    r = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": html, "body_format": "html"}, format="json")
    assert r.status_code == 201
    data = r.json()
    assert data["body_text"] == f"افتتح الوزير صباح {PLACEHOLDER} المستشفى.\n\nفقرة ثانية."
    hits = [f for f in data["report"]["findings"] if f["text"] == PLACEHOLDER]
    assert len(hits) == 1 and data["body_text"][hits[0]["start"]:hits[0]["end"]] == PLACEHOLDER
    draft = Draft.objects.get(pk=data["id"])
    assert draft.source_format == "html" and "<script" not in draft.source_html and "onclick" not in draft.source_html
    assert draft.body_text == data["body_text"]


@pytest.mark.django_db
def test_a_markdown_draft_is_checked_on_its_text(cms_a):
    r = cms_a.post("/api/v1/drafts/", {"title": TITLE, "body": f"**الخبر** {PLACEHOLDER}",
                                       "body_format": "markdown"}, format="json")
    assert r.json()["body_text"] == f"الخبر {PLACEHOLDER}" and r.json()["body_format"] == "markdown"
