"""An inquiry's page: what it shows beyond Django's change form, and its own forms.

The contact panel comes first (how to reach them, what not to do, why it is urgent, the
deadline as a countdown) with a one-step "Log call" form and the "Change status" form;
then the assessment appointments with "Book an assessment", and the person's other
inquiries (same phone number or email address) with "Merge"; then the change form
(triage, what they told us, the record); beside it the timeline, with "Add note" under
it. Each of the page's forms posts to its own URL (POST only, change permission, the
permission checked before the inquiry is looked up), calls one method of the inquiry and
redirects back to the page.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from admissions.forms import (
    AppointmentOutcomeForm,
    BookAppointmentForm,
    LogContactForm,
    MergeForm,
    MoveForm,
    NoteForm,
)
from admissions.models import AccessRecord, Appointment, Inquiry, WorkflowError

from .timeline import HISTORY_SHOWN, opened_summary, timeline

# The query parameter of the inquiry's page that shows the whole timeline.
WHOLE_TIMELINE = "timeline"


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


class InquiryPage:
    """What the inquiry's page shows beyond the change form, worked out when the
    template first asks for it: a POST that saves and redirects runs none of it."""

    def __init__(self, model_admin, request, inquiry):
        self.model_admin = model_admin
        self.request = request
        self.inquiry = inquiry

    @cached_property
    def can_work(self):
        """Whether this person may log contacts, add notes and move the status."""
        return self.model_admin.has_change_permission(self.request, self.inquiry)

    @property
    def about_someone_else(self):
        """The inquiry is about someone other than the person who sent it: 42 CFR Part 2
        forbids telling the sender anything about that person without their written
        consent."""
        return self.inquiry.inquiry_for == Inquiry.For.SOMEONE_ELSE

    @cached_property
    def whole_timeline(self):
        return self.request.GET.get(WHOLE_TIMELINE) == "all"

    @cached_property
    def timeline(self):
        return timeline(self.inquiry, limit=None if self.whole_timeline else HISTORY_SHOWN)

    @cached_property
    def whole_timeline_url(self):
        return f"{change_url(self.inquiry)}?{urlencode({WHOLE_TIMELINE: 'all'})}#timeline"

    @property
    def history_shown(self):
        return HISTORY_SHOWN

    @cached_property
    def opened(self):
        return opened_summary(self.inquiry.reference)

    @cached_property
    def access_trail_url(self):
        """The access trail of this inquiry, for those who may read it (superusers)."""
        trail_admin = self.model_admin.admin_site.get_model_admin(AccessRecord)
        if not trail_admin.has_view_permission(self.request):
            return ""
        query = urlencode({"inquiry_reference": self.inquiry.reference})
        return f"{reverse('admin:admissions_accessrecord_changelist')}?{query}"

    @cached_property
    def log_contact_form(self):
        return LogContactForm(self.inquiry)

    @cached_property
    def move_form(self):
        return MoveForm(self.inquiry)

    @cached_property
    def note_form(self):
        return NoteForm()

    def url(self, name):
        return reverse(f"admin:admissions_inquiry_{name}", args=[self.inquiry.pk])

    @cached_property
    def log_contact_url(self):
        return self.url("log_contact")

    @cached_property
    def move_url(self):
        return self.url("move")

    @cached_property
    def note_url(self):
        return self.url("add_note")

    # --- Assessment appointments

    @cached_property
    def appointments(self):
        """The inquiry's assessment appointments, oldest first, each with the URL of its
        outcome buttons while it is booked and this person may record what became of it.
        One query."""
        may_update = self.can_work and self.request.user.has_perm("admissions.change_appointment")
        return [
            AppointmentRow(
                appointment,
                outcome_url=(
                    reverse(
                        "admin:admissions_inquiry_appointment",
                        args=[self.inquiry.pk, appointment.pk],
                    )
                    if may_update and appointment.status == Appointment.Status.BOOKED
                    else ""
                ),
            )
            for appointment in self.inquiry.appointments.select_related("with_staff")
        ]

    @cached_property
    def can_book(self):
        """Whether this person may book an assessment for it now: only while it is open."""
        return (
            self.can_work
            and self.inquiry.is_open
            and self.request.user.has_perm("admissions.add_appointment")
        )

    @property
    def reopen_to_book(self):
        """Whether booking waits for a move back to Contacted (a closed inquiry that may
        be reopened)."""
        return (
            self.can_work
            and not self.inquiry.is_open
            and Inquiry.Status.CONTACTED in self.inquiry.allowed_moves()
        )

    @property
    def outcomes(self):
        return AppointmentOutcomeForm.OUTCOMES

    @cached_property
    def booking_form(self):
        return BookAppointmentForm(booking_staff())

    @cached_property
    def book_url(self):
        return self.url("book_appointment")

    # --- The same person's other inquiries

    @cached_property
    def others(self):
        return other_inquiries(self.inquiry)

    @cached_property
    def earlier_inquiries(self):
        """The same person's other inquiries (OtherInquiries), or None to leave the section
        out when there are none."""
        others = self.others
        return others if others.earlier or others.later else None

    @cached_property
    def merged_into(self):
        """The inquiry this one was merged into, if it was."""
        if self.inquiry.merged_into_id is None:
            return None
        for other in self.others.earlier:
            if other.inquiry.pk == self.inquiry.merged_into_id:
                return other.inquiry
        return self.inquiry.merged_into

    @cached_property
    def merge_form(self):
        """The form that merges this inquiry into an earlier one, or None when it may not
        be merged (already merged, no earlier inquiry to merge into, no permission)."""
        if not self.can_work or self.inquiry.status == Inquiry.Status.MERGED:
            return None
        candidates = self.others.merge_candidates
        return MergeForm(candidates) if candidates else None

    @cached_property
    def merge_url(self):
        return self.url("merge")


@dataclass(frozen=True)
class AppointmentRow:
    appointment: Appointment
    outcome_url: str = ""  # where its outcome buttons post; "" for none


def booking_staff():
    """Whom an assessment may be booked with: the active Admissions staff."""
    # Imported here: inquiry.py imports this module for InquiryPageViews.
    from .inquiry import assignable_staff

    return assignable_staff()


# Other inquiries listed on either side (earlier, later): the nearest ones.
OTHERS_SHOWN = 20


@dataclass(frozen=True)
class OtherInquiry:
    inquiry: Inquiry
    same_phone: bool
    same_email: bool


@dataclass(frozen=True)
class OtherInquiries:
    """The same person's other inquiries (Inquiry.objects.same_person_as), oldest first:
    those received before this one and those after, the nearest OTHERS_SHOWN of each."""

    earlier: list  # of OtherInquiry
    later: list
    earlier_not_shown: int = 0
    later_not_shown: int = 0

    @property
    def merge_candidates(self):
        """The earlier inquiries this one may be merged into: those not merged themselves."""
        return [
            other.inquiry
            for other in reversed(self.earlier)
            if other.inquiry.status != Inquiry.Status.MERGED
        ]


def other_inquiries(inquiry):
    """The same person's other inquiries, split into earlier and later ones. One query,
    of the few columns shown."""
    phone, email = inquiry.phone, inquiry.email.lower()
    found = [
        OtherInquiry(
            other,
            same_phone=bool(phone) and other.phone == phone,
            same_email=bool(email) and other.email.lower() == email,
        )
        for other in Inquiry.objects.same_person_as(inquiry)
        .only("reference", "received_at", "status", "phone", "email")
        .order_by("received_at", "pk")
    ]
    here = (inquiry.received_at, inquiry.pk)
    earlier = [other for other in found if (other.inquiry.received_at, other.inquiry.pk) < here]
    later = found[len(earlier) :]
    return OtherInquiries(
        earlier=earlier[-OTHERS_SHOWN:],
        later=later[:OTHERS_SHOWN],
        earlier_not_shown=max(len(earlier) - OTHERS_SHOWN, 0),
        later_not_shown=max(len(later) - OTHERS_SHOWN, 0),
    )


class InquiryPageViews:
    """For InquiryAdmin: the inquiry's page (its title, buttons and InquiryPage in the
    context) and the URLs of its own forms."""

    def get_urls(self):
        def form_url(suffix, view, name):
            return path(
                f"<path:object_id>/{suffix}/",
                self.admin_site.admin_view(view),
                name=f"admissions_inquiry_{name}",
            )

        return [
            form_url("move", self.move_view, "move"),
            form_url("log-contact", self.log_contact_view, "log_contact"),
            form_url("add-note", self.add_note_view, "add_note"),
            form_url("book-appointment", self.book_appointment_view, "book_appointment"),
            form_url(
                "appointments/<int:appointment_id>",
                self.update_appointment_view,
                "appointment",
            ),
            form_url("merge", self.merge_view, "merge"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The inquiry's page, titled by its reference. Side effect: its access record
        (RecordsAccess)."""
        inquiry = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if inquiry is not None and self.has_view_or_change_permission(request, inquiry):
            extra_context.update(
                title=_("Inquiry %(reference)s") % {"reference": inquiry.reference},
                subtitle=None,
                # Adding another inquiry is not what anyone does from this one.
                show_save_and_add_another=False,
                page=InquiryPage(self, request, inquiry),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {"title": _("Inquiry taken by phone"), **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    # --- The page's forms

    def inquiry_to_work(self, request, object_id):
        """The inquiry of a POST from its page, for someone who may change it. Permission
        comes before existence: to someone who may not change inquiries, a missing id
        and an existing one answer alike."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        inquiry = self.get_object(request, unquote(object_id))
        if inquiry is None:
            raise Http404
        if not self.has_change_permission(request, inquiry):
            raise PermissionDenied
        return inquiry

    def show_form_again(self, request, inquiry, form, title, form_template):
        """A form whose errors the browser did not catch, shown back with them on a page
        of its own so nothing typed is lost. Side effect: its access record."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "original": inquiry,
            "page": InquiryPage(self, request, inquiry),
            "form": form,
            "form_template": form_template,
            "change_url": change_url(inquiry),
        }
        response = TemplateResponse(request, "admin/admissions/inquiry/form_again.html", context)
        self.record_when_rendered(
            request, response, [inquiry], AccessRecord.View.CHANGE_WITH_ERRORS
        )
        return response

    def move_view(self, request, object_id):
        """POST only: move one inquiry to another status through the workflow."""
        inquiry = self.inquiry_to_work(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        form = MoveForm(inquiry, request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    self.message_user(request, error, messages.ERROR)
            return HttpResponseRedirect(change_url(inquiry))
        try:
            inquiry.move_to(
                form.cleaned_data["status"], by=request.user, note=form.cleaned_data["note"]
            )
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(request, self.status_message(inquiry), messages.SUCCESS)
        return HttpResponseRedirect(change_url(inquiry))

    @staticmethod
    def status_message(inquiry):
        return _("%(reference)s is now “%(status)s”.") % {
            "reference": inquiry.reference,
            "status": inquiry.get_status_display(),
        }

    def log_contact_view(self, request, object_id):
        """POST only: log a call, text or email in one step (Inquiry.log_contact)."""
        inquiry = self.inquiry_to_work(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        form = LogContactForm(inquiry, request.POST)
        if not form.is_valid():
            return self.show_form_again(
                request,
                inquiry,
                form,
                _("Log a call: inquiry %(reference)s") % {"reference": inquiry.reference},
                "admin/admissions/inquiry/_log_contact_form.html",
            )
        status = inquiry.status
        attempt = inquiry.log_contact(by=request.user, **form.cleaned_data)
        said = [
            _("Logged: %(channel)s, %(outcome)s.")
            % {"channel": attempt.get_channel_display(), "outcome": attempt.get_outcome_display()}
        ]
        if inquiry.status != status:
            said.append(self.status_message(inquiry))
        if form.cleaned_data["next_follow_up_at"]:
            said.append(
                _("Next follow-up: %(when)s.")
                % {
                    "when": date_format(
                        timezone.localtime(form.cleaned_data["next_follow_up_at"]),
                        "DATETIME_FORMAT",
                    )
                }
            )
        self.message_user(request, " ".join(str(part) for part in said), messages.SUCCESS)
        return HttpResponseRedirect(change_url(inquiry))

    def add_note_view(self, request, object_id):
        """POST only: add a note to the inquiry's timeline (Inquiry.add_note)."""
        inquiry = self.inquiry_to_work(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        form = NoteForm(request.POST)
        if not form.is_valid():
            return self.show_form_again(
                request,
                inquiry,
                form,
                _("Add a note: inquiry %(reference)s") % {"reference": inquiry.reference},
                "admin/admissions/inquiry/_note_form.html",
            )
        inquiry.add_note(form.cleaned_data["text"], by=request.user)
        self.message_user(request, _("Note added."), messages.SUCCESS)
        return HttpResponseRedirect(f"{change_url(inquiry)}#timeline")

    # --- Assessment appointments

    def book_appointment_view(self, request, object_id):
        """POST only: book an assessment (Inquiry.book_appointment), which moves the
        inquiry to Assessment scheduled."""
        if not request.user.has_perm("admissions.add_appointment"):
            raise PermissionDenied
        inquiry = self.inquiry_to_work(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        form = BookAppointmentForm(booking_staff(), request.POST)
        if not form.is_valid():
            return self.show_form_again(
                request,
                inquiry,
                form,
                _("Book an assessment: inquiry %(reference)s") % {"reference": inquiry.reference},
                "admin/admissions/inquiry/_book_appointment_form.html",
            )
        try:
            appointment = inquiry.book_appointment(by=request.user, **form.cleaned_data)
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(change_url(inquiry))
        said = _("Assessment booked: %(when)s, %(mode)s, with %(with)s.") % {
            "when": date_format(timezone.localtime(appointment.starts_at), "DATETIME_FORMAT"),
            "mode": appointment.get_mode_display(),
            "with": appointment.with_staff.get_username(),
        }
        self.message_user(request, f"{said} {self.status_message(inquiry)}", messages.SUCCESS)
        return HttpResponseRedirect(f"{change_url(inquiry)}#appointments")

    def update_appointment_view(self, request, object_id, appointment_id):
        """POST only: record what became of one of the inquiry's appointments (attended,
        no-show, cancelled) through Inquiry.update_appointment. Another inquiry's
        appointment is not found here."""
        if not request.user.has_perm("admissions.change_appointment"):
            raise PermissionDenied
        inquiry = self.inquiry_to_work(request, object_id)
        appointment = get_object_or_404(inquiry.appointments, pk=appointment_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        form = AppointmentOutcomeForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    self.message_user(request, error, messages.ERROR)
            return HttpResponseRedirect(f"{change_url(inquiry)}#appointments")
        inquiry.update_appointment(appointment, form.cleaned_data["status"], by=request.user)
        said = [
            _("Assessment of %(when)s: %(status)s.")
            % {
                "when": date_format(timezone.localtime(appointment.starts_at), "DATETIME_FORMAT"),
                "status": appointment.get_status_display(),
            }
        ]
        inquiry.refresh_from_db(fields=["status"])
        if (
            inquiry.status == Inquiry.Status.ASSESSMENT_SCHEDULED
            and not inquiry.appointments.filter(status=Appointment.Status.BOOKED).exists()
        ):
            said.append(
                _(
                    "%(reference)s is still “%(status)s” with no assessment booked: book "
                    "another time, or change its status."
                )
                % {"reference": inquiry.reference, "status": inquiry.get_status_display()}
            )
        self.message_user(request, " ".join(str(part) for part in said), messages.SUCCESS)
        return HttpResponseRedirect(f"{change_url(inquiry)}#appointments")

    # --- Merging a duplicate

    def merge_view(self, request, object_id):
        """POST only: merge this inquiry into an earlier one from the same person
        (Inquiry.merge_into), then go on to the earlier one, where the work goes on."""
        inquiry = self.inquiry_to_work(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(change_url(inquiry))
        refused, candidates = "", []
        if inquiry.status == Inquiry.Status.MERGED:
            refused = _("%(reference)s is merged already.")
        else:
            candidates = other_inquiries(inquiry).merge_candidates
            if not candidates:
                refused = _("%(reference)s has no earlier inquiry it could be merged into.")
        if refused:
            self.message_user(request, refused % {"reference": inquiry.reference}, messages.ERROR)
            return HttpResponseRedirect(change_url(inquiry))
        form = MergeForm(candidates, request.POST)
        if not form.is_valid():
            return self.show_form_again(
                request,
                inquiry,
                form,
                _("Merge inquiry %(reference)s") % {"reference": inquiry.reference},
                "admin/admissions/inquiry/_merge_form.html",
            )
        earlier = form.cleaned_data["into"]
        try:
            inquiry.merge_into(earlier, by=request.user)
        except WorkflowError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(change_url(inquiry))
        self.message_user(
            request,
            _("%(duplicate)s was merged into %(earlier)s: both timelines show it.")
            % {"duplicate": inquiry.reference, "earlier": earlier.reference},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url(earlier))
