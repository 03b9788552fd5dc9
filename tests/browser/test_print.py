"""Printing, as a manager does for a team meeting: a print button, a short handout on A4 that
says whose learning it is, for when and where it lives, and discussion sheets with lines to
write on, each question once, each key message's questions kept on one sheet of paper."""

from __future__ import annotations

import pytest

from support import FIXTURES, make_project, mkdocs_build, normalise, pdf_pages, real_catalogue

pytestmark = pytest.mark.browser
CATALOGUE = real_catalogue()
REPEATED = "Is all relevant information on file so that it can be accessed in future?"


@pytest.mark.parametrize("brief_id", ["2016-17-send", "2017-18-think-family"])
def test_a_brief_prints_on_at_most_four_a4_pages(page, base_url, brief_id):
    page.goto(f"{base_url}/briefs/{brief_id}.html")
    pages = pdf_pages(page.pdf(format="A4"))
    assert len(pages) <= 4, f"{brief_id} prints on {len(pages)} A4 pages"
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]  # numbered, so a handout can be checked


@pytest.mark.parametrize("brief_id", ["2016-17-send", "2017-18-think-family"])
def test_a_printed_brief_says_whose_it_is_when_and_where_from(page, base_url, brief_id):
    record = CATALOGUE.brief(brief_id)
    page.goto(f"{base_url}/briefs/{brief_id}.html")
    first = pdf_pages(page.pdf(format="A4"))[0]
    heading = first[: first.index("introduction")]
    for words in [record.brief.board, f"{record.year}: {record.title}", f"audit year {record.year}"]:
        assert normalise(words) in heading, words
    assert "printed from learning briefs" in heading  # no site_url: no address to print


def test_a_printed_page_names_its_web_address_when_the_site_has_one(browser, tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "site" / "data")
    address = "https://intranet.example/learning-briefs/"
    result = mkdocs_build(project, project / "site", env={"LB_SITE_URL": address})
    assert result.returncode == 0, result.stderr[-3000:]
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((project / "site" / "briefs" / "2099-00-fixture.html").as_uri())
    text = pdf_pages(tab.pdf(format="A4"))[0].replace(" ", "")
    context.close()
    assert f"{address}briefs/2099-00-fixture.html" in text
    assert "printedfrom" not in text


def test_print_leaves_out_navigation_theme_chips_and_buttons(page, base_url):
    page.goto(f"{base_url}/briefs/2017-18-think-family.html")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".lb-theme-chips", ".lb-print-button", ".md-footer"]:
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator(".lb-print-header").is_visible()
    text = " ".join(pdf_pages(page.pdf(format="A4")))
    assert "themes:" not in text and "print this page" not in text and "copy link" not in text
    page.emulate_media(media="screen")
    assert page.locator(".lb-print-header").is_hidden()


@pytest.mark.parametrize(
    "path", ["briefs/2016-17-send.html", "themes/information-sharing.html", "discussion/information-sharing.html"]
)
def test_the_print_button_prints_by_keyboard(page, base_url, path):
    page.goto(f"{base_url}/{path}")
    button = page.get_by_role("button", name="Print this page")
    assert button.is_visible()
    page.evaluate("() => { window.print = () => { document.body.dataset.printed = 'yes' } }")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("body[data-printed=yes]").count() == 1


def test_without_javascript_there_is_no_dead_print_button(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base_url}/briefs/2016-17-send.html")
    hidden = tab.locator(".lb-print-button").is_hidden()
    context.close()
    assert hidden


def test_a_question_two_key_messages_ask_is_printed_once_citing_both(page, base_url):
    page.goto(f"{base_url}/discussion/information-sharing.html")
    questions = page.locator(".lb-discussion-sheet__question", has_text=REPEATED)
    assert questions.count() == 1
    group = page.locator(".lb-discussion-sheet__group", has=questions)
    cited = group.locator(".lb-discussion-sheet__from a").get_attribute("href")
    also = questions.locator(".lb-discussion-sheet__also a").evaluate_all("a => a.map(l => l.getAttribute('href'))")
    cited = {href.split("/")[-1] for href in [cited, *also]}
    assert {"2017-18-think-family.html#information-sharing", "2016-17-send.html#case-1-information-sharing"} <= cited
    text = " ".join(pdf_pages(page.pdf(format="A4")))
    assert text.count(normalise(REPEATED)) == 1


@pytest.mark.parametrize("theme_id", [t for t in CATALOGUE.themes if CATALOGUE.theme_has_questions(t)])
def test_a_discussion_sheet_keeps_each_key_messages_questions_on_one_page(page, base_url, theme_id):
    page.goto(f"{base_url}/discussion/{theme_id}.html")
    groups = page.locator(".lb-discussion-sheet__group").evaluate_all(
        "groups => groups.map(g => Array.from(g.querySelectorAll('.lb-discussion-sheet__question > p:first-child'))"
        ".map(p => p.innerText))"
    )
    assert groups
    pages = [text.replace(" ", "") for text in pdf_pages(page.pdf(format="A4"))]
    assert not any("linktofollow" in text.lower() for text in pages), (
        f"{theme_id}: a printed sheet says 'link to follow'"
    )
    for questions in groups:
        openings = [normalise(q).replace(" ", "")[:40] for q in questions]
        assert openings, f"{theme_id}: a group with no question"
        assert any(all(o in text for o in openings) for text in pages), (theme_id, questions)


def test_answer_space_is_ruled_lines_not_boxes(page, base_url):
    page.goto(f"{base_url}/discussion/fathers-and-significant-others.html")
    page.emulate_media(media="print")
    borders = page.locator(".lb-answer-lines span").first.evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderLeftWidth, s.borderRightWidth,"
        " s.borderBottomWidth, s.borderBottomStyle] }"
    )
    assert borders[:3] == ["0px", "0px", "0px"] and borders[3] != "0px" and borders[4] == "solid", borders
    assert page.locator(".lb-answer-lines").first.get_attribute("aria-hidden") == "true"
