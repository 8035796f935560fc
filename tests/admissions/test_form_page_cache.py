"""The blank inquiry form's page is rendered once and shared (template fragments, see
programs/templatetags/shared_fragments.py); each visitor's token is rendered through the
template between them, never spliced in."""

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from admissions.forms import read_form_token
from programs.models import ClinicSettings
from tests.admissions.helpers import inquiry_data
from tests.factories import make_clinic_settings, make_page
from tests.html import page_of

pytestmark = pytest.mark.django_db

# The content version, read once per request: one query with the database cache.
VERSION_QUERIES = 1 if "DatabaseCache" in django_settings.CACHES["default"]["BACKEND"] else 0


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_each_visitor_gets_their_own_token_and_no_cookie(django_assert_max_num_queries):
    first, second = Client(), Client()
    first_page = first.get("/contact/")

    second_page = second.get("/contact/")

    html_one, html_two = first_page.content.decode(), second_page.content.decode()
    assert hidden(html_one, "form_token") != hidden(html_two, "form_token")
    assert read_form_token(hidden(html_two, "form_token"))[1] < 5
    assert "csrfmiddlewaretoken" not in html_two
    assert second_page.cookies == {}
    assert second_page["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("path", ["/contact/", "/es/contacto/"])
def test_a_blank_form_costs_only_the_content_version(path, django_assert_num_queries):
    make_clinic_settings()
    make_page("about-us", nav_label="About us")
    first = Client().get(path)

    # The clinic, the menu, the footer and the form are not asked for or rendered again.
    with django_assert_num_queries(VERSION_QUERIES):
        second = Client().get(path)

    assert second.status_code == 200
    one, two = first.content.decode(), second.content.decode()
    assert one.replace(hidden(one, "form_token"), "") == two.replace(hidden(two, "form_token"), "")
    if path == "/contact/":
        assert '<a href="/about-us/">About us</a>' in two


def test_the_shared_page_keeps_the_language_switch_and_alternates(client):
    client.get("/es/contacto/")

    page = page_of(client.get("/es/contacto/"))

    assert page.find("html").attrs["lang"] == "es"
    assert page.find("a", class_="language-switch").attrs["href"] == "/contact/"
    alternates = page.find_all("link", rel="alternate")
    assert {link.attrs.get("hreflang") for link in alternates} >= {"en", "es", "x-default"}


def test_the_shared_page_shows_a_page_going_live_at_its_time(client, monkeypatch):
    later = timezone.now() + datetime.timedelta(minutes=5)
    make_page("later", title="Later", nav_label="Later", publish_at=later)
    client.get("/contact/")
    assert 'href="/later/"' not in client.get("/contact/").content.decode()
    real_now = timezone.now

    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(minutes=6))
    html = client.get("/contact/").content.decode()

    assert '<a href="/later/">Later</a>' in html


def test_a_form_sent_back_with_errors_is_never_shared(client, settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    html = client.get("/contact/").content.decode()
    data = inquiry_data(form_token=hidden(html, "form_token"), first_name="", phone="")

    refused = client.post("/contact/", {**data, "message": "Ring after six"}).content.decode()
    blank = Client().get("/contact/").content.decode()

    assert "Please check the form" in refused
    assert refused.startswith("<!doctype html>")
    assert "<title>Error:" in refused
    assert "Ring after six" in refused
    assert "Ring after six" not in blank
    assert "Please check the form" not in blank
    assert "<title>Error:" not in blank


def test_shared_form_shows_a_clinic_change_at_once(client):
    make_clinic_settings()
    client.get("/contact/")

    clinic = ClinicSettings.objects.get()
    clinic.name = "Harbor Light Evening Program"
    clinic.save()
    html = client.get("/contact/").content.decode()

    assert "Harbor Light Evening Program" in html


def test_edited_content_holding_the_old_stand_ins_never_receives_a_token(client):
    # The form page used to replace these literal strings anywhere in the page, so an
    # edited link could carry a visitor's tokens off-site.
    make_clinic_settings(name="csrf-token-slot form-token-slot Clinic")
    make_page(
        "about-us",
        title="About form-token-slot",
        nav_label="x?t=form-token-slot&c=csrf-token-slot",
    )

    html = client.get("/contact/").content.decode()

    token = hidden(html, "form_token")
    assert html.count(token) == 1
    assert "csrf-token-slot form-token-slot Clinic" in html
    assert "x?t=form-token-slot&amp;c=csrf-token-slot" in html


def test_the_shared_form_can_be_sent(client, settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    Client().get("/contact/")
    html = client.get("/contact/").content.decode()

    response = client.post("/contact/", inquiry_data(form_token=hidden(html, "form_token")))

    assert response.status_code == 200
    assert "Thank you, we have your message" in response.content.decode()
