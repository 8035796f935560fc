"""The content editors' admin: pages, schedule, therapies, questions, clinic details.

Every model keeps its change history (django-simple-history): the "History" button on
each record shows who changed what and when, with the earlier text.
"""

from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import ClinicSettings, FaqEntry, Page, PageSection, Session, Therapy, Track


class PageSectionInline(admin.StackedInline):
    model = PageSection
    extra = 0
    fields = ["order", "heading", "body"]


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "slug",
        "visibility",
        "layout",
        "show_in_nav",
        "nav_order",
        "updated_at",
    ]
    list_filter = ["status", "show_in_nav", "layout"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at"]
    inlines = [PageSectionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "intro", "body", "layout"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "updated_at"]}),
        (_("Main menu"), {"fields": ["show_in_nav", "nav_label", "nav_order"]}),
        (_("Search engines and sharing"), {"fields": ["meta_description"]}),
    ]

    @admin.display(description=_("visible to visitors"))
    def visibility(self, page):
        if page.status == Page.Status.DRAFT:
            return _("No (draft)")
        if page.publish_at and page.publish_at > timezone.now():
            local = timezone.localtime(page.publish_at)
            return _("From %(when)s") % {"when": local.strftime("%Y-%m-%d %H:%M")}
        return _("Yes")


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["weekday", "start_time", "end_time", "mode", "location"]


@admin.register(Track)
class TrackAdmin(SimpleHistoryAdmin):
    list_display = ["name", "mode", "days", "weeks_label", "order", "is_published"]
    list_filter = ["is_published", "mode"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SessionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sessions")

    @admin.display(description=_("days"))
    def days(self, track):
        return ", ".join(str(day) for day in track.day_names)

    @admin.display(description=_("typical length"))
    def weeks_label(self, track):
        return track.weeks_label


@admin.register(Therapy)
class TherapyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "order", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "order", "is_published"]


@admin.register(FaqEntry)
class FaqEntryAdmin(SimpleHistoryAdmin):
    list_display = ["question", "order", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    fields = ["question", "slug", "answer", "order", "is_published"]


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(SimpleHistoryAdmin):
    """One record only: the list goes straight to it, and it cannot be added twice
    or deleted."""

    # A link typed without a scheme ("facebook.com/...") is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    fieldsets = [
        (None, {"fields": ["name", "admissions_phone"]}),
        (_("Address"), {"fields": ["street_address", "city", "region", "postal_code"]}),
        (_("Opening hours"), {"fields": ["opening_hours", "opening_hours_spec"]}),
        (
            _("Licence and accreditation"),
            {"fields": ["licence_number", "licence_expires", "accreditations"]},
        ),
        (
            _("Social media"),
            {"fields": ["facebook_url", "instagram_url", "linkedin_url", "youtube_url"]},
        ),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ClinicSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        existing = ClinicSettings.load()
        if existing is not None:
            return redirect(reverse("admin:programs_clinicsettings_change", args=[existing.pk]))
        return super().changelist_view(request, extra_context)
