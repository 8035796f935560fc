"""The demo site in Spanish (programs/demo_content_es.py): every demo page and article
has a Spanish version, which answers in Spanish with its English counterpart as
alternate, links only to Spanish addresses that answer, carries no English interface
text, and writes its dates in Spanish."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import translation

from programs.demo_articles import ARTICLES as DEMO_ARTICLES
from programs.demo_content import PAGES as DEMO_PAGE_TEXTS
from programs.links import check_links, collect_links
from programs.models import Article, ClinicSettings, Page
from programs.translation import TRANSLATIONS, has_translation
from tests.html import page_of, parse
from tests.programs.factories import make_article
from tests.programs.test_spanish_pages import alternates, html_lang, robots, switch
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
    assert robots(response) == []


def demo_records():
    """Every demo page and article, by its English short name, as the loader made it."""
    pages = {page.slug_en: page for page in Page.objects.all()}
    articles = {article.slug_en: article for article in Article.objects.all()}
    return [
        *(pages[data["slug"]] for data in DEMO_PAGE_TEXTS),
        *(articles[data["slug"]] for data in DEMO_ARTICLES),
    ]


def test_every_demo_page_and_article_has_its_spanish_texts(demo_content):
    records = demo_records()

    assert len(records) == len(DEMO_PAGE_TEXTS) + len(DEMO_ARTICLES) == 20
    for record in records:
        assert record.title_es, record.slug_en
        assert record.slug_es, record.slug_en
        assert record.slug_es != record.slug_en, record.slug_en
        # The questions page has no text of its own in either language.
        assert bool(record.body_es) == bool(record.body_en), record.slug_en
        assert has_translation(record, "es"), record.slug_en
        with translation.override("es"):
            record.full_clean()


def test_every_demo_page_and_article_answers_at_its_spanish_address(client, demo_content):
    addresses = {}
    for record in demo_records():
        with translation.override("es"):
            addresses[record.get_absolute_url()] = record.title_es

    assert addresses == {
        path: title for path, title in SPANISH_DEMO_PAGES.items() if "/equipo/" not in path
    }
    for path, title in addresses.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_lang(response) == "es", path
        assert parse(response.content.decode()).h1_texts == [title], path
        assert robots(response) == [], path
        assert page_of(response).find_all(class_="untranslated-note") == [], path


def test_every_demo_record_has_its_spanish_texts(demo_content):
    untranslated = [
        (model.__name__, str(record))
        for model in TRANSLATIONS
        for record in model.objects.all()
        if not has_translation(record, "es")
    ]

    assert untranslated == []


def test_the_spanish_demo_texts_link_only_to_spanish_addresses_that_answer(client, demo_content):
    paths = sorted({link.path for link in collect_links() if link.language == "es"})
    broken, moved = check_links()

    assert paths == [
        "/es/aviso-de-practicas-de-privacidad/",
        "/es/contacto/",
        "/es/privacidad/",
    ]
    assert (broken, moved) == ([], [])
    # Straight there, not through the redirect from an English address under /es/.
    assert {path: client.get(path).status_code for path in paths} == dict.fromkeys(paths, 200)


def test_the_two_privacy_notices_link_to_each_other_in_spanish(client, demo_content):
    website = page_of(client.get("/es/privacidad/")).find("article")
    practices = page_of(client.get("/es/aviso-de-practicas-de-privacidad/")).find("article")

    assert [a.attrs["href"] for a in website.find_all("a")] == [
        "/es/aviso-de-practicas-de-privacidad/"
    ]
    assert [a.attrs["href"] for a in practices.find_all("a")] == [
        "/es/privacidad/",
        "https://www.hhs.gov/ocr/complaints/index.html",
    ]


def test_the_spanish_privacy_practices_notice_keeps_every_duty_date_and_contact(
    client, demo_content
):
    text = page_of(client.get("/es/aviso-de-practicas-de-privacidad/")).find("article").text()

    for fact in (
        "1 de diciembre de 2026",
        "42 CFR Part 2",
        "HIPAA",
        "orden judicial",
        "emergencia médica",
        "los últimos seis años",
        "copia en papel de este aviso",
        "Oficina de Derechos Civiles",
        "1-800-368-1019",
        "TDD 1-800-537-7697",
        "200 Independence Avenue SW, Washington, DC 20201",
        "200 Lantern Way, Suite 3, Bayport, OR 97000",
        "(555) 010-0199",
        "Nunca vendemos su información de salud.",
    ):
        assert fact in text, fact


def test_the_old_spanish_address_of_the_privacy_practices_notice_moves_to_the_new_one(
    client, demo_content
):
    response = client.get("/es/privacy-practices/")

    assert response.status_code == 301
    assert response["Location"] == "/es/aviso-de-practicas-de-privacidad/"


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
    make_article("sleep-in-early-recovery", title="Sleep in early recovery")
    not_translated = structured(client, "/es/articulos/sleep-in-early-recovery/")

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
        "Aviso de Prácticas de Privacidad (HIPAA y 42 CFR Parte 2)": (
            "/es/aviso-de-practicas-de-privacidad/"
        ),
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
