"""The queue's health on the admin index, and the counts-only report: one whole month,
small counts hidden, campaign values that could identify someone never shown (nor
kept from a link in the first place)."""

import json
from datetime import datetime, time, timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from admissions.admin.reporting import hidden_cells
from admissions.middleware import (
    COOKIE_NAME,
    COOKIE_SALT,
    AttributionMiddleware,
    attribution_from,
    looks_like_contact_details,
    read_attribution,
)
from admissions.models import Inquiry
from tests.factories import make_inquiry, make_user, move

pytestmark = pytest.mark.django_db

REPORT = "/admin/admissions/inquiry/report/"


@pytest.fixture
def admissions_client(client):
    client.force_login(make_user("alex", groups=("Admissions",)))
    return client


def contacted_after(minutes, days_ago=1, **fields):
    received = timezone.now() - timedelta(days=days_ago)
    inquiry = make_inquiry(received_at=received, **fields)
    inquiry.move_to(Inquiry.Status.CONTACTED)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        first_contact_at=received + timedelta(minutes=minutes)
    )
    return inquiry


def test_report_url_is_named():
    assert reverse("admin:admissions_inquiry_report") == REPORT


def test_index_shows_queue_health_to_admissions(admissions_client):
    make_inquiry()
    make_inquiry(message="thinking of suicide")
    make_inquiry(received_at=timezone.now() - timedelta(hours=6))
    contacted_after(10)
    contacted_after(30)
    contacted_after(95)
    contacted_after(5000, days_ago=40)

    response = admissions_client.get("/admin/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "3 new inquiries" in html
    assert "1 urgent open inquiry" in html
    assert "1 overdue for first contact" in html
    assert "Median time to first contact, last 30 days: <strong>30 min</strong>" in html
    assert 'href="/admin/admissions/inquiry/?overdue=yes"' in html


def test_index_median_in_hours_and_when_empty(admissions_client):
    empty = admissions_client.get("/admin/").content.decode()
    contacted_after(125)

    one = admissions_client.get("/admin/").content.decode()

    assert "<strong>no first contacts yet</strong>" in empty
    assert "<strong>2 h 05 min</strong>" in one


def test_index_shows_unsent_notifications(admissions_client):
    from admissions.models import Notification

    Notification.objects.create(inquiry=make_inquiry(), state=Notification.State.FAILED)

    html = admissions_client.get("/admin/").content.decode()

    assert "1 notification email not sent yet" in html


# --- The report: one whole month, small counts hidden --------------------------------------

STEPS = {
    Inquiry.Status.NEW: (),
    Inquiry.Status.SPAM: (Inquiry.Status.SPAM,),
    Inquiry.Status.CONTACTED: (Inquiry.Status.CONTACTED,),
    Inquiry.Status.ASSESSMENT_SCHEDULED: (
        Inquiry.Status.CONTACTED,
        Inquiry.Status.ASSESSMENT_SCHEDULED,
    ),
    Inquiry.Status.ADMITTED: (
        Inquiry.Status.CONTACTED,
        Inquiry.Status.ASSESSMENT_SCHEDULED,
        Inquiry.Status.ADMITTED,
    ),
}
HIDDEN = [None] * 4


def months_back(count):
    """The first day of the month `count` months before this one."""
    first = timezone.localdate().replace(day=1)
    for _month in range(count):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def month_key(first):
    return f"{first:%Y-%m}"


def local(day, at=time(12)):
    return timezone.make_aware(datetime.combine(day, at))


def make_inquiries(count, status=Inquiry.Status.NEW, received_at=None, **fields):
    """`count` inquiries received on the 10th of last month (unless told), each walked
    through the workflow up to `status`."""
    received_at = received_at or local(months_back(1).replace(day=10))
    for _number in range(count):
        inquiry = make_inquiry(received_at=received_at, **fields)
        for step in STEPS[status]:
            move(inquiry, step)


class TableReader(HTMLParser):
    """The report's tables (those explained by the note on hidden counts) as rows of
    cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._table, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("aria-describedby", "report-hidden-note") in attrs:
            self._table = []
            self.tables.append(self._table)
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("th", "td") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag in ("th", "td") and self._cell is not None:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(response):
    reader = TableReader()
    reader.feed(response.content.decode())
    return reader.tables


def rows(response, table):
    """{label: counts} of one of the report's tables ("sources" or "campaigns")."""
    return {row["label"]: row["counts"] for row in response.context["report"][table]}


def test_report_counts_by_source_and_stage_without_personal_data(admissions_client):
    make_inquiries(5, Inquiry.Status.ADMITTED, utm_source="newsletter", first_name="Wilhelmina")
    make_inquiries(1, Inquiry.Status.CONTACTED, utm_source="newsletter")
    make_inquiries(5, Inquiry.Status.ADMITTED, source=Inquiry.Source.PHONE)
    make_inquiries(2, source=Inquiry.Source.PHONE)
    make_inquiries(3, Inquiry.Status.SPAM)
    make_inquiries(4, received_at=local(months_back(2).replace(day=28)))

    response = admissions_client.get(REPORT)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"]["totals"] == [13, 11, 10, 10]
    assert rows(response, "sources") == {
        "Website form": [6, 6, 5, 5],
        "Phone call": [7, 5, 5, 5],
        "Professional referral": HIDDEN,
        "Walk-in": HIDDEN,
    }
    # (other) is all zeros, so one more cell per column is hidden, and with it the
    # later stages of its row.
    assert rows(response, "campaigns") == {
        "newsletter": HIDDEN,
        "(none)": [7, None, None, None],
        "(other)": HIDDEN,
    }
    assert tables(response)[2][1:] == [
        ["newsletter", *["hidden"] * 7],
        ["(none)", "7", *["hidden"] * 6],
        ["(other)", *["hidden"] * 7],
        ["Total", "13", "11", "10", "10", "85%", "91%", "100%"],
    ]
    assert "Wilhelmina" not in html
    assert "555" not in html


def test_report_hides_the_one_person_a_campaign_link_brought_in(admissions_client):
    make_inquiries(1, Inquiry.Status.ADMITTED, utm_source="newsletter")
    make_inquiries(12)

    response = admissions_client.get(REPORT)

    html = response.content.decode()
    assert response.context["report"]["totals"] == [13, None, None, None]
    assert rows(response, "sources")["Website form"] == [13, None, None, None]
    assert rows(response, "campaigns") == {"(none)": HIDDEN, "(other)": HIDDEN}
    assert tables(response)[0][1] == ["Website form", "13", *["hidden"] * 6]
    assert "newsletter" not in html
    assert "fewer than 5" in html


def test_report_groups_campaign_values_seen_fewer_than_five_times(admissions_client):
    make_inquiries(5, utm_source="radio")
    make_inquiries(2, utm_source="podcast")
    make_inquiries(3, utm_source="billboard")
    make_inquiries(6)

    response = admissions_client.get(REPORT)

    html = response.content.decode()
    assert rows(response, "campaigns") == {
        "radio": [5, None, None, None],
        "(none)": [6, None, None, None],
        "(other)": [5, None, None, None],
    }
    assert "podcast" not in html
    assert "billboard" not in html


def test_report_never_names_a_stored_value_that_looks_like_contact_details(admissions_client):
    # Stored before values like these were dropped on arrival.
    make_inquiries(5, utm_source="newsletter-jane.doe@example.com")
    make_inquiries(5, utm_source="call-202-555-0143")
    make_inquiries(5, utm_source="radio")

    response = admissions_client.get(REPORT)

    html = response.content.decode()
    assert list(rows(response, "campaigns")) == ["radio", "(none)", "(other)"]
    assert rows(response, "campaigns")["(other)"][0] == 10
    assert "jane.doe" not in html
    assert "0143" not in html


def test_report_gives_at_most_twenty_campaigns_a_row_and_counts_the_rest_as_other(
    admissions_client, settings
):
    settings.ADMISSIONS_REPORT_MIN_COUNT = 1
    for number in range(21):
        make_inquiries(1, utm_source=f"campaign-{number:02d}")

    response = admissions_client.get(REPORT)

    campaigns = rows(response, "campaigns")
    assert list(campaigns) == [
        *(f"campaign-{number:02d}" for number in range(20)),
        "(none)",
        "(other)",
    ]
    assert campaigns["(other)"][0] == 1
    assert response.context["report"]["totals"][0] == 21


def test_report_minimum_count_comes_from_settings(admissions_client, settings):
    settings.ADMISSIONS_REPORT_MIN_COUNT = 2
    make_inquiries(2, utm_source="radio")

    response = admissions_client.get(REPORT)

    assert rows(response, "campaigns")["radio"] == [2, None, None, None]
    assert "fewer than 2" in response.content.decode()


def test_report_defaults_to_last_month(admissions_client):
    make_inquiries(5)
    make_inquiries(1, received_at=timezone.now())
    make_inquiries(1, received_at=local(months_back(2).replace(day=15)))

    response = admissions_client.get(REPORT)

    report = response.context["report"]
    assert response.context["form"]["month"].value() == month_key(months_back(1))
    assert report["totals"][0] == 5
    assert report["start"] == months_back(1)
    assert report["end"] == months_back(0) - timedelta(days=1)


def test_report_month_runs_from_local_midnight_to_local_midnight(admissions_client):
    month, following = months_back(2), months_back(1)
    make_inquiries(3, received_at=local(month, time.min))
    make_inquiries(2, received_at=local(following - timedelta(days=1), time(23, 59, 59)))
    make_inquiries(1, received_at=local(following, time.min))
    make_inquiries(1, received_at=local(month - timedelta(days=1), time(23, 59, 59)))

    response = admissions_client.get(REPORT, {"month": month_key(month)})

    assert response.context["report"]["totals"][0] == 5


@pytest.mark.parametrize("group", ["Admissions", "Marketing"])
def test_report_ignores_free_date_ranges_for_everyone(client, group):
    client.force_login(make_user("robin", groups=(group,)))
    today = timezone.localdate()
    make_inquiries(6)
    make_inquiries(5, received_at=timezone.now())

    response = client.get(REPORT, {"start": today.isoformat(), "end": today.isoformat()})

    assert response.status_code == 200
    assert [field.name for field in response.context["form"]] == ["month"]
    assert response.context["report"]["start"] == months_back(1)
    assert response.context["report"]["totals"][0] == 6


def test_report_offers_the_last_36_whole_months_newest_first(admissions_client):
    response = admissions_client.get(REPORT)

    choices = [value for value, _label in response.context["form"].fields["month"].choices]
    assert choices == [month_key(months_back(count)) for count in range(1, 37)]


@pytest.mark.parametrize(
    "month",
    [
        "2026-13",
        "2026-00",
        "2026-1",
        "<script>alert(1)</script>",
        "99999-01",
        "9" * 400 + "-01",
        "0000-01",
        "\x00",
        "2026-03-01",
        " ",
        "",
    ],
)
def test_report_refuses_a_month_not_in_the_list_with_a_message(admissions_client, month):
    response = admissions_client.get(REPORT, {"month": month})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["form"].errors == {"month": ["Please choose a month from the list."]}
    assert "Please choose a month from the list." in html
    assert "<script>alert" not in html


@pytest.mark.parametrize("count", [0, -1, 37])
def test_report_refuses_the_running_month_a_future_one_and_older_ones(admissions_client, count):
    first = timezone.localdate().replace(day=1)
    month = (first + timedelta(days=31)).replace(day=1) if count < 0 else months_back(count)

    response = admissions_client.get(REPORT, {"month": month_key(month)})

    assert response.context["report"] is None
    assert response.context["form"].errors == {"month": ["Please choose a month from the list."]}


def test_report_queries_do_not_grow_with_campaigns(admissions_client, settings):
    settings.ADMISSIONS_REPORT_MIN_COUNT = 1
    admissions_client.get(REPORT)
    make_inquiries(1, utm_source="radio")
    with CaptureQueriesContext(connection) as one:
        admissions_client.get(REPORT)
    for number in range(30):
        make_inquiries(1, utm_source=f"campaign-{number}")

    with CaptureQueriesContext(connection) as many:
        admissions_client.get(REPORT)

    assert len(many) == len(one)


# --- Hiding: no row or column with a single hidden cell, no stage shown after a hidden one


def table(inner):
    """Counts keyed by (row, column) with a totals row "t"; the rows; the columns."""
    width = len(inner[0])
    counts = {
        (row, column): value
        for row, values in enumerate(inner)
        for column, value in enumerate(values)
    }
    counts.update(
        {("t", column): sum(values[column] for values in inner) for column in range(width)}
    )
    rows = [[(row, column) for column in range(width)] for row in [*range(len(inner)), "t"]]
    columns = [
        [*((row, column) for row in range(len(inner))), ("t", column)] for column in range(width)
    ]
    return counts, rows, columns


def test_hidden_cells_also_hides_the_next_smallest_in_a_line_with_one_hidden():
    counts, rows, columns = table([[30, 20], [12, 9], [40, 3]])

    hidden = hidden_cells(counts, rows, columns, 5)

    # (2, 1) is 3; its row then needs (2, 0), its column (1, 1); then column 0 (1, 0),
    # and row 1 is left with two.
    assert hidden == {(2, 1), (2, 0), (1, 1), (1, 0)}


def test_hidden_cells_hides_the_stages_after_a_hidden_one():
    counts, rows, columns = table([[6, 6, 6], [7, 5, 5], [0, 0, 0]])

    hidden = hidden_cells(counts, rows, columns, 5)

    # Column 0 hides (0, 0) beside the zeros; a shown (0, 2) = 6 would then prove that
    # (0, 0) is 6 and (2, 0) is 0, so the rest of row 0 goes too.
    assert hidden == {(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)}


def test_hidden_cells_hides_nothing_when_every_count_is_big_enough():
    counts, rows, columns = table([[30, 20], [12, 9]])

    assert hidden_cells(counts, rows, columns, 5) == set()


def test_hidden_cells_hides_a_small_total():
    counts, rows, columns = table([[2, 1], [1, 0]])

    assert hidden_cells(counts, rows, columns, 5) == set(counts)


nested_row = st.lists(st.integers(0, 12), min_size=4, max_size=4).map(
    lambda values: sorted(values, reverse=True)
)


@given(inner=st.lists(nested_row, min_size=1, max_size=5), min_count=st.integers(1, 6))
def test_hidden_cells_leaves_no_lone_hidden_cell_and_no_floor(inner, min_count):
    counts, rows, columns = table(inner)

    hidden = hidden_cells(counts, rows, columns, min_count)

    assert {key for key, value in counts.items() if value < min_count} <= hidden
    assert all(sum(key in hidden for key in line) != 1 for line in (*rows, *columns))
    for row in rows:
        flags = [key in hidden for key in row]
        assert flags == sorted(flags), row


# --- Campaign values that look like contact details are never kept ------------------------


@pytest.mark.parametrize(
    "value",
    [
        "jane.doe@example.com",
        "newsletter-jane.doe@example.com",
        "jane\uff20example.com",  # full-width @
        "jane%40example.com",
        "@jane",
        "202-555-0143",
        "(202) 555 0143",
        "+1.202.555.0143",
        "2025550143",
        "555-0143",
        "sms_555_0143",
        "\uff15\uff15\uff15\uff10\uff11\uff14\uff13",  # full-width digits
        "call 5 5 5 0 1 4 3 now",
        "spring-2026-03-15",
    ],
)
def test_contact_details_rule_flags_an_at_sign_or_seven_digits(value):
    assert looks_like_contact_details(value) is True


@pytest.mark.parametrize(
    "value",
    ["newsletter", "spring-2026", "summer_sale_50", "123456", "2026-05 promo", "q3-2026-v2", ""],
)
def test_contact_details_rule_keeps_ordinary_campaign_values(value):
    assert looks_like_contact_details(value) is False


def test_attribution_drops_contact_details_on_arrival(rf):
    request = rf.get(
        "/programs/",
        {
            "utm_source": "newsletter-jane.doe@example.com",
            "utm_medium": "email",
            "utm_campaign": "call 202 555 0143",
            "utm_content": "spring",
        },
    )

    assert attribution_from(request) == {
        "utm_medium": "email",
        "utm_content": "spring",
        "landing_page": "/programs/",
    }


def test_attribution_cookie_never_holds_contact_details(rf):
    middleware = AttributionMiddleware(lambda request: HttpResponse())
    request = rf.get("/", {"utm_source": "jane@example.com", "utm_medium": "email"})

    response = middleware(request)

    request_back = rf.get("/")
    request_back.COOKIES[COOKIE_NAME] = response.cookies[COOKIE_NAME].value
    assert "jane" not in response.cookies[COOKIE_NAME].value
    assert read_attribution(request_back) == {"utm_medium": "email", "landing_page": "/"}


def test_attribution_sets_no_cookie_when_contact_details_were_all_it_had(rf):
    middleware = AttributionMiddleware(lambda request: HttpResponse())

    response = middleware(rf.get("/", {"utm_source": "202.555.0143"}))

    assert COOKIE_NAME not in response.cookies


def test_an_older_cookie_cannot_carry_contact_details_in(rf):
    older = HttpResponse()
    older.set_signed_cookie(
        COOKIE_NAME,
        json.dumps(
            {"utm_source": "jane.doe@example.com", "utm_term": "2025550143", "utm_medium": "email"}
        ),
        salt=COOKIE_SALT,
    )
    request = rf.get("/contact/")
    request.COOKIES[COOKIE_NAME] = older.cookies[COOKIE_NAME].value

    assert read_attribution(request) == {"utm_source": "", "utm_term": "", "utm_medium": "email"}


def test_admin_pages_name_the_site_icon(admissions_client):
    html = admissions_client.get("/admin/").content.decode()

    assert '<link rel="icon" href="/static/img/favicon.' in html
    assert html.count('rel="icon"') == 1
