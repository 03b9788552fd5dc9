"""The real site as `make build` makes it: the promised pages, links that resolve, no request
to another origin, no dead links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from macros.content import load
from macros.pages import generated_pages
from support import ROOT, links, make_project, mkdocs_build, normalise, shown_words, visible_text

REQUIRED = [
    "index.html",
    "briefs/index.html",
    "themes/index.html",
    "briefs/2016-17-send.html",
    "briefs/2017-18-think-family.html",
    "themes/silent-child.html",
    "themes/thresholds.html",
    "themes/information-sharing.html",
]


@pytest.mark.parametrize("page", REQUIRED)
def test_promised_page_exists(site, page):
    assert (site / page).is_file()


def test_every_theme_has_a_page(site):
    for theme_id in load(ROOT / "data").themes:
        assert (site / "themes" / f"{theme_id}.html").is_file(), theme_id


def test_information_sharing_links_into_both_briefs(site):
    hrefs = [href for _, href in links((site / "themes" / "information-sharing.html").read_text())]
    assert any(h.startswith("../briefs/2016-17-send.html#") for h in hrefs)
    assert any(h.startswith("../briefs/2017-18-think-family.html#") for h in hrefs)


def test_every_reflective_question_is_on_its_brief_page(site):
    catalogue = load(ROOT / "data")
    for record in catalogue.briefs:
        page = normalise(visible_text((site / "briefs" / f"{record.id}.html").read_text()))
        for entry in record.key_messages:
            assert normalise(entry.item.title) in page
            for question in entry.item.questions:
                assert shown_words(question) in page, question


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_loads_anything_from_another_origin(site):
    offenders = []
    for page in html_pages(site):
        for tag, url in links(page.read_text()):
            if tag != "a" and (urlsplit(url).scheme or url.startswith("//")):
                offenders.append(f"{page.relative_to(site)}: <{tag}> {url}")
    for sheet in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", sheet.read_text()):
            offenders.append(f"{sheet.relative_to(site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_every_internal_link_and_anchor_resolves(site):
    ids: dict[Path, set[str]] = {}
    broken = []
    # 404.html is served for any missing address, so MkDocs gives it root-absolute links.
    for page in [p for p in html_pages(site) if p.name != "404.html"]:
        for tag, url in links(page.read_text()):
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "mailto:")) or tag not in ("a", "link", "script", "img"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'\sid="([^"]+)"', target.read_text()))
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)} -> {url} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_no_dead_placeholder_links(site):
    for page in html_pages(site):
        content = page.read_text()
        assert not re.search(r'<a [^>]*href="(#|javascript:[^"]*)?"', content.split('class="md-content"', 1)[-1]), page


def test_navigation_lists_sections_not_every_brief_or_theme(site):
    """At hundreds of briefs, a nav listing each would be carried by every page."""
    for page in [site / "index.html", site / "briefs" / "2017-18-think-family.html"]:
        html = page.read_text()
        nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
        nav_links = [href for _, href in links(nav)]
        assert not [h for h in nav_links if re.search(r"(briefs|themes)/(?!index)[^/]+\.html", h)], nav_links
        assert (site / "briefs" / "index.html").resolve() in {(page.parent / h).resolve() for h in nav_links}


def test_a_brief_page_shows_where_it_sits(site):
    html = (site / "briefs" / "2016-17-send.html").read_text()
    crumbs = html[html.index('class="lb-breadcrumbs"') :].split("</nav>", 1)[0]
    assert [href for _, href in links(crumbs)] == ["../index.html", "index.html"]
    assert 'aria-current="page"' in crumbs


def test_theme_and_audience_pages_carry_the_whole_key_message(site):
    """A key message's closing words ("... escalated to the Designated Nurse") travel with it."""
    catalogue = load(ROOT / "data")
    closing = [e for r in catalogue.briefs for e in r.key_messages if e.item.closing]
    assert closing
    for entry in closing:
        words = shown_words(entry.item.closing)[:60]
        pages = [f"themes/{theme_id}.html" for theme_id in entry.item.themes]
        pages += [f"audiences/{audience_id}.html" for audience_id in entry.item.audiences]
        for page in pages:
            assert words in normalise(visible_text((site / page).read_text())), (page, entry.item.title)


def test_a_discussion_sheet_exists_only_where_there_are_questions(site):
    catalogue = load(ROOT / "data")
    for theme_id in catalogue.themes:
        assert (site / "discussion" / f"{theme_id}.html").is_file() == catalogue.theme_has_questions(theme_id), theme_id


def test_every_generated_page_holds_what_its_record_says(site):
    """Each page the data implies carries its own heading and its record's words, not an empty
    or stand-in body."""
    catalogue = load(ROOT / "data")
    for page in generated_pages(catalogue):
        text = normalise(visible_text((site / page.src_uri.replace(".md", ".html")).read_text()))
        assert normalise(page.title) in text, page.src_uri
        if page.kind == "brief":
            record = catalogue.brief(page.key)
            assert shown_words(record.brief.introduction)[:80] in text, page.src_uri
        elif page.kind in ("theme", "discussion"):
            assert normalise(catalogue.themes[page.key].description) in text, page.src_uri


def test_pages_are_made_without_placeholders_or_page_templates():
    """Generated pages are rendered by the hooks in one call: no stand-in comments, and no
    page handed to the macros plugin."""
    sources = [path for path in (ROOT / "macros").rglob("*") if path.suffix in (".py", ".html")]
    assert sources
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "lb-html-" not in text and "render_macros" not in text, path.relative_to(ROOT)


def test_the_editors_guide_example_page_builds_as_the_guide_shows(tmp_path):
    """The example in CONTRIBUTING.md's "Pages you write by hand", as written there, on this
    site's own briefs: a card, a key message with its Reflect panel, and a theme's entries."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Pages you write by hand", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```markdown\n(.*?)```", section, re.S).group(1)
    title = re.search(r"^title: (.+)$", example, re.M).group(1)
    project = make_project(tmp_path / "project", ROOT / "data")
    (project / "docs" / "example.md").write_text(example, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - About: about.md\n" in config
    config = config.replace("  - About: about.md\n", f"  - About: about.md\n  - {title}: example.md\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]

    html = (tmp_path / "site" / "example.html").read_text(encoding="utf-8")
    text = normalise(visible_text(html))
    hrefs = {href for _, href in links(html)}
    brief = yaml.safe_load((ROOT / "data" / "briefs" / "2017-18-think-family.yml").read_text(encoding="utf-8"))
    message = next(m for m in brief["key_messages"] if m["title"] == "Fathers and/or Significant Others")
    assert "{{" not in text
    assert normalise(f"{brief['year']}: {brief['title']}") in text  # the brief's card
    assert "briefs/2017-18-think-family.html" in hrefs
    # The key message itself, with its own heading (a theme entry links to it instead).
    assert 'id="fathers-and-or-significant-others"' in html
    assert normalise(message["title"]) in text and "reflect" in text
    assert normalise(message["questions"][0]) in text
    # The theme's entries link to the key message where its brief shows it.
    assert "briefs/2017-18-think-family.html#fathers-and-or-significant-others" in hrefs
