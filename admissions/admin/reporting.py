"""What leaves the queue: the CSV export (for holders of export_inquiry) and the
counts-only report."""

import math
import statistics
import unicodedata
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from admissions.admin.charts import horizontal_bars
from admissions.middleware import looks_like_contact_details
from admissions.models import Appointment, ContactAttempt, Inquiry
from admissions.templatetags.admissions_admin import format_duration

Status = Inquiry.Status
# The report's columns, in order: inquiries received, then how many reached each stage.
STAGES = ("total", "contacted", "assessment", "admitted")
# At most this many campaign values get a row of their own in the report.
CAMPAIGN_ROWS = 20
COUNT_HEADINGS = (_("Inquiries"), _("Contacted"), _("Assessment scheduled"), _("Admitted"))
RATE_HEADINGS = (
    _("Contacted, % of inquiries"),
    _("Assessment scheduled, % of contacted"),
    _("Admitted, % of assessment scheduled"),
)
# The report's funnel tables: (key, heading of the label column, caption).
FUNNEL_TABLES = (
    ("sources", _("Source"), _("Inquiries received in %(month)s, by how they reached us")),
    (
        "heard_about",
        _("Heard about us"),
        _("Inquiries received in %(month)s, by how they heard about us"),
    ),
    (
        "campaigns",
        "utm_source",
        _("Inquiries received in %(month)s, by campaign source (utm_source)"),
    ),
)

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


