"""MkDocs hooks: load the content once per build and add the pages that follow from it.

A problem in the content stops the build with every problem listed (file:line:column: what
to do), never a traceback; `mkdocs serve` shows the same and rebuilds once the file is fixed.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # hooks are loaded by file path; make the package importable
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros import build, content, headers, pages, render  # noqa: E402

log = logging.getLogger("mkdocs.learning_briefs")
ANCHOR_ID = re.compile(r'\sid="([^"]+)"')
VENDORED_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_startup(command, dirty):
    build.serving = command == "serve"
    render.ENV.auto_reload = build.serving  # a preview picks up edited templates


def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        # `make serve` previews drafts; `make build` never publishes them.
        build.start(content.load(data_dir, include_drafts=os.environ.get("LB_PREVIEW_DRAFTS") == "1"))
    except content.ContentError as error:
        if not build.serving:
            raise PluginError(f"The content has problems; nothing was published.\n{error}") from None
        # A preview keeps running: the problems are printed and shown on every page, and the
        # next rebuild picks up the fixed file. They go to stderr, not MkDocs' log: strict mode
        # would count them and end `mkdocs serve` on its first build.
        print(f"ERROR   -  The content has problems; the preview shows them until they are fixed.\n{error}",
              file=sys.stderr, flush=True)
        build.start(content.Catalogue(briefs=[], themes={}, resources={}, audiences={}), error.problems)
    for warning in build.catalogue.warnings:
        log.info(str(warning))
    # Material's offline plugin loads its worker shim from a CDN; use our vendored copy.
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [VENDORED_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


def on_files(files, config):
    for src_uri, text in pages.generated_pages(build.catalogue).items():
        files.append(File.generated(config, src_uri, content=text))
    return files


def on_page_content(html, page, config, files):
    # HTML the macros kept out of Markdown (see `render.stash`) goes back into the page.
    html = build.renderer.unstash(html)
    # A generated page is HTML from the partials: its table of contents and anchors come from
    # the headings the renderer wrote, as Markdown's would from Markdown headings.
    if (tokens := build.renderer.toc(page.file.src_uri)) is not None:
        page.toc = get_toc(tokens)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | set(ANCHOR_ID.findall(html))
    if build.problems:  # only in a preview: a build with problems stops before any page
        html = build.renderer.problems_notice(build.problems) + html
    return html


@event_priority(-100)  # after Material's search plugin has read the page
def on_page_context(context, page, config, nav):
    # HTML that is indexed on its brief goes back into theme and audience pages only now, so
    # search neither indexes it twice nor spends time reading it.
    page.content = build.renderer.unstash(page.content, unindexed=True)
    return context


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if pages_with_scripts := headers.scripts_in_content(site_dir):
        raise PluginError(f"A script appeared in the content of {', '.join(pages_with_scripts)}: nothing was published.")
    # The policy hashes the inline scripts of the pages just written.
    headers.write(site_dir)
