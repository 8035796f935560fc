"""The public inquiry form, its confirmation page and its abuse defences."""

import logging
import os
import re
import uuid
from datetime import timedelta
from http.cookies import SimpleCookie

import pytest
import redis
from django.core import signing
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.middleware import COOKIE_NAME
from admissions.models import Inquiry, SubmissionCount
from tests.admissions.helpers import form_token, inquiry_data
from tests.ci import running_in_ci
from tests.factories import make_page
from tests.html import parse

pytestmark = pytest.mark.django_db

FORM_URL = "/contact/"
THANKS_H1 = ["Thank you, we have your message"]


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 3
    settings.ADMISSIONS_RATE_LIMIT = 5
    settings.ADMISSIONS_NOTIFY_EMAILS = []


def reference_shown(response):
    """The reference on a confirmation page (None if the page is not one)."""
    found = re.search(r'<strong class="reference-code">(\w+)</strong>', response.content.decode())
    return found and found.group(1)


def input_attributes(html, name):
    return next(
        attrs
        for tag, attrs in parse(html).tags
        if tag in ("input", "textarea", "select") and attrs.get("name") == name
    )


def test_form_urls_are_named():
    assert reverse("admissions:inquiry") == FORM_URL


def test_form_page_renders_accessible_fields(client):
    response = client.get(FORM_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert parse(html).h1_texts == ["Contact admissions"]
    assert ("label", "id_first_name") in {
        (tag, attrs.get("for")) for tag, attrs in parse(html).tags
    }
    assert "First name, or any name you like" in html
    assert input_attributes(html, "first_name")["autocomplete"] == "given-name"
    phone = input_attributes(html, "phone")
    assert (phone["type"], phone["autocomplete"], phone["inputmode"]) == ("tel", "tel", "tel")
    email = input_attributes(html, "email")
    assert (email["type"], email["autocomplete"], email["inputmode"]) == (
        "email",
        "email",
        "email",
    )
    assert input_attributes(html, "message")["maxlength"] == "1000"
    assert '<a href="/privacy/">website privacy notice</a>' in html
    assert '<a href="/privacy-practices/">Notice of Privacy Practices</a>' in html
    # Voicemail and texts are explicit yes/no questions that default to no.
    assert 'name="voicemail_ok" value="no"  id="id_voicemail_ok_0" required checked' in html
    assert 'name="texts_ok" value="no"  id="id_texts_ok_0" required checked' in html


def test_form_page_has_hidden_honeypot(client):
    html = client.get(FORM_URL).content.decode()

    honeypot = input_attributes(html, "confirm_details")
    assert (honeypot["tabindex"], honeypot["autocomplete"]) == ("-1", "off")
    assert '<div  \n    class="honeypot"  aria-hidden="true">' in html or (
        'class="honeypot"  aria-hidden="true"' in html
    )


def test_form_page_does_not_start_a_session(client):
    response = client.get(FORM_URL)

    assert "sessionid" not in response.cookies
    assert response.wsgi_request.session.is_empty()


def test_form_collects_nothing_beyond_the_listed_fields(client):
    html = client.get(FORM_URL).content.decode()

    names = {attrs.get("name") for tag, attrs in parse(html).tags if attrs.get("name")}
    assert names - {"viewport", "description", "robots"} == {
        "safe_now",
        "inquiry_for",
        "first_name",
        "phone",
        "email",
        "contact_method",
        "best_time",
        "voicemail_ok",
        "texts_ok",
        "insurance_provider",
        "program_interest",
        "heard_about",
        "message",
        "consent",
        "confirm_details",
        "form_token",
        "submit",
    }


def test_valid_inquiry_is_stored_and_answered_with_confirmation(client):
    submission = uuid.uuid4()

    response = client.post(
        FORM_URL,
        inquiry_data(
            form_token=form_token(submission=submission),
            email="robin@example.org",
            insurance_provider="Blue Harbor Health",
            heard_about="doctor",
            message="Do you have evening groups?",
        ),
    )

    inquiry = Inquiry.objects.get()
    assert response.status_code == 200
    assert parse(response.content.decode()).h1_texts == THANKS_H1
    assert reference_shown(response) == inquiry.reference
    assert inquiry.first_name == "Robin"
    assert inquiry.phone.as_e164 == "+12025550143"
    assert str(Inquiry.objects.values_list("phone", flat=True).get()) == "+12025550143"
    assert inquiry.email == "robin@example.org"
    assert (inquiry.inquiry_for, inquiry.contact_method, inquiry.best_time) == (
        "myself",
        "call",
        "evening",
    )
    assert (inquiry.voicemail_ok, inquiry.texts_ok) == (False, False)
    assert (inquiry.program_interest, inquiry.heard_about) == ("virtual", "doctor")
    assert inquiry.insurance_provider == "Blue Harbor Health"
    assert inquiry.message == "Do you have evening groups?"
    assert inquiry.source == Inquiry.Source.WEBSITE
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.priority == Inquiry.Priority.ROUTINE
    assert inquiry.submission_token == submission
    assert inquiry.consent_at is not None
    assert inquiry.privacy_notice_version == ""
    [received] = inquiry.events.all()
    assert (received.kind, received.to_status, received.actor) == ("created", "new", None)


def test_consent_records_time_and_current_privacy_notice_version(client):
    from programs.models import privacy_notice_version

    make_page("privacy", title="Privacy notice", show_in_nav=False)

    form = client.get(FORM_URL).content.decode()
    client.post(FORM_URL, inquiry_data())

    inquiry = Inquiry.objects.get()
    assert privacy_notice_version() != ""
    assert inquiry.privacy_notice_version == privacy_notice_version()
    assert inquiry.consent_at is not None
    assert (
        f'<a href="{reverse("programs:page", kwargs={"slug": "privacy"})}">'
        "website privacy notice</a>" in form
    )


def test_yes_answers_are_stored_as_true(client):
    client.post(
        FORM_URL,
        inquiry_data(voicemail_ok="yes", texts_ok="yes", contact_method="text"),
    )

    inquiry = Inquiry.objects.get()
    assert (inquiry.voicemail_ok, inquiry.texts_ok, inquiry.contact_method) == (True, True, "text")


def test_email_only_inquiry_is_accepted(client):
    response = client.post(
        FORM_URL, inquiry_data(phone="", email="robin@example.org", contact_method="email")
    )

    assert reference_shown(response) == Inquiry.objects.get().reference
    assert Inquiry.objects.get().phone == ""


def test_confirmation_shows_reference_and_no_personal_data(client):
    response = client.post(FORM_URL, inquiry_data(email="robin@example.org"))
    inquiry = Inquiry.objects.get()

    html = response.content.decode()
    assert response.status_code == 200
    assert parse(html).h1_texts == THANKS_H1
    assert f'<strong class="reference-code">{inquiry.reference}</strong>' in html
    assert "Robin" not in html
    assert "555-0143" not in html
    assert "robin@example.org" not in html
    assert inquiry.reference not in response.wsgi_request.get_full_path()
    assert "within 4 hours" in html
    assert "we will not leave a voicemail that names the clinic" in html
    assert "We will not send you text messages." in html
    assert 'class="crisis-first"' not in html


def test_confirmation_follows_voicemail_and_text_choices(client):
    response = client.post(FORM_URL, inquiry_data(voicemail_ok="yes", texts_ok="yes"))

    html = response.content.decode()

    assert "we may leave a short voicemail from Harbor Light Recovery" in html
    assert "Our calls and texts come from (555) 010-0199." in html
    assert "We will not send you text messages." not in html


def test_old_confirmation_address_is_gone(client):
    assert client.get("/contact/thanks/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        (
            {"phone": "", "email": ""},
            "phone",
            "Please give a phone number or an email address, so we can reach you.",
        ),
        (
            {"phone": "12345"},
            "phone",
            "Enter a US phone number with area code, for example 202 555 0143.",
        ),
        ({"email": "robin@", "phone": ""}, "email", "Enter a valid email address."),
        (
            {"contact_method": "email"},
            "contact_method",
            "You chose email: please give an email address too.",
        ),
        (
            {"phone": "", "email": "robin@example.org", "contact_method": "call"},
            "contact_method",
            "You chose a call or a text: please give a phone number too.",
        ),
        (
            {"contact_method": "text", "texts_ok": "no"},
            "texts_ok",
            "You chose text messages: please say yes to texts, or choose another way.",
        ),
        ({"first_name": ""}, "first_name", "This field is required."),
        ({"first_name": "Rob\x00in"}, "first_name", "Null characters are not allowed."),
        ({"message": "\x00"}, "message", "Null characters are not allowed."),
        (
            {"email": "r\x00@example.org"},
            "email",
            ["Null characters are not allowed.", "Enter a valid email address."],
        ),
        (
            {"phone": "202\x00555\x000143"},
            "phone",
            [
                "Null characters are not allowed.",
                "Enter a US phone number with area code, for example 202 555 0143.",
            ],
        ),
        (
            {"first_name": "Rob\x1bin"},
            "first_name",
            "This contains invisible control characters. Please type it again.",
        ),
        (
            {"message": "Hello\x07there"},
            "message",
            "This contains invisible control characters. Please type it again.",
        ),
        (
            {"insurance_provider": "Acme\nHealth"},
            "insurance_provider",
            "This contains invisible control characters. Please type it again.",
        ),
        (
            {"message": "x" * 1001},
            "message",
            "Please keep your message to 1000 characters or fewer (it has 1001).",
        ),
        (
            {"insurance_provider": "x" * 81},
            "insurance_provider",
            "Ensure this value has at most 80 characters (it has 81).",
        ),
        (
            {"first_name": "x" * 101},
            "first_name",
            "Ensure this value has at most 100 characters (it has 101).",
        ),
        (
            {"safe_now": "perhaps"},
            "safe_now",
            "Select a valid choice. perhaps is not one of the available choices.",
        ),
        ({"voicemail_ok": None}, "voicemail_ok", "Please choose one."),
        (
            {"voicemail_ok": "maybe"},
            "voicemail_ok",
            "Select a valid choice. maybe is not one of the available choices.",
        ),
        (
            {"program_interest": "residential"},
            "program_interest",
            "Select a valid choice. residential is not one of the available choices.",
        ),
        (
            {"best_time": "midnight"},
            "best_time",
            "Select a valid choice. midnight is not one of the available choices.",
        ),
        (
            {"heard_about": "billboard"},
            "heard_about",
            "Select a valid choice. billboard is not one of the available choices.",
        ),
        (
            {"consent": None},
            "consent",
            "Please agree to be contacted, so that we can get back to you.",
        ),
    ],
)
def test_invalid_inquiry_shows_field_error_and_stores_nothing(client, overrides, field, error):
    response = client.post(FORM_URL, inquiry_data(**overrides))

    assert response.status_code == 200
    expected = error if isinstance(error, list) else [error]
    assert sorted(response.context["form"].errors[field]) == sorted(expected)
    assert Inquiry.objects.count() == 0


