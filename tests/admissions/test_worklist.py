"""The queue as a worklist, from the admissions coordinator's side: what each row says, the
order of what needs a human soonest, search, My work, the week of appointments, the admin
home's counts and the background refresh (counts and references only, not activity)."""

import json
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from admissions.admin.worklist import InquiryWorklist
from admissions.models import AccessRecord, Appointment, Inquiry
from admissions.worklist import MY_WORK_ROWS, local_midnight
from iop_site.idle import LAST_ACTIVITY_KEY
from tests.factories import make_inquiry, make_user
from tests.html import page_of, third_party_loads

pytestmark = pytest.mark.django_db

Status = Inquiry.Status
View = AccessRecord.View
CHANGELIST = reverse("admin:admissions_inquiry_changelist")
MY_WORK = reverse("admin:admissions_inquiry_my_work")
WEEK = reverse("admin:admissions_inquiry_appointments")
PULSE = reverse("admin:admissions_inquiry_pulse")
# Routine and urgent first-contact allowances (settings), in minutes.
ROUTINE, URGENT = 240, 60


# --- Reading the page ------------------------------------------------------------------------

# How a line break inside a cell reads in these tests.
NEXT_LINE = " / "


def cell_text(cell):
    """A cell's text; its lines (one below the other on the page) joined by " / "."""
    lines = cell.find_all("span", class_="cell-line")
    if lines:
        return NEXT_LINE.join(line.text(br=NEXT_LINE) for line in lines)
    return cell.text(br=NEXT_LINE)


def queue_rows(response):
    """Each row of the queue as {column: text as read}."""
    table = page_of(response).find("table", id="result_list")
    rows = []
    for row in table.find("tbody").find_all("tr"):
        cells = {}
        for cell in row.find_all("td"):
            for name in cell.attrs.get("class", "").split():
                if name.startswith("field-"):
                    cells[name.removeprefix("field-")] = cell_text(cell)
        rows.append(cells)
    return rows


def listed(response):
    return [inquiry.reference for inquiry in response.context["cl"].result_list]


def section(response, heading_id):
    """The My work or week section titled by the heading with this id."""
    return page_of(response).find("section", aria_labelledby=heading_id)


def section_rows(response, heading_id):
    rows = section(response, heading_id).find("tbody").find_all("tr")
    return [row.text(br=NEXT_LINE) for row in rows]


def trail():
    return sorted(AccessRecord.objects.values_list("inquiry_reference", "actor_username", "view"))


# --- Fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def coordinator(client):
    user = make_user("alex", groups=("Admissions",))
    client.force_login(user)
    return user


@pytest.fixture
def colleague():
    return make_user("blair", groups=("Admissions",))


PHONES = iter(range(10_000))


def inquiry(minutes_ago=5, **fields):
    """An inquiry received `minutes_ago`, with a phone number of its own unless given."""
    fields.setdefault("phone", f"+1503224{next(PHONES):04d}")
    return make_inquiry(received_at=timezone.now() - timedelta(minutes=minutes_ago), **fields)


def contacted(by=None, **fields):
    made = inquiry(**fields)
    made.move_to(Status.CONTACTED, by=by)
    return made


def local(when, format_name):
    return date_format(timezone.localtime(when), format_name)


# --- Each row ---------------------------------------------------------------------------------


def test_queue_row_says_how_to_reach_them_with_a_click_to_call_link(client, coordinator):
    made = inquiry(
        first_name="Robin",
        phone="+15032241001",
        contact_method=Inquiry.ContactMethod.TEXT,
        best_time=Inquiry.BestTime.EVENING,
        voicemail_ok=False,
        texts_ok=True,
    )

    response = client.get(CHANGELIST)

    [row] = queue_rows(response)
    link = page_of(response).find("td", class_="field-how_to_reach").find("a")
    assert row["inquiry"] == f"{made.reference} / Robin"
    assert row["how_to_reach"] == (
        "(503) 224-1001 / Text message, evening (5 pm to 9 pm) / ✗ No voicemail ✓ Texts OK"
    )
    assert link.attrs["href"] == "tel:+15032241001"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+15032241001", "(503) 224-1001"),
        # Canada shares +1 and is dialed the same way from the desk.
        ("+14165550199", "(416) 555-0199"),
        ("+442079460958", "+44 20 7946 0958"),
    ],
)
def test_queue_phone_reads_as_dialed_from_the_clinic(client, coordinator, stored, shown):
    inquiry(phone=stored)

    response = client.get(CHANGELIST)

    link = page_of(response).find("td", class_="field-how_to_reach").find("a")
    assert (link.text(), link.attrs["href"]) == (shown, f"tel:{stored}")


