"""Public content pages as a visitor, a search engine and an editor see them."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import Page
from tests.factories import make_clinic_settings, make_faq, make_page, make_user
from tests.html import page_of, parse, third_party_loads

pytestmark = pytest.mark.django_db

DEMO_PAGES = {
    "/": "Evening addiction treatment that fits around your life",
    "/what-is-iop/": "What is an Intensive Outpatient Program?",
    "/schedule/": "Program schedule",
    "/therapies/": "Therapies and support",
    "/who-it-is-for/": "Who the program is for",
    "/benefits/": "Benefits of an evening IOP",
    "/admissions/": "How admissions works",
    "/faq/": "Questions and answers",
    "/privacy/": "Website privacy notice",
    "/privacy-practices/": "Notice of Privacy Practices",
    "/terms/": "Terms of use",
    "/accessibility/": "Accessibility statement",
}
DEMO_LIBRARY = {
    "/articles/": "Articles and resources",
    "/articles/what-is-an-iop/": "What an intensive outpatient program is, and how it compares",
    "/articles/who-an-iop-suits/": (
        "Who an IOP suits: starting out, stepping down, or starting again"
    ),
    "/articles/why-group-therapy/": "Why group therapy sits at the center of an IOP",
    "/articles/twelve-steps-alongside-therapy/": "How 12-step work fits alongside therapy",
    "/articles/helping-someone-you-love/": (
        "When someone you love is using: how to help without losing yourself"
    ),
    "/articles/virtual-iop-at-home/": (
        "Virtual IOP: what a video session is like, and keeping it private at home"
    ),
    "/articles/what-the-research-says/": (
        "What the research says about intensive outpatient programs"
    ),
    "/articles/medication-with-an-iop/": "Medication for opioid use disorder alongside an IOP",
    "/team/": "Our team",
    "/team/dana-reyes/": "Dana Reyes, LCSW, CADC III",
    "/team/marcus-hale/": "Marcus Hale, MD",
    "/team/priya-nandakumar/": "Priya Nandakumar, PMHNP-BC",
    "/team/jordan-whitaker/": "Jordan Whitaker, LPC, CADC II",
    "/team/elena-brooks/": "Elena Brooks, LMFT",
    "/team/sam-okafor/": "Sam Okafor, CADC I",
}
# The demo content's Spanish addresses (programs/demo_content_es.py), with their headings:
# every demo page and article has one.
SPANISH_DEMO_PAGES = {
    "/es/": "Tratamiento de adicciones por la tarde, a la medida de su vida",
    "/es/que-es-un-iop/": "¿Qué es un Programa Ambulatorio Intensivo?",
    "/es/horario/": "Horario del programa",
    "/es/terapias/": "Terapias y apoyo",
    "/es/para-quien-es/": "Para quién es el programa",
    "/es/beneficios/": "Beneficios de un IOP por la tarde",
    "/es/admisiones/": "Cómo funcionan las admisiones",
    "/es/preguntas/": "Preguntas y respuestas",
    "/es/privacidad/": "Aviso de privacidad del sitio web",
    "/es/aviso-de-practicas-de-privacidad/": "Aviso de prácticas de privacidad",
    "/es/condiciones/": "Condiciones de uso",
    "/es/accesibilidad/": "Declaración de accesibilidad",
    "/es/articulos/que-es-un-programa-ambulatorio-intensivo/": (
        "Qué es un programa ambulatorio intensivo y cómo se compara"
    ),
    "/es/articulos/a-quien-le-conviene-un-iop/": (
        "A quién le conviene un IOP: al empezar, al salir de un residencial o al volver a empezar"
    ),
    "/es/articulos/por-que-la-terapia-de-grupo/": (
        "Por qué la terapia de grupo está en el centro de un IOP"
    ),
    "/es/articulos/los-12-pasos-junto-con-la-terapia/": (
        "Cómo encajan los 12 pasos junto con la terapia"
    ),
    "/es/articulos/cuando-un-ser-querido-consume/": (
        "Cuando un ser querido consume: cómo ayudarle sin dejar de cuidarse"
    ),
    "/es/articulos/iop-virtual-desde-casa/": (
        "IOP virtual: cómo es una sesión por video y cómo cuidar su privacidad en casa"
    ),
    "/es/articulos/lo-que-dicen-las-investigaciones/": (
        "Lo que dicen las investigaciones sobre los programas ambulatorios intensivos"
    ),
    "/es/articulos/medicamentos-para-opioides-y-el-iop/": (
        "Medicamentos para el trastorno por consumo de opioides junto con un IOP"
    ),
    # Every person, at the Spanish team address, under their own name.
    **{
        path.replace("/team/", "/es/equipo/"): heading
        for path, heading in DEMO_LIBRARY.items()
        if path.startswith("/team/") and path != "/team/"
    },
}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html):
    return [json.loads(block) for block in JSON_LD.findall(html)]


def sitemap_locations(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {
        element.findtext("s:loc", namespaces=namespace): element.findtext(
            "s:lastmod", namespaces=namespace
        )
        for element in root.findall("s:url", namespace)
    }


@pytest.mark.parametrize(("path", "title"), [*DEMO_PAGES.items(), *DEMO_LIBRARY.items()])
def test_demo_page_renders_with_one_h1_title_and_description(client, demo_content, path, title):
    response = client.get(path)

    html = response.content.decode()
    page = parse(html)
    assert response.status_code == 200
    assert page.h1_texts == [title]
    tab_title = "Articles" if path == "/articles/" else title
    assert f"<title>{tab_title} · Harbor Light Recovery</title>" in html
    assert 'href="tel:+15550100199"' in html
    assert third_party_loads(html) == []


def test_demo_pages_have_unique_titles_and_descriptions(client, demo_content):
    titles, descriptions = set(), set()
    paths = [*DEMO_PAGES, *DEMO_LIBRARY]
    for path in paths:
        html = client.get(path).content.decode()
        titles.add(re.search(r"<title>(.*?)</title>", html).group(1))
        descriptions.add(re.search(r'<meta name="description" content="(.*?)">', html).group(1))

    assert len(titles) == len(paths)
    assert len(descriptions) == len(paths)


def test_every_demo_page_is_linked_from_the_menu_home_or_footer(client, demo_content):
    home_links = set(parse(client.get("/").content.decode()).links)

    assert set(DEMO_PAGES) - {"/"} <= home_links
    assert "/" in home_links


def test_menu_lists_published_menu_pages_in_order_then_the_articles(client, demo_content):
    html = client.get("/benefits/").content.decode()
    nav = html[html.index('<ul class="nav-list">') : html.index("</ul>", html.index("nav-list"))]

    assert re.findall(r'<a href="([^"]+)"', nav) == [
        "/what-is-iop/",
        "/schedule/",
        "/therapies/",
        "/who-it-is-for/",
        "/benefits/",
        "/admissions/",
        "/faq/",
        "/articles/",
    ]
    assert '<a href="/benefits/" aria-current="page">Benefits</a>' in nav


def test_sitemap_lists_every_published_page_with_lastmod_on_site_url(
    client, demo_content, settings
):
    settings.SITE_URL = "https://clinic.example"
    make_page("secret-draft", status=Page.Status.DRAFT)

    locations = sitemap_locations(client)

    # The lists and the form are interface text: in Spanish too.
    spanish_lists = ["/es/articulos/", "/es/equipo/", "/es/contacto/"]
    english = [*DEMO_PAGES, *DEMO_LIBRARY, "/contact/"]
    assert set(locations) == {
        f"https://clinic.example{path}" for path in [*english, *SPANISH_DEMO_PAGES, *spanish_lists]
    }
    today = timezone.localdate().isoformat()
    # The form page has no "last changed" of its own.
    assert locations.pop("https://clinic.example/contact/") is None
    assert locations.pop("https://clinic.example/es/contacto/") is None
    assert set(locations.values()) == {today}


def test_robots_txt_hides_the_admin_and_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://clinic.example"

    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\nDisallow: /admin/\n\nSitemap: https://clinic.example/sitemap.xml\n"
    )


def test_page_head_has_canonical_open_graph_and_clinic_json_ld(client, demo_content, settings):
    settings.SITE_URL = "https://clinic.example"

    html = client.get("/schedule/").content.decode()

    assert '<link rel="canonical" href="https://clinic.example/schedule/">' in html
    assert '<meta property="og:title" content="Program schedule">' in html
    assert '<meta property="og:url" content="https://clinic.example/schedule/">' in html
    assert json_ld(html) == [
        {
            "@context": "https://schema.org",
            "@type": "MedicalClinic",
            "name": "Harbor Light Recovery",
            "url": "https://clinic.example/",
            "telephone": "+15550100199",
            "medicalSpecialty": "Psychiatric",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "200 Lantern Way, Suite 3",
                "addressLocality": "Bayport",
                "addressRegion": "OR",
                "postalCode": "97000",
                "addressCountry": "US",
            },
            "openingHours": ["Mo-Fr 09:00-21:00", "Sa 10:00-21:00"],
            "sameAs": [
                "https://www.facebook.com/harborlightrecovery.demo",
                "https://www.instagram.com/harborlightrecovery.demo/",
                "https://www.linkedin.com/company/harborlightrecovery-demo/",
            ],
            "contactPoint": [
                {
                    "@type": "ContactPoint",
                    "telephone": "+15550100199",
                    "contactType": "admissions",
                    "hoursAvailable": "Mo-Su 00:00-23:59",
                    "availableLanguage": ["English", "Spanish"],
                }
            ],
        },
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "url": "https://clinic.example/schedule/",
            "name": "Program schedule",
            "description": (
                "Evening IOP schedule: in person Monday, Wednesday and Thursday, or by video "
                "Tuesday, Thursday and Saturday, 6 to 9 pm."
            ),
            "inLanguage": "en-US",
            "publisher": {
                "@type": "MedicalClinic",
                "name": "Harbor Light Recovery",
                "url": "https://clinic.example/",
            },
        },
    ]


def test_faq_page_carries_faq_json_ld(client, demo_content):
    blocks = json_ld(client.get("/faq/").content.decode())

    faq = blocks[2]
    assert [block["@type"] for block in blocks] == ["MedicalClinic", "WebPage", "FAQPage"]
    assert faq["inLanguage"] == "en-US"
    assert len(faq["mainEntity"]) == 9
    assert faq["mainEntity"][1] == {
        "@type": "Question",
        "name": "How long does the program last?",
        "acceptedAnswer": {
            "@type": "Answer",
            "text": "Most people take part for 8 to 12 weeks. Your counselor reviews your "
            "progress with you and the length is adjusted to what you need.",
        },
    }


def test_json_ld_escapes_hostile_staff_text(client):
    hostile = "</script><script>alert(1)</script><!-- & -->"
    make_clinic_settings(name=f"Clinic {hostile}")
    make_page("faq", layout=Page.Layout.FAQ, title="FAQ")
    make_faq(question=f"Why {hostile}?")

    html = client.get("/faq/").content.decode()

    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 4  # site.js and the three data blocks
    raw = JSON_LD.findall(html)
    assert "\\u003C/script\\u003E" in raw[0]
    assert "\\u0026" in raw[2]
    blocks = json_ld(html)
    assert blocks[0]["name"] == f"Clinic {hostile}"
    assert blocks[1]["publisher"]["name"] == f"Clinic {hostile}"
    assert blocks[2]["mainEntity"][0]["name"] == f"Why {hostile}?"


def test_schedule_page_is_rendered_from_tracks_and_sessions(client, demo_content):
    html = client.get("/schedule/").content.decode()

    assert "<caption>Sessions: In-person evening program</caption>" in html
    assert "<caption>Sessions: Virtual evening program</caption>" in html
    assert re.findall(r'<th scope="row">(\w+day)</th>', html) == [
        "Monday",
        "Wednesday",
        "Thursday",
        "Tuesday",
        "Thursday",
        "Saturday",
    ]
    assert html.count('<td data-label="Time">6 p.m. \N{EN DASH} 9 p.m.</td>') == 6
    assert html.count("<dt>Days per week</dt><dd>3</dd>") == 2
    assert html.count("<dt>Hours per session</dt><dd>3</dd>") == 2
    assert html.count("<dt>Typical length</dt><dd>8 to 12 weeks</dd>") == 2
    assert 'role="region"' in html
    assert 'tabindex="0"' in html


def test_home_page_shows_schedule_at_a_glance_and_call_to_action(client, demo_content):
    html = client.get("/").content.decode()

    assert '<caption id="glance-caption">Program tracks, days and times</caption>' in html
    assert (
        '<th scope="row">In-person evening program</th>\n'
        '            <td data-label="Days">Monday, Wednesday, Thursday</td>'
    ) in html
    assert '<td data-label="Days">Tuesday, Thursday, Saturday</td>' in html
    assert reverse("admissions:inquiry") in parse(html).links
    assert "Call (555) 010-0199, 24/7" in html


def test_what_is_iop_page_has_an_accessible_comparison_table(client, demo_content):
    html = client.get("/what-is-iop/").content.decode()

    assert "<caption>How IOP compares with other levels of care</caption>" in html
    assert '<th scope="col">Hours per week</th>' in html
    assert '<th scope="row">Intensive outpatient (IOP)</th>' in html
    assert 'aria-label="How IOP compares with other levels of care"' in html


def test_benefits_page_cites_the_evidence(client, demo_content):
    html = client.get("/benefits/").content.decode()

    assert "Psychiatric Services. 2014" in html
    assert "Substance Abuse Intensive Outpatient Programs: Assessing the Evidence." in html


def test_page_shows_last_updated(client):
    page = make_page("about-us")

    html = client.get("/about-us/").content.decode()

    local = timezone.localtime(page.updated_at)
    moment = local.isoformat(timespec="seconds")
    assert (
        f'Last updated <time datetime="{moment}">{local:%B} {local.day}, {local.year}</time>'
    ) in html


def test_draft_page_is_not_found_by_visitors(client):
    make_page("coming-soon", status=Page.Status.DRAFT)

    response = client.get("/coming-soon/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_scheduled_page_is_not_found_before_its_time(client):
    make_page("later", publish_at=timezone.now() + datetime.timedelta(hours=1))

    assert client.get("/later/").status_code == 404


def test_scheduled_page_appears_by_itself_at_its_time(client, monkeypatch):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    make_page("later", title="New evening group", nav_label="New group", publish_at=go_live)
    before = client.get("/").content.decode()
    real_now = timezone.now

    monkeypatch.setattr(
        timezone, "now", lambda: real_now() + datetime.timedelta(hours=1, seconds=1)
    )
    after = client.get("/").content.decode()
    page = client.get("/later/")

    assert "/later/" not in parse(before).links
    assert "/later/" in parse(after).links
    assert page.status_code == 200
    assert parse(page.content.decode()).h1_texts == ["New evening group"]


def test_staff_who_may_change_pages_preview_a_draft_with_a_banner(client):
    make_page("coming-soon", title="Coming soon", status=Page.Status.DRAFT)
    client.force_login(make_user("morgan", groups=("Marketing",)))

    response = client.get("/coming-soon/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Preview - not published.</strong>" in html
    assert "This page is a draft: visitors cannot see it." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_staff_preview_of_a_scheduled_page_says_when_it_goes_live(client):
    go_live = timezone.now() + datetime.timedelta(days=2)
    make_page("later", publish_at=go_live)
    client.force_login(make_user("morgan", groups=("Marketing",)))

    html = client.get("/later/").content.decode()

    assert "Visitors will see this page from" in html


def test_staff_without_the_change_permission_get_404_for_a_draft(client):
    make_page("coming-soon", status=Page.Status.DRAFT)
    client.force_login(make_user("alex"))

    assert client.get("/coming-soon/").status_code == 404


def test_published_page_has_no_preview_banner(client):
    make_page("about-us")
    client.force_login(make_user("morgan", groups=("Marketing",)))

    assert "Preview - not published" not in client.get("/about-us/").content.decode()


def test_home_page_slug_redirects_to_the_site_address(client, demo_content):
    response = client.get("/home/")

    assert response.status_code == 301
    assert response["Location"] == "/"


def test_home_page_without_content_still_renders(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert parse(html).h1_texts == ["Evening addiction treatment that fits around your life"]


def test_header_and_footer_read_the_clinic_settings(client):
    make_clinic_settings(
        name="Lighthouse Care",
        admissions_phone="(201) 555-0123",
        license_number="LIC-42",
        instagram_url="https://instagram.example/lighthouse",
    )

    response = client.get("/")

    html, page = response.content.decode(), page_of(response)
    assert page.find("a", class_="brand").text() == "Lighthouse Care"
    assert '<span class="header-phone-number">(201) 555-0123</span>' in html
    assert 'href="tel:+12015550123"' in html
    assert "<address>1 Test Street<br>Testville, OR 97001</address>" in html
    assert page.find("p", class_="license-line").text() == (
        "State license LIC-42, valid until January 31, 2030."
    )
    assert "Office: Monday to Friday, 9 am to 5 pm" in html
    assert '<a href="https://instagram.example/lighthouse">Instagram</a>' in html


def test_license_line_names_the_licensing_agency_and_the_license(client):
    make_clinic_settings(
        license_authority="Oregon Health Authority",
        license_title="Certificate of Approval",
        license_number="000000AP",
        license_expires=datetime.date(2027, 5, 31),
    )

    page = page_of(client.get("/"))

    assert page.find("p", class_="license-line").text() == (
        "Licensed by the Oregon Health Authority: Certificate of Approval 000000AP, valid "
        "until May 31, 2027."
    )


def test_footer_links_the_legal_pages(client):
    links = parse(client.get("/").content.decode()).links

    assert {"/privacy/", "/terms/", "/accessibility/"} <= set(links)


def test_pages_without_clinic_settings_fall_back_to_settings(client, settings):
    response = client.get("/")

    assert page_of(response).find("a", class_="brand").text() == "Harbor Light Recovery"
    assert 'href="tel:+15550100199"' in response.content.decode()


def test_post_to_a_content_page_is_refused(client, demo_content):
    assert client.post("/faq/").status_code == 405


def test_privacy_notice_says_plainly_what_happens_to_an_inquiry(client, demo_content):
    html = client.get("/privacy/").content.decode()

    for promise in (
        "This website has no trackers, no advertising and no analytics.",
        "kept in our own database and read only by our admissions staff",
        "We never send what you wrote by email.",
        "12 months after we close it",
        "<strong>HIPAA</strong>",
        "<strong>42 CFR Part 2</strong>",
        "a phone number and/or an email address",
    ):
        assert promise in html


def test_accessibility_statement_names_the_target_and_how_to_report(client, demo_content):
    html = client.get("/accessibility/").content.decode()

    assert "(WCAG) 2.2 at level AA" in html
    assert "<h2>Report a problem</h2>" in html
