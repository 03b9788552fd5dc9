"""Search in the web build: Pagefind indexes the built site into `pagefind/`, beside the pages.

The browser then loads only the parts of the index a query needs (Material's search loads the
whole index first). Pagefind reads only what the pages mark `data-pagefind-body` (the content,
overrides/main.html); the parts Material's search skips (`data-search-exclude`: cards that repeat
another page's text, chips, breadcrumbs) are skipped here too. The file-share build keeps
Material's search, because Pagefind cannot run from file://.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# What Material's search leaves out, Pagefind leaves out (one mark in the templates for both),
# and the ¶ permalink after each heading.
EXCLUDE = "[data-search-exclude], .headerlink"
# A section's other words (hidden after its heading: render.PageRender.heading) count as much as
# a page's title (Pagefind weighs an h1 7, an h2 6); a theme page's count a tenth, as its text does.
WORDS_WEIGHT = 7


def pages_glob(searchable: set[str], written: set[str]) -> str:
    """A glob naming the written pages (paths in the site) that have something to index: a
    folder whose pages all do by `folder/*.html`, the others one by one. Pagefind then never
    reads the pages made of other pages' text (question bank, discussion sheets), which at
    national scale are most of the site. Falls back to every page (Pagefind then reads the rest
    too, and skips them) if a name needs escaping or the glob would be too long to pass."""
    folders: dict[str, list[str]] = {}
    for path in sorted(written):
        folders.setdefault(posixpath.dirname(path), []).append(path)
    parts = []
    for folder, paths in folders.items():
        wanted = [path for path in paths if path in searchable]
        if wanted and len(wanted) == len(paths):
            parts.append(f"{folder}/*.html" if folder else "*.html")
        else:
            parts += wanted
    glob = "{" + ",".join(parts) + "}"
    if not parts or any(GLOB_SPECIAL.search(part.removesuffix("*.html")) for part in parts) or len(glob) > MAX_GLOB:
        return ALL_PAGES
    return glob


ALL_PAGES = "**/*.{html}"  # Pagefind's own default
GLOB_SPECIAL = re.compile(r"[{}\[\]*?,!\\]")
MAX_GLOB = 100_000  # one argument must stay well under the system's limit


def index(site_dir: Path, glob: str = ALL_PAGES) -> str | None:
    """Index the pages of the built site that `glob` names with Pagefind; None when it worked,
    else what Pagefind said."""
    try:  # the binary the `pagefind[bin]` requirement installs, run without a Python of its own
        import pagefind_bin

        executable = str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as error:
        return f"Pagefind is not installed ({error}); `make install` installs it."
    command = [
        executable,
        "--site",
        str(site_dir),
        "--glob",
        glob,
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
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"Pagefind could not run ({error}); `make install` installs it."
    if result.returncode != 0:
        return (result.stderr or result.stdout).strip()[-2000:] or f"Pagefind exited with {result.returncode}"
    return None
