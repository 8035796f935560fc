"""Assessment appointments, returning people and merging a duplicate, from the
coordinator's side of the model."""

from datetime import timedelta

import pytest
from django.utils import timezone

from admissions.admin.reporting import inquiry_counts
from admissions.models import Appointment, Inquiry, InquiryEvent, WorkflowError
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind
Status = Inquiry.Status


@pytest.fixture
def staff():
    return make_user("ada", groups=("Admissions",))


def test_booking_an_assessment_schedules_it_with_the_appointment(staff):
    inquiry = make_inquiry()
    when = timezone.now() + timedelta(days=2)

    appointment = inquiry.book_appointment(
        when, mode=Appointment.Mode.VIRTUAL, with_staff=staff, by=staff
    )

    inquiry.refresh_from_db()
    assert inquiry.status == Status.ASSESSMENT_SCHEDULED
    assert inquiry.first_contact_at is not None
    assert (appointment.starts_at, appointment.with_staff, appointment.status) == (
        when,
        staff,
        Appointment.Status.BOOKED,
    )
    booked = inquiry.events.get(kind=Kind.APPOINTMENT_BOOKED)
    assert (booked.appointment, booked.actor) == (appointment, staff)
    moves = inquiry.events.filter(kind=Kind.STATUS_CHANGED).values_list("from_status", "to_status")
    assert sorted(moves) == sorted(
        [(Status.NEW, Status.CONTACTED), (Status.CONTACTED, Status.ASSESSMENT_SCHEDULED)]
    )


def test_assessment_scheduled_without_an_appointment_is_refused():
    inquiry = make_inquiry()
    inquiry.move_to(Status.CONTACTED)

    with pytest.raises(WorkflowError, match="Book the assessment appointment"):
        inquiry.move_to(Status.ASSESSMENT_SCHEDULED)

    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.CONTACTED


def test_a_closed_inquiry_cannot_book_an_assessment():
    inquiry = make_inquiry()
    inquiry.move_to(Status.SPAM)

    with pytest.raises(WorkflowError, match="closed"):
        inquiry.book_appointment(timezone.now(), mode=Appointment.Mode.IN_PERSON)

    assert not Appointment.objects.exists()


def test_what_became_of_an_appointment_is_in_the_history(staff):
    inquiry = make_inquiry()
    appointment = inquiry.book_appointment(timezone.now(), mode=Appointment.Mode.IN_PERSON)

    changed = inquiry.update_appointment(appointment, Appointment.Status.NO_SHOW, by=staff)
    unchanged = inquiry.update_appointment(appointment, Appointment.Status.NO_SHOW, by=staff)

    assert (changed, unchanged) == (True, False)
    assert Appointment.objects.get().status == Appointment.Status.NO_SHOW
    assert inquiry.events.filter(kind=Kind.APPOINTMENT_UPDATED).count() == 1


def test_returning_people_are_found_by_phone_or_email_in_any_case():
    first = make_inquiry(phone="+12025550143", email="Sam@Example.org")
    by_email = make_inquiry(phone="", email="sam@example.ORG")
    by_phone = make_inquiry(phone="+12025550143", email="")
    stranger = make_inquiry(phone="+12025550199", email="other@example.org")

    found = set(Inquiry.objects.same_person_as(first))

    assert found == {by_email, by_phone}
    assert set(Inquiry.objects.same_person_as(by_email)) == {first}
    assert list(Inquiry.objects.same_person_as(stranger)) == []


def test_merging_a_duplicate_closes_it_and_tells_both_stories(staff):
    earlier = make_inquiry()
    duplicate = make_inquiry()

    duplicate.merge_into(earlier, by=staff)

    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into) == (Status.MERGED, earlier)
    assert duplicate.closed_at is not None
    assert not duplicate.is_open
    into = duplicate.events.get(kind=Kind.MERGED_INTO)
    came = earlier.events.get(kind=Kind.MERGED_FROM)
    assert (into.related_inquiry, into.actor) == (earlier, staff)
    assert (came.related_inquiry, came.actor) == (duplicate, staff)


@pytest.mark.parametrize("case", ["itself", "twice"])
def test_merges_that_make_no_sense_are_refused(case):
    earlier, duplicate = make_inquiry(), make_inquiry()
    if case == "itself":
        target = duplicate
    else:
        duplicate.merge_into(earlier)
        target = make_inquiry()

    with pytest.raises(WorkflowError):
        duplicate.merge_into(target)


def test_merged_duplicates_are_left_out_of_the_report_funnel():
    day = timezone.localdate()
    earlier, duplicate = make_inquiry(), make_inquiry()
    duplicate.merge_into(earlier)

    _tables, totals = inquiry_counts(day, day, min_count=0)

    assert totals["total"] == 1
