"""What leaves the queue: the CSV export (for holders of export_inquiry) and the
counts-only report."""

import unicodedata
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from admissions.middleware import looks_like_contact_details
from admissions.models import Inquiry

Status = Inquiry.Status
# The report's columns, in order: inquiries received, then how many reached each stage.
STAGES = ("total", "contacted", "assessment", "admitted")
# At most this many campaign values get a row of their own in the report.
CAMPAIGN_ROWS = 20

CSV_COLUMNS = [
    ("reference", _("Reference")),
    ("received_at", _("Received")),
    ("source", _("Source")),
    ("status", _("Status")),
    ("priority", _("Priority")),
    ("urgent_because", _("Why urgent")),
    ("held_for_review", _("Held for review")),
    ("safe_now", _("Safe right now")),
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


def inquiry_counts(start, end, min_count):
    """Per source, per campaign (utm_source) and in total: inquiries received from
    `start` to `end` (local dates, inclusive), and how many were contacted, had an
    assessment scheduled, were admitted. Spam and merged duplicates are left out. A
    campaign value gets a row of its own only when at least `min_count` inquiries have
    it, it does not look like contact details and it is among the CAMPAIGN_ROWS
    biggest; the others are pooled in "(other)", so the campaign rows still add up to
    the totals."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    counts = {
        "total": Count("pk"),
        "contacted": Count("pk", filter=Q(first_contact_at__isnull=False)),
        "assessment": Count("pk", filter=Q(assessment_scheduled_at__isnull=False)),
        "admitted": Count("pk", filter=Q(status=Status.ADMITTED)),
    }
    # Spam is nobody; a merged duplicate is counted once, in the inquiry it joined.
    period = Inquiry.objects.filter(received_at__gte=since, received_at__lt=until).exclude(
        status__in=(Status.SPAM, Status.MERGED)
    )
    by_source = {row["source"]: row for row in period.values("source").annotate(**counts)}
    sources = [
        {"label": label, **by_source.get(value, dict.fromkeys(STAGES, 0))}
        for value, label in Inquiry.Source.choices
    ]
    named = []
    no_value = {"label": _("(none)"), **dict.fromkeys(STAGES, 0)}
    other = {"label": _("(other)"), **dict.fromkeys(STAGES, 0)}
    by_value = period.values("utm_source").annotate(**counts).order_by("-total", "utm_source")
    for row in by_value:
        value = row.pop("utm_source")
        if not value:
            no_value.update(row)
        elif (
            row["total"] >= min_count
            and len(named) < CAMPAIGN_ROWS
            and not looks_like_contact_details(value)
        ):
            named.append({"label": value, **row})
        else:
            for stage in STAGES:
                other[stage] += row[stage]
    totals = period.aggregate(**counts)
    return {"sources": sources, "campaigns": [*named, no_value, other]}, totals


def hidden_cells(counts, rows, columns, min_count):
    """The cells to hide ({key: count} in, set of keys out).

    `columns` are cells that add up to a shown total (the total is the column's last
    cell); `rows` are stage counts in order, each no bigger than the one before
    (inquiries >= contacted >= assessment >= admitted). Hidden: every count under
    `min_count`; then, until nothing changes, the smallest shown cell of any row or
    column with exactly one hidden cell (one alone could be worked out by subtraction,
    or pinned by its neighbours), and every stage after a hidden one in its row (a
    shown later stage would be a floor under the hidden count)."""
    hidden = {key for key, count in counts.items() if count < min_count}
    changed = True
    while changed:
        changed = False
        for line in (*rows, *columns):
            shown = [key for key in line if key not in hidden]
            if len(line) - len(shown) == 1 and shown:
                hidden.add(min(shown, key=counts.__getitem__))
                changed = True
        for row in rows:
            first = next((index for index, key in enumerate(row) if key in hidden), len(row))
            if not hidden.issuperset(row[first:]):
                hidden.update(row[first:])
                changed = True
    return hidden


def inquiry_report(start, end):
    """The report for a period, safe to show to anyone with the report permission: a
    dict of "sources" and "campaigns" (rows of {"label", "counts"}), "totals" (counts),
    "min_count", "start" and "end". Counts follow STAGES, with None for a hidden count:
    the number itself never reaches the template."""
    min_count = settings.ADMISSIONS_REPORT_MIN_COUNT
    tables, totals = inquiry_counts(start, end, min_count)
    # Both tables share one totals row, so they are protected together.
    counts = {("totals", stage): totals[stage] for stage in STAGES}
    rows, columns = [[("totals", stage) for stage in STAGES]], []
    for name, table in tables.items():
        for index, row in enumerate(table):
            rows.append([(name, index, stage) for stage in STAGES])
            counts.update({(name, index, stage): row[stage] for stage in STAGES})
        columns.extend(
            [*((name, index, stage) for index in range(len(table))), ("totals", stage)]
            for stage in STAGES
        )
    hidden = hidden_cells(counts, rows, columns, min_count)

    def shown(key):
        return None if key in hidden else counts[key]

    report = {
        "totals": [shown(("totals", stage)) for stage in STAGES],
        "min_count": min_count,
        "start": start,
        "end": end,
    }
    for name, table in tables.items():
        report[name] = [
            {"label": row["label"], "counts": [shown((name, index, stage)) for stage in STAGES]}
            for index, row in enumerate(table)
        ]
    return report
