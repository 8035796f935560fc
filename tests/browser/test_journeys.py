"""Journeys through the site as the people it is for take them, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import (
    PHONE,
    PHONE_WIDTH,
    SAFETY_QUESTION,
    horizontal_overflow,
    is_focused,
    more_details,
    radio,
    reference_on,
    sitemap_paths,
    tab_to,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENING_HOURS = "6 p.m. \N{EN DASH} 9 p.m."


def test_newcomer_reads_about_the_program_and_sends_an_inquiry_by_keyboard(
    page, live_server, demo_content, inquiry_settings
):
    page.goto(live_server.url + "/")
    menu = page.get_by_role("navigation", name="Main")

    menu.get_by_role("link", name="Schedule").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Program schedule")
    sessions = page.get_by_role("table", name="Sessions: In-person evening program")
    expect(sessions.get_by_role("row", name=re.compile("^Monday"))).to_contain_text(EVENING_HOURS)
    menu.get_by_role("link", name="Therapies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Therapies and support")
    expect(page.get_by_role("heading", name="Group therapy")).to_be_visible()
    page.get_by_role("banner").get_by_role("link", name="Contact admissions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact admissions")

    # From here on, only the keyboard: Tab, typing, Space, Enter and the arrow keys.
    keys = page.keyboard
    tab_to(page, radio(page, SAFETY_QUESTION, "Yes"))
    keys.press("Space")
    tab_to(page, page.get_by_label("First name, or any name you like"))
    keys.type("Alex")
    tab_to(page, page.get_by_label("Phone number"))
    keys.type("202 555 0143")
    who = page.get_by_role("group", name="Who is this inquiry for?")
    expect(who).to_be_hidden()
    tab_to(page, more_details(page))
    keys.press("Enter")
    expect(who).to_be_visible()
    tab_to(page, radio(page, "Who is this inquiry for?", "Myself"))
    keys.press("Space")
    tab_to(page, radio(page, "How should we contact you?", "Phone call"))
    keys.press("ArrowDown")  # Text message
    tab_to(page, radio(page, "Best time to reach you", "Any time"))
    for _ in range(3):
        keys.press("ArrowDown")  # Morning, Afternoon, Evening
    tab_to(page, radio(page, "Is it OK to send you text messages?", "No"))
    keys.press("ArrowDown")  # Yes
    tab_to(page, radio(page, "Which program are you interested in?", "Not sure yet"))
    keys.press("ArrowUp")  # Virtual program
    tab_to(page, page.get_by_label("Insurance provider (optional)"))
    keys.type("Blue Cross")
    tab_to(page, page.get_by_label("How did you hear about us? (optional)"))
    keys.type("Family")
    tab_to(page, page.get_by_label("Anything you would like us to know? (optional)"))
    keys.type("Evenings after work are best.")
    consent = page.get_by_role("checkbox", name=re.compile("I agree to be contacted"))
    tab_to(page, consent)
    keys.press("Space")

    expect(radio(page, SAFETY_QUESTION, "Yes")).to_be_checked()
    expect(page.get_by_text("Please get help now")).to_be_hidden()
    expect(radio(page, "Who is this inquiry for?", "Myself")).to_be_checked()
    expect(radio(page, "How should we contact you?", "Text message")).to_be_checked()
    expect(radio(page, "Best time to reach you", "Evening (5 pm to 9 pm)")).to_be_checked()
    expect(radio(page, "Is it OK to send you text messages?", "Yes")).to_be_checked()
    expect(radio(page, "Which program are you interested in?", "Virtual program")).to_be_checked()
    expect(page.get_by_label("How did you hear about us? (optional)")).to_have_value("family")
    expect(consent).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Send to admissions"))
    keys.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your message")
    expect(page.get_by_text("You asked us to send a text message.")).to_be_visible()
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert inquiry.first_name == "Alex"
    assert (inquiry.safe_now, inquiry.priority) == (
        Inquiry.SafeNow.YES,
        Inquiry.Priority.ROUTINE,
    )
    assert str(inquiry.phone) == "+12025550143"
    assert inquiry.inquiry_for == Inquiry.For.MYSELF
    assert inquiry.contact_method == Inquiry.ContactMethod.TEXT
    assert inquiry.best_time == Inquiry.BestTime.EVENING
    assert (inquiry.voicemail_ok, inquiry.texts_ok) == (False, True)
    assert inquiry.program_interest == Inquiry.Program.VIRTUAL
    assert inquiry.insurance_provider == "Blue Cross"
    assert inquiry.heard_about == Inquiry.HeardAbout.FAMILY
    assert inquiry.message == "Evenings after work are best."


def test_phone_visitor_can_read_every_page_open_the_menu_and_call(
    new_context, live_server, demo_content
):
    page = new_context(**PHONE).new_page()
    too_wide = {}
    for path in sitemap_paths(page, live_server.url):
        page.goto(live_server.url + path)
        if (overflow := horizontal_overflow(page)) > 0:
            too_wide[path] = overflow
    assert too_wide == {}, f"pages wider than {PHONE_WIDTH} px (extra px): {too_wide}"

    page.goto(live_server.url + "/")
    call = page.get_by_role("banner").get_by_role("link", name=re.compile(r"\(555\) 010-0199"))
    expect(call).to_have_attribute("href", "tel:+15550100199")
    box = call.bounding_box()
    assert box["width"] >= 44, f"call link too narrow to tap: {box}"
    assert box["height"] >= 24, f"call link too short to tap: {box}"

    toggle = page.get_by_role("button", name="Menu")
    schedule_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Schedule")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(schedule_link).to_be_hidden()
    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(schedule_link).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert is_focused(toggle)
    expect(schedule_link).to_be_hidden()
    toggle.tap()
    schedule_link.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Program schedule")


def test_phone_visitor_without_javascript_opens_the_menu_with_its_link(
    new_context, live_server, demo_content
):
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(live_server.url + "/")

    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Schedule")).to_be_hidden()
    page.get_by_role("banner").get_by_role("link", name="Menu").tap()
    expect(menu.get_by_role("link", name="Schedule")).to_be_visible()
    expect(menu.get_by_role("link", name="Contact admissions")).to_be_visible()
    assert horizontal_overflow(page) == 0
    menu.get_by_role("link", name="Schedule").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Program schedule")


def test_phone_visitor_sees_whole_schedule_tables(new_context, live_server, demo_content):
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + "/schedule/")
    tables = page.get_by_role("region", name=re.compile("^Sessions: "))
    expect(tables).to_have_count(2)

    cut_off = {
        table.get_attribute("aria-label"): overflow
        for table in tables.all()
        if (overflow := table.evaluate("box => box.scrollWidth - box.clientWidth")) > 0
    }

    assert cut_off == {}
