"""An inquiry's timeline, and who opened it.

The timeline is one list in time order, oldest first, built from a few sources: contact
attempts (channel, outcome), notes (their text, for staff), and the inquiry's events
(received, status and priority changes, assignments, corrections, exports, releases,
assessments booked and updated with their time and mode, merges with a link to the other
inquiry, and whatever kinds are added later, shown by their label). Attempts and notes come from
their own rows, so the events that record them are left out rather than shown twice.
Each source is one query with its people joined in, whatever the length: the page's
query count does not grow with the history. To add a source (appointments, say), write
a function like `attempt_entries` and list it in SOURCES.

Openings of the inquiry's page are not in the timeline: they are in the access trail
(AccessRecord), summarised by `opened_summary` in one query.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from admissions.models import AccessRecord, InquiryEvent

# Timeline entries shown before "Show the whole timeline".
HISTORY_SHOWN = 50

Kind = InquiryEvent.Kind
# Events shown through their own rows (attempt_entries, note_entries) instead.
SHOWN_FROM_THEIR_ROWS = (Kind.CONTACT_LOGGED, Kind.NOTE_ADDED)
# The access-trail views that mean someone opened the inquiry's page.
OPENED = (AccessRecord.View.CHANGE, AccessRecord.View.CHANGE_WITH_ERRORS)


@dataclass(frozen=True)
class Entry:
    """One line of the timeline, ready to show."""

    at: datetime
    what: str  # "Call: No answer", "Status changed", "Note"
    by: str  # a user name, or who else it was ("the website", "the system")
    detail: str = ""  # "New → Contacted", "to alex"
    note: str = ""  # a note's text: staff only
    link: str = ""  # where the detail leads (the other inquiry of a merge)
    kind: str = "event"  # "contact", "note", "appointment" or "event", for styling
    # Among entries written at the same moment: an attempt, then the status change it
    # caused, then its note.
    rank: int = 1
    pk: int = 0


@dataclass(frozen=True)
class Timeline:
    entries: list  # of Entry, oldest first
    complete: bool  # False when older entries were left out
    last_attempt: Entry | None  # the latest contact attempt, if any


def person(user, nobody=None):
    """Who did it: a user name, else `nobody` (the system, unless said otherwise)."""
    if user is not None:
        return user.get_username()
    return str(nobody or _("the system"))


def newest(queryset, order, limit):
    queryset = queryset.order_by(*order)
    return list(queryset if limit is None else queryset[: limit + 1])


def attempt_entries(inquiry, limit):
    attempts = newest(
        inquiry.contact_attempts.select_related("by"),
        ("-at", "-pk"),
        limit,
    )
    return [
        Entry(
            at=attempt.at,
            what=str(attempt),
            by=person(attempt.by),
            kind="contact",
            rank=0,
            pk=attempt.pk,
        )
        for attempt in attempts
    ]


def note_entries(inquiry, limit):
    notes = newest(
        inquiry.notes.select_related("author"),
        ("-created_at", "-pk"),
        limit,
    )
    return [
        Entry(
            at=note.created_at,
            what=str(_("Note")),
            by=person(note.author),
            note=note.text,
            kind="note",
            rank=2,
            pk=note.pk,
        )
        for note in notes
    ]


APPOINTMENT_KINDS = (Kind.APPOINTMENT_BOOKED, Kind.APPOINTMENT_UPDATED)
MERGE_KINDS = (Kind.MERGED_INTO, Kind.MERGED_FROM)


def appointment_detail(event):
    """ "Nov. 4, 2026, 2:30 p.m., In person, with alex" for a booking; what became of it
    ("…: Canceled") for an update. The event names the appointment, not its status at
    the time: an update shows the status the appointment has now."""
    appointment = event.appointment
    if appointment is None:
        return ""
    detail = str(_("%(when)s, %(mode)s")) % {
        "when": date_format(timezone.localtime(appointment.starts_at), "DATETIME_FORMAT"),
        "mode": appointment.get_mode_display(),
    }
    if event.kind == Kind.APPOINTMENT_UPDATED:
        return f"{detail}: {appointment.get_status_display()}"
    if appointment.with_staff is not None:
        detail += str(_(", with %(name)s")) % {"name": appointment.with_staff.get_username()}
    return detail


def event_detail(event, inquiry):
    if event.kind in APPOINTMENT_KINDS:
        return appointment_detail(event)
    if event.kind in MERGE_KINDS:
        return event.related_inquiry.reference if event.related_inquiry else ""
    if event.kind == Kind.CREATED:
        return inquiry.get_source_display()
    if event.kind in (Kind.STATUS_CHANGED, Kind.PRIORITY_CHANGED):
        return str(event)
    if event.kind == Kind.ASSIGNED:
        if event.assignee is None:
            return str(_("unassigned"))
        return str(_("to %(name)s")) % {"name": event.assignee.get_username()}
    return ""


def event_entries(inquiry, limit):
    events = newest(
        inquiry.events.exclude(kind__in=SHOWN_FROM_THEIR_ROWS).select_related(
            "actor", "assignee", "appointment__with_staff", "related_inquiry"
        ),
        ("-created_at", "-pk"),
        limit,
    )
    return [
        Entry(
            at=event.created_at,
            what=event.get_kind_display(),
            by=person(event.actor, _("the website") if event.kind == Kind.CREATED else None),
            detail=event_detail(event, inquiry),
            link=event_link(event),
            kind="appointment" if event.kind in APPOINTMENT_KINDS else "event",
            pk=event.pk,
        )
        for event in events
    ]


def event_link(event):
    """The page of the other inquiry of a merge, else ""."""
    if event.kind in MERGE_KINDS and event.related_inquiry_id is not None:
        return reverse("admin:admissions_inquiry_change", args=[event.related_inquiry_id])
    return ""


SOURCES = (attempt_entries, event_entries, note_entries)


def timeline(inquiry, limit=HISTORY_SHOWN):
    """The latest `limit` entries of the inquiry's timeline (all with None), oldest
    first. One query per source."""
    found = {source: source(inquiry, limit) for source in SOURCES}
    attempts = found[attempt_entries]
    entries = sorted(
        (entry for entries in found.values() for entry in entries),
        key=lambda entry: (entry.at, entry.rank, entry.pk),
    )
    complete = limit is None or len(entries) <= limit
    return Timeline(
        entries=entries if complete else entries[-limit:],
        complete=complete,
        last_attempt=attempts[0] if attempts else None,
    )


@dataclass(frozen=True)
class Opened:
    times: int
    last_by: str = ""
    last_at: datetime | None = None


def opened_summary(reference):
    """How many times staff opened the inquiry's page, and who did last and when, from
    the access trail, in one query. The opening being shown is not counted yet: its
    record is written once the page is rendered."""
    latest = (
        AccessRecord.objects.filter(inquiry_reference=reference, view__in=OPENED)
        .annotate(times=Window(Count("pk")))
        .order_by("-at", "-pk")
        .values("times", "actor_username", "at")
        .first()
    )
    if latest is None:
        return Opened(times=0)
    return Opened(times=latest["times"], last_by=latest["actor_username"], last_at=latest["at"])
