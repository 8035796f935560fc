"""The article library and the team in Chromium: a reader's journey from an article to
the people behind it and on to the inquiry form, by touch, by keyboard and without
JavaScript, with axe-core checking every page on the way."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PHONE, horizontal_overflow, save_screenshots, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAMILY_ARTICLE = "When someone you love is using: how to help without losing yourself"
REVIEWER = "Dana Reyes, LCSW, CADC III"


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_visitor_reads_an_article_follows_the_reviewer_and_reaches_the_form(
    new_context, live_server, demo_content, axe
):
    page = new_context(**PHONE).new_page()
    page.goto(live_server.url + "/")

    library = page.get_by_role("region", name="From our article library")
    library.get_by_role("link", name="All articles").click()
    expect(heading(page)).to_have_text("Articles and resources")
    axe.assert_accessible(page)
    page.get_by_role("navigation", name="Topics").get_by_role("link", name="For families").click()
    expect(heading(page)).to_have_text("Articles: For families")
    page.get_by_role("link", name=FAMILY_ARTICLE).click()

    expect(heading(page)).to_have_text(FAMILY_ARTICLE)
    byline = page.get_by_text(re.compile(r"^Written by "))
    expect(byline).to_contain_text("Written by Elena Brooks, LMFT")
    expect(byline).to_contain_text(f"Clinically reviewed by {REVIEWER}")
    expect(byline).to_contain_text(re.compile(r"Reviewed \w+ \d{1,2}, \d{4}"))
    axe.assert_accessible(page)
    byline.get_by_role("link", name=REVIEWER).click()

    expect(heading(page)).to_have_text(REVIEWER)
    expect(page.get_by_role("link", name=FAMILY_ARTICLE)).to_be_visible()
    axe.assert_accessible(page)
    page.get_by_role("link", name="Send a confidential message").click()

    expect(heading(page)).to_have_text("Contact admissions")


@pytest.mark.parametrize(
    ("path", "title", "name"),
    [
        ("/articles/", "Articles and resources", "library"),
        ("/articles/what-the-research-says/", None, "article"),
        ("/team/", "Our team", "team"),
        ("/team/marcus-hale/", "Marcus Hale, MD", "person"),
    ],
)
def test_library_and_team_pages_meet_wcag_aa_on_a_phone_and_a_desktop(
    new_context, live_server, demo_content, axe, path, title, name
):
    for options in (PHONE, {}):
        page = new_context(**options).new_page()
        response = page.goto(live_server.url + path)

        assert response.status == 200
        expect(heading(page)).to_have_count(1)
        if title:
            expect(heading(page)).to_have_text(title)
        assert horizontal_overflow(page) == 0
        axe.assert_accessible(page)
    save_screenshots(page, f"library-{name}")


def test_the_library_works_by_keyboard_without_javascript(new_context, live_server, demo_content):
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(live_server.url + "/articles/")
    keys = page.keyboard

    topics = page.get_by_role("navigation", name="Topics")
    tab_to(page, topics.get_by_role("link", name="What the research says"))
    keys.press("Enter")
    expect(heading(page)).to_have_text("Articles: What the research says")
    article = page.get_by_role("link", name=re.compile("^What the research says about"))
    tab_to(page, article)
    keys.press("Enter")
    expect(heading(page)).to_have_text(re.compile("^What the research says about"))
    expect(page.get_by_text("2014;65(6):718-726")).to_be_visible()
    reviewer = page.get_by_role("link", name="Marcus Hale, MD")
    tab_to(page, reviewer)
    keys.press("Enter")

    expect(heading(page)).to_have_text("Marcus Hale, MD")
    tab_to(page, page.get_by_role("link", name="Send a confidential message"))
    keys.press("Enter")
    expect(heading(page)).to_have_text("Contact admissions")
