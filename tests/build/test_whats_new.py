"""What's new: briefs by the date they were published on the site (a brief's git history when it
has no `published:` date), newest first, on a page and in an Atom feed."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from support import FIXTURES, links, make_project, mkdocs_build, visible_text

A = "{http://www.w3.org/2005/Atom}"


def git(project, *args, when=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def check_atom(feed: bytes) -> ET.Element:
    """A well-formed Atom feed: its id, title and updated, and each entry's, and a link each."""
    root = ET.fromstring(feed)
    assert root.tag == f"{A}feed"
    for element in [root, *root.findall(f"{A}entry")]:
        for name in ("id", "title", "updated"):
            assert (element.findtext(f"{A}{name}") or "").strip(), (element.tag, name)
        datetime.fromisoformat(element.findtext(f"{A}updated"))
    for entry in root.findall(f"{A}entry"):
        assert entry.find(f"{A}link[@rel='alternate']") is not None
        assert entry.findtext(f"{A}id").startswith("urn:uuid:")
    return root


def entry_links(root) -> list[str]:
    return [entry.find(f"{A}link").get("href") for entry in root.findall(f"{A}entry")]


def test_the_feed_is_atom_with_links_that_lead_to_the_briefs(site):
    root = check_atom((site / "feed.xml").read_bytes())
    hrefs = entry_links(root)
    assert sorted(hrefs) == ["briefs/2016-17-send.html", "briefs/2017-18-think-family.html"]
    assert all((site / href).is_file() for href in hrefs)


def test_whats_new_is_linked_from_the_home_page_and_every_footer(site):
    home = visible_text((site / "index.html").read_text())
    assert "What's new lists briefs as they are published" in home
    for page in ["index.html", "briefs/2016-17-send.html", "accessibility.html"]:
        html = (site / page).read_text()
        footer = html[html.index('class="lb-footer-links"') :]
        hrefs = [href for _, href in links(footer)]
        assert any(h.endswith("whats-new.html") for h in hrefs) and any(h.endswith("editors.html") for h in hrefs)
        assert any(h.endswith("feed.xml") for h in hrefs), page


def test_the_editors_guide_is_out_of_the_readers_navigation(site):
    html = (site / "index.html").read_text()
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    assert "editors.html" not in nav
    assert (site / "editors.html").is_file()


def test_briefs_are_listed_by_when_they_were_published_not_by_audit_year(tmp_path):
    """The older audit year was published later: it comes first, on the page and in the feed,
    dated from the commit that added its file."""
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    git(project, "init", "-q")
    git(project, "add", "mkdocs.yml", "docs", "macros", "overrides", "CONTRIBUTING.md", "data/themes.yml")
    git(project, "add", "data/resources.yml", "data/audiences.yml", "data/briefs/2099-00-fixture.yml")
    git(project, "commit", "-qm", "First brief", when="2020-03-04T10:00:00+00:00")
    git(project, "add", "data/briefs/2098-99-fixture-earlier.yml")
    git(project, "commit", "-qm", "Second brief", when="2021-05-06T10:00:00+00:00")
    result = mkdocs_build(project, project / "site", env={"LB_SITE_URL": "https://intranet.example/briefs/"})
    assert result.returncode == 0, result.stderr[-3000:]
    text = visible_text((project / "site" / "whats-new.html").read_text())
    assert text.index("Published 6 May 2021") < text.index("2098-99: Earlier Fixture Brief")
    assert text.index("2098-99: Earlier Fixture Brief") < text.index("Published 4 March 2020")
    assert text.index("Published 4 March 2020") < text.index("2099-00: Fixture Brief")
    root = check_atom((project / "site" / "feed.xml").read_bytes())
    assert entry_links(root) == [
        "https://intranet.example/briefs/briefs/2098-99-fixture-earlier.html",
        "https://intranet.example/briefs/briefs/2099-00-fixture.html",
    ]
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://intranet.example/briefs/feed.xml"
    assert root.findtext(f"{A}updated").startswith("2021-05-06")


def test_a_brief_git_does_not_know_yet_is_dated_by_the_build(fixture_site):
    root = check_atom((fixture_site / "feed.xml").read_bytes())
    assert len(entry_links(root)) == 2
    assert all(not href.startswith("http") for href in entry_links(root))  # no site_url: relative
    for entry in root.findall(f"{A}entry"):  # the fixture site is no git checkout: built today
        built = datetime.fromisoformat(entry.findtext(f"{A}updated"))
        assert abs(datetime.now(UTC) - built) < timedelta(hours=2), built


def test_a_briefs_own_published_date_comes_before_what_git_says(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    brief = project / "data" / "briefs" / "2099-00-fixture.yml"
    brief.write_text(brief.read_text().replace("year: 2099-00\n", "year: 2099-00\npublished: 2019-01-02\n", 1))
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Both briefs", when="2021-05-06T10:00:00+00:00")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    text = visible_text((project / "site" / "whats-new.html").read_text())
    assert text.index("Published 6 May 2021") < text.index("2098-99: Earlier Fixture Brief")
    assert text.index("Published 2 January 2019") < text.index("2099-00: Fixture Brief")
    root = check_atom((project / "site" / "feed.xml").read_bytes())
    assert [entry.findtext(f"{A}updated")[:10] for entry in root.findall(f"{A}entry")] == ["2021-05-06", "2019-01-02"]
