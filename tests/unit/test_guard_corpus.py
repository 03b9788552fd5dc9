"""The anonymisation guard's measured recall: every identifying detail in the labelled corpus
(tests/guard_corpus.py) is caught in every published field, and no ordinary sentence is flagged."""

from __future__ import annotations

import subprocess
from collections import defaultdict

import pytest

from support import ROOT
from tests import guard_corpus as corpus


@pytest.fixture(scope="module")
def positives():
    return corpus.measure_positives()


def test_the_corpus_is_large_and_covers_every_kind_in_every_field(positives):
    assert len(corpus.KINDS) >= 20 and len(positives) >= 500
    fields_by_kind = defaultdict(set)
    encodings_by_kind = defaultdict(set)
    for positive, _ in positives:
        fields_by_kind[positive.kind].add(positive.position)
        encodings_by_kind[positive.kind].add(positive.encoding)
    text_fields = {name for name, _, how in corpus.BRIEF_POSITIONS + corpus.VOCABULARY_POSITIONS if how == corpus.TEXT}
    for kind, details in corpus.KINDS.items():
        expected = set(text_fields)
        # An id or file name is lower-case words and digits: it cannot hold an @ or a link.
        if any(corpus.slug(detail) for detail in details):
            expected |= {
                name for name, _, how in corpus.BRIEF_POSITIONS + corpus.VOCABULARY_POSITIONS if how == corpus.SLUG
            }
        assert expected <= fields_by_kind[kind], f"{kind} is never placed in {sorted(expected - fields_by_kind[kind])}"
        assert "resource address" in fields_by_kind[kind] or not any(corpus.address(kind, d) for d in details)
        written_with = {"as typed", "HTML entity", "zero-width space", "bold"}
        if any(" " in detail for detail in details):
            written_with.add("no-break spaces")
        assert written_with <= encodings_by_kind[kind], kind


def test_every_identifying_detail_is_caught_in_every_field(positives):
    missed = [f"{p.kind} / {p.encoding} / {p.position}: {p.written!r}" for p, caught in positives if not caught]
    assert missed == [], f"{len(missed)} of {len(positives)} missed, such as:\n" + "\n".join(missed[:30])


def test_a_detail_counts_as_caught_only_where_it_is_written():
    # The fixture the details are placed in gives no guard problem of its own, so a catch is the
    # detail's; and a detail in one field is not reported at another.
    assert corpus.brief_problems(corpus.brief_data({}), "2099-00-fixture") == {}
    assert corpus.vocabulary_problems({}) == {}
    found = corpus.brief_problems(corpus.brief_data({("introduction",): "Call 07700 900123."}), "2099-00-fixture")
    assert list(found) == [("introduction",)]


def test_no_ordinary_sentence_or_seed_brief_is_flagged():
    sentences = corpus.negatives()
    assert len(sentences) >= 500
    assert set(corpus.seed_sentences()) <= set(sentences)
    flagged = [(text, messages) for text, messages in corpus.measure_negatives() if messages]
    assert flagged == []


def test_the_report_prints_recall_and_false_positives_per_kind():
    """`make guard-report`, as a data-protection officer would run it."""
    result = subprocess.run(["make", "--no-print-directory", "guard-report"], cwd=ROOT, capture_output=True, text=True)
    text, perfect = result.stdout, result.returncode == 0
    assert perfect, text + result.stderr
    for kind in corpus.KINDS:
        assert any(line.startswith(kind) and line.endswith("100.0%") for line in text.splitlines()), kind
    assert "False positives: 0" in text
