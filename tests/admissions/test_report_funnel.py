"""The admissions report's funnel: conversion rates by source and by how people heard
about us, and the CSV of the report's tables. Hidden stays hidden everywhere."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.admin.reporting import conversion_rate
from admissions.models import Inquiry
from tests.admissions.test_report import (
    REPORT,
    make_inquiries,
    month_key,
    months_back,
    tables,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Status = Inquiry.Status
SEARCH, FAMILY = Inquiry.HeardAbout.SEARCH, Inquiry.HeardAbout.FAMILY
HIDDEN_RATES = [None] * 3


@pytest.fixture
def admissions_client(client):
    client.force_login(make_user("alex", groups=("Admissions",)))
    return client


def known_month():
    """21 inquiries last month: 15 from a web search (10 contacted, 8 with an assessment
    booked, 6 admitted) and 6 through family, none contacted yet."""
    make_inquiries(6, Status.ADMITTED, heard_about=SEARCH)
    make_inquiries(2, Status.ASSESSMENT_SCHEDULED, heard_about=SEARCH)
    make_inquiries(2, Status.CONTACTED, heard_about=SEARCH)
    make_inquiries(5, heard_about=SEARCH)
    make_inquiries(6, heard_about=FAMILY)


class EveryTable(HTMLParser):
    """Every table of the report (described by one of its notes) as rows of cell texts,
    captions left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._table, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = None
            if dict(attrs).get("aria-describedby", "").startswith("report-"):
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


def every_table(response):
    reader = EveryTable()
    reader.feed(response.content.decode())
    return reader.tables


def csv_sections(lines):
    """The CSV's tables: runs of lines between empty lines, each led by its caption."""
    sections = [[]]
    for line in lines:
        if line:
            sections[-1].append(line)
        else:
            sections.append([])
    return [section for section in sections if section]


def heard_about(response):
    return {row["label"]: row for row in response.context["report"]["heard_about"]}


def download(client, **query):
    response = client.get(REPORT, {"month": month_key(months_back(1)), "format": "csv", **query})
    return response, list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize(
    ("part", "whole", "rate"),
    [(10, 15, 67), (1, 8, 13), (6, 6, 100), (0, 7, 0), (None, 7, None), (3, None, None)],
)
def test_conversion_rate_rounds_half_up_and_hides_what_comes_from_a_hidden_count(part, whole, rate):
    assert conversion_rate(part, whole) == rate


def test_report_funnel_by_heard_about_with_conversion_rates(admissions_client):
    known_month()

    response = admissions_client.get(REPORT)

    rows = heard_about(response)
    assert rows["Web search"]["counts"] == [15, 10, 8, 6]
    assert rows["Web search"]["rates"] == [67, 80, 75]
    assert rows["Family or friend"]["counts"] == [6, None, None, None]
    assert rows["Family or friend"]["rates"] == HIDDEN_RATES
    assert rows["(not given)"]["counts"] == [None] * 4
    assert response.context["report"]["total_row"]["rates"] == [48, 80, 75]
    table = {row[0]: row[1:] for row in tables(response)[1]}
    assert table["Web search"] == ["15", "10", "8", "6", "67%", "80%", "75%"]
    assert table["Family or friend"] == ["6", *["hidden"] * 6]
    assert table["Total"] == ["21", "10", "8", "6", "48%", "80%", "75%"]


def test_report_funnel_by_source_has_rates_beside_the_counts(admissions_client):
    known_month()

    response = admissions_client.get(REPORT)

    sources = {row["label"]: row for row in response.context["report"]["sources"]}
    assert sources["Website form"]["counts"] == [21, 10, 8, 6]
    assert sources["Website form"]["rates"] == [48, 80, 75]
    assert sources["Walk-in"]["rates"] == HIDDEN_RATES


def test_report_rate_is_hidden_when_the_count_before_it_is(admissions_client):
    make_inquiries(4, Status.CONTACTED, heard_about=SEARCH)
    make_inquiries(9, heard_about=SEARCH)

    response = admissions_client.get(REPORT)

    assert heard_about(response)["Web search"]["counts"] == [13, None, None, None]
    assert heard_about(response)["Web search"]["rates"] == HIDDEN_RATES
    assert "31%" not in response.content.decode()


def test_report_csv_holds_the_same_tables_as_the_page(admissions_client):
    known_month()
    page = every_table(admissions_client.get(REPORT))

    response, lines = download(admissions_client)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="admissions-report-{month_key(months_back(1))}.csv"'
    )
    sections = csv_sections(lines)
    assert [section[1:] for section in sections] == page
    assert sections[1][0] == [
        f"Inquiries received in {months_back(1):%B %Y}, by how they heard about us"
    ]
    assert ["Web search", "15", "10", "8", "6", "67%", "80%", "75%"] in lines
    assert ["Family or friend", "6", *["hidden"] * 6] in lines


def test_report_csv_neutralises_a_campaign_value_a_spreadsheet_would_run(admissions_client):
    make_inquiries(5, utm_source='=HYPERLINK("http://x.test")')
    make_inquiries(5, utm_source="+radio")

    _response, lines = download(admissions_client)

    labels = [line[0] for line in lines if line]
    assert '\'=HYPERLINK("http://x.test")' in labels
    assert "'+radio" in labels
    assert not any(label.startswith(("=", "+")) for label in labels)


def test_report_csv_for_marketing_and_refused_without_the_permission(client):
    make_inquiries(6)
    client.force_login(make_user("robin", groups=("Marketing",)))
    marketing, _lines = download(client)
    client.force_login(make_user("casey"))

    refused, _lines = download(client)

    assert marketing.status_code == 200
    assert marketing["Content-Type"] == "text/csv; charset=utf-8"
    assert refused.status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        {"format": "xlsx"},
        {"format": "<script>alert(1)</script>"},
        {"format": "csv\x00"},
        {"format": "CSV"},
        {"format": ["csv", "html"], "month": ["x", "y"]},
        {"format": "csv", "month": "2026-13"},
        {"format": "csv", "month": "9" * 300},
    ],
)
def test_report_hostile_query_strings_show_the_page_never_500(admissions_client, query):
    response = admissions_client.get(REPORT, query)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<script>alert" not in response.content.decode()


def test_report_csv_asks_for_a_month_from_the_list(admissions_client):
    response = admissions_client.get(REPORT, {"format": "csv", "month": "2026-13"})

    assert response.context["report"] is None
    assert response.context["form"].errors == {"month": ["Please choose a month from the list."]}


@pytest.mark.parametrize("fmt", ["", "csv"])
def test_report_queries_are_the_same_for_5_and_50_inquiries(admissions_client, fmt):
    admissions_client.get(REPORT)  # the session's first request does more
    make_inquiries(5, Status.CONTACTED, heard_about=SEARCH, utm_source="radio")
    with CaptureQueriesContext(connection) as few:
        admissions_client.get(REPORT, {"month": month_key(months_back(1)), "format": fmt})
    for number in range(45):
        make_inquiries(1, Status.ADMITTED, heard_about=FAMILY, utm_source=f"campaign-{number}")

    with CaptureQueriesContext(connection) as many:
        admissions_client.get(REPORT, {"month": month_key(months_back(1)), "format": fmt})

    assert len(many) == len(few)
