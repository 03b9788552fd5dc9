"""A practitioner reading the built site in headless Chromium, served under a sub-path."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest

from support import result_links, search

pytestmark = pytest.mark.browser


def without_query(url: str) -> str:
    """Material adds ?h=<query> to result links (to highlight the words); compare without it."""
    return urlunsplit(urlsplit(url)._replace(query=""))


def test_home_loads_with_latest_brief_and_themes(page, base_url):
    page.goto(f"{base_url}/index.html")
    assert page.title().startswith("Home")
    latest = page.locator(".lb-brief-card a", has_text="2017-18: Think Family")
    latest.first.click()
    assert page.url.endswith("/briefs/2017-18-think-family.html")
    assert page.locator("h1").inner_text().startswith("2017-18: Think Family")


def test_searching_silent_child_leads_to_the_key_message(page, base_url):
    page.goto(f"{base_url}/index.html")
    search(page, "silent child")
    link = page.locator(".md-search-result__link[href*='briefs/2017-18-think-family.html'][href$='#the-silent-child']")
    assert link.count() == 1
    link.click()
    page.wait_for_url(lambda url: without_query(url).endswith("/briefs/2017-18-think-family.html#the-silent-child"))
    heading = page.locator("#the-silent-child")
    assert heading.is_visible()
    assert "The 'Silent' Child" in heading.inner_text()


@pytest.mark.parametrize(
    "query, anchor",
    [
        ("thresholds", "briefs/2017-18-think-family.html#thresholds"),
        ("information sharing", "#information-sharing"),
        ("fathers", "briefs/2017-18-think-family.html#fathers-and-or-significant-others"),
        ("DV", "briefs/2017-18-think-family.html#safety-planning-in-response-to-dv"),
        ("domestic abuse", "briefs/2017-18-think-family.html#safety-planning-in-response-to-dv"),
    ],
)
def test_search_finds_key_messages(page, base_url, query, anchor):
    page.goto(f"{base_url}/index.html")
    search(page, query)
    hrefs = [without_query(href) for href in result_links(page)]
    assert any(anchor in href for href in hrefs), hrefs


def test_a_theme_chip_opens_the_theme_page(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    page.locator("#the-silent-child").scroll_into_view_if_needed()
    card = page.locator("article.lb-key-message", has=page.locator("#the-silent-child"))
    card.locator("a.lb-theme-chip", has_text="The Silent Child").click()
    page.wait_for_url("**/themes/silent-child.html")
    assert page.locator("h1").inner_text().startswith("The Silent Child")
    assert page.locator("a[href$='2017-18-think-family.html#the-silent-child']").count() >= 1


@pytest.mark.parametrize("brief_id", ["2016-17-send", "2017-18-think-family"])
def test_a_brief_fits_a_375px_phone_without_sideways_scrolling(browser, base_url, brief_id):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{base_url}/briefs/{brief_id}.html")
    widths = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"page is {widths[0]}px wide on a {widths[1]}px screen"


@pytest.mark.parametrize(
    "query, target",
    [
        ("domestic violence", "briefs/2017-18-think-family.html#safety-planning-in-response-to-dv"),
        ("SEND", "briefs/2016-17-send.html"),
        ("special educational needs", "briefs/2016-17-send.html"),
        ("EHCP", "briefs/2016-17-send.html#case-3"),
        ("CAMHS", "briefs/2017-18-think-family.html#the-silent-child"),
        ("GP", "audiences/gps.html"),
    ],
)
def test_other_words_people_use_find_the_learning(page, base_url, query, target):
    page.goto(f"{base_url}/index.html")
    search(page, query)
    hrefs = [without_query(href) for href in result_links(page)]
    assert any(href.split("/learning-briefs/", 1)[1].startswith(target) for href in hrefs), hrefs


def test_search_lists_a_key_message_once(page, base_url):
    page.goto(f"{base_url}/index.html")
    search(page, "silent child")
    hrefs = [without_query(href) for href in result_links(page)]
    assert len(hrefs) == len(set(hrefs)), hrefs
    assert sum(href.endswith("2017-18-think-family.html#the-silent-child") for href in hrefs) == 1, hrefs
