"""End-to-end builds of a small synthetic fixture site: pages follow from the data alone, and a
content mistake stops the build with the editor's message and no traceback."""

from __future__ import annotations

from support import FIXTURES, links, make_project, mkdocs_build, visible_text


def test_one_page_per_brief_theme_and_audience(fixture_site):
    for page in [
        "briefs/2099-00-fixture.html",
        "briefs/2098-99-fixture-earlier.html",
        "themes/fixture-theme-a.html",
        "themes/fixture-theme-b.html",
        "themes/fixture-theme-unused.html",
        "audiences/fixture-audience.html",
    ]:
        assert (fixture_site / page).is_file(), page
    assert not (fixture_site / "briefs" / "2017-18-think-family.html").exists()


def test_theme_page_lists_every_year_newest_first(fixture_site):
    text = visible_text((fixture_site / "themes" / "fixture-theme-a.html").read_text())
    assert text.index("2099-00") < text.index("2098-99")
    for words in ["Fixture key message", "Earlier fixture message", "Synthetic strength text", "zebra crossing"]:
        assert words in text


def test_theme_page_links_to_the_exact_place_in_each_brief(fixture_site):
    hrefs = {href for _, href in links((fixture_site / "themes" / "fixture-theme-a.html").read_text())}
    assert "../briefs/2099-00-fixture.html#fixture-key-message" in hrefs
    assert "../briefs/2098-99-fixture-earlier.html#case-1-earlier-fixture-message" in hrefs


def test_briefs_index_lists_newest_year_first(fixture_site):
    text = visible_text((fixture_site / "briefs" / "index.html").read_text())
    assert text.index("2099-00: Fixture Brief") < text.index("2098-99: Earlier Fixture Brief")


def test_resources_link_or_say_link_to_follow(fixture_site):
    html = (fixture_site / "briefs" / "2099-00-fixture.html").read_text()
    assert 'href="https://example.org/fixture"' in html
    assert "Link to follow: “the guide” is the Fixture Guide." in visible_text(html)
    assert 'href="#"' not in html


def test_a_content_mistake_stops_the_build_with_the_editors_message(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    brief.write_text(brief.read_text().replace("fixture-theme-b]", "fixture-theme-bee]"))
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "data/briefs/2099-00-fixture.yml:25:" in result.stderr
    assert "theme 'fixture-theme-bee' is not in data/themes.yml — did you mean 'fixture-theme-b'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_build_never_publishes_a_draft_whatever_the_environment_says(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    (project / "data" / "briefs" / "2099-00-draft.yml").write_text(
        brief.read_text().replace("title: Fixture Brief", "draft: true\ntitle: Draft Brief")
    )
    result = mkdocs_build(project, project / "site", env={"LB_PREVIEW_DRAFTS": "1", "LB_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "site" / "briefs" / "2099-00-fixture.html").is_file()
    assert not (project / "site" / "briefs" / "2099-00-draft.html").exists()
    assert "Draft Brief" not in (project / "site" / "briefs" / "index.html").read_text()


HAND_WRITTEN = """---
title: Fixture hand-written page
render_macros: true
---

# Fixture hand-written page

{{ brief_card("2099-00-fixture") }}

{{ key_message("2099-00-fixture", "fixture-key-message") }}

{{ theme_entries("fixture-theme-a") }}
"""


def test_a_hand_written_page_shows_cards_through_the_documented_macros(tmp_path):
    """The macros the editors' guide documents, on a page an editor writes (as the guide says)."""
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    (project / "docs" / "guides").mkdir()
    (project / "docs" / "guides" / "fixture.md").write_text(HAND_WRITTEN)
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs.yml").write_text(
        config.replace("  - About: about.md\n", "  - About: about.md\n  - Fixture: guides/fixture.md\n")
    )
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (project / "site" / "guides" / "fixture.html").read_text()
    text = visible_text(html)
    assert "2099-00: Fixture Brief" in text and "Example Partnership (synthetic)" in text  # the card
    assert "Synthetic key message about quokka welfare." in text and "Reflect" in text  # the key message
    assert "Earlier fixture message" in text  # an entry from the other year
    hrefs = {href for _, href in links(html)}
    assert {"../briefs/2099-00-fixture.html", "../themes/fixture-theme-a.html"} <= hrefs  # resolved from guides/
    assert "../briefs/2098-99-fixture-earlier.html#case-1-earlier-fixture-message" in hrefs
