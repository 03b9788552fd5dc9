"""Shared fixtures: a strict build of the real site and of the fixture site, a local web server
for the real one, and headless Chromium (Debian's, never a downloaded one). Helpers the tests
import live in support.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, FIXTURES, ROOT, make_project, mkdocs_build, serve


def pytest_collection_finish(session):
    """Every test file under a folder that was asked for is collected: a file pytest passes over
    in silence is a test that never runs."""
    collected = {Path(str(item.path)).resolve() for item in session.items}
    asked = [Path(arg.split("::")[0]).resolve() for arg in session.config.args]
    missing = [
        path.relative_to(ROOT).as_posix()
        for folder in asked
        if folder.is_dir()
        for path in folder.rglob("test_*.py")
        if "fixtures" not in path.parts and path.resolve() not in collected
    ]
    if missing and not session.config.option.keyword and not session.config.option.markexpr:
        raise pytest.UsageError(f"test files never collected: {missing}")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly from this checkout's data."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return site_dir


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The real site as `make build-offline` makes it for a file share (Material's search, the
    policy in every page), built once per run. Tests read it; none changes it."""
    site_dir = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(ROOT, site_dir, env={"LB_OFFLINE": "true"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def served_under_a_sub_path(site: Path, root: Path):
    """`site` served under /safeguarding/learning-briefs/ (as an intranet would), to prove links
    are relative: (its address, the server)."""
    (root / "safeguarding").mkdir()
    os.symlink(site, root / "safeguarding" / "learning-briefs")
    server, url = serve(root)
    return f"{url}/safeguarding/learning-briefs", server


@pytest.fixture(scope="session")
def base_url(site, tmp_path_factory) -> str:
    """The built site, served under a sub-path."""
    url, server = served_under_a_sub_path(site, tmp_path_factory.mktemp("webroot"))
    yield url
    server.terminate()
    server.wait()


@pytest.fixture(scope="session")
def offline_base_url(offline_site, tmp_path_factory) -> str:
    """The file-share build served the same way, for the tests every search must pass: there it
    is Material's search."""
    url, server = served_under_a_sub_path(offline_site, tmp_path_factory.mktemp("offline-webroot"))
    yield url
    server.terminate()
    server.wait()


@pytest.fixture(params=["web build", "file-share build"])
def any_base_url(request) -> str:
    """Each build in turn: Pagefind's search, then Material's."""
    return request.getfixturevalue("base_url" if request.param == "web build" else "offline_base_url")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The synthetic fixture site (tests/fixtures/site/data), built strictly once per run."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project", FIXTURES / "site" / "data")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="session")
def shapes_site(tmp_path_factory) -> Path:
    """A synthetic site holding a brief of every shape partnerships publish
    (tests/fixtures/shapes/data), built strictly once per run."""
    project = make_project(tmp_path_factory.mktemp("shapes") / "project", FIXTURES / "shapes" / "data")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
