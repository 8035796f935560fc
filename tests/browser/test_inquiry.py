"""The inquiry form in a real browser: with JavaScript off, with mistakes, accessibility."""

import re

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import is_focused, reference_on, save_screenshots, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    # Each link in the summary can be reached with the keyboard and takes the focus to
    # its field; Shift+Tab leads back up to the summary.
    tab_to(page, links.first)
    for link in links.all():
        tab_to(page, link, key="Shift+Tab")
        page.keyboard.press("Enter")
        target = page.locator(link.get_attribute("href"))
        assert is_focused(target), f"{link.inner_text()!r} did not move focus to its field"
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-errors")
    assert Inquiry.objects.count() == 0


def test_inquiry_form_and_confirmation_meet_wcag_aa(
    page, live_server, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-form")

    page.get_by_role("radio", name="Myself").check()
    page.get_by_label("First name, or any name you like").fill("Casey")
    page.get_by_label("Phone number").fill("202 555 0143")
    page.get_by_role("radio", name="Phone call").check()
    page.get_by_role("checkbox", name=re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send to admissions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your message")
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-confirmation")


def described_by(locator):
    """The text of the elements the control's aria-describedby, or its fieldset's, points
    to: what a screen reader announces with the field."""
    return locator.evaluate(
        """element => [element, element.closest("fieldset")]
            .filter(Boolean)
            .flatMap(node => (node.getAttribute("aria-describedby") || "").split(/\\s+/))
            .map(id => id && document.getElementById(id))
            .filter(Boolean)
            .map(node => node.textContent.trim())
            .join(" ")"""
    )


@pytest.fixture
def form_with_mistakes(new_context, live_server, inquiry_settings):
    """The inquiry form sent on a phone with a bad phone number and nothing chosen."""
    page = new_context(viewport={"width": 375, "height": 740}).new_page()
    page.goto(live_server.url + "/contact/")
    page.get_by_label("Phone number").fill("12")
    page.get_by_role("button", name="Send to admissions").click()
    expect(page.get_by_role("alert")).to_be_visible()
    return page


def test_inquiry_errors_show_below_their_fields_on_a_phone(form_with_mistakes):
    page = form_with_mistakes
    contact = page.get_by_role("group", name=re.compile("^How should we contact you"))
    pairs = {
        "contact method": (
            contact.get_by_role("radio", name="Email", exact=True),
            contact.get_by_text("Please choose one.", exact=True),
        ),
        "consent": (
            page.get_by_text("I agree to be contacted by the admissions team"),
            page.get_by_text(
                "Please agree to be contacted, so that we can get back to you.", exact=True
            ),
        ),
    }
    beside = []
    for name, (field, error) in pairs.items():
        field_box, error_box = field.bounding_box(), error.bounding_box()
        if error_box["y"] < field_box["y"] + field_box["height"] - 1:
            beside.append(name)

    assert beside == []


def test_inquiry_errors_are_announced_with_their_fields(form_with_mistakes):
    page = form_with_mistakes
    fields = {
        "Phone number": page.get_by_label("Phone number"),
        "Who is this inquiry for?": page.get_by_role("radio", name="Myself"),
        "How should we contact you?": page.get_by_role("radio", name="Phone call"),
        "consent": page.get_by_role("checkbox", name=re.compile("I agree to be contacted")),
    }
    errors = {
        "Phone number": "Enter a US phone number",
        "Who is this inquiry for?": "Please choose one.",
        "How should we contact you?": "Please choose one.",
        "consent": "Please agree to be contacted",
    }

    silent = [name for name, field in fields.items() if errors[name] not in described_by(field)]

    assert silent == []
