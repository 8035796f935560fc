"""The inquiry's page in Chromium, as the admissions coordinator works it: an urgent
inquiry, a call logged in one step, an assessment booked, both in the timeline, a
duplicate from the same phone merged into it, axe on each state of the page; and the
same by keyboard alone with JavaScript off."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from admissions.models import Appointment, Inquiry
from tests.browser.helpers import STAFF_PASSWORD, log_in, save_screenshots, tab_to
from tests.factories import make_inquiry, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tomorrow_at(hour, minute):
    return (timezone.localtime() + timedelta(days=1)).replace(
        hour=hour, minute=minute, second=0, microsecond=0
    )


def shown(when):
    """A time as the page shows it."""
    return date_format(timezone.localtime(when), "DATETIME_FORMAT")


def open_inquiry(page, live_server, inquiry):
    page.goto(live_server.url + reverse("admin:admissions_inquiry_change", args=[inquiry.pk]))
    expect(page.get_by_role("heading", name=f"Inquiry {inquiry.reference}")).to_be_visible()


def timeline_entry(page, text):
    return page.get_by_role("list", name="Timeline").get_by_role("listitem").filter(has_text=text)


@pytest.fixture
def urgent_and_duplicate():
    """An urgent inquiry received 20 minutes ago and, since, a second one from the same
    phone; Admissions staff alex (signing in) and riley."""
    make_user("alex", groups=("Admissions",), password=STAFF_PASSWORD)
    make_user("riley", groups=("Admissions",))
    urgent = make_inquiry(
        first_name="Jamie",
        safe_now=Inquiry.SafeNow.NOT_SURE,
        received_at=timezone.now() - timedelta(minutes=20),
    )
    duplicate = make_inquiry(first_name="Jamie", email="jamie@example.org")
    return urgent, duplicate


def test_coordinator_logs_a_call_books_an_assessment_and_merges_a_duplicate(
    page, live_server, urgent_and_duplicate, axe, screenshots_dir
):
    urgent, duplicate = urgent_and_duplicate
    when = tomorrow_at(10, 30)
    log_in(page, live_server.url, "alex")
    open_inquiry(page, live_server, urgent)
    expect(page.get_by_text("URGENT: call first; 988/911 if they are in danger.")).to_be_visible()

    # A call in one step: one choice, one button.
    log_call = page.get_by_role("form", name="Log a call, text or email")
    log_call.get_by_role("radio", name="Reached them").check()
    log_call.get_by_role("button", name="Log call").click()
    expect(page.get_by_text(f"{urgent.reference} is now “Contacted”.")).to_be_visible()

    # Change status leaves Assessment scheduled to the booking form.
    change_status = page.get_by_role("form", name="Change status")
    expect(change_status.get_by_role("combobox", name="Move to")).not_to_contain_text(
        "Assessment scheduled"
    )
    expect(change_status).to_contain_text("book it under Appointments below")

    book = page.get_by_role("form", name="Book an assessment")
    book.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    book.get_by_label("With").select_option(label="alex")
    book.get_by_role("radio", name="Virtual (video)").check()
    book.get_by_role("button", name="Book assessment").click()
    expect(
        page.get_by_text(
            f"Assessment booked: {shown(when)}, Virtual (video), with alex. "
            f"{urgent.reference} is now “Assessment scheduled”."
        )
    ).to_be_visible()

    appointments = page.get_by_role("region", name="Assessment appointments")
    expect(appointments.get_by_role("listitem")).to_contain_text(
        f"{shown(when)} · with alex · Virtual (video) · Booked"
    )
    expect(appointments.get_by_role("button", name="No-show")).to_be_visible()
    expect(timeline_entry(page, "Call: Reached them")).to_contain_text("by alex")
    expect(timeline_entry(page, "Assessment booked")).to_contain_text(
        f"{shown(when)}, Virtual (video), with alex"
    )
    expect(timeline_entry(page, "Contacted → Assessment scheduled")).to_contain_text("by alex")
    others = page.get_by_role("region", name="Other inquiries from this person")
    expect(others).to_contain_text("1 later inquiry from this phone number or email address:")
    save_screenshots(page, "admin-inquiry-page-booked")
    axe.assert_accessible(page)

    # The duplicate, from the same phone: its page offers the merge into the earlier one.
    others.get_by_role("link", name=duplicate.reference).click()
    expect(page.get_by_role("heading", name=f"Inquiry {duplicate.reference}")).to_be_visible()
    merge = page.get_by_role("form", name="Merge this inquiry into an earlier one")
    expect(merge.get_by_role("radio", name=urgent.reference, exact=False)).to_be_checked()
    save_screenshots(page, "admin-inquiry-page-duplicate")
    axe.assert_accessible(page)
    merge.get_by_role("checkbox", name="I have checked that both inquiries").check()
    merge.get_by_role("button", name=f"Merge this inquiry into {urgent.reference}").click()

    # On to the earlier inquiry, where the work goes on; both timelines tell it.
    expect(page.get_by_role("heading", name=f"Inquiry {urgent.reference}")).to_be_visible()
    expect(
        page.get_by_text(
            f"{duplicate.reference} was merged into {urgent.reference}: both timelines show it."
        )
    ).to_be_visible()
    timeline_entry(page, "A later inquiry merged in").get_by_role(
        "link", name=duplicate.reference
    ).click()
    expect(page.get_by_role("heading", name=f"Inquiry {duplicate.reference}")).to_be_visible()
    expect(
        page.get_by_text("a duplicate, closed. Work the earlier inquiry instead.")
    ).to_be_visible()
    expect(timeline_entry(page, "Merged into an earlier inquiry")).to_contain_text(
        f"{urgent.reference} by alex"
    )
    axe.assert_accessible(page)

    urgent.refresh_from_db()
    duplicate.refresh_from_db()
    assert urgent.status == Inquiry.Status.ASSESSMENT_SCHEDULED
    assert (duplicate.status, duplicate.merged_into) == (Inquiry.Status.MERGED, urgent)
    appointment = urgent.appointments.get()
    assert (appointment.starts_at, appointment.mode, appointment.with_staff.username) == (
        when,
        Appointment.Mode.VIRTUAL,
        "alex",
    )


def test_coordinator_books_cancels_and_merges_by_keyboard_without_javascript(
    new_context, live_server, urgent_and_duplicate
):
    urgent, duplicate = urgent_and_duplicate
    when = tomorrow_at(15, 45)
    page = new_context(java_script_enabled=False).new_page()
    keys = page.keyboard
    log_in(page, live_server.url, "alex")
    open_inquiry(page, live_server, urgent)

    # The browser's own date and time control: month, day, year, hour, minute, a.m./p.m.
    book = page.get_by_role("form", name="Book an assessment")
    tab_to(page, book.get_by_label("Date and time"))
    keys.type(when.strftime("%m%d%Y%I%M") + when.strftime("%p")[0])
    tab_to(page, book.get_by_label("With"))
    keys.type("riley")
    # A group of radios is one Tab stop: Space chooses the first, the arrows move on.
    tab_to(page, book.get_by_role("radio", name="In person"))
    keys.press("Space")
    expect(book.get_by_role("radio", name="In person")).to_be_checked()
    tab_to(page, book.get_by_role("button", name="Book assessment"))
    keys.press("Enter")
    expect(
        page.get_by_text(f"Assessment booked: {shown(when)}, In person, with riley.")
    ).to_be_visible()

    appointments = page.get_by_role("region", name="Assessment appointments")
    tab_to(page, appointments.get_by_role("button", name="Canceled"))
    keys.press("Enter")
    expect(page.get_by_text(f"Assessment of {shown(when)}: Canceled.")).to_be_visible()
    expect(appointments.get_by_role("listitem")).to_contain_text(
        f"{shown(when)} · with riley · In person · Canceled"
    )
    expect(appointments.get_by_role("button", name="Canceled")).to_have_count(0)

    others = page.get_by_role("region", name="Other inquiries from this person")
    tab_to(page, others.get_by_role("link", name=duplicate.reference))
    keys.press("Enter")
    merge = page.get_by_role("form", name="Merge this inquiry into an earlier one")
    tab_to(page, merge.get_by_role("checkbox", name="I have checked that both inquiries"))
    keys.press("Space")
    tab_to(page, merge.get_by_role("button", name=f"Merge this inquiry into {urgent.reference}"))
    keys.press("Enter")

    expect(page.get_by_role("heading", name=f"Inquiry {urgent.reference}")).to_be_visible()
    expect(timeline_entry(page, "A later inquiry merged in")).to_contain_text(
        f"{duplicate.reference} by alex"
    )
    appointment = urgent.appointments.get()
    assert (appointment.starts_at, appointment.status) == (when, Appointment.Status.CANCELLED)
    assert Inquiry.objects.get(pk=duplicate.pk).status == Inquiry.Status.MERGED
