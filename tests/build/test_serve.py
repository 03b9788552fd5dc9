"""`make serve` on a fixture site: a content mistake is shown with the editor's message, and
the preview recovers by itself once the file is fixed; `make serve BRIEF=<id>` previews one brief
and says what it leaves out."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from support import FIXTURES, ROOT, free_port, make_project, mkdocs_build


def wait_for(condition, timeout: float = 60.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@contextlib.contextmanager
def serving(project, tmp_path, env: dict | None = None):
    """`mkdocs serve` on `project` (with `env` added), as (process, port, log); stopped after."""
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield server, port, log
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_shows_the_problem_and_recovers_when_fixed(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    with serving(project, tmp_path) as (server, port, log):
        url = f"http://127.0.0.1:{port}/briefs/2099-00-fixture.html"
        wait_for(lambda: fetch(url), what="the first build")
        brief = project / "data" / "briefs" / "2099-00-fixture.yml"
        good = brief.read_text()
        brief.write_text(good.replace("fixture-theme-b]", "fixture-theme-bee]"))
        wait_for(lambda: "theme 'fixture-theme-bee' is not in data/themes.yml" in log.read_text(), what="the error")
        assert "data/briefs/2099-00-fixture.yml:25:" in log.read_text()
        assert "Traceback" not in log.read_text()
        brief.write_text(good.replace("quokka welfare", "wombat welfare"))
        wait_for(lambda: "wombat welfare" in (fetch(url) or ""), what="the fixed page")


def test_serve_started_on_broken_content_keeps_running_and_recovers(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    good = brief.read_text()
    brief.write_text(good.replace("fixture-theme-b]", "fixture-theme-bee]"))
    with serving(project, tmp_path) as (server, port, log):
        home = f"http://127.0.0.1:{port}/index.html"
        page = wait_for(lambda: fetch(home), what="the first build")
        assert "data/briefs/2099-00-fixture.yml:25:" in page
        assert "did you mean &#39;fixture-theme-b&#39;" in page  # the notice escapes what it quotes
        assert server.poll() is None, "serve stopped on broken content"
        brief.write_text(good)
        url = f"http://127.0.0.1:{port}/briefs/2099-00-fixture.html"
        wait_for(lambda: "quokka welfare" in (fetch(url) or ""), what="the fixed page")
        assert "lb-content-problems" not in (fetch(home) or "")
        assert "Traceback" not in log.read_text()


def template_in_a_draft(project, template: str) -> str:
    """Previewing an editor's pull request must not run what the editor wrote."""
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    draft = brief.read_text().replace("title: Fixture Brief", f"draft: true\ntitle: '{template}'")
    (project / "data" / "briefs" / "2099-00-draft.yml").write_text(draft)
    return "data/briefs/2099-00-draft.yml:4:"


def template_in_a_theme_title(project, template: str) -> str:
    """A theme's title is shown on many pages: previewing it must not run it either."""
    themes = project / "data" / "themes.yml"
    themes.write_text(themes.read_text().replace("title: Fixture Theme B", f"title: '{template}'", 1))
    return "data/themes.yml:"


def template_in_a_list(file: str, title: str):
    """The same, in the title of an item of another shared list."""

    def write(project, template: str) -> str:
        path = project / "data" / file
        path.write_text(path.read_text().replace(f"title: {title}", f"title: '{template}'", 1))
        return f"data/{file}:"

    write.__name__ = f"template_in_{file.removesuffix('.yml').replace('-', '_')}"
    return write


WRITERS = [template_in_a_draft, template_in_a_theme_title] + [
    template_in_a_list(file, title)
    for file, title in [
        ("audiences.yml", "Fixture Readers"),
        ("resources.yml", "Fixture Guide"),
        ("finding-kinds.yml", "Strengths"),
        ("brief-types.yml", "Multi-agency case audit"),
    ]
]


