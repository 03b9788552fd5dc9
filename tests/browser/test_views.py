"""The cross-year views: recurring themes, theme timelines, the question bank, print, audiences."""

from __future__ import annotations

import pytest

from support import normalise, pdf_text, real_catalogue, shown_words

pytestmark = pytest.mark.browser
CATALOGUE = real_catalogue()


def test_themes_overview_puts_recurring_themes_first_with_years_newest_first(page, base_url):
    page.goto(f"{base_url}/themes/index.html")
    recurring = page.locator("h2#keeps-coming-back + p + .lb-themes-overview .lb-themes-overview__name")
    names = [name.removesuffix("Recurring").strip() for name in recurring.all_inner_texts()]
    assert {"Information Sharing", "Voice of the Child", "Effective Multi-agency Working"} <= set(names)
    headings = [h.strip("¶ \n") for h in page.locator("h2").all_inner_texts()]
    assert headings.index("Keeps coming back") < headings.index("Other themes")
    others = page.locator("h2#other-themes + .lb-themes-overview .lb-themes-overview__name").all_inner_texts()
    assert "The Silent Child" in others and "The Silent Child" not in names
    row = page.locator(".lb-themes-overview__theme", has=page.locator("a", has_text="Information Sharing"))
    assert "Recurring" in row.locator(".lb-themes-overview__name").inner_text()
    assert row.locator(".lb-year-chip__year").all_inner_texts() == ["2017-18", "2016-17"]
    # Strengths and key messages are counted apart, never summed into one number.
    theme_entries = CATALOGUE.entries_by_theme["information-sharing"]
    messages = sum(e.kind == "key-message" for e in theme_entries)
    strengths = sum(e.kind == "strength" for e in theme_entries)
    total = row.locator(".lb-themes-overview__total").inner_text()
    assert total == f"2 audit years: {messages} key messages, {strengths} strengths", total


def test_a_year_chip_opens_that_year_on_the_theme_page(page, base_url):
    page.goto(f"{base_url}/themes/index.html")
    row = page.locator(".lb-themes-overview__theme", has=page.locator("a", has_text="Information Sharing"))
    row.locator("a.lb-year-chip", has_text="2016-17").click()
    page.wait_for_url("**/themes/information-sharing.html#year-2016-17")
    assert page.locator("#year-2016-17").is_visible()


def test_theme_page_is_a_timeline_newest_year_first(page, base_url):
    page.goto(f"{base_url}/themes/information-sharing.html")
    years = page.locator("h2[id^=year-]").all_inner_texts()
    assert [y.strip("¶ ") for y in years] == ["2017-18", "2016-17"]
    entry = page.locator(
        "article.lb-theme-entry", has=page.locator("h3", has_text="Communication across the Partnerships")
    )
    context = entry.locator(".lb-theme-entry__context").inner_text()
    assert "2016-17: Special Educational Needs and Disabilities (SEND)" in context
    assert "Case 2 (Gabriele*)" in context
    assert "sharing information" in page.locator(".lb-theme-facts").inner_text()
    page.locator(".lb-theme-facts a", has_text="Effective Multi-agency Working").click()
    page.wait_for_url("**/themes/effective-multi-agency-working.html")


def test_a_key_message_with_several_themes_is_on_each_theme_page(page, base_url):
    for theme_id in ["silent-child", "voice-of-the-child"]:
        page.goto(f"{base_url}/themes/{theme_id}.html")
        assert page.locator("a[href$='2017-18-think-family.html#the-silent-child']").count() >= 1, theme_id


def test_question_bank_holds_every_question_linked_to_its_key_message(page, base_url):
    page.goto(f"{base_url}/questions.html")
    items = page.locator(".lb-question-bank li")
    texts = [normalise(t) for t in items.all_inner_texts()]
    for record in CATALOGUE.briefs:
        for entry in record.key_messages:
            for question in entry.item.questions:
                holders = [t for t in texts if shown_words(question) in t]
                assert holders, question
                assert any(record.year in t for t in holders), (question, record.year)
    link = page.locator(".lb-question-bank__source a[href$='2017-18-think-family.html#the-silent-child']").first
    link.click()
    page.wait_for_url("**/briefs/2017-18-think-family.html#the-silent-child")


def test_printing_a_brief_gives_a_clean_handout(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    text = pdf_text(page.pdf(format="A4", print_background=True))
    assert "2017-18: think family" in text
    record = next(r for r in CATALOGUE.briefs if r.id == "2017-18-think-family")
    assert "link to follow" not in text  # the note is for the screen, never printed
    squashed = text.replace(" ", "")
    for entry in record.key_messages:
        assert normalise(entry.item.title).replace(" ", "") in squashed
        for question in entry.item.questions:
            assert shown_words(question).replace(" ", "")[:60] in squashed, question
    for chrome in ["how to use this site", "table of contents", "search"]:
        assert chrome not in text, chrome


def test_printing_shows_web_addresses_and_not_the_sites_own(page, fixture_site):
    """On paper a web address is useful; a link within the site (a theme chip) is not."""
    page.goto((fixture_site / "briefs" / "2099-00-fixture.html").as_uri())
    squashed = pdf_text(page.pdf(format="A4")).replace(" ", "")
    assert "fixturesite(https://example.org/fixture)" in squashed
    assert ".html" not in squashed


def test_a_discussion_sheet_prints_questions_with_space_to_write(page, base_url):
    page.goto(f"{base_url}/discussion/fathers-and-significant-others.html")
    assert page.locator(".lb-answer-lines").count() == 3
    text = pdf_text(page.pdf(format="A4"))
    assert "discussion sheet: fathers and/or significant others" in text
    assert "do you actively seek to engage fathers" in text


def test_the_gp_page_holds_what_is_addressed_to_gps(page, base_url):
    page.goto(f"{base_url}/audiences/gps.html")
    assert page.locator("h1").inner_text().startswith("For GPs")
    assert page.locator("a[href$='2017-18-think-family.html#information-sharing']").count() >= 1
    assert "GPs - Are you familiar with information sharing guidance" in page.locator(".md-content").inner_text()
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    card = page.locator("article.lb-key-message", has=page.locator("#information-sharing"))
    assert "For: GPs" in card.locator(".lb-audiences").inner_text()


def test_also_called_lists_only_other_names_for_the_theme(page, base_url):
    """Words that should find a theme's learning but are not its names (CAMHS, siblings) are
    searched, never shown as "Also called"."""
    page.goto(f"{base_url}/themes/silent-child.html")
    facts = page.locator(".lb-theme-facts")
    also = facts.locator("dt", has_text="Also called").locator("xpath=following-sibling::dd[1]").inner_text()
    assert [name.strip() for name in also.split(",")] == ["silent child", "quiet child"]
    for word in ("CAMHS", "sibling"):
        assert word not in facts.inner_text()
