"""Render records to Markdown through the Jinja partials in macros/templates/.

Every function here is plain: records and the calling page's path in, Markdown out. Links are
written to the source `.md` files relative to the calling page, so MkDocs checks them and
turns them into relative `.html` addresses.
"""

from __future__ import annotations

import functools
import html
import itertools
import posixpath
import re
from pathlib import Path

import jinja2
import markdown
from markdown.extensions.toc import nest_toc_tokens

from .content import BriefRecord, Catalogue, Entry

TEMPLATES = Path(__file__).parent / "templates"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>])")
STASH_MARK = "<!--lb-html-{}-->"  # stands in a page's Markdown for HTML kept out of Markdown
STASHED = re.compile(r"<!--lb-html-\d+-->")
UNINDEXED_MARK = "<!--lb-html-unindexed-{}-->"  # the same, for HTML put back after search has read the page
UNINDEXED = re.compile(r"<!--lb-html-unindexed-\d+-->")
SAFE_TARGETS = ("https://", "http://", "mailto:")
# A line with none of Markdown's special characters and no list or code start. A text made of
# such lines, in paragraphs, becomes exactly the HTML Markdown would make, without its cost.
PLAIN_TEXT = re.compile(r"(?![-+*>=#]|\d+[.)])[^\s\\`*_\[\]<>&#!{}][^\n\t\\`*_\[\]<>&#!{}]*(?<! )")
ABBREVIATION = re.compile(r"(?i)(?:^|\()(?:i\.e|e\.g|etc|cf|vs|approx|no)\.$")


class _Links(markdown.treeprocessors.Treeprocessor):
    """Every link in editor text: `resource:<id>` becomes the resource's address, or its name
    marked 'link to follow' (resource-pending.html); a web or email address stays; anything else
    keeps its words and loses its target."""

    def __init__(self, converter: markdown.Markdown, resources: dict):
        super().__init__(converter)
        self.resources = resources

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in list(root.iter("a")):
            target = link.get("href", "").strip()
            resource = self.resources.get(target[len("resource:"):]) if target.startswith("resource:") else None
            if resource is not None and resource.url:
                link.set("href", resource.url)
            elif resource is not None:
                label = "".join(link.itertext())
                pending = ENV.get_template("resource-pending.html").render(label=label, resource=resource).strip()
                _replace(link, parents[link], self.md.htmlStash.store(pending))
            elif not target.lower().startswith(SAFE_TARGETS):
                link.tag = "span"
                link.attrib.clear()


def _replace(element, parent, text: str) -> None:
    """Put `text` where `element` stood in `parent`."""
    index = list(parent).index(element)
    text += element.tail or ""
    if index:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def field_markdown(resources: dict | None = None) -> markdown.Markdown:
    """Markdown for editors' text: paragraphs, lists, emphasis and links. Nothing that could run,
    reach outside the site or break the page's outline: raw HTML stays text, and images,
    reference-style links and headings are not Markdown here."""
    converter = markdown.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")
    for name in ("html", "image_link", "image_reference", "short_image_ref", "reference", "short_reference"):
        converter.inlinePatterns.deregister(name)
    for name in ("reference", "hashheader", "setextheader"):
        converter.parser.blockprocessors.deregister(name)
    converter.treeprocessors.register(_Links(converter, resources or {}), "lb-links", 0)
    return converter


@jinja2.pass_context
def href_html(context, target: str) -> str:
    """Path from the calling page to `target` (a docs-relative .md path, maybe with #anchor), as
    the built .html page: raw HTML is not rewritten by MkDocs."""
    path, _, anchor = target.partition("#")
    relative = _relative(path, posixpath.dirname(context["here"])) if path else ""
    return relative + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def _relative(path: str, from_dir: str) -> str:
    return re.sub(r"\.md$", ".html", posixpath.relpath(path, from_dir or "."))


@jinja2.pass_context
def stash(context, html: str, search: bool = True) -> str:
    """`{% filter stash %}`: HTML the page's Markdown must not parse, put back by the hooks in
    `on_page_content`. Python-Markdown only passes raw HTML through, and parsing it was most of
    the build's time on large pages. `{% filter stash(search=False) %}`: HTML search must not
    index (it is indexed on its brief), put back only after search has read the page."""
    return context["stash_html"](html, search)


