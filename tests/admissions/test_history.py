"""The inquiry writes its own history: every event comes from a method of Inquiry, and
each method leaves the trace a coordinator or an auditor would look for."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from admissions.models import ContactAttempt, Inquiry, InquiryEvent
from tests.factories import make_inquiry, make_user

ROOT = Path(__file__).resolve().parents[2]
# The one module allowed to create events (Inquiry's history methods).
WRITER = ROOT / "admissions" / "models" / "history.py"
Kind = InquiryEvent.Kind


WRITING_METHODS = (".create", ".bulk_create", ".get_or_create", ".update_or_create")


def event_writers(path):
    """(line, code) of every place in `path` that makes an InquiryEvent row: the class
    called, or a writing method of its manager or of an inquiry's `events`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        code = ast.unparse(node.func)
        manager = code.startswith("InquiryEvent.objects.") or ".events." in code
        if code == "InquiryEvent" or (manager and code.endswith(WRITING_METHODS)):
            found.append((node.lineno, code))
    return found


def test_no_code_outside_the_inquiry_writes_an_event():
    sources = [
        path
        for folder in ("admissions", "programs", "iop_site", "scripts")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts and path != WRITER
    ]

    writers = {
        f"{path.relative_to(ROOT)}:{line} {code}"
        for path in sources
        for line, code in event_writers(path)
    }

    assert writers == set()
    assert event_writers(WRITER) != []


pytestmark = pytest.mark.django_db


def kinds(inquiry):
    return list(inquiry.events.order_by("created_at", "pk").values_list("kind", flat=True))


def test_receive_stores_the_inquiry_with_its_first_events():
    staff = make_user("ada", groups=("Admissions",))

    inquiry = Inquiry(first_name="Sam", phone="+12025550143", assigned_to=staff).receive(by=staff)

    assert inquiry.pk is not None
    assert kinds(inquiry) == [Kind.CREATED, Kind.ASSIGNED]
    assert inquiry.first_contact_due_at == inquiry.received_at + timedelta(minutes=240)


def test_downgrading_an_urgent_inquiry_leaves_a_trace_and_moves_the_deadline():
    staff = make_user("ada", groups=("Admissions",))
    inquiry = make_inquiry(message="he is not breathing")
    assert inquiry.is_urgent

    changed = inquiry.set_priority(Inquiry.Priority.ROUTINE, by=staff)
    unchanged = inquiry.set_priority(Inquiry.Priority.ROUTINE, by=staff)

    inquiry.refresh_from_db()
    event = inquiry.events.get(kind=Kind.PRIORITY_CHANGED)
    assert (changed, unchanged) == (True, False)
    assert (event.from_priority, event.to_priority, event.actor) == ("urgent", "routine", staff)
    assert str(event) == "Urgent → Routine"
    assert inquiry.first_contact_due_at == inquiry.received_at + timedelta(minutes=240)


def test_priority_change_after_first_contact_keeps_the_deadline():
    inquiry = make_inquiry()
    inquiry.log_contact(ContactAttempt.Channel.CALL, ContactAttempt.Outcome.REACHED)
    due = Inquiry.objects.get(pk=inquiry.pk).first_contact_due_at

    inquiry.set_priority(Inquiry.Priority.URGENT)

    assert Inquiry.objects.get(pk=inquiry.pk).first_contact_due_at == due


def test_logging_a_call_in_one_step_records_everything_it_says():
    staff = make_user("ada", groups=("Admissions",))
    inquiry = make_inquiry()
    follow_up = timezone.now() + timedelta(days=1)

    attempt = inquiry.log_contact(
        ContactAttempt.Channel.CALL,
        ContactAttempt.Outcome.REACHED,
        by=staff,
        note="Talked through the evening schedule.",
        next_follow_up_at=follow_up,
    )

    inquiry.refresh_from_db()
    assert attempt.by == staff
    assert inquiry.status == Inquiry.Status.CONTACTED
    assert inquiry.first_contact_at == attempt.at
    assert inquiry.next_follow_up_at == follow_up
    assert inquiry.notes.get().text == "Talked through the evening schedule."
    assert sorted(kinds(inquiry)) == sorted(
        [Kind.CONTACT_LOGGED, Kind.STATUS_CHANGED, Kind.NOTE_ADDED]
    )


def test_correcting_contact_details_records_that_not_the_values():
    staff = make_user("ada", groups=("Admissions",))
    inquiry = make_inquiry(email="")

    changed = inquiry.correct_contact_details("+12025550199", "sam@example.org", by=staff)
    unchanged = inquiry.correct_contact_details("+12025550199", "sam@example.org", by=staff)

    event = inquiry.events.get(kind=Kind.DETAILS_CORRECTED)
    assert (changed, unchanged) == (True, False)
    assert Inquiry.objects.get(pk=inquiry.pk).email == "sam@example.org"
    assert event.actor == staff
    assert "sam@example.org" not in str(event.__dict__)


def test_export_writes_one_event_per_inquiry_in_one_insert(django_assert_num_queries):
    staff = make_user("ada", groups=("Admissions",))
    inquiries = [make_inquiry(phone=f"+1202555014{n}") for n in range(3)]

    with django_assert_num_queries(2):
        Inquiry.objects.filter(pk__in=[i.pk for i in inquiries]).record_export(by=staff)

    assert InquiryEvent.objects.filter(kind=Kind.EXPORTED, actor=staff).count() == 3


def test_receive_in_bulk_gives_each_inquiry_its_received_event_and_deadline():
    inquiries = [
        Inquiry(reference=f"BULK000{n}", first_name="Seed", phone="+12025550143") for n in range(3)
    ]

    created = Inquiry.objects.receive_in_bulk(inquiries)

    assert InquiryEvent.objects.filter(kind=Kind.CREATED).count() == 3
    assert all(i.first_contact_due_at == i.first_contact_deadline() for i in created)
