"""Valid HTML: the Nu HTML Checker finds no error on any built page except the few that come
from Material's own markup, listed here once with the reason."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in Material's own templates: (message pattern, pattern of the markup it points at, reason).
MATERIAL_ERRORS = [
    (
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material marks its drawer and search toggles autocomplete=off so Firefox does not restore them.",
    ),
    (
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
        "Material's table-of-contents title points at a toggle it only renders when the page has headings to list.",
    ),
]


@pytest.fixture(scope="module")
def report(site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def is_materials(message: dict) -> bool:
    return any(
        re.search(text, message.get("message", "")) and re.search(markup, message.get("extract", ""))
        for text, markup, _ in MATERIAL_ERRORS
    )


def test_the_checker_ran_on_every_page(site, report):
    """Material's toggles give every page a known message: a page without one was not read."""
    pages = {page.relative_to(site).as_posix() for page in site.rglob("*.html")}
    read = {m["url"].split(site.as_posix() + "/", 1)[-1] for m in report if is_materials(m)}
    assert pages and pages == read, sorted(pages ^ read)
    assert not [m for m in report if m.get("type") == "non-document-error"], report[:3]


def test_no_html_error_of_our_own(site, report):
    ours = [
        f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']} in {m.get('extract', '').strip()[:80]!r}"
        for m in report
        if not is_materials(m)
    ]
    assert not ours, "\n".join(ours)


def test_the_material_exceptions_are_still_needed(report):
    """An exception nothing matches any more is dead weight: remove it from the list."""
    for text, markup, reason in MATERIAL_ERRORS:
        assert any(re.search(text, m["message"]) and re.search(markup, m.get("extract", "")) for m in report), reason
