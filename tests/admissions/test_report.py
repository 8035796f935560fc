"""The queue's health on the admin index, and the counts-only report (and the campaign
values it counts, which are never kept when they could identify someone)."""

import json
from datetime import date, timedelta

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from admissions.middleware import (
    COOKIE_NAME,
    COOKIE_SALT,
    AttributionMiddleware,
    attribution_from,
    looks_like_contact_details,
    read_attribution,
)
from admissions.models import Inquiry
from tests.factories import make_inquiry, make_user

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


def test_report_counts_by_source_and_stage_without_personal_data(admissions_client):
    today = timezone.localdate()
    make_inquiry(first_name="Wilhelmina", utm_source="newsletter")
    contacted_after(10, days_ago=0, utm_source="newsletter")
    scheduled = contacted_after(10, days_ago=0, source=Inquiry.Source.PHONE)
    scheduled.move_to(Inquiry.Status.ASSESSMENT_SCHEDULED)
    scheduled.move_to(Inquiry.Status.ADMITTED)
    spam = make_inquiry()
    spam.move_to(Inquiry.Status.SPAM)
    make_inquiry(received_at=timezone.now() - timedelta(days=60))

    response = admissions_client.get(REPORT, {"start": today.isoformat(), "end": today.isoformat()})

    html = response.content.decode()
    rows = {row["label"]: row for row in response.context["rows"]["sources"]}
    assert response.status_code == 200
    assert response.context["totals"] == {
        "total": 3,
        "contacted": 2,
        "assessment": 1,
        "admitted": 1,
    }
    assert (rows["Website form"]["total"], rows["Website form"]["contacted"]) == (2, 1)
    assert (rows["Phone call"]["total"], rows["Phone call"]["admitted"]) == (1, 1)
    assert rows["Walk-in"]["total"] == 0
    assert [(row["utm_source"], row["total"]) for row in response.context["rows"]["campaigns"]] == [
        ("newsletter", 2),
        ("", 1),
    ]
    assert "Wilhelmina" not in html
    assert "555" not in html
    assert "(202)" not in html


def test_report_defaults_to_last_30_days(admissions_client):
    make_inquiry(received_at=timezone.now() - timedelta(days=10))
    make_inquiry(received_at=timezone.now() - timedelta(days=45))

    response = admissions_client.get(REPORT)

    assert response.context["totals"]["total"] == 1
    assert response.context["form"]["start"].value() == timezone.localdate() - timedelta(days=29)


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"start": "2026-13-40", "end": "2026-01-01"}, "Enter a valid date."),
        ({"start": "", "end": "2026-01-01"}, "This field is required."),
        ({"start": "2026-02-01", "end": "2026-01-01"}, "The end date must be on or after"),
        ({"start": "2010-01-01", "end": "2026-01-01"}, "three years or less"),
        ({"start": "\x00", "end": "<script>"}, "Enter a valid date."),
        (
            {"start": "9999-12-30", "end": "9999-12-31"},
            "Please choose dates between 2000 and 2100.",
        ),
        (
            {"start": "0001-01-01", "end": "0001-01-02"},
            "Please choose dates between 2000 and 2100.",
        ),
    ],
)
def test_report_rejects_bad_periods_with_a_message(admissions_client, params, error):
    response = admissions_client.get(REPORT, params)

    assert response.status_code == 200
    assert response.context["totals"] is None
    assert error in response.content.decode()


def test_report_period_is_inclusive_of_local_dates(admissions_client):
    day = date(2026, 3, 10)
    local_midnight = timezone.make_aware(timezone.datetime(2026, 3, 10, 0, 0))
    make_inquiry(received_at=local_midnight)
    make_inquiry(received_at=local_midnight + timedelta(hours=23, minutes=59))
    make_inquiry(received_at=local_midnight + timedelta(days=1))

    response = admissions_client.get(REPORT, {"start": day.isoformat(), "end": day.isoformat()})

    assert response.context["totals"]["total"] == 2


def test_admin_pages_name_the_site_icon(admissions_client):
    html = admissions_client.get("/admin/").content.decode()

    assert '<link rel="icon" href="/static/img/favicon.' in html
    assert html.count('rel="icon"') == 1


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
