"""An inquiry's page, as the admissions coordinator works it: the contact panel first
(how to reach them, what not to do, why it is urgent, the deadline as a countdown, the
one-step "Log call" form), one timeline of everything that happened, who opened it,
whom it may be assigned to, and wording for people."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from admissions.admin.timeline import HISTORY_SHOWN, opened_summary
from admissions.models import AccessRecord, ContactAttempt, Inquiry, InquiryEvent
from admissions.templatetags.admissions_admin import countdown
from tests.factories import make_user
from tests.html import page_of

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind
Status = Inquiry.Status


# --- Reading the page ------------------------------------------------------------------------


def panel(page):
    return page.find("section", class_="inquiry-panel")


def timeline_lines(page):
    """Each timeline entry as read, without its time."""
    return [item.text(skip=("time",)) for item in page.find("ol", class_="timeline").find_all("li")]


def timeline_times(page):
    entries = page.find("ol", class_="timeline").find_all("li")
    return [entry.find("time").attrs["datetime"] for entry in entries]


def checked(page, name):
    return [
        radio.attrs["value"]
        for radio in page.find_all("input", name=name)
        if "checked" in radio.attrs
    ]


def messages(response):
    return [str(message) for message in response.context["messages"]]


# --- Fixtures and helpers ---------------------------------------------------------------------


def change_url(inquiry, **query):
    url = reverse("admin:admissions_inquiry_change", args=[inquiry.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def log_contact_url(inquiry):
    return reverse("admin:admissions_inquiry_log_contact", args=[inquiry.pk])


def add_note_url(inquiry):
    return reverse("admin:admissions_inquiry_add_note", args=[inquiry.pk])


@pytest.fixture
def ada(client):
    user = make_user("ada", groups=("Admissions",))
    client.force_login(user)
    return user


def received(by=None, **fields):
    """An inquiry stored as the site stores one (Inquiry.receive), with its Received event."""
    values = {
        "first_name": "Sam",
        "phone": "+15032241001",
        "contact_method": Inquiry.ContactMethod.CALL,
        "consent_at": timezone.now(),
    }
    values.update(fields)
    return Inquiry(**values).receive(by=by)


def local(when, format_name="DATETIME_FORMAT"):
    return date_format(timezone.localtime(when), format_name)


# --- The contact panel ------------------------------------------------------------------------


def test_panel_comes_first_with_how_to_reach_them_and_what_not_to_do(client, ada):
    inquiry = received(
        voicemail_ok=False, texts_ok=False, best_time=Inquiry.BestTime.EVENING, email="s@ex.org"
    )

    response = client.get(change_url(inquiry))

    html = response.content.decode()
    page = page_of(response)
    lines = [item.text() for item in panel(page).find("ul", class_="inquiry-prefs").find_all("li")]
    assert html.index('class="inquiry-panel"') < html.index('id="inquiry_form"')
    assert "Phone: (503) 224-1001 · Email: s@ex.org" in lines
    assert "Prefers: Phone call, evening (5 pm to 9 pm)" in lines
    assert "NO voicemail that names the clinic or treatment" in lines
    assert "NO text messages" in lines
    assert panel(page).find("a", href="tel:+15032241001").text() == "(503) 224-1001"


def test_panel_says_why_it_is_urgent_and_counts_down_to_the_first_contact(client, ada):
    # Received 17 min 30 s ago: the urgent deadline (60 min) is 42 min 30 s away.
    inquiry = received(
        message="I took too many pills",
        received_at=timezone.now() - timedelta(minutes=17, seconds=30),
    )

    page = page_of(client.get(change_url(inquiry)))

    lines = [item.text() for item in panel(page).find("ul", class_="inquiry-prefs").find_all("li")]
    countdown_time = panel(page).find(
        "time", datetime=inquiry.first_contact_due_at.isoformat(timespec="seconds")
    )
    assert lines[0] == (
        "URGENT: call first; 988/911 if they are in danger. "
        "Why: Message reads as a crisis: Overdose or too much taken"
    )
    assert lines[1] == (
        f"First contact: due in 42 min (deadline {local(inquiry.first_contact_due_at)})"
    )
    assert countdown_time.text() == "due in 42 min"


def test_panel_shows_an_overdue_first_contact_as_time_past(client, ada):
    # Routine: due 240 min after receipt; received 310 min 30 s ago, so 70 min overdue.
    inquiry = received(received_at=timezone.now() - timedelta(minutes=310, seconds=30))

    page = page_of(client.get(change_url(inquiry)))

    overdue = panel(page).find("strong", class_="overdue")
    assert overdue.text() == "First contact: overdue 1 h 10 min"


def test_panel_shows_a_made_first_contact_and_the_next_follow_up(client, ada):
    inquiry = received()
    follow_up = timezone.now() + timedelta(hours=3, minutes=5, seconds=30)
    attempt = inquiry.log_contact("call", "reached", by=ada, next_follow_up_at=follow_up)

    page = page_of(client.get(change_url(inquiry)))

    lines = [item.text() for item in panel(page).find("ul", class_="inquiry-prefs").find_all("li")]
    assert f"First contact: made {local(attempt.at)}" in lines
    assert f"Next follow-up: due in 3 h 05 min ({local(follow_up)})" in lines
    assert f"Last attempt: Call: Reached them, by ada, {local(attempt.at)}" in lines


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (42.5, "due in 42 min"),
        (61, "due in 1 h 01 min"),
        (0.5, "due now"),
        (-0.5, "due now"),
        (-70, "overdue 1 h 10 min"),
        (-(2 * 24 * 60 + 3 * 60 + 20), "overdue 2 days 3 h"),
        (24 * 60 + 60, "due in 1 day 1 h"),
    ],
)
def test_countdown_wording(minutes, expected):
    now = timezone.now()

    assert countdown(now + timedelta(minutes=minutes), now=now) == expected


def test_panel_warns_about_42_cfr_part_2_when_the_inquiry_is_about_someone_else(client, ada):
    about_someone = received(inquiry_for=Inquiry.For.SOMEONE_ELSE)
    about_themselves = received(inquiry_for=Inquiry.For.MYSELF)

    warning = panel(page_of(client.get(change_url(about_someone)))).find("li", class_="part-2")
    other = panel(page_of(client.get(change_url(about_themselves)))).find_all("li", class_="part-2")

    assert warning.text() == (
        "ABOUT SOMEONE ELSE: the caller is not the person who may need treatment. Disclose "
        "nothing about that person to the caller, not even whether they are or were a patient "
        "here, without that person\u2019s written consent (42 CFR Part 2)."
    )
    assert other == []


# --- Log call ---------------------------------------------------------------------------------


def test_log_call_form_starts_on_their_preferred_method_and_no_outcome(client, ada):
    by_email = received(contact_method=Inquiry.ContactMethod.EMAIL, email="s@ex.org")

    page = page_of(client.get(change_url(by_email)))

    form = panel(page).find("form", action=log_contact_url(by_email))
    assert checked(form, "contact-channel") == ["email"]
    assert checked(form, "contact-outcome") == []
    assert [radio.attrs["value"] for radio in form.find_all("input", name="contact-outcome")] == [
        "reached",
        "voicemail",
        "no_answer",
        "wrong_number",
    ]
    assert form.find("button").text() == "Log call"


def test_logging_a_first_call_is_one_post_from_the_page(client, ada):
    inquiry = received()

    response = client.post(
        log_contact_url(inquiry), {"contact-channel": "call", "contact-outcome": "reached"}
    )
    page = client.get(response["Location"])

    inquiry.refresh_from_db()
    attempt = ContactAttempt.objects.get(inquiry=inquiry)
    assert response.status_code == 302
    assert response["Location"] == change_url(inquiry)
    assert (attempt.channel, attempt.outcome, attempt.by) == ("call", "reached", ada)
    assert (inquiry.status, inquiry.first_contact_at) == (Status.CONTACTED, attempt.at)
    assert messages(page) == [
        f"Logged: Call, Reached them. {inquiry.reference} is now “Contacted”."
    ]


def test_log_call_with_a_note_and_the_next_follow_up(client, ada):
    inquiry = received()
    follow_up = timezone.localtime() + timedelta(days=1)

    response = client.post(
        log_contact_url(inquiry),
        {
            "contact-channel": "call",
            "contact-outcome": "no_answer",
            "contact-note": "Rang twice, no voicemail left as asked.",
            "contact-next_follow_up_at": follow_up.strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )

    inquiry.refresh_from_db()
    expected_follow_up = follow_up.replace(second=0, microsecond=0)
    assert inquiry.status == Status.NEW
    assert inquiry.first_contact_at is None
    assert inquiry.next_follow_up_at == expected_follow_up
    assert list(inquiry.notes.values_list("text", "author")) == [
        ("Rang twice, no voicemail left as asked.", ada.pk)
    ]
    assert messages(response) == [
        f"Logged: Call, No answer. Next follow-up: {local(expected_follow_up)}."
    ]


def test_log_call_without_an_outcome_is_shown_back_with_what_was_typed(client, ada):
    inquiry = received()

    response = client.post(
        log_contact_url(inquiry),
        {"contact-channel": "text", "contact-note": "Half-written note"},
    )

    page = page_of(response)
    form = page.find("form", action=log_contact_url(inquiry))
    assert response.status_code == 200
    assert page.find("h1").text() == f"Log a call: inquiry {inquiry.reference}"
    assert [e.text() for e in form.find_all("ul", class_="errorlist")] == [
        "Choose what happened: the outcome."
    ]
    assert form.find("textarea", name="contact-note").text() == "Half-written note"
    assert checked(form, "contact-channel") == ["text"]
    assert not ContactAttempt.objects.exists()
    assert list(AccessRecord.objects.values_list("inquiry_reference", "view")) == [
        (inquiry.reference, AccessRecord.View.CHANGE_WITH_ERRORS)
    ]


def test_log_call_refuses_a_next_follow_up_in_the_past(client, ada):
    inquiry = received()
    past = timezone.localtime() - timedelta(hours=1)

    response = client.post(
        log_contact_url(inquiry),
        {
            "contact-channel": "call",
            "contact-outcome": "no_answer",
            "contact-next_follow_up_at": past.strftime("%Y-%m-%dT%H:%M"),
        },
    )

    errors = page_of(response).find_all("ul", class_="errorlist")
    assert [e.text() for e in errors] == ["The next follow-up must be a time to come."]
    assert not ContactAttempt.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("contact-channel", '<script>alert("x")</script>', "Select a valid choice."),
        ("contact-outcome", "reached'; DROP TABLE x; --", "Select a valid choice."),
        ("contact-next_follow_up_at", "31/31/2026 25:61", "Enter a valid date/time."),
        ("contact-note", "null\x00byte", "Null characters are not allowed."),
        ("contact-note", "escape\x1b[31m", "This contains invisible control characters."),
    ],
)
def test_hostile_log_call_input_is_a_form_error_and_logs_nothing(client, ada, field, value, error):
    inquiry = received()
    data = {"contact-channel": "call", "contact-outcome": "no_answer", field: value}

    response = client.post(log_contact_url(inquiry), data)

    errors = [e.text() for e in page_of(response).find_all("ul", class_="errorlist")]
    assert response.status_code == 200
    assert len(errors) == 1
    assert errors[0].startswith(error)
    assert '<script>alert("x")</script>' not in response.content.decode()
    assert not ContactAttempt.objects.exists()
    assert not inquiry.notes.exists()


def test_log_call_by_get_logs_nothing_and_goes_back_to_the_page(client, ada):
    inquiry = received()

    response = client.get(log_contact_url(inquiry))

    assert response.status_code == 302
    assert response["Location"] == change_url(inquiry)
    assert not ContactAttempt.objects.exists()


@pytest.mark.parametrize("url_name", ["log_contact", "add_note"])
def test_page_forms_answer_alike_for_missing_and_existing_ids_without_access(client, url_name):
    inquiry = received()
    client.force_login(make_user("morgan", groups=("Marketing",)))

    statuses = [
        client.post(reverse(f"admin:admissions_inquiry_{url_name}", args=[pk]), {}).status_code
        for pk in (inquiry.pk, inquiry.pk + 1000)
    ]

    assert statuses == [403, 403]
    assert list(inquiry.events.values_list("kind", flat=True)) == [Kind.CREATED]


@pytest.mark.parametrize("url_name", ["log_contact", "add_note"])
def test_page_forms_of_a_missing_inquiry_are_404_for_admissions(client, ada, url_name):
    response = client.post(reverse(f"admin:admissions_inquiry_{url_name}", args=[999]), {})

    assert response.status_code == 404


# --- Notes ------------------------------------------------------------------------------------


def test_note_added_under_the_timeline_is_in_it_with_its_author(client, ada):
    inquiry = received()

    response = client.post(add_note_url(inquiry), {"note-text": "Prefers Spanish."})
    page = client.get(change_url(inquiry))

    assert response.status_code == 302
    assert response["Location"] == change_url(inquiry) + "#timeline"
    assert messages(page) == ["Note added."]
    assert timeline_lines(page_of(page))[-1] == "Note by ada Prefers Spanish."
    assert inquiry.events.filter(kind=Kind.NOTE_ADDED, actor=ada).count() == 1


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "This field is required."),
        ("bell\x07", "This contains invisible control characters. Please type it again."),
        ("x" * 4001, "Ensure this value has at most 4000 characters (it has 4001)."),
    ],
)
def test_a_note_the_browser_let_through_is_shown_back_with_its_error(client, ada, text, error):
    inquiry = received()

    response = client.post(add_note_url(inquiry), {"note-text": text})

    errors = page_of(response).find_all("ul", class_="errorlist")
    assert response.status_code == 200
    assert [e.text() for e in errors] == [error]
    assert not inquiry.notes.exists()


def test_notes_and_attempts_are_append_only_on_the_page(client, ada):
    inquiry = received()
    inquiry.log_contact("call", "no_answer", by=ada, note="First note")

    page = page_of(client.get(change_url(inquiry)))

    textareas = sorted(area.attrs["name"] for area in page.find_all("textarea"))
    assert textareas == ["contact-note", "note", "note-text"]
    assert "First note" in timeline_lines(page)[-1]


def test_note_text_is_shown_as_text_never_as_markup(client, ada):
    inquiry = received()
    inquiry.add_note('<script>alert("x")</script>', by=ada)

    response = client.get(change_url(inquiry))

    assert '<script>alert("x")</script>' not in response.content.decode()
    assert timeline_lines(page_of(response))[-1] == 'Note by ada <script>alert("x")</script>'


# --- The timeline -----------------------------------------------------------------------------


def test_timeline_tells_the_whole_story_in_time_order(client, ada):
    inquiry = received(
        by=ada, source=Inquiry.Source.PHONE, assigned_to=ada, held_for_review=True, email=""
    )
    inquiry.set_priority(Inquiry.Priority.URGENT, by=ada)
    inquiry.log_contact("call", "no_answer", by=ada, note="Line busy; will try at 6.")
    inquiry.correct_contact_details("+15032241002", "", by=ada)
    inquiry.log_contact("text", "reached", by=ada)
    inquiry.assign_to(None, by=ada)
    inquiry.release_hold(by=ada)
    Inquiry.objects.filter(pk=inquiry.pk).record_export(by=ada)

    page = page_of(client.get(change_url(inquiry)))

    assert timeline_lines(page) == [
        "Received: Phone call by ada",
        "Assigned: to ada by ada",
        "Priority changed: Routine → Urgent by ada",
        "Call: No answer by ada",
        "Note by ada Line busy; will try at 6.",
        "Contact details corrected by ada",
        "Text: Reached them by ada",
        "Status changed: New → Contacted by ada",
        "Assigned: unassigned by ada",
        "Released from hold by ada",
        "Exported to CSV by ada",
    ]
    times = timeline_times(page)
    assert times == sorted(times, key=datetime.fromisoformat)


def test_timeline_of_a_website_inquiry_starts_with_the_website(client, ada):
    inquiry = received()

    page = page_of(client.get(change_url(inquiry)))

    assert timeline_lines(page) == ["Received: Website form by the website"]


def test_timeline_shows_the_latest_entries_and_the_whole_of_it_one_click_away(client, ada):
    inquiry = received()
    for number in range(HISTORY_SHOWN + 9):
        inquiry.add_note(f"Note {number}", by=ada)

    latest = page_of(client.get(change_url(inquiry)))
    whole_url = latest.find("a", href=change_url(inquiry, timeline="all") + "#timeline")
    whole = page_of(client.get(change_url(inquiry, timeline="all")))

    assert len(timeline_lines(latest)) == HISTORY_SHOWN
    assert timeline_lines(latest)[0] == "Note by ada Note 9"
    assert timeline_lines(latest)[-1] == f"Note by ada Note {HISTORY_SHOWN + 8}"
    assert whole_url.text() == "Show the whole timeline"
    assert len(timeline_lines(whole)) == HISTORY_SHOWN + 10
    assert timeline_lines(whole)[0] == "Received: Website form by the website"
    assert whole.find_all("a", href=change_url(inquiry, timeline="all") + "#timeline") == []


def add_entries(inquiry, count, staff):
    """`count` timeline entries by several people: attempts, notes, assignments."""
    for number in range(count):
        person = staff[number % len(staff)]
        if number % 3 == 0:
            inquiry.log_contact("call", "no_answer", by=person)
        elif number % 3 == 1:
            inquiry.add_note(f"Tried again ({number}).", by=person)
        else:
            inquiry.assign_to(person, by=person)


# The inquiry's page today: the session, the signed-in person and their second factor,
# their permissions, the inquiry (twice), the three timeline sources, the staff it may be
# assigned to, the openings summary, its access record and the session's save; and one
# each for its appointments, the staff an assessment may be booked with and the same
# person's other inquiries (tests/admissions/test_appointments_page.py checks those with
# 1 and 20 rows); and the content version, read by every request to learn whether a
# scheduled publication is due (a query with the database cache, none with Redis:
# programs/middleware.py ScheduledPublishingMiddleware).
PAGE_QUERIES = 26


@pytest.mark.parametrize("query", [{}, {"timeline": "all"}])
def test_inquiry_page_query_count_is_the_same_with_1_and_200_entries(
    client, ada, query, django_assert_max_num_queries
):
    staff = [ada, *(make_user(f"staff{n}", groups=("Admissions",)) for n in range(4))]
    one = received()
    many = received(assigned_to=ada, source=Inquiry.Source.PHONE, created_by=staff[1])
    add_entries(many, 198, staff)  # and Received, Assigned: 200 entries
    for inquiry in (one, many):
        AccessRecord.record(staff[1], [inquiry.reference], AccessRecord.View.CHANGE)
    client.get(change_url(one, **query))  # warm up (content types, permissions caches)

    with CaptureQueriesContext(connection) as with_one:
        first = client.get(change_url(one, **query))
    with django_assert_max_num_queries(PAGE_QUERIES):
        second = client.get(change_url(many, **query))

    assert len(with_one.captured_queries) == PAGE_QUERIES
    assert len(timeline_lines(page_of(first))) == 1
    assert len(timeline_lines(page_of(second))) == (200 if query else HISTORY_SHOWN)


# --- Who opened it ----------------------------------------------------------------------------


def test_views_are_summarised_with_the_last_person_and_time(client, ada):
    inquiry = received()
    blair = make_user("blair", groups=("Admissions",))
    casey = make_user("casey", groups=("Admissions",))
    for person in (blair, blair, casey):
        other = Client()
        other.force_login(person)
        other.get(change_url(inquiry))
    client.get(reverse("admin:admissions_inquiry_changelist"))  # the queue is no opening
    last = AccessRecord.objects.filter(view=AccessRecord.View.CHANGE).first()

    page = page_of(client.get(change_url(inquiry)))

    summary = page.find("section", id="timeline").find("p", class_="quiet")
    assert summary.text() == f"Opened 3 times before, last by casey ({local(last.at)})."


def test_an_inquiry_never_opened_says_so(client, ada):
    inquiry = received()

    page = page_of(client.get(change_url(inquiry)))

    assert page.find("section", id="timeline").find("p", class_="quiet").text() == (
        "Not opened before by anyone."
    )


def test_views_summary_is_one_query(django_assert_num_queries):
    staff = make_user("blair", groups=("Admissions",))
    for _number in range(5):
        AccessRecord.record(staff, ["ABCDEFGH"], AccessRecord.View.CHANGE)
    AccessRecord.record(staff, ["ABCDEFGH"], AccessRecord.View.LIST)

    with django_assert_num_queries(1):
        opened = opened_summary("ABCDEFGH")

    assert (opened.times, opened.last_by) == (5, "blair")


def test_access_trail_is_one_click_away_for_superusers_only(client, ada):
    inquiry = received()
    other = received()
    AccessRecord.record(ada, [inquiry.reference, other.reference], AccessRecord.View.CHANGE)
    superuser = Client()
    superuser.force_login(make_user("root", is_superuser=True))

    for_staff = page_of(client.get(change_url(inquiry)))
    for_superuser = page_of(superuser.get(change_url(inquiry)))
    link = for_superuser.find(
        "a",
        href=(
            reverse("admin:admissions_accessrecord_changelist")
            + f"?inquiry_reference={inquiry.reference}"
        ),
    )
    trail = superuser.get(link.attrs["href"])

    assert for_staff.find_all("a", href=link.attrs["href"]) == []
    assert link.text() == "Access trail of this inquiry"
    assert {record.inquiry_reference for record in trail.context["cl"].result_list} == {
        inquiry.reference
    }


# --- Assignment -------------------------------------------------------------------------------


def assignment_choices(response):
    select = page_of(response).find("select", name="assigned_to")
    return [option.text() for option in select.find_all("option")]


def test_assignment_offers_only_active_admissions_staff(client, ada):
    make_user("blair", groups=("Admissions",), is_active=False)
    make_user("casey", groups=("Marketing",))
    make_user("dana")
    make_user("root", is_superuser=True)
    make_user("eli", groups=("Admissions", "Marketing"))
    inquiry = received()

    change_page = client.get(change_url(inquiry))
    add_page = client.get(reverse("admin:admissions_inquiry_add"))

    assert assignment_choices(change_page) == ["---------", "ada", "eli"]
    assert assignment_choices(add_page) == ["---------", "ada", "eli"]


def test_assignment_to_someone_outside_admissions_is_refused(client, ada):
    casey = make_user("casey", groups=("Marketing",))
    inquiry = received()

    response = client.post(change_url(inquiry), change_data(inquiry, assigned_to=str(casey.pk)))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["assigned_to"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to is None


def change_data(inquiry, **fields):
    return {
        "phone": inquiry.phone.as_national,
        "email": inquiry.email,
        "priority": inquiry.priority,
        "assigned_to": str(inquiry.assigned_to_id or ""),
        "next_follow_up_at_0": "",
        "next_follow_up_at_1": "",
        **fields,
    }


def test_someone_who_left_admissions_stays_assigned_until_reassigned(client, ada):
    riley = make_user("riley", groups=("Admissions",))
    inquiry = received(assigned_to=riley)
    riley.groups.clear()

    choices = assignment_choices(client.get(change_url(inquiry)))
    response = client.post(change_url(inquiry), change_data(inquiry, priority="urgent"))

    assert choices == ["---------", "ada", "riley"]
    assert response.status_code == 302
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to == riley
    assert inquiry.events.filter(kind=Kind.ASSIGNED).count() == 1


def test_assign_to_me_refuses_someone_outside_admissions(client):
    client.force_login(make_user("root", is_superuser=True))
    inquiry = received()

    response = client.post(
        reverse("admin:admissions_inquiry_changelist"),
        {"action": "assign_to_me", "_selected_action": [inquiry.pk]},
        follow=True,
    )

    assert messages(response) == [
        "Inquiries are assigned to active Admissions staff only, and you are not in the "
        "Admissions group."
    ]
    assert Inquiry.objects.get(pk=inquiry.pk).assigned_to is None


# --- Wording for people -----------------------------------------------------------------------


def test_inquiry_page_is_titled_by_its_reference_without_django_defaults(client, ada):
    inquiry = received()

    response = client.get(change_url(inquiry))

    page = page_of(response)
    buttons = [button.attrs["value"] for button in page.find_all("input", type="submit")]
    assert page.find("h1").text() == f"Inquiry {inquiry.reference}"
    assert page.find("title").text().startswith(f"Inquiry {inquiry.reference} |")
    assert page.find("h2").text() == "Before you call or write"
    assert "Change inquiry" not in response.content.decode()
    assert buttons == ["Save", "Save and continue editing"]


def test_add_page_is_for_an_inquiry_taken_by_phone(client, ada):
    response = client.get(reverse("admin:admissions_inquiry_add"))

    page = page_of(response)
    assert page.find("h1").text() == "Inquiry taken by phone"
    assert page.find("div", class_="breadcrumbs").text().endswith("\u203a Inquiry taken by phone")
    assert "Add inquiry" not in response.content.decode()


def test_phone_is_shown_in_the_national_format(client, ada):
    inquiry = received(phone="+15032241001")

    page = page_of(client.get(change_url(inquiry)))

    assert page.find("input", name="phone").attrs["value"] == "(503) 224-1001"


def test_saving_the_page_with_the_phone_as_shown_corrects_nothing(client, ada):
    inquiry = received(phone="+15032241001")

    response = client.post(change_url(inquiry), change_data(inquiry, priority="urgent"))

    assert response.status_code == 302
    assert not inquiry.events.filter(kind=Kind.DETAILS_CORRECTED).exists()
    assert Inquiry.objects.get(pk=inquiry.pk).phone.as_e164 == "+15032241001"


@pytest.mark.parametrize(
    ("version", "shown"),
    [
        ("2026-11-03T14:22:05+00:00", "Nov. 3, 2026"),
        # 02:30 in London is still the evening before in the clinic's time zone.
        ("2026-11-04T02:30:00+00:00", "Nov. 3, 2026"),
        ("", "-"),
        ("not-a-date", "not-a-date"),
    ],
)
def test_privacy_notice_version_is_shown_as_the_date_it_denotes(client, ada, version, shown):
    inquiry = received(privacy_notice_version=version)

    page = page_of(client.get(change_url(inquiry)))

    field = page.find("div", class_="field-privacy_notice")
    assert field.text() == f"Privacy notice agreed to: {shown}"


def test_every_control_on_the_page_has_an_accessible_name(client, ada):
    inquiry = received()

    page = page_of(client.get(change_url(inquiry)))

    labelled = {label.attrs.get("for") for label in page.find_all("label")}
    controls = [
        control
        for control in page.iter()
        if control.tag in ("input", "select", "textarea")
        and control.attrs.get("type") not in ("hidden", "submit")
    ]
    unnamed = [
        control.attrs.get("name")
        for control in controls
        if control.attrs.get("id") not in labelled and "aria-label" not in control.attrs
    ]
    assert len(controls) > 10
    assert unnamed == []
