"""Helpers the tests share: the visible text of a built page, its links and requests."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Parts of a page that are not its content: permalinks, "link to follow" notes, and scripts.
SKIP_CLASSES = {"headerlink", "lb-resource__note"}
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


def search(page, text: str):
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
    box.press_sequentially(text, delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10000)
    return results


def result_links(page) -> list[str]:
    """The addresses of the search results once they stop changing, read in one go.

    Material answers every key press, so the list can still be replaced just after typing."""
    script = "links => links.map(link => link.getAttribute('href'))"
    previous = None
    for _ in range(50):
        current = page.eval_on_selector_all(".md-search-result__link", script)
        if current and current == previous:
            break
        previous = current
        page.wait_for_timeout(200)
    return current
