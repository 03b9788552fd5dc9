"""The themes overview with ten audit years of synthetic briefs (tests/fixtures/ten-years): a
manager reads it on a phone, so it must not scroll sideways, must be easy to tap, and must show
the newest year first and the themes that keep coming back first."""

from __future__ import annotations

import pytest

from support import FIXTURES, make_project, mkdocs_build, serve, violations

pytestmark = pytest.mark.browser

YEARS = [f"{2090 - n}-{(91 - n) % 100:02d}" for n in range(10)]  # 2090-91 down to 2081-82


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("ten-years") / "project", FIXTURES / "ten-years" / "data")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = serve(project / "site")
    yield url
    server.terminate()
    server.wait()


@pytest.fixture(params=[375, 1280], ids=["phone", "desktop"])
def overview(request, browser, ten_years):
    context = browser.new_context(viewport={"width": request.param, "height": 800}, has_touch=request.param < 500)
    tab = context.new_page()
    tab.goto(f"{ten_years}/themes/index.html")
    yield tab
    context.close()


def theme_block(page, title):
    return page.locator(".lb-themes-overview__theme", has=page.locator(".lb-themes-overview__name a", has_text=title))


def test_every_year_shows_newest_first(overview):
    years = theme_block(overview, "Fixture Theme Found Every Year").locator(".lb-year-chip__year").all_inner_texts()
    assert years == YEARS


def test_recurring_themes_come_first_most_years_first(overview):
    names = overview.locator(".lb-themes-overview__name a").all_inner_texts()
    assert names[:3] == [
        "Fixture Theme Found Every Year",
        "Fixture Theme Found in Some Years",
        "Fixture Theme with an Unusually Long Title that Must Wrap on a Phone Screen",
    ]
    assert names.index("Fixture Theme Found Once") > 2 and names[-1] == "Fixture Theme Never Used"
    assert overview.locator(".lb-tag--recurring").count() == 3


def test_no_sideways_scrolling(overview):
    widths = overview.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the overview is {widths[0]}px wide on a {widths[1]}px screen"


def test_every_link_is_at_least_24_by_24_css_px(overview):
    """WCAG 2.5.8 (target size, minimum), measured: every link in the overview."""
    boxes = overview.locator(".lb-themes-overview a").evaluate_all(
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [a.innerText, r.width, r.height] })"
    )
    assert len(boxes) > 20
    small = [box for box in boxes if box[1] < 24 or box[2] < 24]
    assert not small, small


def test_key_messages_and_strengths_are_counted_apart(overview):
    block = theme_block(overview, "Fixture Theme Found Every Year")
    assert block.locator(".lb-themes-overview__total").inner_text() == "10 audit years: 10 key messages, 25 strengths"
    chip = block.locator("a.lb-year-chip", has_text="2090-91")
    # On a phone the counts are not shown but stay in the link's accessible name.
    assert chip.get_attribute("href").endswith("fixture-every-year.html#year-2090-91")
    assert "2090-91: 1 key message, 3 strengths" in chip.text_content()
    assert theme_block(overview, "Found Once").locator(".lb-themes-overview__total").inner_text() == (
        "1 audit year: 1 key message"
    )


def test_a_year_chip_opens_that_year(overview):
    theme_block(overview, "Found in Some Years").locator("a.lb-year-chip", has_text="2084-85").click()
    overview.wait_for_url("**/themes/fixture-some-years.html#year-2084-85")
    assert overview.locator("#year-2084-85").is_visible()


def test_no_wcag_violation(overview):
    assert not violations(overview)
