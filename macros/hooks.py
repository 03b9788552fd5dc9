"""MkDocs hooks: load the content once per build and add the pages that follow from it.

A generated page is made the way Material's own blog and tags plugins make theirs: `on_files`
adds it with `File.generated` and remembers which record it shows; `on_page_markdown` gives it
its title and no Markdown at all; `on_page_context` renders it in one call (HTML, table of
contents, anchors, links to anchors, which MkDocs then checks) just before the page is written,
so a page's HTML is held only while it is written and a large collection never in memory whole.
In the file-share build Material's search reads the page first, without the entries indexed on
their briefs, which are put in after it. The web build's search, Pagefind, indexes the written
pages (search.py).

A problem in the content stops the build with every problem listed (file:line:column: what
to do), never a traceback; `mkdocs serve` shows the same and rebuilds once the file is fixed.
"""

from __future__ import annotations

import dataclasses
import difflib
import gc
import html
import logging
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # hooks are loaded by file path; make the package importable
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros import build, content, headers, pages, render, search, whats_new, yamlfile  # noqa: E402
from macros.problems import ContentError, Problem  # noqa: E402

log = logging.getLogger("mkdocs.learning_briefs")
VENDORED_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
# A theme page is found by its title and description, but a reader searching a theme's words
# wants its key messages first: Material ranks a page's own entry 2.5 times a section's, so
# the theme page is boosted below them.
SEARCH_BOOST = {"theme": 0.1}
PREVIEW_VARIABLE = "LB_PREVIEW_BRIEF"  # `make serve BRIEF=<id>` sets it


def on_startup(command, dirty):
    content.collect_less_often()
    build.serving = command == "serve"
    render.ENV.auto_reload = build.serving  # a preview picks up edited templates


def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    # `make serve BRIEF=<id>`: a preview of one brief. A build ignores it and publishes everything.
    only = os.environ.get(PREVIEW_VARIABLE, "").strip() if build.serving else ""
    try:
        if only:
            only = preview_id(only, data_dir)
        # Drafts are previewed by `make serve` and never published, whatever the environment says.
        # A preview reads the briefs here: `mkdocs serve` runs threads, which forked workers must not inherit.
        loaded = content.load(
            data_dir,
            include_drafts=build.serving,
            unchanged=build.unchanged if only else None,
            workers=1 if build.serving else None,
            convert=render.converted_texts,
        )
        if only:
            build.start(one_brief(loaded, only), preview_notices(preview=(only, len(loaded.briefs) - 1)))
        else:
            build.start(loaded)
    except ContentError as error:
        if not build.serving:
            raise PluginError(f"The content has problems; nothing was published.\n{error}") from None
        # A preview keeps running: the problems are printed and shown on every page, and the
        # next rebuild picks up the fixed file. They go to stderr, not MkDocs' log: strict mode
        # would count them and end `mkdocs serve` on its first build.
        print(
            f"ERROR   -  The content has problems; the preview shows them until they are fixed.\n{error}",
            file=sys.stderr,
            flush=True,
        )
        build.start(
            content.Catalogue(briefs=[], themes={}, resources={}, audiences={}), preview_notices(error.problems)
        )
    if build.serving:
        gc.collect()  # the build before this one, let go just now (the collector waits during a build: content.py)
    build.published = whats_new.published_dates(build.catalogue, data_dir.parent)
    for warning in build.catalogue.warnings:
        log.info(str(warning))
    # Which search this build has, decided here once: the templates read it (main.html, header).
    # Material's search is the file-share build's (`LB_OFFLINE`); the web build's is Pagefind.
    config.extra["lb_pagefind"] = not config.plugins["material/search"].config.enabled
    # Material's offline plugin loads its worker shim from a CDN; use our vendored copy.
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [VENDORED_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


def preview_id(value: str, data_dir: Path) -> str:
    """The brief a one-brief preview shows, from what the editor typed (its id, or its file's
    path); an id with no file is refused, naming the closest ones."""
    brief_id = Path(value).name.removesuffix(".yml")
    ids = [path.stem for path in content.brief_files(data_dir, [])]
    if brief_id in ids:
        return brief_id
    close = difflib.get_close_matches(brief_id, ids, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(i) for i in close)}?" if close else "no brief id is close to it."
    message = (
        f"BRIEF={value}: there is no brief '{brief_id}' (no file {data_dir.name}/briefs/{brief_id}.yml); {hint} "
        "A brief's id is its file name without .yml; run `make serve` without BRIEF to preview them all."
    )
    if build.catalogue is None:  # the first build: `make serve` stops with the message alone
        raise PluginError(message)
    # The brief's file went away while its preview ran: the preview says so until it is back.
    raise ContentError([Problem(f"{data_dir.name}/briefs/{brief_id}.yml", 1, 1, message)])


