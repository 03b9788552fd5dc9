"""Material's search index: each key message is indexed once, where it lives, under its heading."""

from __future__ import annotations

import json
import re

import pytest

from macros.content import load
from support import ROOT, normalise, shown_words

CATALOGUE = load(ROOT / "data")
KEY_MESSAGES = [entry for record in CATALOGUE.briefs for entry in record.key_messages]


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text())["docs"]


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
    from macros.render import theme_search_words

    by_location = {doc["location"]: doc for doc in index}
    for entry in KEY_MESSAGES:
        doc = by_location[f"briefs/{entry.brief.id}.html#{entry.anchor}"]
        words = theme_search_words(CATALOGUE, entry.item.themes)
        assert doc.get("keywords") == ", ".join(words), entry.anchor
        assert ", ".join(words[:2]) not in doc["text"], entry.anchor


def test_a_theme_pages_heading_carries_its_keywords(index):
    from macros.render import theme_search_words

    doc = next(doc for doc in index if doc["location"] == "themes/silent-child.html#silent-child")
    assert doc["keywords"] == ", ".join(theme_search_words(CATALOGUE, ["silent-child"]))
    assert "CAMHS" in doc["keywords"] and "overlooked" in doc["text"]


def test_the_editors_guide_is_not_searched_and_help_pages_rank_below_content(index):
    locations = {doc["location"].split("#")[0] for doc in index}
    assert "editors.html" not in locations
    for page in ["how-to-use.html", "accessibility.html"]:
        assert {doc.get("boost") for doc in index if doc["location"].split("#")[0] == page} == {0.1}, page
