"""The macros pages call. Thin glue: each macro hands the calling page to the renderer."""

from __future__ import annotations

from . import build


def define_env(env):
    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def brief_page(brief_id: str) -> str:
        record = next(r for r in build.catalogue.briefs if r.id == brief_id)
        return build.renderer.brief_page(record, here())

    @env.macro
    def theme_page(theme_id: str) -> str:
        return build.renderer.theme_page(theme_id, here())

    @env.macro
    def audience_page(audience_id: str) -> str:
        return build.renderer.audience_page(audience_id, here())

    @env.macro
    def audiences_index() -> str:
        return build.renderer.audiences_index(here())

    @env.macro
    def question_bank() -> str:
        return build.renderer.question_bank(here())

    @env.macro
    def discussion_sheet(theme_id: str) -> str:
        return build.renderer.discussion_sheet(theme_id, here())

    @env.macro
    def themes_index() -> str:
        return build.renderer.themes_index(here())

    @env.macro
    def briefs_index() -> str:
        return build.renderer.briefs_index(here())

    @env.macro
    def home() -> str:
        return build.renderer.home(here())
