"""The inquiry page's inlines: append-only contact attempts and notes, and the
read-only activity history."""

from django import forms
from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from admissions.models import ContactAttempt, InquiryEvent, Note

# Activity rows shown on an inquiry's page.
HISTORY_SHOWN = 50


def name_controls(formfield):
    """Give every control of a form field an accessible name: the admin's split date/time
    inputs sit under a legend, not a label, and tabular inlines label their columns with
    table headers only."""
    if formfield is None:
        return formfield
    label = capfirst(formfield.label)
    if isinstance(formfield.widget, forms.MultiWidget):
        for part, widget in zip((_("date"), _("time")), formfield.widget.widgets, strict=False):
            widget.attrs["aria-label"] = f"{label}: {part}"
    else:
        formfield.widget.attrs["aria-label"] = label
    return formfield


class AppendOnlyInline(admin.TabularInline):
    """Existing rows are read-only; staff with the add permission add new ones."""

    extra = 1
    can_delete = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return name_controls(super().formfield_for_dbfield(db_field, request, **kwargs))

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ContactAttemptInline(AppendOnlyInline):
    model = ContactAttempt
    fields = ("at", "channel", "outcome", "by")
    readonly_fields = ("by",)
    verbose_name_plural = _("contact attempts (calls, texts, emails)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class NoteInline(AppendOnlyInline):
    model = Note
    fields = ("created_at", "author", "text")
    readonly_fields = ("created_at", "author")
    formfield_overrides = {
        Note._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 3})}
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class EventInline(admin.TabularInline):
    model = InquiryEvent
    fk_name = "inquiry"
    fields = ("created_at", "kind", "from_status", "to_status", "actor", "assignee")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name_plural = _("activity history (latest %(count)d, read-only)") % {
        "count": HISTORY_SHOWN
    }

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Show the latest events only, so a long-worked inquiry does not render an ever
        # longer page. (Openings of the page are in the access trail, not here.)
        queryset = super().get_queryset(request).select_related("actor", "assignee")
        object_id = request.resolver_match.kwargs.get("object_id")
        if object_id:
            latest = InquiryEvent.objects.filter(inquiry_id=object_id).order_by(
                "-created_at", "-pk"
            )[:HISTORY_SHOWN]
            queryset = queryset.filter(pk__in=list(latest.values_list("pk", flat=True)))
        return queryset
