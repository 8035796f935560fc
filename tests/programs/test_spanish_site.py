"""The demo site in Spanish (programs/demo_content_es.py): every translated page answers
in Spanish with its English counterpart as alternate, carries no English interface text,
and writes its dates in Spanish."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from programs.models import ClinicSettings, Page
from tests.html import page_of, parse
from tests.programs.test_spanish_pages import alternates, html_lang, switch
from tests.programs.test_views import DEMO_LIBRARY, DEMO_PAGES, SPANISH_DEMO_PAGES, json_ld
from tests.test_translations import interface_strings, words

pytestmark = pytest.mark.django_db

# Every Spanish page of the demo site: the translated items and the lists.
SPANISH_LISTS = {
    "/es/articulos/": "Artículos y recursos",
    "/es/equipo/": "Nuestro equipo",
}
SPANISH_FORM = "/es/contacto/"
ENGLISH_FORM = "/contact/"


@pytest.mark.parametrize(("path", "title"), SPANISH_DEMO_PAGES.items())
def test_every_translated_demo_page_answers_in_spanish_with_its_english_alternate(
    client, demo_content, settings, path, title
):
    response = client.get(path)

    assert response.status_code == 200
    assert html_lang(response) == "es"
    assert parse(response.content.decode()).h1_texts == [title]
    found = alternates(response)
    assert found["es"] == settings.SITE_URL + path
    english = found["en"].removeprefix(settings.SITE_URL)
    assert found["x-default"] == found["en"]
    assert english in {**DEMO_PAGES, **DEMO_LIBRARY}
    [link] = switch(response)
    assert link["href"] == english
    # And back: the English page's switch leads here.
    assert [link["href"] for link in switch(client.get(english))] == [path]
    assert page_of(response).find_all(class_="untranslated-note") == []


def test_the_spanish_lists_answer_in_spanish(client, demo_content):
    for path, title in SPANISH_LISTS.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_lang(response) == "es", path
        assert parse(response.content.decode()).h1_texts == [title], path


def test_no_english_interface_text_is_left_on_a_spanish_page(client, demo_content):
    strings = [(english, spanish) for english, spanish in interface_strings() if spanish]
    problems = []
    for path in [*SPANISH_DEMO_PAGES, *SPANISH_LISTS]:
        shown = words(client.get(path))
        problems += [
            f"{path}: {english!r}"
            for english, spanish in strings
            if english != spanish and english in shown and english not in spanish
        ]
    assert problems == []


def test_spanish_pages_write_dates_in_spanish(client, demo_content):
    footer = page_of(client.get("/es/horario/")).find("footer").text()
    article = page_of(client.get("/es/articulos/a-quien-le-conviene-un-iop/"))

    assert "válida hasta el 31 de mayo de 2027" in footer or "31 de mayo de 2027" in footer
    assert "May 31, 2027" not in footer
    dates = [time.text() for time in article.find("article").find_all("time")]
    assert dates != []
    assert all(" de " in date for date in dates), dates


def test_the_spanish_footer_names_the_badges_and_hours_in_spanish(client, demo_content):
    page = page_of(client.get("/es/horario/"))
    footer = page.find("footer")

    badges = [item.text() for item in footer.find_all("li", class_="badge")]
    assert badges == [
        "TJC The Joint Commission Acreditación en Atención de Salud Conductual y Servicios Humanos",
        "NAATP National Association of Addiction Treatment Providers Programa miembro",
    ]
    assert "Certificado de Aprobación" in footer.text()
    assert "de lunes a viernes" in footer.text()


def structured(client, path):
    html = client.get(path).content.decode()
    return {block["@type"]: block for block in json_ld(html)}


def test_structured_data_says_the_language_of_the_text(client, demo_content):
    spanish_page = structured(client, "/es/horario/")
    english_page = structured(client, "/schedule/")
    spanish_article = structured(client, "/es/articulos/a-quien-le-conviene-un-iop/")
    not_translated = structured(client, "/es/articulos/what-the-research-says/")

    assert spanish_page["WebPage"]["inLanguage"] == "es-US"
    assert spanish_page["WebPage"]["name"] == "Horario del programa"
    assert english_page["WebPage"]["inLanguage"] == "en-US"
    assert spanish_article["MedicalWebPage"]["inLanguage"] == "es-US"
    # Shown in English under the Spanish note: the text is English.
    assert not_translated["MedicalWebPage"]["inLanguage"] == "en-US"


def test_the_clinic_answers_in_spanish_when_a_spanish_line_is_set(client, demo_content):
    clinic = structured(client, "/")["MedicalClinic"]

    assert clinic["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "telephone": "+15550100199",
            "contactType": "admissions",
            "hoursAvailable": "Mo-Su 00:00-23:59",
            "availableLanguage": ["English", "Spanish"],
        }
    ]


def test_the_clinic_answers_in_english_only_without_a_spanish_line(client, demo_content):
    ClinicSettings.objects.update(spanish_phone="")
    languages = structured(client, "/")["MedicalClinic"]["contactPoint"][0]["availableLanguage"]

    assert languages == ["English"]


def test_a_separate_spanish_line_is_its_own_contact_point(client, demo_content):
    ClinicSettings.objects.update(spanish_phone="+15550100142")

    points = structured(client, "/")["MedicalClinic"]["contactPoint"]

    assert [(point["telephone"], point["availableLanguage"]) for point in points] == [
        ("+15550100199", ["English", "Spanish"]),
        ("+15550100142", ["Spanish"]),
    ]


# --- Links go straight to the page, in the page's language ------------------------------


def links_not_answering_200(client, paths):
    """{(link, status): [pages showing it]} for the links to this site on `paths` (each
    page must answer 200) that do not answer 200 themselves: each followed once, as a
    visitor without a session would (a fresh client, no redirect followed)."""
    visitor = Client()
    status_of, found = {}, {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        for href in parse(response.content.decode()).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/"):
                continue  # another site, a phone number, a link within the page
            if parts.path not in status_of:
                status_of[parts.path] = visitor.get(parts.path).status_code
            if status_of[parts.path] != 200:
                found.setdefault((href, status_of[parts.path]), []).append(path)
    return found


def test_every_link_on_the_spanish_pages_answers_without_a_redirect(client, demo_content):
    paths = [*SPANISH_DEMO_PAGES, *SPANISH_LISTS, SPANISH_FORM]

    assert links_not_answering_200(client, paths) == {}


def test_every_link_on_the_english_pages_answers_without_a_redirect(client, demo_content):
    paths = [*DEMO_PAGES, *DEMO_LIBRARY, ENGLISH_FORM]

    assert links_not_answering_200(client, paths) == {}


def footer_links(response):
    footer = page_of(response).find("footer")
    return {
        link.text(): link.attrs["href"]
        for link in footer.find_all("a")
        if link.attrs.get("href", "").startswith("/")
    }


def test_the_spanish_footer_links_each_notice_at_its_spanish_address(client, demo_content):
    links = footer_links(client.get("/es/horario/"))

    assert links == {
        "Aviso de privacidad del sitio web": "/es/privacidad/",
        # Not translated: the English text under /es/, marked so.
        "Aviso de Prácticas de Privacidad (HIPAA y 42 CFR Parte 2)": "/es/privacy-practices/",
        "Condiciones de uso": "/es/condiciones/",
        "Declaración de accesibilidad": "/es/accesibilidad/",
    }


def test_the_footer_follows_a_notice_to_its_new_spanish_address(client, demo_content):
    notice = Page.objects.get(slug_en="terms")
    notice.slug_es = "terminos-de-uso"
    notice.save()

    links = footer_links(client.get("/es/horario/"))

    assert links["Condiciones de uso"] == "/es/terminos-de-uso/"
    assert client.get("/es/terminos-de-uso/").status_code == 200


def test_the_spanish_not_found_page_leads_to_the_spanish_home_page(client, demo_content):
    response = client.get("/es/no-existe/")

    assert response.status_code == 404
    home = next(
        link
        for link in page_of(response).find_all("a")
        if link.text() == "Ir a la página de inicio"
    )
    assert home.attrs["href"] == "/es/"
