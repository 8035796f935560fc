"""The inquiry model and its workflow."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from admissions.models import (
    REFERENCE_ALPHABET,
    Appointment,
    ContactAttempt,
    Inquiry,
    InquiryEvent,
    Note,
    WorkflowError,
    mentions_crisis,
)
from tests.factories import make_inquiry, make_user, move

pytestmark = pytest.mark.django_db

Status = Inquiry.Status

VALID_MOVES = [(start, end) for start, ends in Inquiry.ALLOWED_MOVES.items() for end in ends]
INVALID_MOVES = [
    (start, end)
    for start in Status
    for end in Status
    if end != start and end not in Inquiry.ALLOWED_MOVES[start]
]


def inquiry_in(status, **overrides):
    """An inquiry put straight into `status`, with the booked appointment a move to
    Assessment scheduled needs (test set-up, not a workflow move)."""
    inquiry = make_inquiry(**overrides)
    Inquiry.objects.filter(pk=inquiry.pk).update(status=status)
    Appointment.objects.create(inquiry=inquiry, starts_at=timezone.now(), mode="virtual")
    inquiry.refresh_from_db()
    return inquiry


def test_new_inquiry_gets_reference_from_unambiguous_alphabet():
    inquiry = make_inquiry()

    assert len(inquiry.reference) == 8
    assert set(inquiry.reference) <= set(REFERENCE_ALPHABET)
    assert not set("01OIL") & set(inquiry.reference)
    assert str(inquiry) == inquiry.reference


def test_references_are_unique_in_database():
    first = make_inquiry()

    with pytest.raises(IntegrityError):
        Inquiry.objects.filter(pk=make_inquiry().pk).update(reference=first.reference)


def test_inquiry_needs_phone_or_email_in_database():
    with pytest.raises(IntegrityError):
        make_inquiry(phone="", email="")


def test_routine_inquiry_due_after_routine_deadline(settings):
    settings.ADMISSIONS_DEADLINE_MINUTES = 240
    received = timezone.now()

    inquiry = make_inquiry(received_at=received)

    assert inquiry.priority == Inquiry.Priority.ROUTINE
    assert inquiry.first_contact_due_at == received + timedelta(minutes=240)


@pytest.mark.parametrize(
    "message",
    [
        "I have been feeling suicidal",
        "my son talks about SUICIDE",
        "I want to kill myself",
        "I might end my life",
        "sometimes I want to die",
        "she self-harms, self harm",
        "I hurt myself last week",
        "he overdosed on Friday",
        "afraid of an overdose",
        "he had an OD last month",
    ],
)
def test_crisis_words_make_inquiry_urgent_with_short_deadline(message, settings):
    settings.ADMISSIONS_URGENT_DEADLINE_MINUTES = 60
    received = timezone.now()

    inquiry = make_inquiry(message=message, received_at=received)

    assert inquiry.priority == Inquiry.Priority.URGENT
    assert inquiry.first_contact_due_at == received + timedelta(minutes=60)


@pytest.mark.parametrize(
    "message",
    ["", "Do you take Aetna?", "my odometer", "the method worked", "kill time", "studied"],
)
def test_ordinary_messages_are_not_crisis(message):
    assert mentions_crisis(message) is False


@pytest.mark.parametrize(("start", "end"), VALID_MOVES)
def test_move_to_allowed_status_records_event(start, end):
    staff = make_user("ana")
    inquiry = inquiry_in(start)

    moved = inquiry.move_to(end, by=staff)

    inquiry.refresh_from_db()
    event = InquiryEvent.objects.get(inquiry=inquiry)
    assert moved is True
    assert inquiry.status == end
    assert (event.kind, event.from_status, event.to_status, event.actor) == (
        InquiryEvent.Kind.STATUS_CHANGED,
        start,
        end,
        staff,
    )
    assert (inquiry.closed_at is None) == (end in Inquiry.OPEN_STATUSES)


@pytest.mark.parametrize(("start", "end"), INVALID_MOVES)
def test_move_to_refused_status_raises_and_changes_nothing(start, end):
    inquiry = inquiry_in(start)

    with pytest.raises(WorkflowError, match="cannot move from"):
        inquiry.move_to(end)

    inquiry.refresh_from_db()
    assert inquiry.status == start
    assert InquiryEvent.objects.count() == 0


@pytest.mark.parametrize("status", list(Status))
def test_move_to_current_status_does_nothing(status):
    inquiry = inquiry_in(status)

    moved = inquiry.move_to(status)

    assert moved is False
    assert InquiryEvent.objects.count() == 0


def test_move_to_unknown_status_is_refused():
    inquiry = make_inquiry()

    with pytest.raises(ValueError, match="not a valid"):
        inquiry.move_to("lost")


def test_first_contact_recorded_on_first_move_to_contacted_only():
    inquiry = make_inquiry()

    inquiry.move_to(Status.CONTACTED)
    first = Inquiry.objects.get(pk=inquiry.pk).first_contact_at
    move(inquiry, Status.ASSESSMENT_SCHEDULED)
    inquiry.move_to(Status.CONTACTED)

    inquiry.refresh_from_db()
    assert first is not None
    assert inquiry.first_contact_at == first
    assert inquiry.assessment_scheduled_at is not None


def test_move_to_with_note_writes_note_and_event():
    staff = make_user("ana")
    inquiry = make_inquiry()

    inquiry.move_to(Status.SPAM, by=staff, note="Bot text")

    note = Note.objects.get(inquiry=inquiry)
    assert (note.author, note.text) == (staff, "Bot text")
    assert sorted(inquiry.events.values_list("kind", flat=True)) == [
        InquiryEvent.Kind.NOTE_ADDED,
        InquiryEvent.Kind.STATUS_CHANGED,
    ]


def test_reopening_closed_inquiry_clears_closed_time():
    inquiry = make_inquiry()
    inquiry.move_to(Status.UNREACHABLE)
    assert Inquiry.objects.get(pk=inquiry.pk).closed_at is not None

    inquiry.move_to(Status.CONTACTED)

    assert Inquiry.objects.get(pk=inquiry.pk).closed_at is None


def test_reached_contact_attempt_records_first_contact_and_moves_to_contacted():
    staff = make_user("ana")
    inquiry = make_inquiry()
    at = timezone.now() - timedelta(minutes=5)

    inquiry.log_contact(
        ContactAttempt.Channel.CALL, ContactAttempt.Outcome.REACHED, by=staff, at=at
    )

    inquiry.refresh_from_db()
    assert inquiry.first_contact_at == at
    assert inquiry.status == Status.CONTACTED
    assert set(inquiry.events.values_list("kind", flat=True)) == {
        InquiryEvent.Kind.CONTACT_LOGGED,
        InquiryEvent.Kind.STATUS_CHANGED,
    }


def test_unanswered_contact_attempt_is_not_a_first_contact():
    inquiry = make_inquiry()

    inquiry.log_contact(ContactAttempt.Channel.CALL, ContactAttempt.Outcome.NO_ANSWER)

    inquiry.refresh_from_db()
    assert inquiry.first_contact_at is None
    assert inquiry.status == Status.NEW
    assert list(inquiry.events.values_list("kind", flat=True)) == [InquiryEvent.Kind.CONTACT_LOGGED]


def test_overdue_is_open_uncontacted_past_deadline():
    past = timezone.now() - timedelta(hours=5)
    overdue = make_inquiry(received_at=past)
    contacted = make_inquiry(received_at=past)
    contacted.move_to(Status.CONTACTED)
    closed = make_inquiry(received_at=past)
    closed.move_to(Status.SPAM)
    make_inquiry()

    assert list(Inquiry.objects.overdue()) == [overdue]
    assert overdue.is_overdue is True
    assert Inquiry.objects.get(pk=contacted.pk).is_overdue is False


def test_urgent_inquiries_sort_first_then_oldest():
    now = timezone.now()
    old = make_inquiry(received_at=now - timedelta(hours=2))
    urgent = make_inquiry(received_at=now - timedelta(hours=1), message="suicidal thoughts")
    older_urgent = make_inquiry(received_at=now - timedelta(hours=3), message="overdose")
    recent = make_inquiry(received_at=now)

    assert list(Inquiry.objects.all()) == [older_urgent, urgent, old, recent]


def test_assign_to_records_event_once():
    staff = make_user("ana")
    inquiry = make_inquiry()

    assert inquiry.assign_to(staff, by=staff) is True
    assert inquiry.assign_to(staff, by=staff) is False

    event = InquiryEvent.objects.get(inquiry=inquiry)
    assert (event.kind, event.actor, event.assignee) == (InquiryEvent.Kind.ASSIGNED, staff, staff)
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to == staff


def test_note_names_itself_by_its_local_time_in_short_form(settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from admissions.models import Note

    settings.TIME_ZONE = "America/New_York"
    note = Note(created_at=datetime(2026, 11, 23, 23, 54, 54, 968177, tzinfo=ZoneInfo("UTC")))

    assert str(note) == "Note of 11/23/2026 6:54 p.m."
