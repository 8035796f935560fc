"""What leaves the queue: the CSV export (for holders of export_inquiry) and the
counts-only report."""

import unicodedata
from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from admissions.models import Inquiry

Status = Inquiry.Status

CSV_COLUMNS = [
    ("reference", _("Reference")),
    ("received_at", _("Received")),
    ("source", _("Source")),
    ("status", _("Status")),
    ("priority", _("Priority")),
    ("inquiry_for", _("For")),
    ("first_name", _("Name")),
    ("phone", _("Phone")),
    ("email", _("Email")),
    ("contact_method", _("Contact method")),
    ("best_time", _("Best time")),
    ("voicemail_ok", _("Voicemail OK")),
    ("texts_ok", _("Texts OK")),
    ("insurance_provider", _("Insurance")),
    ("program_interest", _("Program")),
    ("heard_about", _("Heard about us")),
    ("message", _("Message")),
    ("first_contact_at", _("First contacted")),
    ("assigned_to", _("Assigned to")),
]
# A spreadsheet runs a cell that starts with one of these as a formula, in any width
# (the full-width and small forms fold into these under NFKC), or after whitespace.
FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise_cell(value):
    """The text of a CSV cell, with a leading ' when a spreadsheet could read it as a
    formula: it starts with = + - @ in any width, whitespace, a line break or another
    invisible character."""
    text = "" if value is None else str(value)
    if not text:
        return text
    first = text[0]
    risky = (
        first.isspace()
        or unicodedata.category(first) in ("Cc", "Cf")
        or unicodedata.normalize("NFKC", first).startswith(FORMULA_PREFIXES)
    )
    return "'" + text if risky else text


def csv_value(inquiry, name):
    value = getattr(inquiry, name)
    if name in ("received_at", "first_contact_at"):
        return timezone.localtime(value).isoformat(timespec="minutes") if value else ""
    if name == "assigned_to":
        return value.get_username() if value else ""
    if name == "phone":
        return value.as_e164 if value else ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    display = getattr(inquiry, f"get_{name}_display", None)
    return display() if display and value else value


def inquiry_counts(start, end):
    """Per source, and in total: inquiries received from `start` to `end` (local dates,
    inclusive), and how many were contacted, had an assessment scheduled, were admitted.
    Spam is left out."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    counts = {
        "total": Count("pk"),
        "contacted": Count("pk", filter=Q(first_contact_at__isnull=False)),
        "assessment": Count("pk", filter=Q(assessment_scheduled_at__isnull=False)),
        "admitted": Count("pk", filter=Q(status=Status.ADMITTED)),
    }
    period = Inquiry.objects.filter(received_at__gte=since, received_at__lt=until).exclude(
        status=Status.SPAM
    )
    by_source = {row["source"]: row for row in period.values("source").annotate(**counts)}
    rows = [
        {"label": label, **by_source.get(value, dict.fromkeys(counts, 0))}
        for value, label in Inquiry.Source.choices
    ]
    campaigns = period.values("utm_source").annotate(**counts).order_by("-total", "utm_source")[:20]
    totals = period.aggregate(**counts)
    return {"sources": rows, "campaigns": list(campaigns)}, totals
