"""Shared fixtures: the project's paths, a strict build of the real site, a local web server
for it, and headless Chromium (Debian's, never a downloaded one)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import socket
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; never a downloaded browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SITE_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "CONTRIBUTING.md")


def pytest_collection_finish(session):
    """Every test file under a folder that was asked for is collected: a file pytest passes over
    in silence is a test that never runs."""
    collected = {Path(str(item.path)).resolve() for item in session.items}
    asked = [Path(arg.split("::")[0]).resolve() for arg in session.config.args]
    missing = [
        path.relative_to(ROOT).as_posix()
        for folder in asked if folder.is_dir()
        for path in folder.rglob("test_*.py")
        if "fixtures" not in path.parts and path.resolve() not in collected
    ]
    if missing and not session.config.option.keyword and not session.config.option.markexpr:
        raise pytest.UsageError(f"test files never collected: {missing}")


def mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict build of `project` into `site_dir`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def make_project(destination: Path, data: Path) -> Path:
    """A copy of this site's code and pages with another data/ folder (a fixture site)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    shutil.copytree(data, destination / "data")
    return destination


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly from this checkout's data."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return site_dir


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(directory: Path, *, with_headers: bool = False):
    """Serve `directory` on a free loopback port in a separate process; returns (process, base URL).

    `with_headers` sends the security headers the build wrote into `_headers`."""
    port = free_port()
    if with_headers:
        command = [sys.executable, str(Path(__file__).parent / "serve_with_headers.py"), str(directory), str(port)]
    else:
        command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def base_url(site, tmp_path_factory) -> str:
    """The built site, served under a sub-path (as an intranet would) to prove links are relative."""
    root = tmp_path_factory.mktemp("webroot")
    (root / "safeguarding").mkdir()
    os.symlink(site, root / "safeguarding" / "learning-briefs")
    server, url = serve(root)
    yield f"{url}/safeguarding/learning-briefs"
    server.terminate()
    server.wait()


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