def test_queue_labels_a_choice_no_longer_offered_by_its_stored_value(client, coordinator):
    # A row saved before a choice was retired still lists (get_FOO_display's rule).
    made = inquiry()
    Inquiry.objects.filter(pk=made.pk).update(best_time="dawn")

    [row] = queue_rows(client.get(CHANGELIST))

    assert ", dawn / " in row["how_to_reach"]


def test_queue_row_without_a_phone_offers_their_email(client, coordinator):
    inquiry(phone="", email="robin@example.org", voicemail_ok=True, texts_ok=False)

    response = client.get(CHANGELIST)

    [row] = queue_rows(response)
    link = page_of(response).find("td", class_="field-how_to_reach").find("a")
    assert row["how_to_reach"] == "Email only / Phone call, any time / ✓ Voicemail OK ✗ No texts"
    assert link.attrs["href"] == "mailto:robin@example.org"


def test_queue_row_shows_the_first_80_characters_of_the_message(client, coordinator):
    words = "We would like the evening program.\nMy shifts end at five, so any time after six. "
    inquiry(message=words * 3)
    inquiry(message="")

    rows = queue_rows(client.get(CHANGELIST))

    assert [row["message_start"] for row in rows] == [
        "We would like the evening program. My shifts end at five, so any time after six…",
        "(no message)",
    ]
    assert len(rows[0]["message_start"]) == 80


def test_queue_row_leaves_the_words_of_a_crisis_to_the_inquiry_page(client, coordinator):
    inquiry(message="my brother took a bunch of pills tonight")

    [row] = queue_rows(client.get(CHANGELIST))

    assert row["message_start"] == "(on the inquiry's page)"
    assert row["priority_label"] == (
        "URGENT / NEW: CALL FIRST / Message reads as a crisis: Overdose or too much taken"
    )


def test_queue_row_says_why_urgent_priority_status_and_assignee(client, coordinator):
    urgent = inquiry(safe_now=Inquiry.SafeNow.NO, assigned_to=coordinator)
    routine = contacted()

    rows = {row["inquiry"].split(" / ")[0]: row for row in queue_rows(client.get(CHANGELIST))}

    assert rows[urgent.reference]["priority_label"] == (
        "URGENT / NEW: CALL FIRST / Answered “No” to “safe right now?”"
    )
    assert rows[urgent.reference]["status"] == "New"
    assert rows[urgent.reference]["assignee"] == "alex"
    assert rows[routine.reference]["priority_label"] == "Routine"
    assert rows[routine.reference]["status"] == "Contacted"
    assert rows[routine.reference]["assignee"] == "Unassigned"


def test_queue_marks_a_new_urgent_inquiry_to_call_first(client, coordinator, colleague):
    new = inquiry(message="I want to kill myself", first_name="Jo")
    reached = contacted(message="overdose last week", first_name="Kim", by=colleague)

    rows = {row["inquiry"].split(" / ")[0]: row for row in queue_rows(client.get(CHANGELIST))}

    assert rows[new.reference]["priority_label"] == (
        "URGENT / NEW: CALL FIRST / Message reads as a crisis: Killing oneself"
    )
    assert rows[reached.reference]["priority_label"] == (
        "URGENT / Message reads as a crisis: Overdose or too much taken"
    )


