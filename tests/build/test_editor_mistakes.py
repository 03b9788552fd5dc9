"""Every editor mistake the check knows, end to end: `make check` lists each at its file and line
with a count and exits 1, and a strict build of the site stops with the same messages; neither
shows a traceback. One brief file per mistake, all in one data folder, so both run once."""

from __future__ import annotations

import pytest

from mistakes import MISTAKES, MORE_RESOURCES, VOCABULARY_MISTAKES
from support import FIXTURES, make_check, make_project, mkdocs_build

FIXTURE_BRIEF = (FIXTURES / "site" / "data" / "briefs" / "2099-00-fixture.yml").read_text(encoding="utf-8")


def file_for(number: int) -> str:
    return f"2099-00-mistake-{number:02d}.yml"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The fixture site with one more brief per mistake, each holding that mistake only."""
    project = make_project(tmp_path_factory.mktemp("mistakes") / "project", FIXTURES / "site" / "data")
    for number, (old, new, _, _) in enumerate(MISTAKES.values()):
        assert old in FIXTURE_BRIEF, f"test setup: {old!r} not in the fixture brief"
        (project / "data" / "briefs" / file_for(number)).write_text(
            FIXTURE_BRIEF.replace(old, new, 1), encoding="utf-8"
        )
    resources = project / "data" / "resources.yml"
    resources.write_text(resources.read_text(encoding="utf-8") + MORE_RESOURCES, encoding="utf-8")
    for file, old, new, _, _ in VOCABULARY_MISTAKES.values():
        path = project / "data" / file
        assert old in path.read_text(encoding="utf-8"), f"test setup: {old!r} not in {file}"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return project


def expected_locations(project) -> dict[str, list]:
    """For each mistake: the 'data/briefs/<file>:<line>:' its problem must start with, and its words."""
    expected = {}
    for number, (name, (_, _, needle, words)) in enumerate(MISTAKES.items()):
        lines = (project / "data" / "briefs" / file_for(number)).read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(lines, start=1) if needle in text)
        # A message that names the file names this copy ('rename the file to 2097-98-mistake-08.yml').
        words = [word.replace("-fixture.yml", f"-mistake-{number:02d}.yml") for word in words]
        expected[name] = [f"data/briefs/{file_for(number)}:{line}:", words]
    for name, (file, _, _, needle, words) in VOCABULARY_MISTAKES.items():
        lines = (project / "data" / file).read_text(encoding="utf-8").splitlines()
        expected[name] = [f"data/{file}:{next(i for i, text in enumerate(lines, start=1) if needle in text)}:", words]
    return expected


def assert_each_mistake_reported(output: str, project) -> None:
    missing = []
    for name, (location, words) in expected_locations(project).items():
        lines = [line for line in output.splitlines() if line.startswith(location)]
        if not any(all(word in line for word in words) for line in lines):
            missing.append(f"{name}: no line starting {location} says {words}")
    assert not missing, "\n".join(missing) + "\n--- output:\n" + output[-3000:]
    assert not (project / "lb-template-ran").exists(), "a template in editor text was run"


def test_make_check_lists_every_mistake_then_a_count_and_exits_1(project):
    result = make_check(project / "data")
    assert result.returncode == 1, f"exit {result.returncode}: a crash, not a refusal"
    assert_each_mistake_reported(result.stdout, project)
    last = result.stdout.strip().splitlines()[-1]
    errors = sum(1 for line in result.stdout.splitlines() if line.startswith("data/") and ": warning: " not in line)
    assert last == f"{errors} problems in the content under data/: fix them and run `make check` again."
    assert "Traceback" not in result.stdout + result.stderr


def test_make_check_on_clean_content_prints_one_summary_line_and_exits_0():
    result = make_check(FIXTURES / "site" / "data")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1].startswith("data/ is fine: 2 briefs")
    assert [line for line in result.stdout.splitlines() if "warning:" not in line] == [
        result.stdout.strip().splitlines()[-1]
    ]


def test_a_strict_build_stops_on_every_mistake_with_the_same_messages(project, tmp_path):
    result = mkdocs_build(project, tmp_path / "site", env={"NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1, f"exit {result.returncode}: a crash, not a refusal"
    assert_each_mistake_reported(result.stderr, project)
    assert "Traceback" not in result.stderr + result.stdout
