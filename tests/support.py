"""Helpers the tests share: the project's paths, building and serving a site, the visible text
of a built page, its links, the words editor Markdown shows, and the site's search (Pagefind's, or Material's offline)."""

from __future__ import annotations

import functools
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
if str(ROOT) not in sys.path:  # the tests import the project's package
    sys.path.insert(0, str(ROOT))

# One copy of these for the benchmark and the tests: the browser (Debian's, never a downloaded
# one), and a project made of this site's code next to another data/ folder.
from benchmarks.bench import CHROMIUM, CHROMIUM_ARGS, free_port, make_project  # noqa: E402, F401 (shared)


def mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict build of `project` into `site_dir`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def serve(directory: Path, *, with_headers: bool = False, sub_path: str = ""):
    """Serve `directory` on a free loopback port in a separate process; returns (process, base URL).

    `with_headers` sends the security headers the build wrote into `_headers`, and the site's
    404 page for a missing address, with the site under `sub_path` when given."""
    port = free_port()
    if with_headers:
        command = [
            sys.executable,
            str(Path(__file__).parent / "serve_with_headers.py"),
            str(directory),
            str(port),
            sub_path,
        ]
    else:
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, f"http://127.0.0.1:{port}"


def make_check(data: Path) -> subprocess.CompletedProcess:
    """What `make check` runs, on another data folder (run from beside it, as an editor would)."""
    return subprocess.run(
        [sys.executable, "-m", "macros.check", str(data)],
        cwd=data.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def built_pages() -> list[str]:
    """Every page the build makes: the hand-written ones and those that follow from the data."""
    from macros.content import load
    from macros.pages import generated_pages

    written = [p.relative_to(ROOT / "docs").with_suffix(".html").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    generated = [page.src_uri.removesuffix(".md") + ".html" for page in generated_pages(load(ROOT / "data"))]
    return sorted(written + generated)


def shown_words(markdown: str) -> str:
    """The words a reader sees of editor Markdown, for word-for-word comparison with a page:
    links become their text, emphasis markers go, whitespace is collapsed, lower case."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return normalise(re.sub(r"[*_]", "", text))


# Parts of a page that are not its content: permalinks, "link to follow" notes, scripts, and what
# only paper shows (the print heading) or only a script shows (the print button).
SKIP_CLASSES = {"headerlink", "lb-resource__note", "lb-print-header", "lb-print-button"}
SKIP_TAGS = {"script", "style", "template"}
BLOCK = set(
    "p div li ul ol h1 h2 h3 h4 h5 h6 article section nav header footer main aside table caption "
    "thead tbody tr td th dl dt dd blockquote details summary figure figcaption label".split()
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self, start_class: str | None):
        super().__init__(convert_charrefs=True)
        self.start_class = start_class
        self.depth = 0  # depth inside the content element (0 = outside)
        self.skipping = 0  # depth inside a skipped element
        self.parts: list[str] = []
        self.inside = start_class is None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if not self.inside and self.start_class in classes:
            self.inside, self.depth = True, 1
            return
        if self.inside and self.start_class:
            self.depth += 1
        if self.skipping:
            self.skipping += 1
        elif tag in SKIP_TAGS or classes & SKIP_CLASSES:
            self.skipping = 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.skipping:
            self.skipping -= 1
        if self.inside and self.start_class:
            self.depth -= 1
            if self.depth == 0:
                self.inside = False
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.inside and not self.skipping:
            self.parts.append(data)


def visible_text(html: str, within_class: str | None = "md-content") -> str:
    """Text of the page's content area, whitespace collapsed."""
    parser = _Text(within_class)
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def normalise(text: str) -> str:
    """Lower case, whitespace collapsed: for word-for-word comparison."""
    return re.sub(r"\s+", " ", text).strip().lower()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, value))


def links(html: str) -> list[tuple[str, str]]:
    """Every (tag, href-or-src) on a page."""
    parser = _Links()
    parser.feed(html)
    return parser.links


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]


