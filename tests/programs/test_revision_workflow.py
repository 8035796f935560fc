"""Revisions from the editor's side, continued: publishing at a set time with no cron
job, comparing and reverting, and the approval a publisher gives to legal pages and to
the clinic details patients rely on."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from programs import cache as page_cache
from programs.models import ClinicSettings, Page, Revision, next_go_live, privacy_notice_version
from programs.revisions import publish_due
from tests.factories import admin_form, make_clinic_settings, make_page, make_user
from tests.programs.test_revisions import change_url, edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketing(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client


@pytest.fixture
def publisher():
    return make_user("pat", groups=("Publisher",), first_name="Pat", last_name="Quinn")


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def local_input(when):
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


def text_of(response):
    return " ".join(strip_tags(response.content.decode()).split())


def visit(client, path):
    client.logout()
    return client.get(path)


def schedule(client, page, when, **changes):
    """Save a draft of `page` with `changes`, to be published at `when`."""
    return client.post(
        change_url(page),
        {
            **edit(page, **changes),
            "_schedule": "Schedule",
            "revision_publish_at": local_input(when),
        },
    )


def travel(monkeypatch, delta):
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + delta)


# --- Publishing at a set time ----------------------------------------------------------


def test_a_scheduled_draft_is_published_by_the_first_visit_after_its_time(
    marketing, client, monkeypatch
):
    page = make_page(body="Three evenings a week.")
    when = later(hours=1)
    when = when.replace(second=0, microsecond=0)
    schedule(marketing, page, when, body="Four evenings a week.")
    revision = Revision.objects.for_item(page).get(status=Revision.Status.SCHEDULED)
    assert revision.publish_at == when
    assert "Three evenings" in visit(client, "/about-us/").content.decode()
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"

    travel(monkeypatch, datetime.timedelta(hours=1, minutes=1))
    response = client.get("/about-us/")

    assert "Four evenings a week." in response.content.decode()
    assert response["X-Page-Cache"] == "miss"
    revision.refresh_from_db()
    assert (revision.status, revision.published_at) == (Revision.Status.PUBLISHED, when)
    assert revision.published_by.username == "morgan"
    page.refresh_from_db()
    assert page.body == "Four evenings a week."


def test_a_due_revision_is_published_once(marketing, monkeypatch):
    page = make_page(body="Old.")
    schedule(marketing, page, later(minutes=30), body="New.")
    travel(monkeypatch, datetime.timedelta(hours=1))

    publish_due()
    publish_due()

    assert page.history.count() == 2
    assert Revision.objects.for_item(page).filter(status="published").count() == 2


@pytest.mark.parametrize("path", ["/contact/", "/admin/", "/sitemap.xml", "/no-such-page/"])
def test_a_scheduled_draft_is_published_by_the_first_request_of_any_kind(
    marketing, monkeypatch, path
):
    page = make_page(body="Old.")
    schedule(marketing, page, later(minutes=30), body="New.")
    assert Client().get(path).status_code in (200, 302, 404)  # before its time
    page.refresh_from_db()
    assert page.body == "Old."

    travel(monkeypatch, datetime.timedelta(minutes=31))
    Client().get(path)

    page.refresh_from_db()
    assert page.body == "New."
    assert Revision.objects.for_item(page).filter(status="published").count() == 2
    assert page.history.count() == 2


def test_a_request_before_any_scheduled_time_asks_the_database_nothing_about_it(
    marketing, monkeypatch
):
    page = make_page(body="Old.")
    schedule(marketing, page, later(minutes=30), body="New.")
    visitor = Client()
    visitor.get("/contact/")  # works out when content changes next

    with CaptureQueriesContext(connection) as later_request:
        visitor.get("/contact/")

    assert [
        q["sql"] for q in later_request.captured_queries if "programs_revision" in q["sql"]
    ] == []
    travel(monkeypatch, datetime.timedelta(minutes=31))
    with CaptureQueriesContext(connection) as due_request:
        visitor.get("/contact/")
    assert any("programs_revision" in q["sql"] for q in due_request.captured_queries)
    page.refresh_from_db()
    assert page.body == "New."


def test_a_draft_scheduled_after_a_request_is_still_published_on_time(marketing, monkeypatch):
    page = make_page(body="Old.")
    Client().get("/contact/")  # nothing scheduled: remembered under this content version
    schedule(marketing, page, later(minutes=5), body="New.")

    travel(monkeypatch, datetime.timedelta(minutes=6))
    Client().get("/contact/")

    page.refresh_from_db()
    assert page.body == "New."


def test_the_admin_shows_a_draft_published_by_its_own_request(marketing, monkeypatch):
    page = make_page(title="About us", body="Old.")
    schedule(marketing, page, later(minutes=5), body="New.")
    travel(monkeypatch, datetime.timedelta(minutes=6))

    response = marketing.get(change_url(page))

    assert response.context["adminform"].form.initial["body_en"] == "New."
    assert "Unpublished draft" not in text_of(response)


def test_no_cached_page_outlives_the_next_scheduled_publish(marketing):
    page = make_page(body="Old.")
    when = later(minutes=5).replace(second=0, microsecond=0)
    schedule(marketing, page, when, body="New.")
    now = timezone.now()

    assert next_go_live(now) == when
    assert page_cache.valid_until(next_go_live(now), now) == when


def test_scheduling_a_draft_renders_cached_pages_afresh(marketing, client):
    page = make_page(body="Old.")
    client.logout()
    client.get("/about-us/")
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"
    client.force_login(make_user("sam", groups=("Marketing",)))
    schedule(client, page, later(minutes=5), body="New.")

    assert visit(client, "/about-us/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("next tuesday", "Enter the day and time to publish at, e.g. 2030-06-01 09:00."),
        ("2001-01-01T09:00", "Choose a time in the future."),
        ("", "Enter the day and time to publish at."),
    ],
)
def test_a_bad_publishing_time_keeps_the_draft_and_says_why(marketing, typed, error):
    page = make_page(body="Old.")

    response = marketing.post(
        change_url(page),
        {**edit(page, body="New."), "_schedule": "Schedule", "revision_publish_at": typed},
        follow=True,
    )

    assert f"The draft is saved, not scheduled: {error}" in text_of(response)
    assert Revision.objects.for_item(page).get(status="draft").data["item"]["fields"]["body"] == (
        "New."
    )


# --- Compare and revert ----------------------------------------------------------------


def test_compare_marks_the_changed_word_in_every_changed_field(marketing):
    page = make_page(title="About us", body="We meet three evenings a week.")
    marketing.post(
        change_url(page), edit(page, title="About the clinic", body="We meet four evenings a week.")
    )
    draft = Revision.objects.for_item(page).get(status="draft")
    live = Revision.objects.for_item(page).get(status="published")

    response = marketing.get(
        reverse("admin:programs_page_compare", args=[page.pk]), {"a": draft.pk, "b": live.pk}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "We meet <del>three</del> evenings a week." in html
    assert "We meet <ins>four</ins> evenings a week." in html
    assert "About <del>us</del>" in html
    assert "About <ins>the clinic</ins>" in html
    rows = {group.title: group for group in response.context["groups"]}
    changed = [row.label for row in rows["Page"].rows if row.changed]
    assert changed == ["Title [en]", "Text [en]"]


def test_compare_escapes_what_editors_typed(marketing):
    page = make_page(body="Plain.")
    marketing.post(change_url(page), edit(page, body="<script>alert(1)</script> Plain."))

    html = marketing.get(reverse("admin:programs_page_compare", args=[page.pk])).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert" in html


def test_compare_refuses_a_revision_of_another_page_with_a_message(marketing):
    page, other = make_page("one"), make_page("two")
    marketing.post(change_url(other), edit(other, body="Other draft."))
    foreign = Revision.objects.for_item(other).first()

    response = marketing.get(
        reverse("admin:programs_page_compare", args=[page.pk]), {"a": foreign.pk, "b": "x"}
    )

    assert response.status_code == 200
    assert "Choose two revisions of this item." in text_of(response)


def test_history_lists_what_each_revision_changed(marketing):
    page = make_page(body="Old.")
    marketing.post(change_url(page), edit(page, body="New.", nav_order="5"))

    response = marketing.get(reverse("admin:programs_page_history", args=[page.pk]))

    text = text_of(response)
    assert "Draft" in text
    assert [row["changed"] for row in response.context["rows"]] == [
        ["Text [en]", "Menu position"],
        [],
    ]
    assert "First recorded version" in text


def test_revert_makes_a_new_draft_from_an_old_revision(marketing, client):
    page = make_page(body="Original.")
    marketing.post(change_url(page), {**edit(page, body="Changed."), "_publish": "Publish now"})
    original = Revision.objects.for_item(page).filter(status="published").last()

    marketing.post(
        reverse("admin:programs_page_revision_action", args=[page.pk, original.pk, "revert"])
    )

    page.refresh_from_db()
    assert page.body == "Changed."
    draft = Revision.objects.for_item(page).get(status="draft")
    assert draft.data["item"]["fields"]["body"] == "Original."
    assert draft.created_by.username == "morgan"


def test_revision_actions_answer_get_with_405(marketing):
    page = make_page()
    marketing.post(change_url(page), edit(page, body="Draft."))
    draft = Revision.objects.for_item(page).get(status="draft")

    response = marketing.get(
        reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"])
    )

    assert response.status_code == 405


def test_history_and_compare_queries_do_not_grow_with_revisions(
    marketing, django_assert_max_num_queries
):
    one, many = make_page("one"), make_page("many")
    marketing.post(change_url(one), edit(one, body="Draft."))
    for number in range(15):
        marketing.post(change_url(many), {**edit(many, body=f"Text {number}."), "_publish": "1"})
    urls = {
        page: [
            reverse("admin:programs_page_history", args=[page.pk]),
            reverse("admin:programs_page_compare", args=[page.pk]),
        ]
        for page in (one, many)
    }

    for index in range(2):
        with django_assert_max_num_queries(30) as few:
            marketing.get(urls[one][index])
        with django_assert_max_num_queries(len(few)):
            marketing.get(urls[many][index])


# --- Approval --------------------------------------------------------------------------


def test_legal_pages_are_flagged_when_created():
    assert make_page("privacy").is_legal
    assert make_page("terms").is_legal
    assert not make_page("about-us").is_legal


@pytest.mark.parametrize("method", ["get", "post"])
def test_marketing_gets_403_deleting_the_privacy_page(marketing, method):
    page = make_page("privacy", title="Privacy notice")

    response = getattr(marketing, method)(reverse("admin:programs_page_delete", args=[page.pk]))

    assert response.status_code == 403
    assert Page.objects.filter(slug="privacy").exists()


def test_marketing_cannot_publish_a_change_to_the_privacy_notice(
    marketing, publisher, client, monkeypatch
):
    page = make_page("privacy", title="Privacy notice", body="We keep little.")
    version = privacy_notice_version()

    response = marketing.post(
        change_url(page),
        {**edit(page, body="We keep less."), "_publish": "Publish now"},
        follow=True,
    )

    page.refresh_from_db()
    assert page.body == "We keep little."
    assert "Publishing it needs a member of the Publisher group" in text_of(response)
    draft = Revision.objects.for_item(page).get(status="draft")
    assert draft.needs_publisher
    assert privacy_notice_version() == version

    travel(monkeypatch, datetime.timedelta(minutes=5))
    client.force_login(publisher)
    client.post(reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"]))

    page.refresh_from_db()
    assert page.body == "We keep less."
    draft.refresh_from_db()
    assert privacy_notice_version() == draft.published_at.isoformat(timespec="seconds")
    assert privacy_notice_version() != version


def test_the_edit_form_of_a_legal_page_says_who_must_approve(marketing, publisher):
    page = make_page("privacy", title="Privacy notice")

    response = marketing.get(change_url(page))

    text = text_of(response)
    assert "A publisher must approve changes to this. Publishers: Pat Quinn." in text
    assert "You can save drafts; a publisher publishes them." in text
    assert "Publish now" not in text


def test_only_a_publisher_sets_or_clears_the_legal_flag(marketing, publisher, client):
    page = make_page("privacy", status=Page.Status.DRAFT)
    form = marketing.get(change_url(page)).context["adminform"].form

    assert "is_legal" not in form.fields
    marketing.post(change_url(page), edit(page, status="draft"))
    page.refresh_from_db()
    assert page.is_legal

    client.force_login(publisher)
    client.post(change_url(page), edit(page, status="draft", is_legal=""))
    page.refresh_from_db()
    assert not page.is_legal


def test_marketing_cannot_put_a_legal_page_live_directly(marketing):
    page = make_page("terms", status=Page.Status.DRAFT)

    response = marketing.post(change_url(page), edit(page, status="published"))

    assert response.context["adminform"].form.errors["status"] == [
        "This is a legal page: a member of the Publisher group publishes it. Save it as a "
        "draft and ask them."
    ]
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT


def clinic_form(clinic, **overrides):
    data = {
        "name": clinic.name,
        "admissions_phone": "+15550100142",
        "street_address": clinic.street_address,
        "city": clinic.city,
        "region": clinic.region,
        "postal_code": clinic.postal_code,
        "opening_hours": clinic.opening_hours,
        "opening_hours_spec": clinic.opening_hours_spec,
        "license_number": clinic.license_number,
        "license_expires": clinic.license_expires.isoformat(),
        "license_authority": clinic.license_authority,
        "license_title": clinic.license_title,
        "sharing_image": "",
        "facebook_url": "",
        "instagram_url": "",
        "linkedin_url": "",
        "youtube_url": "",
    }
    data.update(overrides)
    return admin_form(ClinicSettings, data)


def test_marketing_cannot_publish_a_change_to_the_phone_and_a_publisher_can(
    marketing, publisher, client
):
    clinic = make_clinic_settings()
    url = reverse("admin:programs_clinicsettings_change", args=[clinic.pk])

    marketing.post(url, {**clinic_form(clinic, admissions_phone="(555) 010-0199"), "_publish": "1"})

    assert ClinicSettings.load().as_context()["phone"] == "(555) 010-0142"
    draft = Revision.objects.for_item(clinic).get(status="draft")
    assert draft.needs_publisher
    assert "(555) 010-0142" in visit(client, "/").content.decode()

    client.force_login(publisher)
    listing = client.get(reverse("admin:programs_revision_changelist"), follow=True)
    assert [r.pk for r in listing.context["cl"].result_list] == [draft.pk]
    client.post(url, {**clinic_form(clinic, admissions_phone="(555) 010-0199"), "_publish": "1"})

    assert ClinicSettings.load().as_context()["phone"] == "(555) 010-0199"


def test_marketing_publishes_other_clinic_details_themselves(marketing):
    clinic = make_clinic_settings()
    url = reverse("admin:programs_clinicsettings_change", args=[clinic.pk])

    marketing.post(
        url, {**clinic_form(clinic, instagram_url="https://instagram.com/x"), "_publish": "1"}
    )

    assert ClinicSettings.load().instagram_url == "https://instagram.com/x"
    assert not Revision.objects.pending().exists()


def test_publisher_sees_what_waits_for_approval(marketing, publisher, client):
    privacy = make_page("privacy", title="Privacy notice")
    about = make_page("about-us")
    marketing.post(change_url(privacy), edit(privacy, body="New notice."))
    marketing.post(change_url(about), edit(about, body="New about."))

    client.force_login(publisher)
    response = client.get(reverse("admin:programs_revision_changelist"), follow=True)

    assert response.redirect_chain[-1][0].endswith("?state=waiting")
    assert [r.title for r in response.context["cl"].result_list] == ["Privacy notice"]


def test_the_publisher_group_publishes_and_deletes_nothing_else():
    permissions = set(
        Group.objects.get(name="Publisher").permissions.values_list("codename", flat=True)
    )

    assert "publish_protected" in permissions
    assert not {code for code in permissions if code.startswith("delete_")} - {"delete_pagesection"}
    assert "publish_protected" not in set(
        Group.objects.get(name="Marketing").permissions.values_list("codename", flat=True)
    )


def test_approval_list_queries_do_not_grow_with_revisions(
    marketing, publisher, client, django_assert_max_num_queries
):
    page = make_page("privacy", title="Privacy notice")
    marketing.post(change_url(page), edit(page, body="One."))
    client.force_login(publisher)
    url = reverse("admin:programs_revision_changelist") + "?state=waiting"
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    budget = len(few)  # Read now: each request clears the connection's query log.
    for number in range(12):
        other = make_page(f"legal-{number}", is_legal=True)
        client.force_login(make_user(f"m{number}", groups=("Marketing",)))
        client.post(change_url(other), edit(other, body=f"Draft {number}."))
    client.force_login(publisher)

    with django_assert_max_num_queries(budget):
        response = client.get(url)

    assert len(response.context["cl"].result_list) == 13


def test_a_run_of_changed_words_is_marked_once():
    from programs.revision_compare import mark_changes

    old, new = mark_changes("Meet on Monday evening.", "Meet on Tuesday and Thursday evening.")

    assert old == "Meet on <del>Monday</del> evening."
    assert new == "Meet on <ins>Tuesday and Thursday</ins> evening."


def test_the_admin_index_tells_a_publisher_what_waits(marketing, publisher, client):
    page = make_page("privacy", title="Privacy notice")
    marketing.post(change_url(page), edit(page, body="New notice."))
    assert "waiting for a publisher" not in text_of(marketing.get(reverse("admin:index")))

    client.force_login(publisher)
    response = client.get(reverse("admin:index"))

    assert "1 change waiting for a publisher" in text_of(response)


def test_a_draft_whose_address_was_taken_meanwhile_is_refused_with_a_message(marketing):
    page = make_page(body="Live.")
    marketing.post(change_url(page), edit(page, slug="parking", body="Draft."))
    draft = Revision.objects.for_item(page).get(status="draft")
    make_page("parking", title="Parking")

    preview = marketing.get(
        reverse("admin:programs_page_preview_revision", args=[page.pk, draft.pk]), follow=True
    )
    form = marketing.get(change_url(page))
    published = marketing.post(
        reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"]),
        follow=True,
    )

    assert "This version cannot be previewed: It conflicts with another record" in text_of(preview)
    assert form.status_code == 200
    assert "The draft cannot be opened" in text_of(form)
    assert (
        "The draft is saved but could not be published: Page with this Address [en] already exists."
        in text_of(published)
    )
    page.refresh_from_db()
    assert (page.slug, page.body) == ("about-us", "Live.")


def test_a_scheduled_draft_that_no_longer_fits_goes_back_to_a_draft(marketing, monkeypatch):
    page = make_page(body="Live.")
    schedule(marketing, page, later(minutes=10), slug="parking")
    make_page("parking", title="Parking")
    travel(monkeypatch, datetime.timedelta(minutes=11))

    publish_due()

    revision = Revision.objects.for_item(page).get(status="draft")
    assert revision.problem == "Page with this Address [en] already exists."
    assert revision.publish_at is None
    page.refresh_from_db()
    assert page.slug == "about-us"


def test_deleting_a_page_drops_its_waiting_draft(marketing):
    page = make_page(body="Live.")
    marketing.post(change_url(page), edit(page, body="Draft."))

    marketing.post(reverse("admin:programs_page_delete", args=[page.pk]), {"post": "yes"})

    assert not Page.objects.filter(pk=page.pk).exists()
    assert not Revision.objects.pending().exists()
