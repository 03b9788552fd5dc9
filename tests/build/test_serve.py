"""`make serve` on a fixture site: a content mistake is shown with the editor's message, and
the preview recovers by itself once the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from support import FIXTURES, make_project


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


def start_serve(project, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return server, port, log


def test_serve_shows_the_problem_and_recovers_when_fixed(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    server, port, log = start_serve(project, tmp_path)
    try:
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
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_started_on_broken_content_keeps_running_and_recovers(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    good = brief.read_text()
    brief.write_text(good.replace("fixture-theme-b]", "fixture-theme-bee]"))
    server, port, log = start_serve(project, tmp_path)
    try:
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
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_a_template_in_a_draft_and_never_runs_it(tmp_path):
    """Previewing an editor's pull request must not run what the editor wrote."""
    from mistakes import TEMPLATE

    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    draft = brief.read_text().replace("title: Fixture Brief", f"draft: true\ntitle: '{TEMPLATE}'")
    (project / "data" / "briefs" / "2099-00-draft.yml").write_text(draft)
    server, port, log = start_serve(project, tmp_path)
    try:
        home = f"http://127.0.0.1:{port}/index.html"
        page = wait_for(lambda: fetch(home), what="the first build")
        assert "data/briefs/2099-00-draft.yml:4:" in page and "curly brackets" in page
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not (project / "lb-template-ran").exists(), "serve ran a template from a draft"
    assert "Traceback" not in log.read_text()
