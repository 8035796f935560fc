"""Drafts of live content, from the editor's side: a change to a live page or article is
a draft that visitors do not see until it is published, that staff can preview, and
that is published now or at a set time."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from programs import cache as page_cache
from programs.models import Article, Page, PageSection, Revision
from tests.factories import admin_form, make_page, make_user
from tests.html import parse
from tests.programs.factories import make_article, make_topic
from tests.programs.test_admin import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketing(client):
    user = make_user("morgan", groups=("Marketing",), first_name="Morgan", last_name="Lee")
    client.force_login(user)
    return client


def change_url(page):
    return reverse("admin:programs_page_change", args=[page.pk])


def edit(page, **overrides):
    """The page's form as the admin shows it, with `overrides`."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "body": page.body,
        "status": page.status,
        "meta_description": page.meta_description,
        "show_in_nav": "on" if page.show_in_nav else "",
    }
    fields.update(overrides)
    return page_form(**fields)


def page_text(response):
    """The page's text, tags removed and white space collapsed."""
    return " ".join(strip_tags(response.content.decode()).split())


def submit_buttons(response):
    return [
        attributes["value"]
        for tag, attributes in parse(response.content.decode()).tags
        if tag == "input" and attributes.get("type") == "submit"
    ]


def visitor_text(client, path):
    client.logout()
    return client.get(path).content.decode()


def test_a_change_to_a_live_page_is_a_draft_visitors_do_not_see(marketing, client):
    page = make_page(body="We meet three evenings a week.")

    response = marketing.post(change_url(page), edit(page, body="We meet four evenings a week."))

    assert response.status_code == 302
    assert response["Location"] == change_url(page)
    page.refresh_from_db()
    assert page.body == "We meet three evenings a week."
    assert page.history.count() == 1
    draft = Revision.objects.for_item(page).get(status=Revision.Status.DRAFT)
    assert draft.created_by.username == "morgan"
    assert draft.data["item"]["fields"]["body"] == "We meet four evenings a week."
    assert draft.data["item"]["fields"]["body_html"] == "<p>We meet four evenings a week.</p>"
    html = visitor_text(client, "/about-us/")
    assert "three evenings" in html
    assert "four evenings" not in html


def test_the_edit_form_opens_on_the_draft_and_says_who_saved_it(marketing):
    page = make_page(body="Live words.")
    marketing.post(change_url(page), edit(page, body="Draft words."))

    response = marketing.get(change_url(page))

    assert response.context["adminform"].form["body_en"].value() == "Draft words."
    text = page_text(response)
    assert "Unpublished draft: saved by Morgan Lee on" in text
    assert "This form shows the draft; visitors still see the published version." in text
    assert submit_buttons(response)[:3] == ["Save draft", "Publish now", "Schedule"]


