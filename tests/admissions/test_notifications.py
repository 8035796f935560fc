"""Emails to the admissions mailboxes: outbox, delivery after commit, retries."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from admissions.models import Inquiry, Notification
from tests.admissions.helpers import inquiry_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.admissions.backends.FailingEmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _mailboxes(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["admissions@clinic.example", "lead@clinic.example"]
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.SITE_URL = "https://clinic.example"


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    def post(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/contact/", inquiry_data(**overrides))
        inquiry = Inquiry.objects.latest("pk")
        assert inquiry.reference in response.content.decode()
        return inquiry

    return post


def age(notification, seconds=120):
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(seconds=seconds)
    )


def test_new_inquiry_emails_reference_priority_and_link_only(submit, mailoutbox):
    inquiry = submit(first_name="Marisol", email="marisol@example.org", message="Evening groups?")

    message = mailoutbox[0]
    notification = Notification.objects.get()
    assert len(mailoutbox) == 1
    assert message.to == ["admissions@clinic.example", "lead@clinic.example"]
    assert message.subject == f"New inquiry {inquiry.reference} (Routine)"
    assert message.body == (
        "A new admissions inquiry has arrived.\n\n"
        f"Reference: {inquiry.reference}\n"
        "Priority: Routine\n\n"
        "Open it in the staff area (login required):\n"
        f"https://clinic.example/admin/admissions/inquiry/{inquiry.pk}/change/\n\n"
        "For privacy, this email never contains the person's details."
    )
    for typed in ("Marisol", "marisol@example.org", "Evening groups", "555", "+1202"):
        assert typed not in message.subject + message.body
    assert (notification.state, notification.attempts, notification.last_error) == (
        Notification.State.SENT,
        1,
        "",
    )
    assert notification.sent_at is not None


def test_urgent_inquiry_email_says_urgent(submit, mailoutbox):
    inquiry = submit(message="I overdosed last night")

    assert mailoutbox[0].subject == f"URGENT: New inquiry {inquiry.reference} (Urgent)"


def test_no_mailboxes_and_nobody_in_admissions_means_no_notification(submit, settings, mailoutbox):
    settings.ADMISSIONS_NOTIFY_EMAILS = []
    make_user("morgan", groups=("Marketing",), email="morgan@clinic.example")

    submit()

    assert Notification.objects.count() == 0
    assert mailoutbox == []


def test_without_mailboxes_the_active_admissions_staff_are_told(submit, settings, mailoutbox):
    settings.ADMISSIONS_NOTIFY_EMAILS = []
    make_user("ada", groups=("Admissions",), email="ada@clinic.example")
    make_user("bo", groups=("Admissions",), email="bo@clinic.example")
    make_user("gone", groups=("Admissions",), email="gone@clinic.example", is_active=False)
    make_user("nomail", groups=("Admissions",))
    make_user("morgan", groups=("Marketing",), email="morgan@clinic.example")

    inquiry = submit()

    [message] = mailoutbox
    assert message.to == ["ada@clinic.example", "bo@clinic.example"]
    assert inquiry.reference in message.subject
    assert inquiry.first_name not in message.body


def test_notification_row_is_written_with_the_inquiry_before_delivery(client, mailoutbox):
    # Without running the on-commit callbacks, the row exists and nothing was sent.
    client.post("/contact/", inquiry_data())

    assert Notification.objects.get().state == Notification.State.PENDING
    assert Notification.objects.get().inquiry == Inquiry.objects.get()
    assert mailoutbox == []


def test_mail_server_down_loses_nothing_and_command_retries(submit, settings, mailoutbox, caplog):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    caplog.set_level(logging.DEBUG)

    inquiry = submit(first_name="Marisol")

    notification = Notification.objects.get()
    assert Inquiry.objects.get() == inquiry
    assert (notification.state, notification.attempts, notification.last_error) == (
        Notification.State.FAILED,
        1,
        "ConnectionRefusedError",
    )
    assert notification.last_attempt_at is not None
    assert (
        f"Notification {notification.pk} for inquiry {inquiry.pk} not sent "
        "(ConnectionRefusedError); will retry"
    ) in caplog.messages
    assert "clinic.example" not in "\n".join(caplog.messages)

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    output = StringIO()
    call_command("send_notifications", stdout=output)

    notification.refresh_from_db()
    assert output.getvalue() == "Sent 1 notification(s); 0 failed.\n"
    assert (notification.state, notification.attempts) == (Notification.State.SENT, 2)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == f"New inquiry {inquiry.reference} (Routine)"


def test_after_a_failure_the_next_visitor_does_not_wait_for_the_mail_server(
    submit, settings, mailoutbox
):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    submit()

    second = submit(first_name="Second")

    notification = Notification.objects.get(inquiry=second)
    assert (notification.state, notification.attempts) == (Notification.State.PENDING, 0)


def test_command_leaves_fresh_pending_rows_to_on_commit_delivery(client, mailoutbox):
    client.post("/contact/", inquiry_data())
    output = StringIO()

    call_command("send_notifications", stdout=output)

    assert output.getvalue() == "Sent 0 notification(s); 0 failed.\n"
    assert Notification.objects.get().state == Notification.State.PENDING
    assert mailoutbox == []


def test_command_sends_pending_rows_older_than_a_minute(client, mailoutbox):
    client.post("/contact/", inquiry_data())
    age(Notification.objects.get())

    call_command("send_notifications", stdout=StringIO())

    assert Notification.objects.get().state == Notification.State.SENT
    assert len(mailoutbox) == 1


def test_command_fails_loudly_while_mail_is_still_down(client, settings, mailoutbox):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    client.post("/contact/", inquiry_data())
    notification = Notification.objects.get()
    age(notification)

    with pytest.raises(CommandError, match=r"1 notification\(s\) could not be sent"):
        call_command("send_notifications", stdout=StringIO())

    notification.refresh_from_db()
    assert (notification.state, notification.attempts) == (Notification.State.FAILED, 1)
    assert mailoutbox == []


def test_sent_notification_is_never_sent_twice(submit, mailoutbox):
    submit()
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=1))

    call_command("send_notifications", stdout=StringIO())

    assert len(mailoutbox) == 1
