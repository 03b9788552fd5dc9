"""Every shape of brief partnerships publish, built from synthetic fixtures
(tests/fixtures/shapes/data) and read in Chromium as a reader meets it: the brief page, the
theme page, the question bank, and the briefs index by type and year."""

from __future__ import annotations

import pytest

from support import violations

pytestmark = pytest.mark.browser


@pytest.fixture
def open_page(page, shapes_site):
    def go(path: str):
        page.goto((shapes_site / path).as_uri())
        return page

    return go


def glance(page) -> list[str]:
    """The facts of a brief's "at a glance" panel, label and value in turn."""
    return [text.strip() for text in page.locator(".lb-at-a-glance__facts").locator("dt, dd").all_inner_texts()]


def headings(page, level: int) -> list[str]:
    return [text.strip("¶ \n") for text in page.locator(f".md-content h{level}").all_inner_texts()]


def test_a_themed_audit_round_reads_as_findings_and_an_action_plan(open_page):
    page = open_page("briefs/2090-04-fixture-round-recording.html")
    assert glance(page)[:4] == ["Type", "Themed audit", "Period", "April 2090"]
    # Kinds under their own headings, in the vocabulary's order; no cases, no questions.
    assert headings(page, 2) == [
        "At a glance",
        "Introduction",
        "Strengths",
        "Areas for development",
        "What the partnership will do",
        "See also",
    ]
    assert headings(page, 3) == ["Purpose"]
    assert page.locator(".lb-case-card, .admonition.question").count() == 0
    actions = page.locator(".lb-actions li").all_inner_texts()
    assert actions == [
        "Synthetic training on chronologies for every team. (Fixture Quality Team)",
        "A synthetic re-audit in six months. (Fixture Audit Group)",
    ]


def test_progress_across_audits_links_back_to_the_earlier_audit_and_shows_its_dates(open_page):
    page = open_page("briefs/2091-92-fixture-progress.html")
    assert headings(page, 2) == ["At a glance", "Introduction", "Improving", "Still to develop", "See also"]
    assert glance(page)[4:6] == ["Published", "14 May 2092 (updated 1 June 2092)"]
    page.locator(".lb-compared a", has_text="2090-04: Fixture Round on Recording").click()
    page.wait_for_url("**/briefs/2090-04-fixture-round-recording.html")
    # ... and the earlier audit says it is referred to.
    assert "2091-92: Fixture Progress Report" in page.locator(".lb-referenced-by").inner_text()


def test_a_key_message_shows_what_it_was_compared_with_and_what_to_see_also(open_page):
    # On its brief page, in its card; and on its theme page, in its entry.
    for path, card in (
        ("briefs/2094-95-fixture-rapid-review.html", ".lb-key-message"),
        ("themes/fixture-voice.html", ".lb-theme-entry"),
    ):
        page = open_page(path)
        entry = page.locator(card, has_text="Fixture learning from the Rapid review")
        assert entry.locator(".lb-compared a").inner_text() == "2091-92: Fixture Progress Report"
        assert entry.locator(".lb-see-also a").inner_text() == "Fixture Site"


def test_a_case_file_audit_summary_lists_lettered_issues_with_action_and_outcome(open_page):
    page = open_page("briefs/2092-fixture-case-file-audits.html")
    assert page.locator("h1").inner_text().startswith("2092: Fixture Case File Audits")
    assert glance(page)[:4] == ["Type", "Case audit", "Period", "2092"]
    assert "Second Example Partnership (synthetic)" in page.locator(".lb-at-a-glance").inner_text()
    first = page.locator("#audit-1 ~ ol.lb-issues").first
    assert first.get_attribute("type") == "a"
    items = first.locator("> li")
    assert items.count() == 2
    assert (
        items.nth(0).locator(".lb-action").inner_text().split()
        == "Action The synthetic team updated it. Outcome The synthetic chronology is now current.".split()
    )
    assert "Two children aged 3 to 7" in page.locator(".lb-case-card__context").first.inner_text()
    assert page.locator(".lb-see-also a", has_text="2091-92: Fixture Progress Report").count() == 1  # another brief
    assert page.locator(".lb-see-also a[href='https://example.org/fixture']").count() == 1  # a review elsewhere


def test_a_seven_minute_briefing_asks_its_questions_once_and_keeps_every_pseudonym_star(open_page):
    page = open_page("briefs/2093-94-fixture-seven-minute.html")
    assert [h for h in headings(page, 3)] == ["What happened", "Why it matters"]
    assert headings(page, 2)[-1] == "Questions to reflect on"
    text = page.locator(".md-content").inner_text()
    assert "Wren* was rarely seen alone; Quill* spoke for Wren*." in text
    assert page.locator(".md-content em").count() == 0  # stars are never read as emphasis
    assert page.locator(".lb-case-card__label").inner_text() == "The family (Quill*, Wren*)"


