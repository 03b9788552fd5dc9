"""Render records to Markdown through the Jinja partials in macros/templates/.

Every function here is plain: records and the calling page's path in, Markdown out. Links are
written to the source `.md` files relative to the calling page, so MkDocs checks them and
turns them into relative `.html` addresses.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import jinja2
from markupsafe import escape

from .content import BriefRecord, Catalogue, Entry

TEMPLATES = Path(__file__).parent / "templates"
RESOURCE_LINK = re.compile(r"\[([^\]]*)\]\(resource:([^)\s]*)\)")
# A Markdown link whose target is not a web address, an email address or a resource.
UNSAFE_LINK = re.compile(r"\[([^\]]*)\]\((?!\s*(?:https?://|mailto:|resource:))[^)]*\)")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>])")


@jinja2.pass_context
def href(context, target: str) -> str:
    """Path from the calling page to `target` (a docs-relative .md path, maybe with #anchor)."""
    here = context["here"]
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(here) or ".") if path else ""
    return relative + (f"#{anchor}" if anchor else "")


@jinja2.pass_context
def href_html(context, target: str) -> str:
    """Like href, for raw HTML that MkDocs does not rewrite: points at the built .html page."""
    path, _, anchor = href(context, target).partition("#")
    path = re.sub(r"\.md$", ".html", path)
    return path + (f"#{anchor}" if anchor else "")


def plain(text: str) -> str:
    """Plain text (a title, a label) made safe to put into Markdown as it is."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def indent(text: str, width: int = 4) -> str:
    """Indent continuation lines, for Markdown inside a list item or admonition."""
    return text.replace("\n", "\n" + " " * width)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # the partials write Markdown; HTML attributes use |e explicitly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["href"] = href
    env.globals["href_html"] = href_html
    env.tests["ge_two"] = lambda years: len(years) >= 2
    env.filters["plain"] = plain
    env.filters["indentmd"] = indent
    return env


ENV = _environment()  # compiled templates are cached by the environment: built once per process


class Renderer:
    """Renders one catalogue; holds what every page shares (resource links, theme titles)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue

    def md(self, text: str) -> str:
        """Editor Markdown made safe, with resource:<id> links resolved: a link, or the name and
        'link to follow'.

        The content check already refuses raw HTML and odd links; this is the second line of
        defence: HTML tags and attribute lists (`{: onclick=...}`) are shown as text, and a
        link to anything but a web or email address keeps its text and loses its target."""

        def resolve(match: re.Match) -> str:
            label, resource_id = match.group(1), match.group(2)
            resource = self.catalogue.resources[resource_id]
            if resource.url:
                return f"[{label}]({resource.url})"
            return ENV.get_template("resource-pending.html").render(label=label, resource=resource).strip()

        text = text.replace("<", "&lt;").replace("{", "\\{")
        text = UNSAFE_LINK.sub(r"\1", text)
        return RESOURCE_LINK.sub(resolve, text)

    def theme_aliases(self, theme_ids: list[str]) -> list[str]:
        """Other words for these themes, so search finds a key message by any of them."""
        aliases: dict[str, None] = {}
        for theme_id in theme_ids:
            aliases.update(dict.fromkeys(self.catalogue.themes[theme_id].aliases))
        return list(aliases)

    def render(self, template: str, here: str, **values) -> str:
        return ENV.get_template(template).render(
            here=here,
            catalogue=self.catalogue,
            md=self.md,
            entry_cases=entry_cases,
            record_themes=record_themes,
            theme_aliases=self.theme_aliases,
            first_sentence=first_sentence,
            **values,
        )

    # --- pages -------------------------------------------------------------------------------

    def brief_page(self, record: BriefRecord, here: str) -> str:
        return self.render("brief-page.md", here, record=record, brief=record.brief)

    def theme_page(self, theme_id: str, here: str) -> str:
        theme = self.catalogue.themes[theme_id]
        entries = self.catalogue.entries_by_theme[theme_id]
        has_questions = any(getattr(entry.item, "questions", None) for entry in entries)
        return self.render(
            "theme-page.md", here, theme=theme, by_year=group_by_year(entries), has_questions=has_questions
        )

    def audience_page(self, audience_id: str, here: str) -> str:
        audience = self.catalogue.audiences[audience_id]
        entries = self.catalogue.entries_by_audience[audience_id]
        return self.render("audience-page.md", here, audience=audience, by_year=group_by_year(entries))

    def audiences_index(self, here: str) -> str:
        return self.render("audiences-index.md", here)

    def question_bank(self, here: str) -> str:
        rows = []
        for row in theme_rows(self.catalogue):
            row["questions"] = [
                (entry, question)
                for entry in self.catalogue.entries_by_theme[row["theme"].id]
                if entry.kind == "key-message"
                for question in entry.item.questions
            ]
            rows.append(row)
        rows.sort(key=lambda row: row["theme"].title.lower())
        return self.render("question-bank.md", here, rows=rows)

    def discussion_sheet(self, theme_id: str, here: str) -> str:
        messages = [e for e in self.catalogue.entries_by_theme[theme_id] if e.kind == "key-message"]
        messages.sort(key=lambda e: e.brief.year, reverse=True)
        return self.render("discussion-sheet.md", here, theme=self.catalogue.themes[theme_id], messages=messages)

    def themes_index(self, here: str) -> str:
        return self.render("themes-index.md", here, rows=theme_rows(self.catalogue), years=sorted(self.catalogue.years))

    def briefs_index(self, here: str) -> str:
        by_year = {}
        for record in self.catalogue.briefs:
            by_year.setdefault(record.year, []).append(record)
        return self.render("briefs-index.md", here, by_year=by_year)

    def home(self, here: str) -> str:
        return self.render("home.md", here, latest=self.catalogue.latest, rows=theme_rows(self.catalogue))


def entry_cases(entry: Entry) -> str:
    """'Case 2 (Felix*)' style context for an entry, as plain text."""
    parts = []
    for case in entry.cases:
        parts.append(f"{case.label} ({case.pseudonym})" if case.pseudonym else case.label)
    return ", ".join(parts)


def first_sentence(text: str) -> str:
    """The opening sentence of a text, word for word: a key message "in short"."""
    paragraph = text.strip().split("\n\n", 1)[0]
    match = re.search(r"^(.+?[.!?])(\s|$)", paragraph, flags=re.S)
    return (match.group(1) if match else paragraph).replace("\n", " ")


def record_themes(record: BriefRecord) -> list[str]:
    """Every theme a brief's strengths and key messages carry, in order of first use."""
    themes: dict[str, None] = {}
    for entry in record.entries:
        themes.update(dict.fromkeys(entry.item.themes))
    return list(themes)


def group_by_year(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries under their audit year, newest year first, in page order within a brief."""
    grouped: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.brief.year, reverse=True):
        grouped.setdefault(entry.brief.year, []).append(entry)
    return grouped


def theme_rows(catalogue: Catalogue) -> list[dict]:
    """One row per theme: counts per year, recurring (two or more years) first, then by title."""
    rows = []
    for theme_id, theme in catalogue.themes.items():
        entries = catalogue.entries_by_theme[theme_id]
        counts = {year: 0 for year in catalogue.years}
        for entry in entries:
            counts[entry.brief.year] += 1
        years = [year for year, count in counts.items() if count]
        rows.append({"theme": theme, "counts": counts, "years": years, "total": len(entries)})
    rows.sort(key=lambda row: (len(row["years"]) < 2, row["theme"].title.lower()))
    return rows


def escape_attr(text: str) -> str:
    return str(escape(text))
