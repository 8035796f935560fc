"""The admissions report's time to first contact (median and 90th percentile, by hour
received) and the no-show rate of assessments held in the month."""

from datetime import time, timedelta

import pytest

from admissions.admin.reporting import percentile
from admissions.models import Appointment, Inquiry
from tests.admissions.test_report import REPORT, local, make_inquiries, months_back
from tests.admissions.test_report_funnel import csv_sections, download, every_table
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admissions_client(client):
    client.force_login(make_user("alex", groups=("Admissions",)))
    return client


def contacted_after(minutes, at):
    """An inquiry received last month on the 10th at `at`, first contacted `minutes`
    later."""
    received = local(months_back(1).replace(day=10), at)
    inquiry = make_inquiry(received_at=received)
    inquiry.move_to(Inquiry.Status.CONTACTED)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        first_contact_at=received + timedelta(minutes=minutes)
    )


def known_times():
    """Five first contacts for inquiries received between 9 and 10 (10, 20, 30, 40 and
    100 minutes), two between 14 and 15 (1 h and 10 h), and three not contacted."""
    for minutes in (10, 20, 30, 40, 100):
        contacted_after(minutes, time(9, 15))
    for minutes in (60, 600):
        contacted_after(minutes, time(14, 5))
    make_inquiries(3, received_at=local(months_back(1).replace(day=10), time(14, 30)))


def held(statuses, day=12):
    """One assessment per status, starting last month on `day`."""
    for status in statuses:
        inquiry = make_inquiry(received_at=local(months_back(1).replace(day=3)))
        inquiry.move_to(Inquiry.Status.CONTACTED)
        appointment = inquiry.book_appointment(
            local(months_back(1).replace(day=day), time(10)), mode="in_person"
        )
        if status != Appointment.Status.BOOKED:
            inquiry.update_appointment(appointment, status)


@pytest.mark.parametrize(
    ("values", "expected"),
    [([1], 1), ([1, 2], 2), (list(range(1, 11)), 9), (list(range(1, 12)), 10)],
)
def test_percentile_90_is_nearest_rank(values, expected):
    assert percentile(values, 0.9) == expected


def test_report_time_to_first_contact_overall_and_by_hour(admissions_client):
    known_times()

    response = admissions_client.get(REPORT)

    timing = response.context["report"]["first_contact"]
    assert timing["overall"]["median"] == 40
    assert timing["overall"]["p90"] == 600
    assert timing["overall"]["texts"] == ["40 min", "10 h 00 min"]
    assert timing["hours"][9]["median"] == 30
    assert timing["hours"][9]["p90"] == 100
    assert timing["hours"][9]["texts"] == ["30 min", "1 h 40 min"]
    # Two first contacts between 14 and 15: hidden, like every hour without five.
    assert [hour for hour, row in enumerate(timing["hours"]) if row["median"] is not None] == [9]
    assert timing["hours"][14] == {
        "label": "14:00\u201314:59",
        "median": None,
        "p90": None,
        "texts": [None, None],
    }
    table = {row[0]: row[1:] for row in every_table(response)[3]}
    assert table["09:00\u201309:59"] == ["30 min", "1 h 40 min"]
    assert table["14:00\u201314:59"] == ["hidden", "hidden"]
    assert table["Any hour"] == ["40 min", "10 h 00 min"]
    assert "10 min" not in response.content.decode().replace("10 h 00 min", "")


def test_report_time_to_first_contact_hidden_below_the_minimum(admissions_client):
    for minutes in (10, 20, 30, 40):
        contacted_after(minutes, time(9, 15))

    response = admissions_client.get(REPORT)

    timing = response.context["report"]["first_contact"]
    assert timing["overall"]["texts"] == [None, None]
    assert all(row["texts"] == [None, None] for row in timing["hours"])


def test_report_time_to_first_contact_leaves_out_spam_and_other_months(admissions_client):
    known_times()
    received = local(months_back(1).replace(day=10), time(9, 20))
    spam = make_inquiry(received_at=received)
    spam.move_to(Inquiry.Status.SPAM)
    Inquiry.objects.filter(pk=spam.pk).update(first_contact_at=received + timedelta(days=3))
    received = local(months_back(2).replace(day=10), time(9, 20))
    earlier = make_inquiry(received_at=received)
    earlier.move_to(Inquiry.Status.CONTACTED)

    response = admissions_client.get(REPORT)

    assert response.context["report"]["first_contact"]["hours"][9]["median"] == 30


def test_report_no_show_rate_of_assessments_held_in_the_month(admissions_client):
    Status = Appointment.Status
    held([Status.ATTENDED] * 6 + [Status.NO_SHOW] * 5 + [Status.CANCELLED, Status.BOOKED])
    held([Status.NO_SHOW] * 2, day=1)
    inquiry = make_inquiry()
    inquiry.move_to(Inquiry.Status.CONTACTED)
    inquiry.update_appointment(
        inquiry.book_appointment(local(months_back(0)), mode="virtual"), Status.NO_SHOW
    )

    response = admissions_client.get(REPORT)

    no_shows = response.context["report"]["no_shows"]
    assert no_shows["counts"] == [13, 6, 7]
    assert no_shows["rate"] == 54
    assert every_table(response)[4][1:] == [["13", "6", "7", "54%"]]


def test_report_no_show_rate_hidden_with_its_small_count(admissions_client):
    Status = Appointment.Status
    held([Status.ATTENDED] * 5 + [Status.NO_SHOW] * 2)

    response = admissions_client.get(REPORT)

    no_shows = response.context["report"]["no_shows"]
    # Two no-shows are hidden; seven held would give them away beside five attended.
    assert no_shows["counts"] == [7, None, None]
    assert no_shows["rate"] is None
    assert every_table(response)[4][1:] == [["7", "hidden", "hidden", "hidden"]]
    assert "29%" not in response.content.decode()


def test_report_csv_has_the_timing_and_no_show_tables_hidden_as_on_the_page(admissions_client):
    known_times()
    held([Appointment.Status.ATTENDED] * 5 + [Appointment.Status.NO_SHOW] * 2)

    _response, lines = download(admissions_client)

    sections = csv_sections(lines)
    assert sections[3][0][0].startswith("Time to first contact, inquiries received in")
    assert ["09:00\u201309:59", "30 min", "1 h 40 min"] in sections[3]
    assert ["14:00\u201314:59", "hidden", "hidden"] in sections[3]
    assert sections[4][1:] == [
        ["Held (attended or no-show)", "Attended", "No-show", "No-show rate"],
        ["7", "hidden", "hidden", "hidden"],
    ]
