"""The editors' guide as an editor reads it on a phone: checklists as ticks, code that wraps."""

from __future__ import annotations

import pytest

from support import visible_text

pytestmark = pytest.mark.browser


def test_the_checklist_shows_ticks_not_brackets(site):
    html = (site / "editors.html").read_text()
    assert "[ ]" not in visible_text(html)
    assert html.count('class="task-list-item"') >= 9


def test_code_blocks_wrap_on_a_phone_instead_of_scrolling(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/editors.html")
    assert page.locator("pre > code").count() > 0, "the guide shows no code block to check"
    overflowing = page.locator("pre > code").evaluate_all(
        "blocks => blocks.filter(b => b.scrollWidth > b.clientWidth).map(b => b.textContent.slice(0, 40))"
    )
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert not overflowing, overflowing
    assert widths[0] <= widths[1], widths
