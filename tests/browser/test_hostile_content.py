"""Content with a script in it never runs: the check refuses it, and if it ever got past the
check, rendering shows it as text. The second line is tested here in Chromium, on a brief page
rendered without the check."""

from __future__ import annotations

import json
import shutil

import markdown
import pytest
import yaml

from conftest import FIXTURES, ROOT
from macros.content import BriefRecord, load, place_entries, validate
from macros.model import Brief
from macros.problems import ContentError
from macros.render import Renderer
from macros.yamlfile import read

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    '<img src="x" onerror="window.__pwned = \'img\'">',
    "Text {: onclick=\"window.__pwned = 'attr'\" }",
    '<div markdown="1" onmouseover="window.__pwned = \'div\'">hover</div>',
    "[click](javascript:window.__pwned='link')",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
]


def extensions() -> list:
    """The site's Markdown extensions, as mkdocs.yml lists them (snippets needs files: left out)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # mkdocs.yml reads environment variables
    listed = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["markdown_extensions"]
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    return [name for name in names if name != "pymdownx.snippets"]


def hostile_page(tmp_path) -> str:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("themes.yml", "resources.yml", "audiences.yml"):
        (data / name).write_text((FIXTURES / "site" / "data" / name).read_text())
    catalogue = load(data)
    brief_yaml = yaml.safe_load((FIXTURES / "site" / "data" / "briefs" / "2099-00-fixture.yml").read_text())
    brief_yaml["introduction"] = "\n\n".join(PAYLOADS)
    brief_yaml["key_messages"][0]["text"] = PAYLOADS[1]
    brief_yaml["key_messages"][0]["questions"] = [p + " ?" for p in PAYLOADS]
    path = tmp_path / "2099-00-fixture.yml"
    path.write_text(yaml.safe_dump(brief_yaml))
    brief = validate(read(path, "2099-00-fixture.yml"), Brief)
    assert brief is not None
    record = BriefRecord("2099-00-fixture", "2099-00-fixture.yml", brief)
    place_entries(record)
    catalogue.briefs.append(record)
    renderer = Renderer(catalogue)
    source = renderer.brief_page(record, "briefs/2099-00-fixture.md")
    return renderer.unstash(renderer.unstash(markdown.markdown(source, extensions=extensions())), unindexed=True)


def test_hostile_content_is_refused_by_the_check(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "site" / "data", data)
    brief = data / "briefs" / "2099-00-fixture.yml"
    text = brief.read_text().replace("Synthetic introduction text for tests.", json.dumps(PAYLOADS[0]))
    brief.write_text(text)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert any("raw HTML" in p.message for p in caught.value.problems), caught.value.problems


def test_hostile_content_does_not_run_in_the_browser(page, tmp_path):
    html = hostile_page(tmp_path)
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    page.mouse.move(10, 10)
    # Hover and click everything that is not a link (a relative link would leave this test page).
    for element in page.locator("p, div, span, li").all()[:60]:
        if element.is_visible():
            element.hover(timeout=1000)
        element.dispatch_event("click")
    assert page.url == "about:blank"
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script, img, svg, [onclick], [onerror], [onload], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert "<script>window.__pwned" in page.locator("body").inner_text()
