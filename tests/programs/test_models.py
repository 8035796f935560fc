"""Content models: validation, publishing rules, derived schedule figures."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from simple_history.models import HistoricalChanges

from programs.apps import CONTENT_MODELS, EDITOR_MODELS
from programs.models import ClinicSettings, Page, Session, next_go_live, privacy_notice_version
from programs.models.base import RendersMarkdown
from tests.factories import make_clinic_settings, make_faq, make_page, make_therapy, make_track

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "slug",
    [
        "contact",
        "admin",
        "static",
        "healthz",
        "readyz",
        "sitemap.xml",
        "robots.txt",
        "articles",
        "team",
        "es",
    ],
)
def test_page_slug_reserved_for_another_route_is_refused(slug):
    page = Page(title="Clash", slug=slug, meta_description="x")

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert error.value.message_dict["slug"][-1] == (
        f"The address “{slug}” is used by another part of the site. Please choose a different one."
    )


def test_page_slug_reserved_follows_the_admin_path_setting(settings):
    settings.ADMIN_PATH = "staff-desk/"

    with pytest.raises(ValidationError) as error:
        Page(title="Desk", slug="staff-desk", meta_description="x").full_clean()
    Page(title="Admin", slug="admin", meta_description="x").full_clean()

    # The English column too: the page's address is translated (programs/translation.py).
    assert list(error.value.message_dict) == ["slug", "slug_en"]


def test_page_meta_description_is_limited_to_160_characters():
    with pytest.raises(ValidationError) as error:
        Page(title="Long", slug="long", meta_description="x" * 161).full_clean()

    assert list(error.value.message_dict) == ["meta_description", "meta_description_en"]


def test_page_body_is_stored_as_sanitized_html_on_save():
    page = make_page(body="## Hello\n\n<script>alert(1)</script>Hi")

    page.refresh_from_db()
    assert page.body_html == "<h2>Hello</h2>\n\n<p>Hi</p>"


def test_page_published_respects_status_and_go_live_time():
    now = timezone.now()
    live = make_page("live")
    make_page("draft", status=Page.Status.DRAFT)
    make_page("later", publish_at=now + datetime.timedelta(hours=1))
    earlier = make_page("earlier", publish_at=now - datetime.timedelta(minutes=1))

    assert set(Page.objects.published(now)) == {live, earlier}


def test_page_special_layout_can_be_used_once():
    make_page("faq", layout=Page.Layout.FAQ)

    with pytest.raises(IntegrityError):
        make_page("faq-2", layout=Page.Layout.FAQ)


def test_privacy_notice_version_names_the_published_notice(django_assert_num_queries):
    assert privacy_notice_version() == ""
    page = make_page("privacy", title="Privacy notice")

    with django_assert_num_queries(1):
        version = privacy_notice_version()

    assert version == page.updated_at.isoformat(timespec="seconds")


def test_privacy_notice_version_is_empty_for_a_draft_notice():
    make_page("privacy", status=Page.Status.DRAFT)

    assert privacy_notice_version() == ""


def test_track_figures_are_derived_from_its_sessions():
    track = make_track(
        sessions=[(0, "18:00", "21:00"), (2, "18:00", "21:00"), (3, "18:30", "21:00")],
        weeks_min=8,
        weeks_max=12,
    )

    assert track.days_per_week == 3
    assert track.hours_per_session == 3
    assert track.hours_per_week == 8.5
    assert track.day_names == ["Monday", "Wednesday", "Thursday"]
    assert track.time_ranges == ["6 p.m. \N{EN DASH} 9 p.m.", "6:30 p.m. \N{EN DASH} 9 p.m."]
    assert str(track.weeks_label) == "8 to 12 weeks"


def test_session_must_end_after_it_starts():
    track = make_track(sessions=())
    session = Session(
        track=track, weekday=0, start_time=datetime.time(21), end_time=datetime.time(18)
    )

    with pytest.raises(ValidationError) as error:
        session.full_clean()
    with pytest.raises(IntegrityError):
        session.save()

    assert error.value.messages == ["A session must end after it starts."]


def test_clinic_settings_is_a_single_row():
    first = make_clinic_settings(name="First")
    second = ClinicSettings(
        name="Second",
        **{
            field: getattr(first, field)
            for field in (
                "admissions_phone",
                "street_address",
                "city",
                "region",
                "postal_code",
                "opening_hours",
            )
        },
    )
    second.save()

    assert ClinicSettings.objects.count() == 1
    assert ClinicSettings.objects.get().name == "Second"
    assert ClinicSettings.objects.get().pk == 1


@pytest.mark.parametrize(
    ("typed", "display", "uri"),
    [
        ("(555) 010-0199", "(555) 010-0199", "tel:+15550100199"),
        ("+1 201-555-0123", "(201) 555-0123", "tel:+12015550123"),
    ],
)
def test_clinic_settings_phone_is_shown_nationally_and_dialled_internationally(typed, display, uri):
    clinic = make_clinic_settings(admissions_phone=typed)
    clinic.full_clean()

    context = ClinicSettings.load().as_context()

    assert context["phone"] == display
    assert context["phone_uri"] == uri


def test_clinic_settings_refuses_a_phone_number_that_cannot_be_dialled():
    clinic = make_clinic_settings()
    clinic.admissions_phone = "555 12"

    with pytest.raises(ValidationError) as error:
        clinic.full_clean()

    assert error.value.message_dict["admissions_phone"] == [
        "Enter a phone number that can be dialed, e.g. (201) 555-0123."
    ]


def test_clinic_settings_refuses_opening_hours_search_engines_cannot_read():
    clinic = make_clinic_settings()
    clinic.opening_hours_spec = "Mo-Fr 09:00-17:00\nweekdays 9 to 5"

    with pytest.raises(ValidationError) as error:
        clinic.full_clean()

    assert error.value.message_dict["opening_hours_spec"] == [
        "“weekdays 9 to 5” is not in the form search engines read. Write one line per rule, "
        "e.g. “Mo-Fr 09:00-17:00” or “Mo,We,Th 18:00-21:00”."
    ]


# --- The shared shapes ------------------------------------------------------------------


def programs_models():
    """The app's own models, without django-simple-history's copies."""
    return [
        model
        for model in apps.get_app_config("programs").get_models()
        if not issubclass(model, HistoricalChanges)
    ]


def test_every_model_with_stored_html_renders_it_through_the_markdown_mixin():
    for model in programs_models():
        html_fields = {f.name for f in model._meta.get_fields() if f.name.endswith("_html")}
        if html_fields:
            assert issubclass(model, RendersMarkdown), model
            assert set(model.markdown_fields.values()) == html_fields, model


def test_every_model_is_in_the_one_list_that_changes_the_page_cache_version():
    # Redirects are never shown on a page (EDITOR_MODELS), so they change no version.
    assert {model._meta.model_name for model in programs_models()} == {
        *CONTENT_MODELS,
        *EDITOR_MODELS,
        "revision",
    }


def make_section():
    return make_page().sections.create(heading="Part", body="Old", order=1)


# (factory, a Markdown field, another field)
MARKDOWN_RECORDS = [
    pytest.param(make_page, "body", "title", id="page"),
    pytest.param(make_section, "body", "heading", id="section"),
    pytest.param(make_therapy, "body", "title", id="therapy"),
    pytest.param(make_faq, "answer", "question", id="faq"),
]


@pytest.mark.parametrize(("make", "source", "other"), MARKDOWN_RECORDS)
def test_saving_only_the_markdown_still_renders_its_html(make, source, other):
    record = make()
    target = record.markdown_fields[source]

    setattr(record, source, "**New** words")
    record.save(update_fields=[source])

    record.refresh_from_db()
    assert getattr(record, target) == "<p><strong>New</strong> words</p>"


@pytest.mark.parametrize(("make", "source", "other"), MARKDOWN_RECORDS)
def test_saving_other_fields_leaves_the_stored_html_alone(make, source, other):
    record = make()
    target = record.markdown_fields[source]
    rendered = getattr(record, target)
    # Changed in memory only: a save of another field must not store its HTML.
    setattr(record, source, "Unsaved words")
    setattr(record, other, "Renamed")

    record.save(update_fields=[other])

    record.refresh_from_db()
    assert getattr(record, other) == "Renamed"
    assert getattr(record, target) == rendered


def test_next_go_live_is_the_soonest_of_any_scheduled_record():
    now = timezone.now()
    make_page("later", publish_at=now + datetime.timedelta(hours=2))
    make_page("sooner", publish_at=now + datetime.timedelta(hours=1))
    make_page("draft", status=Page.Status.DRAFT, publish_at=now + datetime.timedelta(minutes=5))
    make_page("past", publish_at=now - datetime.timedelta(minutes=5))

    assert next_go_live(now) == now + datetime.timedelta(hours=1)
    assert next_go_live(now + datetime.timedelta(hours=3)) is None
