"""The admissions report's charts: server-drawn SVG with a title and a text
alternative, no script or inline style, and the same numbers as the table beside it."""

import re
import xml.etree.ElementTree as ET  # our own rendered markup, not input
from datetime import time

import pytest

from admissions.models import Inquiry
from tests.admissions.test_report import REPORT, make_inquiries
from tests.admissions.test_report_funnel import every_table, known_month
from tests.admissions.test_report_timing import contacted_after
from tests.factories import make_user

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def admissions_client(client):
    client.force_login(make_user("alex", groups=("Admissions",)))
    return client


def charts(response):
    """{id of the title: the parsed <svg>} for every chart on the page."""
    found = {}
    for markup in re.findall(
        r"<svg class=\"report-chart\".*?</svg>", response.content.decode(), re.DOTALL
    ):
        svg = ET.fromstring(markup)  # noqa: S314 - see the import
        found[svg.find(f"{SVG}title").get("id")] = svg
    return found


def values(svg):
    return [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart-value"]


def test_funnel_chart_has_a_title_a_text_alternative_and_the_table_numbers(admissions_client):
    known_month()

    response = admissions_client.get(REPORT)

    svg = charts(response)["funnel-chart-title"]
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "funnel-chart-title funnel-chart-desc"
    assert svg.find(f"{SVG}title").text.startswith("Inquiries received in ")
    assert svg.find(f"{SVG}desc").text == (
        "Inquiries: 21; Contacted: 10; Assessment scheduled: 8; Admitted: 6"
    )
    total_row = every_table(response)[0][-1]
    assert values(svg) == total_row[1:5] == ["21", "10", "8", "6"]
    bars = [int(rect.get("width")) for rect in svg.iter(f"{SVG}rect")][1:]
    assert bars == [300, 143, 114, 86]


def test_funnel_chart_draws_no_bar_for_a_hidden_count(admissions_client):
    make_inquiries(1, Inquiry.Status.CONTACTED)
    make_inquiries(12)

    response = admissions_client.get(REPORT)

    svg = charts(response)["funnel-chart-title"]
    assert values(svg) == ["13", "hidden", "hidden", "hidden"]
    assert len(list(svg.iter(f"{SVG}rect"))) == 2  # the white ground and one bar
    assert "hidden" in svg.find(f"{SVG}desc").text
    assert "1" not in "".join(values(svg)[1:])


def test_timing_chart_shows_the_medians_of_the_table_and_hides_small_hours(admissions_client):
    for minutes in (10, 20, 30, 40, 100):
        contacted_after(minutes, time(9, 15))
    contacted_after(5, time(14, 5))

    response = admissions_client.get(REPORT)

    svg = charts(response)["timing-chart-title"]
    table = every_table(response)[3]
    assert values(svg) == [row[1] for row in table[1:-1]]
    assert values(svg)[9] == "30 min"
    assert values(svg)[14] == "hidden"
    assert "5 min" not in svg.find(f"{SVG}desc").text


def test_charts_carry_no_script_and_no_inline_style(admissions_client):
    known_month()

    html = admissions_client.get(REPORT).content.decode()

    markup = "".join(re.findall(r"<svg class=\"report-chart\".*?</svg>", html, re.DOTALL))
    assert markup.count("<svg") == 2
    assert "<script" not in markup
    assert "style=" not in markup
    assert "href" not in markup
