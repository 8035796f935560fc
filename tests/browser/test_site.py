"""The public site in a real browser: assets, privacy, CSP, accessibility, screenshots."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    is_focused,
    save_screenshots,
    sitemap_paths,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def screenshot_name(path):
    return "page-" + (path.strip("/").replace("/", "-") or "home")


def test_home_page_loads_its_stylesheet_and_script(page, live_server, watch):
    response = page.goto(live_server.url + "/")

    assert response.status == 200
    loaded = [url for url in watch.requests if "/static/" in url]
    assert any(re.search(r"/static/css/site\.[0-9a-f]{12}\.css$", url) for url in loaded), loaded
    assert any(re.search(r"/static/js/site\.[0-9a-f]{12}\.js$", url) for url in loaded), loaded
    # site.js ran, and site.css hides the skip link until it has the focus.
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.bounding_box()["y"] < 0
    watch.assert_clean()


def test_skip_link_is_first_on_tab_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert is_focused(skip_link)
    assert skip_link.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")

    assert is_focused(page.get_by_role("main"))


def test_sitemap_pages_meet_wcag_aa_and_keep_the_rules(
    page, live_server, demo_content, axe, screenshots_dir
):
    reports = []
    paths = sitemap_paths(page, live_server.url)

    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        reports.append(axe.report(page))
        save_screenshots(page, screenshot_name(path))

    assert [report for report in reports if report] == []


def test_watch_catches_a_request_to_another_host(page, live_server, watch):
    page.route("http://tracker.invalid/**", lambda route: route.abort())
    page.goto(live_server.url + "/")

    page.evaluate(
        "() => { const i = new Image(); i.src = 'http://tracker.invalid/pixel.gif'; "
        "document.body.append(i); }"
    )
    page.wait_for_timeout(200)

    assert "privacy: image request to another host: http://tracker.invalid/pixel.gif" in (
        watch.problems
    )
    watch.problems.clear()


def test_watch_catches_a_csp_violation(page, live_server, watch):
    page.goto(live_server.url + "/")

    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = '1'; "
        "document.body.append(s); }"
    )
    page.wait_for_timeout(200)

    assert any(p.startswith("CSP (event)") and "script-src" in p for p in watch.problems)
    assert any(p.startswith("CSP (console)") for p in watch.problems)
    watch.problems.clear()


def test_admin_login_page_meets_wcag_aa(page, live_server, axe, screenshots_dir):
    response = page.goto(live_server.url + "/admin/login/")

    assert response.status == 200
    axe.assert_accessible(page)
    save_screenshots(page, "admin-login")


def test_page_not_found_meets_wcag_aa_and_offers_a_way_on(page, live_server, axe):
    response = page.goto(live_server.url + "/no-such-page/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("link", name="Contact admissions").first).to_be_visible()
    axe.assert_accessible(page)


def test_admin_pages_name_an_icon_so_the_browser_asks_for_nothing_missing(page, live_server):
    # Without <link rel="icon">, browsers fetch /favicon.ico, once per origin and session
    # (so a console 404 shows only in the first test that meets it): check the cause.
    lacking = []
    for path in ("/", "/admin/login/"):
        page.goto(live_server.url + path)
        named = page.locator("head link[rel~=icon]").count() > 0
        if not named and not page.request.get(live_server.url + "/favicon.ico").ok:
            lacking.append(path)

    assert lacking == []