def test_queue_marks_returning_people_by_phone_or_email_without_case(client, coordinator):
    first = inquiry(minutes_ago=60 * 24 * 30, phone="+15032241001", email="")
    again_by_phone = inquiry(minutes_ago=30, phone="+15032241001")
    by_email = inquiry(minutes_ago=60 * 24, phone="", email="Robin@Example.org")
    again_by_email = inquiry(minutes_ago=20, email="robin@example.ORG")
    first_time = inquiry(minutes_ago=10, phone="", email="someone@example.org")

    response = client.get(CHANGELIST, {"queue": "all"})

    returning = {
        row["inquiry"].split(" / ")[0]: "Returning: wrote before" in row["inquiry"]
        for row in queue_rows(response)
    }
    assert returning == {
        first.reference: False,
        again_by_phone.reference: True,
        by_email.reference: False,
        again_by_email.reference: True,
        first_time.reference: False,
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"minutes_ago": ROUTINE - 42.5}, "First contact / due in 42 min"),
        ({"minutes_ago": ROUTINE + 70.5}, "First contact / overdue 1 h 10 min"),
        ({"minutes_ago": URGENT - 15.5, "safe_now": "no"}, "First contact / due in 15 min"),
        (
            {"minutes_ago": 10.5, "next_follow_up_at": timedelta(minutes=-20.5)},
            "First contact / due in 3 h 49 min / Next try: overdue 20 min",
        ),
    ],
)
def test_queue_counts_down_to_the_first_contact(client, coordinator, fields, expected):
    fields = dict(fields)
    if "next_follow_up_at" in fields:
        fields["next_follow_up_at"] = timezone.now() + fields["next_follow_up_at"]
    inquiry(**fields)

    [row] = queue_rows(client.get(CHANGELIST))

    assert row["due"] == expected


def test_queue_counts_down_to_the_next_follow_up_once_contacted(client, coordinator):
    later = contacted(next_follow_up_at=timezone.now() + timedelta(hours=2, seconds=30))
    missed = contacted(next_follow_up_at=timezone.now() - timedelta(minutes=30, seconds=30))
    nothing_set = contacted()

    rows = {
        row["inquiry"].split(" / ")[0]: row["due"] for row in queue_rows(client.get(CHANGELIST))
    }

    assert rows == {
        later.reference: "Follow-up / due in 2 h 00 min",
        missed.reference: "Follow-up / overdue 30 min",
        nothing_set.reference: "-",
    }
    html = client.get(CHANGELIST).content.decode()
    assert html.count('<strong class="overdue">') == 1


# --- Order --------------------------------------------------------------------------------------


def test_queue_opens_on_what_needs_a_human_soonest(client, coordinator):
    routine_soon = inquiry(minutes_ago=ROUTINE - 20)
    urgent_later = inquiry(minutes_ago=5, safe_now="not_sure")
    routine_overdue = inquiry(minutes_ago=ROUTINE + 30)
    urgent_overdue = inquiry(minutes_ago=URGENT + 5, message="overdose")
    follow_up_missed = contacted(next_follow_up_at=timezone.now() - timedelta(hours=2))
    follow_up_tomorrow = contacted(next_follow_up_at=timezone.now() + timedelta(days=1))
    routine_later = inquiry(minutes_ago=1)
    nothing_due = contacted()
    urgent_soon = inquiry(minutes_ago=URGENT - 10, message="overdose")

    response = client.get(CHANGELIST)

    assert listed(response) == [
        # Overdue: urgent first, then the longest overdue.
        urgent_overdue.reference,
        follow_up_missed.reference,
        routine_overdue.reference,
        # Urgent, earliest deadline first.
        urgent_soon.reference,
        urgent_later.reference,
        # Then by the earliest deadline or follow-up.
        routine_soon.reference,
        routine_later.reference,
        follow_up_tomorrow.reference,
        # Nothing due.
        nothing_due.reference,
    ]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("received", ["oldest", "newest", "urgent"]),
        ("-received", ["urgent", "newest", "oldest"]),
        ("status", ["oldest", "urgent", "newest"]),
        ("priority_label", ["urgent", "newest", "oldest"]),
        ("-due", ["oldest", "newest", "urgent"]),
    ],
)
def test_queue_other_orders_remain_available(client, coordinator, column, expected):
    made = {
        "oldest": contacted(next_follow_up_at=timezone.now() + timedelta(days=3)),
        "newest": inquiry(minutes_ago=1),
        "urgent": inquiry(minutes_ago=2, safe_now="no"),
    }
    made["oldest"].received_at -= timedelta(days=1)
    made["oldest"].save(update_fields=["received_at"])
    made["urgent"].received_at = made["newest"].received_at + timedelta(seconds=1)
    made["urgent"].save(update_fields=["received_at"])
    descending = column.startswith("-")
    index = InquiryWorklist.list_display.index(column.lstrip("-"))
    # The action checkbox is column 0.
    order = f"{'-' if descending else ''}{index + 1}"

    response = client.get(CHANGELIST, {"o": order})

    by_reference = {m.reference: name for name, m in made.items()}
    assert [by_reference[reference] for reference in listed(response)] == expected


