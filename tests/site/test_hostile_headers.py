"""Hostile request headers, cookies and query values at the public pages and the admin
sign-in page: a clear answer (200, or 400 for a Host the site does not serve), never a
500; and the 400 and 500 pages carry the same security headers as every other page.

Some of these values (a NUL or a newline in a header) never get past gunicorn, which
refuses them; the site must not depend on that, so they are sent here as they are.
"""

import re
from urllib.parse import urlencode

import pytest
from csp.utils import build_policy
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client

from admissions.middleware import COOKIE_NAME, COOKIE_SALT, read_attribution
from admissions.models import Inquiry
from tests.admissions.helpers import inquiry_data

pytestmark = pytest.mark.django_db

PATHS = ["/", "/schedule/", "/contact/", "/admin/login/"]
ALL_OK = dict.fromkeys(PATHS, 200)
ALL_BAD_REQUEST = dict.fromkeys(PATHS, 400)
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
)
FAILING_MIDDLEWARE = "tests.site.test_hostile_headers.FailingMiddleware"


class FailingMiddleware:
    """A middleware with a bug: it raises before any layer inside it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise RuntimeError("database password is hunter2")


@pytest.fixture
def visitor(db, settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_RATE_LIMIT = 10_000
    call_command("load_demo_content", verbosity=0)
    return Client(raise_request_exception=False)


def statuses(client, **headers):
    return {path: client.get(path, **headers).status_code for path in PATHS}


def security_headers(response):
    return {name: response.get(name) for name in SECURITY_HEADERS}


def expected_security_headers():
    return {
        "Content-Security-Policy": build_policy(),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }


def attribution_cookie(response, rf):
    """What the inquiry form would read from the attribution cookie `response` set."""
    request = rf.get("/")
    request.COOKIES[COOKIE_NAME] = response.cookies[COOKIE_NAME].value
    return read_attribution(request)


# --- Headers and cookies that change nothing: every page answers as usual ---------------

ODD_HEADERS = {
    "referer-bad-ipv6": {"HTTP_REFERER": "http://[zz]/"},
    "referer-open-bracket": {"HTTP_REFERER": "http://[::1/"},
    "referer-bad-port": {"HTTP_REFERER": "https://evil.example:port/"},
    "referer-no-host": {"HTTP_REFERER": "http://"},
    "referer-script": {"HTTP_REFERER": "javascript:alert(1)"},
    "referer-huge": {"HTTP_REFERER": "https://evil.example/" + "a" * 10_000},
    "referer-controls": {"HTTP_REFERER": "https://evil.example/\x00\x1b[31m"},
    "referer-latin1": {"HTTP_REFERER": "https://\xff\xfe.example/"},
    "request-id-newline": {"HTTP_X_REQUEST_ID": "abcdefgh\n"},
    "request-id-header-injection": {"HTTP_X_REQUEST_ID": "abcdefgh\r\nSet-Cookie: a=b"},
    "request-id-huge": {"HTTP_X_REQUEST_ID": "a" * 10_000},
    "accept-encoding-refused-gzip": {"HTTP_ACCEPT_ENCODING": "gzip;q=0"},
    "accept-encoding-garbage": {"HTTP_ACCEPT_ENCODING": ",,;;;q=x" * 1000},
    "accept-encoding-latin1": {"HTTP_ACCEPT_ENCODING": "\xff\xfe"},
    "accept-language-garbage": {"HTTP_ACCEPT_LANGUAGE": "zz-" * 1000 + ";q=abc"},
    "if-modified-since-garbage": {"HTTP_IF_MODIFIED_SINCE": "Sat, 99 Foo 9999 99:99:99 GMT"},
    "if-none-match-garbage": {"HTTP_IF_NONE_MATCH": '"' * 101},
    "range-garbage": {"HTTP_RANGE": "bytes=9-1,-,--," + "0-1," * 1000},
    "forwarded-proto-garbage": {"HTTP_X_FORWARDED_PROTO": "https, http\x00"},
    "forwarded-host": {"HTTP_X_FORWARDED_HOST": "evil.example"},
    "cookie-attribution-garbage": {"HTTP_COOKIE": f"{COOKIE_NAME}=garbage"},
    "cookie-attribution-colons": {"HTTP_COOKIE": f"{COOKIE_NAME}=a:b:c"},
    "cookie-attribution-quoted": {"HTTP_COOKIE": f'{COOKIE_NAME}="\\"{{}}\\""'},
    "cookie-session-huge": {"HTTP_COOKIE": "sessionid=" + "a" * 5000},
    "cookie-session-path": {"HTTP_COOKIE": "sessionid=../../../etc/passwd"},
    "cookie-session-nul": {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijkl"},
    "cookie-session-latin1": {"HTTP_COOKIE": "sessionid=" + "\xe9" * 32},
    "cookie-csrf-garbage": {"HTTP_COOKIE": "csrftoken=<script>alert(1)</script>"},
    "cookie-csrf-wrong-length": {"HTTP_COOKIE": "csrftoken=" + "a" * 63},
    "cookie-header-broken": {"HTTP_COOKIE": '";;;=;"=\\; ' + "=" * 100},
    "cookie-header-many": {"HTTP_COOKIE": "a=b; " * 2000},
    "charset-unknown": {"CONTENT_TYPE": "text/plain; charset=no-such-charset"},
    "charset-utf16": {"CONTENT_TYPE": "text/plain; charset=utf-16"},
    "content-type-garbage": {"CONTENT_TYPE": ";;;===;charset"},
}


@pytest.mark.parametrize("headers", ODD_HEADERS.values(), ids=ODD_HEADERS.keys())
def test_odd_header_or_cookie_gets_the_usual_page(visitor, headers):
    # With a query string: the attribution cookie reads it.
    cold = statuses(visitor, QUERY_STRING="utm_source=spring", **headers)
    # Again, now that the content pages come from the page cache.
    warm = statuses(visitor, QUERY_STRING="utm_source=spring", **headers)

    assert cold == ALL_OK
    assert warm == ALL_OK


@pytest.mark.parametrize(
    "referer", ["http://[zz]/", "http://[::1/", "http://evil.example]/", "http://[1::2::3]:80/"]
)
def test_unreadable_referer_is_no_referrer(visitor, referer):
    response = visitor.get("/contact/", HTTP_REFERER=referer)

    assert response.status_code == 200
    assert COOKIE_NAME not in response.cookies


def test_referer_is_kept_without_credentials(visitor, rf):
    response = visitor.get("/contact/", HTTP_REFERER="https://user:secret@Evil.Example/p?q=1")

    assert attribution_cookie(response, rf) == {
        "referrer": "https://evil.example/p",
        "landing_page": "/contact/",
    }


def test_referer_from_this_site_on_an_ipv6_address_is_not_external(visitor, settings):
    settings.ALLOWED_HOSTS = ["[::1]"]

    response = visitor.get("/contact/", HTTP_HOST="[::1]:8000", HTTP_REFERER="http://[::1]:8000/")

    assert response.status_code == 200
    assert COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "incoming", ["abcdefgh\n", "abcdefgh\r\nSet-Cookie: a=b", "<script>", "a" * 65, "short"]
)
def test_request_id_that_is_not_an_id_is_replaced(visitor, incoming):
    response = visitor.get("/", HTTP_X_REQUEST_ID=incoming)

    assert response.status_code == 200
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_request_id_from_the_proxy_is_kept(visitor):
    response = visitor.get("/", HTTP_X_REQUEST_ID="proxy-id.1234")

    assert response["X-Request-ID"] == "proxy-id.1234"


# The query -> the campaign values the attribution cookie keeps (none: no cookie).
HOSTILE_QUERIES = {
    "raw-non-utf8-bytes": ("utm_source=\xff\xfe\x00", {"utm_source": "\xff\xfe"}),
    "invalid-percent": ("utm_source=%zz%&utm_medium=%", {"utm_source": "%zz%", "utm_medium": "%"}),
    "nul-and-controls": ("utm_source=a%00b%1b%07c", {"utm_source": "a b c"}),
    "bidi-overrides-only": ("utm_campaign=" + "%E2%80%AE" * 2000, None),
    "lone-surrogate": ("utm_term=%ED%A0%80", {"utm_term": "\ufffd" * 3}),
    "repeated-keys": ("utm_source=a&utm_source=b&" * 200, {"utm_source": "b"}),
}


@pytest.mark.parametrize(("query", "kept"), HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_hostile_utm_values_give_the_usual_page_and_only_printable_text(visitor, rf, query, kept):
    landing = visitor.get("/contact/", QUERY_STRING=query)
    pages = statuses(Client(raise_request_exception=False), QUERY_STRING=query)

    assert pages == ALL_OK
    if kept is None:
        assert COOKIE_NAME not in landing.cookies
    else:
        assert attribution_cookie(landing, rf) == {**kept, "landing_page": "/contact/"}


@pytest.mark.parametrize("behind_proxy", [True, False], ids=["behind-proxy", "direct"])
@pytest.mark.parametrize(
    "forwarded_for",
    [
        "",
        ",",
        "<script>",
        "999.0.0.1",
        "1.2.3.4:80",
        "1.2.3.4, fe80::1%<script>",
        "1.2.3.4,\x00",
        "a" * 10_000,
        ", ".join(["1.2.3.4"] * 1000),
    ],
)
def test_forwarded_for_garbage_changes_no_answer(visitor, settings, behind_proxy, forwarded_for):
    settings.BEHIND_PROXY = behind_proxy
    if behind_proxy:
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for, "HTTP_X_FORWARDED_PROTO": "https,\x00"}

    pages = statuses(visitor, **headers)
    sign_in = visitor.post("/admin/login/", {"username": "x", "password": "y"}, **headers)
    inquiry = visitor.post("/contact/", inquiry_data(), follow=True, **headers)

    assert pages == ALL_OK
    assert sign_in.status_code == 200
    assert inquiry.status_code == 200
    assert Inquiry.objects.count() == 1


# Signed with the site's key, so only the site (an older release, say) could have set them.
SIGNED_ATTRIBUTION = {
    "not-json": ("{", ""),
    "a-list": ("[1, 2]", ""),
    "wrong-types": ('{"utm_source": 5, "referrer": ["x"], "landing_page": null}', ""),
    "unknown-keys": ('{"status": "closed", "__proto__": "x"}', ""),
    "controls-and-huge": ('{"referrer": "\\u0000\\u202e' + "a" * 5000 + '"}', "a" * 300),
}


@pytest.mark.parametrize(
    ("value", "referrer"), SIGNED_ATTRIBUTION.values(), ids=SIGNED_ATTRIBUTION.keys()
)
def test_odd_content_in_a_signed_attribution_cookie_is_read_safely(visitor, value, referrer):
    signed = HttpResponse()
    signed.set_signed_cookie(COOKIE_NAME, value, salt=COOKIE_SALT)
    visitor.cookies[COOKIE_NAME] = signed.cookies[COOKIE_NAME].value

    response = visitor.post("/contact/", inquiry_data(), follow=True)

    inquiry = Inquiry.objects.get()
    assert response.status_code == 200
    assert (inquiry.utm_source, inquiry.referrer) == ("", referrer)


@pytest.mark.parametrize(
    ("headers", "status", "stored"),
    [
        ({"CONTENT_TYPE": "application/x-www-form-urlencoded; charset=latin-1"}, 400, 0),
        ({"CONTENT_LENGTH": "-1"}, 200, 0),
        ({"CONTENT_LENGTH": "99999999999999999999"}, 400, 0),
        ({"CONTENT_TYPE": "multipart/form-data"}, 400, 0),
        ({"CONTENT_TYPE": "multipart/form-data; boundary=\x00"}, 400, 0),
    ],
    ids=["charset-not-utf8", "negative-length", "huge-length", "no-boundary", "nul-boundary"],
)
def test_inquiry_post_with_odd_content_headers_gets_a_clear_answer(
    visitor, headers, status, stored
):
    content_type = headers.pop("CONTENT_TYPE", "application/x-www-form-urlencoded")

    response = visitor.generic(
        "POST", "/contact/", urlencode(inquiry_data()), content_type, follow=True, **headers
    )

    assert response.status_code == status
    assert security_headers(response) == expected_security_headers()
    assert Inquiry.objects.count() == stored


# --- A Host the site does not serve: 400, with the security headers ----------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "[zz]",
        "",
        "testserver:port",
        "testserver\x00",
        "evil.example, testserver",
        "a" * 10_000,
    ],
)
def test_unknown_host_is_a_bad_request_even_for_a_cached_page(visitor, host):
    statuses(visitor)  # the content pages are now in the page cache

    responses = {path: visitor.get(path, HTTP_HOST=host) for path in PATHS}

    assert {path: response.status_code for path, response in responses.items()} == ALL_BAD_REQUEST
    for response in responses.values():
        assert security_headers(response) == expected_security_headers()
        assert "Something was wrong with that request" in response.content.decode()


def test_unknown_host_refused_by_the_https_redirect_has_the_security_headers(visitor, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = visitor.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert security_headers(response) == expected_security_headers()


def test_too_many_query_fields_is_a_bad_request_with_the_security_headers(visitor):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS; the attribution cookie,
    # outside the layers that add these headers, is what reads the query here.
    response = visitor.get("/schedule/", QUERY_STRING="&".join(["a=1"] * 1001))

    assert response.status_code == 400
    assert security_headers(response) == expected_security_headers()


# --- 500 pages: the same headers wherever the error happened -----------------------------


def test_error_in_a_view_is_a_500_with_the_security_headers(visitor, settings):
    settings.ROOT_URLCONF = "tests.broken_urls"

    response = visitor.get("/boom/")

    assert response.status_code == 500
    assert security_headers(response) == expected_security_headers()


@pytest.mark.parametrize(
    "outside_of",
    ["django.middleware.security.SecurityMiddleware", "csp.middleware.CSPMiddleware"],
)
def test_error_in_an_outer_middleware_is_a_500_with_the_security_headers(
    visitor, settings, outside_of
):
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(outside_of), FAILING_MIDDLEWARE)
    settings.MIDDLEWARE = middleware

    response = Client(raise_request_exception=False).get("/")

    html = response.content.decode()
    assert response.status_code == 500
    assert security_headers(response) == expected_security_headers()
    assert "Something went wrong on our side" in html
    assert "hunter2" not in html


def test_error_page_headers_follow_the_settings_as_the_middlewares_do(visitor, settings):
    settings.X_FRAME_OPTIONS = "SAMEORIGIN"
    settings.SECURE_REFERRER_POLICY = ["no-referrer", "strict-origin"]

    page = visitor.get("/")
    missing = visitor.get("/no-such-page/")

    assert missing.status_code == 404
    assert security_headers(missing) == security_headers(page)
    assert missing["X-Frame-Options"] == "SAMEORIGIN"
    assert missing["Referrer-Policy"] == "no-referrer,strict-origin"
