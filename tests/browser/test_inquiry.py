"""The inquiry form in a real browser: with JavaScript off, with mistakes, accessibility."""

import re

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import assert_accessible, is_focused, save_screenshots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = re.compile(r"Your reference is ([A-Z2-9]{8})\.")


@pytest.fixture
def inquiry_settings(settings):
    """No minimum fill time (a test types faster than a person) and no submission limit
    (every test posts from 127.0.0.1). The live server runs in this process, so it sees
    these settings."""
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_RATE_LIMIT = 1000
    return settings


def reference_on(page):
    text = page.get_by_text("Your reference is").inner_text()
    match = REFERENCE.search(" ".join(text.split()))
    assert match, f"no reference in {text!r}"
    return match.group(1)


def test_inquiry_sent_with_javascript_off_reaches_admissions(
    new_context, live_server, inquiry_settings
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/contact/")

    page.get_by_role("radio", name="Someone I care about").check()
    page.get_by_label("First name, or any name you like").fill("Jordan")
    page.get_by_label("Email address").fill("jordan@example.org")
    page.get_by_role("radio", name="Email").check()
    page.get_by_role("radio", name="Evening program, in person").check()
    page.get_by_label("How did you hear about us? (optional)").select_option(
        label="Doctor, therapist or counsellor"
    )
    page.get_by_role("checkbox", name=re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send to admissions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your message")
    expect(page.get_by_text("You asked us to email you.")).to_be_visible()
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert (inquiry.first_name, inquiry.email, inquiry.contact_method) == (
        "Jordan",
        "jordan@example.org",
        Inquiry.ContactMethod.EMAIL,
    )
    assert inquiry.inquiry_for == Inquiry.For.SOMEONE_ELSE
    assert inquiry.program_interest == Inquiry.Program.EVENING
    assert inquiry.heard_about == Inquiry.HeardAbout.DOCTOR
    assert inquiry.status == Inquiry.Status.NEW


def test_inquiry_with_mistakes_lists_them_links_to_each_field_and_keeps_input(
    page, live_server, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    page.get_by_role("radio", name="Someone I care about").check()
    page.get_by_label("First name, or any name you like").fill("Robin")
    page.get_by_label("Phone number").fill("12")
    page.get_by_label("Anything you would like us to know? (optional)").fill("Evenings suit us.")
    page.get_by_role("button", name="Send to admissions").click()

    expect(page).to_have_title(re.compile(r"^Error: Contact admissions"))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Please check the form")
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            re.compile(r"^Phone number: Enter a US phone number"),
            "Contact method: Please choose one.",
            re.compile(r"^Agreement to be contacted: "),
        ]
    )
    # The input is kept.
    expect(page.get_by_role("radio", name="Someone I care about")).to_be_checked()
    expect(page.get_by_label("First name, or any name you like")).to_have_value("Robin")
    expect(page.get_by_label("Phone number")).to_have_value("12")
    expect(page.get_by_label("Anything you would like us to know? (optional)")).to_have_value(
        "Evenings suit us."
    )
    # Each link in the summary takes the keyboard focus to its field.
    for link in links.all():
        link.focus()
        page.keyboard.press("Enter")
        target = page.locator(link.get_attribute("href"))
        assert is_focused(target), f"{link.inner_text()!r} did not move focus to its field"
    assert_accessible(axe, page)
    save_screenshots(page, "inquiry-errors")
    assert Inquiry.objects.count() == 0


def test_inquiry_form_and_confirmation_meet_wcag_aa(
    page, live_server, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    assert_accessible(axe, page)
    save_screenshots(page, "inquiry-form")

    page.get_by_role("radio", name="Myself").check()
    page.get_by_label("First name, or any name you like").fill("Casey")
    page.get_by_label("Phone number").fill("202 555 0143")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("checkbox", name=re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send to admissions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your message")
    assert_accessible(axe, page)
    save_screenshots(page, "inquiry-confirmation")