# --- Search -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "evening program",
        "ZEPHYR HEALTH",
        "(503) 224-1001",
        "503.224.1001",
        "5032241001",
        "+1 503 224 1001",
        "1-503-224-1001",
        "224-1001",
        "224 1001",
    ],
)
def test_queue_search_covers_message_insurer_and_any_phone_format(client, coordinator, term):
    wanted = inquiry(
        phone="+15032241001",
        message="Asking about the evening program",
        insurance_provider="Zephyr Health",
    )
    inquiry(phone="+15035550100", message="Virtual, please", insurance_provider="Acme Care")

    response = client.get(CHANGELIST, {"q": term})

    assert listed(response) == [wanted.reference]
    assert trail() == [(wanted.reference, "alex", View.SEARCH)]


def test_queue_search_by_a_short_number_matches_no_phone(client, coordinator):
    inquiry(phone="+15032241001")

    assert listed(client.get(CHANGELIST, {"q": "1001"})) == []


# --- Query budget -------------------------------------------------------------------------------

# The session, the user and its group (idle limit), its second factor (the admin site's
# permission, asked twice: 6), its permissions (2), the live counts (2), the paginator's
# count, the rows (returning people and deadlines included), the access insert, and the
# session's new last activity (3): 19, the same with 1 row and with 50. Before the
# worklist the queue took 17; the 2 more are the counts its script starts from. Plus the
# content version every request reads to learn whether a scheduled publication is due
# (a query with the database cache, none with Redis): 20.
QUEUE_QUERIES = 20


def test_queue_query_count_is_the_same_for_1_and_50_rows(
    client, coordinator, django_assert_num_queries
):
    staff = [make_user(f"staff{number}", groups=("Admissions",)) for number in range(3)]
    inquiry(assigned_to=staff[0], next_follow_up_at=timezone.now())
    client.get(CHANGELIST)  # warm up (content types, permissions caches)
    with CaptureQueriesContext(connection) as one:
        assert len(listed(client.get(CHANGELIST))) == 1
    for number in range(49):
        inquiry(
            minutes_ago=number * 7,
            assigned_to=staff[number % 3],
            message="overdose" if number % 5 else "Evenings",
            phone="+15032241001" if number % 4 else "",
            email=f"person{number % 6}@example.org",
            next_follow_up_at=timezone.now() + timedelta(hours=number),
        )

    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(CHANGELIST)

    assert len(listed(response)) == 50
    assert len(one.captured_queries) == QUEUE_QUERIES


# --- The page's refresh -----------------------------------------------------------------------


def test_queue_page_shows_the_counts_and_loads_its_script_from_its_own_origin(client, coordinator):
    inquiry(message="overdose")
    inquiry(minutes_ago=ROUTINE + 1)
    inquiry()

    response = client.get(CHANGELIST)

    page = page_of(response)
    live = page.find("section", class_="worklist-live")
    html = response.content.decode()
    assert live.find("p", class_="worklist-counts").text(br=NEXT_LINE) == (
        "Open: 3 New and urgent: 1 Overdue: 1"
    )
    assert live.attrs["data-pulse-url"] == PULSE
    assert third_party_loads(html) == []
    assert any(
        tag.attrs.get("src", "").startswith("/static/admissions/worklist.")
        for tag in page.find_all("script")
    )
    assert 'http-equiv="refresh"' not in html


