"""The queue as a worklist, in Chromium, as an admissions coordinator works it: a new
urgent inquiry arrives while the queue is open and stands out at the top, My work shows a
callback due, the week of appointments; by keyboard, with and without JavaScript, at
desktop and phone widths, and axe on each page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import (
    DESKTOP_WIDTH,
    PHONE_WIDTH,
    SCREENSHOTS_DIR,
    STAFF_PASSWORD,
    horizontal_overflow,
    log_in,
    tab_to,
)
from tests.factories import make_inquiry, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": DESKTOP_WIDTH, "height": 800}}
PHONE = {"viewport": {"width": PHONE_WIDTH, "height": 740}, "is_mobile": True, "has_touch": True}

# Records each browser notification the page shows (its title and body), before any of the
# page's own scripts run.
NOTIFICATION_SPY = """
window.__notifications = [];
if (window.Notification) {
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notifications.push([title, (options && options.body) || ""]);
    }
  };
}
"""


# --- Helpers of this file ----------------------------------------------------------------------


def queue_rows(page):
    """The rows of the queue's table, without its header."""
    return page.get_by_role("main").locator("#result_list tbody").get_by_role("row")


def table_overflow(page):
    """How many CSS pixels the widest table is wider than the box it scrolls in."""
    return page.evaluate(
        """() => Math.max(0, ...[...document.querySelectorAll("table")].map(table => {
            const box = table.closest(".results") || table.parentElement;
            return box.scrollWidth - box.clientWidth;
        }))"""
    )


def screenshots(page, name):
    """The page at desktop and phone widths, each checked for sideways scrolling."""
    SCREENSHOTS_DIR.mkdir(exist_ok=True)
    original = page.viewport_size
    for label, width in (("desktop", DESKTOP_WIDTH), ("phone", PHONE_WIDTH)):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=SCREENSHOTS_DIR / f"{name}-{label}.png", full_page=True)
        page.screenshot(path=SCREENSHOTS_DIR / f"{name}-{label}-top.png")
        assert horizontal_overflow(page) == 0, f"{name} scrolls sideways at {width}px"
        if width == DESKTOP_WIDTH:
            assert table_overflow(page) == 0, f"{name}: a table scrolls sideways at {width}px"
    page.set_viewport_size(original)


@pytest.fixture
def quick_pulse(monkeypatch):
    """The queue's script asks for the counts every second (the live server runs in this
    process, so it reads the changed constant)."""
    monkeypatch.setattr("admissions.admin.worklist.PULSE_SECONDS", 1)


@pytest.fixture
def coordinator():
    return make_user("alex", groups=("Admissions",), password=STAFF_PASSWORD)


@pytest.fixture
def callback_due(coordinator):
    """A contacted inquiry of the coordinator's with a callback due later today."""
    inquiry = make_inquiry(first_name="Robin", phone="+15032241001", assigned_to=coordinator)
    inquiry.move_to(Inquiry.Status.CONTACTED, by=coordinator)
    end_of_day = timezone.localtime().replace(hour=23, minute=59, second=0, microsecond=0)
    if end_of_day - timezone.now() < timedelta(minutes=5):
        pytest.skip("too close to midnight for a callback later today")
    inquiry.next_follow_up_at = min(timezone.now() + timedelta(minutes=45), end_of_day)
    inquiry.save(update_fields=["next_follow_up_at"])
    return inquiry


# --- The journey -------------------------------------------------------------------------------