def local_bounds(start, end):
    """The instants from local midnight of `start` to local midnight after `end`."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    return since, until


def received_in(start, end):
    """The inquiries the report counts: received from `start` to `end`. Spam is nobody;
    a merged duplicate is counted once, in the inquiry it joined."""
    since, until = local_bounds(start, end)
    return Inquiry.objects.filter(received_at__gte=since, received_at__lt=until).exclude(
        status__in=(Status.SPAM, Status.MERGED)
    )


def percentile(ordered, share):
    """The nearest-rank percentile of sorted values: the smallest value with at least
    `share` of them at or below it."""
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def first_contact_times(start, end, min_count):
    """Minutes from receipt to first contact for the period's contacted inquiries:
    median and 90th percentile overall and by local hour of day received, in one
    query; "texts" are the two for people ("1 h 05 min"). All None for fewer than
    `min_count` first contacts: one or two people's times are theirs, not a measure of
    the team."""
    minutes_by_hour = {hour: [] for hour in range(24)}
    contacted = received_in(start, end).filter(first_contact_at__isnull=False)
    for received, contacted_at in contacted.values_list("received_at", "first_contact_at"):
        minutes = max((contacted_at - received).total_seconds() / 60, 0)
        minutes_by_hour[timezone.localtime(received).hour].append(minutes)

    def summary(label, minutes):
        ordered = sorted(minutes)
        if not ordered or len(ordered) < min_count:
            return {"label": label, "median": None, "p90": None, "texts": [None, None]}
        median, p90 = statistics.median(ordered), percentile(ordered, 0.9)
        texts = [format_duration(median), format_duration(p90)]
        return {"label": label, "median": median, "p90": p90, "texts": texts}

    every = [minutes for hour in minutes_by_hour.values() for minutes in hour]
    return {
        "overall": summary(_("Any hour"), every),
        "hours": [
            summary(f"{hour:02d}:00\u2013{hour:02d}:59", minutes)
            for hour, minutes in minutes_by_hour.items()
        ],
    }


def assessment_no_shows(start, end, min_count):
    """Assessments held in the period (starting in it, marked attended or no-show) and
    how many were missed, with the rate; counts under `min_count`, the next smallest
    beside a lone hidden one, and a rate from a hidden count are None. Cancelled and
    still-booked appointments are not counted."""
    since, until = local_bounds(start, end)
    counts = (
        Appointment.objects.filter(starts_at__gte=since, starts_at__lt=until)
        .exclude(inquiry__status__in=(Status.SPAM, Status.MERGED))
        .aggregate(
            attended=Count("pk", filter=Q(status=Appointment.Status.ATTENDED)),
            no_show=Count("pk", filter=Q(status=Appointment.Status.NO_SHOW)),
        )
    )
    counts["held"] = counts["attended"] + counts["no_show"]
    hidden = hidden_cells(counts, [], [["attended", "no_show", "held"]], min_count)
    shown = {key: None if key in hidden else count for key, count in counts.items()}
    return {
        **shown,
        "counts": [shown[key] for key in NO_SHOW_KEYS],
        "rate": conversion_rate(shown["no_show"], shown["held"]),
    }


def inquiry_counts(start, end, min_count):
    """Per source, per answer to "how did you hear about us", per campaign (utm_source)
    and in total: inquiries received from
    `start` to `end` (local dates, inclusive), and how many were contacted, had an
    assessment scheduled, were admitted. Spam and merged duplicates are left out. A
    campaign value gets a row of its own only when at least `min_count` inquiries have
    it, it does not look like contact details and it is among the CAMPAIGN_ROWS
    biggest; the others are pooled in "(other)", so the campaign rows still add up to
    the totals."""
    counts = {
        "total": Count("pk"),
        "contacted": Count("pk", filter=Q(first_contact_at__isnull=False)),
        "assessment": Count("pk", filter=Q(assessment_scheduled_at__isnull=False)),
        "admitted": Count("pk", filter=Q(status=Status.ADMITTED)),
    }
    period = received_in(start, end)
    by_source = {row["source"]: row for row in period.values("source").annotate(**counts)}
    sources = [
        {"label": label, **by_source.get(value, dict.fromkeys(STAGES, 0))}
        for value, label in Inquiry.Source.choices
    ]
    by_heard = {row["heard_about"]: row for row in period.values("heard_about").annotate(**counts)}
    heard_about = [
        {"label": label, **by_heard.get(value, dict.fromkeys(STAGES, 0))}
        for value, label in [*Inquiry.HeardAbout.choices, ("", _("(not given)"))]
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
    tables = {
        "sources": sources,
        "heard_about": heard_about,
        "campaigns": [*named, no_value, other],
    }
    return tables, totals


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


TIMING_CAPTION = _("Time to first contact, inquiries received in %(month)s, by hour received")
TIMING_HEADINGS = (_("Hour received"), _("Median"), _("90th percentile"))
FUNNEL_CHART_TITLE = _("Inquiries received in %(month)s and how many reached each stage")
TIMING_CHART_TITLE = _("Median time to first contact in %(month)s, by hour received")
NO_SHOW_CAPTION = _("Assessments held in %(month)s")
NO_SHOW_KEYS = ("held", "attended", "no_show")
NO_SHOW_HEADINGS = (
    _("Held (attended or no-show)"),
    _("Attended"),
    _("No-show"),
    _("No-show rate"),
)

STAFF_CAPTION = _("By staff member, %(month)s")
STAFF_KEYS = ("first_contacts", "held", "no_show")
STAFF_HEADINGS = (
    _("Staff member"),
    _("First contacts made"),
    _("Median time to first contact"),
    _("Assessments held (attended or no-show)"),
    _("No-shows"),
)


def staff_figures(start, end, min_count):
    """Per staff member, in three queries whatever their number: first contacts made
    for the inquiries received in the period (the person who logged the earliest
    "reached" contact attempt), their median time to first contact, and the
    assessments they held that started in the period (attended or no-show) with the
    no-shows. Rows by name; a count under `min_count`, the next smallest beside a lone
    hidden one in a column (the overall totals are shown elsewhere) and a no-show
    count beside a hidden held count are None, and so is a median from a hidden
    count. Returns rows of {"label", "counts", "median", "text"}."""
    first_reached_by = (
        ContactAttempt.objects.filter(
            inquiry=OuterRef("pk"), outcome=ContactAttempt.Outcome.REACHED
        )
        .order_by("at", "pk")
        .values("by")[:1]
    )
    contacted = (
        received_in(start, end)
        .filter(first_contact_at__isnull=False)
        .annotate(first_reached_by=Subquery(first_reached_by))
        .values_list("first_reached_by", "received_at", "first_contact_at")
    )
    minutes_by_staff = {}
    total_first_contacts = 0
    for staff_id, received, contacted_at in contacted:
        total_first_contacts += 1
        if staff_id is not None:
            minutes = max((contacted_at - received).total_seconds() / 60, 0)
            minutes_by_staff.setdefault(staff_id, []).append(minutes)
    since, until = local_bounds(start, end)
    held = (
        Appointment.objects.filter(
            starts_at__gte=since,
            starts_at__lt=until,
            status__in=(Appointment.Status.ATTENDED, Appointment.Status.NO_SHOW),
        )
        .exclude(inquiry__status__in=(Status.SPAM, Status.MERGED))
        .values("with_staff")
        .annotate(
            held=Count("pk"),
            no_show=Count("pk", filter=Q(status=Appointment.Status.NO_SHOW)),
        )
    )
    held_by_staff = {row["with_staff"]: row for row in held}
    totals = {
        "first_contacts": total_first_contacts,
        "held": sum(row["held"] for row in held_by_staff.values()),
        "no_show": sum(row["no_show"] for row in held_by_staff.values()),
    }
    held_by_staff.pop(None, None)
    staff_ids = set(minutes_by_staff) | set(held_by_staff)
    users = get_user_model().objects.filter(pk__in=staff_ids)
    names = {user.pk: user.get_full_name() or user.get_username() for user in users}

    # By name, so that which of two equal cells gets hidden never depends on the order
    # of a set of ids (which differs between databases).
    staff_ids = sorted(staff_ids, key=lambda pk: (names.get(pk, "").lower(), pk))
    counts = {("totals", key): totals[key] for key in STAFF_KEYS}
    for staff_id in staff_ids:
        appointments = held_by_staff.get(staff_id, {"held": 0, "no_show": 0})
        counts[(staff_id, "first_contacts")] = len(minutes_by_staff.get(staff_id, []))
        counts[(staff_id, "held")] = appointments["held"]
        counts[(staff_id, "no_show")] = appointments["no_show"]
    # Everyone's cells and the overall total, per column: a lone hidden cell could
    # otherwise be worked out from the report's other tables.
    columns = [
        [*((staff_id, key) for staff_id in staff_ids), ("totals", key)] for key in STAFF_KEYS
    ]
    rows = [[(staff_id, "held"), (staff_id, "no_show")] for staff_id in staff_ids]
    hidden = hidden_cells(counts, rows, columns, min_count)

    result = []
    for staff_id in staff_ids:
        shown = [
            None if (staff_id, key) in hidden else counts[(staff_id, key)] for key in STAFF_KEYS
        ]
        median = None
        if shown[0] is not None and shown[0] >= min_count:
            median = statistics.median(minutes_by_staff[staff_id])
        result.append(
            {
                "label": names.get(staff_id, ""),
                "counts": shown,
                "median": median,
                "text": None if median is None else format_duration(median),
            }
        )
    return result


def conversion_rate(part, whole):
    """`part` as a whole percentage of `whole` (half rounds up), or None when either
    count is hidden: a rate worked out from a hidden count would give it away."""
    if part is None or not whole:
        return None
    return (200 * part + whole) // (2 * whole)


def funnel_row(label, counts):
    """A row of the report: its counts, and each stage's rate of the stage before."""
    rates = [conversion_rate(counts[index], counts[index - 1]) for index in range(1, len(STAGES))]
    return {"label": label, "counts": counts, "rates": rates}


