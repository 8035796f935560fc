"""The inquiry queue as a worklist, and the pages beside it.

The queue (Django's change list) opens on open inquiries in the order of what needs a
human soonest (admissions.worklist); each row says how to reach the person and counts
down to what is due. Beside it: "My work" (one coordinator's calls, overdue inquiries,
unassigned new ones and appointments), the week of assessment appointments, and the
background refresh the queue's script polls (`pulse`: counts and references only, not
staff activity, no access record). Every page here that shows inquiries records them in
the access trail (access.RecordsAccess).
"""

import re

from django.contrib import admin
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from phonenumber_field.phonenumber import to_python

from admissions.models import AccessRecord, Inquiry
from admissions.templatetags.admissions_admin import choice_label, deadline, reach_link
from admissions.worklist import (
    NEEDS_A_HUMAN_SOONEST,
    MyWork,
    appointments_by_day,
    pulse,
    upcoming_appointments,
    with_deadlines,
    with_returning,
)
from iop_site.idle import background_refresh

from .filters import AssignedFilter, OverdueFilter, QueueFilter
from .page import change_url

Status = Inquiry.Status

# How much of the message a row shows.
MESSAGE_PREVIEW_CHARACTERS = 80
# How often the queue's script asks for the counts, in seconds.
PULSE_SECONDS = 30
# A search that is only digits and the punctuation of a phone number, with this many
# digits at least, also finds phone numbers that contain those digits.
PHONE_SEARCH = re.compile(r"[\d\s().+\-]+")
PHONE_SEARCH_MIN_DIGITS = 7


