"""Sharing one key message: a "Copy link" button under each key message's heading copies the
address of that message (its stable anchor) and says so to a screen reader."""

from __future__ import annotations

import pytest

from support import real_catalogue

pytestmark = pytest.mark.browser
CATALOGUE = real_catalogue()


@pytest.fixture
def clipboard_page(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(f"{base_url}/briefs/2017-18-think-family.html?h=silent")  # as a search result opens it
    yield tab
    context.close()


def test_every_key_message_gets_a_copy_link_button(page, base_url):
    for record in CATALOGUE.briefs:
        page.goto(f"{base_url}/briefs/{record.id}.html")
        buttons = page.locator("article.lb-key-message button.lb-copy-link")
        assert buttons.count() == len(record.key_messages), record.id
        assert buttons.first.inner_text() == "Copy link"


def test_copy_link_by_keyboard_copies_the_messages_address_and_announces_it(clipboard_page, base_url):
    page = clipboard_page
    button = page.get_by_role("button", name="Copy link to “The 'Silent' Child”")
    button.focus()
    page.keyboard.press("Enter")
    page.locator("#lb-announce", has_text="Link copied").wait_for()
    assert page.locator("#lb-announce").get_attribute("aria-live") == "polite"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{base_url}/briefs/2017-18-think-family.html#the-silent-child"


def test_the_copied_address_opens_the_message(clipboard_page, base_url):
    page = clipboard_page
    page.get_by_role("button", name="Copy link to “Thresholds”").click()
    page.locator("#lb-announce", has_text="Link copied").wait_for()
    page.goto(page.evaluate("navigator.clipboard.readText()"))
    assert page.locator("#thresholds").is_visible()
