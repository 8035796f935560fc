"""Staff journeys through the admin, in Chromium: marketing edits content, admissions
works the inquiry queue."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import (
    STAFF_PASSWORD,
    log_in,
    more_details,
    radio,
    reference_on,
    save_screenshots,
    tab_to,
)
from tests.factories import make_inquiry, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def send_inquiry(page, base_url, first_name, message):
    """A visitor sends the inquiry form; returns the reference they are given."""
    page.goto(base_url + "/contact/")
    page.get_by_label("First name, or any name you like").fill(first_name)
    page.get_by_label("Phone number").fill("202 555 0143")
    more_details(page).click()
    radio(page, "Who is this inquiry for?", "Someone I care about").check()
    radio(page, "How should we contact you?", "Phone call").check()
    page.get_by_label("Anything you would like us to know? (optional)").fill(message)
    page.get_by_role("checkbox", name=re.compile("I agree to be contacted")).check()
    page.get_by_role("button", name="Send to admissions").click()
    return reference_on(page)


def test_admissions_staff_triage_a_new_inquiry_from_the_queue(
    page, new_context, live_server, inquiry_settings, axe
):
    colleague = make_user("riley", groups=("Admissions",))
    older = make_inquiry(
        first_name="Pat", assigned_to=colleague, received_at=timezone.now() - timedelta(hours=2)
    )
    make_user("alex", groups=("Admissions",), password=STAFF_PASSWORD)
    visitor = new_context().new_page()
    reference = send_inquiry(
        visitor, live_server.url, "Jamie", "My brother overdosed last month and I am scared."
    )
    # A message that mentions a crisis puts the crisis lines first on the confirmation.
    expect(visitor.get_by_role("heading", name=re.compile("may be in danger"))).to_be_visible()
    axe.assert_accessible(visitor)

    log_in(page, live_server.url, "alex")
    page.get_by_role("link", name="Inquiries", exact=True).click()
    queue = page.get_by_role("main").get_by_role("table").get_by_role("row")
    # The queue is urgent first, then oldest first: the new, urgent inquiry leads it.
    expect(queue).to_have_count(3)  # the header and two open inquiries
    expect(queue.nth(1)).to_contain_text(reference)
    expect(queue.nth(1)).to_contain_text("URGENT")
    expect(queue.nth(2)).to_contain_text(older.reference)

    filters = page.get_by_role("navigation", name="Filter")
    filters.get_by_role("link", name="Unassigned").click()
    expect(queue).to_have_count(2)
    queue.filter(has_text=reference).get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Assign to me")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("1 inquiry assigned to you.")).to_be_visible()
    filters.get_by_role("link", name="To me").click()
    page.get_by_role("link", name=reference).click()

    # The contact panel comes first: the visitor wrote about someone else, so it warns
    # that nothing about that person may be disclosed; logging the first call is one
    # choice and one button.
    expect(page.get_by_role("heading", name=f"Inquiry {reference}")).to_be_visible()
    expect(page.get_by_text("ABOUT SOMEONE ELSE:")).to_be_visible()
    log_call = page.get_by_role("form", name="Log a call, text or email")
    expect(log_call.get_by_role("radio", name="Call", exact=True)).to_be_checked()
    log_call.get_by_role("radio", name="Reached them").check()
    log_call.get_by_role("button", name="Log call").click()
    expect(page.get_by_text(f"{reference} is now “Contacted”.")).to_be_visible()
    add_note = page.get_by_role("form", name="Add a note")
    add_note.get_by_role("textbox", name="New note").fill(
        "Spoke with Jamie; they would like the virtual program."
    )
    add_note.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Note added.")).to_be_visible()

    timeline = page.get_by_role("list", name="Timeline").get_by_role("listitem")

    def entry(text):
        return timeline.filter(has_text=text)

    expect(entry("Assigned")).to_contain_text("to alex by alex")
    expect(entry("Call: Reached them")).to_contain_text("by alex")
    expect(entry("Status changed")).to_contain_text("New → Contacted by alex")
    expect(entry("Spoke with Jamie")).to_contain_text("by alex")
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.status == Inquiry.Status.CONTACTED
    assert inquiry.assigned_to.username == "alex"
    assert list(inquiry.notes.values_list("text", flat=True)) == [
        "Spoke with Jamie; they would like the virtual program."
    ]


@pytest.fixture
def worked_inquiry(page, live_server):
    """An assigned, contacted inquiry with a note, and its admissions staff member signed
    in on `page`."""
    staff = make_user("alex", groups=("Admissions",), password=STAFF_PASSWORD)
    inquiry = make_inquiry(
        first_name="Jamie",
        message="Evenings are best.",
        assigned_to=staff,
        inquiry_for=Inquiry.For.SOMEONE_ELSE,
        next_follow_up_at=timezone.now() + timedelta(hours=20),
    )
    inquiry.log_contact("call", "no_answer", by=staff, note="Left no voicemail, as asked.")
    inquiry.move_to(Inquiry.Status.CONTACTED, by=staff, note="Called back at six.")
    log_in(page, live_server.url, "alex")
    return inquiry


def test_admin_inquiry_queue_meets_wcag_aa(page, live_server, worked_inquiry, axe, screenshots_dir):
    page.goto(f"{live_server.url}/admin/admissions/inquiry/")
    expect(page.get_by_role("link", name=worked_inquiry.reference)).to_be_visible()
    save_screenshots(page, "admin-inquiry-queue")

    axe.assert_accessible(page)


def test_admin_inquiry_page_meets_wcag_aa(page, live_server, worked_inquiry, axe, screenshots_dir):
    page.goto(f"{live_server.url}/admin/admissions/inquiry/")
    page.get_by_role("link", name=worked_inquiry.reference).click()
    expect(page.get_by_role("heading", name=worked_inquiry.reference)).to_be_visible()
    save_screenshots(page, "admin-inquiry-change")

    axe.assert_accessible(page)


def test_admissions_staff_log_a_call_by_keyboard_without_javascript(new_context, live_server):
    staff = make_user("alex", groups=("Admissions",), password=STAFF_PASSWORD)
    inquiry = make_inquiry(first_name="Jamie", assigned_to=staff)
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, live_server.url, "alex")
    page.goto(f"{live_server.url}/admin/admissions/inquiry/{inquiry.pk}/change/")

    log_call = page.get_by_role("form", name="Log a call, text or email")
    # A group of radios is one Tab stop; the arrow keys choose within it.
    tab_to(page, log_call.get_by_role("radio", name="Reached them"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(log_call.get_by_role("radio", name="No answer")).to_be_checked()
    tab_to(page, log_call.get_by_role("textbox", name="Note (optional)"))
    page.keyboard.type("Rang at noon.")
    tab_to(page, log_call.get_by_role("button", name="Log call"))
    page.keyboard.press("Enter")

    expect(page.get_by_text("Logged: Call, No answer.")).to_be_visible()
    timeline = page.get_by_role("list", name="Timeline").get_by_role("listitem")
    expect(timeline.filter(has_text="Call: No answer")).to_contain_text("by alex")
    expect(timeline.filter(has_text="Rang at noon.")).to_contain_text("by alex")
    assert list(inquiry.contact_attempts.values_list("outcome", flat=True)) == ["no_answer"]


def test_marketing_edits_page_text_and_a_session_time_and_visitors_see_both(
    page, new_context, live_server, demo_content
):
    visitor = new_context().new_page()
    visitor.goto(live_server.url + "/schedule/")  # the page cache now holds it
    monday = visitor.get_by_role("table", name="Sessions: In-person evening program").get_by_role(
        "row", name=re.compile("^Monday")
    )
    expect(monday).to_contain_text("6 p.m.")
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)

    log_in(page, live_server.url, "morgan")
    page.get_by_role("link", name="Pages", exact=True).click()
    page.get_by_role("link", name="Program schedule").click()
    page.get_by_role("textbox", name="Introduction [en]:").fill(
        "New this month: a Tuesday group for parents."
    )
    # The page is live: the change is a draft until published.
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published: visitors see it now.")).to_be_visible()
    page.get_by_role("link", name="Schedule tracks").first.click()
    page.get_by_role("link", name="In-person evening program").click()
    session_row = page.get_by_role("row").filter(has_text="Monday 6 p.m.")
    session_row.get_by_role("textbox").first.fill("17:30")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_text("New this month: a Tuesday group for parents.")).to_be_visible()
    expect(monday).to_contain_text("5:30 p.m.")


def test_marketing_is_refused_the_inquiry_queue(page, live_server, axe):
    make_inquiry(first_name="Quinlan")
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    log_in(page, live_server.url, "morgan")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    response = page.goto(f"{live_server.url}/admin/admissions/inquiry/")

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("access", re.I))
    expect(page.get_by_text("Quinlan")).to_have_count(0)
    axe.assert_accessible(page)
