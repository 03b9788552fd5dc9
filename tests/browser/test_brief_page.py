"""A brief page that reads in five minutes, in Chromium: what it is and its key messages at a
glance, short findings listed together, one layout for a finding's details with case links,
questions that read whole, and the older and newer brief."""

from __future__ import annotations

import pytest

from support import normalise, real_catalogue, shown_words

pytestmark = pytest.mark.browser
CATALOGUE = real_catalogue()


def test_a_brief_opens_with_what_it_is_and_its_key_messages(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    glance = page.locator(".lb-at-a-glance")
    facts = [t.strip() for t in glance.locator("dt, dd").all_inner_texts()]
    assert facts[:4] == ["Type", "Multi-agency case audit", "Period", "2017-18"]
    assert "City & Hackney Safeguarding Children Board" in glance.inner_text()
    record = CATALOGUE.brief("2017-18-think-family")
    listed = glance.locator(".lb-at-a-glance__list a")
    assert listed.all_inner_texts() == [entry.item.title for entry in record.key_messages]
    # The brief's themes are shown once, in the panel, not again above the introduction.
    assert page.locator(".md-content .lb-theme-chips").first.evaluate("e => !!e.closest('.lb-at-a-glance')")
    listed.filter(has_text="Thresholds").click()
    assert page.url.endswith("#thresholds") and page.locator("#thresholds").is_visible()


def test_short_strengths_are_one_list_per_case_with_chips_only_where_they_differ(page, base_url):
    page.goto(f"{base_url}/briefs/2016-17-send.html")
    lists = page.locator("dl.lb-finding-list")
    assert lists.count() == 3  # one per case
    first = lists.nth(0)
    assert first.locator("dt").all_inner_texts()[:3] == [
        "Special Educational Needs and Disabilities (SEND)",
        "Targeted Resources",
        "Effective Multi-agency Working",
    ]
    # "good communication" is tagged with two themes: its group names one, its chip the other.
    item = first.locator("dd", has_text="good communication")
    assert item.locator("a.lb-theme-chip").all_inner_texts() == ["Information Sharing"]
    assert page.locator(".lb-strength-card").count() == 0  # no card per sentence
    chips = page.locator(".md-content a.lb-theme-chip").count()
    assert chips < 35, f"{chips} theme chips on the page"


def test_a_findings_details_come_after_it_in_one_layout_and_cases_link_to_their_case(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    for card in page.locator("article.lb-key-message, div.lb-strength-card").all():
        last = card.evaluate("e => e.lastElementChild.className")
        assert "lb-finding-details" in last, card.inner_text()[:60]
    details = page.locator("article.lb-key-message", has=page.locator("#thresholds")).locator(".lb-finding-details")
    assert details.locator(".lb-cases__label").inner_text() == "From:"
    details.locator(".lb-cases a", has_text="Case 3").click()
    assert page.url.endswith("#case-3") and page.locator("#case-3").is_visible()


def test_every_question_on_every_page_reads_word_for_word(page, base_url, site):
    """A question is shown whole: the site's own notes ("link to follow") never sit inside it."""
    questions = {shown_words(q) for r in CATALOGUE.briefs for e in r.entries for q in e.item.questions}
    questions |= {shown_words(q) for r in CATALOGUE.briefs for q in r.brief.questions}
    assert len(questions) > 20
    pages = ["questions.html"] + [
        p.relative_to(site).as_posix()
        for p in site.glob("*/*.html")
        if p.parent.name in ("briefs", "themes", "discussion", "audiences")
    ]
    read = 0
    for path in pages:
        page.goto(f"{base_url}/{path}")
        shown = page.eval_on_selector_all(
            ".admonition.question li, .lb-question-bank li, .lb-discussion-sheet__question > p:not(.lb-discussion-sheet__also)",
            "items => items.map(item => { const copy = item.cloneNode(true);"
            " copy.querySelectorAll('.lb-question-bank__source').forEach(s => s.remove());"
            " return copy.innerText; })",
        )
        for text in shown:
            assert normalise(text) in questions, f"{path}: {text!r}"
        read += len(shown)
    assert read > 100
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    note = page.locator("article.lb-key-message", has=page.locator("#escalation-and-challenge")).locator(
        ".lb-links-to-follow"
    )
    assert note.inner_text() == "Link to follow: “HERE!” is the CHSCB Escalation Policy."


def test_a_brief_leads_to_the_older_and_newer_brief(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    nav = page.locator("nav.lb-prev-next")
    assert nav.locator(".lb-prev-next__newer").count() == 0
    nav.locator(".lb-prev-next__older").click()
    page.wait_for_url("**/briefs/2016-17-send.html")
    assert "2017-18: Think Family" in page.locator("nav.lb-prev-next .lb-prev-next__newer").inner_text()