def test_pulse_sends_counts_and_references_only(client, coordinator):
    older = inquiry(minutes_ago=20, first_name="Jo", message="overdose", email="jo@example.org")
    newer = inquiry(minutes_ago=2, first_name="Kim", safe_now="no")
    reached = contacted(message="overdose")
    inquiry(minutes_ago=ROUTINE + 1)
    closed = inquiry(message="overdose")
    closed.move_to(Status.SPAM)

    response = client.get(PULSE)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content) == {
        "open": 4,
        "urgent_new": 2,
        "overdue": 1,
        "newest_urgent": [newer.reference, older.reference],
    }
    body = response.content.decode()
    for personal in ("Jo", "Kim", "jo@example.org", "overdose", "+1503"):
        assert personal not in body
    assert reached.reference not in body


def test_pulse_records_no_access_and_is_not_activity(client, coordinator):
    inquiry(message="overdose")
    client.get(CHANGELIST)
    AccessRecord.objects.all().delete()
    session = client.session
    a_minute_ago = time.time() - 60
    session[LAST_ACTIVITY_KEY] = a_minute_ago
    session.save()

    response = client.get(PULSE)

    assert response.status_code == 200
    assert trail() == []
    assert client.session[LAST_ACTIVITY_KEY] == a_minute_ago


def test_pulse_is_for_staff_who_may_view_inquiries_and_only_answers_get(client):
    marketing = make_user("morgan", groups=("Marketing",))
    assert client.get(PULSE).status_code == 302  # to the login page

    client.force_login(marketing)
    assert client.get(PULSE).status_code == 403

    client.force_login(make_user("alex", groups=("Admissions",)))
    assert client.post(PULSE).status_code == 405


# --- My work ------------------------------------------------------------------------------------


def test_my_work_lists_my_callbacks_due_today_with_their_time(client, coordinator, colleague):
    now = timezone.now()
    end_of_day = local_midnight(now, 1)
    if end_of_day - now < timedelta(minutes=3):
        pytest.skip("too close to midnight for a callback later today")
    later_today = min(now + timedelta(minutes=30), end_of_day - timedelta(minutes=1))
    mine = contacted(assigned_to=coordinator, next_follow_up_at=later_today, first_name="Robin")
    contacted(assigned_to=coordinator, next_follow_up_at=end_of_day + timedelta(minutes=5))
    contacted(assigned_to=colleague, next_follow_up_at=later_today)

    response = client.get(MY_WORK)

    assert [i.reference for i in response.context["lists"]["due_today"]] == [mine.reference]
    [row] = section_rows(response, "due-today-title")
    assert row.startswith(f"{local(later_today, 'TIME_FORMAT')} / Follow-up: due in")
    assert f"{mine.reference} Robin" in row
    assert "(503) 224-" in row
    assert section(response, "due-today-title").find("h2").text() == "My callbacks due today (1)"


def test_my_work_lists_my_overdue_inquiries(client, coordinator, colleague):
    first_contact = inquiry(minutes_ago=ROUTINE + 70.5, assigned_to=coordinator)
    follow_up = contacted(
        assigned_to=coordinator, next_follow_up_at=timezone.now() - timedelta(minutes=5)
    )
    inquiry(minutes_ago=ROUTINE + 30, assigned_to=colleague)
    inquiry(minutes_ago=5, assigned_to=coordinator)

    response = client.get(MY_WORK)

    rows = section_rows(response, "overdue-title")
    assert [i.reference for i in response.context["lists"]["overdue"]] == [
        first_contact.reference,
        follow_up.reference,
    ]
    assert rows[0].startswith("First contact: overdue 1 h 10 min")
    assert rows[1].startswith("Follow-up: overdue 5 min")
    assert section(response, "overdue-title").find("h2").text() == "My overdue inquiries (2)"


