"""Render records to HTML through the Jinja partials in macros/templates/.

One `PageRender` per page: it knows the page's file and MkDocs' files collection, so every link
it writes is resolved with MkDocs' own `get_relative_url`, and a link to a page that does not
exist raises `BrokenLink` naming the data file and field that asked for it. The headings it
writes become the page's table of contents and its anchors; the links to anchors it writes are
handed to MkDocs, which checks them like any Markdown link.

Editor text reaches a template only as `Markup` made here, by one Markdown converter that allows
paragraphs, lists, emphasis and checked links; everything else is escaped by Jinja's autoescape.
Nothing from `data/` is ever used as template source.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown
from markdown.extensions.toc import nest_toc_tokens
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import periods
from .checks import LINK_TEXT, link_target
from .content import BriefRecord, Catalogue, Entry
from .fields import brief_texts
from .model import slugify
from .problems import Origin

TEMPLATES = Path(__file__).parent / "templates"
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#!])")  # `&<>` are escaped as HTML by Jinja instead
SAFE_TARGETS = ("https://", "http://", "mailto:")
# A line with none of Markdown's special characters and no list or code start. A text made of
# such lines, in paragraphs, becomes exactly the HTML Markdown would make, without its cost.
PLAIN_TEXT = re.compile(r"(?![-+*>=#]|\d+[.)])[^\s\\`*_\[\]<>&#!{}][^\n\t\\`*_\[\]<>&#!{}]*(?<! )")
ABBREVIATION = re.compile(r"(?i)(?:^|\()(?:i\.e|e\.g|etc|cf|vs|approx|no)\.$")


# --- A link that leads nowhere ------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    """A page links to a page the build does not have; `origin` is the data that asked for it."""

    page: str
    target: str
    origin: Origin | None


# --- Editor Markdown ---------------------------------------------------------------------------


class _Links(markdown.treeprocessors.Treeprocessor):
    """Every link in editor text: `resource:<id>` becomes the resource's address, or its name
    marked as a link to follow (resource-pending.html); a web or email address stays; anything
    else keeps its words and loses its target."""

    def __init__(self, converter: markdown.Markdown, resources: dict):
        super().__init__(converter)
        self.resources = resources

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for link in list(root.iter("a")):
            target = link_target(link.get("href", ""))
            resource = self.resources.get(target[len("resource:") :]) if target.startswith("resource:") else None
            link.attrib.pop("title", None)
            if resource is not None and resource.url:
                link.set("href", resource.url)
            elif resource is not None:
                label = "".join(link.itertext())
                pending = str(partial("resource_pending")(label, resource))
                _replace(link, parents[link], self.md.htmlStash.store(pending.strip()))
            elif target.lower().startswith(SAFE_TARGETS):
                link.set("href", target)
            else:
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
    """Markdown for editors' text: paragraphs, lists, emphasis and links, as the editors' guide
    says, and nothing else. Nothing that could run, reach outside the site or break the page's
    outline: raw HTML stays text, and images, reference-style links, headings, quotes, rules,
    code and forced line breaks are not Markdown here; a link keeps no title."""
    converter = markdown.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")
    for name in (
        "html",
        "image_link",
        "image_reference",
        "short_image_ref",
        "reference",
        "short_reference",
        "backtick",
        "linebreak",
    ):
        converter.inlinePatterns.deregister(name)
    for name in ("reference", "hashheader", "setextheader", "code", "hr", "quote"):
        converter.parser.blockprocessors.deregister(name)
    converter.treeprocessors.register(_Links(converter, resources or {}), "lb-links", 0)
    return converter


def plain_html(text: str) -> str | None:
    """The HTML of a text made only of plain paragraphs (most texts), exactly as Markdown would
    make it, without its cost; None for a text that needs Markdown."""
    paragraphs = text.split("\n\n")
    if all(PLAIN_TEXT.fullmatch(line) for paragraph in paragraphs for line in paragraph.split("\n")):
        return "\n".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)
    return None


_converter: tuple[dict, markdown.Markdown] | None = None  # a worker's, made for the resources it was given


def converted_texts(record: BriefRecord, resources: dict) -> dict[str, str]:
    """A brief's published texts that need Markdown, converted as `Renderer.html` converts them.
    `content.load` runs it where each brief is read, in its workers, so a large build's Markdown
    is spread over the machine's cores instead of waiting for the pages, one at a time."""
    global _converter
    if _converter is None or _converter[0] is not resources:
        _converter = (resources, field_markdown(resources))
    converter = _converter[1]
    converted: dict[str, str] = {}
    for _, text in brief_texts(record):
        if text not in converted and plain_html(text) is None:
            converter.reset()
            converted[text] = converter.convert(text)
    return converted


