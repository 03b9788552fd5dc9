"""Editor text becomes safe HTML, and short forms keep the editor's words."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros import headers
from macros.content import load
from macros.fields import brief_texts
from macros.render import Renderer, converted_texts, field_markdown, first_sentence, plain_html
from support import FIXTURES, ROOT, policy_hash


@pytest.fixture(scope="module")
def renderer():
    return Renderer(load(FIXTURES / "site" / "data"))


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Some **bold** and *italic* text.", ["<strong>bold</strong>", "<em>italic</em>"], []),
        ("A <script>alert(1)</script> tag.", ["&lt;script&gt;"], ["<script"]),
        ('An <img src="x" onerror="alert(1)"> image.', ["&lt;img"], ["<img"]),
        ("A [link](javascript:alert(1)) here.", ["link"], ["javascript:", "<a"]),
        ("Read [the policy][p].\n\n[p]: javascript:alert(1)", ["[the policy][p]"], ["<a", 'javascript:alert(1)"']),
        ("An ![image](https://example.org/x.png) here.", ["image"], ["<img"]),
        ("# Not a heading", ["# Not a heading"], ["<h1"]),
        ("See [the site](resource:fixture-site).", ['<a href="https://example.org/fixture">the site</a>'], []),
        (
            "See [the guide](resource:fixture-guide).",
            ['See <span class="lb-resource lb-resource--pending">the guide</span>.'],
            ["href", "link to follow", "Fixture Guide"],
        ),
        (
            "Do you read [HERE?](resource:fixture-guide) Do you?",
            ['Do you read <span class="lb-resource lb-resource--pending">HERE?</span> Do you?'],
            ["href", "follow"],
        ),
        ("Mail [us](mailto:team@example.org).", ['href="mailto:team@example.org"'], []),
        ("> Quoted words", ["&gt; Quoted words"], ["<blockquote"]),
        ("Above\n\n***\n\nBelow", ["<p>***</p>"], ["<hr"]),
        ("Text\n\n    indented words", ["indented words"], ["<pre", "<code"]),
        ("Some `ticked` words", ["`ticked`"], ["<code"]),
        ("Two spaces  \nthen a line", ["then a line"], ["<br"]),
        ('See [the site](https://example.org "A title").', ['<a href="https://example.org">the site</a>'], ["title="]),
    ],
    ids=[
        "emphasis",
        "script",
        "img onerror",
        "javascript link",
        "reference link",
        "image",
        "heading",
        "resource with address",
        "resource to follow",
        "a question stays whole",
        "mailto",
        "quote",
        "rule",
        "indented code",
        "inline code",
        "forced line break",
        "link title",
    ],
)
def test_editor_text_becomes_safe_html(renderer, text, present, absent):
    html = renderer.html(text)
    for fragment in present:
        assert fragment in html, html
    for fragment in absent:
        assert fragment not in html, html


def test_a_one_paragraph_text_renders_inline(renderer):
    assert renderer.inline("Do you *ask*?") == "Do you <em>ask</em>?"
    assert renderer.inline("One.\n\nTwo.").count("<p>") == 2


@pytest.mark.parametrize(
    "text, first",
    [
        ("First sentence. Second one.", "First sentence."),
        (
            "Sharing between services (i.e. adults and children) was poor. Next.",
            "Sharing between services (i.e. adults and children) was poor.",
        ),
        ("Use tools e.g. the guide. Then more.", "Use tools e.g. the guide."),
        ("No full stop at all", "No full stop at all"),
        ("Two\nlines here. More.", "Two lines here."),
    ],
)
def test_first_sentence_keeps_the_words_and_skips_abbreviations(text, first):
    assert first_sentence(text) == first


def test_text_converted_where_the_briefs_are_read_is_what_the_pages_show(tmp_path):
    """A large build makes editor text HTML in the workers that read the briefs. Every text must
    come out as the renderer alone makes it, a pseudonym's star included ("Sample*'s ... Sample*,"
    is not emphasis), which only the renderer can tell, since it knows every brief's pseudonyms."""
    starred = tmp_path / "data"
    shutil.copytree(FIXTURES / "site" / "data", starred)
    brief = starred / "briefs" / "2099-00-fixture.yml"
    summary = "summary: Sample is a synthetic example case for tests."
    assert summary in brief.read_text()
    brief.write_text(brief.read_text().replace(summary, "summary: Sample*'s carer met Sample*, on a synthetic visit."))
    for data in (ROOT / "data", FIXTURES / "shapes" / "data", starred):
        spread = load(data, workers=2, convert=converted_texts)
        alone = load(data, workers=1, convert=converted_texts)  # one process: converted on the pages
        assert spread.converted and not alone.converted, data
        on_pages, from_workers = Renderer(alone), Renderer(spread)
        for record in alone.briefs:
            for _, text in brief_texts(record):
                assert from_workers.html(text) == on_pages.html(text), text
    text = "Sample*'s carer met Sample*, on a synthetic visit."
    assert "<em>" in spread.converted[text]  # as sent: the worker knows no pseudonyms
    assert from_workers.html(text) == "<p>Sample*'s carer met Sample*, on a synthetic visit.</p>"


