"""Accessible names for the admin's form controls. (The inquiry page's inlines gave way to
its timeline, admissions/admin/timeline.py.)"""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


def name_controls(formfield):
    """Give every control of a form field an accessible name: the admin's split date/time
    inputs sit under a legend, not a label."""
    if formfield is None:
        return formfield
    label = capfirst(formfield.label)
    if isinstance(formfield.widget, forms.MultiWidget):
        for part, widget in zip((_("date"), _("time")), formfield.widget.widgets, strict=False):
            widget.attrs["aria-label"] = f"{label}: {part}"
    else:
        formfield.widget.attrs["aria-label"] = label
    return formfield
