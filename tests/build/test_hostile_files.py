"""Files an editor's pull request could hold that are not plain briefs: symbolic links, missing
or misplaced folders, and a link the renderer makes to a page that does not exist. Each stops
`make check` and a strict build with the file named and nothing read from elsewhere."""

from __future__ import annotations

import os

import pytest

from support import FIXTURES, make_check, make_project, mkdocs_build

SECRET = "lb-secret-outside-the-repository"  # a stand-in for any file outside data/


def outside_file(tmp_path, text: str):
    path = tmp_path / "outside" / "elsewhere.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def brief_symlink(project, tmp_path):
    brief = (project / "data" / "briefs" / "2099-00-fixture.yml").read_text(encoding="utf-8")
    target = outside_file(tmp_path, f"# {SECRET}\n" + brief.replace("Fixture Brief", "Linked Brief"))
    (project / "data" / "briefs" / "2099-00-linked.yml").symlink_to(target)
    return "data/briefs/2099-00-linked.yml:1:1: is a symbolic link"


def vocabulary_symlink(project, tmp_path):
    themes = project / "data" / "themes.yml"
    target = outside_file(tmp_path, f"# {SECRET}\n" + themes.read_text(encoding="utf-8"))
    themes.unlink()
    themes.symlink_to(target)
    return "data/themes.yml:1:1: is a symbolic link"


def folder_symlink(project, tmp_path):
    briefs = project / "data" / "briefs"
    target = tmp_path / "outside" / "briefs"
    target.parent.mkdir(exist_ok=True)
    briefs.rename(target)
    (target / "2099-00-fixture.yml").write_text(f"# {SECRET}\n" + (target / "2099-00-fixture.yml").read_text())
    briefs.symlink_to(target, target_is_directory=True)
    return "data/briefs/:1:1: is a symbolic link"


def missing_folder(project, tmp_path):
    for brief in (project / "data" / "briefs").iterdir():
        brief.unlink()
    (project / "data" / "briefs").rmdir()
    return "data/briefs/:1:1: the folder of briefs is missing"


def file_for_a_folder(project, tmp_path):
    missing_folder(project, tmp_path)
    (project / "data" / "briefs").write_text("not a folder\n")
    return "data/briefs/:1:1: the folder of briefs is not a folder"


def folder_among_the_briefs(project, tmp_path):
    (project / "data" / "briefs" / "2099-00-linked.yml").mkdir()
    return "data/briefs/2099-00-linked.yml:1:1: is a folder"


def pipe_for_a_vocabulary(project, tmp_path):
    # Reading a named pipe waits for a writer that never comes: it must be refused unread.
    audiences = project / "data" / "audiences.yml"
    audiences.unlink()
    os.mkfifo(audiences)
    return "data/audiences.yml:1:1: is not a plain file"


def hidden_brief(project, tmp_path):
    brief = (project / "data" / "briefs" / "2099-00-fixture.yml").read_text(encoding="utf-8")
    (project / "data" / "briefs" / ".2099-00-linked.yml").write_text(brief.replace("Fixture Brief", "Hidden Brief"))
    (project / "data" / "briefs" / ".gitkeep").write_text("")  # not content: left alone
    return "data/briefs/.2099-00-linked.yml:1:1: file name '.2099-00-linked.yml' must be"


CASES = [
    brief_symlink,
    vocabulary_symlink,
    folder_symlink,
    missing_folder,
    file_for_a_folder,
    folder_among_the_briefs,
    pipe_for_a_vocabulary,
    hidden_brief,
]


@pytest.mark.parametrize("make_case", CASES, ids=lambda case: case.__name__.replace("_", " "))
def test_a_file_that_is_not_a_plain_brief_stops_check_and_build(tmp_path, make_case):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    expected = make_case(project, tmp_path)
    check = make_check(project / "data")
    build = mkdocs_build(project, tmp_path / "site")
    for result in (check, build):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output[-2000:]
        assert expected in output, output[-2000:]
        assert SECRET not in output  # never read, so never printed
        assert ".gitkeep" not in output  # a hidden file that is not a brief is not content
        assert "Traceback" not in output
    assert not (tmp_path / "site" / "briefs" / "2099-00-linked.html").exists()


DROP_A_THEME_PAGE = """
def on_files(files, config):
    # A stand-in for any bug that leaves a page out: the theme page a chip links to is gone.
    files.remove(files.get_file_from_path("themes/fixture-theme-b.md"))
    return files
"""


@pytest.mark.parametrize("env", [{}, {"LB_OFFLINE": "true"}], ids=["web build", "file-share build"])
def test_a_link_to_a_page_that_does_not_exist_fails_the_build_at_its_data_line(tmp_path, env):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    (project / "drop_theme.py").write_text(DROP_A_THEME_PAGE)
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(
        config.replace("  - macros/hooks.py\n", "  - macros/hooks.py\n  - drop_theme.py\n")
    )
    result = mkdocs_build(project, tmp_path / "site", env=env)
    assert result.returncode == 1, result.stderr[-2000:]
    # Stopped before anything more is written after the pages: no search index of either kind.
    assert (tmp_path / "site" / "index.html").exists()
    assert not (tmp_path / "site" / "pagefind").exists()
    assert not (tmp_path / "site" / "search" / "search_index.json").exists()
    brief = (project / "data" / "briefs" / "2099-00-fixture.yml").read_text().splitlines()
    line = next(number for number, text in enumerate(brief, start=1) if "fixture-theme-b]" in text)
    assert f"data/briefs/2099-00-fixture.yml:{line}:" in result.stderr, result.stderr[-2000:]
    assert "the link to 'themes/fixture-theme-b.md'" in result.stderr and "leads to no page" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_made_from_data_never_replaces_a_hand_written_page(tmp_path):
    # The check refuses the ids that would (`index`); any other clash stops the build, unwritten.
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    (project / "docs" / "themes" / "fixture-theme-a.md").write_text("# A hand-written page\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr[-2000:]
    assert (
        "The page themes/fixture-theme-a.md made for 'fixture-theme-a' would replace a page that exists"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_script_in_a_hand_written_page_stops_the_build(tmp_path):
    # Editors may write pages under docs/; a script in one (in any letter case) is never
    # hashed into the policy, and the build stops naming the page.
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    (project / "docs" / "notes.md").write_text("# Notes\n\nA paragraph.\n\n<SCRIPT>document.title = 'x'</SCRIPT>\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "A script appeared in the content of notes.html: nothing was published." in result.stderr
    assert "Traceback" not in result.stderr
