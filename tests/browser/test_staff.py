"""Staff journeys through the admin, in Chromium: marketing edits content, admissions
works the inquiry queue."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import STAFF_PASSWORD, log_in
from tests.factories import make_inquiry, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    page.get_by_label("Introduction").fill("New this month: a Tuesday group for parents.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    page.get_by_role("link", name="Schedule tracks").first.click()
    page.get_by_role("link", name="In-person evening program").click()
    session_row = page.get_by_role("row").filter(has_text="Monday 6 p.m.")
    session_row.get_by_role("textbox").first.fill("17:30")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_text("New this month: a Tuesday group for parents.")).to_be_visible()
    expect(monday).to_contain_text("5:30 p.m.")


def test_marketing_is_refused_the_inquiry_queue(page, live_server):
    make_inquiry(first_name="Quinlan")
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    log_in(page, live_server.url, "morgan")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    response = page.goto(f"{live_server.url}/admin/admissions/inquiry/")

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("access", re.I))
    expect(page.get_by_text("Quinlan")).to_have_count(0)
