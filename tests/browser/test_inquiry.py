"""The inquiry form in a real browser: with JavaScript off, with mistakes, the safety
question, on a phone, without cookies, accessibility."""

import re

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import (
    PHONE,
    PHONE_HEIGHT,
    SAFETY_QUESTION,
    is_focused,
    more_details,
    radio,
    reference_on,
    save_screenshots,
    tab_to,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONFIRMATION = "Thank you, we have your message"
CRISIS_HEADING = "If you or someone else may be in danger right now"
CRISIS_LINES = "Please get help now. You can still send this form."
EMAIL_MISSING = "You chose email: please give an email address too."


def consent(page):
    return page.get_by_role("checkbox", name=re.compile("I agree to be contacted"))


def send(page):
    page.get_by_role("button", name="Send to admissions").click()


def test_inquiry_sent_with_javascript_off_reaches_admissions(
    new_context, live_server, inquiry_settings
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/contact/")
    page.get_by_label("First name, or any name you like").fill("Jordan")
    page.get_by_label("Email address").fill("jordan@example.org")
    who = page.get_by_role("group", name="Who is this inquiry for?")
    expect(who).to_be_hidden()

    # The optional questions open with a click on their summary, no script needed.
    more_details(page).click()
    expect(who).to_be_visible()
    radio(page, "Who is this inquiry for?", "Someone I care about").check()
    radio(page, "How should we contact you?", "Email").check()
    radio(page, "Which program are you interested in?", "Evening program, in person").check()
    page.get_by_label("How did you hear about us? (optional)").select_option(
        label="Doctor, therapist or counselor"
    )
    consent(page).check()
    send(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(CONFIRMATION)
    expect(page.get_by_text("You asked us to email you.")).to_be_visible()
    expect(page.get_by_role("heading", name=CRISIS_HEADING)).to_have_count(0)
    # The confirmation is the answer to the POST itself: no redirect, no thanks page.
    assert page.url == live_server.url + "/contact/"
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert (inquiry.first_name, inquiry.email, inquiry.contact_method) == (
        "Jordan",
        "jordan@example.org",
        Inquiry.ContactMethod.EMAIL,
    )
    assert inquiry.inquiry_for == Inquiry.For.SOMEONE_ELSE
    assert inquiry.program_interest == Inquiry.Program.EVENING
    assert inquiry.heard_about == Inquiry.HeardAbout.DOCTOR
    assert (inquiry.safe_now, inquiry.priority) == ("", Inquiry.Priority.ROUTINE)
    assert inquiry.status == Inquiry.Status.NEW


def test_inquiry_with_mistakes_lists_them_links_to_each_field_and_keeps_input(
    page, live_server, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    page.get_by_label("First name, or any name you like").fill("Robin")
    page.get_by_label("Phone number").fill("12")
    more_details(page).click()
    radio(page, "Who is this inquiry for?", "Someone I care about").check()
    page.get_by_label("Anything you would like us to know? (optional)").fill("Evenings suit us.")
    send(page)

    expect(page).to_have_title(re.compile(r"^Error: Contact admissions"))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Please check the form")
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            re.compile(r"^Phone number: Enter a US phone number"),
            re.compile(r"^Agreement to be contacted: "),
        ]
    )
    # The input is kept, and the optional questions the visitor answered are open.
    expect(page.get_by_label("First name, or any name you like")).to_have_value("Robin")
    expect(page.get_by_label("Phone number")).to_have_value("12")
    expect(radio(page, "Who is this inquiry for?", "Someone I care about")).to_be_checked()
    message = page.get_by_label("Anything you would like us to know? (optional)")
    expect(message).to_be_visible()
    expect(message).to_have_value("Evenings suit us.")
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


def test_inquiry_error_inside_folded_details_opens_them_at_the_field(
    page, live_server, inquiry_settings
):
    page.goto(live_server.url + "/contact/")
    page.get_by_label("First name, or any name you like").fill("Sam")
    page.get_by_label("Phone number").fill("202 555 0143")
    more_details(page).click()
    radio(page, "How should we contact you?", "Email").check()
    more_details(page).click()  # folded again before sending
    contact = page.get_by_role("group", name="How should we contact you?")
    expect(contact).to_be_hidden()
    consent(page).check()
    send(page)

    links = page.get_by_role("alert").get_by_role("link")
    expect(links).to_have_text([f"Contact method: {EMAIL_MISSING}"])
    expect(contact).to_be_visible()
    expect(contact.get_by_text(EMAIL_MISSING)).to_be_visible()
    expect(radio(page, "How should we contact you?", "Email")).to_be_checked()
    links.first.click()
    expect(radio(page, "How should we contact you?", "Phone call")).to_be_focused()
    assert Inquiry.objects.count() == 0

    page.get_by_label("Email address").fill("sam@example.org")
    send(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(CONFIRMATION)
    expect(page.get_by_text("You asked us to email you.")).to_be_visible()
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert (inquiry.contact_method, inquiry.email) == (
        Inquiry.ContactMethod.EMAIL,
        "sam@example.org",
    )


def test_inquiry_form_and_confirmation_meet_wcag_aa(
    page, live_server, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    expect(page.get_by_role("group", name="Who is this inquiry for?")).to_be_hidden()
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-form")

    page.get_by_label("First name, or any name you like").fill("Casey")
    page.get_by_label("Phone number").fill("202 555 0143")
    consent(page).check()
    send(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(CONFIRMATION)
    # No contact method chosen: the phone number given is called.
    expect(page.get_by_text("You asked us to call you.")).to_be_visible()
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-confirmation")


def crisis_links(page):
    """The 911 and 988 links in the crisis lines shown beside the safety question (the
    band above the header has its own)."""
    danger = page.get_by_role("listitem").filter(has_text="In danger right now")
    lifeline = page.get_by_role("listitem").filter(has_text="Suicide & Crisis Lifeline, day or")
    return {
        "911": danger.get_by_role("link", name="911", exact=True),
        "988": lifeline.get_by_role("link", name="988", exact=True),
        "text 988": lifeline.get_by_role("link", name="text 988", exact=True),
    }


def test_inquiry_not_safe_answer_shows_crisis_lines_beside_the_question_before_sending(
    new_context, live_server, inquiry_settings, axe, screenshots_dir
):
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + "/contact/")
    lines = page.get_by_text(CRISIS_LINES)
    expect(lines).to_be_hidden()

    radio(page, SAFETY_QUESTION, "No").tap()

    expect(radio(page, SAFETY_QUESTION, "No")).to_be_checked()
    expect(lines).to_be_visible()
    links = crisis_links(page)
    hrefs = {name: link.get_attribute("href") for name, link in links.items()}
    assert hrefs == {"911": "tel:911", "988": "tel:988", "text 988": "sms:988"}
    for link in links.values():
        expect(link).to_be_visible()
    # Right below the question, before the first field that follows it.
    question = page.get_by_role("group", name=SAFETY_QUESTION).bounding_box()
    first_name = page.get_by_label("First name, or any name you like").bounding_box()
    lines_top = lines.bounding_box()["y"]
    text_988 = links["text 988"].bounding_box()
    assert question["y"] + question["height"] - 1 <= lines_top < first_name["y"]
    assert text_988["y"] + text_988["height"] <= first_name["y"]
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-crisis-lines")

    radio(page, SAFETY_QUESTION, "Yes").tap()

    expect(lines).to_be_hidden()
    radio(page, SAFETY_QUESTION, "Not sure").tap()
    expect(lines).to_be_visible()
    assert Inquiry.objects.count() == 0


def test_inquiry_not_sure_without_javascript_leads_confirmation_with_crisis_lines(
    new_context, live_server, inquiry_settings, screenshots_dir
):
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(live_server.url + "/contact/")
    radio(page, SAFETY_QUESTION, "Not sure").check()
    # Without JavaScript nothing changes before sending: the confirmation carries them.
    expect(page.get_by_text(CRISIS_LINES)).to_be_hidden()
    page.get_by_label("First name, or any name you like").fill("Drew")
    page.get_by_label("Phone number").fill("202 555 0143")
    consent(page).check()
    send(page)

    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text(CONFIRMATION)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading").first).to_have_text(CRISIS_HEADING)
    crisis = main.get_by_role("region", name=CRISIS_HEADING)
    links = {
        "911": crisis.get_by_role("link", name="911", exact=True),
        "988": crisis.get_by_role("link", name="988", exact=True),
        "text 988": crisis.get_by_role("link", name="text 988", exact=True),
    }
    hrefs = {name: link.get_attribute("href") for name, link in links.items()}
    assert hrefs == {"911": "tel:911", "988": "tel:988", "text 988": "sms:988"}
    title_top = title.bounding_box()["y"]
    below_title = [name for name, link in links.items() if link.bounding_box()["y"] >= title_top]
    assert below_title == []
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert (inquiry.safe_now, inquiry.priority) == (
        Inquiry.SafeNow.NOT_SURE,
        Inquiry.Priority.URGENT,
    )
    save_screenshots(page, "inquiry-urgent-confirmation")


def test_inquiry_urgent_confirmation_meets_wcag_aa(page, live_server, inquiry_settings, axe):
    # axe runs as a script in the page, so this one has JavaScript on.
    page.goto(live_server.url + "/contact/")
    radio(page, SAFETY_QUESTION, "No").check()
    page.get_by_label("First name, or any name you like").fill("Noor")
    page.get_by_label("Phone number").fill("202 555 0143")
    consent(page).check()
    send(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(CONFIRMATION)
    expect(page.get_by_role("main").get_by_role("heading").first).to_have_text(CRISIS_HEADING)
    axe.assert_accessible(page)


def test_inquiry_form_with_details_folded_fits_one_and_a_half_phone_screens(
    new_context, live_server, inquiry_settings
):
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + "/contact/")
    expect(page.get_by_role("group", name="Who is this inquiry for?")).to_be_hidden()

    question_top = page.get_by_role("group", name=SAFETY_QUESTION).bounding_box()["y"]
    button = page.get_by_role("button", name="Send to admissions").bounding_box()
    height = button["y"] + button["height"] - question_top

    assert height <= 1.5 * PHONE_HEIGHT, f"safety question to Send button: {height:.0f} px"


def test_inquiry_sent_by_a_browser_without_cookies_is_confirmed(
    new_context, live_server, inquiry_settings
):
    context = new_context()
    page = context.new_page()
    page.goto(live_server.url + "/contact/")
    assert context.cookies() == []
    page.get_by_label("First name, or any name you like").fill("Kai")
    page.get_by_label("Phone number").fill("202 555 0143")
    consent(page).check()
    context.clear_cookies()  # as a browser that refuses every cookie would send it

    with page.expect_request(lambda request: request.method == "POST") as posted:
        send(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(CONFIRMATION)
    assert "cookie" not in posted.value.all_headers()
    assert context.cookies() == []
    inquiry = Inquiry.objects.get(reference=reference_on(page))
    assert (inquiry.first_name, str(inquiry.phone)) == ("Kai", "+12025550143")


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
    """The inquiry form sent on a phone with no name, a bad phone number, email chosen
    in the folded details without an address, and no consent."""
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + "/contact/")
    page.get_by_label("Phone number").fill("12")
    more_details(page).click()
    radio(page, "How should we contact you?", "Email").check()
    more_details(page).click()
    send(page)
    expect(page.get_by_role("alert")).to_be_visible()
    return page


def test_inquiry_errors_show_below_their_fields_on_a_phone(form_with_mistakes):
    page = form_with_mistakes
    contact = page.get_by_role("group", name="How should we contact you?")
    pairs = {
        "first name": (
            page.get_by_label("First name, or any name you like"),
            page.get_by_text("This field is required.", exact=True),
        ),
        "phone": (
            page.get_by_label("Phone number"),
            page.get_by_text(re.compile(r"^Enter a US phone number with area code")),
        ),
        "contact method": (
            radio(page, "How should we contact you?", "Email"),
            contact.get_by_text(EMAIL_MISSING, exact=True),
        ),
        "consent": (
            page.get_by_text("I agree to be contacted by the admissions team"),
            page.get_by_text(
                "Please agree to be contacted, so that we can get back to you.", exact=True
            ),
        ),
    }
    hidden = [name for name, (_field, error) in pairs.items() if not error.is_visible()]
    beside = []
    for name, (field, error) in pairs.items():
        field_box, error_box = field.bounding_box(), error.bounding_box()
        if error_box["y"] < field_box["y"] + field_box["height"] - 1:
            beside.append(name)

    assert (hidden, beside) == ([], [])


def test_inquiry_errors_are_announced_with_their_fields(form_with_mistakes):
    page = form_with_mistakes
    fields = {
        "First name": page.get_by_label("First name, or any name you like"),
        "Phone number": page.get_by_label("Phone number"),
        "How should we contact you?": radio(page, "How should we contact you?", "Phone call"),
        "consent": page.get_by_role("checkbox", name=re.compile("I agree to be contacted")),
    }
    errors = {
        "First name": "This field is required.",
        "Phone number": "Enter a US phone number",
        "How should we contact you?": EMAIL_MISSING,
        "consent": "Please agree to be contacted",
    }

    silent = [name for name, field in fields.items() if errors[name] not in described_by(field)]

    assert silent == []
