"""Search in the web build: Pagefind indexes the built site into `pagefind/`, beside the pages.

The browser then loads only the parts of the index a query needs (Material's search loads the
whole index first). Pagefind reads only what the pages mark `data-pagefind-body` (the content,
overrides/main.html); the parts Material's search skips (`data-search-exclude`: cards that repeat
another page's text, chips, breadcrumbs) are skipped here too. The file-share build keeps
Material's search, because Pagefind cannot run from file://.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
# What Material's search leaves out, Pagefind leaves out (one mark in the templates for both),
# and the ¶ permalink after each heading.
EXCLUDE = "[data-search-exclude], .headerlink"
# A section's other words count as much as a page's title (Pagefind weighs an h1 7, an h2 6).
WORDS_WEIGHT = 7


def with_search_words(html: str, words: dict[str, str], boost: float = 1) -> str:
    """`html` with each section's other words (by anchor: pages.search_keywords) right after its
    heading, hidden, for Pagefind to index with that section and never show; `boost` scales
    their weight as the page's own (a theme page's words count a tenth, as its text does)."""
    from macros.render import partial

    if not words:
        return html

    def add(match: re.Match) -> str:
        found = words.get(match.group("anchor"))
        return (
            match.group(0) + str(partial("search_words")(found, round(WORDS_WEIGHT * boost, 2)))
            if found
            else match.group(0)
        )

    return HEADING.sub(add, html)


HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<anchor>[^"]+)"[^>]*>.*?</h(?P=level)>', re.S)


def index(site_dir: Path) -> str | None:
    """Index the built site with Pagefind; None when it worked, else what Pagefind said."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        EXCLUDE,
        # Pages are .html files, index pages too (use_directory_urls: false): keep index.html.
        "--keep-index-url",
        "--force-language",
        "en",
        "--quiet",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"Pagefind could not run ({error}); `make install` installs it."
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip()[-2000:] or f"Pagefind exited with {result.returncode}"
    return None
