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
