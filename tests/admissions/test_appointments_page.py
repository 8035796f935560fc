"""Assessment appointments and returning people on the inquiry's page, as the admissions
coordinator works them: the appointments with "Book an assessment" and what became of
each, the same person's other inquiries with "Merge", both in the timeline, and the
queue and the page's query budget with them."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.admin.page import OTHERS_SHOWN
from admissions.models import AccessRecord, Appointment, Inquiry, InquiryEvent
from tests.admissions.test_inquiry_page import (
    PAGE_QUERIES,
    change_url,
    checked,
    local,
    messages,
    page_of,
    panel,
    received,
    timeline_lines,
)
from tests.factories import make_user, move

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind
Status = Inquiry.Status
Mode = Appointment.Mode


@pytest.fixture
def ada(client):
    user = make_user("ada", groups=("Admissions",))
    client.force_login(user)
    return user


def book_url(inquiry):
    return reverse("admin:admissions_inquiry_book_appointment", args=[inquiry.pk])


def appointment_url(inquiry, appointment_pk):
    return reverse("admin:admissions_inquiry_appointment", args=[inquiry.pk, appointment_pk])


def merge_url(inquiry):
    return reverse("admin:admissions_inquiry_merge", args=[inquiry.pk])


def in_days(days, hour=14, minute=30):
    """A local time `days` from today, to the minute, as a booking would give it."""
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def as_input(when):
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


def second_sunday_of_march(year):
    first = date(year, 3, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7)


CLOCKS_GO_FORWARD = second_sunday_of_march(timezone.now().year + 1)


def booking(when, staff, mode=Mode.IN_PERSON, **fields):
    data = {
        "booking-starts_at": as_input(when),
        "booking-with_staff": str(staff.pk),
        "booking-mode": mode,
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def section(page, section_id):
    return page.find("section", id=section_id)


def appointment_lines(page):
    return [
        item.text(skip=("form",))
        for item in section(page, "appointments").find("ul", class_="appointments").find_all("li")
    ]


def error_texts(page):
    return [errors.text() for errors in page.find_all("ul", class_="errorlist")]


# --- The appointments section -----------------------------------------------------------------


def test_appointments_are_listed_in_local_time_with_whom_mode_and_status(client, ada):
    inquiry = received()
    riley = make_user("riley", groups=("Admissions",))
    first = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=riley, by=ada)
    second = inquiry.book_appointment(in_days(8, 9, 0), Mode.VIRTUAL, with_staff=ada, by=ada)
    inquiry.update_appointment(first, Appointment.Status.NO_SHOW, by=ada)

    page = page_of(client.get(change_url(inquiry)))

    assert section(page, "appointments").find("h2").text() == "Assessment appointments"
    assert appointment_lines(page) == [
        f"{local(first.starts_at)} · with riley · In person · No-show",
        f"{local(second.starts_at)} · with ada · Virtual (video) · Booked",
    ]
    times = section(page, "appointments").find("ul", class_="appointments").find_all("time")
    assert [time.attrs["datetime"] for time in times] == [
        timezone.localtime(first.starts_at).isoformat(timespec="seconds"),
        timezone.localtime(second.starts_at).isoformat(timespec="seconds"),
    ]


def test_only_a_booked_appointment_has_outcome_buttons(client, ada):
    inquiry = received()
    attended = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)
    inquiry.update_appointment(attended, Appointment.Status.ATTENDED, by=ada)
    booked = inquiry.book_appointment(in_days(2), Mode.VIRTUAL, with_staff=ada, by=ada)

    page = page_of(client.get(change_url(inquiry)))

    forms = section(page, "appointments").find_all("form", class_="appointment-outcome")
    assert [form.attrs["action"] for form in forms] == [appointment_url(inquiry, booked.pk)]
    assert forms[0].attrs["aria-label"] == (
        f"What became of the assessment of {local(booked.starts_at)}"
    )
    assert [(b.attrs["name"], b.attrs["value"], b.text()) for b in forms[0].find_all("button")] == [
        ("status", "attended", "Attended"),
        ("status", "no_show", "No-show"),
        ("status", "cancelled", "Canceled"),
    ]


def test_an_inquiry_without_appointments_says_so_and_offers_the_booking_form(client, ada):
    inquiry = received()

    page = page_of(client.get(change_url(inquiry)))

    appointments = section(page, "appointments")
    form = appointments.find("form", action=book_url(inquiry))
    assert appointments.find("p").text() == "No assessment booked yet."
    assert form.find("h3").text() == "Book an assessment"
    assert form.find("button").text() == "Book assessment"


def test_booking_form_offers_active_admissions_staff_future_times_and_no_mode_yet(client, ada):
    make_user("blair", groups=("Admissions",), is_active=False)
    make_user("casey", groups=("Marketing",))
    make_user("root", is_superuser=True)
    make_user("eli", groups=("Admissions",))
    inquiry = received()

    form = page_of(client.get(change_url(inquiry))).find("form", action=book_url(inquiry))

    starts_at = form.find("input", name="booking-starts_at")
    labels = {label.attrs["for"]: label.text() for label in form.find_all("label")}
    options = form.find("select", name="booking-with_staff").find_all("option")
    assert (starts_at.attrs["type"], labels[starts_at.attrs["id"]]) == (
        "datetime-local",
        "Date and time:",
    )
    assert starts_at.attrs["min"] == as_input(timezone.now())
    assert [option.text() for option in options] == ["---------", "ada", "eli"]
    assert form.find("fieldset").find("legend").text() == "In person or virtual:"
    assert checked(form, "booking-mode") == []


def test_booking_an_assessment_is_one_post_and_schedules_the_inquiry(client, ada):
    inquiry = received()
    when = in_days(2)

    response = client.post(book_url(inquiry), booking(when, ada, Mode.VIRTUAL))
    page = client.get(response["Location"])

    inquiry.refresh_from_db()
    appointment = Appointment.objects.get(inquiry=inquiry)
    assert response.status_code == 302
    assert response["Location"] == change_url(inquiry) + "#appointments"
    assert (appointment.starts_at, appointment.with_staff, appointment.mode) == (
        when,
        ada,
        Mode.VIRTUAL,
    )
    assert (appointment.status, appointment.booked_by) == (Appointment.Status.BOOKED, ada)
    assert inquiry.status == Status.ASSESSMENT_SCHEDULED
    assert messages(page) == [
        f"Assessment booked: {local(when)}, Virtual (video), with ada. "
        f"{inquiry.reference} is now “Assessment scheduled”."
    ]
    assert timeline_lines(page_of(page))[1:] == [
        f"Assessment booked: {local(when)}, Virtual (video), with ada by ada",
        "Status changed: New → Contacted by ada",
        "Status changed: Contacted → Assessment scheduled by ada",
    ]


def test_booking_a_past_time_is_refused_with_a_clear_error(client, ada):
    inquiry = received()
    an_hour_ago = timezone.localtime() - timedelta(hours=1)

    response = client.post(book_url(inquiry), booking(an_hour_ago, ada))

    page = page_of(response)
    form = page.find("form", action=book_url(inquiry))
    assert response.status_code == 200
    assert page.find("h1").text() == f"Book an assessment: inquiry {inquiry.reference}"
    assert error_texts(form) == [
        "The assessment must be at a time to come: a past time cannot be booked."
    ]
    # What was chosen is kept.
    assert form.find("input", name="booking-starts_at").attrs["value"] == as_input(an_hour_ago)
    assert checked(form, "booking-mode") == ["in_person"]
    assert not Appointment.objects.exists()
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.NEW
    assert list(AccessRecord.objects.values_list("inquiry_reference", "view")) == [
        (inquiry.reference, AccessRecord.View.CHANGE_WITH_ERRORS)
    ]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("booking-starts_at", "", "Enter the date and time of the assessment."),
        ("booking-starts_at", "31/31/2026 25:61", "Enter a valid date/time."),
        ("booking-starts_at", "9999-12-31T23:59", "An assessment is booked at most a year ahead"),
        # 2:30 am on the day the clocks go forward does not exist in New York.
        (
            "booking-starts_at",
            f"{CLOCKS_GO_FORWARD}T02:30",
            f"{CLOCKS_GO_FORWARD} 02:30:00 couldn\u2019t be interpreted in time zone "
            "America/New_York",
        ),
        ("booking-with_staff", "", "Choose who holds the assessment."),
        ("booking-with_staff", "abc", "Select a valid choice."),
        ("booking-with_staff", "99999999999999999999999", "Select a valid choice."),
        ("booking-mode", "", "Choose in person or virtual."),
        ("booking-mode", '<script>alert("x")</script>', "Select a valid choice."),
    ],
)
def test_hostile_booking_input_is_a_form_error_and_books_nothing(client, ada, field, value, error):
    inquiry = received()
    data = booking(in_days(2), ada, **{field: value})

    response = client.post(book_url(inquiry), data)

    errors = error_texts(page_of(response))
    assert response.status_code == 200
    assert len(errors) == 1
    assert errors[0].startswith(error)
    assert '<script>alert("x")</script>' not in response.content.decode()
    assert not Appointment.objects.exists()


def test_booking_with_someone_outside_admissions_is_refused(client, ada):
    casey = make_user("casey", groups=("Marketing",))
    inquiry = received()

    response = client.post(book_url(inquiry), booking(in_days(2), casey))

    assert error_texts(page_of(response)) == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert not Appointment.objects.exists()


def test_a_closed_inquiry_offers_no_booking_and_a_post_books_nothing(client, ada):
    inquiry = received()
    inquiry.move_to(Status.UNREACHABLE, by=ada)

    page = page_of(client.get(change_url(inquiry)))
    response = client.post(book_url(inquiry), booking(in_days(2), ada), follow=True)

    appointments = section(page, "appointments")
    assert appointments.find_all("form") == []
    assert appointments.find_all("p")[-1].text() == (
        "This inquiry is closed: to book an assessment, first move it back to “Contacted” "
        "(Change status, above)."
    )
    assert messages(response) == [
        "This inquiry is closed (“Unreachable”): move it back to Contacted first."
    ]
    assert not Appointment.objects.exists()


# --- What became of an appointment -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "label"),
    [("attended", "Attended"), ("no_show", "No-show"), ("cancelled", "Canceled")],
)
def test_an_outcome_button_records_what_became_of_the_appointment(client, ada, status, label):
    inquiry = received()
    appointment = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)
    inquiry.book_appointment(in_days(3), Mode.IN_PERSON, with_staff=ada, by=ada)

    response = client.post(appointment_url(inquiry, appointment.pk), {"status": status})
    page = client.get(response["Location"])

    assert response["Location"] == change_url(inquiry) + "#appointments"
    assert Appointment.objects.get(pk=appointment.pk).status == status
    assert messages(page) == [f"Assessment of {local(appointment.starts_at)}: {label}."]
    assert appointment_lines(page_of(page))[0].endswith(f"· {label}")
    updated = inquiry.events.get(kind=Kind.APPOINTMENT_UPDATED)
    assert (updated.appointment_id, updated.actor) == (appointment.pk, ada)


def test_cancelling_the_only_booked_assessment_says_the_inquiry_is_still_scheduled(client, ada):
    inquiry = received()
    appointment = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)

    response = client.post(
        appointment_url(inquiry, appointment.pk), {"status": "cancelled"}, follow=True
    )

    assert messages(response) == [
        f"Assessment of {local(appointment.starts_at)}: Canceled. {inquiry.reference} is still "
        "“Assessment scheduled” with no assessment booked: book another time, or change its "
        "status."
    ]
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.ASSESSMENT_SCHEDULED


@pytest.mark.parametrize("status", ["booked", '<script>alert("x")</script>', ""])
def test_an_outcome_that_is_not_one_changes_nothing(client, ada, status):
    inquiry = received()
    appointment = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)
    inquiry.update_appointment(appointment, Appointment.Status.CANCELLED, by=ada)

    response = client.post(appointment_url(inquiry, appointment.pk), {"status": status})
    page = client.get(response["Location"])

    expected = (
        "Choose what became of the assessment."
        if status == ""
        else f"Select a valid choice. {status} is not one of the available choices."
    )
    assert response.status_code == 302
    assert messages(page) == [expected]
    assert '<script>alert("x")</script>' not in page.content.decode()
    assert Appointment.objects.get(pk=appointment.pk).status == Appointment.Status.CANCELLED
    assert inquiry.events.filter(kind=Kind.APPOINTMENT_UPDATED).count() == 1


def test_an_appointment_of_another_inquiry_is_not_found(client, ada):
    inquiry, other = received(), received(phone="+15032241002")
    theirs = other.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)

    foreign = client.post(appointment_url(inquiry, theirs.pk), {"status": "cancelled"})
    missing = client.post(appointment_url(inquiry, theirs.pk + 1000), {"status": "cancelled"})
    huge = client.post(appointment_url(inquiry, 10**30), {"status": "cancelled"})

    assert [foreign.status_code, missing.status_code, huge.status_code] == [404, 404, 404]
    assert Appointment.objects.get(pk=theirs.pk).status == Appointment.Status.BOOKED


def test_appointment_forms_by_get_change_nothing(client, ada):
    inquiry = received()
    appointment = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)

    responses = [
        client.get(book_url(inquiry)),
        client.get(appointment_url(inquiry, appointment.pk) + "?status=cancelled"),
    ]

    assert [(r.status_code, r["Location"]) for r in responses] == [
        (302, change_url(inquiry)),
        (302, change_url(inquiry)),
    ]
    assert Appointment.objects.get().status == Appointment.Status.BOOKED
    assert Appointment.objects.count() == 1


def test_appointment_and_merge_forms_answer_alike_for_missing_and_existing_ids_without_access(
    client,
):
    staff = make_user("ada", groups=("Admissions",))
    earlier, inquiry = received(), received()
    appointment = inquiry.book_appointment(in_days(1), Mode.IN_PERSON, with_staff=staff, by=staff)
    client.force_login(make_user("morgan", groups=("Marketing",)))
    missing = Inquiry(pk=inquiry.pk + 1000)

    statuses = [
        client.post(url, data).status_code
        for url, data in [
            (book_url(inquiry), booking(in_days(2), staff)),
            (book_url(missing), booking(in_days(2), staff)),
            (appointment_url(inquiry, appointment.pk), {"status": "cancelled"}),
            (appointment_url(inquiry, appointment.pk + 1000), {"status": "cancelled"}),
            (appointment_url(missing, appointment.pk), {"status": "cancelled"}),
            (merge_url(inquiry), {"merge-into": earlier.pk, "merge-same_person": "on"}),
            (merge_url(missing), {"merge-into": earlier.pk, "merge-same_person": "on"}),
        ]
    ]

    assert statuses == [403] * 7
    assert Appointment.objects.get().status == Appointment.Status.BOOKED
    assert Appointment.objects.count() == 1
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.ASSESSMENT_SCHEDULED


@pytest.mark.parametrize("url_name", ["book_appointment", "merge"])
def test_forms_of_a_missing_inquiry_are_404_for_admissions(client, ada, url_name):
    response = client.post(reverse(f"admin:admissions_inquiry_{url_name}", args=[999]), {})

    assert response.status_code == 404


# --- Change status and Assessment scheduled ----------------------------------------------------


def status_choices(page):
    return [
        option.attrs["value"] for option in page.find("select", name="status").find_all("option")
    ]


def test_change_status_leaves_assessment_scheduled_to_the_booking_form(client, ada):
    inquiry = received()
    inquiry.move_to(Status.CONTACTED, by=ada)

    page = page_of(client.get(change_url(inquiry)))

    assert status_choices(page) == ["referred", "not_a_fit", "unreachable"]
    assert panel(page).find("div", id="id_status_helptext").text() == (
        "To schedule the assessment, book it under Appointments below: that moves the "
        "inquiry to “Assessment scheduled”."
    )


def test_change_status_to_assessment_scheduled_is_refused_without_a_booking(client, ada):
    inquiry = received()
    inquiry.move_to(Status.CONTACTED, by=ada)

    response = client.post(
        reverse("admin:admissions_inquiry_move", args=[inquiry.pk]),
        {"status": "assessment_scheduled"},
        follow=True,
    )

    assert messages(response) == [
        "Select a valid choice. assessment_scheduled is not one of the available choices."
    ]
    assert Inquiry.objects.get(pk=inquiry.pk).status == Status.CONTACTED


def test_a_scheduled_inquiry_may_still_go_back_to_contacted_or_on_to_admitted(client, ada):
    inquiry = received()
    move(inquiry, Status.ASSESSMENT_SCHEDULED, by=ada)

    page = page_of(client.get(change_url(inquiry)))

    assert status_choices(page) == ["admitted", "contacted", "referred", "not_a_fit", "unreachable"]
    assert panel(page).find_all("div", id="id_status_helptext") == []


# --- The same person's other inquiries ---------------------------------------------------------


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def other_lines(page, list_id):
    found = section(page, "earlier-inquiries").find("ul", **{"aria-labelledby": list_id})
    return [item.text(skip=("time",)) for item in found.find_all("li")]


def test_other_inquiries_from_the_same_phone_or_email_are_on_each_page(client, ada):
    first = received(phone="+15032241001", email="Sam@Example.org", received_at=days_ago(30))
    second = received(phone="", email="sam@example.ORG", received_at=days_ago(10))
    move(second, Status.UNREACHABLE, by=ada)
    latest = received(phone="+15032241001", email="sam@example.org", received_at=days_ago(1))
    received(phone="+15032241009", email="someone@example.org")

    on_latest = page_of(client.get(change_url(latest)))
    on_first = page_of(client.get(change_url(first)))

    earlier = section(on_latest, "earlier-inquiries")
    assert earlier.find("h2").text() == "Other inquiries from this person"
    assert earlier.find("p", id="earlier-list-title").text() == (
        "2 earlier inquiries from this phone number or email address:"
    )
    assert other_lines(on_latest, "earlier-list-title") == [
        f"{first.reference}, received , New (same phone number and email address)",
        f"{second.reference}, received , Unreachable (same email address)",
    ]
    assert earlier.find("a", href=change_url(first)).text() == first.reference
    assert [t.attrs["datetime"] for t in earlier.find("ul").find_all("time")] == [
        timezone.localtime(first.received_at).isoformat(timespec="seconds"),
        timezone.localtime(second.received_at).isoformat(timespec="seconds"),
    ]
    assert earlier.find_all("p", id="later-list-title") == []
    assert section(on_first, "earlier-inquiries").find("p", id="later-list-title").text() == (
        "2 later inquiries from this phone number or email address:"
    )
    assert other_lines(on_first, "later-list-title") == [
        f"{second.reference}, received , Unreachable (same email address)",
        f"{latest.reference}, received , New (same phone number and email address)",
    ]


def test_an_inquiry_from_someone_new_has_no_other_inquiries_section(client, ada):
    inquiry = received()
    received(phone="+15032241009")

    page = page_of(client.get(change_url(inquiry)))

    assert page.find_all("section", id="earlier-inquiries") == []


def test_many_other_inquiries_list_the_nearest_and_count_the_rest(client, ada):
    for days in range(OTHERS_SHOWN + 3, 0, -1):
        received(received_at=days_ago(days + 1))
    latest = received()

    page = page_of(client.get(change_url(latest)))

    earlier = section(page, "earlier-inquiries")
    assert earlier.find("p", id="earlier-list-title").text() == (
        f"{OTHERS_SHOWN + 3} earlier inquiries from this phone number or email address:"
    )
    assert len(other_lines(page, "earlier-list-title")) == OTHERS_SHOWN
    assert earlier.find_all("p")[-2].text() == "and 3 older ones, not listed."


def test_merge_is_offered_on_the_later_inquiry_only_and_never_into_a_merged_one(client, ada):
    first = received(received_at=days_ago(30))
    merged = received(received_at=days_ago(20))
    merged.merge_into(first, by=ada)
    later = received(received_at=days_ago(1))

    on_later = page_of(client.get(change_url(later)))
    on_first = page_of(client.get(change_url(first)))
    on_merged = page_of(client.get(change_url(merged)))

    form = section(on_later, "earlier-inquiries").find("form", action=merge_url(later))
    radios = form.find_all("input", name="merge-into")
    assert [radio.attrs["value"] for radio in radios] == [str(first.pk)]
    assert checked(form, "merge-into") == [str(first.pk)]
    assert form.find("label", **{"for": "id_merge-same_person"}).text() == (
        "I have checked that both inquiries are from the same person, about the same person."
    )
    assert form.find("button").text() == f"Merge this inquiry into {first.reference}"
    assert section(on_first, "earlier-inquiries").find_all("form") == []
    assert section(on_merged, "earlier-inquiries").find_all("form") == []


def test_with_several_earlier_inquiries_the_coordinator_chooses_which(client, ada):
    first = received(received_at=days_ago(30))
    second = received(received_at=days_ago(10))
    later = received()

    form = page_of(client.get(change_url(later))).find("form", action=merge_url(later))

    assert [r.attrs["value"] for r in form.find_all("input", name="merge-into")] == [
        str(second.pk),
        str(first.pk),
    ]
    assert checked(form, "merge-into") == []
    assert form.find("button").text() == "Merge this inquiry"


def test_merging_a_duplicate_closes_it_and_goes_on_to_the_earlier_inquiry(client, ada):
    earlier = received(received_at=days_ago(3))
    duplicate = received()

    response = client.post(
        merge_url(duplicate), {"merge-into": str(earlier.pk), "merge-same_person": "on"}
    )
    on_earlier = client.get(response["Location"])
    on_duplicate = page_of(client.get(change_url(duplicate)))

    duplicate.refresh_from_db()
    assert response["Location"] == change_url(earlier)
    assert (duplicate.status, duplicate.merged_into) == (Status.MERGED, earlier)
    assert messages(on_earlier) == [
        f"{duplicate.reference} was merged into {earlier.reference}: both timelines show it."
    ]
    merged_line = panel(on_duplicate).find("ul", class_="inquiry-prefs").find("li")
    assert merged_line.text() == (
        f"Merged into {earlier.reference}: a duplicate, closed. Work the earlier inquiry instead."
    )
    assert merged_line.find("a").attrs["href"] == change_url(earlier)
    assert section(on_duplicate, "appointments").find_all("form") == []


def test_merge_without_the_tick_is_shown_back_and_merges_nothing(client, ada):
    first = received(received_at=days_ago(30))
    second = received(received_at=days_ago(10))
    duplicate = received()

    response = client.post(merge_url(duplicate), {"merge-into": str(first.pk)})

    page = page_of(response)
    form = page.find("form", action=merge_url(duplicate))
    assert response.status_code == 200
    assert page.find("h1").text() == f"Merge inquiry {duplicate.reference}"
    assert error_texts(form) == ["Tick the box once you have checked it is the same person."]
    assert checked(form, "merge-into") == [str(first.pk)]
    assert {second.reference, first.reference} <= {
        label.text().split(",")[0] for label in form.find_all("label")
    }
    assert Inquiry.objects.get(pk=duplicate.pk).status == Status.NEW


@pytest.mark.parametrize("target", ["stranger", "later", "itself", "hostile"])
def test_merge_into_anything_but_an_earlier_inquiry_of_the_same_person_is_refused(
    client, ada, target
):
    received(received_at=days_ago(30))
    duplicate = received(received_at=days_ago(10))
    targets = {
        "stranger": received(phone="+15032241009", received_at=days_ago(40)).pk,
        "later": received().pk,
        "itself": duplicate.pk,
        "hostile": "1 OR 1=1",
    }

    response = client.post(
        merge_url(duplicate), {"merge-into": targets[target], "merge-same_person": "on"}
    )

    errors = error_texts(page_of(response))
    assert response.status_code == 200
    assert len(errors) == 1
    assert errors[0].startswith("Select a valid choice.")
    assert not Inquiry.objects.filter(status=Status.MERGED).exists()


def test_a_merged_inquiry_cannot_be_merged_again(client, ada):
    first = received(received_at=days_ago(30))
    second = received(received_at=days_ago(10))
    duplicate = received()
    duplicate.merge_into(second, by=ada)

    response = client.post(
        merge_url(duplicate), {"merge-into": str(first.pk), "merge-same_person": "on"}, follow=True
    )

    assert messages(response) == [f"{duplicate.reference} is merged already."]
    assert Inquiry.objects.get(pk=duplicate.pk).merged_into == second


def test_merge_of_the_earliest_inquiry_has_nothing_to_merge_into(client, ada):
    first = received(received_at=days_ago(30))
    later = received()

    response = client.post(
        merge_url(first), {"merge-into": str(later.pk), "merge-same_person": "on"}, follow=True
    )

    assert messages(response) == [
        f"{first.reference} has no earlier inquiry it could be merged into."
    ]
    assert not Inquiry.objects.filter(status=Status.MERGED).exists()


def test_merge_by_get_merges_nothing(client, ada):
    received(received_at=days_ago(30))
    duplicate = received()

    response = client.get(merge_url(duplicate))

    assert (response.status_code, response["Location"]) == (302, change_url(duplicate))
    assert Inquiry.objects.get(pk=duplicate.pk).status == Status.NEW


# --- The timeline -----------------------------------------------------------------------------


def test_timeline_shows_assessments_booked_and_updated_with_when_and_mode(client, ada):
    inquiry = received()
    inquiry.log_contact("call", "reached", by=ada)
    when = in_days(2)
    appointment = inquiry.book_appointment(when, Mode.IN_PERSON, with_staff=ada, by=ada)
    inquiry.update_appointment(appointment, Appointment.Status.ATTENDED, by=ada)

    page = page_of(client.get(change_url(inquiry)))

    assert timeline_lines(page) == [
        "Received: Website form by the website",
        "Call: Reached them by ada",
        "Status changed: New → Contacted by ada",
        f"Assessment booked: {local(when)}, In person, with ada by ada",
        "Status changed: Contacted → Assessment scheduled by ada",
        f"Assessment updated: {local(when)}, In person: Attended by ada",
    ]


def test_a_merge_is_in_both_timelines_with_a_link_to_the_other_inquiry(client, ada):
    earlier = received(received_at=days_ago(3))
    duplicate = received()
    duplicate.merge_into(earlier, by=ada)

    on_earlier = page_of(client.get(change_url(earlier)))
    on_duplicate = page_of(client.get(change_url(duplicate)))

    assert (
        timeline_lines(on_earlier)[-1] == f"A later inquiry merged in: {duplicate.reference} by ada"
    )
    assert timeline_lines(on_duplicate)[-1] == (
        f"Merged into an earlier inquiry: {earlier.reference} by ada"
    )
    to_duplicate = on_earlier.find("ol", class_="timeline").find("a")
    to_earlier = on_duplicate.find("ol", class_="timeline").find("a")
    assert (to_duplicate.attrs["href"], to_earlier.attrs["href"]) == (
        change_url(duplicate),
        change_url(earlier),
    )


# --- The queue --------------------------------------------------------------------------------


def queue_references(client, **query):
    response = client.get(reverse("admin:admissions_inquiry_changelist"), query)
    return {inquiry.reference for inquiry in response.context["cl"].result_list}


def test_the_open_queue_leaves_merged_inquiries_out_and_the_closed_one_lists_them(client, ada):
    earlier = received(received_at=days_ago(3))
    duplicate = received()
    duplicate.merge_into(earlier, by=ada)

    assert queue_references(client) == {earlier.reference}
    assert queue_references(client, queue="closed") == {duplicate.reference}
    assert queue_references(client, queue="all", status="merged") == {duplicate.reference}


# --- The page's query budget --------------------------------------------------------------------


def test_inquiry_page_query_count_is_the_same_with_1_and_20_appointments_and_other_inquiries(
    client, ada, django_assert_max_num_queries
):
    staff = [ada, *(make_user(f"staff{n}", groups=("Admissions",)) for n in range(3))]
    few = [received(phone="+15032241001", received_at=days_ago(2)), received(phone="+15032241001")]
    many = [
        *(received(phone="+15032241002", received_at=days_ago(n + 2)) for n in range(20)),
        received(phone="+15032241002"),
    ]
    few[-1].book_appointment(in_days(1), Mode.IN_PERSON, with_staff=ada, by=ada)
    for number in range(20):
        many[-1].book_appointment(
            in_days(number + 1), Mode.VIRTUAL, with_staff=staff[number % 4], by=staff[number % 4]
        )
    many[0].merge_into(many[1], by=ada)
    client.get(change_url(few[-1]))  # warm up (content types, permissions caches)

    with CaptureQueriesContext(connection) as with_few:
        first = client.get(change_url(few[-1]))
    with django_assert_max_num_queries(PAGE_QUERIES):
        second = client.get(change_url(many[-1]))

    assert len(with_few.captured_queries) == PAGE_QUERIES
    assert len(appointment_lines(page_of(first))) == 1
    assert len(appointment_lines(page_of(second))) == 20
    assert len(other_lines(page_of(first), "earlier-list-title")) == 1
    assert len(other_lines(page_of(second), "earlier-list-title")) == 20