def plain(text: str) -> str:
    """Plain text (a title, a label) made safe to put into Markdown as it is."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # the partials write Markdown; HTML attributes use |e explicitly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates are read once per process; `mkdocs serve` turns it back on
    )
    env.globals["href_html"] = href_html
    env.tests["ge_two"] = lambda years: len(years) >= 2
    env.filters["plain"] = plain
    env.filters["stash"] = stash
    return env


ENV = _environment()  # compiled templates are cached by the environment: built once per process


class Renderer:
    """Renders one catalogue; holds what every page shares (resource links, theme titles)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._markdown = field_markdown(catalogue.resources)
        self._html: dict[str, str] = {}
        self._stashed: dict[str, str] = {}
        self._entries: dict[tuple[Entry, str], str] = {}
        self._bodies: dict[Entry, str] = {}
        self._tocs: dict[str, list[dict]] = {}
        self._heading = ENV.get_template("heading.html")
        self._stash_numbers = itertools.count()

    def html(self, text: str) -> str:
        """Editor Markdown as safe HTML, converted once per build and reused on every page.

        The content check already refuses raw HTML and odd links; `field_markdown` is the second
        line of defence (see `_Links` for what becomes of each link)."""
        converted = self._html.get(text)
        if converted is None:
            paragraphs = text.split("\n\n")
            if all(PLAIN_TEXT.fullmatch(line) for paragraph in paragraphs for line in paragraph.split("\n")):
                # Most texts: plain paragraphs, nothing for Markdown to do.
                converted = "\n".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)
            else:
                self._markdown.reset()
                converted = self._markdown.convert(text)
            self._html[text] = converted
        return converted

    def stash(self, html: str, search: bool = True) -> str:
        """A placeholder, on a block of its own, for `html` until `unstash` puts it back."""
        mark = (STASH_MARK if search else UNINDEXED_MARK).format(next(self._stash_numbers))
        self._stashed[mark] = html
        return f"\n\n{mark}\n\n"

    def unstash(self, page_html: str, *, unindexed: bool = False) -> str:
        """A rendered page with its stashed HTML put back in place of the placeholders: what
        search indexes, or (`unindexed`) what it must not see."""
        pattern = UNINDEXED if unindexed else STASHED
        while pattern.search(page_html):  # stashed HTML can hold placeholders of its own
            page_html = pattern.sub(lambda match: self._stashed.pop(match.group(0), ""), page_html)
        return page_html

    def inline(self, text: str) -> str:
        """Like `html`, without the paragraph around a one-paragraph text (a question, a point)."""
        converted = self.html(text)
        if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
            return converted[3:-4]
        return converted

    def theme_aliases(self, theme_ids: list[str]) -> list[str]:
        """Other words for these themes, so search finds a key message by any of them."""
        aliases: dict[str, None] = {}
        for theme_id in theme_ids:
            aliases.update(dict.fromkeys(self.catalogue.themes[theme_id].aliases))
        return list(aliases)

    def theme_entry(self, entry: Entry, here: str) -> str:
        """An entry as theme and audience pages show it; the same HTML on every such page of a
        folder, so it is rendered once per build."""
        key = (entry, posixpath.dirname(here))
        if key not in self._entries:
            self._entries[key] = self.render("theme-entry.html", here, entry=entry)
        return self._entries[key]

    def item_body(self, entry: Entry) -> str:
        """What an entry says (text, points, Reflect panel, closing): the same on its brief, theme
        and audience pages, so it is rendered once per build."""
        if entry not in self._bodies:
            self._bodies[entry] = self.render("item-body.html", "", entry=entry)
        return self._bodies[entry]

    def page(self, template: str, here: str, **values) -> str:
        """A whole generated page: HTML that Markdown passes over (one placeholder), its
        headings recorded for the table of contents the hooks give the page."""
        self._tocs[here] = []
        return self.stash(self.render(template, here, **values))

    def heading(self, level: int, anchor: str, text: str, here: str, *, search: bool = True, toc: bool = True) -> str:
        if toc and here in self._tocs:
            self._tocs[here].append({"level": level, "id": anchor, "name": html.escape(text), "children": []})
        return self._heading.render(level=level, anchor=anchor, text=text, search=search)

    def toc(self, here: str) -> list[dict] | None:
        """The headings of a generated page, nested as MkDocs expects, or None for other pages."""
        tokens = self._tocs.pop(here, None)
        return None if tokens is None else nest_toc_tokens(tokens)

    def render(self, template: str, here: str, **values) -> str:
        return ENV.get_template(template).render(
            here=here,
            catalogue=self.catalogue,
            html=self.html,
            inline=self.inline,
            stash_html=self.stash,
            theme_entry=lambda entry: self.theme_entry(entry, here),
            item_body=self.item_body,
            heading=lambda level, anchor, text, **options: self.heading(level, anchor, text, here, **options),
            entry_cases=entry_cases,
            theme_aliases=self.theme_aliases,
            first_sentence=first_sentence,
            **values,
        )

    def problems_notice(self, problems) -> str:
        """The notice a preview shows on every page while the content has problems."""
        return ENV.get_template("content-problems.html").render(problems=[p for p in problems if not p.warning])

    # --- pages -------------------------------------------------------------------------------

    def brief_page(self, record: BriefRecord, here: str) -> str:
        return self.page("brief-page.html", here, record=record, brief=record.brief)

    def theme_page(self, theme_id: str, here: str) -> str:
        theme = self.catalogue.themes[theme_id]
        entries = self.catalogue.entries_by_theme[theme_id]
        has_questions = self.catalogue.theme_has_questions(theme_id)
        return self.page(
            "theme-page.html", here, theme=theme, by_year=group_by_year(entries), has_questions=has_questions
        )

    def audience_page(self, audience_id: str, here: str) -> str:
        audience = self.catalogue.audiences[audience_id]
        entries = self.catalogue.entries_by_audience[audience_id]
        return self.page("audience-page.html", here, audience=audience, by_year=group_by_year(entries))

    def audiences_index(self, here: str) -> str:
        return self.render("audiences-index.html", here)

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
        return self.page("discussion-sheet.html", here, theme=self.catalogue.themes[theme_id], messages=messages)

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
    """The opening sentence of a text, word for word: a key message "in short". A full stop
    inside brackets or after an abbreviation ("i.e.", "e.g.") does not end the sentence."""
    paragraph = text.strip().split("\n\n", 1)[0].replace("\n", " ")
    depth = 0
    for match in re.finditer(r"[()]|[.!?](?=\s|$)", paragraph):
        mark = match.group()
        if mark in "()":
            depth = max(0, depth + (1 if mark == "(" else -1))
            continue
        words = paragraph[: match.end()].split()
        if depth == 0 and not ABBREVIATION.search(words[-1] if words else ""):
            return paragraph[: match.end()]
    return paragraph


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