def test_my_work_lists_new_inquiries_nobody_has_taken(client, coordinator, colleague):
    routine = inquiry(minutes_ago=30)
    urgent = inquiry(minutes_ago=2, message="overdose")
    inquiry(assigned_to=colleague)
    contacted()

    response = client.get(MY_WORK)

    assert [i.reference for i in response.context["lists"]["unassigned_new"]] == [
        urgent.reference,
        routine.reference,
    ]
    rows = section_rows(response, "unassigned-title")
    assert rows[0].endswith("URGENT / Message reads as a crisis: Overdose or too much taken")


def test_my_work_lists_my_appointments_this_week(client, coordinator, colleague):
    start = local_midnight(timezone.now(), 2) + timedelta(hours=10)
    held_by_me = contacted(first_name="Robin")
    held_by_me.book_appointment(start, mode="in_person", with_staff=coordinator, by=coordinator)
    on_my_inquiry = contacted(assigned_to=coordinator)
    on_my_inquiry.book_appointment(
        start + timedelta(hours=1), mode="virtual", with_staff=colleague, by=colleague
    )
    next_week = contacted()
    next_week.book_appointment(start + timedelta(days=6), mode="virtual", with_staff=coordinator)
    someone_elses = contacted()
    someone_elses.book_appointment(start, mode="virtual", with_staff=colleague)

    response = client.get(MY_WORK)

    assert section_rows(response, "appointments-title") == [
        f"{local(start, 'l j F, P')} {held_by_me.reference} Robin In person alex",
        f"{local(start + timedelta(hours=1), 'l j F, P')} {on_my_inquiry.reference} Sam "
        "Virtual (video) blair",
    ]


def test_my_work_shows_the_first_rows_and_says_how_many_more(client, coordinator):
    for number in range(MY_WORK_ROWS + 2):
        inquiry(minutes_ago=number)

    response = client.get(MY_WORK)

    unassigned = section(response, "unassigned-title")
    assert len(unassigned.find("tbody").find_all("tr")) == MY_WORK_ROWS
    assert f"Showing the first {MY_WORK_ROWS} of {MY_WORK_ROWS + 2}." in unassigned.text()


def test_my_work_says_when_a_list_is_empty(client, coordinator):
    response = client.get(MY_WORK)

    text = page_of(response).find("div", id="content-main").text(br=NEXT_LINE)
    for empty in (
        "No more callbacks due today.",
        "Nothing overdue.",
        "Every new inquiry is assigned.",
        "No appointments this week.",
    ):
        assert empty in text


def test_my_work_records_access_for_every_inquiry_it_shows(client, coordinator):
    overdue = inquiry(minutes_ago=ROUTINE + 5, assigned_to=coordinator)
    unassigned = inquiry()
    appointment = contacted()
    appointment.book_appointment(
        timezone.now() + timedelta(days=1), mode="virtual", with_staff=coordinator
    )
    not_mine = inquiry(assigned_to=make_user("blair", groups=("Admissions",)))

    client.get(MY_WORK)

    assert trail() == sorted(
        (reference, "alex", View.MY_WORK)
        for reference in (overdue.reference, unassigned.reference, appointment.reference)
    )
    assert not_mine.reference not in {reference for reference, _u, _v in trail()}


def seed_my_work(user, count, offset=0):
    for number in range(offset, offset + count):
        inquiry(minutes_ago=ROUTINE + 5 + number, assigned_to=user)
        inquiry(minutes_ago=number)
        reached = contacted(
            assigned_to=user,
            next_follow_up_at=local_midnight(timezone.now(), 1) - timedelta(seconds=number + 1),
        )
        reached.book_appointment(
            timezone.now() + timedelta(hours=number + 1), mode="virtual", with_staff=user
        )


# The session, user, group, second factor and permissions as on the queue (11), the live
# counts (2), three lists, the appointments, My work's counts (2), the access insert and
# the session's new last activity (3), and the content version as on the queue: 24, the
# same with 1 row in each list and with 20.
MY_WORK_QUERIES = 24


