"""Highlighting: every finding marked in place, overlaps nested or split, nothing dropped, all text escaped."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from editorial.models import Finding
from editorial.web.findings import Shown, link_related
from editorial.web.highlight import highlight


def finding(key, start, end, text, family="placeholder", field="body", related=(), dismissal=None, **kw):
    row = Finding(family=family, rule=f"{family}.x", severity=kw.pop("severity", "error"), field=field, start=start,
                  end=end, text=text[start:end], message="رسالة", related=list(related), **kw)
    return Shown(row, key=str(key), dismissal=dismissal)


def strip_marks(html: str) -> str:
    return re.sub(r"</?mark[^>]*>", "", html)


def test_plain_text_is_escaped():
    assert str(highlight("<b>x</b> & y", "body", [])) == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_a_finding_is_wrapped_in_a_mark_with_its_data():
    text = "قال [الاسم] اليوم"
    with translation.override("en"):
        html = str(highlight(text, "body", [finding(7, 4, 11, text)]))
    assert html == (
        'قال <mark class="hl hl-placeholder sev-error hl-first" data-check="placeholder" data-rule="placeholder.x" '
        'data-severity="error" data-finding="7" title="⌧ Placeholders: رسالة" id="f-7">[الاسم]</mark> اليوم'
    )


def test_findings_on_the_other_field_are_ignored():
    text = "نص"
    assert str(highlight(text, "title", [finding(1, 0, 2, text)])) == "نص"


def test_dismissed_findings_are_not_marked():
    text = "نص طويل"
    f = finding(1, 0, 2, text, dismissal=object())
    assert "<mark" not in str(highlight(text, "body", [f]))


def test_nested_findings_nest():
    text = "abcdefghij"
    outer, inner = finding(1, 0, 10, text), finding(2, 2, 5, text, family="repetition")
    html = str(highlight(text, "body", [inner, outer]))
    assert html.index('id="f-1"') < html.index('id="f-2"')
    assert html.count("<mark") == 2 and strip_marks(html) == text


def test_crossing_findings_are_split_and_none_is_dropped():
    text = "abcdefghij"
    a, b = finding(1, 0, 6, text), finding(2, 3, 9, text, family="consistency")
    html = str(highlight(text, "body", [a, b]))
    assert strip_marks(html) == text
    assert 'id="f-1"' in html and 'id="f-2"' in html
    assert html.count("<mark") == html.count("</mark>") == 3
    assert 'data-part="more"' in html
    # Every character of each span sits inside one of its marks.
    depth, covered = [], {"1": set(), "2": set()}
    pos = 0
    for token in re.findall(r"<mark[^>]*>|</mark>|[^<]", html):
        if token.startswith("<mark"):
            depth.append(re.search(r'data-finding="(\d)"', token).group(1))
        elif token == "</mark>":
            depth.pop()
        else:
            for key in depth:
                covered[key].add(pos)
            pos += 1
    assert covered["1"] == set(range(6)) and covered["2"] == set(range(3, 9))


def test_identical_spans_both_appear():
    text = "abc"
    html = str(highlight(text, "body", [finding(1, 0, 3, text), finding(2, 0, 3, text, family="repetition")]))
    assert 'id="f-1"' in html and 'id="f-2"' in html and strip_marks(html) == text


def test_spans_outside_the_text_are_skipped_without_error():
    text = "abc"
    html = str(highlight(text, "body", [finding(1, 2, 9, "abcdefghi"), finding(2, 5, 4, "abcdefg")]))
    assert html == "abc"


def test_related_spans_get_their_own_marks_and_links():
    text = "قال الوزير كذا. قال الوزير كذا."
    f = finding(1, 16, 31, text, family="repetition",
                related=[{"field": "body", "start": 0, "end": 15, "text": text[0:15]}])
    link_related([f])
    html = str(highlight(text, "body", [f]))
    assert 'id="f-1-r0"' in html and 'data-related-to="1"' in html
    assert f.related_targets[0]["anchor"] == "f-1-r0"


def test_a_related_span_that_is_itself_a_finding_links_to_that_finding():
    text = "كذا كذا"
    a = finding(1, 0, 3, text, family="repetition", related=[{"field": "body", "start": 4, "end": 7, "text": "كذا"}])
    b = finding(2, 4, 7, text, family="repetition", related=[{"field": "body", "start": 0, "end": 3, "text": "كذا"}])
    link_related([a, b])
    assert a.related_targets[0]["anchor"] == "f-2"
    assert "hl-rel" not in str(highlight(text, "body", [a, b]))


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&lt;&amp;"])
def test_draft_text_and_finding_text_are_always_escaped(evil):
    text = f"قبل {evil} بعد"
    start = text.index(evil)
    f = finding(1, start, start + len(evil), text)
    f.message = evil
    html = str(highlight(text, "body", [f]))
    assert "<script" not in html and "<img" not in html
    assert strip_marks(html).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&#x27;", "'").replace("&amp;", "&") == text


@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet="اب <>&\"'x\n", min_size=1, max_size=40))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n)), max_size=6))
    findings = [finding(i, s, max(e, s + 1), text, family=("placeholder", "repetition", "consistency")[i % 3])
                for i, (s, e) in enumerate(spans) if max(e, s + 1) <= n]
    return text, findings


@hypothesis_settings(max_examples=300, deadline=None)
@given(text_and_findings())
def test_any_overlap_keeps_the_text_balanced_and_every_finding(case):
    text, findings = case
    html = str(highlight(text, "body", findings))
    assert html.count("<mark") == html.count("</mark>")
    assert strip_marks(html) == str(escape(text))
    for f in findings:
        assert html.count(f'id="{f.anchor}"') == 1
    depth = 0
    for token in re.findall(r"<mark[^>]*>|</mark>", html):
        depth += 1 if token.startswith("<mark") else -1
        assert depth >= 0


def test_quoted_text_in_messages_is_isolated_for_bidi():
    from editorial.templatetags.editorial_tags import isolate_quotes

    assert isolate_quotes("“نص” is a note") == "“\u2068نص\u2069” is a note"
    assert isolate_quotes("العبارة «abc» مكررة") == "العبارة «\u2068abc\u2069» مكررة"
    assert isolate_quotes("no quotes") == "no quotes"