class InquiryWorklist:
    """For InquiryAdmin: the queue's columns, filters, search and order, and the My
    work, week-of-appointments and pulse views."""

    list_display = (
        "inquiry",
        "how_to_reach",
        "message_start",
        "priority_label",
        "status",
        "assignee",
        "due",
        "received",
    )
    # The reference in the first column is the link, without the list's filters and
    # search in its address: a search may be a name or a phone number.
    list_display_links = None
    list_filter = (
        QueueFilter,
        "status",
        "priority",
        "held_for_review",
        "language",
        AssignedFilter,
        OverdueFilter,
        "program_interest",
        "source",
        ("received_at", admin.DateFieldListFilter),
    )
    search_fields = ("=reference", "first_name", "=email", "message", "insurance_provider")
    search_help_text = _(
        "Reference, first name, email address, phone number (in any format), words of the "
        "message or the insurer."
    )
    list_select_related = ("assigned_to",)
    list_per_page = 50
    show_full_result_count = False

    # --- Columns

    @admin.display(description=_("inquiry"))
    def inquiry(self, inquiry):
        lines = [format_html('<a href="{}">{}</a>', change_url(inquiry), inquiry.reference)]
        lines.append(format_html('<span class="first-name">{}</span>', inquiry.first_name))
        if inquiry.returning:
            lines.append(
                format_html(
                    '<span class="returning"><span aria-hidden="true">↺</span> {}</span>',
                    _("Returning: wrote before"),
                )
            )
        if inquiry.language != Inquiry.Language.ENGLISH:
            # Who calls back: a coordinator who speaks it.
            lines.append(
                format_html(
                    '<strong class="language">{}</strong>',
                    choice_label(inquiry, "language"),
                )
            )
        if inquiry.inquiry_for == Inquiry.For.SOMEONE_ELSE:
            lines.append(format_html('<span class="warning">{}</span>', _("About someone else")))
        return format_html_join(
            " ", '<span class="cell-line">{}</span>', ((line,) for line in lines)
        )

    @admin.display(description=_("how to reach them"))
    def how_to_reach(self, inquiry):
        prefers = format_html(
            "{}, {}",
            choice_label(inquiry, "contact_method"),
            choice_label(inquiry, "best_time").lower(),
        )
        return format_html(
            '{}<br><span class="prefers">{}</span><br>{} {}',
            reach_link(inquiry),
            prefers,
            flag(inquiry.voicemail_ok, _("Voicemail OK"), _("No voicemail")),
            flag(inquiry.texts_ok, _("Texts OK"), _("No texts")),
        )

    @admin.display(description=_("message"))
    def message_start(self, inquiry):
        if inquiry.crisis_rule:
            # The safety net never puts the words that made an inquiry urgent on a list
            # (the priority column says why); they are on the inquiry's page.
            return format_html('<span class="quiet">{}</span>', _("(on the inquiry's page)"))
        words = " ".join(inquiry.message.split())
        if not words:
            return format_html('<span class="quiet">{}</span>', _("(no message)"))
        return Truncator(words).chars(MESSAGE_PREVIEW_CHARACTERS)

    @admin.display(description=_("priority"), ordering=F("priority").desc())
    def priority_label(self, inquiry):
        label = (
            format_html('<strong class="urgent">{}</strong>', _("URGENT"))
            if inquiry.is_urgent
            else choice_label(inquiry, "priority")
        )
        if inquiry.is_urgent and inquiry.status == Status.NEW:
            # What makes the row stand out (worklist.css).
            label = format_html(
                '{}<br><strong class="new-urgent">{}</strong>', label, _("NEW: CALL FIRST")
            )
        if inquiry.is_urgent:
            label = format_html(
                '{}<br><span class="quiet">{}</span>', label, inquiry.urgent_because
            )
        if inquiry.held_for_review:
            label = format_html('{}<br><strong class="held">{}</strong>', label, _("HELD"))
        return label

    @admin.display(description=_("assigned to"), ordering=F("assigned_to__username").asc())
    def assignee(self, inquiry):
        if inquiry.assigned_to is None:
            return format_html('<span class="quiet">{}</span>', _("Unassigned"))
        return inquiry.assigned_to.get_username()

    @admin.display(description=_("next due"), ordering=F("next_due_at").asc(nulls_last=True))
    def due(self, inquiry):
        due_at = inquiry.next_due_at
        if due_at is None:
            return "-"
        what = _("First contact") if inquiry.first_contact_at is None else _("Follow-up")
        when = deadline(due_at)
        if inquiry.past_due:
            when = format_html('<strong class="overdue">{}</strong>', when)
        shown = format_html("{}<br>{}", what, when)
        if inquiry.first_contact_at is None and inquiry.next_follow_up_at:
            # A try planned before anyone reached them; the deadline still counts.
            shown = format_html(
                '{}<br><span class="quiet">{} {}</span>',
                shown,
                _("Next try:"),
                deadline(inquiry.next_follow_up_at),
            )
        return shown

    @admin.display(description=_("received"), ordering=F("received_at").asc())
    def received(self, inquiry):
        return format_html(
            '<time datetime="{}">{}</time><br><span class="quiet">{}</span>',
            inquiry.received_at.isoformat(timespec="seconds"),
            date_format(timezone.localtime(inquiry.received_at), "SHORT_DATETIME_FORMAT"),
            naturaltime(inquiry.received_at),
        )

    # --- Order and search

    def get_queryset(self, request):
        # The annotations the order and the columns read; on every page, since the
        # change list's actions and the inquiry's page share this queryset.
        return with_returning(with_deadlines(super().get_queryset(request)))

    def get_ordering(self, request):
        return NEEDS_A_HUMAN_SOONEST

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        number = to_python(term, region="US")
        if number and number.is_valid():
            results |= queryset.filter(phone=number.as_e164)
        digits = re.sub(r"\D", "", term)
        if PHONE_SEARCH.fullmatch(term) and len(digits) >= PHONE_SEARCH_MIN_DIGITS:
            results |= queryset.filter(phone__contains=digits)
        return results, may_have_duplicates

    # --- Views

    def get_urls(self):
        def page(route, view, name):
            return path(route, self.admin_site.admin_view(view), name=f"admissions_inquiry_{name}")

        return [
            page("pulse/", background_refresh(require_GET(self.pulse_view)), "pulse"),
            page("my-work/", self.my_work_view, "my_work"),
            page("appointments/", self.appointments_view, "appointments"),
            *super().get_urls(),
        ]

    def worklist_context(self):
        """What the queue's script needs: the counts now (worked out when a page shows
        them, not for an action's redirect or a refusal), and where to ask for them."""
        return {
            "pulse": SimpleLazyObject(pulse),
            "pulse_url": reverse("admin:admissions_inquiry_pulse"),
            "pulse_seconds": PULSE_SECONDS,
            "my_work_url": reverse("admin:admissions_inquiry_my_work"),
            "appointments_url": reverse("admin:admissions_inquiry_appointments"),
        }

    def changelist_view(self, request, extra_context=None):
        extra_context = {**self.worklist_context(), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def pulse_view(self, request):
        """The queue's background refresh: counts and the references of new urgent
        inquiries (admissions.worklist.pulse), never a name or a message, so no access
        record; not staff activity (@background_refresh), so an unattended queue still
        signs out at the idle limit."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return JsonResponse(pulse())

    def page_context(self, request, title):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return {
            **self.admin_site.each_context(request),
            **self.worklist_context(),
            "title": title,
            "subtitle": None,
            "opts": self.opts,
            "changelist_url": reverse("admin:admissions_inquiry_changelist"),
        }

    def my_work_view(self, request):
        """The signed-in coordinator's calls due today, their overdue inquiries, the new
        inquiries nobody has taken and their appointments this week. Side effect: the
        access records of every inquiry it shows."""
        context = self.page_context(request, _("My work"))
        work = MyWork(request.user)
        lists = [
            {"name": name, "inquiries": list(work.inquiries(name))}
            for name in ("due_today", "overdue", "unassigned_new")
        ]
        appointments = list(work.appointments())
        context.update(
            now=work.now,
            counts=work.counts(),
            lists={entry["name"]: entry["inquiries"] for entry in lists},
            appointments=appointments,
        )
        response = TemplateResponse(request, "admin/admissions/inquiry/my_work.html", context)
        shown = [inquiry for entry in lists for inquiry in entry["inquiries"]]
        shown += [appointment.inquiry for appointment in appointments]
        self.record_when_rendered(request, response, shown, AccessRecord.View.MY_WORK)
        return response

    def appointments_view(self, request):
        """Every booked assessment appointment from today through the next six days, by
        day. Side effect: the access records of their inquiries."""
        context = self.page_context(request, _("Assessment appointments this week"))
        appointments = list(upcoming_appointments())
        context["days"] = appointments_by_day(appointments)
        response = TemplateResponse(
            request, "admin/admissions/inquiry/appointments_week.html", context
        )
        self.record_when_rendered(
            request,
            response,
            [appointment.inquiry for appointment in appointments],
            AccessRecord.View.APPOINTMENTS,
        )
        return response


def flag(allowed, yes, no):
    """A yes/no contact preference as a mark and words: never the mark alone."""
    if allowed:
        return format_html(
            '<span class="flag flag-yes"><span aria-hidden="true">✓</span> {}</span>', yes
        )
    return format_html('<span class="flag flag-no"><span aria-hidden="true">✗</span> {}</span>', no)
