"""The admissions report's figures by staff member: only for holders of
view_staff_figures (superusers included), small counts hidden like the rest."""

from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.models import Appointment, ContactAttempt, Inquiry
from tests.admissions.test_report import REPORT, local, months_back, tables
from tests.admissions.test_report_funnel import csv_sections, download
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db

CAPTION_START = "By staff member"
REACHED = ContactAttempt.Outcome.REACHED


@pytest.fixture
def min_count_3(settings):
    settings.ADMISSIONS_REPORT_MIN_COUNT = 3


def holder(username="morgan", **fields):
    """An Admissions staff member granted view_staff_figures."""
    user = make_user(username, groups=("Admissions",), **fields)
    user.user_permissions.add(Permission.objects.get(codename="view_staff_figures"))
    return user


def first_contact(by, minutes, earlier_try_by=None):
    """An inquiry received last month on the 10th at 9:00 that `by` reached `minutes`
    later (after an unanswered call by `earlier_try_by`, when given)."""
    received = local(months_back(1).replace(day=10), time(9))
    inquiry = make_inquiry(received_at=received)
    if earlier_try_by:
        inquiry.log_contact(
            ContactAttempt.Channel.CALL,
            ContactAttempt.Outcome.NO_ANSWER,
            by=earlier_try_by,
            at=received + timedelta(minutes=1),
        )
    inquiry.log_contact(
        ContactAttempt.Channel.CALL, REACHED, by=by, at=received + timedelta(minutes=minutes)
    )
    return inquiry


def assessment(with_staff, status, month=1):
    """An assessment with `with_staff` starting on the 12th, `month` months back."""
    inquiry = make_inquiry(received_at=local(months_back(1).replace(day=3)))
    inquiry.move_to(Inquiry.Status.CONTACTED)
    appointment = inquiry.book_appointment(
        local(months_back(month).replace(day=12), time(10)), mode="in_person", with_staff=with_staff
    )
    if status != Appointment.Status.BOOKED:
        inquiry.update_appointment(appointment, status)


def known_staff_month():
    """Alex: 3 first contacts (10, 20 and 60 min; one after Chris's unanswered call).
    Blair: 4 first contacts (30 to 70 min) and 6 assessments held, 3 of them no-shows
    (a cancelled one, a booked one and one from this month are not counted). Chris and
    Dana: one first contact each."""
    alex = make_user("alex", first_name="Alex", last_name="Avery")
    blair = make_user("blair", first_name="Blair", last_name="Brook")
    chris = make_user("chris", first_name="Chris", last_name="Cole")
    dana = make_user("dana")
    first_contact(alex, 10)
    first_contact(alex, 20)
    first_contact(alex, 60, earlier_try_by=chris)
    for minutes in (30, 40, 50, 70):
        first_contact(blair, minutes)
    first_contact(chris, 15)
    first_contact(dana, 25)
    for status in ("attended",) * 3 + ("no_show",) * 3 + ("cancelled", "booked"):
        assessment(blair, status)
    assessment(blair, "attended", month=0)


KNOWN_ROWS = [
    {"label": "Alex Avery", "counts": [3, None, None], "median": 20, "text": "20 min"},
    {"label": "Blair Brook", "counts": [4, 6, 3], "median": 45, "text": "45 min"},
    {"label": "Chris Cole", "counts": [None, None, None], "median": None, "text": None},
    {"label": "dana", "counts": [None, None, None], "median": None, "text": None},
]


def staff_table(response):
    """The page's table by staff member, as rows of cell texts, or None."""
    found = [table for table in tables(response) if table[0][0] == "Staff member"]
    return found[0] if found else None


def staff_section(lines):
    found = [section for section in csv_sections(lines) if section[0][0].startswith(CAPTION_START)]
    return found[0] if found else None


@pytest.mark.parametrize("group", ["Marketing", "Admissions"])
def test_staff_figures_never_shown_without_the_permission(client, min_count_3, group):
    known_staff_month()
    client.force_login(make_user("robin", groups=(group,)))

    page = client.get(REPORT)
    csv_response, lines = download(client)

    assert page.status_code == 200
    assert page.context["report"]["by_staff"] is None
    assert staff_table(page) is None
    assert CAPTION_START not in page.content.decode()
    assert csv_response.status_code == 200
    assert staff_section(lines) is None
    assert "Alex Avery" not in csv_response.content.decode()