def test_a_script_in_page_content_is_found_and_never_hashed():
    frame = "<html><head><script>var theme = 1;</script></head><body>{}<script>var after = 2;</script></body></html>"
    clean = frame.format('<article class="md-content__inner md-typeset"><p>Text</p></article>')
    bad = frame.format('<article class="md-content__inner md-typeset"><Script>evil()</Script></article>')
    nested = frame.format(
        '<article class="md-content__inner md-typeset"><article class="lb-key-message">x</article>'
        "<script>evil()</script></article>"
    )
    # The theme's two scripts, before the content and after it, as a policy lists them.
    theme_only = {policy_hash("var theme = 1;"), policy_hash("var after = 2;")}
    assert headers.inspect(clean) == (False, theme_only)
    assert headers.inspect(bad) == (True, theme_only)  # found, in any letter case, and not hashed
    assert headers.inspect(nested) == (True, theme_only)  # after a card, which is an article too


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AZ09.,;:?'\"()-+=%/\\\t\n\n\n\u00e9*_[]<>&#!{}`")), max_size=60))
def test_the_plain_text_shortcut_gives_what_markdown_gives(renderer, text):
    if plain_html(text) is not None:  # the texts the shortcut takes
        assert renderer.html(text) == field_markdown().convert(text)


def test_a_page_shows_hostile_titles_as_text_even_past_the_check():
    """The check refuses these; the renderer is the second line: titles are escaped and never
    evaluated as a template, on the brief page and on its theme page."""
    from mkdocs.structure.files import File, Files

    from macros.content import BriefRecord, Catalogue, place_entries
    from macros.pages import generated_pages, render

    loaded = load(FIXTURES / "site" / "data")
    hostile = "<script>window.x=1</script>{{ 7*7 }}{% raw %}"
    original = next(r for r in loaded.briefs if r.id == "2099-00-fixture")
    message = original.brief.key_messages[0].model_copy(update={"title": hostile, "text": hostile})
    brief = original.brief.model_copy(update={"title": hostile, "key_messages": [message]})
    record = BriefRecord(original.id, original.file, brief)
    place_entries(record)
    catalogue = Catalogue(
        [record], loaded.themes, loaded.resources, loaded.audiences, kinds=loaded.kinds, types=loaded.types
    )
    pages = generated_pages(catalogue)
    files = Files(  # every page the generated ones link to
        [File(p.src_uri, None, "/tmp", False) for p in pages]
        + [File(n, None, "/tmp", False) for n in ("index.md", "briefs/index.md", "themes/index.md", "questions.md")]
    )
    renderer = Renderer(catalogue)
    for page in [p for p in pages if p.src_uri in ("briefs/2099-00-fixture.md", "themes/fixture-theme-a.md")]:
        html = render(renderer, page, files.get_file_from_path(page.src_uri), files).html
        assert "<script>" not in html, page.src_uri
        assert "&lt;script&gt;window.x=1&lt;/script&gt;{{ 7*7 }}{% raw %}" in html, page.src_uri
        assert "49" not in html
    assert hostile in next(p.title for p in pages if p.kind == "brief")  # the title is data for the theme to escape
    assert not renderer.broken


def test_a_generated_page_hands_the_theme_its_title_escaped(monkeypatch):
    """Material writes page.meta.title into <title> and the header without escaping it."""
    from types import SimpleNamespace

    from macros import build, hooks
    from macros.pages import GeneratedPage
    from macros.periods import parse

    page = SimpleNamespace(file=SimpleNamespace(src_uri="briefs/2099-00-x.md"), meta={})
    generated = GeneratedPage(page.file.src_uri, "2099-00: A <b>bold</b> & {{ 7*7 }}", "brief", "2099-00-x")
    monkeypatch.setattr(build, "pages", {generated.src_uri: generated})
    record = SimpleNamespace(brief=SimpleNamespace(board="Example <b>Board</b>"), period=parse("2099-00"))
    monkeypatch.setattr(build, "catalogue", SimpleNamespace(brief=lambda _: record))
    assert hooks.on_page_markdown("", page, None, None) == ""
    assert page.meta["title"] == "2099-00: A &lt;b&gt;bold&lt;/b&gt; &amp; {{ 7*7 }}"
    # The print heading's words are data too: overrides/main.html escapes them.
    assert page.meta["lb_print"] == {"publisher": "Example <b>Board</b>", "period": "Audit year 2099-00"}


def test_pagefind_is_given_whole_folders_where_it_can_and_single_pages_elsewhere():
    from macros.search import ALL_PAGES, pages_glob

    written = {"index.html", "about.html", "questions.html", "briefs/a.html", "briefs/b.html", "discussion/x.html"}
    searchable = {"index.html", "about.html", "briefs/a.html", "briefs/b.html"}
    assert pages_glob(searchable, written) == "{about.html,index.html,briefs/*.html}"
    # A name a glob would read as a pattern is never put in one: Pagefind then reads every page.
    odd = {"index.html", "odd{name}.html"}
    assert pages_glob({"odd{name}.html"}, odd | {"other.html"}) == ALL_PAGES
    assert pages_glob(set(), written) == ALL_PAGES
    # So many single pages that the glob could not be passed as one argument: every page.
    many = {f"page-{n:06}.html" for n in range(20_000)}
    assert pages_glob(set(list(many)[:10_000]), many) == ALL_PAGES
    assert pages_glob(set(list(many)[:100]), many).startswith("{page-")
