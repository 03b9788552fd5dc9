"""Closed intranets and file shares: every page requests nothing outside its own origin, and
the file-share build works opened straight from disk, search included."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support import ROOT, built_pages, mkdocs_build, result_link_selector, search

pytestmark = pytest.mark.browser


def one_page_of_each_kind() -> list[str]:
    """A page made by each template: what a page requests at run time comes from its template
    and Material's scripts (what its markup loads is checked on every page in test_built_site)."""
    kinds: dict[str, str] = {}
    for path in built_pages():
        folder, _, name = path.rpartition("/")
        kinds.setdefault(path if not folder or name == "index.html" else folder, path)
    return sorted(kinds.values())


def test_pages_and_search_stay_on_the_sites_origin(page, base_url):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    outside: list[str] = []
    page.on("request", lambda r: outside.append(f"{page.url} -> {r.url}") if not r.url.startswith(origin) else None)
    visited = one_page_of_each_kind()
    assert {"index.html", "briefs/index.html", "questions.html"} <= set(visited) and len(visited) >= 12, visited
    for path in visited:
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    search(page, "information sharing")
    page.locator(result_link_selector(page)).first.click()
    page.wait_for_load_state("networkidle")
    assert not [r for r in outside if "data:" not in r.split(" -> ")[1][:5]], outside


def test_the_file_share_build_vendors_what_it_would_fetch(offline_site):
    for page in offline_site.rglob("*.html"):
        html = page.read_text()
        assert "unpkg.com" not in html and "cdn" not in html.lower(), page
    assert (offline_site / "search" / "search_index.js").is_file()


def test_the_file_share_build_works_from_disk(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    page.locator("nav.md-nav--primary a[href='themes/index.html']").first.click()
    page.wait_for_url("**/themes/index.html")
    page.locator("a", has_text="Information Sharing").first.click()
    page.wait_for_url("**/themes/information-sharing.html")
    page.locator("a[href*='2016-17-send.html#']").first.click()
    page.wait_for_url("**/briefs/2016-17-send.html#*")
    search(page, "silent child")
    link = page.locator(".md-search-result__link[href*='2017-18-think-family.html'][href$='#the-silent-child']")
    link.click()
    page.wait_for_url("**/briefs/2017-18-think-family.html*#the-silent-child")
    context.close()
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]


def test_an_older_browser_without_resize_observer_fetches_nothing_from_elsewhere(browser, base_url):
    """Material fetches a ResizeObserver polyfill from a CDN when the browser lacks one; the site
    ships its own copy, so even then every request stays on the site's origin."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    context = browser.new_context()
    context.add_init_script("delete window.ResizeObserver")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    page.wait_for_load_state("networkidle")
    search(page, "silent child")
    native = page.evaluate("typeof window.ResizeObserver")
    context.close()
    assert native == "function"  # the shipped polyfill stood in
    assert any(url.endswith("resize-observer-polyfill.js") for url in requests)
    outside = [url for url in requests if not url.startswith(origin) and not url.startswith(("data:", "blob:"))]
    assert not outside, outside


def test_the_404_page_is_styled_under_a_sub_path(browser, tmp_path):
    """A host serves 404.html for any missing address, at any depth: with the published address
    in LB_SITE_URL its stylesheets and links point inside the site's sub-path."""
    from support import serve

    site = tmp_path / "site"
    result = mkdocs_build(ROOT, site, env={"LB_SITE_URL": "http://127.0.0.1/safeguarding/learning-briefs/"})
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = serve(site, with_headers=True, sub_path="safeguarding/learning-briefs")
    try:
        context = browser.new_context()
        page = context.new_page()
        failed: list[str] = []
        page.on(
            "response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("nope.html") else None
        )
        response = page.goto(f"{url}/safeguarding/learning-briefs/briefs/no/such/page/nope.html")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        sheets = page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => s.href)")
        assert any("learning-briefs.css" in href for href in sheets), sheets
        assert not failed, failed
        page.locator(".md-header__title, a.md-header__button.md-logo").first.click()
        page.wait_for_url(f"{url}/safeguarding/learning-briefs/index.html")
        context.close()
    finally:
        server.terminate()
        server.wait()
