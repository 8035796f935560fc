"""Two-factor sign-in for staff: who must give a second factor, and how they give it."""

import base64
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from iop_site.models import (
    EnrolmentWindow,
    Passkey,
    RecoveryCode,
    RecoveryCodeDevice,
    relying_party,
)
from iop_site.two_factor.access import can_view_inquiry_data, inquiry_data_permissions
from tests.factories import make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password 123"


def login(client, username, password=PASSWORD, otp_token=""):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "otp_token": otp_token, "next": "/admin/"},
    )


def queue(client):
    return client.get(reverse("admin:admissions_inquiry_changelist"))


def grant(user, *permissions):
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def add_totp_device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key):06d}"


def errors_of(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


NO_DEVICE_ERROR = (
    "Your account needs two-factor sign-in but has no authenticator app set up, and the "
    "24 hours in which you could set one up yourself have passed. Ask a superuser to "
    "reset your password; you then have 24 hours to set it up."
)


def make_old_account(username, **fields):
    """An account whose first 24 hours have passed."""
    user = make_user(username, **fields)
    EnrolmentWindow.objects.filter(user=user).update(opened_at=timezone.now() - timedelta(hours=25))
    return user


def sign_in_as_superuser_with_code(client):
    """Signs `client` in as "root", a superuser past its first 24 hours, with a code from
    its authenticator app; returns the superuser."""
    superuser = make_old_account("root", is_superuser=True)
    login(client, "root", otp_token=current_code(add_totp_device(superuser)))
    return superuser


def enrol_url(next_url=""):
    url = reverse("admin:two_factor_enrol")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


# --- Who needs a second factor --------------------------------------------------------


@pytest.mark.parametrize(
    "permission",
    [
        "admissions.view_inquiry",
        "admissions.change_inquiry",
        "admissions.export_inquiry",
        "admissions.view_note",
        "admissions.add_contactattempt",
        "admissions.view_inquiryevent",
        "admissions.view_notification",
    ],
)
def test_can_view_inquiry_data_with_any_inquiry_permission_given_directly(permission):
    user = make_user("casey")
    grant(user, permission)

    assert can_view_inquiry_data(user) is True


def test_can_view_inquiry_data_for_superusers_and_admissions_but_not_the_report_alone():
    superuser = make_user("root", is_superuser=True)
    admissions = make_user("alex", groups=("Admissions",))
    marketing = make_user("morgan", groups=("Marketing",))
    report_only = make_user("robin")
    grant(report_only, "admissions.view_inquiry_report")

    assert [can_view_inquiry_data(user) for user in (superuser, admissions)] == [True, True]
    assert [can_view_inquiry_data(user) for user in (marketing, report_only)] == [False, False]
    assert "admissions.view_inquiry_report" not in inquiry_data_permissions()
    assert "admissions.export_inquiry" in inquiry_data_permissions()


def test_superuser_without_a_device_cannot_open_the_inquiry_queue(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    superuser = make_old_account("root", is_superuser=True)

    refused = login(client, "root")
    client.force_login(superuser)  # a session signed in by password alone
    response = queue(client)

    assert refused.status_code == 200
    assert errors_of(refused) == [NO_DEVICE_ERROR]
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_user_given_view_inquiry_directly_is_refused_the_queue_without_a_device(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = make_old_account("casey")
    grant(user, "admissions.view_inquiry")

    refused = login(client, "casey")
    client.force_login(user)
    response = queue(client)

    assert errors_of(refused) == [NO_DEVICE_ERROR]
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_marketing_with_the_report_permission_is_not_asked_for_a_code(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("morgan", groups=("Marketing",))

    response = login(client, "morgan")

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("account", ["superuser", "direct permission", "Admissions group"])
def test_account_with_a_totp_device_opens_the_queue_with_its_code(client, settings, account):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user(
        "casey",
        is_superuser=account == "superuser",
        groups=("Admissions",) if account == "Admissions group" else (),
    )
    if account == "direct permission":
        grant(user, "admissions.view_inquiry")
    device = add_totp_device(user)

    response = login(client, "casey", otp_token=current_code(device))

    assert response.status_code == 302
    assert queue(client).status_code == 200


def test_wrong_code_is_refused_and_slows_further_tries(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user("alex", groups=("Admissions",))
    device = add_totp_device(user)
    code = totp(device.bin_key)

    wrong = login(client, "alex", otp_token=f"{(code + 1) % 1_000_000:06d}")
    # django-otp's throttle: right after a wrong code, even the right one must wait.
    too_soon = login(client, "alex", otp_token=f"{code:06d}")
    device.refresh_from_db()
    device.throttle_reset()
    right = login(client, "alex", otp_token=f"{code:06d}")

    assert errors_of(wrong) == ["That code is not right. Check it and try again."]
    assert errors_of(too_soon) == ["Too many wrong codes. Wait a minute, then try again."]
    assert right.status_code == 302


def test_two_factor_is_not_asked_when_disabled(client, settings):
    settings.STAFF_REQUIRE_2FA = False
    make_user("alex", groups=("Admissions",))
    make_user("root", is_superuser=True)

    admissions = login(client, "alex")
    client.logout()
    superuser = login(client, "root")

    assert admissions.status_code == 302
    assert superuser.status_code == 302


def test_any_account_with_a_device_is_asked_for_its_code_even_when_not_required(client, settings):
    settings.STAFF_REQUIRE_2FA = False
    add_totp_device(make_user("morgan", groups=("Marketing",)))

    response = login(client, "morgan")

    assert errors_of(response) == ["Enter the six-digit code from your authenticator app."]


def test_account_given_inquiry_access_after_signing_in_is_stopped_at_its_next_request(
    client, settings
):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user("morgan", groups=("Marketing",))
    signed_in = login(client, "morgan")
    before = client.get(reverse("admin:index"))

    grant(user, "admissions.view_inquiry")
    after = queue(client)

    assert signed_in.status_code == 302
    assert before.status_code == 200
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("admin:login"))


# --- Setting up an authenticator app within 24 hours ----------------------------------


def test_new_account_is_sent_to_set_up_its_authenticator_app_then_opens_the_queue(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("root", is_superuser=True)
    queue_url = reverse("admin:admissions_inquiry_changelist")

    signed_in = client.post(
        reverse("admin:login"), {"username": "root", "password": PASSWORD, "next": queue_url}
    )
    before = queue(client)
    page = client.get(signed_in["Location"])
    device = TOTPDevice.objects.get(user__username="root", confirmed=False)
    images = [attrs for tag, attrs in parse(page.content.decode()).tags if tag == "img"]
    confirmed = client.post(enrol_url(), {"otp_token": current_code(device), "next": queue_url})

    assert signed_in.status_code == 302
    assert signed_in["Location"] == enrol_url(queue_url)
    assert before.status_code == 302  # signed in by password only: no inquiries yet
    assert page.status_code == 200
    assert [image["alt"] for image in images] == ["QR code for your authenticator app"]
    assert images[0]["src"].startswith("data:image/svg+xml")
    secret = page.context["secret"]
    typed = secret.replace(" ", "")
    assert base64.b32decode(typed + "=" * (-len(typed) % 8)) == device.bin_key
    assert secret in page.content.decode()
    assert confirmed.status_code == 200  # the recovery codes, then on to the queue
    continue_links = [
        attrs["href"] for tag, attrs in parse(confirmed.content.decode()).tags if tag == "a"
    ]
    assert queue_url in continue_links
    assert queue(client).status_code == 200
    device.refresh_from_db()
    assert device.confirmed is True
    assert not EnrolmentWindow.objects.filter(user=device.user).exists()


def test_wrong_first_code_keeps_the_same_secret_and_confirms_nothing(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("alex", groups=("Admissions",))
    login(client, "alex")
    first = client.get(enrol_url())
    device = TOTPDevice.objects.get(user__username="alex")

    wrong = client.post(enrol_url(), {"otp_token": f"{(totp(device.bin_key) + 1) % 10**6:06d}"})

    assert wrong.status_code == 200
    assert wrong.context["form"].errors == {
        "otp_token": ["That code is not right. Check the time on your phone and try again."]
    }
    assert wrong.context["secret"] == first.context["secret"]
    assert TOTPDevice.objects.filter(user__username="alex").count() == 1
    assert TOTPDevice.objects.get(user__username="alex").confirmed is False
    assert queue(client).status_code == 302


def test_account_past_its_24_hours_is_refused_and_told_to_ask_a_superuser(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = make_old_account("alex", groups=("Admissions",))

    refused = login(client, "alex")
    client.force_login(user)  # even with a password-only session, the page refuses
    page = client.get(enrol_url())

    assert errors_of(refused) == [NO_DEVICE_ERROR]
    assert page.status_code == 403
    assert "Ask a superuser to reset your password" in " ".join(page.content.decode().split())
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_superuser_setting_a_password_in_the_admin_opens_24_hours_to_enrol(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    superuser = sign_in_as_superuser_with_code(client)
    colleague = make_old_account("alex", groups=("Admissions",))

    response = client.post(
        reverse("admin:auth_user_password_change", args=[colleague.pk]),
        {"password1": "another long password 456", "password2": "another long password 456"},
    )
    client.logout()
    signed_in = client.post(
        reverse("admin:login"),
        {"username": "alex", "password": "another long password 456", "next": "/admin/"},
    )

    assert response.status_code == 302
    window = EnrolmentWindow.objects.get(user=colleague)
    assert window.opened_by == superuser
    assert timezone.now() - window.opened_at < timedelta(minutes=1)
    assert signed_in["Location"] == enrol_url("/admin/")


def test_a_refused_password_change_opens_no_window(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    sign_in_as_superuser_with_code(client)
    colleague = make_old_account("alex", groups=("Admissions",))

    response = client.post(
        reverse("admin:auth_user_password_change", args=[colleague.pk]),
        {"password1": "another long password 456", "password2": "not the same one"},
    )

    assert response.status_code == 200
    assert EnrolmentWindow.objects.get(user=colleague).opened_by is None
    assert timezone.now() - EnrolmentWindow.objects.get(user=colleague).opened_at > timedelta(
        hours=24
    )


def test_new_marketing_account_signs_in_without_being_asked_to_enrol(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("morgan", groups=("Marketing",))

    response = login(client, "morgan")

    assert response["Location"] == "/admin/"


def test_enrolment_page_sends_visitors_to_sign_in(client):
    response = client.get(enrol_url())

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:login")


# --- Recovery codes -------------------------------------------------------------------


def enrol(client, username):
    """Sign in as a new account and set up its authenticator app; returns the device and
    the page with the recovery codes."""
    login(client, username)
    client.get(enrol_url())
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    page = client.post(enrol_url(), {"otp_token": current_code(device), "next": "/admin/"})
    device.refresh_from_db()
    return device, page


def test_enrolment_shows_ten_recovery_codes_once_and_keeps_only_their_hashes(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("alex", groups=("Admissions",))

    _device, page = enrol(client, "alex")
    codes = page.context["codes"]
    later = client.get(reverse("admin:two_factor_recovery_codes"))

    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0, no-cache, no-store")
    assert len(codes) == len(set(codes)) == 10
    assert all(len(RecoveryCodeDevice.normalize(code)) == 16 for code in codes)
    html = page.content.decode()
    assert all(code in html for code in codes)
    stored = list(RecoveryCode.objects.values_list("salt", "digest"))
    assert len(stored) == 10
    plain = {RecoveryCodeDevice.normalize(code) for code in codes}
    assert not any(code in salt + digest for salt, digest in stored for code in plain)
    assert later.status_code == 200
    assert later.context["remaining"] == 10
    assert not any(code in later.content.decode() for code in codes)


def test_recovery_code_signs_in_in_place_of_a_totp_code_only_once(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("alex", groups=("Admissions",))
    _device, page = enrol(client, "alex")
    code = page.context["codes"][3]
    client.logout()

    # As a person might type it off paper: upper case, spaces for the dashes.
    first = login(client, "alex", otp_token=code.upper().replace("-", " "))
    opened = queue(client)
    client.logout()
    again = login(client, "alex", otp_token=code)

    assert first.status_code == 302
    assert opened.status_code == 200
    assert errors_of(again) == ["That code is not right. Check it and try again."]
    assert RecoveryCodeDevice.objects.get(user__username="alex").remaining() == 9


def test_wrong_recovery_code_is_refused_and_slows_the_next_try(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("alex", groups=("Admissions",))
    _device, page = enrol(client, "alex")
    client.logout()

    wrong = login(client, "alex", otp_token="aaaa-bbbb-cccc-dddd")
    too_soon = login(client, "alex", otp_token=page.context["codes"][0])

    assert errors_of(wrong) == ["That code is not right. Check it and try again."]
    assert errors_of(too_soon) == ["Too many wrong codes. Wait a minute, then try again."]
    assert RecoveryCodeDevice.objects.get(user__username="alex").remaining() == 10


def test_new_recovery_codes_replace_the_old_ones(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    make_user("alex", groups=("Admissions",))
    _device, page = enrol(client, "alex")
    old_codes = page.context["codes"]

    renewed = client.post(reverse("admin:two_factor_recovery_codes"))
    client.logout()
    with_new = login(client, "alex", otp_token=renewed.context["codes"][0])
    client.logout()
    with_old = login(client, "alex", otp_token=old_codes[0])

    assert len(renewed.context["codes"]) == 10
    assert set(renewed.context["codes"]).isdisjoint(old_codes)
    assert errors_of(with_old) == ["That code is not right. Check it and try again."]
    assert with_new.status_code == 302


def test_superuser_sees_and_deletes_an_accounts_recovery_codes_in_the_admin(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    sign_in_as_superuser_with_code(client)
    colleague = make_user("alex", groups=("Admissions",))
    RecoveryCodeDevice.replace_for(colleague)
    codes = RecoveryCodeDevice.objects.get(user=colleague)

    listing = client.get(reverse("admin:iop_site_recoverycodedevice_changelist"))
    deleted = client.post(
        reverse("admin:iop_site_recoverycodedevice_delete", args=[codes.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    rows = list(listing.context["cl"].result_list)
    assert [(row.user.username, row.unused) for row in rows] == [("alex", 10)]
    assert deleted.status_code == 302
    assert not RecoveryCodeDevice.objects.filter(user=colleague).exists()
    assert not RecoveryCode.objects.exists()


# --- Passkeys (the ceremony itself runs in Chromium: tests/browser/test_passkeys.py) --


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://clinic.example", ("clinic.example", "https://clinic.example")),
        ("http://localhost:8000", ("localhost", "http://localhost:8000")),
        ("http://127.0.0.1:8000", None),
        ("http://[::1]:8000", None),
    ],
)
def test_passkeys_belong_to_site_urls_host_which_cannot_be_an_ip_address(
    settings, site_url, expected
):
    settings.SITE_URL = site_url

    assert relying_party() == expected


def make_passkey(user):
    """A stored passkey (its key is never used here: no ceremony runs)."""
    return Passkey.objects.create(
        user=user, name="Laptop", credential_id="Y3JlZGVudGlhbA", public_key=b"key"
    )


def test_password_alone_sends_an_account_with_a_passkey_to_confirm_with_it(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.SITE_URL = "http://localhost:8000"
    make_passkey(make_old_account("root", is_superuser=True))

    signed_in = login(client, "root")
    blocked = queue(client)
    page = client.get(signed_in["Location"])

    assert signed_in["Location"] == f"{reverse('admin:two_factor_verify')}?next=%2Fadmin%2F"
    assert blocked.status_code == 302
    assert page.status_code == 200
    options = page.context["passkey_authentication_options"]
    assert options["rpId"] == "localhost"
    assert [credential["id"] for credential in options["allowCredentials"]] == ["Y3JlZGVudGlhbA"]


def test_a_passkey_answer_without_its_challenge_signs_nobody_in(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.SITE_URL = "http://localhost:8000"
    make_passkey(make_old_account("root", is_superuser=True))
    login(client, "root")

    # No page gave a challenge in this session: a replayed or forged answer.
    response = client.post(
        reverse("admin:two_factor_verify"),
        {"credential": '{"id": "Y3JlZGVudGlhbA"}', "next": "/admin/"},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == [
        "That passkey did not sign you in. Try again."
    ]
    assert queue(client).status_code == 302


def test_an_account_past_its_24_hours_cannot_add_a_passkey_by_password_alone(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.SITE_URL = "http://localhost:8000"
    user = make_old_account("alex", groups=("Admissions",))
    client.force_login(user)

    response = client.post(
        reverse("admin:two_factor_add_passkey"), {"credential": "{}", "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:login")
    assert not Passkey.objects.exists()


def test_no_passkey_is_offered_where_site_url_is_an_ip_address(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    settings.SITE_URL = "http://127.0.0.1:8000"
    make_user("alex", groups=("Admissions",))
    login(client, "alex")

    page = client.get(enrol_url())

    assert page.status_code == 200
    assert "passkey_registration_options" not in page.context
    assert "Create a passkey" not in page.content.decode()
