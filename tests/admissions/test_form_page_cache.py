"""The blank inquiry form is rendered once and shared; each visitor's copy carries
their own CSRF token and signed form token."""

import re

import pytest
from django.test import Client

from admissions.forms import read_form_token
from admissions.views import CSRF_SLOT, SIGNED_FORM_SLOT
from programs.models import ClinicSettings
from tests.factories import make_clinic_settings

pytestmark = pytest.mark.django_db


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_each_visitor_gets_their_own_tokens_in_the_shared_form(django_assert_max_num_queries):
    first, second = Client(), Client()
    first_page = first.get("/contact/")

    with django_assert_max_num_queries(1):
        second_page = second.get("/contact/")

    html_one, html_two = first_page.content.decode(), second_page.content.decode()
    assert hidden(html_one, "csrfmiddlewaretoken") != hidden(html_two, "csrfmiddlewaretoken")
    assert hidden(html_one, "form_token") != hidden(html_two, "form_token")
    assert read_form_token(hidden(html_two, "form_token"))[1] < 5
    assert "csrftoken" in second_page.cookies
    for html in (html_one, html_two):
        assert CSRF_SLOT not in html
        assert SIGNED_FORM_SLOT not in html
    assert second_page["Cache-Control"].startswith("max-age=0")


def test_shared_form_shows_a_clinic_change_at_once(client):
    make_clinic_settings()
    client.get("/contact/")

    clinic = ClinicSettings.objects.get()
    clinic.name = "Harbor Light Evening Program"
    clinic.save()
    html = client.get("/contact/").content.decode()

    assert "Harbor Light Evening Program" in html


def test_the_shared_form_can_be_sent(client, settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    Client().get("/contact/")
    html = client.get("/contact/").content.decode()

    response = client.post(
        "/contact/",
        {
            "form_token": hidden(html, "form_token"),
            "inquiry_for": "myself",
            "first_name": "Robin",
            "phone": "(202) 555-0143",
            "contact_method": "call",
            "best_time": "any",
            "voicemail_ok": "no",
            "texts_ok": "no",
            "program_interest": "not_sure",
            "consent": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/contact/thanks/"
