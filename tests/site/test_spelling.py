"""The site speaks American English: no British spelling on any public page, the inquiry
form, its thank-you pages or the page for a missing address."""

import re
import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.admissions.helpers import form_token, inquiry_data

pytestmark = pytest.mark.django_db

# British spellings a writer of this site might slip into, each as a whole word or word
# start. "enrol" alone or with -s/-ment ("enroll", "enrolled" are American).
BRITISH = re.compile(
    r"\b(?:counsell\w*|licence\w*|colour\w*|cancell(?:ed|ing)|behaviour\w*|centre\w*"
    r"|enrol(?:s|ment\w*)?\b|organis\w*|recognis\w*)",
    re.IGNORECASE,
)


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=StringIO())


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", namespace)]


def british_words(html):
    return sorted({match.lower() for match in BRITISH.findall(html)})


def test_the_pattern_finds_british_spellings_and_passes_american_ones():
    text = (
        "A counsellor, a licence, the colour, cancelled, behaviour, a centre, enrol, "
        "enrolment, organised, recognise. A counselor, a license, the color, canceled, "
        "behavior, a center, enroll, enrolled, enrollment, organized, recognize."
    )

    assert british_words(text) == [
        "behaviour",
        "cancelled",
        "centre",
        "colour",
        "counsellor",
        "enrol",
        "enrolment",
        "licence",
        "organised",
        "recognise",
    ]


def test_no_public_page_uses_british_spelling(client, demo_content):
    paths = [*sitemap_paths(client), "/no-such-page/"]
    assert "/contact/" in paths
    assert len(paths) >= 20

    found = {path: british_words(client.get(path).content.decode()) for path in paths}

    assert {path: words for path, words in found.items() if words} == {}


def test_inquiry_form_and_its_thank_you_pages_use_american_spelling(client, demo_content):
    form = client.get("/contact/").content.decode()
    thanks = client.post("/contact/", inquiry_data(heard_about="doctor")).content.decode()
    urgent = client.post(
        "/contact/", inquiry_data(safe_now="no", form_token=form_token())
    ).content.decode()

    assert "Doctor, therapist or counselor" in form
    assert "an admissions counselor will get back to you" in form
    assert "An admissions counselor will try to reach you within" in thanks
    assert [british_words(html) for html in (form, thanks, urgent)] == [[], [], []]