def pseudonym_stars(catalogue: Catalogue) -> re.Pattern | None:
    """The star after any pseudonym the briefs declare ("Felix*"): it marks the name as not a
    real one, so `Amy* ... Amy*` must keep both stars rather than become emphasis."""
    names = {name.rstrip("*") for r in catalogue.briefs for case in r.brief.cases for name in case.names}
    if not names:
        return None
    return re.compile(r"(?<![\w*])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\*")


# --- Templates -----------------------------------------------------------------------------------


def markdown_text(text: str) -> str:
    """Plain text (a title) made safe to put into a Markdown heading as it is."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # editor text enters only as Markup made by `Renderer.html`
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates are read once per process; `mkdocs serve` turns it back on
    )
    env.filters["markdown_text"] = markdown_text
    # A `see_also` id the page can show: a resource, or a brief that is published.
    env.tests["shown_reference"] = lambda ref, catalogue: ref in catalogue.resources or catalogue.has_brief(ref)
    env.filters["slug"] = slugify
    env.filters["long_date"] = periods.long_date
    env.filters["plural"] = lambda count, word: f"{count} {word}{'' if count == 1 else 's'}"
    return env


ENV = _environment()  # compiled templates are cached by the environment: built once per process


def partial(name: str):
    """The Jinja macro `name` from its own file: `key_message` from key-message.html."""
    return getattr(ENV.get_template(name.replace("_", "-") + ".html").module, name)


@dataclass(frozen=True)
class SearchWords:
    """Words Pagefind should find a page's sections by without showing them (their themes' other
    names and search terms, by anchor: pages.search_keywords), and how much they weigh."""

    by_anchor: dict[str, str]
    weight: float


@dataclass
class Rendered:
    """A generated page: its HTML and its outline."""

    html: str
    toc: list[dict]
    anchors: set[str]
    links_to_anchors: dict = field(default_factory=dict)  # {File: {anchor: original link}}, as MkDocs keeps it

    @functools.cached_property
    def searchable(self) -> str:
        """What Material's search may read: the HTML without the parts marked `data-search-exclude`."""
        return for_search(self.html)


