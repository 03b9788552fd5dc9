"""The pages that follow from the data: one per brief, theme and audience.

Each page is a small Markdown file whose body is one macro call; `generated_pages` is a plain
function, so the same pages could be written to disk by a script.
"""

from __future__ import annotations

import yaml

from .content import Catalogue


def generated_pages(catalogue: Catalogue) -> dict[str, str]:
    """Map of docs-relative path to Markdown source, for every page the data implies."""
    pages = {}
    for record in catalogue.briefs:
        pages[record.src_uri] = page(f"{record.year}: {record.title}", f"brief_page({record.id!r})")
    for theme_id, theme in catalogue.themes.items():
        pages[f"themes/{theme_id}.md"] = page(theme.title, f"theme_page({theme_id!r})")
        # A print view of the theme's questions, for themes that have any; its text is indexed
        # for search on the briefs.
        if catalogue.theme_has_questions(theme_id):
            pages[f"discussion/{theme_id}.md"] = page(
                f"Discussion sheet: {theme.title}", f"discussion_sheet({theme_id!r})", search={"exclude": True}
            )
    for audience_id, audience in catalogue.audiences.items():
        pages[f"audiences/{audience_id}.md"] = page(f"For {audience.title}", f"audience_page({audience_id!r})")
    return pages


def page(title: str, call: str, **meta) -> str:
    front_matter = yaml.safe_dump({"title": title, "render_macros": True, **meta}, sort_keys=False, allow_unicode=True)
    return f"---\n{front_matter}---\n\n{{{{ {call} }}}}\n"
