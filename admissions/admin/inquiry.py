"""The inquiry admin: its actions, the CSV export and the report, and the change form of an
inquiry's page (the rest of the page is in page.py, the queue's columns, order, search and
the pages beside it in worklist.py)."""

import csv
from datetime import datetime
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from phonenumber_field.widgets import RegionalPhoneNumberWidget

from admissions.forms import ReportPeriodForm
from admissions.models import AccessRecord, Inquiry, WorkflowError

from .access import RecordsAccess
from .inlines import name_controls
from .page import InquiryPageViews
from .reporting import CSV_COLUMNS, csv_value, inquiry_report, neutralise_cell, report_csv_rows
from .worklist import InquiryWorklist

Status = Inquiry.Status

RECORD_FIELDS = (
    "reference",
    "status",
    "why_urgent",
    "held_for_review",
    "received_at",
    "first_contact_due_at",
    "first_contact_at",
    "assessment_scheduled_at",
    "closed_at",
    "consent_at",
    "privacy_notice",
    "privacy_notice_language",
    "created_by",
)
ATTRIBUTION_FIELDS = (
    "landing_page",
    "referrer",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
)
# What the visitor told us that staff may correct after a call (typos in how to reach them).
CORRECTABLE_FIELDS = ("phone", "email")
# The staff group that works inquiries (AdmissionsConfig.staff_group_permissions).
ADMISSIONS_GROUP = "Admissions"


def assignable_staff(current=None):
    """Who an inquiry may be assigned to: active staff in the Admissions group. With
    `current` (the id of the person it is assigned to now), that person too, so that
    saving an inquiry's page never unassigns silently someone who has since left."""
    people = get_user_model().objects.filter(
        is_active=True, is_staff=True, groups__name=ADMISSIONS_GROUP
    )
    if current is not None:
        people = people | get_user_model().objects.filter(pk=current)
    return people.distinct().order_by("username")