def test_errors_are_summarised_linked_and_described(client):
    response = client.post(
        FORM_URL, inquiry_data(phone="12345", first_name="Robin", message="Keep this")
    )

    html = response.content.decode()
    phone = input_attributes(html, "phone")
    assert 'role="alert"' in html
    assert '<h2 id="error-summary-title">Please check the form</h2>' in html
    assert (
        '<a href="#id_phone">Phone number: Enter a US phone number with area code, '
        "for example 202 555 0143.</a>"
    ) in html
    assert phone["aria-invalid"] == "true"
    assert phone["aria-describedby"] == "id_phone_error"
    assert '<div id="id_phone_error" class="invalid-feedback">' in html
    assert parse(html).h1_texts == ["Contact admissions"]
    assert "<title>Error: Contact admissions" in html
    # What the person typed is kept.
    assert input_attributes(html, "first_name")["value"] == "Robin"
    assert input_attributes(html, "phone")["value"] == "12345"
    assert ">\nKeep this</textarea>" in html


def test_radio_errors_link_to_first_option_and_describe_the_group(client):
    html = client.post(FORM_URL, inquiry_data(texts_ok=None)).content.decode()

    assert '<a href="#id_texts_ok_0">Text messages: Please choose one.</a>' in html
    assert '<fieldset aria-describedby="id_texts_ok_error">' in html
    assert '<div id="id_texts_ok_error" class="invalid-feedback">' in html