def one_brief(loaded: content.Catalogue, brief_id: str) -> content.Catalogue:
    """The catalogue a one-brief preview renders: every vocabulary, and that brief alone (its
    theme, audience and type pages then list only its entries). Everything was checked first."""
    return dataclasses.replace(loaded, briefs=[loaded.brief(brief_id)])


def on_files(files, config):
    for page in pages.generated_pages(build.catalogue):
        # A page made from data never replaces one that exists (the check already refuses id 'index').
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"The page {page.src_uri} made for '{page.key}' would replace a page that exists; nothing was "
                "published. Choose another id for it."
            )
        build.pages[page.src_uri] = page
        files.append(File.generated(config, page.src_uri, content=""))
    build.files = files
    return files


def on_page_markdown(markdown, page, config, files):
    generated = build.pages.get(page.file.src_uri)
    if generated is None:
        return markdown
    # The title is data, never a template. Material writes a page's title into <title> and the
    # header without escaping it, so it is handed over escaped. The page has no Markdown.
    title = html.escape(generated.title, quote=False)
    page.meta = {"title": title, "search": {"boost": SEARCH_BOOST.get(generated.kind, 1)}}
    if not generated.search:
        page.meta["search"] = {"exclude": True}
    if printed := pages.print_details(build.catalogue, generated):
        page.meta["lb_print"] = printed  # the print button and print-only heading (main.html)
    return ""


def on_page_content(html, page, config, files):
    if page.file.src_uri in build.pages:
        return ""  # made whole in on_page_context, just before it is written
    return build.notices + html


@event_priority(50)  # before Material's search plugin reads the page (the file-share build)
def _render_generated_page(context, page, config, nav):
    generated = build.pages.get(page.file.src_uri)
    if generated is None:
        return context
    pagefind = config.extra["lb_pagefind"]  # decided once, in on_config
    words = None
    if pagefind:  # Pagefind finds a section by its themes' other words too
        boost = SEARCH_BOOST.get(generated.kind, 1)
        by_anchor = pages.search_keywords(build.catalogue, generated)
        words = render.SearchWords(by_anchor, round(search.WORDS_WEIGHT * boost, 2))
    rendered = pages.render(build.renderer, generated, page.file, build.files, words)
    page.toc = get_toc(rendered.toc)
    page.present_anchor_ids = rendered.anchors
    page.links_to_anchors = rendered.links_to_anchors
    notices = build.notices
    page.content = notices + rendered.html
    if not pagefind and rendered.searchable != rendered.html:
        # Material's search reads the page without the entries that are indexed on their brief
        # (so it neither indexes them twice nor spends time reading them); they are put back after.
        build.after_search[page.file.src_uri] = page.content
        page.content = notices + rendered.searchable
    return context


@event_priority(-100)  # after Material's search plugin has read the page
def _after_search(context, page, config, nav):
    full = build.after_search.pop(page.file.src_uri, None)
    if full is not None:
        page.content = full
    add_search_keywords(config, page)
    return context


on_page_context = CombinedEvent(_render_generated_page, _after_search)


