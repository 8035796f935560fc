"""The content editors' admin: pages, schedule, therapies, questions, articles, people,
clinic details, accreditations.

Every model keeps its change history (django-simple-history). Translated fields show
once per language, English above Spanish (modeltranslation's plain side-by-side
TranslationAdmin: its tabbed variant loads jQuery UI from a CDN, and nothing here comes
from another origin). Pages, articles and the
clinic settings also keep revisions (programs/admin_revisions.py): a change to a live
one is a draft until published, and their "History" lists the revisions.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin

from . import image_admin  # noqa: F401  (registers the image library's admin)
from .admin_revisions import RevisionAdminMixin, is_live
from .editor_admin import ContentEditorAdmin, ContentEditorInline
from .models import (
    Accreditation,
    Article,
    ClinicSettings,
    FaqEntry,
    Page,
    PageSection,
    Person,
    Session,
    Therapy,
    Topic,
    Track,
)
from .models.articles import review_interval_months
from .models.pages import LEGAL_PAGE_SLUGS
from .revisions import PUBLISH_PERMISSION
from .seo_admin import SearchListingAdmin


class PageSectionInline(ContentEditorInline, TranslationStackedInline):
    model = PageSection
    extra = 0
    fields = ["order", "heading", "body"]


@admin.register(Page)
class PageAdmin(RevisionAdminMixin, SearchListingAdmin, TranslationAdmin, SimpleHistoryAdmin):
    change_list_template = "admin/programs/change_list_link_check.html"
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
        (None, {"fields": ["title", "slug", "intro", "lead_image", "body", "layout"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "updated_at", "is_legal"]}),
        (_("Main menu"), {"fields": ["show_in_nav", "nav_label", "nav_order"]}),
        (
            _("Search engines and sharing"),
            {
                "fields": [
                    "seo_title",
                    "meta_description",
                    "noindex",
                    "search_preview",
                    "sharing_image",
                ]
            },
        ),
    ]

    @admin.display(description=_("visible to visitors"))
    def visibility(self, page):
        return visibility(page)

    def get_readonly_fields(self, request, obj=None):
        # Only a publisher sets or clears the legal flag.
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(PUBLISH_PERMISSION):
            readonly.append("is_legal")
        return readonly

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_legal and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if request.user.has_perm(PUBLISH_PERMISSION):
            return form

        class LegalPagesNeedAPublisher(form):
            def clean(self):
                # A legal page that is not live yet goes live through a publisher only.
                cleaned = super().clean()
                legal = self.instance.is_legal or (
                    # The English address (the form has one per language).
                    self.instance._state.adding and cleaned.get("slug_en") in LEGAL_PAGE_SLUGS
                )
                going_live = cleaned.get("status") == Page.Status.PUBLISHED and (
                    self.instance._state.adding or not is_live(self.instance)
                )
                if legal and going_live:
                    self.add_error(
                        "status",
                        _(
                            "This is a legal page: a member of the Publisher group "
                            "publishes it. Save it as a draft and ask them."
                        ),
                    )
                return cleaned

        return LegalPagesNeedAPublisher


def visibility(record):
    """Whether visitors see a page or an article now, or from when."""
    if record.status == record.Status.DRAFT:
        return _("No (draft)")
    if record.publish_at and record.publish_at > timezone.now():
        local = timezone.localtime(record.publish_at)
        return _("From %(when)s") % {"when": local.strftime("%Y-%m-%d %H:%M")}
    return _("Yes")


class SessionInline(TranslationTabularInline):
    model = Session
    extra = 0
    fields = ["weekday", "start_time", "end_time", "mode", "location"]


@admin.register(Track)
class TrackAdmin(TranslationAdmin, SimpleHistoryAdmin):
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
class TherapyAdmin(ContentEditorAdmin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "order", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "order", "is_published"]


@admin.register(FaqEntry)
class FaqEntryAdmin(ContentEditorAdmin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["question", "order", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    fields = ["question", "slug", "answer", "order", "is_published"]


@admin.register(Topic)
class TopicAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]


@admin.register(Person)
class PersonAdmin(ContentEditorAdmin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "credentials", "job_title", "role", "on_team_page", "order"]
    list_filter = ["role", "on_team_page"]
    search_fields = ["name", "credentials", "job_title"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "credentials",
        "job_title",
        "role",
        "photo",
        "bio",
        "on_team_page",
        "order",
    ]


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("clinical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Due")), ("current", _("Up to date")), ("none", _("Not reviewed yet"))]

    def queryset(self, request, queryset):
        due = queryset.model.objects.due_for_review()
        match self.value():
            case "due":
                return queryset.filter(pk__in=due.values("pk"))
            case "current":
                return queryset.exclude(pk__in=due.values("pk")).exclude(last_reviewed__isnull=True)
            case "none":
                return queryset.filter(last_reviewed__isnull=True)
        return queryset


@admin.register(Article)
class ArticleAdmin(RevisionAdminMixin, SearchListingAdmin, TranslationAdmin, SimpleHistoryAdmin):
    """Articles past the review interval (ARTICLE_REVIEW_INTERVAL_MONTHS) are marked in
    the list, can be filtered, and say so at the top of their form."""

    description_field = "summary"
    list_display = [
        "title",
        "visibility",
        "author",
        "reviewer",
        "last_reviewed",
        "review_status",
        "published_at",
    ]
    list_filter = [ReviewDueFilter, "status", "topics", "author", "reviewer"]
    list_select_related = ["author", "reviewer"]
    search_fields = ["title", "slug", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["published_at", "updated_at"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "lead_image", "body", "topics"]}),
        (_("Authorship and clinical review"), {"fields": ["author", "reviewer", "last_reviewed"]}),
        (_("Publishing"), {"fields": ["status", "publish_at", "published_at", "updated_at"]}),
        (
            _("Search engines and sharing"),
            {"fields": ["seo_title", "noindex", "search_preview", "sharing_image"]},
        ),
    ]

    @admin.display(description=_("visible to visitors"))
    def visibility(self, article):
        return visibility(article)

    @admin.display(description=_("clinical review"))
    def review_status(self, article):
        if article.review_due_on is None:
            return _("Not reviewed yet")
        if article.is_due_for_review():
            return _("Due since %(date)s") % {"date": date_format(article.review_due_on)}
        return _("Next due %(date)s") % {"date": date_format(article.review_due_on)}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and article.is_due_for_review() and request.method == "GET":
            self.message_user(
                request,
                _(
                    "This article's last clinical review was on %(date)s, more than "
                    "%(months)s months ago. Please ask a clinician to review it, then enter "
                    "the new date."
                )
                % {"date": date_format(article.last_reviewed), "months": review_interval_months()},
                messages.WARNING,
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(RevisionAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    """One record only: the list goes straight to it, and it cannot be added twice
    or deleted."""

    approval_rule = _(
        "A change to the admissions phone, the address or the license is published by "
        "a member of the Publisher group; other changes by any editor."
    )

    # A link typed without a scheme ("facebook.com/...") is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    fieldsets = [
        (None, {"fields": ["name", "admissions_phone", "spanish_phone"]}),
        (_("Address"), {"fields": ["street_address", "city", "region", "postal_code"]}),
        (_("Opening hours"), {"fields": ["opening_hours", "opening_hours_spec"]}),
        (
            _("State license"),
            {
                "fields": [
                    "license_authority",
                    "license_title",
                    "license_number",
                    "license_expires",
                ],
                "description": _(
                    "Accreditations and memberships have their own list: "
                    "“Accreditations and memberships”."
                ),
            },
        ),
        (_("Sharing"), {"fields": ["sharing_image"]}),
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


@admin.register(Accreditation)
class AccreditationAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "issuer", "kind", "mark", "order", "is_published"]
    list_filter = ["kind", "is_published"]
    search_fields = ["name", "issuer"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["kind", "name", "issuer", "mark", "badge", "url", "order", "is_published"]
    autocomplete_fields = ["badge"]
    list_select_related = ["badge"]