def test_filled_honeypot_pretends_success_and_stores_nothing(client):
    response = client.post(FORM_URL, inquiry_data(confirm_details="http://spam.example"))

    assert response.status_code == 200
    assert parse(response.content.decode()).h1_texts == THANKS_H1
    assert len(reference_shown(response)) == 8
    assert Inquiry.objects.count() == 0


def test_too_fast_submission_is_refused_with_input_kept(client):
    token = form_token(age_seconds=1)

    response = client.post(FORM_URL, inquiry_data(form_token=token))

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["form_token"] == [
        "That was very quick. Please check your answers and send the form again."
    ]
    assert Inquiry.objects.count() == 0
    assert input_attributes(html, "first_name")["value"] == "Robin"
    # The same token, so the time already spent on the form still counts.
    assert input_attributes(html, "form_token")["value"] == token


def test_form_older_than_a_day_is_refused_and_gets_a_new_token(client):
    token = form_token(age_seconds=25 * 60 * 60)

    response = client.post(FORM_URL, inquiry_data(form_token=token))

    html = response.content.decode()
    assert response.context["form"].errors["form_token"] == [
        "This form was opened a long time ago. Please check your answers and send it again."
    ]
    assert Inquiry.objects.count() == 0
    assert input_attributes(html, "first_name")["value"] == "Robin"
    assert input_attributes(html, "form_token")["value"] != token


