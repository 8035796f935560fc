"""The blank inquiry form's fields are rendered once and shared (a template fragment);
each visitor's token is rendered through the template around them, never spliced in."""

import re

import pytest
from django.test import Client

from admissions.forms import read_form_token
from programs.models import ClinicSettings
from tests.admissions.helpers import inquiry_data
from tests.factories import make_clinic_settings, make_page

pytestmark = pytest.mark.django_db


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


def test_shared_form_fields_cost_one_cache_read(django_assert_max_num_queries):
    make_clinic_settings()
    Client().get("/contact/")

    # The content version and the fragment (one cache read each), the clinic, the menu
    # and the footer's accreditations: the form itself is not rendered again.
    with django_assert_max_num_queries(5):
        response = Client().get("/contact/")

    assert response.status_code == 200


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
