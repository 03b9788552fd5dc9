"""What the current build has loaded, shared by the MkDocs hooks and the macros.

The hooks set it once per build; the macros read it while hand-written pages render. It
outlives one build: `mkdocs serve` reloads the hooks for every rebuild, but not this module.
"""

from __future__ import annotations

from .content import Catalogue
from .pages import GeneratedPage
from .render import Renderer

catalogue: Catalogue | None = None
renderer: Renderer | None = None
serving = False  # true under `mkdocs serve` (`make serve`), set once at start-up
notices = ""  # what a preview shows at the top of every page: the content's problems, what it leaves out
files = None  # MkDocs' files collection of this build, which every link is resolved against
pages: dict[str, GeneratedPage] = {}  # the generated pages by source path
# A generated page's whole HTML while Material's search reads it without the entries that are
# indexed on their briefs (the file-share build): held for that one page, from one step to the next.
after_search: dict[str, str] = {}
published: dict = {}  # when each brief was published on the site, by brief id (whats_new.py)
unchanged: dict = {}  # a one-brief preview's checked files, re-read only when edited (content.load)
scripts_in_content: list[str] = []  # pages written with a script in their content (never published)
script_hashes: set[str] = set()  # the inline scripts of the theme around the pages written
written: set[str] = set()  # the pages written, by path in the site
searchable: set[str] = set()  # those with something for Pagefind to index (data-pagefind-body)


def start(loaded: Catalogue, preview_notices: str = "") -> None:
    """A new build: its content (and a preview's notices, made once for every page), and nothing
    kept from the one before (`unchanged` excepted)."""
    global catalogue, renderer, notices, files
    catalogue = loaded
    renderer = Renderer(loaded)
    notices = preview_notices
    files = None  # the build before this one's, until on_files
    for collected in (pages, after_search, published, scripts_in_content, script_hashes, written, searchable):
        collected.clear()
