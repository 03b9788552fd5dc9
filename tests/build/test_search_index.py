"""What search reads: each key message is indexed once, where it lives, under its heading; other
words find it without being its text; the editors' guide is not searched; help pages rank low.

The web build's search is Pagefind's (its fragments: what it stores of each page); the file-share
build's is Material's (its search_index.json)."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from markupsafe import escape

from macros.render import theme_search_words
from support import normalise, real_catalogue, shown_words

CATALOGUE = real_catalogue()
KEY_MESSAGES = [entry for record in CATALOGUE.briefs for entry in record.key_messages]


@pytest.fixture(scope="module")
def fragments(site) -> dict[str, dict]:
    """What Pagefind stored of each page it indexed, by address: its text and its anchors."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])  # after Pagefind's signature
        found[fragment["url"].lstrip("/")] = fragment
    return found


def pagefind_text(fragment) -> str:
    return normalise(fragment["content"])


@pytest.mark.parametrize("entry", KEY_MESSAGES, ids=lambda e: f"{e.brief.id}#{e.anchor}")
def test_pagefind_indexes_a_key_message_once_under_its_heading(fragments, entry):
    opening = shown_words(entry.item.text)[:80]
    holders = [url for url, fragment in fragments.items() if opening in pagefind_text(fragment)]
    assert holders == [f"briefs/{entry.brief.id}.html"]
    anchors = {anchor["id"]: anchor for anchor in fragments[holders[0]]["anchors"]}
    assert anchors[entry.anchor]["element"] in {"h2", "h3", "h4"}  # a sub-result lands on it


def test_pagefind_reads_the_content_only(fragments, site):
    assert "editors.html" not in fragments  # the editors' guide is not searched
    for fragment in fragments.values():
        text = fragment["content"]
        assert "Atom feed of new briefs" not in text  # the footer
        assert "¶" not in text  # permalinks
    # "At a glance" repeats the key messages' titles on a brief: read once, in the messages.
    brief = fragments["briefs/2017-18-think-family.html"]["content"]
    assert "At a glance" not in brief
    for page in ["how-to-use.html", "accessibility.html"]:  # help pages rank below content
        assert '<div data-pagefind-body data-pagefind-weight="0.1">' in (site / page).read_text(), page


def test_pagefind_finds_a_key_message_by_other_words_never_shown(fragments, site):
    html = (site / "briefs" / "2017-18-think-family.html").read_text()
    checked = 0
    for entry in (e for e in KEY_MESSAGES if e.brief.id == "2017-18-think-family"):
        words = ", ".join(theme_search_words(CATALOGUE, entry.item.themes))
        if not words:
            continue
        checked += 1
        hidden = f'<span class="lb-search-words" hidden data-pagefind-weight="7">⟦ {escape(words)} ⟧</span>'
        assert re.search(rf'<h\d id="{re.escape(entry.anchor)}".*?</h\d>{re.escape(hidden)}', html), entry.anchor
        assert f"⟦ {words} ⟧" in fragments["briefs/2017-18-think-family.html"]["content"], entry.anchor
    assert checked >= 3, "too few key messages with other words to show anything"


# --- Material's search, in the file-share build -------------------------------------------------


@pytest.fixture(scope="module")
def index(offline_site):
    assert not (offline_site / "pagefind").exists()  # no Pagefind where it cannot run
    return json.loads((offline_site / "search" / "search_index.json").read_text())["docs"]


def entry_text(doc) -> str:
    return normalise(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))


@pytest.mark.parametrize("entry", KEY_MESSAGES, ids=lambda e: f"{e.brief.id}#{e.anchor}")
def test_a_key_message_is_indexed_once_under_its_heading(index, entry):
    opening = shown_words(entry.item.text)[:80]
    holders = [doc["location"] for doc in index if opening in entry_text(doc)]
    assert holders == [f"briefs/{entry.brief.id}.html#{entry.anchor}"]


@pytest.mark.parametrize("entry", KEY_MESSAGES, ids=lambda e: f"{e.brief.id}#{e.anchor}")
def test_each_question_is_indexed_once(index, entry):
    for question in entry.item.questions:
        words = shown_words(question)[:60]
        holders = {doc["location"] for doc in index if words in entry_text(doc)}
        # A question asked word for word in two briefs is indexed once in each.
        expected = {
            f"briefs/{e.brief.id}.html#{e.anchor}"
            for e in KEY_MESSAGES
            if any(shown_words(q)[:60] == words for q in e.item.questions)
        }
        assert holders == expected, question


def test_other_words_for_a_section_are_its_keywords_never_its_text(index):
    """Aliases and search terms find a key message from the `keywords` field (mkdocs.yml), so
    they never lead the snippet Material makes from its text."""
    by_location = {doc["location"]: doc for doc in index}
    for entry in KEY_MESSAGES:
        doc = by_location[f"briefs/{entry.brief.id}.html#{entry.anchor}"]
        words = theme_search_words(CATALOGUE, entry.item.themes)
        assert doc.get("keywords") == ", ".join(words), entry.anchor
        assert ", ".join(words[:2]) not in doc["text"], entry.anchor


def test_a_theme_pages_heading_carries_its_keywords(index):
    doc = next(doc for doc in index if doc["location"] == "themes/silent-child.html#silent-child")
    assert doc["keywords"] == ", ".join(theme_search_words(CATALOGUE, ["silent-child"]))
    assert "CAMHS" in doc["keywords"] and "overlooked" in doc["text"]


def test_the_editors_guide_is_not_searched_and_help_pages_rank_below_content(index):
    locations = {doc["location"].split("#")[0] for doc in index}
    assert "editors.html" not in locations
    for page in ["how-to-use.html", "accessibility.html"]:
        assert {doc.get("boost") for doc in index if doc["location"].split("#")[0] == page} == {0.1}, page


def test_pagefind_indexes_every_page_with_content_to_search_and_no_other(fragments, site):
    """Pagefind is only given the pages that have something to index (macros/search.py), so
    the set it indexed must be exactly the written pages that mark their content for it."""
    marked = {
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "pagefind" not in path.parts and "data-pagefind-body" in path.read_text(encoding="utf-8")
    }
    assert set(fragments) == marked
    assert {"index.html", "themes/think-family.html", "briefs/2017-18-think-family.html"} <= marked
    assert "questions.html" not in marked and not any(url.startswith("discussion/") for url in marked)
