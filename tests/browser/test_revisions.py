"""Drafts and approval in Chromium: marketing drafts a change to the live privacy notice
and previews it, a publisher finds it waiting, compares and publishes it, and a
visitor sees it. axe checks every new admin page on the way: the edit form with its
draft, the preview, the history, the list waiting for approval and the compare view."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import STAFF_PASSWORD, log_in
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_SENTENCE = "We answer every question about your records within two working days."


def test_marketing_drafts_a_publisher_publishes_and_a_visitor_sees_it(
    page, new_context, live_server, demo_content, axe
):
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    make_user("pat", groups=("Publisher",), password=STAFF_PASSWORD, first_name="Pat")
    visitor = new_context().new_page()
    visitor.goto(live_server.url + "/privacy/")  # the page cache now holds it
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Website privacy notice")

    # Marketing drafts a change and previews it.
    log_in(page, live_server.url, "morgan")
    page.get_by_role("link", name="Pages", exact=True).click()
    page.get_by_role("link", name="Website privacy notice").click()
    expect(page.get_by_text("A publisher must approve changes to this.")).to_be_visible()
    axe.assert_accessible(page)
    page.get_by_label("Introduction [en]").fill(NEW_SENTENCE)
    page.get_by_role("button", name="Save draft").click()
    expect(
        page.get_by_text("The draft is saved. Visitors still see the published version.")
    ).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Unpublished draft")).to_contain_text(
        "saved by morgan"
    )
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    page.get_by_role("link", name="Preview the draft").click()
    expect(page.get_by_text("Preview - not published.")).to_be_visible()
    expect(page.get_by_text(NEW_SENTENCE)).to_be_visible()
    axe.assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_role("table", name="Revisions, newest first")).to_contain_text(
        "Waiting for a publisher"
    )
    axe.assert_accessible(page)

    visitor.reload()
    expect(visitor.get_by_text(NEW_SENTENCE)).to_have_count(0)

    # A publisher finds it waiting, compares, and publishes it.
    publisher = new_context().new_page()
    log_in(publisher, live_server.url, "pat")
    publisher.get_by_role("link", name="Revisions").click()
    expect(publisher.get_by_text("Website privacy notice")).to_be_visible()
    axe.assert_accessible(publisher)
    publisher.get_by_role("link", name="Website privacy notice").click()
    publisher.get_by_role("link", name="Compare with the published version").click()
    introduction = publisher.get_by_role("row", name=re.compile(r"^Introduction \[en\]"))
    expect(introduction.locator("ins", has_text="two working days")).to_have_count(1)
    axe.assert_accessible(publisher)
    publisher.go_back()
    publisher.get_by_role("button", name="Publish now").click()
    expect(publisher.get_by_text("Published: visitors see it now.")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_text(NEW_SENTENCE)).to_be_visible()


def test_clinic_settings_draft_form_meets_wcag_aa(page, live_server, demo_content, axe):
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    log_in(page, live_server.url, "morgan")
    page.get_by_role("link", name="Clinic settings").click()
    page.get_by_label("Instagram profile").fill("https://instagram.com/harborlight")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("button", name="Publish now")).to_be_visible()
    expect(page.get_by_label("Publish at")).to_be_visible()
    axe.assert_accessible(page)
    page.get_by_role("button", name="Publish now").click()
    expect(page.get_by_text("Published: visitors see it now.")).to_be_visible()
