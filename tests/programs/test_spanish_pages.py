"""Content pages in Spanish, from a visitor's and a search engine's side: Spanish
addresses, the language switch, hreflang alternates in the head and the sitemap, and a
Spanish version that is missing (programs/translation.py, iop_site/languages.py)."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from programs import cache as page_cache
from programs.middleware import is_content_page
from programs.models import Page
from tests.factories import make_clinic_settings, make_page
from tests.html import page_of, parse
from tests.programs.factories import make_article, make_topic

pytestmark = pytest.mark.django_db

SITE = "https://clinic.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    make_clinic_settings()
    is_content_page.cache_clear()
    page_cache.recent_pages.entries.clear()


def spanish(page, **texts):
    for name, value in texts.items():
        setattr(page, f"{name}_es", value)
    page.save()
    return page


def make_schedule():
    page = make_page(
        "schedule", title="Program schedule", body="Three evenings a week.", layout="schedule"
    )
    return spanish(
        page, title="Horario del programa", slug="horario", body="Tres noches por semana."
    )


def tags(response, name):
    return [attrs for tag, attrs in parse(response.content.decode()).tags if tag == name]


def html_lang(response):
    return tags(response, "html")[0]["lang"]


def alternates(response):
    return {
        attrs["hreflang"]: attrs["href"]
        for attrs in tags(response, "link")
        if attrs.get("rel") == "alternate" and "hreflang" in attrs
    }


def canonical(response):
    return next(
        attrs["href"] for attrs in tags(response, "link") if attrs.get("rel") == "canonical"
    )


def switch(response):
    return [attrs for attrs in tags(response, "a") if attrs.get("class") == "language-switch"]


def robots(response):
    return [attrs["content"] for attrs in tags(response, "meta") if attrs.get("name") == "robots"]


def test_a_translated_page_is_at_its_spanish_address_in_spanish(client):
    make_schedule()

    response = client.get("/es/horario/")

    assert response.status_code == 200
    assert html_lang(response) == "es"
    assert parse(response.content.decode()).h1_texts == ["Horario del programa"]
    assert "Tres noches por semana." in response.content.decode()
    assert canonical(response) == f"{SITE}/es/horario/"
    assert robots(response) == []


@pytest.mark.parametrize("path", ["/schedule/", "/es/horario/"])
def test_both_versions_list_each_other_and_english_as_default(client, path):
    make_schedule()

    assert alternates(client.get(path)) == {
        "en": f"{SITE}/schedule/",
        "es": f"{SITE}/es/horario/",
        "x-default": f"{SITE}/schedule/",
    }


@pytest.mark.parametrize(
    ("path", "href", "lang"),
    [("/schedule/", "/es/horario/", "es"), ("/es/horario/", "/schedule/", "en")],
)
def test_the_switch_links_to_the_same_page_in_the_other_language(client, path, href, lang):
    make_schedule()

    [link] = switch(client.get(path))

    assert (link["href"], link["hreflang"], link["lang"]) == (href, lang, lang)


def test_the_english_address_under_es_moves_to_the_spanish_one(client):
    make_schedule()

    response = client.get("/es/schedule/")

    assert response.status_code == 301
    assert response["Location"] == "/es/horario/"


def test_the_spanish_menu_links_to_spanish_addresses(client):
    make_schedule()
    make_page("home", layout=Page.Layout.HOME, title="Home", show_in_nav=False)

    html = client.get("/es/horario/").content.decode()

    assert 'href="/es/horario/"' in html
    assert 'href="/es/articulos/"' in html


def test_a_missing_spanish_version_shows_the_english_marked_with_a_note(client):
    make_page("about-us", title="About us", body="We run an evening program.")

    response = client.get("/es/about-us/")

    assert response.status_code == 200
    assert html_lang(response) == "es"
    page = page_of(response)
    [article] = page.find_all("article")
    assert article.attrs["lang"] == "en"
    assert "We run an evening program." in article.text()
    assert page.find(class_="untranslated-note").text() == (
        "Esta página todavía no está disponible en español. Se la mostramos en inglés."
    )
    assert robots(response) == ["noindex"]
    assert alternates(response) == {}
    # The way back to the original; the English page offers no Spanish version.
    assert [link["href"] for link in switch(response)] == ["/about-us/"]
    english = client.get("/about-us/")
    assert switch(english) == []
    assert alternates(english) == {}


def test_a_missing_spanish_article_shows_the_english_marked_with_a_note(client):
    make_article("sleep", title="Sleep in early recovery", body="Sleep comes back slowly.")

    response = client.get("/es/articulos/sleep/")

    assert response.status_code == 200
    assert html_lang(response) == "es"
    page = page_of(response)
    [article] = page.find_all("article")
    assert article.attrs["lang"] == "en"
    assert "Sleep comes back slowly." in article.text()
    assert page.find(class_="untranslated-note").text() == (
        "Esta página todavía no está disponible en español. Se la mostramos en inglés."
    )
    assert robots(response) == ["noindex"]
    assert alternates(response) == {}
    assert [link["href"] for link in switch(response)] == ["/articles/sleep/"]


def test_a_translated_page_has_no_note_and_no_english_mark(client):
    make_schedule()

    page = page_of(client.get("/es/horario/"))

    assert page.find_all(class_="untranslated-note") == []
    assert "lang" not in page.find("article").attrs


def test_a_spanish_article_is_in_the_spanish_library(client):
    article = make_article("sleep", title="Sleep in early recovery")
    article.title_es, article.slug_es = "Dormir al principio de la recuperación", "dormir"
    article.summary_es, article.body_es = "Por qué cuesta dormir.", "El sueño vuelve poco a poco."
    article.save()

    response = client.get("/es/articulos/dormir/")

    assert response.status_code == 200
    assert parse(response.content.decode()).h1_texts == ["Dormir al principio de la recuperación"]
    assert alternates(response) == {
        "en": f"{SITE}/articles/sleep/",
        "es": f"{SITE}/es/articulos/dormir/",
        "x-default": f"{SITE}/articles/sleep/",
    }
    library = client.get("/es/articulos/").content.decode()
    assert 'href="/es/articulos/dormir/"' in library


def test_a_topic_in_spanish_is_at_its_spanish_address(client):
    topic = make_topic()
    topic.name_es, topic.slug_es = "Familias", "familias"
    topic.save()
    article = make_article("sleep")
    article.topics.add(topic)

    response = client.get("/es/articulos/tema/familias/")

    assert response.status_code == 200
    assert alternates(response)["es"] == f"{SITE}/es/articulos/tema/familias/"
    assert alternates(response)["en"] == f"{SITE}/articles/topic/{topic.slug_en}/"


def sitemap(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }


def test_the_sitemap_lists_each_language_with_its_alternates(client):
    make_schedule()
    make_page("about-us", title="About us")

    urls = sitemap(client)

    both = {
        "en": f"{SITE}/schedule/",
        "es": f"{SITE}/es/horario/",
        "x-default": f"{SITE}/schedule/",
    }
    assert urls[f"{SITE}/schedule/"] == both
    assert urls[f"{SITE}/es/horario/"] == both
    # Not translated: no Spanish address listed, none offered as an alternate.
    assert urls[f"{SITE}/about-us/"] == {
        "en": f"{SITE}/about-us/",
        "x-default": f"{SITE}/about-us/",
    }
    assert f"{SITE}/es/about-us/" not in urls


def test_the_page_cache_keeps_spanish_pages_like_english_ones(client):
    make_schedule()
    visitor = Client()
    visitor.get("/schedule/")
    visitor.get("/es/horario/")

    with CaptureQueriesContext(connection) as english:
        english_again = visitor.get("/schedule/")
    with CaptureQueriesContext(connection) as spanish_queries:
        spanish_again = visitor.get("/es/horario/")

    assert english_again["X-Page-Cache"] == "hit"
    assert spanish_again["X-Page-Cache"] == "hit"
    assert len(spanish_queries) == len(english)
    assert html_lang(spanish_again) == "es"
