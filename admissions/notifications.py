"""Emails to the admissions mailboxes about new inquiries, through an outbox.

The inquiry and its Notification row are committed together; delivery is tried right
after the commit (transaction.on_commit) with a short SMTP timeout
(ADMISSIONS_EMAIL_TIMEOUT), so a slow or down mail server delays the visitor by a few
seconds at most and never loses the inquiry. After a failure the mail server is
skipped for a minute (a flag in the shared cache), so a dead server costs one visitor
the timeout, not all of them. `manage.py send_notifications`, run every minute, sends
what is still pending and retries failures.

An email holds the reference, the priority and a link to the admin page: never a
name, phone number, email address or message. Failures are recorded as the error's
class name only (an exception's text can echo addresses).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .apps import ADMISSIONS_GROUP
from .models import Notification

logger = logging.getLogger(__name__)

MAIL_DOWN_KEY = "admissions:mail-down"
MAIL_DOWN_SECONDS = 60
# Rows the on-commit delivery may still be handling are left alone by the command.
COMMAND_GRACE = timedelta(seconds=60)
MAX_ATTEMPTS = 100


def admin_link(inquiry):
    return settings.SITE_URL + reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


def recipients():
    """Who is told of a new inquiry: the mailboxes in ADMISSIONS_NOTIFY_EMAILS or, when
    it is unset, the active members of the Admissions group who have an email address."""
    if settings.ADMISSIONS_NOTIFY_EMAILS:
        return list(settings.ADMISSIONS_NOTIFY_EMAILS)
    staff = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=ADMISSIONS_GROUP)
        .exclude(email="")
    )
    return sorted(set(staff.values_list("email", flat=True)))


def queue_new_inquiry(inquiry):
    """Inside the inquiry's transaction: write the outbox row and arrange delivery after
    the commit. Does nothing when there is nobody to tell."""
    if not recipients():
        return None
    notification = Notification.objects.create(inquiry=inquiry)
    transaction.on_commit(lambda: deliver_soon(notification.pk))
    return notification


def deliver_soon(notification_id):
    """After commit, in the visitor's request: one quick try, unless the mail server was
    found down in the last minute (the command will send it)."""
    try:
        if cache.get(MAIL_DOWN_KEY):
            return
    except Exception as exc:
        logger.warning("Notification: cache unavailable (%s)", type(exc).__name__)
    deliver(notification_id, timeout=settings.ADMISSIONS_EMAIL_TIMEOUT)


def build_message(notification, connection, to):
    """The email, in the staff's language (the site's default) whatever the language of
    the inquiry or of the request it is sent in: a Spanish inquiry is flagged on its
    page, never in an email."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build_message(notification, connection, to)


def _build_message(notification, connection, to):
    inquiry = notification.inquiry
    priority = inquiry.get_priority_display()
    subject = _("New inquiry %(reference)s (%(priority)s)") % {
        "reference": inquiry.reference,
        "priority": priority,
    }
    if inquiry.is_urgent:
        subject = _("URGENT: ") + subject
    body = "\n".join(
        [
            _("A new admissions inquiry has arrived."),
            "",
            _("Reference: %(reference)s") % {"reference": inquiry.reference},
            _("Priority: %(priority)s") % {"priority": priority},
            "",
            _("Open it in the staff area (login required):"),
            admin_link(inquiry),
            "",
            _("For privacy, this email never contains the person's details."),
        ]
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        connection=connection,
    )


def claim(notification):
    """Take the row for one delivery attempt; False if another process took it first."""
    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification.pk, attempts=notification.attempts, state=notification.state
    ).update(attempts=notification.attempts + 1, last_attempt_at=now)
    notification.attempts += 1
    notification.last_attempt_at = now
    return claimed == 1


def deliver(notification_id, timeout=None):
    """Try to send one notification. Side effects: updates its row (attempts, state,
    last error class) and, on failure, flags the mail server as down for a minute.
    Returns True when sent."""
    notification = (
        Notification.objects.select_related("inquiry")
        .filter(pk=notification_id)
        .exclude(state=Notification.State.SENT)
        .first()
    )
    to = recipients() if notification is not None else []
    if not to:
        return False
    if not claim(notification):
        return False
    try:
        connection = get_connection(fail_silently=False, timeout=timeout)
        build_message(notification, connection, to).send()
    except Exception as exc:
        error = type(exc).__name__
        Notification.objects.filter(pk=notification.pk).update(
            state=Notification.State.FAILED, last_error=error[:100]
        )
        logger.warning(
            "Notification %s for inquiry %s not sent (%s); will retry",
            notification.pk,
            notification.inquiry_id,
            error,
        )
        try:
            cache.set(MAIL_DOWN_KEY, True, MAIL_DOWN_SECONDS)
        except Exception as cache_exc:
            logger.warning("Notification: cache unavailable (%s)", type(cache_exc).__name__)
        return False
    Notification.objects.filter(pk=notification.pk).update(
        state=Notification.State.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def pending_notifications(now=None):
    """What the command should (re)send: failures, and pending rows the on-commit
    delivery did not get to (older than a minute)."""
    now = now or timezone.now()
    return Notification.objects.filter(attempts__lt=MAX_ATTEMPTS).filter(
        state=Notification.State.FAILED
    ) | Notification.objects.filter(
        attempts__lt=MAX_ATTEMPTS,
        state=Notification.State.PENDING,
        created_at__lt=now - COMMAND_GRACE,
    )


def send_pending(now=None):
    """Send every pending or failed notification; returns (sent, failed) counts."""
    sent = failed = 0
    ids = list(pending_notifications(now).order_by("created_at").values_list("pk", flat=True))
    for notification_id in ids:
        if deliver(notification_id):
            sent += 1
        else:
            failed += 1
    if sent:
        try:
            cache.delete(MAIL_DOWN_KEY)
        except Exception as exc:
            logger.warning("Notification: cache unavailable (%s)", type(exc).__name__)
    return sent, failed
