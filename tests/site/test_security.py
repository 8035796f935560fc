"""Security headers, staff sign-in (lockout, idle sessions), passwords. Two-factor sign-in:
test_two_factor.py."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password 123"


@pytest.mark.parametrize("path", ["/", "/contact/", "/no-such-page/", "/admin/login/"])
def test_security_headers_on_public_and_admin_pages(client, path):
    response = client.get(path)

    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp
    assert "http" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def login(client, username, password=PASSWORD, otp_token=""):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "otp_token": otp_token, "next": "/admin/"},
    )


def test_staff_login_locks_after_repeated_failures(client, settings):
    make_user("dana")

    failures = [login(client, "dana", password="wrong password").status_code for _ in range(5)]
    locked = login(client, "dana")

    # The fifth failure (AXES_FAILURE_LIMIT) locks; then even the right password is refused.
    assert failures == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "sign-in is paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_login_succeeds_and_the_session_ends_with_the_browser(client):
    make_user("dana")

    response = login(client, "dana")
    index = client.get("/admin/")

    assert response.status_code == 302
    assert index.status_code == 200
    assert client.session.get_expire_at_browser_close() is True


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_staff_login_with_a_refused_next_goes_to_the_admin_index(client, next_url):
    make_user("dana")

    response = client.post(
        f"{reverse('admin:login')}?{urlencode({'next': next_url})}",
        {"username": "dana", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_csrf_cookie_of_the_staff_login_page_lasts_a_day_at_most(client):
    response = client.get(reverse("admin:login"))

    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert 0 < int(cookie["max-age"]) <= 24 * 60 * 60


@pytest.mark.parametrize("password", ["short1", "password1234", "123456789012345"])
def test_weak_staff_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
