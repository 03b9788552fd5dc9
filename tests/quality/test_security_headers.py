"""The headers the build writes: a strict CSP built from the output, and no violation of it
while a person navigates, searches and uses every interactive feature."""

from __future__ import annotations

import re

import pytest

from macros.headers import HEADERS_FILE, NGINX_FILE, read_headers_file
from support import inline_script_hashes, result_link_selector, search, serve

pytestmark = pytest.mark.browser


def test_the_build_writes_headers_for_hosts_and_nginx(site):
    values = read_headers_file(site / HEADERS_FILE)
    csp = values["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    # Pagefind's WebAssembly is the one exception, and only that: no eval() of JavaScript.
    assert csp.count("'wasm-unsafe-eval'") == 1
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
    assert script_src.startswith("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), script_src
    without_wasm = csp.replace("'wasm-unsafe-eval'", "")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in without_wasm and "http" not in csp
    assert values["X-Content-Type-Options"] == "nosniff"
    assert values["Referrer-Policy"] == "no-referrer"
    nginx = (site / NGINX_FILE).read_text()
    assert f'add_header Content-Security-Policy "{csp}" always;' in nginx


def test_the_policy_hashes_every_inline_script_and_only_those(site):
    csp = read_headers_file(site / HEADERS_FILE)["Content-Security-Policy"]
    listed = set(re.findall(r"'sha256-[^']+'", csp))
    assert listed == set(inline_script_hashes(site))
    assert len(listed) >= 2  # Material's scripts differ by page depth


@pytest.fixture(scope="module")
def secured_url(site):
    process, url = serve(site, with_headers=True)
    yield url
    process.terminate()
    process.wait()


def watch_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return found


def test_no_csp_violation_while_using_the_site(browser, secured_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations = watch_violations(page)
    response = page.goto(f"{secured_url}/index.html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    for path in ["briefs/index.html", "briefs/2016-17-send.html", "themes/index.html", "questions.html"]:
        page.goto(f"{secured_url}/{path}")
    page.goto(f"{secured_url}/briefs/2017-18-think-family.html")
    page.locator(".md-sidebar--secondary a", has_text="Thresholds").first.click()  # table of contents
    page.locator("#thresholds a.headerlink").click()  # permalink
    page.mouse.wheel(0, -400)
    page.locator(".md-top").click(timeout=5000)  # back to top
    page.locator("a.lb-theme-chip").first.click()  # theme chip
    page.wait_for_url("**/themes/*.html")
    page.wait_for_load_state("networkidle")
    search(page, "silent child")  # Pagefind: its script, worker, WebAssembly and index files
    page.locator(result_link_selector(page)).first.click()
    page.wait_for_load_state("networkidle")  # the result's page highlights the words searched for
    assert page.locator("mark.lb-highlight").count() >= 1
    context.close()
    assert not violations, violations


def test_no_csp_violation_on_a_phone(browser, secured_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    violations = watch_violations(page)
    page.goto(f"{secured_url}/briefs/2016-17-send.html")
    page.get_by_role("button", name="Menu").click()  # navigation drawer
    page.locator(".md-nav--primary a", has_text="Themes").first.click()
    page.wait_for_url("**/themes/index.html")
    search(page, "domestic abuse")  # search on a phone
    page.keyboard.press("Escape")
    page.goto(f"{secured_url}/themes/index.html")
    page.locator("a.lb-year-chip").first.focus()  # a year chip in the themes overview
    context.close()
    assert not violations, violations