def test_coordinator_sees_a_new_urgent_inquiry_at_the_top_and_a_callback_in_my_work(
    new_context, live_server, quick_pulse, coordinator, callback_due, axe
):
    routine = make_inquiry(
        first_name="Alexandrina",
        phone="+15035550100",
        email="alexandrina.longname@example.org",
        insurance_provider="Blue Cross Blue Shield of Oregon",
        message="We would like the evening program. My shifts end at five, so any time after "
        "six works for a call.",
        received_at=timezone.now() - timedelta(hours=1),
    )
    booked = make_inquiry(first_name="Lee", phone="+15035550111", assigned_to=coordinator)
    booked.move_to(Inquiry.Status.CONTACTED, by=coordinator)
    tomorrow_at_ten = (timezone.localtime() + timedelta(days=1)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    booked.book_appointment(tomorrow_at_ten, mode="virtual", with_staff=coordinator)
    context = new_context(**DESKTOP)
    context.grant_permissions(["notifications"], origin=live_server.url)
    context.add_init_script(NOTIFICATION_SPY)
    page = context.new_page()

    log_in(page, live_server.url, "alex")
    expect(page.locator(".my-work-link")).to_contain_text("1 callback due today")
    page.get_by_role("link", name="Inquiries", exact=True).click()
    expect(queue_rows(page)).to_have_count(3)
    alerts = page.get_by_role("group", name="When a new urgent inquiry arrives, also:")
    tab_to(page, alerts.get_by_role("checkbox", name="play a sound"))
    page.keyboard.press("Space")
    tab_to(page, alerts.get_by_role("checkbox", name=re.compile("show a browser notification")))
    page.keyboard.press("Space")
    expect(alerts.get_by_role("checkbox", name=re.compile("notification"))).to_be_checked()
    # The choice is saved once the browser has answered the permission request. Polled
    # from here: a wait_for_function string would be an eval, which the site's CSP refuses.
    saved = "() => localStorage.getItem('admissions-worklist-alerts')"
    both = '{"sound":true,"notification":true}'
    for _attempt in range(50):
        if page.evaluate(saved) == both:
            break
        page.wait_for_timeout(100)
    assert page.evaluate(saved) == both

    # A visitor who may not be safe writes while the queue is open.
    urgent = make_inquiry(
        first_name="Jamie", phone="+15032240199", safe_now=Inquiry.SafeNow.NOT_SURE
    )

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("A new urgent inquiry has arrived.")
    expect(page).to_have_title(re.compile(r"^\(!\) "))
    expect(page.locator("[data-count=urgent_new]")).to_have_text("1")
    assert page.evaluate("window.__notifications") == [["New urgent inquiry", ""]]
    assert "Jamie" not in alert.inner_text()
    tab_to(page, alert.get_by_role("link", name="Reload the page to see it"), key="Shift+Tab")
    page.keyboard.press("Enter")

    top = queue_rows(page).first
    expect(top).to_contain_text(urgent.reference)
    expect(top).to_contain_text("NEW: CALL FIRST")
    expect(top).to_contain_text("Answered “Not sure” to “safe right now?”")
    expect(top).to_contain_text("(503) 224-0199")
    expect(top).to_contain_text(re.compile(r"due in (59|1 h 00) min|due in 5\d min"))
    # Then the callback due in 45 minutes, then the routine inquiry due in 3 hours.
    expect(queue_rows(page).nth(1)).to_contain_text(callback_due.reference)
    expect(queue_rows(page).nth(2)).to_contain_text(routine.reference)
    # Booked, nothing due: last.
    expect(queue_rows(page).nth(3)).to_contain_text(booked.reference)
    band = top.evaluate("row => getComputedStyle(row).boxShadow")
    assert "inset" in band, band
    screenshots(page, "worklist-queue")
    axe.assert_accessible(page)

    my_work_link = page.get_by_role("link", name="My work", exact=True)
    tab_to(page, my_work_link)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="My work")).to_be_visible()
    callbacks = page.get_by_role("region", name=re.compile("^My callbacks due today"))
    expect(callbacks.get_by_role("heading")).to_have_text("My callbacks due today (1)")
    row = callbacks.get_by_role("row").filter(has_text=callback_due.reference)
    expect(row).to_contain_text("Robin")
    expect(row).to_contain_text(re.compile(r"Follow-up:\s+due in 4\d min"))
    expect(row.get_by_role("link", name="(503) 224-1001")).to_have_attribute(
        "href", "tel:+15032241001"
    )
    unassigned = page.get_by_role("region", name=re.compile("^New, unassigned inquiries"))
    expect(unassigned.get_by_role("row").nth(1)).to_contain_text(urgent.reference)
    screenshots(page, "worklist-my-work")
    axe.assert_accessible(page)

    page.get_by_role("link", name="Appointments this week").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessment appointments this week")
    expect(page.get_by_role("heading", level=2)).to_have_count(7)
    tomorrow = page.get_by_role("region", name=re.compile(r"^Tomorrow, .* \(1 appointment\)$"))
    expect(tomorrow.get_by_role("row").nth(1)).to_contain_text(
        re.compile(rf"10 a\.m\.\s+{booked.reference}\s+Lee\s+Virtual \(video\)\s+alex")
    )
    screenshots(page, "worklist-appointments")
    axe.assert_accessible(page)


def test_the_queue_and_my_work_work_without_javascript_and_never_reload_themselves(
    new_context, live_server, coordinator, callback_due
):
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    log_in(page, live_server.url, "alex")

    page.get_by_role("link", name="Inquiries", exact=True).click()
    expect(queue_rows(page)).to_have_count(1)
    expect(page.get_by_text("Open: 1")).to_be_visible()
    # Without the script there is nothing to opt in to, and no timed reload.
    expect(page.get_by_role("group", name=re.compile("new urgent inquiry"))).to_be_hidden()
    expect(page.locator("meta[http-equiv=refresh]")).to_have_count(0)
    assert horizontal_overflow(page) == 0
    page.get_by_role("link", name="My work").first.click()
    row = page.get_by_role("region", name=re.compile("^My callbacks due today")).get_by_role(
        "row", name=re.compile(callback_due.reference)
    )
    expect(row).to_contain_text("Robin")
    row.get_by_role("link", name=callback_due.reference).click()
    expect(page.get_by_role("heading", name=callback_due.reference)).to_be_visible()


def test_the_queue_takes_the_inquiries_off_the_screen_when_the_session_ends(
    new_context, live_server, quick_pulse, coordinator
):
    inquiry = make_inquiry(first_name="Jamie", phone="+15032240199")
    page = new_context(**DESKTOP).new_page()
    log_in(page, live_server.url, "alex")
    page.get_by_role("link", name="Inquiries", exact=True).click()
    expect(queue_rows(page).first).to_contain_text(inquiry.reference)

    # Signed out elsewhere (or by the idle limit): the next refresh finds no session.
    page.context.clear_cookies()

    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    expect(page.get_by_text("Jamie")).to_have_count(0)
