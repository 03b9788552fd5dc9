"""The macros hand-written pages may call (see the editors' guide). Thin glue: each renders a
partial from macros/templates/ for the calling page, with links resolved for that page.

Generated pages (briefs, themes, audiences) are not made here: the hooks render them, and the
macros plugin never sees them. Data reaches a page here only as a macro's return value, never
as template source.
"""

from __future__ import annotations

from . import build
from .render import group_by_year, theme_rows
from .whats_new import newest_first


def define_env(env):
    def snippet(template: str, **values) -> str:
        return build.renderer.snippet(template, env.page.file, build.files, **values)

    def piece(name: str, *args) -> str:
        return build.renderer.piece(name, env.page.file, build.files, *args)

    @env.macro
    def brief_card(brief_id: str) -> str:
        """A card for one brief: its title, board, areas and themes, linking to it."""
        return piece("brief_card", build.catalogue.brief(brief_id), 3)

    @env.macro
    def key_message(brief_id: str, anchor: str) -> str:
        """One key message with its themes and Reflect panel, as its brief shows it."""
        entry = build.catalogue.entry(brief_id, anchor)
        return piece("key_message", entry, 3)

    @env.macro
    def theme_entries(theme_id: str) -> str:
        """Every strength and key message on a theme, newest first, each linking to its brief."""
        return snippet("theme-entries.html", entries=build.catalogue.entries_by_theme[theme_id])

    @env.macro
    def home() -> str:
        return snippet(
            "home.html", latest=build.catalogue.latest, rows=theme_rows(build.catalogue), boards=build.catalogue.boards
        )

    @env.macro
    def briefs_index() -> str:
        by_year = group_by_year(build.catalogue.briefs, record=lambda brief: brief)
        return snippet("briefs-index.html", by_year=by_year)

    @env.macro
    def themes_index() -> str:
        return snippet("themes-index.html", rows=theme_rows(build.catalogue))

    @env.macro
    def whats_new() -> str:
        """Every brief by the date it was published on the site, newest first."""
        return snippet("whats-new.html", briefs=newest_first(build.catalogue, build.published))

    @env.macro
    def audiences_index() -> str:
        return snippet("audiences-index.html")