@pytest.mark.parametrize(
    "token",
    [
        "not a token",
        form_token()[:-2] + "xx",
        signing.dumps({"id": "x", "at": 1}, salt="another.salt"),
        signing.dumps({"id": "not-a-uuid", "at": 1}, salt="admissions.inquiry.form"),
        signing.dumps(["a list"], salt="admissions.inquiry.form"),
    ],
)
def test_tampered_form_token_is_refused_without_error_page(client, token):
    response = client.post(FORM_URL, inquiry_data(form_token=token))

    assert response.status_code == 200
    assert response.context["form"].errors["form_token"] == [
        "Something went wrong with this form. Please check your answers and send it again."
    ]
    assert Inquiry.objects.count() == 0


def test_same_form_posted_twice_creates_one_inquiry(client):
    data = inquiry_data()

    first = client.post(FORM_URL, data)
    second = client.post(FORM_URL, data)

    assert first.status_code == second.status_code == 200
    assert Inquiry.objects.count() == 1
    assert reference_shown(first) == reference_shown(second) == Inquiry.objects.get().reference


def test_same_form_posted_from_another_browser_shows_same_reference(client):
    data = inquiry_data()
    client.post(FORM_URL, data)

    again = Client().post(FORM_URL, data)

    assert Inquiry.objects.count() == 1
    assert reference_shown(again) == Inquiry.objects.get().reference


def test_over_the_hourly_limit_inquiries_are_stored_and_held(settings):
    settings.ADMISSIONS_RATE_LIMIT = 2
    worker_one, worker_two = Client(), Client()

    first = worker_one.post(FORM_URL, inquiry_data(first_name="First"))
    second = worker_two.post(FORM_URL, inquiry_data(first_name="Second"))
    third = worker_one.post(FORM_URL, inquiry_data(first_name="Third"))

    held = dict(Inquiry.objects.values_list("first_name", "held_for_review"))
    assert held == {"First": False, "Second": False, "Third": True}
    # The visitor sees the normal confirmation; the held one keeps its deadline.
    assert reference_shown(third) == Inquiry.objects.get(first_name="Third").reference
    assert "within 4 hours" in third.content.decode()
    for response in (first, second, third):
        assert parse(response.content.decode()).h1_texts == THANKS_H1


