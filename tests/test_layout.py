"""The shared layout, static files and error pages."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.html import parse, third_party_loads

pytestmark = pytest.mark.django_db


def test_home_page_renders_shared_layout(client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    page = parse(html)
    assert len(page.h1_texts) == 1
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main" tabindex="-1">' in html
    assert "<header" in html
    assert "<nav" in html
    assert "<footer" in html
    assert 'href="tel:+15550100199"' in html
    assert reverse("admissions:inquiry") in page.links


def test_every_page_carries_the_safety_notice(client):
    html = client.get("/").content.decode()

    assert 'href="tel:911"' in html
    assert 'href="tel:988"' in html
    assert "1-800-662-4357" in html
    assert "1-800-487-4889" in html


def test_home_page_loads_nothing_from_another_origin(client):
    html = client.get("/").content.decode()

    assert third_party_loads(html) == []
    assert all(url.startswith("/static/") for url in parse(html).loads)


def test_static_files_are_served_by_whitenoise_with_hashed_names(client, settings):
    settings.DEBUG = False
    stylesheet = next(url for url in parse(client.get("/").content.decode()).loads if ".css" in url)

    response = Client().get(stylesheet, HTTP_ACCEPT_ENCODING="br, gzip")
    body = b"".join(response.streaming_content)
    response.close()

    assert stylesheet.startswith("/static/css/site.")
    assert stylesheet.endswith(".css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response["Content-Encoding"] == "br"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert 0 < len(body) < 20_000


@pytest.mark.parametrize(
    ("status", "title"),
    [
        (400, "Something was wrong with that request"),
        (403, "You do not have access to this page"),
        (404, "We could not find that page"),
        (500, "Something went wrong on our side"),
    ],
)
def test_error_pages_show_phone_and_no_internal_detail(status, title):
    from iop_site import views

    handler = {
        400: views.bad_request,
        403: views.permission_denied,
        404: views.page_not_found,
        500: views.server_error,
    }[status]

    response = handler(None) if status == 500 else handler(None, Exception("secret detail"))

    html = response.content.decode()
    assert response.status_code == status
    assert parse(html).h1_texts == [title]
    assert 'href="tel:+15550100199"' in html
    assert 'href="tel:988"' in html
    assert "secret detail" not in html
    assert "Traceback" not in html


def test_unknown_url_gets_custom_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_server_error_shows_custom_500_without_detail(client, settings):
    settings.ROOT_URLCONF = "tests.broken_urls"
    client.raise_request_exception = False

    response = client.get("/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "hunter2" not in html


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
