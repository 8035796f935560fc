"""English at the site's addresses, Spanish under /es/: the language comes from the path
alone (iop_site/languages.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from admissions.models import Inquiry
from programs import cache as page_cache
from programs.middleware import is_content_page
from programs.models import Page
from tests.factories import make_clinic_settings, make_page
from tests.html import parse

pytestmark = pytest.mark.django_db

ENGLISH_FORM = "/contact/"
SPANISH_FORM = "/es/contacto/"


def html_lang(response):
    return next(attrs for tag, attrs in parse(response.content.decode()).tags if tag == "html")[
        "lang"
    ]


def alternates(response):
    return {
        attrs["hreflang"]: attrs["href"]
        for tag, attrs in parse(response.content.decode()).tags
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs
    }


def language_switch(response):
    return [
        attrs
        for tag, attrs in parse(response.content.decode()).tags
        if tag == "a" and attrs.get("class") == "language-switch"
    ]


@pytest.fixture
def site():
    make_clinic_settings()
    make_page("home", layout=Page.Layout.HOME, title="Home", show_in_nav=False)
    make_page("privacy", title="Privacy notice", show_in_nav=False)


def test_form_address_in_each_language():
    assert reverse("admissions:inquiry") == ENGLISH_FORM
    with translation.override("es"):
        assert reverse("admissions:inquiry") == SPANISH_FORM


@pytest.mark.parametrize(("path", "lang"), [(ENGLISH_FORM, "en"), (SPANISH_FORM, "es")])
def test_form_page_says_its_language(client, site, path, lang):
    response = client.get(path)

    assert response.status_code == 200
    assert html_lang(response) == lang
    assert response["Content-Language"] == lang


@pytest.mark.parametrize("path", ["/es/contact/", "/contacto/", "/en/contact/", "/es-mx/contacto/"])
def test_only_the_two_form_addresses_exist(client, site, path):
    assert client.get(path).status_code == 404


def test_spanish_address_that_does_not_exist_is_not_found_in_spanish(client, site):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    assert html_lang(response) == "es"
    assert parse(response.content.decode()).h1_texts == ["No encontramos esa página"]


@pytest.mark.parametrize("path", [ENGLISH_FORM, SPANISH_FORM])
def test_form_page_lists_both_languages_and_english_as_default(client, site, settings, path):
    response = client.get(path)

    assert alternates(response) == {
        "en": settings.SITE_URL + ENGLISH_FORM,
        "es": settings.SITE_URL + SPANISH_FORM,
        "x-default": settings.SITE_URL + ENGLISH_FORM,
    }


@pytest.mark.parametrize(
    ("path", "href", "lang", "text"),
    [(ENGLISH_FORM, SPANISH_FORM, "es", "Español"), (SPANISH_FORM, ENGLISH_FORM, "en", "English")],
)
def test_language_switch_links_to_the_same_page_in_the_other_language(
    client, site, path, href, lang, text
):
    response = client.get(path)

    [switch] = language_switch(response)
    assert (switch["href"], switch["hreflang"], switch["lang"]) == (href, lang, lang)
    html = response.content.decode()
    assert f">{text}</a>" in html


def test_pages_without_a_spanish_version_offer_none(client, site):
    response = client.get("/")

    assert response.status_code == 200
    assert alternates(response) == {}
    assert language_switch(response) == []


@pytest.mark.parametrize("path", [ENGLISH_FORM, SPANISH_FORM, "/", "/es/equipo/"])
def test_no_response_varies_on_accept_language_or_sets_a_language_cookie(client, site, path):
    response = client.get(path, headers={"accept-language": "es-MX,es;q=0.9"})

    assert "accept-language" not in response.get("Vary", "").lower()
    assert "django_language" not in response.cookies
    assert not [name for name in response.cookies if "lang" in name.lower()]


def test_language_is_never_read_from_header_or_cookie(client, site, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    response = client.get(ENGLISH_FORM, headers={"accept-language": "es"})

    assert html_lang(response) == "en"
    assert parse(response.content.decode()).h1_texts == ["Contact admissions"]


def test_a_spanish_request_leaves_no_language_behind_for_the_next(client, site):
    client.get(SPANISH_FORM)

    assert translation.get_language() == "en"
    assert html_lang(client.get(ENGLISH_FORM)) == "en"


def test_page_cache_knows_content_pages_by_their_path_alone():
    is_content_page.cache_clear()
    with translation.override("es"):
        assert is_content_page("/team/") is True
    assert is_content_page("/es/contacto/") is False
    assert is_content_page("/contact/") is False


@pytest.fixture
def content_in_spanish_too():
    """The content pages are under /es/ as well: the page cache must keep them apart
    from the English ones. Starts with no page remembered from another test."""
    is_content_page.cache_clear()
    page_cache.recent_pages.entries.clear()
    yield
    is_content_page.cache_clear()


def test_page_cache_serves_spanish_pages_like_english_ones(site, content_in_spanish_too):
    client = Client()

    english_first, english_again = client.get("/"), client.get("/")
    spanish_first, spanish_again = client.get("/es/"), client.get("/es/")

    assert [english_first["X-Page-Cache"], english_again["X-Page-Cache"]] == ["miss", "hit"]
    assert [spanish_first["X-Page-Cache"], spanish_again["X-Page-Cache"]] == ["miss", "hit"]
    assert [html_lang(english_again), html_lang(spanish_again)] == ["en", "es"]
    assert spanish_again.content == spanish_first.content


def test_inquiry_languages_are_the_site_languages(settings):
    assert Inquiry.Language.values == [code for code, _name in settings.LANGUAGES]


def test_spanish_form_costs_the_queries_of_the_english_one(client, site):
    client.get(ENGLISH_FORM)
    client.get(SPANISH_FORM)  # both fragments cached, as for every visitor after the first
    with CaptureQueriesContext(connection) as english:
        client.get(ENGLISH_FORM)
    with CaptureQueriesContext(connection) as spanish:
        client.get(SPANISH_FORM)

    assert len(spanish.captured_queries) == len(english.captured_queries)
