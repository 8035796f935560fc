"""Placeholders, from the editor's side: {{ days-per-week }} in a text always shows the
schedule as it is now, escaped, and a mistyped one is refused on save."""

import datetime

import pytest
from django.urls import reverse

from programs.models import Page, Session, Track
from tests.factories import admin_form, make_clinic_settings, make_faq, make_page, make_track
from tests.programs.test_admin import page_form

pytestmark = pytest.mark.django_db


def prose(client, path):
    html = client.get(path).content.decode()
    start = html.index('<div class="prose">') + len('<div class="prose">')
    return html[start : html.index("</div>", start)]


def test_a_placeholder_shows_the_current_schedule_after_it_changes(client):
    track = make_track(sessions=((0, "18:00", "21:00"), (2, "18:00", "21:00")))
    make_page(slug="about-us", body="We meet {{ days-per-week }} evenings a week.")
    assert prose(client, "/about-us/") == "<p>We meet two evenings a week.</p>"

    Session.objects.create(
        track=track,
        weekday=Session.Weekday.TUESDAY,
        start_time=datetime.time(18),
        end_time=datetime.time(21),
    )

    assert prose(client, "/about-us/") == "<p>We meet three evenings a week.</p>"
    assert Page.objects.get(slug="about-us").body_html == (
        "<p>We meet {{ days-per-week }} evenings a week.</p>"
    )


def test_every_fact_and_a_named_track(client):
    make_clinic_settings(admissions_phone="+15550100199")
    make_track(sessions=((0, "18:00", "21:00"), (2, "18:00", "21:00"), (3, "18:00", "20:30")))
    make_track(
        slug="virtual-evening",
        order=5,
        is_published=False,
        sessions=((1, "18:00", "21:00"),),
    )
    make_page(
        slug="about-us",
        body=(
            "{{ phone }} | {{ session-days }} | {{ session-times }} | {{ hours-per-session }}"
            " | {{ hours-per-week }} | {{ weeks }} | {{virtual-evening:session-days}}"
        ),
    )

    assert prose(client, "/about-us/") == (
        "<p>(555) 010-0199 | Monday, Wednesday and Thursday | "
        "6 p.m. \N{EN DASH} 9 p.m. or 6 p.m. \N{EN DASH} 8:30 p.m. | 3 | 8.5 | "
        "8 to 12 weeks | Tuesday</p>"
    )


def test_a_placeholder_value_is_escaped(client):
    make_clinic_settings(name="Harbor <b>Light</b> & Co")
    make_page(slug="about-us", body="Welcome to {{ clinic-name }}.")

    assert prose(client, "/about-us/") == (
        "<p>Welcome to Harbor &lt;b&gt;Light&lt;/b&gt; &amp; Co.</p>"
    )


def test_a_track_description_names_its_own_track(client):
    make_track(description="On {{ session-days }} evenings.", sessions=((4, "18:00", "21:00"),))
    make_page(slug="schedule", layout=Page.Layout.SCHEDULE, title="Schedule")

    assert "<p>On Friday evenings.</p>" in client.get("/schedule/").content.decode()


def test_an_unknown_placeholder_is_refused_on_save_with_the_list(marketing):
    make_track()

    response = marketing.post(
        reverse("admin:programs_page_add"),
        page_form(body="Call {{ fone }} on {{ nightly: session-days }} or {{ phone }}."),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body_en"] == [
        "Unknown placeholder “{{ fone }}” and “{{ nightly: session-days }}”. The "
        "placeholders are {{ phone }}, {{ clinic-name }}, {{ days-per-week }}, "
        "{{ session-days }}, {{ session-times }}, {{ hours-per-session }}, "
        "{{ hours-per-week }}, {{ weeks }}; a track's facts can name the track, e.g. "
        "{{ virtual-evening: days-per-week }}."
    ]
    assert not Page.objects.filter(slug="parking").exists()


def test_a_placeholder_naming_an_existing_track_is_accepted(marketing):
    make_track(slug="evening")

    response = marketing.post(
        reverse("admin:programs_page_add"), page_form(body="{{ evening: days-per-week }}")
    )

    assert response.status_code == 302


def test_an_unknown_placeholder_in_a_track_description_is_refused(marketing):
    track = make_track()

    response = marketing.post(
        reverse("admin:programs_track_change", args=[track.pk]),
        admin_form(
            Track,
            {
                "name": track.name,
                "slug": track.slug,
                "mode": track.mode,
                "description": "{{ evenings }} a week",
                "weeks_min": "8",
                "weeks_max": "12",
                "order": "0",
                "is_published": "on",
                "sessions-TOTAL_FORMS": "0",
                "sessions-INITIAL_FORMS": "0",
                "sessions-MIN_NUM_FORMS": "0",
                "sessions-MAX_NUM_FORMS": "1000",
            },
        ),
    )

    assert response.status_code == 200
    assert (
        response.context["adminform"]
        .form.errors["description_en"][0]
        .startswith("Unknown placeholder “{{ evenings }}”.")
    )


def test_the_demo_faq_says_the_schedule_in_numbers_that_match_it(client, demo_content):
    make_faq(slug="unused")
    html = client.get("/faq/").content.decode()

    assert (
        "Each session lasts about 3 hours, three evenings a week, so about 9 hours a week." in html
    )
    assert "{{" not in html
    assert Track.objects.count() == 2
