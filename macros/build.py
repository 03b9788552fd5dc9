"""What the current build has loaded, shared by the MkDocs hooks and the macros.

The hooks set it once per build (in `on_config`); the macros read it while pages render.
"""

from __future__ import annotations

from .content import Catalogue
from .render import Renderer

catalogue: Catalogue | None = None
renderer: Renderer | None = None


def start(loaded: Catalogue) -> None:
    global catalogue, renderer
    catalogue = loaded
    renderer = Renderer(loaded)