def inquiry_report(start, end, staff_figures_shown=False):
    """The report for a period, safe to show to anyone with the report permission
    (the figures by staff member, "by_staff", only with `staff_figures_shown`, for
    holders of view_staff_figures; None otherwise): a dict of "sources",
    "heard_about" and "campaigns" (rows of {"label", "counts", "rates"}), "tables"
    (the same three with their captions, in order), "totals" (the counts) and
    "total_row" (a row), "min_count", the column headings, "start" and "end". Counts
    follow STAGES, rates the stages after the first, with None for a hidden count and
    for a rate worked out from one: the number itself never reaches the template."""
    min_count = settings.ADMISSIONS_REPORT_MIN_COUNT
    tables, totals = inquiry_counts(start, end, min_count)
    # The tables share one totals row, so they are protected together.
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
        "count_headings": COUNT_HEADINGS,
        "rate_headings": RATE_HEADINGS,
        "start": start,
        "end": end,
    }
    for name, table in tables.items():
        report[name] = [
            funnel_row(row["label"], [shown((name, index, stage)) for stage in STAGES])
            for index, row in enumerate(table)
        ]
    report["total_row"] = funnel_row(_("Total"), report["totals"])

    month = date_format(start, "YEAR_MONTH_FORMAT")
    report["tables"] = [
        {
            "name": name,
            "heading": heading,
            "caption": caption % {"month": month},
            "rows": report[name],
        }
        for name, heading, caption in FUNNEL_TABLES
    ]
    report["first_contact"] = {
        "caption": TIMING_CAPTION % {"month": month},
        "headings": TIMING_HEADINGS,
        **first_contact_times(start, end, min_count),
    }
    report["funnel_chart"] = horizontal_bars(
        "funnel-chart",
        FUNNEL_CHART_TITLE % {"month": month},
        [
            (heading, count, count)
            for heading, count in zip(COUNT_HEADINGS, report["totals"], strict=True)
        ],
    )
    report["timing_chart"] = horizontal_bars(
        "timing-chart",
        TIMING_CHART_TITLE % {"month": month},
        [
            (row["label"], row["median"], row["texts"][0])
            for row in report["first_contact"]["hours"]
        ],
    )
    report["no_shows"] = {
        "caption": NO_SHOW_CAPTION % {"month": month},
        "headings": NO_SHOW_HEADINGS,
        **assessment_no_shows(start, end, min_count),
    }
    report["by_staff"] = None
    if staff_figures_shown:
        report["by_staff"] = {
            "caption": STAFF_CAPTION % {"month": month},
            "headings": STAFF_HEADINGS,
            "rows": staff_figures(start, end, min_count),
        }
    return report