class PageRender:
    """What the partials need while one page is rendered: its links, headings and editor text."""

    def __init__(self, renderer: Renderer, file, files, words: SearchWords | None = None):
        self.renderer = renderer
        self.catalogue = renderer.catalogue
        self.file = file  # the MkDocs File of the page being rendered
        self.files = files
        self.words = words
        self.folder = posixpath.dirname(file.src_uri)  # links are resolved once per folder
        self.toc: list[dict] = []
        self.anchors: set[str] = set()
        self.links_to_anchors: dict = {}

    # Links ------------------------------------------------------------------------------------

    def url(self, src_uri: str, anchor: str | None = None, origin: Origin | BriefRecord | None = None) -> str:
        """Address of the page `src_uri` (maybe at `anchor`) from this page, as MkDocs writes one."""
        target, relative = self.renderer.resolve(src_uri, self)
        if target is None:  # the build stops once every page is made (see hooks.on_post_build)
            if isinstance(origin, BriefRecord):
                origin = origin.origin
            self.renderer.broken.append(BrokenLink(self.file.src_uri, src_uri, origin))
            return "#"
        if anchor:
            self.links_to_anchors.setdefault(target, {}).setdefault(anchor, f"{src_uri}#{anchor}")
            return f"#{anchor}" if target is self.file else f"{relative}#{anchor}"
        return relative

    def brief_url(self, record: BriefRecord, anchor: str | None = None) -> str:
        return self.url(record.src_uri, anchor, record)  # its Origin is made only for a broken link

    def theme_url(self, theme_id: str, origin: Origin | None = None, anchor: str | None = None) -> str:
        if origin is None and theme_id in self.catalogue.themes:  # where the theme is defined
            origin = self.catalogue.origin_of("themes", theme_id)
        return self.url(f"themes/{theme_id}.md", anchor, origin)

    def audience_url(self, audience_id: str, origin: Origin | None = None) -> str:
        if origin is None and audience_id in self.catalogue.audiences:
            origin = self.catalogue.origin_of("audiences", audience_id)
        return self.url(f"audiences/{audience_id}.md", None, origin)

    # Outline ----------------------------------------------------------------------------------

    def heading(self, level: int, anchor: str, text: str, *, toc: bool = True, search: bool = True) -> Markup:
        """A heading with its anchor and permalink; in the table of contents unless `toc` is false.
        Then the section's other words for search, hidden, when the page has any for it."""
        if toc:
            self.toc.append({"level": level, "id": anchor, "name": html.escape(text), "children": []})
        self.anchor(anchor)
        written = partial("heading")(level, anchor, text, search)
        if self.words is not None and (words := self.words.by_anchor.get(anchor)):
            written += partial("search_words")(words, self.words.weight)
        return written

    def anchor(self, anchor: str) -> str:
        """Record an element id this page holds, so links to it are checked."""
        self.anchors.add(anchor)
        return anchor

    # Editor text ------------------------------------------------------------------------------

    def html(self, text: str) -> Markup:
        return self.renderer.html(text)

    def inline(self, text: str) -> Markup:
        return self.renderer.inline(text)

    # Shared pieces, rendered once per build ---------------------------------------------------

    def item_body(self, entry: Entry) -> Markup:
        return self.renderer.item_body(entry, self)

    def theme_entry(self, entry: Entry) -> Markup:
        """An entry as theme and audience pages show it: the same HTML on every such page of a
        folder, so it is rendered once per folder and its anchor links reused."""
        key = (entry, posixpath.dirname(self.file.url))
        cached = self.renderer.entries.get(key)
        if cached is None:
            scratch = PageRender(self.renderer, self.file, self.files)
            cached = (partial("theme_entry")(scratch, entry), scratch.links_to_anchors, scratch.anchors)
            self.renderer.entries[key] = cached
        body, links, anchors = cached
        for target, anchors_there in links.items():
            self.links_to_anchors.setdefault(target, {}).update(anchors_there)
        self.anchors |= anchors
        return body


