"""Editor text becomes safe HTML, and short forms keep the editor's words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from macros.content import load
from macros.render import Renderer, first_sentence


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
        ("Read [the policy][p].\n\n[p]: javascript:alert(1)", ["[the policy][p]"], ["<a", "javascript:alert(1)\""]),
        ("An ![image](https://example.org/x.png) here.", ["image"], ["<img"]),
        ("# Not a heading", ["# Not a heading"], ["<h1"]),
        ("See [the site](resource:fixture-site).", ['<a href="https://example.org/fixture">the site</a>'], []),
        ("See [the guide](resource:fixture-guide).", ["the guide", "(Fixture Guide: link to follow)"], ["href"]),
        ("See the [Fixture Guide.](resource:fixture-guide)", ["Fixture Guide.", " (link to follow)"], ["href", ": link"]),
        ("Mail [us](mailto:team@example.org).", ['href="mailto:team@example.org"'], []),
    ],
    ids=["emphasis", "script", "img onerror", "javascript link", "reference link", "image", "heading",
         "resource with address", "resource to follow", "resource named by its link", "mailto"],
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
        ("Sharing between services (i.e. adults and children) was poor. Next.", "Sharing between services (i.e. adults and children) was poor."),
        ("Use tools e.g. the guide. Then more.", "Use tools e.g. the guide."),
        ("No full stop at all", "No full stop at all"),
        ("Two\nlines here. More.", "Two lines here."),
    ],
)
def test_first_sentence_keeps_the_words_and_skips_abbreviations(text, first):
    assert first_sentence(text) == first


def test_a_script_in_page_content_is_found_and_never_hashed(tmp_path):
    from macros.headers import inline_script_hashes, scripts_in_content

    frame = '<html><head><script>var theme = 1;</script></head><body>{}</body></html>'
    (tmp_path / "clean.html").write_text(frame.format('<article class="md-content__inner md-typeset"><p>Text</p></article>'))
    (tmp_path / "bad.html").write_text(frame.format('<article class="md-content__inner md-typeset"><script>evil()</script></article>'))
    nested = '<article class="md-content__inner md-typeset"><article class="lb-key-message">x</article><script>evil()</script></article>'
    (tmp_path / "nested.html").write_text(frame.format(nested))
    assert scripts_in_content(tmp_path) == ["bad.html", "nested.html"]
    assert len(inline_script_hashes(tmp_path)) == 1  # the theme's script, not the content's


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AZ09.,;:?'\"()-+=%/\\\t\n\n\n\u00e9*_[]<>&#!{}`")), max_size=60))
def test_the_plain_text_shortcut_gives_what_markdown_gives(text):
    from macros.render import PLAIN_TEXT, field_markdown

    paragraphs = text.split("\n\n")
    if all(PLAIN_TEXT.fullmatch(line) for paragraph in paragraphs for line in paragraph.split("\n")):
        assert Renderer(load(FIXTURES / "site" / "data")).html(text) == field_markdown().convert(text)