def preview_notices(problems=(), preview: tuple[str, int] | None = None) -> str:
    """What a preview puts at the top of every page: the content's problems (a build with
    problems stops before any page), or what a one-brief preview leaves out (the brief shown,
    how many left out)."""
    if errors := [problem for problem in problems if not problem.warning]:
        return str(render.partial("content_problems")(errors))
    if preview is not None:
        return str(render.partial("preview_notice")(*preview))
    return ""


def add_search_keywords(config, page) -> None:
    """Put each section's other words (its themes' aliases and search terms) into the `keywords`
    field of its search entry, which mkdocs.yml tells Material's search to index. They find the
    section but are never its text, so no result's snippet starts with a list of them."""
    generated = build.pages.get(page.file.src_uri)
    if generated is None or config.extra["lb_pagefind"]:
        return
    search = config.plugins["material/search"]
    keywords = pages.search_keywords(build.catalogue, generated)
    for entry in reversed(search.search_index.entries):  # this page's entries were added last
        location, _, anchor = entry["location"].partition("#")
        if location != page.url:
            break
        if words := keywords.get(anchor):
            entry["keywords"] = words


def on_post_page(output, page, config):
    inspect_page(page.file.dest_uri, output)
    if page.file.src_uri in build.pages:
        page.content = None  # written: a large collection need not keep every page in memory
    return output


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):  # 404.html
        inspect_page(template_name, output_content)
    return output_content


def inspect_page(name: str, output: str) -> None:
    """Read each page as it is written for what the Content-Security-Policy needs (headers.py),
    and whether Pagefind has something to index in it (search.py)."""
    build.written.add(name)
    if "data-pagefind-body" in output:
        build.searchable.add(name)
    script_in_content, hashes = headers.inspect(output)
    if script_in_content:
        build.scripts_in_content.append(name)
    build.script_hashes |= hashes


@event_priority(100)  # before other plugins write anything more (Material's search index)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    # Every page is made by now: a link the renderer wrote to a page that does not exist stops
    # the build, each reported at the data that asked for it.
    if build.renderer.broken:
        project = Path(config.config_file_path).parent
        located = sorted({locate(broken, project) for broken in build.renderer.broken})
        raise PluginError("Links lead to pages that do not exist; nothing was published.\n" + "\n".join(located))
    build.renderer.release()
    if build.scripts_in_content:
        raise PluginError(
            f"A script appeared in the content of {', '.join(sorted(build.scripts_in_content))}: nothing was published."
        )
    # The Atom feed of the "What's new" page (whats-new.md), beside the pages.
    atom = whats_new.feed(build.catalogue, build.published, site_name=config.site_name, site_url=config.site_url)
    (site_dir / whats_new.FEED_FILE).write_bytes(atom)
    # The web build searches with Pagefind: index the pages just written (search.py).
    pagefind = config.extra["lb_pagefind"]
    if pagefind:
        started = time.perf_counter()
        if problem := search.index(site_dir, search.pages_glob(build.searchable, build.written)):
            raise PluginError(f"Pagefind could not index the site; nothing was published.\n{problem}")
        # What the benchmark reads of a large build: which part took the time and the memory.
        log.info(
            "Pagefind indexed %d pages in %.1f s; peak memory: Pagefind %d MiB, the pages %d MiB",
            len(build.searchable),
            time.perf_counter() - started,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        )
    # The policy hashes the inline scripts of the pages just written.
    headers.write(
        site_dir,
        sorted(build.script_hashes),
        in_pages=config.plugins["material/offline"].config.enabled,
        pagefind=pagefind,
    )


def locate(broken: render.BrokenLink, project: Path) -> str:
    """A broken link as a problem at the data file and line it was made from."""
    message = f"the link to '{broken.target}' on {broken.page} leads to no page of this site: check the id"
    if broken.origin is None:
        return message
    path, line, column = project / broken.origin.file, 1, 1
    if path.is_file() and not path.is_symlink():
        line, column = yamlfile.read(path, broken.origin.file).where(broken.origin.path)
    return str(Problem(broken.origin.file, line, column, message))
