"""The pages that follow from the data: one per brief, theme, audience and brief type, a discussion
sheet per theme that has questions, and the question bank.

`generated_pages` is a plain function of the catalogue, and `render` a plain function of one page:
the MkDocs hooks call them, and a script could write the same pages to disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import Catalogue
from .render import Rendered, Renderer, SearchWords, discussion_groups, group_by_year, question_rows, theme_search_words


@dataclass(frozen=True)
class GeneratedPage:
    """A page the data implies: its address, its title, and the record it shows."""

    src_uri: str
    title: str
    kind: str  # "questions", "brief", "theme", "discussion", "audience" or "type"
    key: str  # the id of the brief, theme, audience or brief type
    search: bool = True  # false: search leaves the whole page out


def generated_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    # The question bank: every question is indexed for search on its brief, where it lives.
    pages = [GeneratedPage("questions.md", "Reflective questions", "questions", "", search=False)]
    pages += [GeneratedPage(r.src_uri, f"{r.year}: {r.title}", "brief", r.id) for r in catalogue.briefs]
    for theme_id, theme in catalogue.themes.items():
        pages.append(GeneratedPage(f"themes/{theme_id}.md", theme.title, "theme", theme_id))
        # A print view of the theme's questions, for themes that have any; its text is indexed
        # for search on the briefs.
        if catalogue.theme_has_questions(theme_id):
            title = f"Discussion sheet: {theme.title}"
            pages.append(GeneratedPage(f"discussion/{theme_id}.md", title, "discussion", theme_id, search=False))
    for audience_id, audience in catalogue.audiences.items():
        pages.append(GeneratedPage(f"audiences/{audience_id}.md", f"For {audience.title}", "audience", audience_id))
    for type_id, brief_type in catalogue.types.items():
        pages.append(GeneratedPage(f"types/{type_id}.md", brief_type.plural, "type", type_id))
    return pages


def print_details(catalogue: Catalogue, page: GeneratedPage) -> dict | None:
    """What a printed copy of the page says about itself (overrides/main.html): who published
    the learning and for which period. None for pages nobody prints (audience pages)."""
    if page.kind == "brief":
        record = catalogue.brief(page.key)
        return {"publisher": record.brief.board, "period": record.period.phrase.capitalize()}
    if page.kind in ("theme", "discussion"):
        entries = catalogue.entries_by_theme[page.key]
        boards = list(dict.fromkeys(entry.brief.brief.board for entry in entries))
        years = catalogue.theme_years(page.key)[::-1]  # oldest first
        period = "No learning yet" if not years else f"Learning from {years[0]}"
        if len(years) > 1:
            period = f"Learning from {years[0]} to {years[-1]}"
        return {"publisher": ", ".join(boards) or "Learning Briefs", "period": period}
    return None


def search_keywords(catalogue: Catalogue, page: GeneratedPage) -> dict[str, str]:
    """Words search should find parts of the page by without showing them: for each section (by
    anchor), its themes' other names and search terms."""
    if page.kind == "brief":
        entries = catalogue.brief(page.key).entries
        return {e.anchor: ", ".join(words) for e in entries if (words := theme_search_words(catalogue, e.item.themes))}
    if page.kind == "theme":  # its heading's section, which holds its description
        return {page.key: ", ".join(theme_search_words(catalogue, [page.key]))}
    return {}


def render(renderer: Renderer, page: GeneratedPage, file, files, words: SearchWords | None = None) -> Rendered:
    """One generated page's HTML, outline and links, from its record; `words` are its sections'
    hidden words for Pagefind (none in the file-share build, whose search keeps them apart)."""
    catalogue = renderer.catalogue
    if page.kind == "questions":
        briefs = [record for record in catalogue.briefs if record.brief.questions]
        return renderer.page("question-bank.html", file, files, words, rows=question_rows(catalogue), briefs=briefs)
    if page.kind == "brief":
        record = catalogue.brief(page.key)
        return renderer.page("brief-page.html", file, files, words, record=record)
    if page.kind == "theme":
        theme = catalogue.themes[page.key]
        return renderer.page(
            "theme-page.html",
            file,
            files,
            words,
            theme=theme,
            origin=catalogue.origin_of("themes", page.key),
            by_year=group_by_year(catalogue.entries_by_theme[page.key]),
            has_questions=catalogue.theme_has_questions(page.key),
            covering=catalogue.briefs_covering[page.key],
        )
    if page.kind == "discussion":
        messages = [e for e in catalogue.entries_by_theme[page.key] if e.item.questions]  # newest first
        return renderer.page(
            "discussion-sheet.html",
            file,
            files,
            words,
            theme=catalogue.themes[page.key],
            messages=messages,
            groups=discussion_groups(messages),
        )
    if page.kind == "type":
        by_year = group_by_year(catalogue.briefs_by_type.get(page.key, []), record=lambda brief: brief)
        brief_type = catalogue.types[page.key]
        return renderer.page("type-page.html", file, files, words, brief_type=brief_type, by_year=by_year)
    audience = catalogue.audiences[page.key]
    by_year = group_by_year(catalogue.entries_by_audience[page.key])
    return renderer.page("audience-page.html", file, files, words, audience=audience, by_year=by_year)