def test_preview_shows_the_draft_as_visitors_will_see_it(marketing, client):
    page = make_page(body="Live words.")
    marketing.post(change_url(page), edit(page, body="Draft **words**."))
    draft = Revision.objects.for_item(page).get(status=Revision.Status.DRAFT)

    response = marketing.get(
        reverse("admin:programs_page_preview_revision", args=[page.pk, draft.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<p>Draft <strong>words</strong>.</p>" in html
    assert "Preview - not published." in html
    assert "A draft saved by Morgan Lee on" in html
    assert "no-store" in response["Cache-Control"]
    page.refresh_from_db()
    assert page.body == "Live words."
    assert "Live words." in visitor_text(client, "/about-us/")


def test_preview_is_for_staff_only(client):
    page = make_page()
    draft = Revision.objects.create(
        content_type_id=_page_type(), object_id=page.pk, title="x", data={}, status="draft"
    )

    response = client.get(reverse("admin:programs_page_preview_revision", args=[page.pk, draft.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def _page_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page).pk


def test_publish_now_makes_the_draft_live(marketing, client):
    page = make_page(body="Old words.")

    marketing.post(change_url(page), {**edit(page, body="New words."), "_publish": "Publish now"})

    page.refresh_from_db()
    assert page.body == "New words."
    assert page.history.latest().history_user.username == "morgan"
    published = Revision.objects.for_item(page).filter(status="published").first()
    assert published.data["item"]["fields"]["body"] == "New words."
    assert published.published_by.username == "morgan"
    assert not Revision.objects.for_item(page).pending().exists()
    assert "New words." in visitor_text(client, "/about-us/")


def test_a_visitor_sees_the_published_draft_though_the_page_was_cached(marketing, client):
    page = make_page(body="Old words.")
    client.logout()
    client.get("/about-us/")
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"
    marketing.force_login(page_editor())
    marketing.post(change_url(page), edit(page, body="New words."))
    assert "Old words." in visitor_text(client, "/about-us/")

    marketing.force_login(page_editor())
    draft = Revision.objects.for_item(page).get(status="draft")
    marketing.post(
        reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"])
    )

    assert "New words." in visitor_text(client, "/about-us/")


def content_version():
    return cache.get(page_cache.VERSION_KEY)


@pytest.fixture
def memory_cache(settings):
    """A cache outside the database, as Redis is in production: with the database's own
    cache, a cache write inside a rolled-back savepoint is rolled back with it."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


def test_opening_the_edit_form_of_a_draft_leaves_cached_pages_current(marketing, memory_cache):
    page = make_page(body="Live words.")
    page.sections.create(heading="Part", body="Live part.", order=1)
    marketing.post(change_url(page), edit(page, body="Draft words."))
    visitor = Client()
    visitor.get("/about-us/")
    version = content_version()
    assert version is not None

    response = marketing.get(change_url(page))

    assert response.status_code == 200
    assert response.context["adminform"].form.initial["body_en"] == "Draft words."
    assert content_version() == version
    assert visitor.get("/about-us/")["X-Page-Cache"] == "hit"


def test_previewing_or_saving_a_draft_leaves_cached_pages_current(marketing, memory_cache):
    page = make_page(body="Live words.")
    marketing.post(change_url(page), edit(page, body="First draft."))
    draft = Revision.objects.for_item(page).get(status="draft")
    visitor = Client()
    visitor.get("/about-us/")
    version = content_version()

    marketing.get(reverse("admin:programs_page_preview_revision", args=[page.pk, draft.pk]))
    marketing.post(change_url(page), edit(page, body="Second draft."))

    assert content_version() == version
    assert visitor.get("/about-us/")["X-Page-Cache"] == "hit"
    assert "Live words." in visitor.get("/about-us/").content.decode()


def action_url(page, revision, action):
    return reverse("admin:programs_page_revision_action", args=[page.pk, revision.pk, action])


def page_editor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="morgan")


def test_one_revision_holds_the_page_with_its_sections(marketing, client):
    page = make_page(body="Text.")
    kept = PageSection.objects.create(page=page, heading="Parking", body="Behind.", order=1)
    gone = PageSection.objects.create(page=page, heading="Old bus", body="Line 9.", order=2)
    data = edit(
        page,
        **{
            "sections-TOTAL_FORMS": "3",
            "sections-INITIAL_FORMS": "2",
            "sections-0-id": str(kept.pk),
            "sections-0-page": str(page.pk),
            "sections-0-order": "1",
            "sections-0-heading": "Parking",
            "sections-0-body": "Behind the building, free.",
            "sections-1-id": str(gone.pk),
            "sections-1-page": str(page.pk),
            "sections-1-order": "2",
            "sections-1-heading": "Old bus",
            "sections-1-body": "Line 9.",
            "sections-1-DELETE": "on",
            "sections-2-page": str(page.pk),
            "sections-2-order": "3",
            "sections-2-heading": "Bikes",
            "sections-2-body": "A rack by the door.",
        },
    )

    marketing.post(change_url(page), data)

    assert list(page.sections.values_list("heading", "body")) == [
        ("Parking", "Behind."),
        ("Old bus", "Line 9."),
    ]
    html = visitor_text(client, "/about-us/")
    assert "Bikes" not in html
    marketing.force_login(page_editor())
    formset = marketing.get(change_url(page)).context["inline_admin_formsets"][0].formset
    assert [form["heading_en"].value() for form in formset.forms] == ["Parking", "Bikes"]

    draft = Revision.objects.for_item(page).get(status="draft")
    marketing.post(
        reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"])
    )

    assert list(page.sections.values_list("heading", "body")) == [
        ("Parking", "Behind the building, free."),
        ("Bikes", "A rack by the door."),
    ]
    html = visitor_text(client, "/about-us/")
    assert "A rack by the door." in html
    assert "Line 9." not in html


def article_form(article, **overrides):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "author": str(article.author_id),
        "reviewer": str(article.reviewer_id),
        "last_reviewed": article.last_reviewed.isoformat(),
        "status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
    }
    data.update(overrides)
    return admin_form(Article, data)


def test_a_draft_of_a_live_article_covers_its_topics(marketing, client):
    family, work = make_topic("family"), make_topic("work", name="Work and school")
    article = make_article(topics=[family])
    url = reverse("admin:programs_article_change", args=[article.pk])
    data = article_form(article, body="A new answer.", topics=[str(work.pk)])

    marketing.post(url, data)

    article.refresh_from_db()
    assert list(article.topics.all()) == [family]
    assert "A new answer." not in visitor_text(client, "/articles/what-is-iop/")

    marketing.force_login(page_editor())
    marketing.post(url, {**data, "_publish": "Publish now"})

    article.refresh_from_db()
    assert article.body == "A new answer."
    assert list(article.topics.all()) == [work]
    assert "A new answer." in visitor_text(client, "/articles/what-is-iop/")


def test_a_page_that_is_not_live_is_saved_at_once_and_recorded(marketing):
    page = make_page(status=Page.Status.DRAFT, body="Old.")

    marketing.post(change_url(page), edit(page, body="New."))

    page.refresh_from_db()
    assert page.body == "New."
    revision = Revision.objects.for_item(page).get()
    assert revision.status == Revision.Status.PUBLISHED
    assert revision.created_by.username == "morgan"


def test_a_draft_with_an_error_is_not_saved_and_says_why(marketing):
    page = make_page(body="Old.")

    response = marketing.post(change_url(page), edit(page, slug="contact", body="New."))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug_en"] == [
        "The address “contact” is used by another part of the site. Please choose a different one."
    ]
    assert not Revision.objects.exists()
    page.refresh_from_db()
    assert page.slug == "about-us"


def test_a_second_draft_replaces_the_first(marketing):
    page = make_page(body="Live.")
    marketing.post(change_url(page), edit(page, body="First draft."))
    marketing.post(change_url(page), edit(page, body="Second draft."))

    pending = Revision.objects.for_item(page).pending()

    assert [r.data["item"]["fields"]["body"] for r in pending] == ["Second draft."]
    assert Revision.objects.for_item(page).filter(status="replaced").count() == 1


def test_edit_form_queries_do_not_grow_with_revisions(marketing, django_assert_max_num_queries):
    one, many = make_page("one"), make_page("many")
    marketing.post(change_url(one), edit(one, body="Draft."))
    for number in range(12):
        marketing.post(change_url(many), edit(many, body=f"Draft {number}."))

    with django_assert_max_num_queries(40) as few:
        marketing.get(change_url(one))
    with django_assert_max_num_queries(len(few)):
        marketing.get(change_url(many))


def test_article_is_published_with_its_time_of_first_publication_kept(marketing):
    article = make_article()
    first = article.published_at
    url = reverse("admin:programs_article_change", args=[article.pk])
    data = article_form(article, title="A new title", _publish="Publish now")

    marketing.post(url, data)

    article = Article.objects.get()
    assert article.title == "A new title"
    assert article.published_at == first
    assert timezone.now() - article.updated_at < datetime.timedelta(minutes=1)
