"""The staff sign-in lockout: per user name and address, with the address the whole site
trusts (iop_site/addresses.py), so a stranger's wrong passwords never lock staff out; and
a user name guessed at from many addresses slows those addresses down, never its owner."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password 123"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


@pytest.fixture
def lockout_settings(settings):
    settings.BEHIND_PROXY = True
    settings.STAFF_LOGIN_FAILURE_LIMIT = 5
    settings.STAFF_LOGIN_USERNAME_FAILURE_LIMIT = 20
    settings.STAFF_LOGIN_RETRY_MINUTES = 10
    return settings


def sign_in(browser, username, *, at, password=PASSWORD, otp_token="", claimed="", remote=PROXY):
    """Send the staff login form from a browser at address `at`, reaching the site
    through the proxy at `remote`, which appends `at` to whatever X-Forwarded-For the
    browser `claimed`."""
    forwarded = f"{claimed}, {at}" if claimed else at
    return browser.post(
        reverse("admin:login"),
        {
            "username": username,
            "password": password,
            "otp_token": otp_token,
            "next": reverse("admin:index"),
        },
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def guess_from_many_addresses(username, failures, per_address=2):
    """`failures` wrong passwords for `username`, `per_address` from each address, so no
    address reaches the per-address limit. Returns the addresses used and the statuses."""
    addresses = [f"203.0.113.{number // per_address + 1}" for number in range(failures)]
    statuses = [
        sign_in(Client(), username, at=address, password="wrong password").status_code
        for address in addresses
    ]
    return sorted(set(addresses)), statuses


def make_two_factor_user(settings, username="alex"):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user(username, groups=("Admissions",))
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def test_lockout_behind_proxy_locks_the_attackers_address_not_the_owner(lockout_settings):
    _user, device = make_two_factor_user(lockout_settings)
    attacker, owner = Client(), Client()
    code = f"{totp(device.bin_key):06d}"

    failures = [
        sign_in(attacker, "alex", at=ATTACKER, password="wrong password").status_code
        for _ in range(5)
    ]
    # Even the right password and code are refused at the attacker's address...
    attacker_with_password = sign_in(attacker, "alex", at=ATTACKER, otp_token=code)
    # ...while the owner, elsewhere, signs in.
    owner_signs_in = sign_in(owner, "alex", at=OWNER, otp_token=code)

    assert failures == [200, 200, 200, 200, 429]
    assert attacker_with_password.status_code == 429
    assert "_auth_user_id" not in attacker.session
    assert owner_signs_in.status_code == 302
    assert owner_signs_in["Location"] == reverse("admin:index")
    assert owner.get(reverse("admin:index")).status_code == 200


def test_lockout_behind_proxy_counts_the_hop_the_proxy_appended(lockout_settings):
    make_user("dana")

    # The client claims to be someone else; only the address the proxy saw counts.
    for claimed in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        sign_in(Client(), "dana", at=ATTACKER, password="wrong password", claimed=claimed)

    attempts = list(AccessAttempt.objects.values_list("username", "ip_address"))
    assert attempts == [("dana", ATTACKER)]
    assert AccessAttempt.objects.get().failures_since_start == 3


def test_lockout_without_proxy_never_trusts_a_forwarded_header(lockout_settings):
    lockout_settings.BEHIND_PROXY = False
    make_user("dana")

    # A different made-up X-Forwarded-For on every try does not escape the lockout.
    statuses = [
        sign_in(
            Client(), "dana", at=f"192.0.2.{number}", password="wrong password", remote=ATTACKER
        ).status_code
        for number in range(5)
    ]
    with_password = sign_in(Client(), "dana", at="192.0.2.99", remote=ATTACKER)

    assert statuses == [200, 200, 200, 200, 429]
    assert with_password.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]


def test_guessing_from_many_addresses_makes_each_failed_address_wait(lockout_settings):
    make_user("dana")

    addresses, statuses = guess_from_many_addresses("dana", failures=20)
    first = addresses[0]
    refused = sign_in(Client(), "dana", at=first)
    # The address waited out STAFF_LOGIN_RETRY_MINUTES; the user name is still under attack.
    AccessAttempt.objects.filter(ip_address=first).update(
        attempt_time=F("attempt_time") - timedelta(minutes=11)
    )
    after_waiting = sign_in(Client(), "dana", at=first)

    # The twentieth failure for the user name slows down the address that made it.
    assert statuses == [200] * 19 + [429]
    assert len(addresses) == 10
    assert refused.status_code == 429
    assert after_waiting.status_code == 302


def test_guessing_from_many_addresses_never_stops_the_owner_at_a_clean_address(
    lockout_settings,
):
    _user, device = make_two_factor_user(lockout_settings)
    code = f"{totp(device.bin_key):06d}"
    owner = Client()

    addresses, _statuses = guess_from_many_addresses("alex", failures=30)
    attacker_with_password = sign_in(Client(), "alex", at=addresses[0], otp_token=code)
    owner_signs_in = sign_in(owner, "alex", at=OWNER, otp_token=code)

    assert attacker_with_password.status_code == 429
    assert owner_signs_in.status_code == 302
    assert owner_signs_in["Location"] == reverse("admin:index")
    assert owner.get(reverse("admin:index")).status_code == 200


def test_a_few_failures_for_a_user_name_do_not_make_an_address_wait(lockout_settings):
    make_user("dana")

    addresses, statuses = guess_from_many_addresses("dana", failures=4)
    retry = sign_in(Client(), "dana", at=addresses[0])

    assert statuses == [200] * 4
    assert retry.status_code == 302
