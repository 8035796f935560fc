"""The inquiry form's safety net: it needs no cookie, refuses forged posts without
losing what was typed, creates no session rows, and asks first only what a callback
needs."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from admissions.models import Inquiry
from tests.admissions.helpers import form_token, inquiry_data
from tests.html import parse

pytestmark = pytest.mark.django_db

FORM_URL = "/contact/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 3
    settings.ADMISSIONS_NOTIFY_EMAILS = []


def field_value(html, name):
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found and found.group(1)


def reference_shown(html):
    found = re.search(r'<strong class="reference-code">(\w+)</strong>', html)
    return found and found.group(1)


def test_visitor_refusing_cookies_sends_the_form_and_sees_confirmation():
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(FORM_URL)
    browser.cookies.clear()  # a browser that keeps no cookie at all

    response = browser.post(
        FORM_URL,
        inquiry_data(form_token=form_token(age_seconds=30)),
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )

    html = response.content.decode()
    assert page.cookies == {}
    assert response.status_code == 200
    assert reference_shown(html) == Inquiry.objects.get().reference
    assert response.cookies == {}


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_REFERER": "http://[zz]/"},
    ],
)
def test_post_from_another_site_stores_nothing_and_shows_the_form_back(headers):
    response = Client(enforce_csrf_checks=True).post(
        FORM_URL, inquiry_data(first_name="Forged?", message="Kept for them"), **headers
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert Inquiry.objects.count() == 0
    assert parse(html).h1_texts == ["Contact admissions"]
    assert "Please press “Send to admissions” once more." in html
    assert field_value(html, "first_name") == "Forged?"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/contact/"},
        {},
    ],
)
def test_post_from_this_site_is_accepted(headers):
    response = Client(enforce_csrf_checks=True).post(FORM_URL, inquiry_data(), **headers)

    assert response.status_code == 200
    assert reference_shown(response.content.decode()) == Inquiry.objects.get().reference


@pytest.mark.parametrize("age_seconds", [25 * 60 * 60])
def test_stale_token_gets_the_form_back_whole_and_one_more_send_works(client, age_seconds):
    stale = client.post(
        FORM_URL,
        inquiry_data(form_token=form_token(age_seconds=age_seconds), message="Please call"),
    )
    html = stale.content.decode()
    fresh_token = field_value(html, "form_token")

    again = client.post(FORM_URL, inquiry_data(form_token=fresh_token, message="Please call"))

    assert Inquiry.objects.count() == 1
    assert ">\nPlease call</textarea>" in html
    assert fresh_token is not None
    assert reference_shown(again.content.decode()) == Inquiry.objects.get().reference


def test_tampered_token_gets_a_fresh_one(client):
    html = client.post(FORM_URL, inquiry_data(form_token="forged")).content.decode()

    assert Inquiry.objects.count() == 0
    assert field_value(html, "form_token") not in ("", "forged", None)


def test_no_session_rows_for_visitors_spam_or_inquiries(client):
    client.get(FORM_URL)
    client.post(FORM_URL, inquiry_data(confirm_details="http://spam.example"))
    client.post(FORM_URL, inquiry_data(phone="not a phone"))
    client.post(FORM_URL, inquiry_data())

    assert Session.objects.count() == 0
    assert Inquiry.objects.count() == 1


def test_form_asks_first_only_what_a_callback_needs(client):
    html = client.get(FORM_URL).content.decode()

    folded = html[html.index('<details class="more-details"') : html.index("</details>")]
    before = html[html.index('id="inquiry-form"') : html.index('<details class="more-details"')]
    tags = parse(before).tags
    asked_first = [attrs["name"] for tag, attrs in tags if tag == "input" and "name" in attrs]
    assert sorted(set(asked_first)) == ["email", "first_name", "form_token", "phone", "safe_now"]
    assert "<summary>More details (optional)</summary>" in folded
    assert not re.search(r'<details class="more-details"\s+open', html)
    for name in ("inquiry_for", "contact_method", "message", "insurance_provider"):
        assert f'name="{name}"' in folded
    assert html.index('name="consent"') > html.index("</details>")


def test_more_details_open_when_one_of_them_needs_correcting(client):
    html = client.post(FORM_URL, inquiry_data(contact_method="email", email="")).content.decode()

    assert re.search(r'<details class="more-details"\s+open', html)


def test_unanswered_details_get_safe_defaults(client):
    data = inquiry_data()
    for name in ("inquiry_for", "contact_method", "safe_now"):
        data.pop(name, None)

    client.post(FORM_URL, data)

    inquiry = Inquiry.objects.get()
    assert (inquiry.inquiry_for, inquiry.contact_method, inquiry.safe_now) == ("", "call", "")
    assert (inquiry.voicemail_ok, inquiry.texts_ok) == (False, False)


def test_email_only_without_a_chosen_method_is_emailed(client):
    data = inquiry_data(phone="", email="robin@example.org")
    data.pop("contact_method")

    client.post(FORM_URL, data)

    assert Inquiry.objects.get().contact_method == "email"


def test_crisis_lines_sit_beside_the_safety_question(client):
    blank = client.get(FORM_URL).content.decode()
    after_no = client.post(FORM_URL, inquiry_data(safe_now="no", phone="bad")).content.decode()

    for html in (blank, after_no):
        question = html.index('name="safe_now"')
        lines = html.index("data-crisis-lines")
        assert question < lines < html.index('name="first_name"')
        assert 'href="tel:911"' in html[lines:]
        assert 'href="sms:988"' in html[lines:]
    assert re.search(r"data-crisis-lines\s+hidden", blank)
    assert not re.search(r"data-crisis-lines\s+hidden", after_no)


def test_safety_question_may_be_left_unanswered(client):
    data = inquiry_data()
    data.pop("safe_now", None)

    response = client.post(FORM_URL, data)

    assert reference_shown(response.content.decode()) is not None
    assert Inquiry.objects.get().priority == "routine"


def test_more_details_stay_open_when_the_visitor_used_them(client):
    html = client.post(
        FORM_URL, inquiry_data(program_interest="evening", phone="bad")
    ).content.decode()
    untouched = client.post(
        FORM_URL,
        inquiry_data(
            phone="bad",
            inquiry_for=None,
            contact_method=None,
            best_time="any",
            program_interest="not_sure",
        ),
    ).content.decode()

    assert re.search(r'<details class="more-details"\s+open', html)
    assert not re.search(r'<details class="more-details"\s+open', untouched)


def test_safety_question_gives_tap_to_call_numbers_without_javascript(client):
    html = client.get(FORM_URL).content.decode()

    help_text = html[html.index('id="id_safe_now_helptext"') :]
    help_text = help_text[: help_text.index("</div>")]
    assert '<a href="tel:911">911</a>' in help_text
    assert '<a href="tel:988">988</a>' in help_text