def test_held_inquiry_keeps_its_notification_and_deadline(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.ADMISSIONS_RATE_LIMIT = 1
    settings.ADMISSIONS_NOTIFY_EMAILS = ["admissions@clinic.example"]
    client.post(FORM_URL, inquiry_data())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, inquiry_data(first_name="Held"))

    held = Inquiry.objects.get(first_name="Held")
    assert held.held_for_review is True
    assert held.notifications.count() == 1
    assert len(mailoutbox) == 1
    assert held.first_contact_due_at == held.received_at + timedelta(minutes=240)
    assert list(Inquiry.objects.open()) == list(Inquiry.objects.order_by("received_at"))


def test_urgent_inquiry_over_the_limit_is_never_held(settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    Client().post(FORM_URL, inquiry_data())

    Client().post(FORM_URL, inquiry_data(first_name="Crisis", message="he is not breathing"))
    Client().post(FORM_URL, inquiry_data(first_name="Asked", safe_now="not_sure"))

    for name in ("Crisis", "Asked"):
        inquiry = Inquiry.objects.get(first_name=name)
        assert (inquiry.priority, inquiry.held_for_review) == ("urgent", False)


@pytest.fixture
def redis_location():
    """A Redis that answers: the test is skipped without one, except under CI."""
    location = os.environ.get("CI_REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(location, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if running_in_ci():
            pytest.fail(f"CI needs Redis at {location}: {exc}")
        pytest.skip(f"no Redis at {location}")
    return location


def test_limits_count_in_redis_when_it_is_the_cache(settings, redis_location):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_location,
            "KEY_PREFIX": f"test-limits-{uuid.uuid4().hex}",
        },
    }
    settings.ADMISSIONS_RATE_LIMIT = 1

    for name in ("First", "Second"):
        Client().post(FORM_URL, inquiry_data(first_name=name))

    held = dict(Inquiry.objects.values_list("first_name", "held_for_review"))
    assert held == {"First": False, "Second": True}
    assert not SubmissionCount.objects.exists()


def test_limits_count_per_client_address(settings):
    settings.ADMISSIONS_RATE_LIMIT = 1

    Client(REMOTE_ADDR="198.51.100.1").post(FORM_URL, inquiry_data(first_name="One"))
    Client(REMOTE_ADDR="198.51.100.2").post(FORM_URL, inquiry_data(first_name="Other"))
    Client(REMOTE_ADDR="198.51.100.1").post(FORM_URL, inquiry_data(first_name="Again"))

    held = dict(Inquiry.objects.values_list("first_name", "held_for_review"))
    assert held == {"One": False, "Other": False, "Again": True}


def test_over_the_daily_cap_the_form_comes_back_whole_with_the_phone(settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    settings.ADMISSIONS_DAILY_CAP = 2
    visitor = Client()
    visitor.post(FORM_URL, inquiry_data())
    visitor.post(FORM_URL, inquiry_data())

    refused = visitor.post(
        FORM_URL, inquiry_data(first_name="Kept", email="kept@example.org", message="Still here")
    )

    html = refused.content.decode()
    assert refused.status_code == 429
    assert Inquiry.objects.count() == 2
    assert parse(html).h1_texts == ["Contact admissions"]
    assert "We could not send your message just now." in html
    assert 'href="tel:+15550100199"' in html
    assert "Nothing you typed was kept" not in html
    assert input_attributes(html, "first_name")["value"] == "Kept"
    assert input_attributes(html, "email")["value"] == "kept@example.org"
    assert ">\nStill here</textarea>" in html


def test_crisis_over_the_daily_cap_is_stored_as_urgent(settings):
    settings.ADMISSIONS_DAILY_CAP = 1
    Client().post(FORM_URL, inquiry_data())

    response = Client().post(
        FORM_URL, inquiry_data(first_name="Crisis", message="my son od'd, he won't wake up")
    )

    crisis = Inquiry.objects.get(first_name="Crisis")
    assert (crisis.priority, crisis.held_for_review) == ("urgent", False)
    assert reference_shown(response) == crisis.reference


def test_inquiries_are_stored_when_cache_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "tests.admissions.backends.DownCache"},
    }
    settings.ADMISSIONS_RATE_LIMIT = 1

    responses = [client.post(FORM_URL, inquiry_data()) for _ in range(3)]

    assert [reference_shown(response) is not None for response in responses] == [True] * 3
    assert Inquiry.objects.count() == 3