# The two searches' result links: Pagefind's (the web build) and Material's (the file-share
# build). A Pagefind result is a page link, then links to its sections (heading chips).
PAGEFIND_LINKS = "pagefind-modal a.pf-result-link, pagefind-modal a.pf-heading-link"
MATERIAL_LINKS = ".md-search-result__link"


def uses_pagefind(page) -> bool:
    return page.locator("pagefind-modal-trigger").count() > 0


def result_link_selector(page) -> str:
    return PAGEFIND_LINKS if uses_pagefind(page) else MATERIAL_LINKS


def search(page, text: str):
    """Type into the site's search as a person would, and return the result items: Pagefind's
    dialog in the web build (opened from its header button), Material's in the file-share build."""
    if uses_pagefind(page):
        page.locator("pagefind-modal-trigger button").first.click()
        box = page.locator("pagefind-modal input[type=search]")
        box.wait_for(state="visible", timeout=10000)
        box.press_sequentially(text, delay=30)
        results = page.locator("pagefind-modal li.pf-result")
        results.first.wait_for(state="visible", timeout=10000)
        return results
    return material_search(page, text)


def material_search(page, text: str):
    """Type into Material's search as a person would, and return the result items.

    `fill()` does not trigger Material's search: keys are pressed one by one. Material wires up
    the search box a moment after the page loads; a click before that focuses the box without
    opening the search dialog, so the click is repeated until the dialog is open."""
    box = page.locator("input.md-search__input")
    toggle = page.locator("#__search")
    for _ in range(20):
        if page.viewport_size and page.viewport_size["width"] < 960:
            page.locator("label.md-header__button[for=__search]").click()  # phones: the header button
        box.click()
        # Polled from here, not with wait_for_function: a page's own Content-Security-Policy
        # forbids the string evaluation that needs.
        if any(toggle.is_checked() or page.wait_for_timeout(50) for _ in range(10)):
            break
        box.blur()
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    box.press_sequentially(text, delay=30)
    results = page.locator(".md-search-result__item")
    # On a slow machine Material can close the dialog after it opened (it closes search when the
    # page's #anchor is applied late): the results are there but hidden. Open it again, as a
    # reader would by clicking the box, which keeps the words typed.
    for _ in range(3):
        try:
            results.first.wait_for(state="visible", timeout=10000)
            return results
        except PlaywrightTimeoutError:
            if toggle.is_checked():
                raise
            box.click()
    results.first.wait_for(state="visible", timeout=10000)
    return results


def result_links(page) -> list[str]:
    """The addresses of the search results once they stop changing, read in one go.

    Both searches answer as keys are pressed, so the list can still be replaced just after typing."""
    script = "links => links.map(link => link.getAttribute('href'))"
    selector = result_link_selector(page)
    previous = None
    for _ in range(50):
        current = page.eval_on_selector_all(selector, script)
        if current and current == previous:
            break
        previous = current
        page.wait_for_timeout(200)
    return current


# --- The inline scripts of a built site, read with an HTML parser (the build finds them with
# --- its own patterns as it writes each page: macros/headers.py)


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.current = []

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.current is not None:
            self.scripts.append("".join(self.current))
            self.current = None


def policy_hash(script: str) -> str:
    """An inline script as a Content-Security-Policy lists it: 'sha256-...'."""
    import base64
    import hashlib

    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode('utf-8')).digest()).decode()}'"


def inline_script_hashes(site_dir: Path) -> list[str]:
    """`policy_hash` of every distinct inline script a browser would run in the pages under
    `site_dir`."""
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        parser = _InlineScripts()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        hashes |= {policy_hash(script) for script in parser.scripts}
    return sorted(hashes)


# --- Printed pages and the real content


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a printed PDF, normalised."""
    import io

    from pypdf import PdfReader

    return [normalise(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    """The text of a whole printed PDF, normalised."""
    return normalise(" ".join(pdf_pages(pdf)))


@functools.cache
def real_catalogue():
    """This checkout's content, loaded and checked as the build does (once per test run)."""
    from macros.content import load

    return load(ROOT / "data")
