"""What the current build has loaded, shared by the MkDocs hooks and the macros.

The hooks set it once per build (in `on_config`); the macros read it while pages render. It
outlives one build: `mkdocs serve` reloads the hooks for every rebuild, but not this module.
"""

from __future__ import annotations

from .content import Catalogue
from .problems import Problem
from .render import Renderer

catalogue: Catalogue | None = None
renderer: Renderer | None = None
serving = False  # true under `mkdocs serve` (`make serve`), set once at start-up
problems: list[Problem] = []  # content problems a preview shows on its pages until they are fixed


def start(loaded: Catalogue, found: list[Problem] | None = None) -> None:
    global catalogue, renderer, problems
    catalogue = loaded
    renderer = Renderer(loaded)
    problems = list(found or [])
