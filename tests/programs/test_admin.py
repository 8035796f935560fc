"""Editing content in the admin, as a member of the Marketing group."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from programs.apps import CONTENT_MODELS, EDITOR_MODELS
from programs.models import Article, ClinicSettings, Page, PageSection, Person, Session, Track
from tests.factories import (
    admin_form,
    make_clinic_settings,
    make_faq,
    make_page,
    make_track,
    make_user,
)
from tests.programs.factories import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db

CRUD = ("add", "change", "delete", "view")


@pytest.fixture
def marketing(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client


def page_form(**overrides):
    data = {
        "title": "Parking and directions",
        "slug": "parking",
        "intro": "",
        "body": "Free parking behind the building.",
        "layout": "standard",
        "status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
        "show_in_nav": "",
        "nav_label": "",
        "nav_order": "100",
        "meta_description": "Where to park.",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return admin_form(Page, data, sections=PageSection)


def test_marketing_group_has_exactly_the_content_permissions():
    permissions = set(
        Group.objects.get(name="Marketing")
        .permissions.filter(content_type__app_label="programs")
        .values_list("codename", flat=True)
    )

    assert permissions == {
        *(
            f"{action}_{model}"
            for model in CONTENT_MODELS
            if model != "clinicsettings"
            for action in CRUD
        ),
        "change_clinicsettings",
        "view_clinicsettings",
        *(f"{action}_{model}" for model in EDITOR_MODELS for action in CRUD),
        "view_revision",
    }


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:programs_page_changelist",
        "admin:programs_page_add",
        "admin:programs_track_changelist",
        "admin:programs_track_add",
        "admin:programs_therapy_changelist",
        "admin:programs_faqentry_changelist",
        "admin:programs_faqentry_add",
    ],
)
def test_marketing_can_open_content_admin_pages(marketing, url_name):
    assert marketing.get(reverse(url_name)).status_code == 200


def test_marketing_can_open_existing_records_and_their_history(marketing):
    page = make_page()
    track = make_track()
    faq = make_faq()

    for url in (
        reverse("admin:programs_page_change", args=[page.pk]),
        reverse("admin:programs_page_history", args=[page.pk]),
        reverse("admin:programs_track_change", args=[track.pk]),
        reverse("admin:programs_faqentry_change", args=[faq.pk]),
    ):
        assert marketing.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        "/admin/admissions/inquiry/",
    ],
)
def test_marketing_cannot_open_users_groups_or_inquiries(marketing, url):
    assert marketing.get(url).status_code == 403


def test_marketing_creates_a_page_in_the_admin(marketing, client):
    response = marketing.post(reverse("admin:programs_page_add"), page_form())

    page = Page.objects.get(slug="parking")
    assert response.status_code == 302
    assert page.body_html == "<p>Free parking behind the building.</p>"
    assert page.history.get().history_user.username == "morgan"


def test_admin_refuses_a_reserved_slug_with_a_clear_error(marketing):
    response = marketing.post(reverse("admin:programs_page_add"), page_form(slug="contact"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug_en"] == [
        "The address “contact” is used by another part of the site. Please choose a different one."
    ]
    assert not Page.objects.filter(slug="contact").exists()


def test_admin_refuses_a_session_that_ends_before_it_starts(marketing):
    response = marketing.post(
        reverse("admin:programs_track_add"),
        admin_form(
            Track,
            {
                "name": "Late track",
                "slug": "late",
                "mode": "in_person",
                "description": "Late.",
                "weeks_min": "8",
                "weeks_max": "12",
                "order": "0",
                "is_published": "on",
                "sessions-TOTAL_FORMS": "1",
                "sessions-INITIAL_FORMS": "0",
                "sessions-MIN_NUM_FORMS": "0",
                "sessions-MAX_NUM_FORMS": "1000",
                "sessions-0-weekday": "0",
                "sessions-0-start_time": "21:00",
                "sessions-0-end_time": "18:00",
                "sessions-0-mode": "in_person",
                "sessions-0-location": "",
            },
            sessions=Session,
        ),
    )

    assert response.status_code == 200
    assert "A session must end after it starts." in response.content.decode()


def test_page_history_shows_who_changed_what(marketing):
    page = make_page(body="First text.")
    marketing.post(
        reverse("admin:programs_page_change", args=[page.pk]),
        {**page_form(title=page.title, slug=page.slug, body="Second text."), "_publish": "1"},
    )

    html = marketing.get(reverse("admin:programs_page_history", args=[page.pk])).content.decode()
    earliest = page.history.earliest()

    assert page.history.count() == 2
    assert page.history.latest().history_user.username == "morgan"
    assert earliest.body == "First text."
    assert "morgan" in html


def test_clinic_settings_list_opens_the_single_record(marketing):
    clinic = make_clinic_settings()

    response = marketing.get(reverse("admin:programs_clinicsettings_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:programs_clinicsettings_change", args=[clinic.pk])


def test_clinic_settings_cannot_be_added_twice_or_deleted(client):
    client.force_login(make_user("root", is_superuser=True))
    clinic = make_clinic_settings()

    add = client.get(reverse("admin:programs_clinicsettings_add"))
    delete = client.get(reverse("admin:programs_clinicsettings_delete", args=[clinic.pk]))

    assert add.status_code == 403
    assert delete.status_code == 403
    assert ClinicSettings.objects.count() == 1


def test_a_publisher_changes_clinic_settings_with_the_demo_phone(client):
    # The phone is published by the Publisher group (tests/programs/test_revision_workflow.py).
    client.force_login(make_user("pat", groups=("Marketing", "Publisher")))
    clinic = make_clinic_settings()
    data = {
        "name": "Harbor Light Recovery",
        "admissions_phone": "(555) 010-0199",
        "street_address": "200 Lantern Way",
        "city": "Bayport",
        "region": "OR",
        "postal_code": "97000",
        "opening_hours": "Every day",
        "opening_hours_spec": "Mo-Su 00:00-23:59",
        "license_number": "000000AP",
        "license_expires": "2027-05-31",
        "license_authority": "Oregon Health Authority",
        "license_title": "Certificate of Approval",
        "facebook_url": "",
        "instagram_url": "",
        "linkedin_url": "",
        "youtube_url": "",
        "_publish": "Publish now",
    }

    response = client.post(
        reverse("admin:programs_clinicsettings_change", args=[clinic.pk]),
        admin_form(ClinicSettings, data),
    )

    assert response.status_code == 302
    assert ClinicSettings.load().as_context()["phone"] == "(555) 010-0199"


def test_marketing_gets_a_clear_error_for_a_bad_clinic_phone(marketing):
    clinic = make_clinic_settings()

    response = marketing.post(
        reverse("admin:programs_clinicsettings_change", args=[clinic.pk]),
        {
            "name": "X",
            "admissions_phone": "call us",
            "street_address": "a",
            "city": "b",
            "region": "c",
            "postal_code": "d",
            "opening_hours": "e",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["admissions_phone"] == [
        "Enter a phone number that can be dialed, e.g. (201) 555-0123."
    ]


# --- Articles, people and topics -------------------------------------------------------


def article_form(author, reviewer=None, **overrides):
    data = {
        "title": "Sleep in early recovery",
        "slug": "sleep",
        "summary": "Why sleep is hard at first, and what helps.",
        "body": "Sleep often takes a few weeks to settle.",
        "author": str(author.pk),
        "reviewer": str(reviewer.pk) if reviewer else "",
        "last_reviewed": "2026-01-05",
        "status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
    }
    data.update(overrides)
    return admin_form(Article, data)


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:programs_article_changelist",
        "admin:programs_article_add",
        "admin:programs_person_changelist",
        "admin:programs_person_add",
        "admin:programs_topic_changelist",
        "admin:programs_topic_add",
    ],
)
def test_marketing_can_open_the_library_admin_pages(marketing, url_name):
    assert marketing.get(reverse(url_name)).status_code == 200


def test_marketing_publishes_an_article_in_the_admin(marketing):
    author = make_person("jordan", name="Jordan Whitaker", credentials="LPC")
    reviewer = make_person()
    topic = make_topic()

    response = marketing.post(
        reverse("admin:programs_article_add"),
        article_form(author, reviewer, topics=[str(topic.pk)]),
    )

    article = Article.objects.get(slug="sleep")
    assert response.status_code == 302
    assert article.body_html == "<p>Sleep often takes a few weeks to settle.</p>"
    assert list(article.topics.all()) == [topic]
    assert article.published_at is not None
    assert article.history.get().history_user.username == "morgan"


def test_admin_explains_what_a_published_article_is_missing(marketing):
    author = make_person("jordan", name="Jordan Whitaker", credentials="LPC")

    response = marketing.post(
        reverse("admin:programs_article_add"),
        article_form(author, last_reviewed=""),
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {
        "reviewer": ["Choose the clinician who reviewed the article."],
        "last_reviewed": ["Enter the day of the clinical review."],
    }
    assert not Article.objects.exists()


def test_admin_refuses_the_author_as_reviewer_with_a_clear_error(marketing):
    author = make_person("jordan", name="Jordan Whitaker", credentials="LPC")

    response = marketing.post(reverse("admin:programs_article_add"), article_form(author, author))

    assert response.context["adminform"].form.errors == {
        "reviewer": ["The clinical reviewer must be someone other than the author."]
    }


def test_articles_due_for_clinical_review_are_flagged_to_editors(marketing):
    due = make_article("due", title="Due", last_reviewed=datetime.date(2020, 1, 2))
    make_article("fresh", title="Fresh")

    listing = marketing.get(reverse("admin:programs_article_changelist"))
    filtered = marketing.get(reverse("admin:programs_article_changelist") + "?review=due")
    form = marketing.get(reverse("admin:programs_article_change", args=[due.pk]))

    assert "Due since Jan. 2, 2021" in listing.content.decode()
    assert [article.slug for article in filtered.context["cl"].result_list] == ["due"]
    messages = [str(message) for message in form.context["messages"]]
    assert messages == [
        "This article's last clinical review was on Jan. 2, 2020, more than 12 months ago. "
        "Please ask a clinician to review it, then enter the new date."
    ]


def test_admin_refuses_credentials_it_cannot_show_in_a_byline(marketing):
    response = marketing.post(
        reverse("admin:programs_person_add"),
        admin_form(
            Person,
            {
                "name": "Pat Lee",
                "slug": "pat-lee",
                "credentials": "lcsw!!",
                "job_title": "Counselor",
                "role": "therapy",
                "bio": "",
                "on_team_page": "on",
                "order": "0",
            },
        ),
    )

    assert response.context["adminform"].form.errors == {
        "credentials": [
            "Write the credentials as their letters, separated by commas, e.g. “LCSW, LAADC” "
            "or “MD”."
        ]
    }