class Renderer:
    """Renders one catalogue; holds what every page shares (converted text, rendered entries)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._markdown = field_markdown(catalogue.resources)
        self._stars = pseudonym_stars(catalogue)
        self.broken: list[BrokenLink] = []  # links to pages that do not exist, found while rendering
        self.release()
        # Texts converted where their brief was read (`converted_texts`), unless a pseudonym's star
        # is in them: only this renderer knows every brief's pseudonyms, so it converts those.
        for text, converted in catalogue.converted.items():
            if not (self._stars and self._stars.search(text)):
                self._html[text] = Markup(converted)

    def release(self) -> None:
        """Start, or forget, what is kept for reuse while pages are made (once every page is made)."""
        self._html: dict[str, Markup] = {}  # converted editor text
        self._inline: dict[str, Markup] = {}
        self._bodies: dict[Entry, Markup] = {}  # item bodies
        self.entries: dict[tuple, tuple] = {}  # theme entries, by folder
        self._resolved: dict[tuple, tuple] = {}  # links, by folder

    def resolve(self, src_uri: str, page: PageRender) -> tuple:
        """(the File of page `src_uri`, its address from `page`), or (None, None): looked up in
        MkDocs' files once per folder, since a build writes tens of thousands of links."""
        key = (src_uri, page.folder, id(page.files))
        found = self._resolved.get(key)
        if found is None:
            target = page.files.get_file_from_path(src_uri)
            found = (target, None if target is None else get_relative_url(target.url, page.file.url))
            self._resolved[key] = found
        return found

    def html(self, text: str) -> Markup:
        """Editor Markdown as safe HTML, converted once per build and reused on every page.

        The content check already refuses raw HTML and odd links; `field_markdown` is the second
        line of defence (see `_Links` for what becomes of each link)."""
        converted = self._html.get(text)
        if converted is None:
            converted = plain_html(text)
            if converted is None:
                self._markdown.reset()
                starred = self._stars.sub(r"\1\\*", text) if self._stars and "*" in text else text
                converted = self._markdown.convert(starred)
            converted = self._html[text] = Markup(converted)
        return converted

    def inline(self, text: str) -> Markup:
        """Like `html`, without the paragraph around a one-paragraph text (a question, a point)."""
        converted = self._inline.get(text)
        if converted is None:
            converted = self.html(text)
            if converted.startswith("<p>") and converted.endswith("</p>") and converted.count("<p>") == 1:
                converted = Markup(converted[3:-4])
            self._inline[text] = converted
        return converted

    def item_body(self, entry: Entry, page: PageRender) -> Markup:
        """What an entry says (text, points, Reflect panel, closing): the same on its brief, theme
        and audience pages, so it is rendered once per build. It holds no link within the site."""
        if entry not in self._bodies:
            self._bodies[entry] = partial("item_body")(page, entry)
        return self._bodies[entry]

    # Generated pages --------------------------------------------------------------------------

    def page(self, template: str, file, files, words: SearchWords | None = None, **values) -> Rendered:
        """A whole generated page, as one render: its HTML, outline and links (and, for Pagefind,
        its sections' hidden search words)."""
        render = PageRender(self, file, files, words)
        body = ENV.get_template(template).render(page=render, **values)
        return Rendered(body, nest_toc_tokens(render.toc), render.anchors, render.links_to_anchors)

    def snippet(self, template: str, file, files, **values) -> Markup:
        """A piece of a hand-written page (a macro's output): HTML with resolved links."""
        return Markup(ENV.get_template(template).render(page=PageRender(self, file, files), **values))

    def piece(self, name: str, file, files, *args) -> Markup:
        """One partial (`brief_card`, `key_message`) for a hand-written page."""
        return partial(name)(PageRender(self, file, files), *args)


# --- Plain helpers the templates and pages share ----------------------------------------------

EXCLUDED = re.compile(r"<(\w+)\b[^>]*\sdata-search-exclude[\s>]")


def for_search(html: str) -> str:
    """`html` without the elements marked `data-search-exclude` (what Material's search would
    skip anyway): indexed on their own pages, such as a theme page's entries, or not content,
    such as breadcrumbs and theme chips. Search reads less, and the page keeps them."""
    if "data-search-exclude" not in html:
        return html
    kept, position = [], 0
    for found in EXCLUDED.finditer(html):
        if found.start() < position:
            continue  # inside an element already left out
        kept.append(html[position : found.start()])
        position = _end_of(html, found.group(1), found.end())
    kept.append(html[position:])
    return "".join(kept)


@functools.lru_cache(maxsize=32)
def _tag(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}[\s>]")


def _end_of(html: str, name: str, start: int) -> int:
    """Where the element `name` opened just before `start` ends (after its closing tag)."""
    depth = 1
    for tag in _tag(name).finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html.index(">", tag.end() - 1) + 1
    return len(html)


def entry_cases(entry: Entry) -> str:
    """'Case 2 (Felix*)' style context for an entry, as plain text."""
    return ", ".join(f"{case.label} ({', '.join(case.names)})" if case.names else case.label for case in entry.cases)


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


def group_by_year(items: list, record=lambda entry: entry.brief) -> dict[str, list]:
    """Findings (or briefs, with `record=lambda brief: brief`) under their year: the audit year,
    or the calendar year of a month or a day. They keep the catalogue's order, newest first and
    in page order within a brief."""
    grouped: dict[str, list] = {}
    for item in items:
        grouped.setdefault(record(item).period.group, []).append(item)
    return grouped


def kind_counts(catalogue: Catalogue, entries: list[Entry]) -> str:
    """'2 key messages, 3 strengths, 1 area for development': each kind of finding counted on its
    own, in the order of data/finding-kinds.yml, never added together."""
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    words = []
    for kind_id in [*catalogue.kinds, *sorted(set(counts) - set(catalogue.kinds))]:
        if counts.get(kind_id):
            kind = catalogue.kinds.get(kind_id)
            one, many = (kind.label, kind.title) if kind else (kind_id.replace("-", " "),) * 2
            words.append(f"{counts[kind_id]} {(one if counts[kind_id] == 1 else many).lower()}")
    return ", ".join(words)


