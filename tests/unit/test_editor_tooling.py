"""Editor tooling: the committed JSON Schema is current and agrees with the model; the new-brief
skeleton is a valid draft; drafts and placeholders are never published."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import jsonschema
import pytest
import yaml

from macros import new_brief, schema
from macros.content import load
from macros.problems import ContentError
from support import FIXTURES, ROOT


def test_committed_schema_is_current():
    committed = (ROOT / "data" / "schema" / "brief.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(ROOT / "data"), "data/schema/brief.schema.json is stale: run `make schema`"


def test_every_brief_names_the_schema_on_its_first_line():
    for path in (ROOT / "data" / "briefs").glob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/brief.schema.json", path.name


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema.brief_schema(ROOT / "data"))


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "briefs").glob("*.yml")), ids=lambda p: p.name)
def test_the_briefs_satisfy_the_schema(validator, path):
    assert not list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda b: b.update(key_mesages=[]), "Additional properties"),
        (lambda b: b.update(year=[2017]), "is not valid under any of the given schemas"),
        (lambda b: b["key_messages"][0].update(themes=["silent-chld"]), "is not one of"),
        (lambda b: b.pop("board"), "'board' is a required property"),
    ],
    ids=["unknown field", "number year", "unknown theme", "missing field"],
)
def test_the_schema_flags_what_the_check_flags(validator, change, words):
    brief = yaml.safe_load((ROOT / "data" / "briefs" / "2017-18-think-family.yml").read_text(encoding="utf-8"))
    change(brief)
    assert any(words in error.message for error in validator.iter_errors(brief))


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "site" / "data", target)
    return target


def test_new_brief_writes_a_valid_draft_with_the_right_file_name(data, capsys):
    assert new_brief.main(["--year", "2100-01", "--title", "Neglect & Drift", "--data", str(data)]) == 0
    path = data / "briefs" / "2100-01-neglect-drift.yml"
    assert path.exists()
    assert "wrote data/briefs/2100-01-neglect-drift.yml" in capsys.readouterr().out
    catalogue = load(data, include_drafts=True)
    draft = next(r for r in catalogue.briefs if r.id == "2100-01-neglect-drift")
    assert draft.brief.draft and draft.title == "Neglect & Drift"
    assert "2100-01-neglect-drift" not in [r.id for r in load(data).briefs], "a draft must not be published"


def test_new_brief_keeps_the_letters_of_an_accented_title_in_its_file_name(data, capsys):
    assert new_brief.main(["--year", "2100-01", "--title", "Café – naïve réponses", "--data", str(data)]) == 0
    assert "wrote data/briefs/2100-01-cafe-naive-reponses.yml" in capsys.readouterr().out
    assert (data / "briefs" / "2100-01-cafe-naive-reponses.yml").exists()


def test_new_brief_refuses_a_bad_year_and_an_existing_file(data, capsys):
    assert new_brief.main(["--year", "18-19", "--title", "X", "--data", str(data)]) == 2
    assert "YEAR '18-19' must be an audit year (2017-18), a calendar year (2014)" in capsys.readouterr().out
    assert new_brief.main(["--year", "2018-19", "--title", "X", "--type", "rapid-reveiw", "--data", str(data)]) == 2
    assert "TYPE 'rapid-reveiw' is not in data/brief-types.yml" in capsys.readouterr().out
    assert new_brief.main(["--year", "2099-00", "--title", "Fixture", "--data", str(data)]) == 1
    assert "already exists" in capsys.readouterr().out


@pytest.mark.parametrize(
    "title, words",
    [
        ("Neglect\rand drift", "invisible control character U+000D"),
        ("Neglect { onclick=alert(1) }", "curly brackets"),
        ("Neglect <script>", "raw HTML '<script>'"),
        ("Jane Example", "a given name that is not a declared pseudonym 'Jane'"),
    ],
    ids=["control character", "attribute list", "raw HTML", "a name"],
)
def test_new_brief_writes_nothing_for_a_title_the_check_would_refuse(data, capsys, title, words):
    before = sorted((data / "briefs").iterdir())
    assert new_brief.main(["--year", "2100-01", "--title", title, "--data", str(data)]) == 2
    said = capsys.readouterr().out
    assert "was not written" in said and words in said
    assert said.count(words) == 1, "a problem found in both the title and the file name is said once"
    assert sorted((data / "briefs").iterdir()) == before


def test_new_brief_on_a_site_with_no_themes_yet_says_what_to_do(data, capsys):
    for brief in (data / "briefs").iterdir():
        brief.unlink()
    header = (data / "themes.yml").read_text().split("themes:")[0]
    (data / "themes.yml").write_text(header + "themes: []\n")
    assert new_brief.main(["--year", "2100-01", "--title", "Neglect", "--data", str(data)]) == 1
    assert "data/themes.yml lists no themes yet" in capsys.readouterr().out
    assert not list((data / "briefs").iterdir())


TYPES = [
    line.split(": ", 1)[1]
    for line in (ROOT / "data" / "brief-types.yml").read_text().splitlines()
    if line.startswith("  - id: ")
]


@pytest.mark.parametrize("type_id", TYPES)
def test_a_skeleton_of_every_type_is_a_valid_draft_that_is_never_published_with_a_todo(data, type_id):
    assert new_brief.main(["--year", "2100-01", "--title", "Neglect", "--type", type_id, "--data", str(data)]) == 0
    path = data / "briefs" / "2100-01-neglect.yml"
    draft = next(r for r in load(data, include_drafts=True).briefs if r.id == "2100-01-neglect")
    assert draft.brief.type == type_id and draft.entries, "the skeleton has the shape of its type"
    # Every text written, the draft line gone: the placeholder left in a comment still stops it.
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    text = re.sub(r"(?m)^(\s*(?:- )?(?:[a-z_]+: )?)TODO [^#\n]*?(\?)?$", r"\1Synthetic words\2", text)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(data)
    lines = text.splitlines()
    expected = {number for number, line in enumerate(lines, start=1) if "TODO" in line}
    found = {p.line for p in caught.value.problems if "placeholder 'TODO' left here" in p.message}
    assert expected and found == expected


RECORDER = """#!/bin/sh
# Stands in for the project's Python and MkDocs: writes what it was given, runs nothing.
{ printf '%s\\n' "LB_PREVIEW_BRIEF=$LB_PREVIEW_BRIEF"; for arg in "$@"; do printf '%s\\n' "$arg"; done; } > "$RECORDED"
"""
TYPED = 'Neglect $(shell touch made-by-make) `touch made-by-shell` it\'s "quoted" $(HOME) $$PATH'


@pytest.mark.parametrize(
    "target, variables, expected",
    [
        (
            "new-brief",
            {"YEAR": "2018-19", "TITLE": TYPED, "TYPE": 'rapid-review" --data "elsewhere'},
            ["-m", "macros.new_brief", "--year=2018-19", f"--title={TYPED}", '--type=rapid-review" --data "elsewhere'],
        ),
        ("serve", {"BRIEF": TYPED}, ["serve", "--dev-addr", "127.0.0.1:8000"]),
    ],
)
def test_make_hands_what_an_editor_typed_to_the_command_as_typed(tmp_path, target, variables, expected):
    """TITLE=, YEAR=, TYPE= and BRIEF= reach the command word for word: make expands nothing in
    them, and neither does the shell."""
    result, recorded = run_make(tmp_path, target, variables)
    assert result.returncode == 0, result.stderr
    preview, *arguments = recorded.read_text().splitlines()
    assert arguments == expected
    assert preview == f"LB_PREVIEW_BRIEF={variables.get('BRIEF', '')}"
    assert not any(path.name.startswith("made-by") for path in [*tmp_path.iterdir(), *ROOT.iterdir()])


@pytest.mark.parametrize("target, variable", [("new-brief", "TITLE"), ("serve", "BRIEF")])
def test_make_refuses_a_line_break_in_what_an_editor_typed_before_running_anything(tmp_path, target, variable):
    """A line break would end the shell command early and run the rest as another: make says
    which variable holds it, and runs nothing."""
    typed = {"YEAR": "2018-19", "TITLE": "Neglect", "TYPE": "rapid-review", variable: "Neglect\ntouch made-by-shell"}
    result, recorded = run_make(tmp_path, target, typed)
    assert result.returncode != 0
    assert f"{variable}= holds a line break: type it on one line" in result.stderr
    assert not recorded.exists(), "nothing ran"
    assert not any(path.name.startswith("made-by") for path in [*tmp_path.iterdir(), *ROOT.iterdir()])


def run_make(tmp_path, target: str, variables: dict[str, str]):
    """`make target NAME=value ...` with the project's Python and MkDocs replaced by a recorder:
    (make's result, the file the recorder writes what it was given to, if it ran)."""
    recorder = tmp_path / "recorder"
    recorder.write_text(RECORDER)
    recorder.chmod(0o755)
    recorded = tmp_path / "recorded"
    result = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", target, f"PY={recorder}", f"MKDOCS={recorder}"]
        + [f"{name}={value}" for name, value in variables.items()],
        cwd=tmp_path,
        env={**os.environ, "RECORDED": str(recorded)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, recorded
