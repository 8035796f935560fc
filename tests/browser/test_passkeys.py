"""Passkeys in Chromium, with the DevTools protocol's virtual authenticator standing in
for a phone or security key. Passkeys need a host name, so the site runs on localhost
(the live server's address) and SITE_URL points there."""

import re

import pytest
from playwright.sync_api import expect

from iop_site.models import Passkey
from tests.browser.helpers import STAFF_PASSWORD, log_in, save_screenshots
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def passkey_site(settings, live_server):
    assert live_server.url.startswith("http://localhost:"), live_server.url
    settings.SITE_URL = live_server.url
    settings.STAFF_REQUIRE_2FA = True
    return settings


def add_virtual_authenticator(page):
    """A platform authenticator that always finds the user present and verified."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp


def open_inquiry_queue(page):
    page.get_by_role("link", name="Inquiries", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/admissions/inquiry/$"))
    expect(page.get_by_role("heading", name="Select inquiry to change")).to_be_visible()


def test_superuser_enrols_a_passkey_and_opens_the_queue_with_it_after_signing_in_again(
    page, live_server, passkey_site, axe, screenshots_dir
):
    make_user("root", is_superuser=True, password=STAFF_PASSWORD)
    add_virtual_authenticator(page)

    # First sign-in of a new account: set up a second factor, here a passkey.
    log_in(page, live_server.url, "root")
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    save_screenshots(page, "admin-two-factor-set-up")
    axe.assert_accessible(page)
    page.get_by_role("button", name="Create a passkey").click()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="I have kept them: continue").click()
    open_inquiry_queue(page)
    passkey = Passkey.objects.get(user__username="root")
    assert passkey.last_used_at is None

    # Signing in again: the password, then the passkey.
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, "root")
    expect(page.get_by_role("heading", name="Use your passkey")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    axe.assert_accessible(page)
    page.get_by_role("button", name="Use my passkey").click()
    open_inquiry_queue(page)

    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    assert passkey.sign_count > 0


def test_signed_in_by_password_only_a_superuser_with_a_passkey_is_kept_out_of_the_queue(
    page, live_server, passkey_site
):
    make_user("root", is_superuser=True, password=STAFF_PASSWORD)
    add_virtual_authenticator(page)
    log_in(page, live_server.url, "root")
    page.get_by_role("button", name="Create a passkey").click()
    page.get_by_role("link", name="I have kept them: continue").click()
    page.get_by_role("button", name="Log out").click()

    log_in(page, live_server.url, "root")
    expect(page.get_by_role("button", name="Use my passkey")).to_be_visible()
    page.goto(f"{live_server.url}/admin/admissions/inquiry/")

    # Sent back to give the passkey; no inquiry is shown.
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    expect(page.get_by_role("heading", name="Select inquiry to change")).to_have_count(0)