def test_an_inquiry_is_stored_and_not_held_when_its_count_fails(settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    Client().post(FORM_URL, inquiry_data(first_name="Counted"))

    def day_counter_locked(execute, sql, params, many, context):
        if any("inquiries-day" in str(param) for param in params or ()):
            raise OperationalError("canceling statement due to lock timeout")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(day_counter_locked):
        response = Client().post(FORM_URL, inquiry_data(first_name="Uncounted"))

    uncounted = Inquiry.objects.get(first_name="Uncounted")
    assert reference_shown(response) == uncounted.reference
    assert uncounted.held_for_review is False
    # The window's counter did not move either: the two are one transaction.
    assert sorted(SubmissionCount.objects.values_list("count", flat=True)) == [1, 1]


def test_a_new_count_clears_expired_counts_and_a_failed_clearing_costs_no_count(settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    expired = SubmissionCount.objects.create(
        key="admissions:inquiries:expired:1", count=5, expires_at=timezone.now() - timedelta(1)
    )

    def clearing_fails(execute, sql, params, many, context):
        if sql.startswith("DELETE") and SubmissionCount._meta.db_table in sql:
            raise OperationalError("disk I/O error")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(clearing_fails):
        Client(REMOTE_ADDR="198.51.100.1").post(FORM_URL, inquiry_data(first_name="First"))
    assert SubmissionCount.objects.filter(pk=expired.pk).exists()
    # The first post's counts were kept: the second from that address is over the limit.
    Client(REMOTE_ADDR="198.51.100.1").post(FORM_URL, inquiry_data(first_name="Second"))
    Client(REMOTE_ADDR="198.51.100.2").post(FORM_URL, inquiry_data(first_name="Other"))

    held = dict(Inquiry.objects.values_list("first_name", "held_for_review"))
    assert held == {"First": False, "Second": True, "Other": False}
    assert not SubmissionCount.objects.filter(pk=expired.pk).exists()


# An inquiry's post: the content version, the constraint and duplicate checks, the two
# counters (made, with the clearing of expired ones, from a new address), the inquiry,
# its event and its notification, each write in its savepoint under the test's
# transaction, and the confirmation's shared parts.
POST_QUERIES = 27


def test_an_inquiry_post_costs_the_same_queries_with_one_or_many_stored(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["admissions@clinic.example"]

    def queries_of_a_post(number):
        with CaptureQueriesContext(connection) as queries:
            response = Client(REMOTE_ADDR=f"198.51.100.{number}").post(
                FORM_URL, inquiry_data(first_name=f"Person {number}")
            )
        assert reference_shown(response) is not None
        return len(queries)

    queries_of_a_post(1)  # The shared parts and the notice version are worked out once.
    with_one = queries_of_a_post(2)
    for number in range(3, 30):
        queries_of_a_post(number)

    assert with_one == queries_of_a_post(30) <= POST_QUERIES
    assert Inquiry.objects.count() == 30


@pytest.mark.parametrize(
    ("answer", "urgent"), [("no", True), ("not_sure", True), ("yes", False), ("", False)]
)
def test_safety_answer_sets_priority_and_reason(client, answer, urgent):
    response = client.post(FORM_URL, inquiry_data(safe_now=answer))

    inquiry = Inquiry.objects.get()
    html = response.content.decode()
    assert inquiry.safe_now == answer
    assert inquiry.is_urgent is urgent
    assert ('class="crisis-first"' in html) is urgent
    if urgent:
        assert html.index('href="tel:911"', html.index("<main")) < html.index("<h1>")
        assert html.index('href="sms:988"', html.index("<main")) < html.index("<h1>")
        assert "within 60 minutes" in html
        assert inquiry.urgent_because.startswith("Answered")
    else:
        assert "within 4 hours" in html


def test_crisis_message_makes_inquiry_urgent_and_puts_crisis_lines_first(client):
    response = client.post(
        FORM_URL,
        inquiry_data(message="I don't want to live anymore. I took a bunch of pills tonight."),
    )

    html = response.content.decode()
    inquiry = Inquiry.objects.get()
    assert inquiry.priority == Inquiry.Priority.URGENT
    assert inquiry.crisis_rule != ""
    assert "pills" not in inquiry.urgent_because
    assert html.index('class="crisis-first"') < html.index("<h1>")
    assert html.index('href="tel:988"', html.index("<main")) < html.index("<h1>")
    assert "within 60 minutes" in html


def test_view_hides_post_data_from_error_reports(client):
    response = client.post(FORM_URL, inquiry_data())

    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


def test_no_log_line_contains_what_the_visitor_typed(
    client, settings, caplog, mailoutbox, django_capture_on_commit_callbacks
):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["admissions@clinic.example"]
    caplog.set_level(logging.DEBUG)
    # Loggers that do not propagate to the root are listened to directly.
    quiet = [logging.getLogger(name) for name in settings.LOGGING.get("loggers", {})]
    for logger in quiet:
        logger.addHandler(caplog.handler)
        logger.setLevel(logging.DEBUG)
    secrets_typed = ["Quillon", "2025550187", "quillon@private.example", "heroin relapse"]

    client.get(FORM_URL)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            FORM_URL,
            inquiry_data(
                first_name="Quillon",
                phone="202-555-0187",
                email="quillon@private.example",
                message="heroin relapse",
                insurance_provider="Quillon Mutual",
            ),
        )
    client.post(FORM_URL, inquiry_data(first_name="Quillon", phone="bad"))

    for logger in quiet:
        logger.removeHandler(caplog.handler)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    mailed = "\n".join(f"{m.subject}\n{m.body}" for m in mailoutbox)
    assert Inquiry.objects.count() == 1
    assert len(mailoutbox) == 1
    for typed in [*secrets_typed, "555-0187", "+12025550187"]:
        assert typed not in logged
        assert typed not in mailed


def test_attribution_cookie_is_set_on_arrival_and_stored_with_inquiry(client):
    landing = client.get(
        FORM_URL + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring%0Aopen",
        HTTP_REFERER="https://Search.Example/results?q=private+words",
    )
    cookie = landing.cookies[COOKIE_NAME]

    client.post(FORM_URL, inquiry_data())

    inquiry = Inquiry.objects.get()
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 30 * 24 * 60 * 60
    assert (inquiry.utm_source, inquiry.utm_medium, inquiry.utm_campaign) == (
        "newsletter",
        "email",
        "spring open",
    )
    assert inquiry.referrer == "https://search.example/results"
    assert inquiry.landing_page == FORM_URL
    assert (inquiry.utm_term, inquiry.utm_content) == ("", "")


def test_attribution_cookie_is_not_replaced_by_a_later_visit(client):
    client.get(FORM_URL + "?utm_source=first")

    later = client.get(FORM_URL + "?utm_source=second")
    client.post(FORM_URL, inquiry_data())

    assert COOKIE_NAME not in later.cookies
    assert Inquiry.objects.get().utm_source == "first"


def test_no_attribution_cookie_for_internal_or_direct_visits(client):
    direct = client.get(FORM_URL)
    internal = client.get(FORM_URL, HTTP_REFERER="http://testserver/about/")

    assert COOKIE_NAME not in direct.cookies
    assert COOKIE_NAME not in internal.cookies


def test_attribution_values_are_capped(client):
    client.get(FORM_URL + "?utm_source=" + "s" * 500)

    client.post(FORM_URL, inquiry_data())

    assert Inquiry.objects.get().utm_source == "s" * 100


def test_tampered_attribution_cookie_is_ignored(client):
    client.cookies = SimpleCookie({COOKIE_NAME: '{"utm_source":"forged"}'})

    response = client.post(FORM_URL, inquiry_data())

    assert reference_shown(response) == Inquiry.objects.get().reference
    assert Inquiry.objects.get().utm_source == ""


def test_attribution_cookie_is_cleared_after_inquiry(client):
    client.get(FORM_URL + "?utm_source=newsletter")

    response = client.post(FORM_URL, inquiry_data())

    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
