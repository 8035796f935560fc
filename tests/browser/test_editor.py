"""The content editor's tools in Chromium: the search listing fields with their counters
and preview, redirects, and the new admin pages meeting WCAG 2.2 AA."""

import pytest
from playwright.sync_api import expect

from programs.models import Revision
from tests.browser.helpers import STAFF_PASSWORD, log_in, save_screenshots
from tests.factories import make_page, make_user
from tests.programs.factories import make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(page, live_server):
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    log_in(page, live_server.url, "morgan")
    return page


def test_marketing_sees_the_counter_and_the_search_preview_follow_their_typing(
    editor, live_server, axe, screenshots_dir
):
    page_record = make_page(slug="parking", title="Parking", meta_description="Where to park.")
    editor.goto(f"{live_server.url}/admin/programs/page/{page_record.pk}/change/")

    editor.get_by_label("Search title [en]").fill("Free parking behind the clinic")
    description = editor.get_by_label("Search and sharing description [en]")
    description.fill("Park for free in the lot behind the building, open every evening.")

    expect(editor.get_by_text("30 of 70 characters")).to_be_visible()
    expect(editor.get_by_text("65 of 160 characters")).to_be_visible()
    preview = editor.locator("[data-search-preview]")
    expect(preview).to_contain_text("Free parking behind the clinic")
    expect(preview).to_contain_text("Park for free in the lot behind the building")
    editor.get_by_label("Address [en]").fill("directions")
    expect(preview).to_contain_text("/directions/")
    save_screenshots(editor, "admin-page-search-listing")
    axe.assert_accessible(editor)


def test_marketing_changes_an_address_and_the_old_one_leads_to_the_new(
    editor, new_context, live_server, axe
):
    page_record = make_page(slug="parking", title="Parking")
    editor.goto(f"{live_server.url}/admin/programs/page/{page_record.pk}/change/")
    editor.get_by_label("Address [en]").fill("directions")
    # A live page's change is a draft until published (programs/admin_revisions.py).
    editor.get_by_role("button", name="Publish now").click()
    expect(editor.get_by_text("Published: visitors see it now.")).to_be_visible()

    editor.get_by_role("link", name="Redirects").click()
    # In both languages: the page has no Spanish address, so /es/parking/ moved too.
    expect(editor.get_by_role("link", name="/parking/", exact=True)).to_be_visible()
    expect(editor.get_by_role("link", name="/es/parking/", exact=True)).to_be_visible()
    axe.assert_accessible(editor)

    visitor = new_context().new_page()
    visitor.goto(f"{live_server.url}/parking/")
    assert visitor.url == f"{live_server.url}/directions/"
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Parking")


def test_the_link_checker_lists_a_broken_link_and_meets_wcag_aa(
    editor, live_server, axe, screenshots_dir
):
    make_page(slug="about-us", title="About us", body="See [our fees](/fees/).")
    editor.goto(f"{live_server.url}/admin/programs/page/")
    editor.get_by_role("link", name="Check links").click()

    table = editor.get_by_role("table", name="1 broken link")
    expect(table).to_contain_text("There is no page at this address.")
    table.get_by_role("link", name="Page “About us”: text").click()
    expect(editor.get_by_role("textbox", name="Title [en]:", exact=True)).to_have_value("About us")
    editor.go_back()
    save_screenshots(editor, "admin-link-checker")
    axe.assert_accessible(editor)


def test_marketing_previews_text_in_place_and_inserts_a_link_and_a_picture(
    editor, live_server, axe
):
    picture = make_image()
    make_page(slug="fees", title="Fees and insurance")
    page_record = make_page(slug="parking", title="Parking", body="Old text.")
    editor.goto(f"{live_server.url}/admin/programs/page/{page_record.pk}/change/")

    box = editor.get_by_role("textbox", name="Text [en]:")
    box.fill("## Getting here\n\nSee ")
    editor.get_by_text("Link to a page on this site").first.click()
    editor.get_by_role("button", name="Insert: Fees and insurance").first.click()
    expect(box).to_have_value("## Getting here\n\nSee [Fees and insurance](/fees/)")
    editor.get_by_role("button", name="Preview").first.click()

    preview = editor.get_by_role("region", name="Preview (not saved yet)").first
    expect(preview.get_by_role("heading", name="Getting here")).to_be_visible()
    expect(preview.get_by_role("link", name="Fees and insurance")).to_have_attribute(
        "href", "/fees/"
    )
    assert editor.url.endswith(f"/admin/programs/page/{page_record.pk}/change/")
    axe.assert_accessible(editor)

    # A picture from the library, on a line of its own, shown in the preview.
    editor.get_by_text("Insert a picture from the image library").first.click()
    editor.get_by_role("button", name="Insert picture: Group room").first.click()
    expect(box).to_have_value(
        "## Getting here\n\nSee [Fees and insurance](/fees/)\n\n"
        f"![Chairs in a circle in a bright group room.](image:{picture.pk})"
    )
    editor.get_by_role("button", name="Preview").first.click()
    expect(
        preview.get_by_role("img", name="Chairs in a circle in a bright group room.")
    ).to_be_visible()
    axe.assert_accessible(editor)


def test_marketing_previews_without_javascript(new_context, live_server):
    make_user("morgan", groups=("Marketing",), password=STAFF_PASSWORD)
    page_record = make_page(slug="parking", title="Parking", body="Old text.")
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, live_server.url, "morgan")
    page.goto(f"{live_server.url}/admin/programs/page/{page_record.pk}/change/")

    page.get_by_role("textbox", name="Text [en]:").fill("Park **behind** the building.")
    page.get_by_role("button", name="Preview").first.click()

    preview = page.get_by_role("region", name="Preview (not saved yet)").first
    expect(preview).to_contain_text("Park behind the building.")
    expect(page.get_by_role("textbox", name="Text [en]:")).to_have_value(
        "Park **behind** the building."
    )
    page_record.refresh_from_db()
    assert page_record.body == "Old text."


def test_enter_in_a_box_saves_a_draft_rather_than_previewing(editor, live_server):
    page_record = make_page(slug="parking", title="Parking", body="Old text.")
    editor.goto(f"{live_server.url}/admin/programs/page/{page_record.pk}/change/")

    editor.get_by_role("textbox", name="Text [en]:").fill("New text.")
    editor.get_by_role("textbox", name="Search title [en]:").press("Enter")

    expect(
        editor.get_by_text("The draft is saved. Visitors still see the published version.")
    ).to_be_visible()
    draft = Revision.objects.for_item(page_record).get(status="draft")
    assert draft.data["item"]["fields"]["body"] == "New text."