def test_staff_figures_permission_is_in_no_group_by_default():
    permission = Permission.objects.get(codename="view_staff_figures")

    assert list(permission.group_set.all()) == []


def test_staff_figures_exact_for_a_holder_on_the_page_and_in_the_csv(client, min_count_3):
    known_staff_month()
    client.force_login(holder())

    page = client.get(REPORT)
    _response, lines = download(client)

    assert page.context["report"]["by_staff"]["rows"] == KNOWN_ROWS
    assert staff_table(page) == [
        [
            "Staff member",
            "First contacts made",
            "Median time to first contact",
            "Assessments held (attended or no-show)",
            "No-shows",
        ],
        ["Alex Avery", "3", "20 min", "hidden", "hidden"],
        ["Blair Brook", "4", "45 min", "6", "3"],
        ["Chris Cole", "hidden", "hidden", "hidden", "hidden"],
        ["dana", "hidden", "hidden", "hidden", "hidden"],
    ]
    assert staff_section(lines)[1:] == [
        [
            "Staff member",
            "First contacts made",
            "Median time to first contact",
            "Assessments held (attended or no-show)",
            "No-shows",
        ],
        ["Alex Avery", "3", "20 min", "hidden", "hidden"],
        ["Blair Brook", "4", "45 min", "6", "3"],
        ["Chris Cole", "hidden", "hidden", "hidden", "hidden"],
        ["dana", "hidden", "hidden", "hidden", "hidden"],
    ]


def test_staff_figures_shown_to_a_superuser(client, min_count_3):
    known_staff_month()
    client.force_login(make_user("root", is_superuser=True))

    page = client.get(REPORT)

    assert page.context["report"]["by_staff"]["rows"] == KNOWN_ROWS


def test_staff_figures_hide_the_next_smallest_beside_a_lone_hidden_count(client, min_count_3):
    alex = make_user("alex")
    chris = make_user("chris")
    for minutes in (10, 20, 30):
        first_contact(alex, minutes)
    first_contact(chris, 15)
    client.force_login(holder())

    rows = client.get(REPORT).context["report"]["by_staff"]["rows"]

    # Chris's 1 could be worked out from the 4 first contacts in the timing table.
    assert rows == [
        {"label": "alex", "counts": [None, None, None], "median": None, "text": None},
        {"label": "chris", "counts": [None, None, None], "median": None, "text": None},
    ]


def test_staff_figures_hide_no_shows_when_the_held_count_is_hidden(client, min_count_3):
    blair = make_user("blair")
    for _number in range(3):
        assessment(blair, "no_show")
    other = make_user("other")
    for status in ("attended",) * 3 + ("no_show",) * 3:
        assessment(other, status)
    assessment(make_user("third"), "attended")
    client.force_login(holder())

    rows = client.get(REPORT).context["report"]["by_staff"]["rows"]

    # Third's 1 hides Blair's 3 held beside it; Blair's 3 no-shows would then be a
    # floor under the hidden held count.
    assert [row["counts"] for row in rows] == [[None, None, None], [None, 6, 3], [None, None, None]]


def test_staff_figures_median_hidden_from_fewer_than_the_minimum(client, settings):
    settings.ADMISSIONS_REPORT_MIN_COUNT = 2
    for name in ("alex", "blair"):
        staff = make_user(name)
        first_contact(staff, 10)
        first_contact(staff, 30)
    first_contact(make_user("chris"), 5)
    first_contact(make_user("dana"), 5)
    client.force_login(holder())

    rows = client.get(REPORT).context["report"]["by_staff"]["rows"]

    assert [(row["counts"][0], row["text"]) for row in rows] == [
        (2, "20 min"),
        (2, "20 min"),
        (None, None),
        (None, None),
    ]


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_staff_figures_queries_same_for_1_and_5_staff_members(client, min_count_3, fmt):
    client.force_login(holder())
    month = f"{months_back(1):%Y-%m}"
    query = {"month": month, **({"format": "csv"} if fmt == "csv" else {})}

    def queries_for(count, start):
        for number in range(start, start + count):
            staff = make_user(f"staff{number}")
            first_contact(staff, 10 + number)
            assessment(staff, "attended")
        client.get(REPORT, query)  # the same caches warm for both counts
        with CaptureQueriesContext(connection) as captured:
            response = client.get(REPORT, query)
        assert response.status_code == 200
        return len(captured)

    one = queries_for(1, 0)
    five = queries_for(4, 1)

    assert one == five
