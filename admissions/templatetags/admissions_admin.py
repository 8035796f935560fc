"""The admissions queue's health on the admin index."""

import functools
import statistics
from datetime import timedelta

import phonenumbers
from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from phonenumber_field.phonenumber import PhoneNumber

from admissions.models import Inquiry, Notification
from admissions.worklist import MyWork

register = template.Library()

# The median is computed in Python (the same on SQLite and PostgreSQL) over at most
# this many recent first contacts.
MEDIAN_SAMPLE = 5000
MINUTES_PER_DAY = 24 * 60


def median_minutes_to_first_contact(days=30, now=None):
    now = now or timezone.now()
    pairs = (
        Inquiry.objects.filter(
            received_at__gte=now - timedelta(days=days), first_contact_at__isnull=False
        )
        .exclude(status=Inquiry.Status.SPAM)
        .order_by("-received_at")
        .values_list("received_at", "first_contact_at")[:MEDIAN_SAMPLE]
    )
    minutes = [max((contact - received).total_seconds() / 60, 0) for received, contact in pairs]
    return statistics.median(minutes) if minutes else None


def format_minutes(minutes):
    if minutes is None:
        return _("no first contacts yet")
    return format_duration(minutes)


def format_duration(minutes):
    """A length of time for people: "42 min", "1 h 10 min", "2 days 3 h"."""
    minutes = round(minutes)
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    if minutes < MINUTES_PER_DAY:
        return _("%(hours)d h %(minutes)02d min") % {
            "hours": minutes // 60,
            "minutes": minutes % 60,
        }
    days, minutes = divmod(minutes, MINUTES_PER_DAY)
    return ngettext("%(days)d day %(hours)d h", "%(days)d days %(hours)d h", days) % {
        "days": days,
        "hours": minutes // 60,
    }


def countdown(due_at, now=None):
    """How long until a deadline, or how long past it: "due in 42 min", "overdue 1 h 10
    min", "due now" (within the minute). The one wording of a deadline, for the inquiry's
    page and the queue."""
    seconds = (due_at - (now or timezone.now())).total_seconds()
    if abs(seconds) < 60:
        return _("due now")
    duration = format_duration(abs(seconds) // 60)
    if seconds > 0:
        return _("due in %(duration)s") % {"duration": duration}
    return _("overdue %(duration)s") % {"duration": duration}


@register.simple_tag
def deadline(due_at, now=None):
    """The countdown to `due_at` in a <time> element that carries the deadline itself."""
    return format_html(
        '<time datetime="{}">{}</time>',
        due_at.isoformat(timespec="seconds"),
        countdown(due_at, now),
    )


def phone_for_reading(phone):
    """A phone number as people read it: (503) 224-1001 within the clinic's own calling
    code (that of Inquiry.phone's region: +1 is dialed the same way across the US and
    Canada), +44 20 7946 0958 from elsewhere. The calling code is compared rather than
    the region looked up, which would match the number against some 25 regions' patterns
    for every row of the queue."""
    home = phonenumbers.country_code_for_region(Inquiry._meta.get_field("phone").region)
    if phone.country_code == home:
        return phone.as_national
    return phone.as_international


@register.simple_tag
def phone_link(phone):
    """A phone number formatted for reading, as a click-to-call link; "" without one
    (an empty phone is "" or None; a PhoneNumber's truth would format it to find out)."""
    if not isinstance(phone, PhoneNumber):
        return ""
    return format_html('<a href="tel:{}">{}</a>', phone.as_e164, phone_for_reading(phone))


@register.simple_tag
def reach_link(inquiry):
    """How to reach them, as a link: their phone (click to call), else their email."""
    return phone_link(inquiry.phone) or format_html(
        '<a href="mailto:{}">{}</a>', inquiry.email, _("Email only")
    )


@functools.cache
def _choice_labels(model, name):
    # The labels stay lazy: each is translated when it is shown.
    return dict(model._meta.get_field(name).flatchoices)


@register.filter
def choice_label(instance, name):
    """What get_FOO_display() gives (the stored value if it is not a choice), without
    building the field's whole choices mapping again for every call, as it does: the
    queue and My work show three or four choices on every row."""
    value = getattr(instance, name)
    return _choice_labels(type(instance), name).get(value, value)


@register.simple_tag
def my_work(user):
    """The counts of `user`'s work for the admin home (MyWork.counts) and the link to My
    work, or None for someone who may not view inquiries. Counts only: no access record."""
    if not user.has_perm("admissions.view_inquiry"):
        return None
    return {"url": reverse("admin:admissions_inquiry_my_work"), **MyWork(user).counts()}


@register.simple_tag
def queue_health(user):
    """Counts for admissions staff, a report link for anyone allowed it, else None."""
    health = {}
    if user.has_perm("admissions.view_inquiry_report"):
        health["report_url"] = reverse("admin:admissions_inquiry_report")
    if user.has_perm("admissions.view_inquiry"):
        open_inquiries = Inquiry.objects.open()
        median = median_minutes_to_first_contact()
        health.update(
            changelist_url=reverse("admin:admissions_inquiry_changelist"),
            new=open_inquiries.filter(status=Inquiry.Status.NEW).count(),
            urgent=open_inquiries.filter(priority=Inquiry.Priority.URGENT).count(),
            overdue=Inquiry.objects.overdue().count(),
            median_minutes=median,
            median_display=format_minutes(median),
        )
        if user.has_perm("admissions.view_notification"):
            health["notifications_url"] = reverse("admin:admissions_notification_changelist")
            health["unsent_notifications"] = Notification.objects.filter(
                state=Notification.State.FAILED
            ).count()
    return health or None
