"""README's "How a page is made" names only what the code has: each MkDocs event it names is one
the hooks handle, each module, template folder and function it names exists. Whether each step
is described truly is still kept by reading; this catches a name left behind by a change."""

from __future__ import annotations

import importlib
import re

from mkdocs.structure.files import File

from macros import hooks
from support import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## How a page is made\n", 1)[1].split("\n## ", 1)[0]
NAMED = re.findall(r"`([^`]+)`", SECTION)


def test_the_section_names_the_hooks_modules_and_functions_it_describes():
    assert {"on_files", "on_page_markdown", "on_page_context", "on_post_build", "pages.render"} <= set(NAMED)


def test_every_event_it_names_is_one_the_hooks_handle():
    events = [name for name in NAMED if re.fullmatch(r"on_[a-z_]+", name)]
    assert events
    for event in events:
        assert callable(getattr(hooks, event, None)), f"README names {event}, which macros/hooks.py does not handle"


def test_every_file_it_names_exists():
    # Files and folders of the project; not what a build writes (site/...).
    files = [
        name
        for name in NAMED
        if re.fullmatch(r"[\w./-]+\.(?:py|html|md)|[\w/]+/", name) and not name.startswith("site/")
    ]
    assert files
    for name in files:
        found = [path for path in (ROOT / name, ROOT / "macros" / name) if path.exists()]
        assert found, f"README names {name}, which is not in the project"


def test_every_function_it_names_exists_and_the_hooks_use_it():
    source = (ROOT / "macros" / "hooks.py").read_text(encoding="utf-8")
    assert callable(importlib.import_module("macros.pages").render)
    assert "pages.render(" in source
    assert callable(File.generated) and "File.generated(" in source