def theme_rows(catalogue: Catalogue) -> list[dict]:
    """One row per theme: the audit years it appears in (newest first) with what each holds,
    kinds counted apart. Themes found in most years first (recurring ones lead), then by title."""
    rows = []
    for theme_id, theme in catalogue.themes.items():
        entries = catalogue.entries_by_theme[theme_id]
        by_year = group_by_year(entries)
        years = catalogue.theme_years(theme_id)  # newest first
        counts = {year: kind_counts(catalogue, by_year[year]) for year in years}
        total = kind_counts(catalogue, entries)
        rows.append({"theme": theme, "years": years, "recurring": len(years) >= 2, "counts": counts, "total": total})
    rows.sort(key=lambda row: (-len(row["years"]), row["theme"].title.lower()))
    return rows


def discussion_groups(messages: list[Entry]) -> list[dict]:
    """A discussion sheet's questions, grouped under the key message that asks them (in the order
    given). A question asked in several key messages (the same words, whatever the spacing or
    case) is shown once, in the first, citing every other that asks it too."""
    asked = [
        [(question, " ".join(question.split()).lower()) for question in entry.item.questions] for entry in messages
    ]
    askers: dict[str, list[Entry]] = {}
    for entry, keyed in zip(messages, asked, strict=True):
        for _, key in keyed:
            askers.setdefault(key, []).append(entry)
    groups, shown = [], set()
    for entry, keyed in zip(messages, asked, strict=True):
        questions = []
        for question, key in keyed:
            if key not in shown:
                shown.add(key)
                questions.append({"text": question, "also": [e for e in askers[key] if e is not entry]})
        if questions:
            groups.append({"entry": entry, "questions": questions})
    return groups


def question_rows(catalogue: Catalogue) -> list[dict]:
    """Each theme with the findings that ask reflective questions on it, by theme title."""
    rows = [
        {"theme": theme, "asking": [entry for entry in catalogue.entries_by_theme[theme_id] if entry.item.questions]}
        for theme_id, theme in catalogue.themes.items()
    ]
    return sorted(rows, key=lambda row: row["theme"].title.lower())


RESOURCE_LINK = re.compile(LINK_TEXT + r"\(\s*resource:([a-z0-9-]+)\s*\)")


def pending_links(catalogue: Catalogue, texts: list[str | None]) -> list[tuple[str, object]]:
    """(link text, resource) for each resource without an address that `texts` link to, once."""
    found: dict[str, tuple[str, object]] = {}
    for text in texts:
        for label, resource_id in RESOURCE_LINK.findall(text or ""):
            resource = catalogue.resources.get(resource_id)
            if resource is not None and not resource.url and resource_id not in found:
                found[resource_id] = (label.strip("*_ "), resource)
    return list(found.values())


def opening_text(entry: Entry) -> str:
    """What a finding says first: its text, else its first point, else its first question."""
    item = entry.item
    return item.text or (item.points or item.questions or [item.action or ""])[0]


def groupby_first_theme(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped under their first theme, groups in order of first appearance."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.item.themes[0], []).append(entry)
    return list(groups.items())


def theme_search_words(catalogue: Catalogue, theme_ids: list[str]) -> list[str]:
    """Every word search should find these themes' learning by: their other names, then their
    search terms. They go into the search index beside the page's text, never into it."""
    words: dict[str, None] = {}
    for theme_id in theme_ids:
        theme = catalogue.themes[theme_id]
        words.update(dict.fromkeys([*theme.aliases, *theme.search_terms]))
    return list(words)


def case_origin(record: BriefRecord, case) -> Origin:
    return record.origin.at("cases", record.brief.cases.index(case))


ENV.filters["groupby_first_theme"] = groupby_first_theme
ENV.globals.update(
    pending_links=pending_links,
    opening_text=opening_text,
    case_origin=case_origin,
    entry_cases=entry_cases,
    first_sentence=first_sentence,
    partial=partial,
)
