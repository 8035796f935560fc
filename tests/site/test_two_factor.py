"""Two-factor sign-in for staff: who must give a second factor, and how they give it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from iop_site.admin import can_view_inquiry_data, inquiry_data_permissions
from tests.factories import make_user

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
    superuser = make_user("root", is_superuser=True)

    refused = login(client, "root")
    client.force_login(superuser)  # a session signed in by password alone
    response = queue(client)

    assert refused.status_code == 200
    assert errors_of(refused) == [
        "Your account needs two-factor sign-in but has no authenticator app set up. "
        "Ask a superuser to set one up for you."
    ]
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_user_given_view_inquiry_directly_is_refused_the_queue_without_a_device(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user("casey")
    grant(user, "admissions.view_inquiry")

    refused = login(client, "casey")
    client.force_login(user)
    response = queue(client)

    assert errors_of(refused) == [
        "Your account needs two-factor sign-in but has no authenticator app set up. "
        "Ask a superuser to set one up for you."
    ]
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
