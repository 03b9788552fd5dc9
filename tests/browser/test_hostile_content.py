"""Markup that reached a page anyway never runs: titles and texts are escaped by the renderer,
and the file-share build, which no web server protects, carries its Content-Security-Policy in
every page, so even markup injected into a built page stays inert when opened from disk."""

from __future__ import annotations

import re

import pytest

from macros.headers import HEADERS_FILE, read_headers_file
from support import FIXTURES, make_project, mkdocs_build

pytestmark = pytest.mark.browser

RAN = "(window.__ran = window.__ran || []).push"  # each payload that runs says so
PAYLOADS = {
    "script": f"<script>{RAN}('script')</script>",
    "img": f'<img src="x" onerror="{RAN}(\'img\')">',
    "div": f"<div onmouseover=\"{RAN}('div')\">hover</div>",
    "link": f"<a href=\"javascript:{RAN}('link')\">click</a>",
    "svg": f"<svg onload=\"{RAN}('svg')\"></svg>",
    "attr": f"<p onclick=\"{RAN}('attr')\">click</p>",
}
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


@pytest.fixture(scope="module")
def offline_fixture_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("offline") / "project", FIXTURES / "site" / "data")
    site = project / "site"
    result = mkdocs_build(project, site, env={"LB_OFFLINE": "true"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def inject(page, payloads: list[str]) -> None:
    """Put markup into a built page's content, as if it had got past every check."""
    html = page.read_text(encoding="utf-8")
    marker = '<h2 id="introduction">'
    assert marker in html
    page.write_text(html.replace(marker, "".join(payloads) + marker, 1), encoding="utf-8")


def test_the_file_share_build_carries_its_policy_in_every_page(offline_fixture_site):
    pages = list(offline_fixture_site.rglob("*.html"))
    assert pages
    served = read_headers_file(offline_fixture_site / HEADERS_FILE)["Content-Security-Policy"]
    hashes = set(re.findall(r"'sha256-[^']+'", served))
    assert len(hashes) >= 2
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in head, page
        assert "frame-ancestors" not in head  # ignored in a <meta> policy
        # The same scripts allowed as by the headers a server would send.
        assert set(re.findall(r"'sha256-[^']+'", head)) == hashes, page


def payloads_that_run(browser, page_file) -> set[str]:
    """Open `page_file` from disk, set off every injected payload, and say which ran."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    content = page.locator(".md-content")
    assert content.locator("[onmouseover], [onclick], [onerror], [onload], script").count() == 5  # injected
    for element in content.locator("[onmouseover], [onclick]").all():
        element.dispatch_event("click")
        element.dispatch_event("mouseover")
    content.locator("a[href^='javascript:']").click(force=True)
    page.wait_for_timeout(200)
    ran = page.evaluate("window.__ran || []")
    context.close()
    return set(ran)


def test_injected_markup_does_not_run_from_disk(browser, offline_fixture_site):
    page_file = offline_fixture_site / "briefs" / "2099-00-fixture.html"
    inject(page_file, list(PAYLOADS.values()))
    assert payloads_that_run(browser, page_file) == set()
    # The control: the same page without its policy runs every payload, so the payloads and the
    # way they are set off are live, and the policy is what stops them.
    unprotected = page_file.with_name("2099-00-fixture-unprotected.html")  # beside it: same assets
    html = page_file.read_text(encoding="utf-8")
    assert len(POLICY_META.findall(html)) == 1
    unprotected.write_text(POLICY_META.sub("", html), encoding="utf-8")
    try:
        assert payloads_that_run(browser, unprotected) == set(PAYLOADS)
    finally:
        unprotected.unlink()


def test_the_site_still_works_from_disk_under_its_policy(browser, offline_fixture_site):
    """The policy blocks only what the site does not do: search runs from disk under it."""
    from support import search

    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto((offline_fixture_site / "index.html").as_uri())
    results = search(page, "quokka")
    count = results.count()
    context.close()
    assert count >= 1
    assert not violations, violations
