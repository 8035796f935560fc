"""When handling an inquiry fails halfway, nothing the visitor typed leaks out: not
into the error page, the log, an email, or even Django's debug error report."""

import logging

import pytest
from django.db import connection

from admissions.models import Inquiry
from iop_site.log import JsonFormatter
from tests.admissions.helpers import inquiry_data

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAL = {
    "first_name": "Quinlan",
    "phone": "(202) 555-0187",
    "email": "quinlan.private@example.com",
    "message": "I have been drinking every night since March",
    "insurance_provider": "Acme Health Mutual",
}
TYPED = ["Quinlan", "555-0187", "5550187", "quinlan.private", "drinking every night", "Acme Health"]


@pytest.fixture
def failing_inquiry_table():
    """The database refuses every new inquiry, as a full disk or a broken replica would."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER refuse_inquiries BEFORE INSERT ON admissions_inquiry "
                "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION refuse_inquiries() RETURNS trigger AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_inquiries BEFORE INSERT ON admissions_inquiry "
                "FOR EACH ROW EXECUTE FUNCTION refuse_inquiries()"
            )
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER refuse_inquiries")
        else:
            cursor.execute("DROP TRIGGER refuse_inquiries ON admissions_inquiry")
            cursor.execute("DROP FUNCTION refuse_inquiries()")


def assert_nothing_typed_in(text):
    leaked = [fragment for fragment in TYPED if fragment.lower() in text.lower()]
    assert leaked == []


def test_failed_inquiry_leaks_nothing_into_page_logs_or_mail(
    client, settings, caplog, mailoutbox, failing_inquiry_table
):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@clinic.example"]
    settings.ADMINS = [("Operations", "ops@clinic.example")]
    client.raise_request_exception = False
    caplog.set_level(logging.DEBUG)

    response = client.post("/contact/", inquiry_data(**PERSONAL))

    assert response.status_code == 500
    assert Inquiry.objects.count() == 0
    assert_nothing_typed_in(response.content.decode())
    formatter = JsonFormatter()
    assert_nothing_typed_in("\n".join(formatter.format(record) for record in caplog.records))
    assert any(record.name == "django.request" for record in caplog.records)
    assert_nothing_typed_in("\n".join(str(mail.message()) for mail in mailoutbox))


def test_debug_error_report_hides_the_posted_fields(client, settings, failing_inquiry_table):
    # Even a developer's DEBUG page (never on in production) must not show the form.
    settings.DEBUG = True
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    client.raise_request_exception = False

    response = client.post("/contact/", inquiry_data(**PERSONAL))

    html = response.content.decode()
    assert response.status_code == 500
    assert "refused by test" in html
    assert_nothing_typed_in(html)