@pytest.mark.parametrize("write", WRITERS, ids=lambda w: w.__name__)
def test_serve_refuses_a_template_and_never_runs_it(tmp_path, write):
    from mistakes import TEMPLATE

    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    location = write(project, TEMPLATE)
    with serving(project, tmp_path) as (server, port, log):
        home = f"http://127.0.0.1:{port}/index.html"
        page = wait_for(lambda: fetch(home), what="the first build")
        assert location in page and "curly brackets" in page
        assert server.poll() is None
    assert not (project / "lb-template-ran").exists(), f"serve ran a template ({write.__name__})"
    assert "Traceback" not in log.read_text()


PREVIEW = {"LB_PREVIEW_BRIEF": "2099-00-fixture"}
NOTICE = (
    "This preview shows only <code>2099-00-fixture</code> and the pages that depend on it; 1 other brief is left out."
)


def test_serve_brief_previews_that_brief_alone_and_says_what_it_left_out(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    with serving(project, tmp_path, PREVIEW) as (server, port, log):
        site = f"http://127.0.0.1:{port}"
        url = f"{site}/briefs/2099-00-fixture.html"
        page = wait_for(lambda: fetch(url), what="the first build")
        for shown in ("index.html", "briefs/index.html", "themes/fixture-theme-b.html", "questions.html"):
            assert NOTICE in (fetch(f"{site}/{shown}") or ""), f"{shown} does not say what the preview left out"
        assert NOTICE in page and "quokka welfare" in page
        assert page.count(NOTICE) == 1 and (fetch(f"{site}/index.html") or "").count(NOTICE) == 1  # once a page
        assert fetch(f"{site}/briefs/2098-99-fixture-earlier.html") is None, "a left-out brief was built"
        assert "2098-99-fixture-earlier" not in (fetch(f"{site}/briefs/index.html") or "")
        # An edit to the previewed brief shows.
        brief = project / "data" / "briefs" / "2099-00-fixture.yml"
        good = brief.read_text()
        brief.write_text(good.replace("quokka welfare", "wombat welfare"))
        wait_for(lambda: "wombat welfare" in (fetch(url) or ""), what="the edited page")
        # Every other brief is still checked: a mistake in a left-out one is shown on the preview.
        other = project / "data" / "briefs" / "2098-99-fixture-earlier.yml"
        other_good = other.read_text()
        other.write_text(other_good.replace("fixture-theme-a", "fixture-theme-aa", 1))
        home = f"{site}/index.html"
        wait_for(lambda: "data/briefs/2098-99-fixture-earlier.yml:" in (fetch(home) or ""), what="the other's problem")
        other.write_text(other_good)
        wait_for(lambda: "lb-content-problems" not in (fetch(url) or "lb-content-problems"), what="the recovery")
        assert NOTICE in (fetch(url) or "")
        assert "Traceback" not in log.read_text()


def test_serve_with_an_unknown_brief_stops_naming_the_closest_ids(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    with serving(project, tmp_path, {"LB_PREVIEW_BRIEF": "2099-00-fixtur"}) as (server, port, log):
        assert server.wait(timeout=120) != 0, "serve started on a brief that does not exist"
    output = log.read_text()
    assert "there is no brief '2099-00-fixtur'" in output
    assert "did you mean '2099-00-fixture'?" in output
    assert "without BRIEF" in output
    assert "Traceback" not in output


def test_make_serve_passes_brief_to_the_preview():
    dry_run = subprocess.run(
        ["make", "-n", "serve", "BRIEF=2099-00-fixture"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "LB_PREVIEW_BRIEF='2099-00-fixture'" in dry_run.stdout
    assert "mkdocs serve" in dry_run.stdout


def test_a_build_ignores_the_preview_setting_and_publishes_every_brief(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    result = mkdocs_build(project, tmp_path / "site", env=PREVIEW)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "briefs" / "2098-99-fixture-earlier.html").exists()
    assert "lb-preview-notice" not in (tmp_path / "site" / "index.html").read_text()