def report_csv_rows(report):
    """The report's tables as CSV rows, hidden counts and rates as "hidden", every cell
    neutralised (a campaign value is whatever a link carried)."""
    hidden = _("hidden")

    def cells(row):
        return [
            row["label"],
            *(hidden if count is None else count for count in row["counts"]),
            *(hidden if rate is None else f"{rate}%" for rate in row["rates"]),
        ]

    lines = []
    for table in report["tables"]:
        lines.append([table["caption"]])
        lines.append([table["heading"], *COUNT_HEADINGS, *RATE_HEADINGS])
        lines.extend(cells(row) for row in table["rows"])
        lines.append(cells(report["total_row"]))
        lines.append([])
    timing = report["first_contact"]
    lines.append([timing["caption"]])
    lines.append(list(timing["headings"]))
    for row in [*timing["hours"], timing["overall"]]:
        lines.append([row["label"], *(hidden if text is None else text for text in row["texts"])])
    lines.append([])
    no_shows = report["no_shows"]
    lines.append([no_shows["caption"]])
    lines.append(list(no_shows["headings"]))
    lines.append(
        [
            *(hidden if count is None else count for count in no_shows["counts"]),
            hidden if no_shows["rate"] is None else f"{no_shows['rate']}%",
        ]
    )
    by_staff = report["by_staff"]
    if by_staff:
        lines.append([])
        lines.append([by_staff["caption"]])
        lines.append(list(by_staff["headings"]))
        for row in by_staff["rows"]:
            first_contacts, held, no_show = (
                hidden if count is None else count for count in row["counts"]
            )
            text = hidden if row["text"] is None else row["text"]
            lines.append([row["label"], first_contacts, text, held, no_show])
    return [[neutralise_cell(cell) for cell in line] for line in lines]