@pytest.mark.parametrize(
    "brief_id, type_title",
    [
        ("2094-95-fixture-rapid-review", "Rapid review"),
        ("2095-96-fixture-lcspr", "Local child safeguarding practice review"),
        ("2089-90-fixture-serious-case-review", "Serious case review"),
        ("2096-97-fixture-thematic-review", "Thematic review"),
        ("2097-98-fixture-appreciative-inquiry", "Appreciative inquiry"),
        ("2098-99-fixture-jtai", "Joint targeted area inspection"),
    ],
)
def test_a_review_shows_its_type_and_its_type_page_lists_it(open_page, brief_id, type_title):
    page = open_page(f"briefs/{brief_id}.html")
    page.locator("a.lb-brief-type", has_text=type_title).click()
    page.wait_for_url("**/types/*.html")
    assert page.locator("a", has_text=page_title_of(brief_id)).count() == 1
    assert page.locator(".lb-brief-card .lb-brief-meta").first.inner_text().startswith(type_title)


def page_title_of(brief_id: str) -> str:
    return {
        "rapid-review": "Rapid",
        "lcspr": "Practice",
        "serious-case-review": "Serious",
        "thematic-review": "Thematic",
        "appreciative-inquiry": "Appreciative",
        "jtai": "Inspection",
    }[brief_id.split("-fixture-")[1]] + " Review"


def test_a_theme_page_reads_as_progress_with_each_findings_kind(open_page):
    page = open_page("themes/fixture-recording.html")
    years = headings(page, 2)
    assert years.index("2092") < years.index("2091-92") < years.index("2090")  # newest first, calendar years placed
    contexts = page.locator(".lb-theme-entry__context").all_inner_texts()
    kinds = [context.split(" · ")[0] for context in contexts]
    assert {"Issue", "Improving", "Strength", "Area for development", "Key message"} <= set(kinds)
    assert kinds.index("Improving") < kinds.index("Area for development")
    # Two partnerships publish here: every entry says whose it is, and it is that brief's.
    publishers = [context.split(" · ")[2] for context in contexts]
    assert set(publishers) == {"Example Partnership (synthetic)", "Second Example Partnership (synthetic)"}


def test_a_theme_listed_only_on_a_briefs_front_page_shows_the_briefs_that_cover_it(open_page):
    page = open_page("themes/fixture-covered.html")
    assert "No learning on this theme yet" not in page.locator(".md-content").inner_text()
    assert page.locator(".lb-covering li").count() == 6


def test_the_question_bank_holds_whole_brief_questions_once_under_their_brief(open_page):
    page = open_page("questions.html")
    text = page.locator(".md-content").inner_text()
    assert text.count("When did you last see a synthetic child alone?") == 1
    section = page.locator("h3.lb-question-bank__brief", has_text="2093-94: Fixture Seven Minute Briefing")
    assert section.count() == 1


def test_the_briefs_index_lists_by_year_newest_first_with_types_to_browse(open_page):
    page = open_page("briefs/index.html")
    assert headings(page, 2) == [
        "2098-99",
        "2097-98",
        "2096-97",
        "2095-96",
        "2094-95",
        "2093-94",
        "2092",
        "2091-92",
        "2090",
        "2089-90",
    ]
    in_2090 = page.locator("h2#year-2090 + div .lb-brief-card h3").all_inner_texts()
    assert in_2090 == ["2090-07: Fixture Round on Planning", "2090-04: Fixture Round on Recording"]
    types = page.locator(".lb-type-list").inner_text()
    assert "Themed audits (2)" in types and "Rapid reviews (1)" in types


def test_the_themes_overview_counts_each_kind_of_finding_apart(open_page):
    page = open_page("themes/index.html")
    row = page.locator(".lb-themes-overview__theme", has=page.locator("a", has_text="Fixture Recording"))
    total = row.locator(".lb-themes-overview__total").inner_text()
    # One key message a review year, and the 2090 round's strength and concern never summed.
    assert "1 strength" in total and "1 area for development" in total and "1 improving" in total, total
    assert "1 issue" in total and "6 key messages" in total, total


def test_the_home_page_names_every_partnership_it_holds_learning_from(open_page):
    text = open_page("index.html").locator(".md-content").inner_text()
    assert "2 partnerships" in text
    assert "Example Partnership (synthetic)" in text and "Second Example Partnership (synthetic)" in text


@pytest.mark.parametrize("width", [375, 1280])
def test_every_shape_meets_wcag_at_phone_and_desktop_widths(browser, shapes_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = []
    for path in sorted(shapes_site.glob("briefs/*.html")) + [shapes_site / "themes" / "fixture-recording.html"]:
        page.goto(path.as_uri())
        found += [f"{path.name}: {violation}" for violation in violations(page)]
    context.close()
    assert not found, "\n".join(found)
