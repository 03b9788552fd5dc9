"""WCAG 2.2 AA in a real browser: axe-core on every built page at desktop and phone widths,
with search results open and with the navigation drawer open; keyboard use; visible focus."""

from __future__ import annotations

import pytest

from support import built_pages, links, result_links, search, violations

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture(params=WIDTHS.values(), ids=WIDTHS.keys())
def sized_page(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def test_every_page_has_no_wcag_violation(sized_page, base_url):
    found = []
    for path in built_pages():
        sized_page.goto(f"{base_url}/{path}")
        found += [f"{path}: {v}" for v in violations(sized_page)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("query", ["child", "thresholds"])
def test_search_results_have_no_wcag_violation(sized_page, base_url, query):
    sized_page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    search(sized_page, query)
    found = violations(sized_page)
    assert not found, f"briefs/2017-18-think-family.html with search results for {query!r} open: {found}"


def test_open_navigation_drawer_has_no_wcag_violation(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/briefs/2016-17-send.html")
    page.get_by_role("button", name="Menu").click()
    page.locator(".md-nav--primary").first.wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    found = violations(page)
    context.close()
    assert not found, f"briefs/2016-17-send.html with the navigation drawer open: {found}"


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim(),
        href: e.getAttribute('href') || '', cls: e.className || '', outline: s.outlineStyle,
        outlineWidth: parseFloat(s.outlineWidth), shadow: s.boxShadow} }"""
    )


def test_a_brief_page_works_by_keyboard_alone(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to content" and page.locator(".md-skip").is_visible()
    assert first["outline"] != "none" and first["outlineWidth"] >= 2
    page.keyboard.press("Enter")
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        seen.append(focused(page))
    chips = [f for f in seen if "lb-theme-chip" in f["cls"]]
    assert chips, "tabbing never reached a theme chip"
    # Every stop shows where focus is: an outline of at least 2px, or Material's focus shadow.
    stops = [f for f in seen if f["tag"] != "BODY"]  # BODY: focus has left the page's controls
    invisible = [f for f in stops if not (f["outline"] != "none" and f["outlineWidth"] >= 2) and f["shadow"] == "none"]
    assert not invisible, invisible[:5]
    # Enter on a focused chip follows it.
    page.keyboard.press("Escape")
    page.locator("a.lb-theme-chip").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/themes/*.html")


def test_search_and_navigation_are_reached_by_tab(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if "md-nav__link" in seen[-1]["cls"] and seen[-1]["text"] == "Themes":
            break
    assert any(f["tag"] == "BUTTON" and f["text"].startswith("Search") for f in seen), "Tab never reached search"
    assert seen[-1]["text"] == "Themes", f"Tab never reached the navigation: {[f['text'] for f in seen]}"
    page.keyboard.press("Enter")
    page.wait_for_url("**/themes/index.html")


def test_search_is_usable_by_keyboard(page, base_url):
    page.goto(f"{base_url}/briefs/2016-17-send.html")
    page.keyboard.press("/")  # Pagefind's search dialog opens with its box focused
    assert focused(page)["tag"] == "INPUT"
    page.keyboard.type("thresholds", delay=30)
    page.locator("pagefind-modal li.pf-result").first.wait_for(state="visible")
    result_links(page)  # results are replaced as keys are pressed: wait until they settle
    for _ in range(4):  # past the box's Clear button to the first result
        page.keyboard.press("Tab")
        if "pf-result-link" in focused(page)["cls"]:
            break
    assert "pf-result-link" in focused(page)["cls"], focused(page)
    page.keyboard.press("Enter")
    # The first result is the brief holding the Thresholds key message.
    page.wait_for_url("**/briefs/2017-18-think-family.html*")
    page.keyboard.press("Escape")


def test_links_in_text_are_underlined_not_told_by_colour_alone(page, base_url):
    page.goto(f"{base_url}/how-to-use.html")
    decoration = page.locator(".md-content p a, .md-content li a").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    assert "underline" in decoration


def test_the_accessibility_statement_is_linked_from_every_page(page, base_url, site):
    unlinked = []
    for path in built_pages():
        hrefs = [href for _, href in links((site / path).read_text(encoding="utf-8"))]
        if not any(href.split("#")[0].endswith("accessibility.html") for href in hrefs):
            unlinked.append(path)
    assert not unlinked, f"no link to the accessibility statement on {unlinked}"
    page.goto(f"{base_url}/index.html")
    page.locator("a", has_text="Accessibility").first.click()
    page.wait_for_url("**/accessibility.html")
    assert "WCAG 2.2" in page.locator(".md-content").inner_text()


def test_the_menu_opens_by_keyboard_on_a_narrow_screen(browser, base_url):
    """On a phone, or a desktop zoomed in, the navigation sits behind the menu button: a
    keyboard reaches it, opens it with Enter or Space, hears whether it is open, and then
    reaches the navigation's links."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{base_url}/index.html")
        button = page.get_by_role("button", name="Menu")
        for _ in range(10):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        else:
            raise AssertionError("Tab never reached the menu button")
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked()
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press(" ")  # Space, as on any button: closes it, and opens it again
        assert not page.locator("#__drawer").is_checked()
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press(" ")
        assert page.locator("#__drawer").is_checked()
        themes = page.locator(".md-nav--primary a.md-nav__link", has_text="Themes").first
        themes.wait_for(state="visible")
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Themes":
                break
        else:
            raise AssertionError("Tab never reached the navigation once the menu was open")
        page.set_viewport_size({"width": 1280, "height": 900})  # where the navigation is always shown
        assert not button.is_visible()
    finally:
        context.close()
