"""What every content editing form in the admin shares."""

from django.contrib import admin
from django.db import models
from django.forms import MultiWidget
from django.utils.translation import gettext


class ContentEditorAdmin(admin.ModelAdmin):
    """Names each part of a date-and-time field: Django's admin labels only the pair,
    so screen readers announced two unnamed boxes."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and isinstance(
            getattr(formfield, "widget", None), MultiWidget
        ):
            date, time = formfield.widget.widgets
            date.attrs["aria-label"] = gettext("%(field)s: date") % {"field": formfield.label}
            time.attrs["aria-label"] = gettext("%(field)s: time") % {"field": formfield.label}
        return formfield
