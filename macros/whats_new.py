"""When each brief was published on the site, for the "What's new" page and the Atom feed.

A brief's `published:` date when it has one; otherwise the date its file first entered the git
history (what mkdocs-rss-plugin reads, with `git log --diff-filter=A`, here in one call for every
brief rather than one per file); otherwise, for a file git does not know yet (a new brief, a
fixture site), the time of the build.
"""

from __future__ import annotations

import subprocess
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from .content import BriefRecord, Catalogue

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"


def first_commits(project: Path, folder: str = "data/briefs") -> dict[str, datetime]:
    """{file name: when it was first added to git}, for every file under `folder`; empty when
    the project is not in git or git is missing."""
    try:
        result = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%x00%aI", "--name-only", "--", folder],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    added: dict[str, datetime] = {}
    for commit in result.stdout.split("\x00")[1:]:  # newest commit first
        when, *names = commit.strip().splitlines()
        for name in filter(None, names):
            added[Path(name).name] = datetime.fromisoformat(when)  # the oldest addition wins
    return added


def published_dates(catalogue: Catalogue, project: Path) -> dict[str, datetime]:
    """{brief id: when it was published on the site}."""
    added = first_commits(project)
    built = datetime.now(UTC).replace(microsecond=0)
    dates = {}
    for record in catalogue.briefs:
        given = record.brief.published  # the brief's own `published:` date, when it says
        if given is not None:
            given = datetime(given.year, given.month, given.day, tzinfo=UTC)
        dates[record.id] = given or added.get(Path(record.file).name) or built
    return dates


def newest_first(catalogue: Catalogue, dates: dict[str, datetime]) -> list[tuple[datetime, BriefRecord]]:
    """Briefs by publication, newest first (then by id, so the order never wobbles)."""
    return sorted(((dates[r.id], r) for r in catalogue.briefs), key=lambda pair: (pair[0], pair[1].id), reverse=True)


def feed(catalogue: Catalogue, dates: dict[str, datetime], *, site_name: str, site_url: str | None) -> bytes:
    """The Atom feed of briefs by publication. Ids are stable URNs made from the brief id, so a
    reader never sees a brief twice when the site moves; links are absolute when the site's
    address is known and relative to the feed (at the site's root) otherwise."""
    ET.register_namespace("", ATOM)
    base = site_url.rstrip("/") + "/" if site_url else ""
    root = ET.Element(f"{{{ATOM}}}feed")
    briefs = newest_first(catalogue, dates)
    ET.SubElement(root, f"{{{ATOM}}}id").text = urn("feed")
    ET.SubElement(root, f"{{{ATOM}}}title").text = f"{site_name}: new briefs"
    updated = max((when for when, _ in briefs), default=datetime(2000, 1, 1, tzinfo=UTC))
    ET.SubElement(root, f"{{{ATOM}}}updated").text = updated.isoformat()
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=base + "whats-new.html")
    if base:
        ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=base + FEED_FILE)
    for when, record in briefs:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = urn(f"brief:{record.id}")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{record.year}: {record.title}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = when.isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"{base}briefs/{record.id}.html")
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = record.brief.board
        summary = f"{record.brief.board} · {', '.join(record.brief.areas)} · {record.period.phrase}"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"learning-briefs:{name}").urn
