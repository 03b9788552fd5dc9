"""One test per content file under data/, failing with the editor's own messages."""

from __future__ import annotations

import re

import pytest

from macros.content import load
from macros.problems import ContentError
from support import ROOT

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
    """The file name is the brief's id and address: <year>-<slug>.yml, its year the brief's own."""
    catalogue = load(DATA, include_drafts=True)
    years = {record.id: record.year for record in catalogue.briefs}
    names = sorted(path.name for path in (DATA / "briefs").iterdir())
    assert names, "no briefs under data/briefs/"
    for name in names:
        match = re.fullmatch(r"(\d{4}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.yml", name)
        assert match, f"{name}: a brief is data/briefs/<year>-<slug>.yml, such as 2017-18-think-family.yml"
        assert years[name.removesuffix(".yml")] == match.group(1), f"{name}: its year is {years[name[:-4]]}"
