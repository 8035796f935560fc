"""What tells a visitor they can trust the clinic, on every page: the accreditations and
memberships, the social links, the privacy notices, the license line and the 24/7 call
bar; and the small defects a validator or a search engine would see (the <time> format,
the form page's canonical address, the 404 page's structured data, a script that would
hold up the first paint)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from programs.models import Accreditation, Page
from tests.factories import admin_form, make_accreditation, make_clinic_settings, make_user
from tests.html import page_of, parse

pytestmark = pytest.mark.django_db

NPP = "/privacy-practices/"


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespace)]
    return [re.sub(r"^https?://[^/]+", "", location) for location in locations]


def every_page(client):
    """(path, html, tree) of each page in the sitemap, and of the 404 page."""
    pages = []
    for path in [*sitemap_paths(client), "/no-such-page/"]:
        response = client.get(path)
        pages.append((path, response.content.decode(), page_of(response)))
    return pages


def texts(page, tag, class_):
    return [element.text() for element in page.find_all(tag, class_=class_)]


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


# --- The footer ------------------------------------------------------------------------


def test_every_page_has_the_badges_social_links_and_both_privacy_notices(client, demo_content):
    pages = every_page(client)

    for path, html, page in pages:
        if path == "/no-such-page/":
            continue  # rendered from settings alone, see the next test
        if path.startswith("/es/"):
            continue  # the Spanish footer: tests/programs/test_spanish_site.py
        footer = page.find("footer").text()
        assert texts(page.find("footer"), "li", "badge") == [
            "TJC The Joint Commission Behavioral Health Care and Human Services Accreditation",
            "NAATP National Association of Addiction Treatment Providers Member program",
        ], path
        assert {"https://www.qualitycheck.org/", "https://www.naatp.org/"} <= set(
            parse(html).links
        ), path
        assert {
            "https://www.facebook.com/harborlightrecovery.demo",
            "https://www.instagram.com/harborlightrecovery.demo/",
            "https://www.linkedin.com/company/harborlightrecovery-demo/",
        } <= set(parse(html).links), path
        assert {"/privacy/", NPP} <= set(parse(html).links), path
        assert "Notice of Privacy Practices (HIPAA and 42 CFR Part 2)" in footer, path
    # No embed or widget from a social network: nothing is loaded from anywhere else.
    assert all(
        url.startswith(("/static/", "/media/"))
        for _p, html, _t in pages
        for url in parse(html).loads
    )
    assert len(pages) >= 25


def test_error_pages_still_link_both_privacy_notices_without_the_database(client):
    response = client.get("/no-such-page/")

    assert {"/privacy/", NPP} <= set(parse(response.content.decode()).links)
    assert texts(page_of(response), "li", "badge") == []


def test_badges_are_text_with_the_mark_hidden_from_screen_readers(client):
    make_accreditation(url="")
    make_accreditation(name="Draft", mark="NOPE", is_published=False)

    response = client.get("/")

    page = page_of(response)
    assert texts(page.find("footer"), "li", "badge") == [
        "TJC The Joint Commission Behavioral Health Care Accreditation"
    ]
    marks = page.find("footer").find_all(class_="badge-mark")
    assert [mark.attrs.get("aria-hidden") for mark in marks] == ["true"]
    assert "NOPE" not in response.content.decode()


def test_footer_accreditations_cost_one_query_for_one_or_many(
    client, django_assert_max_num_queries
):
    make_clinic_settings()
    make_accreditation()
    with django_assert_max_num_queries(40) as one:
        client.get("/")
    for number in range(12):
        make_accreditation(name=f"Membership {number}", mark=f"M{number}", order=number)
    with django_assert_max_num_queries(40) as many:
        response = client.get("/")

    assert len(page_of(response).find("footer").find_all("li", class_="badge")) == 13
    assert len(many.captured_queries) == len(one.captured_queries)


def test_marketing_edits_accreditations_and_the_next_page_shows_them(client):
    marketing = make_user("marketing@example.org", groups=["Marketing"])
    client.force_login(marketing)
    make_clinic_settings()

    response = client.post(
        reverse("admin:programs_accreditation_add"),
        admin_form(
            Accreditation,
            {
                "kind": "membership",
                "name": "Member",
                "issuer": "Oregon Council of Recovery Programs",
                "mark": "OCRP",
                "url": "ocrp.example",
                "order": "5",
                "is_published": "on",
            },
        ),
    )
    client.logout()

    assert response.status_code == 302
    badge = Accreditation.objects.get()
    assert badge.url == "https://ocrp.example"
    assert texts(page_of(client.get("/")).find("footer"), "li", "badge") == [
        "OCRP Oregon Council of Recovery Programs Member"
    ]


def test_accreditation_admin_refuses_a_badge_without_its_text(client):
    client.force_login(make_user("marketing@example.org", groups=["Marketing"]))

    response = client.post(
        reverse("admin:programs_accreditation_add"),
        admin_form(
            Accreditation,
            {"kind": "membership", "name": "Member", "issuer": "Someone", "mark": "", "order": "0"},
        ),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"mark": ["This field is required."]}
    assert not Accreditation.objects.exists()


# --- The Notice of Privacy Practices ---------------------------------------------------


def test_notice_of_privacy_practices_is_published_and_in_the_sitemap(client, demo_content):
    response = client.get(NPP)

    html, page = response.content.decode(), page_of(response)
    assert response.status_code == 200
    assert parse(html).h1_texts == ["Notice of Privacy Practices"]
    assert NPP in sitemap_paths(client)
    headings = [heading.text() for heading in page.find_all("h2")]
    for heading in [
        "Confidentiality of substance use treatment records (42 CFR Part 2)",
        "How we may use and share your health information",
        "Your rights",
        "Our duties",
        "How to complain",
        "Our privacy officer",
    ]:
        assert heading in headings
    text = page.find("main").text()
    for fact in [
        "Effective date: December 1, 2026",
        "see and get a copy",
        "ask us to correct",
        "get a list of disclosures",
        "ask us to limit",
        "ask us to contact you confidentially",
        "get a paper copy of this notice",
        "Office for Civil Rights",
        "you agree in writing",
    ]:
        assert fact in text, fact
    assert "/privacy/" in parse(html).links


def test_website_privacy_notice_and_the_form_link_the_notice_of_privacy_practices(
    client, demo_content
):
    privacy = page_of(client.get("/privacy/"))
    response = client.get("/contact/")

    form = response.content.decode()
    assert "Notice of Privacy Practices" in privacy.find("main").text()
    labels = [label.text() for label in page_of(response).find_all("label")]
    consent = next(text for text in labels if "I agree" in text)
    assert consent == (
        "I agree to be contacted by the admissions team about this inquiry, and I have read "
        "the website privacy notice and the Notice of Privacy Practices.*"
    )
    assert '<a href="/privacy-practices/">Notice of Privacy Practices</a>' in form


# --- The call bar ----------------------------------------------------------------------


def test_every_page_ends_with_the_24_7_call_bar(client, demo_content):
    for path, html, page in every_page(client):
        expected = (
            "Hable con nosotros, las 24 horas: (555) 010-0199"
            if path.startswith("/es/")
            else "Talk to us, 24/7: (555) 010-0199"
        )
        assert texts(page, "aside", "call-bar") == [expected], path
        bar = html[html.index('<aside class="call-bar"') :]
        assert 'href="tel:+15550100199"' in bar, path
        # Last in the page: sticky at the bottom of the screen, at rest after the footer.
        assert "<footer" not in bar, path
        assert "<main" not in bar, path


# --- Small defects ---------------------------------------------------------------------

# A valid date, or a valid global date and time to the second (no fraction).
TIME_FORMAT = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z))?")


def test_time_elements_carry_dates_or_times_to_the_second_on_every_page(client, demo_content):
    values = {
        path: [attrs["datetime"] for tag, attrs in parse(html).tags if tag == "time"]
        for path, html, _page in every_page(client)
    }

    wrong = {
        path: [value for value in found if not TIME_FORMAT.fullmatch(value)]
        for path, found in values.items()
    }
    assert {path: found for path, found in wrong.items() if found} == {}
    every_value = [value for found in values.values() for value in found]
    assert len(every_value) >= 40
    assert any("T" in value for value in every_value)  # the pages' "Last updated"


def test_contact_page_has_its_canonical_address_and_is_in_the_sitemap(client, settings):
    settings.SITE_URL = "https://clinic.example"

    html = client.get("/contact/").content.decode()

    assert '<link rel="canonical" href="https://clinic.example/contact/">' in html
    assert "/contact/" in sitemap_paths(client)


def test_not_found_page_structured_data_has_absolute_url_and_dialable_phone(client, settings):
    settings.SITE_URL = "https://clinic.example"
    settings.CLINIC_FALLBACK_PHONE = "(555) 010-0199"

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    [clinic] = json_ld(response.content.decode())
    assert clinic["url"] == "https://clinic.example/"
    assert clinic["telephone"] == "+15550100199"


def test_site_script_is_deferred_and_no_script_blocks_the_first_paint(client, demo_content):
    for path, html, _page in every_page(client):
        scripts = [attrs for tag, attrs in parse(html).tags if tag == "script"]
        external = [attrs for attrs in scripts if attrs.get("src")]
        assert [re.sub(r"\.[0-9a-f]{12}\.", ".", attrs["src"]) for attrs in external] == [
            "/static/js/site.js"
        ], path
        assert all("defer" in attrs for attrs in external), path
        # Every other script is data (JSON-LD), which the browser never runs.
        assert {attrs.get("type") for attrs in scripts if not attrs.get("src")} <= {
            "application/ld+json"
        }, path


# --- The home page ---------------------------------------------------------------------


def test_home_page_shows_the_hero_the_trust_marks_the_team_and_the_newest_articles(
    client, demo_content
):
    page = page_of(client.get("/"))

    headings = [heading.text() for heading in page.find_all("h2")]
    order = [
        "Licensed, accredited and confidential",
        "What we offer",
        "The evening schedule at a glance",
        "What happens when you reach out",
        "The people you would meet",
        "From our article library",
        "Ready to talk? We are here day and night.",
    ]
    assert [heading for heading in headings if heading in order] == order
    strip = page.find("section", class_="trust-strip")
    assert (
        strip.find("p", class_="trust-license")
        .text()
        .startswith("Licensed by the Oregon Health Authority.")
    )
    assert texts(strip, "li", "badge")[0].startswith("TJC The Joint Commission")
    team = [card.find("h3").text() for card in page.find_all("li", class_="person-card")]
    assert team == [
        "Dana Reyes, LCSW, CADC III",
        "Marcus Hale, MD",
        "Priya Nandakumar, PMHNP-BC",
        "Jordan Whitaker, LPC, CADC II",
    ]
    # The demo home page has a lead picture, shown in the hero; without one the drawn
    # picture stands there, decorative: the heading beside it says what matters.
    assert page.find("div", class_="hero-media").find("picture")
    home = Page.objects.get(slug="home")
    home.lead_image = None
    home.save()
    art = page_of(client.get("/")).find("div", class_="hero-media").find("svg")
    assert (art.attrs["aria-hidden"], art.attrs["width"], art.attrs["height"]) == (
        "true",
        "480",
        "320",
    )


def test_logo_is_drawn_inline_and_the_link_is_named_by_the_clinic(client, demo_content):
    brand = page_of(client.get("/team/")).find("a", class_="brand")

    logo = brand.find("svg")
    assert logo.attrs["aria-hidden"] == "true"
    assert brand.text() == "Harbor Light Recovery"


def test_a_badge_picture_from_the_library_takes_the_drawn_marks_place(client):
    from tests.programs.factories import make_image

    make_accreditation(badge=make_image(title="TJC seal", alt_text="The Joint Commission seal"))

    page = page_of(client.get("/"))

    mark = page.find("footer").find("span", class_="badge-picture")
    image = mark.find("img")
    # Hidden from screen readers like the drawn mark: the words beside it say it.
    assert mark.attrs["aria-hidden"] == "true"
    assert (bool(image.attrs["srcset"]), image.attrs["loading"]) == (True, "lazy")
    assert (int(image.attrs["width"]) > 0, int(image.attrs["height"]) > 0) == (True, True)
    assert texts(page.find("footer"), "li", "badge") == [
        "The Joint Commission Behavioral Health Care Accreditation"
    ]