@admin.register(Inquiry)
class InquiryAdmin(RecordsAccess, InquiryWorklist, InquiryPageViews, admin.ModelAdmin):
    actions = (
        "delete_selected",
        "assign_to_me",
        "mark_contacted",
        "release_hold",
        "mark_spam",
        "export_csv",
    )
    change_form_template = "admin/admissions/inquiry/change_form.html"

    class Media:
        css = {"all": ["admissions/admin.css"]}

    def inquiry_references(self, inquiries):
        return [inquiry.reference for inquiry in inquiries]

    # --- Columns

    @admin.display(description=_("why urgent"))
    def why_urgent(self, inquiry):
        return inquiry.urgent_because or "-"

    @admin.display(description=_("privacy notice agreed to"))
    def privacy_notice(self, inquiry):
        """The version of the privacy notice they agreed to, as the date it denotes: a
        version is the time the notice was last changed (programs.models.
        privacy_notice_version)."""
        version = inquiry.privacy_notice_version
        try:
            changed = datetime.fromisoformat(version)
        except ValueError:
            return version or "-"
        if timezone.is_aware(changed):
            changed = timezone.localtime(changed)
        return format_html(
            '<time datetime="{}">{}</time>', version, date_format(changed, "DATE_FORMAT")
        )

    def get_queryset(self, request):
        # The inquiry's page shows whom it is assigned to and who took it by phone.
        return super().get_queryset(request).select_related("assigned_to", "created_by")

    # --- Permissions

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_export_permission(self, request):
        return request.user.has_perm("admissions.export_inquiry")

    def has_report_permission(self, request):
        return request.user.has_perm("admissions.view_inquiry_report")

    # --- Forms

    def get_fieldsets(self, request, obj=None):
        visitor = [
            ("inquiry_for", "source"),
            ("first_name", "language"),
            ("phone", "email"),
            ("contact_method", "best_time"),
            ("voicemail_ok", "texts_ok"),
            ("program_interest", "heard_about"),
            "insurance_provider",
            "message",
        ]
        triage = ["priority", "assigned_to", "next_follow_up_at"]
        if obj is None:
            return [
                (_("What they told us"), {"fields": visitor}),
                (_("Triage"), {"fields": triage}),
            ]
        return [
            (_("Triage"), {"fields": triage}),
            (_("What they told us"), {"fields": visitor}),
            (_("Record"), {"fields": RECORD_FIELDS}),
            (_("Where they came from"), {"fields": ATTRIBUTION_FIELDS, "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        visitor = [name for name in Inquiry.VISITOR_FIELDS if name not in CORRECTABLE_FIELDS]
        return (*RECORD_FIELDS, "source", "language", *visitor, *ATTRIBUTION_FIELDS)

    def get_changeform_initial_data(self, request):
        return {"source": Inquiry.Source.PHONE, **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The assignment choices depend on whom the inquiry is assigned to now.
        kwargs.setdefault(
            "formfield_callback", partial(self.formfield_for_dbfield, request=request, inquiry=obj)
        )
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_dbfield(self, db_field, request, inquiry=None, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = assignable_staff(
                current=inquiry.assigned_to_id if inquiry is not None else None
            )
        if db_field.name == "phone":
            # (503) 224-1001 rather than +15032241001.
            kwargs["widget"] = RegionalPhoneNumberWidget(
                region=db_field.region, attrs={"class": "vTextField"}
            )
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, forms.MultiWidget):
            name_controls(formfield)
        return formfield

    def save_model(self, request, obj, form, change):
        """Through the inquiry's own methods, so that each change is in its history: an
        inquiry taken by phone is received; on an existing one, a priority change, a
        reassignment and corrected contact details each write their event (ids only,
        never the values), and a new follow-up time is saved."""
        if not change:
            obj.created_by = request.user
            obj.consent_at = None
            obj.receive(by=request.user)
            return
        changed = set(form.changed_data)
        if "priority" in changed:
            obj.set_priority(obj.priority, by=request.user)
        if "assigned_to" in changed:
            obj.assign_to(obj.assigned_to, by=request.user)
        if changed & set(CORRECTABLE_FIELDS):
            obj.correct_contact_details(obj.phone, obj.email, by=request.user)
        if "next_follow_up_at" in changed:
            obj.save(update_fields=["next_follow_up_at", "updated_at"])

    # --- Views

    def get_urls(self):
        return [
            path(
                "report/",
                self.admin_site.admin_view(self.report_view),
                name="admissions_inquiry_report",
            ),
            *super().get_urls(),
        ]

    def report_view(self, request):
        """Counts only, no personal data: the one admissions page Marketing may open. One
        whole past month at a time (ReportPeriodForm), small counts hidden
        (reporting.inquiry_report), for everyone who may open it; the figures by staff
        member only for holders of view_staff_figures."""
        if not self.has_report_permission(request):
            raise PermissionDenied
        query = request.GET if "month" in request.GET else ReportPeriodForm.default_period()
        form = ReportPeriodForm(query)
        staff_figures_shown = request.user.has_perm("admissions.view_staff_figures")
        report = inquiry_report(*form.period(), staff_figures_shown) if form.is_valid() else None
        if report and request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="admissions-report-{report["start"]:%Y-%m}.csv"'
            )
            csv.writer(response).writerows(report_csv_rows(report))
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("Admissions report"),
            "opts": self.opts,
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/admissions/inquiry/report.html", context)

    # --- Actions

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        if not assignable_staff().filter(pk=request.user.pk).exists():
            self.message_user(
                request,
                _(
                    "Inquiries are assigned to active Admissions staff only, and you are not "
                    "in the Admissions group."
                ),
                messages.ERROR,
            )
            return
        changed = sum(inquiry.assign_to(request.user, by=request.user) for inquiry in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d inquiry assigned to you.",
                "%(count)d inquiries assigned to you.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )

    def _move_selected(self, request, queryset, status):
        moved, refused = 0, []
        for inquiry in queryset:
            try:
                moved += inquiry.move_to(status, by=request.user)
            except WorkflowError:
                refused.append(inquiry.reference)
        label = Status(status).label
        self.message_user(
            request,
            ngettext(
                "%(count)d inquiry moved to “%(status)s”.",
                "%(count)d inquiries moved to “%(status)s”.",
                moved,
            )
            % {"count": moved, "status": label},
            messages.SUCCESS,
        )
        if refused:
            self.message_user(
                request,
                _("Not moved (the workflow does not allow it from their status): %(refs)s")
                % {"refs": ", ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Mark contacted"), permissions=["change"])
    def mark_contacted(self, request, queryset):
        self._move_selected(request, queryset, Status.CONTACTED)

    @admin.action(description=_("Release from hold (not spam)"), permissions=["change"])
    def release_hold(self, request, queryset):
        released = sum(inquiry.release_hold(by=request.user) for inquiry in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d inquiry released from hold.",
                "%(count)d inquiries released from hold.",
                released,
            )
            % {"count": released},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._move_selected(request, queryset, Status.SPAM)

    @admin.action(description=_("Export to CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        """Side effects: an 'exported' event on every exported inquiry, and their
        access records."""
        inquiries = list(queryset.select_related("assigned_to"))
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="inquiries-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow([str(label) for _name, label in CSV_COLUMNS])
        for inquiry in inquiries:
            writer.writerow([neutralise_cell(csv_value(inquiry, name)) for name, _l in CSV_COLUMNS])
        queryset.record_export(by=request.user)
        AccessRecord.record(
            request.user, self.inquiry_references(inquiries), AccessRecord.View.EXPORT
        )
        return response