def test_my_work_query_count_is_the_same_for_1_and_20_rows(
    client, coordinator, django_assert_num_queries
):
    seed_my_work(coordinator, 1)
    client.get(MY_WORK)
    with CaptureQueriesContext(connection) as one:
        client.get(MY_WORK)
    seed_my_work(coordinator, 19, offset=1)

    with django_assert_num_queries(MY_WORK_QUERIES):
        response = client.get(MY_WORK)

    assert [len(response.context["lists"][name]) for name in ("overdue", "unassigned_new")] == [
        20,
        20,
    ]
    assert len(response.context["appointments"]) == 20
    assert len(one.captured_queries) == MY_WORK_QUERIES


def test_my_work_and_the_week_are_for_staff_who_may_view_inquiries(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))

    assert client.get(MY_WORK).status_code == 403
    assert client.get(WEEK).status_code == 403


# --- The admin home -----------------------------------------------------------------------------


def test_admin_home_links_to_my_work_with_counts_and_records_nothing(client, coordinator):
    inquiry(minutes_ago=ROUTINE + 5, assigned_to=coordinator)
    inquiry()
    inquiry()
    soon = timezone.now() + timedelta(seconds=90)
    contacted(assigned_to=coordinator, next_follow_up_at=soon)
    booked = contacted()
    booked.book_appointment(
        timezone.now() + timedelta(days=1), mode="virtual", with_staff=coordinator
    )

    response = client.get(reverse("admin:index"))

    item = page_of(response).find("li", class_="my-work-link")
    due_today = 1 if soon < local_midnight(soon - timedelta(seconds=90), 1) else 0
    callbacks = "1 callback" if due_today else "0 callbacks"
    assert item.find("a").attrs["href"] == MY_WORK
    assert item.text(br=NEXT_LINE) == (
        f"My work: {callbacks} due today, 1 overdue OVERDUE, 2 new unassigned, "
        "1 appointment this week"
    )
    assert trail() == []


def test_admin_home_shows_no_my_work_to_marketing(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))

    response = client.get(reverse("admin:index"))

    assert page_of(response).find_all("li", class_="my-work-link") == []


# --- The week of appointments ------------------------------------------------------------------


def test_week_lists_booked_appointments_by_day_for_seven_days(client, coordinator, colleague):
    today = local_midnight(timezone.now())
    robin = contacted(first_name="Robin", assigned_to=colleague)
    robin.book_appointment(
        today + timedelta(days=1, hours=15), mode="virtual", with_staff=colleague
    )
    kim = contacted(first_name="Kim")
    kim.book_appointment(today + timedelta(days=1, hours=9), mode="in_person")
    last_day = contacted(first_name="Lee")
    last_day.book_appointment(today + timedelta(days=6, hours=18), mode="virtual")
    too_late = contacted()
    too_late.book_appointment(today + timedelta(days=7, hours=9), mode="virtual")
    cancelled = contacted()
    slot = cancelled.book_appointment(today + timedelta(days=2, hours=9), mode="virtual")
    cancelled.update_appointment(slot, Appointment.Status.CANCELLED)

    response = client.get(WEEK)

    page = page_of(response)
    headings = [h2.text(br=NEXT_LINE) for h2 in page.find("div", id="content-main").find_all("h2")]
    days = [today + timedelta(days=offset, hours=12) for offset in range(7)]
    assert headings == [
        f"{prefix}{local(day, 'l j F')} ({count})"
        for prefix, day, count in zip(
            ["Today, ", "Tomorrow, ", "", "", "", "", ""],
            days,
            [
                "0 appointments",
                "2 appointments",
                "0 appointments",
                "0 appointments",
                "0 appointments",
                "0 appointments",
                "1 appointment",
            ],
            strict=True,
        )
    ]
    tomorrow_id = f"day-{timezone.localtime(days[1]).date().isoformat()}"
    assert section_rows(response, tomorrow_id) == [
        f"{local(today + timedelta(days=1, hours=9), 'TIME_FORMAT')} {kim.reference} Kim "
        "In person nobody yet",
        f"{local(today + timedelta(days=1, hours=15), 'TIME_FORMAT')} {robin.reference} Robin "
        "Virtual (video) blair",
    ]
    assert trail() == sorted(
        (reference, "alex", View.APPOINTMENTS)
        for reference in (robin.reference, kim.reference, last_day.reference)
    )
    assert too_late.reference not in response.content.decode()
