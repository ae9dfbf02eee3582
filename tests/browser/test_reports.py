"""The newsroom reports in Chromium: charts drawn, tables under them, no CSP violation, both languages."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from editorial.reports.views import CHARTS
from tests.browser.helpers import sign_in
from tests.reports.conftest import build_newsroom

DRAWING_MS = 90_000


def _watch_csp(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    return problems


def test_a_publisher_reads_the_reports_in_arabic_and_english(page: Page, site, writer, other_writer, reviewer,
                                                              publisher, shots):
    build_newsroom(writer, other_writer, reviewer)
    problems = _watch_csp(page)
    sign_in(page, site, "publisher")
    # The first view draws every chart on the server (~0.2 s each, more on a busy machine): be patient once.
    # the click itself waits for the navigation it starts: it gets the same patience
    with page.expect_navigation(timeout=DRAWING_MS):
        page.locator("nav.site-nav a[href='/reports/']").click(timeout=DRAWING_MS)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("تقارير غرفة الأخبار")
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(len(CHARTS))
    for key in CHARTS:
        section = page.locator(f"#report-{key}")
        expect(section.locator("svg.chart")).to_be_visible()
        expect(section.locator("table.report-table tbody tr").first).to_be_visible()
    # drawn with its attributes, not a black blob: the hatched bars reference their patterns
    box = charts.first.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 150
    page.screenshot(path=str(shots / "reports-ar.png"))
    page.locator("#report-overrides").screenshot(path=str(shots / "reports-overrides-ar.png"))
    page.locator("#language").select_option("en")
    with page.expect_navigation(timeout=DRAWING_MS):
        page.locator("form.lang-switch button").click(timeout=DRAWING_MS)
    expect(page.locator("h1")).to_have_text("Newsroom reports")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("svg.chart")).to_have_count(len(CHARTS))
    page.screenshot(path=str(shots / "reports-en.png"))
    assert problems == []


def test_a_writer_is_refused_the_newsroom_reports_but_sees_their_trend(page: Page, site, writer, other_writer,
                                                                       reviewer):
    build_newsroom(writer, other_writer, reviewer)
    sign_in(page, site, "writer")
    expect(page.locator("nav.site-nav a[href='/reports/']")).to_have_count(0)
    response = page.goto(site + "/reports/")
    assert response is not None and response.status == 403
    page.goto(site + "/reports/me/")
    expect(page.locator("h1")).to_contain_text("writer")
    expect(page.locator("svg.chart")).to_have_count(1)
