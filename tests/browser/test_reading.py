"""A practitioner reading the built site in headless Chromium, served under a sub-path."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest

from support import real_catalogue, result_link_selector, result_links, search, uses_pagefind

pytestmark = pytest.mark.browser


def without_query(url: str) -> str:
    """Result links carry the query (?highlight= in Pagefind's, ?h= in Material's) to highlight
    the words on the page they open; compare without it."""
    return urlunsplit(urlsplit(url)._replace(query=""))


def test_home_loads_with_latest_brief_and_themes(page, base_url):
    page.goto(f"{base_url}/index.html")
    assert page.title().startswith("Home")
    latest = page.locator(".lb-brief-card a", has_text="2017-18: Think Family")
    latest.first.click()
    assert page.url.endswith("/briefs/2017-18-think-family.html")
    assert page.locator("h1").inner_text().startswith("2017-18: Think Family")


def test_searching_silent_child_leads_to_the_key_message(page, any_base_url):
    page.goto(f"{any_base_url}/index.html")
    search(page, "silent child")
    result_links(page)  # wait for the results to settle
    selector = result_link_selector(page)
    link = page.locator(selector).locator("xpath=self::*[contains(@href, 'briefs/2017-18-think-family.html')]")
    link = link.and_(page.locator("[href$='#the-silent-child']"))
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
def test_search_finds_key_messages(page, any_base_url, query, anchor):
    page.goto(f"{any_base_url}/index.html")
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
def test_other_words_people_use_find_the_learning(page, any_base_url, query, target):
    page.goto(f"{any_base_url}/index.html")
    search(page, query)
    hrefs = [without_query(href) for href in result_links(page)]
    assert any(href.split("/learning-briefs/", 1)[1].startswith(target) for href in hrefs), hrefs


def test_search_lists_a_key_message_once(page, any_base_url):
    page.goto(f"{any_base_url}/index.html")
    search(page, "silent child")
    hrefs = [without_query(href) for href in result_links(page)]
    assert len(hrefs) == len(set(hrefs)), hrefs
    assert sum(href.endswith("2017-18-think-family.html#the-silent-child") for href in hrefs) == 1, hrefs


def first_result(page) -> list[str]:
    """The first result as the search shows it: its page, then its sections. Material lists the
    sections that score best, best first (those scoring less are folded under "more" and not
    counted here); Pagefind lists the page's best sections in the order of the page."""
    result_links(page)  # wait for the results to settle
    if uses_pagefind(page):
        first = page.locator("pagefind-modal li.pf-result").first.locator("a.pf-result-link, a.pf-heading-link")
    else:
        first = page.locator(".md-search-result__item").first.locator(":scope > a.md-search-result__link")
    return [
        without_query(href).split("/learning-briefs/", 1)[1]
        for href in first.evaluate_all("links => links.map(link => link.href)")
    ]


@pytest.mark.parametrize(
    "query, target",
    [
        ("silent child", "briefs/2017-18-think-family.html#the-silent-child"),
        ("silent", "briefs/2017-18-think-family.html#the-silent-child"),
        ("domestic abuse", "briefs/2017-18-think-family.html#safety-planning-in-response-to-dv"),
        ("DV", "briefs/2017-18-think-family.html#safety-planning-in-response-to-dv"),
        ("thresholds", "briefs/2017-18-think-family.html#thresholds"),
        ("overlooked", "themes/silent-child.html"),  # a theme page is found by its description
    ],
)
def test_the_right_content_comes_first(page, any_base_url, query, target):
    page.goto(f"{any_base_url}/index.html")
    search(page, query)
    links = first_result(page)
    sections = [link for link in links if "#" in link]
    if "#" not in target:
        assert links[0] == target, links
    elif uses_pagefind(page):  # the right page first, the right section among its best
        assert links[0] == target.split("#")[0] and target in sections, links
    else:
        assert sections[0] == target, links


def search_words() -> list[list[str]]:
    from macros.render import theme_search_words

    catalogue = real_catalogue()
    return [theme_search_words(catalogue, [theme_id]) for theme_id in catalogue.themes]


@pytest.mark.parametrize("query", ["silent child", "domestic abuse", "DV", "thresholds", "CAMHS", "parents"])
def test_no_snippet_starts_with_a_list_of_search_words(page, any_base_url, query):
    page.goto(f"{any_base_url}/index.html")
    search(page, query)
    result_links(page)
    if uses_pagefind(page):  # a snippet under each page and under each of its sections
        teasers = page.locator(
            "pagefind-modal .pf-result-excerpt, pagefind-modal .pf-heading-excerpt"
        ).all_inner_texts()
    else:
        teasers = page.locator(".md-search-result__article").evaluate_all(
            "articles => articles.map(a => Array.from(a.children).filter(c => !/^H[12]$/.test(c.tagName) &&"
            " !c.classList.contains('md-search-result__icon')).map(c => c.textContent).join(' ').trim())"
        )
    assert any(teasers), teasers
    lists = [", ".join(words[:2]).lower() for words in search_words() if len(words) >= 2]
    leading = [t for t in teasers for words in lists if t.lower().startswith(words)]
    assert not leading, leading
    # Pagefind keeps the hidden other words, marked ⟦ ⟧, in the text it makes snippets from: none
    # may show (a theme page's visible "Also called ..." is its text, and may).
    assert not [t for t in teasers if "⟦" in t or "⟧" in t], teasers
