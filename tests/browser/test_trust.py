"""The 24/7 call bar on a phone, in a real browser: in reach while reading a long page,
never covering the end of the page or the element that has the keyboard focus."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PHONE, PHONE_HEIGHT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_PAGE = "/privacy-practices/"

BOXES = """() => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
  };
  const focused = document.activeElement;
  const bar = document.querySelector(".call-bar");
  return {
    bar: box(bar),
    footer: box(document.querySelector("footer")),
    focused: focused && focused !== document.body ? box(focused) : null,
    inBar: bar.contains(focused),
    label: focused ? (focused.textContent || focused.getAttribute("name") || "").trim() : "",
  };
}"""


def call_bar(page):
    return page.get_by_role("complementary", name="Call admissions")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_call_bar_stays_at_the_bottom_while_reading_and_rests_after_the_footer(
    new_context, live_server, demo_content, javascript
):
    page = new_context(java_script_enabled=javascript, **PHONE).new_page()
    page.goto(live_server.url + LONG_PAGE)
    link = call_bar(page).get_by_role("link", name="Talk to us, 24/7: (555) 010-0199")
    expect(link).to_have_attribute("href", "tel:+15550100199")

    page.evaluate("() => window.scrollTo(0, 2500)")
    reading = page.evaluate(BOXES)
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    at_the_end = page.evaluate(BOXES)

    assert reading["bar"]["bottom"] == PHONE_HEIGHT
    assert 44 <= reading["bar"]["bottom"] - reading["bar"]["top"] <= 60
    assert link.bounding_box()["height"] >= 44
    # At the end it sits below the footer, covering none of it (to the rounding of a
    # fractional pixel).
    assert at_the_end["bar"]["top"] >= at_the_end["footer"]["bottom"] - 1


def test_call_bar_never_hides_the_focused_element(new_context, live_server, demo_content):
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + LONG_PAGE)

    hidden = []
    for _ in range(60):
        page.keyboard.press("Tab")
        boxes = page.evaluate(BOXES)
        if boxes["focused"] is None or boxes["inBar"]:
            continue
        focused, bar = boxes["focused"], boxes["bar"]
        if focused["bottom"] > bar["top"] and focused["top"] < bar["bottom"]:
            hidden.append((boxes["label"], focused, bar))

    assert hidden == []


def test_call_bar_is_not_shown_on_a_wide_screen(page, live_server, demo_content):
    page.goto(live_server.url + "/")

    expect(call_bar(page)).to_be_hidden()
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="24/7 admissions (555) 010-0199")).to_be_visible()
