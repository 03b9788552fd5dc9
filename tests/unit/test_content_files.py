"""One test per content file under data/, failing with the editor's own messages."""

from __future__ import annotations

import pytest

from conftest import ROOT
from macros.content import load
from macros.problems import ContentError

DATA = ROOT / "data"
FILES = sorted(p.relative_to(ROOT).as_posix() for p in DATA.rglob("*.yml"))


@pytest.fixture(scope="module")
def problems():
    try:
        load(DATA, include_drafts=True)
    except ContentError as error:
        return error.problems
    return []


@pytest.mark.parametrize("file", FILES)
def test_content_file_passes_the_check(problems, file):
    mine = [str(p) for p in problems if p.file == file and not p.warning]
    assert not mine, "Fix these in " + file + " (then run `make check`):\n" + "\n".join(mine)


def test_every_brief_file_is_named_for_its_year():
    for path in (DATA / "briefs").glob("*"):
        assert path.suffix == ".yml", f"{path.name}: a brief is data/briefs/<year>-<slug>.yml"
